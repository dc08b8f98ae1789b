"""Whose a named thing is (qa.reading.holders, issue #20, seventeenth round): "Which company has
TPUs?", "Who owns Trainium?", "Whose chip is MTIA?", "Which company is behind MTIA?"."""
from __future__ import annotations

import pytest

from qa.reading.holders import asks_holder, holder_tokens
from qa.reading.shortanswer import _without_possessive, extract_short_answer

from .test_kind_fit import _pipeline, _short, _view
from .test_objects import _finds, _words

LIST = ("Globex has Nova, Acme has Quasar and Pulsar, Initech is advancing Zeta, and model companies like Hooli "
        "and Vandelay are also evaluating custom boards better suited to their workloads.")
OWNED = "Analysts say this is a plan to reduce reliance on Umbra's GPUs and Globex's NPUs."


@pytest.mark.parametrize("question,asks", [
    ("Which company has NPUs?", True),
    ("which company has its own Nova chips", True),
    ("Who owns Quasar?", True),
    ("Who has Zeta?", True),
    ("Whose chip is Zeta?", True),
    ("Which company is behind Zeta?", True),
    ("What firm now has Pulsar?", True),
    ("Who owns system LSI", True),  # one word in small letters before the name, as recased
    ("Who had Temujin killed?", False),  # "had" lends its verb to a participle: nobody has Temujin
    ("Who has the most wins?", False),  # no named thing
    ("What chip does Globex have?", False),  # asks for the thing, not its holder (qa.reading.objects)
    ("Who makes Quasar?", False),  # its maker: a foundry makes what it does not own
])
def test_asks_holder(question, asks):
    assert asks_holder(question) is asks


@pytest.mark.parametrize("question,sentence,holder,short", [
    # the subject of the verb of having whose object is the thing, not the examples of "companies"
    ("Which company has Pulsar?", LIST, "Acme", "Acme"),
    ("Who owns Quasar?", LIST, "Acme", "Acme"),
    ("Who has Zeta?", LIST, "Initech", "Initech"),  # "is advancing Zeta"
    # the named owner, the plural asked for the singular written and back
    ("Which company has NPU?", OWNED, "Globex", "Globex"),
    ("Which company has NPUs?", "Globex has NPU, while Umbra has GPU.", "Globex", "Globex"),
    ("Whose chip is Zeta?", "Initech's self-developed accelerator, Zeta, is moving to larger deployment.", "Initech",
     "Initech"),
    # the entity model tags "Initech’s" an organisation: the short answer drops the possessive
    ("Which company is behind Zeta?", "According to reports, Initech’s third-generation Zeta plans to use Nexa’s "
     "leading process.", "Initech", "Initech"),
    # "X and Y released it"; "developed by"
    ("Which company is behind Zeta?", "Initech and Hooli released Zeta on June 24, positioning it as a board.",
     "Initech Hooli", "Initech and Hooli"),
    ("Whose board is Zeta?", "The first units of Zeta, a board developed by Initech, shipped in May.", "Initech",
     "Initech"),
])
def test_the_holder_of_the_named_thing(question, sentence, holder, short):
    _finds(holder_tokens, question, sentence, holder, short)


@pytest.mark.parametrize("question,sentence", [
    # a foundry makes a chip it does not own
    ("Who owns Zeta?", "The first Zeta boards were mass-produced by Vandelay."),
    # a country's company is not the country's
    ("Who owns Nexa Electronics?", "South Korea's Nexa Electronics is emerging as a key foundry choice."),
    # the thing used by a party, not given to it
    ("Which company has NPUs?", "For a model company, a hardware team can decide which tasks rely on GPUs or NPUs."),
])
def test_no_holder_where_the_sentence_gives_the_thing_to_no_one(question, sentence):
    v = _view(sentence)
    assert holder_tokens(question, v) == set()


def test_no_holder_for_other_questions():
    v = _view(LIST)
    assert holder_tokens("What chip does Globex have?", v) == set()
    assert holder_tokens("Who makes Quasar?", v) == set()


@pytest.mark.parametrize("span,trimmed", [
    ("Meta’s", "Meta"), ("Charles Darwin's", "Charles Darwin"), ("Amazon Web Services'", "Amazon Web Services"),
    ("bachelor's", "bachelor's"),  # a degree, not a name's possessive
    ("Texas", "Texas"), ("Globex", "Globex"),
])
def test_a_short_answer_drops_a_names_possessive_ending(span, trimmed):
    sentence = f"It was {span} plan."
    a = len("It was ")
    assert sentence[a:_without_possessive(sentence, a, a + len(span))] == trimmed


