"""The object of the asked verb (qa.reading.objects, issue #20, sixteenth round): the thing the
question's named subject has, and the object of a preposition the question leaves after its verb."""
from __future__ import annotations

import pytest

from qa.reading.objects import examples_tokens, held_tokens, named_kind, stranded_tokens
from qa.reading.spanfeatures import question_info

from .test_kind_fit import _short, _view

LIST = ("Globex has Nova, Acme has Quasar and Pulsar, Initech is advancing Zeta, and model companies like Hooli "
        "are also evaluating custom boards better suited to their workloads.")
UPGRADE = ("To this end, Acme plans a faster development system, and will upgrade from second-generation boards to "
           "fourth-generation boards next year.")


def _words(v, positions) -> str:
    return " ".join(v.text[i] for i in sorted(positions))


def _finds(finder, question: str, sentence: str, tokens: str, short: str) -> None:
    """``finder`` reads ``tokens`` in the sentence, and the short answer given is ``short``."""
    v = _view(sentence)
    assert _words(v, finder(question, v)) == tokens
    assert _short(question, sentence) == short


@pytest.mark.parametrize("question,sentence,held,short", [
    # the object of the verb whose subject is the asked name, not the list the span model prefers
    ("What chip does Globex have?", LIST, "Nova", "Nova"),
    ("what board does Acme have", LIST, "Quasar and Pulsar", "Quasar and Pulsar"),
    # a name ending in "s" is read whole ("Vantis", not "Vanti")
    ("What does Vantis have?", "Vantis has a large rail unit, while Orbit has a signalling arm.", "a large rail unit",
     "large rail unit"),
])
def test_the_thing_a_named_party_has(question, sentence, held, short):
    _finds(held_tokens, question, sentence, held, short)


@pytest.mark.parametrize("question,sentence,obj,short", [
    ("What will Acme upgrade to next year?", UPGRADE, "fourth - generation boards", "fourth-generation boards"),
    ("What will Acme upgrade from?", UPGRADE, "second - generation boards", "second-generation boards"),
    # (nineteenth round) the verb before its object, the preposition's object a clause: not "U.S. forces"
    ("what did Russia and Syria accuse the US of", "The Russian and Syrian defense ministries accused U.S. forces "
     "in southern Syria’s al-Tanf of controlling “bandit formations”.", "controlling “ bandit formations",
     "bandit formations"),
])
def test_a_preposition_left_after_the_verb_asks_for_its_object(question, sentence, obj, short):
    _finds(stranded_tokens, question, sentence, obj, short)


@pytest.mark.parametrize("question", [
    "What does Globex say?",  # what a party says has its own reader
    "What was Nova designed for?",  # the name is what was acted on, not the subject
    "Which company has Quasar?",  # asks for the subject, not the object
    "What does Initech make?",  # no verb of that stem in the sentence
])
def test_no_object_when_the_question_does_not_ask_for_it(question):
    v = _view(LIST)
    assert held_tokens(question, v) == set()


@pytest.mark.parametrize("question", [
    "What is the share of boards in 2026?",  # "share of" is a noun's phrase, no verb's
    "With whom will Acme upgrade?",  # the preposition opens the question
    "What will Acme upgrade?",  # no preposition left
])
def test_no_stranded_object(question):
    v = _view(UPGRADE)
    assert stranded_tokens(question, v) == set()


CLIENTS = ("Nexa's ownership of foundry and packaging resources gives it a fuller portfolio when competing for AI "
           "clients like Kestrel and Orbit.")


@pytest.mark.parametrize("question,sentence,examples,short", [
    # the examples given of the asked kind, not the kind's own modifier ("AI")
    ("Which clients is Nexa competing for?", CLIENTS, "Kestrel and Orbit", "Kestrel and Orbit"),
    ("Which giants is Nexa making chips for?", "Nexa is the core production base of custom chips for global "
     "technology giants (including Helix, Kestrel and Orbit).", "Helix , Kestrel and Orbit", "Helix, Kestrel and Orbit"),
    # "the likes of" gives examples of a kind the sentence names, wherever they stand
    ("Which clients does Nexa have?", "If Nexa wins the order, it will add another major client to its portfolio, "
     "following the likes of Helix, Kestrel, and Orbit.", "Helix , Kestrel , and Orbit", "Helix"),
])
def test_the_examples_of_the_asked_kind(question, sentence, examples, short):
    from qa.reading.spanfeatures import question_info, stem

    v = _view(sentence)
    assert _words(v, examples_tokens(v, question_info(question)["focus_stem"])) == examples
    assert _short(question, sentence) == short
    assert examples_tokens(v, stem("factory")) == set()  # no examples given of a kind the sentence never names


@pytest.mark.parametrize("question,sentence", [
    # the type asked is the qualifier ("Border Reiver"), not an example of it
    ("What type of surnames have a strong presence?", "There is a strong presence of Border Reiver surnames such as "
     "Armstrong and Elliot."),
    # "materials" is not the wh-phrase's noun: what they contain is asked
    ("Of what were materials that left little residue thought to contain?", "Highly combustible materials that "
     "leave little residue, such as wood or coal, were thought to be made mostly of phlogiston."),
])
def test_no_examples_when_the_kind_is_not_what_is_asked(question, sentence):
    from qa.reading.objects import object_tokens
    from qa.reading.spanfeatures import question_info

    v = _view(sentence)
    assert object_tokens(question, v, question_info(question))[1] == set()


@pytest.mark.parametrize("question,sentence,held", [
    # (seventeenth round) "it" stands for the sentence's main subject; "use" asks for what was "used"
    ("What does Acme use to train Orbit?", "In April, Acme announced an expansion of its partnership with Globex, "
     "stating that it has already used over 1 million Nova boards to train and serve Orbit.",
     "over 1 million Nova boards"),
    ("What does Acme use?", "Acme uses Nova boards in every data center.", "Nova boards"),
    # what was made by the name, in the passive, by any verb of making
    ("Which generation of Zeta did Globex make?", "While the first two generations of Zeta were mainly produced by "
     "Globex, the latest generation has shifted to Initech.", "the first two generations of Zeta"),
    # the verb's noun under a verb the name does: "evaluating the use of ..."
    ("What process will Acme use?", "Acme is also evaluating the use of Nexa's 2nm process to develop chips.",
     "Nexa 's 2 nm process"),
])
def test_the_thing_used_by_the_named_party(question, sentence, held):
    v = _view(sentence)
    assert _words(v, held_tokens(question, v)) == held


def test_the_short_answer_is_what_the_verb_s_noun_is_of():
    sentence = "Acme is also evaluating the use of Nexa's 2nm process to develop AI chips."
    assert _short("What process will Acme use?", sentence) == "Nexa's 2nm process"
    v = _view(sentence)
    assert held_tokens("What process will Globex use?", v) == set()  # another party's use
    assert held_tokens("Which boards will Acme use?", v) == set()  # a process, not the kind asked


def test_it_stands_only_for_the_main_subject():
    v = _view("Globex said that it has already used Nova boards, while Acme waits.")
    assert held_tokens("What has Acme used?", v) == set()  # "it" is Globex here


@pytest.mark.parametrize("question", ["Who are Nexa's customers?", "Which customers does Nexa have?",
                                      "who are nexa's foundry clients"])
def test_customers_and_clients_are_one_kind(question):
    from qa.reading.objects import object_tokens
    from qa.reading.spanfeatures import question_info

    v = _view("If Nexa wins the order, it will add another major client to its portfolio, following the likes of "
              "Helix, Kestrel, and Orbit.")
    assert _words(v, object_tokens(question, v, question_info(question))[0]) == "Helix , Kestrel , and Orbit"


@pytest.mark.parametrize("question,sentence,short", [
    # (eighteenth round) the owner under its full name is not one of its own customers
    ("Who are Acme's customers?", "Acme Electronics signed a supply deal with Globex last year.", "Globex"),
    ("Who is Acme's biggest customer?", "Acme Electronics signed a supply deal with Globex last year.", "Globex"),
    # a person may bear the owner's name
    ("Who was Tesla's father?", "Milutin Tesla, a priest, was the father of Nikola Tesla.", "Milutin Tesla"),
])
def test_who_are_the_owners_people_is_not_the_owner(question, sentence, short):
    assert _short(question, sentence) == short


ROUND = ("In May, during its Series K funding round, Zeta announced that the three major memory manufacturers, led "
         "by Orvane Electronics, had participated as strategic partners.")


@pytest.mark.parametrize("question,sentence,short", [
    # (twenty-second round) the name just before the asked noun, not the names the span model prefers
    ("What round did Zeta raise?", ROUND, "Series K"),
    ("what round did zeta raise", ROUND, "Series K"),
    ("What chip did Zeta release?", "Zeta has already disclosed its ZTIA inference chip developed with Initech.", "ZTIA"),
    ("Which river does the city lie on?", "The city lies on both banks of the Vantor river, north of the hills.", "Vantor"),
    # the name beside the question's words, a participle before it too
    ("What dynasty did the Keltans found?", "The years of the Keltan-established Vorn dynasty left an imprint on "
     "later structures, with literature during the Suli dynasty relatively rare.", "Vorn"),
    # "of the" inside the name, one word describing it before
    ("what award is Dana Wu getting at the 2019 Vantas", "Dana Wu will be honored with the coveted Artist of the "
     "Decade award at the 2019 Vanta Music Awards ceremony.", "Artist of the Decade award"),
])
def test_the_name_before_the_asked_noun_says_which_one(question, sentence, short):
    assert _short(question, sentence) == short


@pytest.mark.parametrize("question,sentence", [
    ("What type of round did Zeta raise?", ROUND),  # the type is the qualifier, read elsewhere
    ("What round did Orvane join?", ROUND.replace("Series K", "Orvane")),  # the question's own name
    ("Which stadium hosted the final?", "The final was played at Levi's Stadium in Santa Clara."),  # part of the name
    ("What chip did Zeta release?", "Zeta's chip was released in May."),  # an owner, not a name of the chip
    ("Which clients is Nexa competing for?", CLIENTS),  # a kind ("AI clients like ..."), no one of them
    ("What team did the Orbits beat?", "The only other Vorn champion team to wear white was the Kestrels."),  # a kind
    ("What video game series did Nexa make?", "Nexa made the Orbit video game series."),  # the kind is last
])
def test_no_name_of_the_asked_noun(question, sentence):
    v = _view(sentence)
    q = dict(question_info(question))
    q["matched"] = [st in q["stems"] for st in v.stem]
    assert named_kind(question, v, q) is None