HOLDERS = ("Boards in brief\n\nFor a model company, a hardware team that understands models and data center "
           "systems can help decide which tasks should still rely on GPUs, NPUs or cloud provider boards. "
           "Hooli and Vandelay want to reduce reliance on Umbra's GPUs and Globex's NPUs. "
           "Vandelay uses NPUs in three data centers.\n")


def test_reader_prefers_the_sentence_saying_whose_the_thing_is(tmp_path, fake_embedder):
    p = _pipeline(tmp_path / "a", HOLDERS)
    a = p.ask("Which company has NPUs?")
    assert not a.abstained and "Globex's NPUs" in a.answer
    assert a.short_answer == "Globex"


def test_reader_abstains_when_no_passage_says_whose_the_thing_is(tmp_path, fake_embedder):
    from qa.reading.asked_kind import KIND_REASONS

    p = _pipeline(tmp_path / "a", HOLDERS)
    a = p.ask("Who owns Vandelay?")
    assert a.abstained and a.reason == KIND_REASONS["holder"] == "The closest passages do not say whose it is."


@pytest.mark.parametrize("question,creators", [
    ("Who made Zeta?", "Initech Hooli"),
    ("who built Zeta", "Initech Hooli"),
    ("Who created Zeta?", ""),  # not a verb of making: read as any "who" question
    ("Who manufactured Zeta?", ""),  # a manufacturer is asked: releasing it is no making
    ("Who made the first Zeta chips at scale?", ""),  # more than the thing: read as before
])
def test_who_made_a_thing_is_who_released_it_when_no_maker_is_named(question, creators):
    from qa.reading.asked_kind import holds_asked_kind
    from qa.reading.holders import creator_tokens

    sentence = "Vandelay's official announcement shows that Initech and Hooli released Zeta on June 24."
    v = _view(sentence)
    assert _words(v, creator_tokens(question, v)) == creators
    if creators:
        assert holds_asked_kind("who", question, [v])
        assert _short(question, sentence) == "Initech and Hooli"


def test_reader_answers_who_made_a_thing_by_who_released_it(tmp_path, fake_embedder):
    text = ("Boards in brief\n\nZeta has been released and entered testing, but that does not mean Zeta is "
            "already in large-scale commercial use. Vandelay's official announcement shows that Initech and Hooli "
            "released Zeta on June 24, positioning it as a board for inference.\n")
    p = _pipeline(tmp_path / "a", text)
    a = p.ask("Who made Zeta?")
    assert not a.abstained and "Initech and Hooli released Zeta" in a.answer
    assert a.short_answer == "Initech and Hooli"


def test_no_short_answer_from_a_sentence_giving_the_thing_to_no_one():
    # asked whose it is, a partner named beside it is no answer (the quote may still be shown)
    sentence = "Initech is currently conducting joint development work with Hooli Zeta in the early stages."
    assert extract_short_answer("Who owns Zeta?", sentence) is None


@pytest.mark.parametrize("sentence,party", [
    # the partnership's owner ("its": the subject of the verb above it), not the sentence's other name
    ("In May, Globex announced an expansion of its partnership with Acme, committing $5 billion to train Nova.", "Globex"),
    ("Under its partnership with Acme, Globex will supply Initech with boards.", "Globex"),  # not Initech
    ("Zentrix deepened its collaboration with Acme to train Claude models.", "Zentrix"),  # not "Claude models"
    ("Globex said its partnership with Acme will help Initech train Nova.", "Globex"),
    ("Initech's collaboration with Acme began last year, the company said.", "Initech"),
    ("Hooli partnered with Acme on the Quasar board.", "Hooli"),
    ("Globex sells boards to Acme and trains Nova.", None),  # no partnership: the reader reads as before
])
def test_the_other_party_of_a_partnership(sentence, party):
    from qa.reading.holders import party_tokens

    v = _view(sentence)
    assert " ".join(v.text[k] for k in sorted(party_tokens(v, "Acme"))) == (party or "")
    if party:
        assert _short("Who is Acme's partner?", sentence) == party
