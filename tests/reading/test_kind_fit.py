"""The kind of thing asked for, read from the parse where entity types cannot tell
(qa.reading.kind_fit, qa.reading.acronyms), and partner short answers (issue #20, third round)."""
from __future__ import annotations

import pytest

from qa.reading.acronyms import asked_acronym, expansion
from qa.reading.asked_kind import asked_kind, maker_tokens
from qa.reading.shortanswer import extract_short_answer
from qa.reading.kind_fit import fit_kind, fits, names_the_thing


def _view(text: str):
    from qa.reading.shortanswer import _nlp
    from qa.reading.spanfeatures import _View

    return _View(_nlp()(text))


def _short(question: str, sentence: str) -> str | None:
    """The short answer the reader gives ``question`` over ``sentence``, as text (None: none)."""
    got = extract_short_answer(question, sentence)
    return sentence[got[0]:got[1]] if got else None


def _pipeline(folder, text: str):
    from qa.api import get_pipeline

    corpus = folder / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "acme.txt").write_text(text, "utf-8")
    return get_pipeline(corpus=corpus, index_dir=folder / "index")


@pytest.mark.parametrize("question,acronym", [
    ("What does ZTIA stand for?", "ZTIA"),
    ("What did the acronym AAP stand for?", "AAP"),
    ("What did the LMP acronym stand for regarding the Block II launch positions?", "LMP"),
    ("what does vBNS stand for ", "vBNS"),
    ("What is QED short for?", "QED"),
    ("What does the party stand for?", None),  # its aims, no acronym
    ("What does Paris stand for?", None),
])
def test_asked_acronym(question, acronym):
    assert asked_acronym(question) == acronym
    assert (asked_kind(question) == "stands") is (acronym is not None)


@pytest.mark.parametrize("acronym,sentence,phrase", [
    ("vBNS", "The Very high-speed Backbone Network Service (vBNS) came on line in April 1995.",
     "Very high - speed Backbone Network Service"),  # one other word passed over
    ("FOTA", "Since 1963, the Festival of the Arts (FOTA) takes over campus.", "Festival of the Arts"),
    ("FIS", "The Front Islamique de Salut (FIS) won the vote.", "Front Islamique de Salut"),
    ("QED", "It led to quantum electrodynamics (or QED), which describes light.", "quantum electrodynamics"),
    ("CSM", "The Command/Service Module (CSM) was built in California.", "Command / Service Module"),
    ("ZTIA", "The Zeta Training and Inference Accelerator is Zeta's chip.", "Zeta Training and Inference Accelerator"),
    # uses of the acronym that spell nothing out
    ("ZTIA", "ZTIA primarily serves Zeta's AI recommendations, advertising and content understanding.", ""),
    ("ZTIA", "Zeta's self-developed AI accelerator, ZTIA, is moving to larger-scale deployment.", ""),
    ("ZTIA", "According to reports, Zeta’s third-generation ZTIA plans to use Nokia’s 2-nanometer process.", ""),
    ("ZTIA", "Globex has TPU, Zeta is advancing ZTIA, and others evaluate chips.", ""),
])
def test_expansion(acronym, sentence, phrase):
    v = _view(sentence)
    assert " ".join(v.text[i] for i in sorted(expansion(acronym, v))) == phrase


def test_a_quote_that_only_uses_the_acronym_holds_no_answer():
    from qa.reading.asked_kind import KIND_REASONS, holds_asked_kind

    q = "What does ZTIA stand for?"
    uses = [_view("Zeta's self-developed AI accelerator, ZTIA, is moving to larger-scale deployment."),
            _view("ZTIA primarily serves Zeta's recommendations and advertising.")]
    assert not holds_asked_kind("stands", q, uses)  # the reader abstains with this reason
    assert KIND_REASONS["stands"] == "The closest passages do not spell out what it stands for."
    assert holds_asked_kind("stands", q, uses + [_view("Zeta calls it the Zeta Training and Inference Accelerator.")])


def test_reader_quotes_the_expansion(tmp_path, fake_embedder):
    text = ("Zeta chips\n\nZTIA primarily serves Zeta's recommendations and advertising, and ZTIA runs in "
            "every Zeta data center. Zeta builds it as the Zeta Training and Inference Accelerator, "
            "with a partner.\n")
    a = _pipeline(tmp_path / "a", text).ask("What does ZTIA stand for?")
    assert not a.abstained and "Zeta Training and Inference Accelerator" in a.answer
    assert a.short_answer == "Zeta Training and Inference Accelerator"


@pytest.mark.parametrize("sentence,names", [
    # another company in a clause of its own names no chip of Acme's
    ("One important backdrop to Globex being placed in the discussion of self-developed chips is that Acme "
     "has already set a precedent.", False),
    ("Acme has already disclosed its Quasar inference chip developed with Nexa.", True),  # qualifies the chip
    ("Acme has already disclosed the Quasar inference chip and begun testing.", True),  # object of Acme's verb
    ("Acme and Nexa released Quasar on June 24, 2026.", True),  # object of the owner's verb
    ("The chip is also referred to as an Intelligence Processor by Acme.", True),  # a naming verb
    ("Globex strengthened its team by hiring Maria Jensen, a key contributor to Acme's chip project.", False),
    ("Globex is also evaluating the use of Nokia's 2nm process to develop AI chips.", False),
    # "AI" says what kind of chips the owner's are, it names none
    ("Acme has begun early-stage work on developing its own AI chips and is in talks with Nokia.", False),
])
def test_names_the_thing(sentence, names):
    assert names_the_thing("What is the name of Acme's chip?", _view(sentence)) is names


def test_a_name_question_takes_the_runner_up_naming_the_thing():
    # The best sentence names Globex, a company in a clause of its own: with any name counting as a
    # name it stayed first (short answer "Globex being placed ...").
    from qa.reading.prefer import preferred

    text = {0: "One important backdrop to Globex being placed in the discussion of self-developed chips is "
               "that Acme has already set a precedent.",
            1: "This development comes shortly after Acme unveiled its own custom inference chip initiative.",
            2: "Acme has already disclosed its Quasar inference chip developed with Nexa."}
    views = {i: _view(t) for i, t in text.items()}
    names = {i: (1.0, 1.0) for i in text}
    assert preferred("What is the name of Acme's chip?", [0, 1, 2], text, names, lambda: views)[0] == 2


@pytest.mark.parametrize("question,sentence,fit", [
    ("Who is Zeta working with on ZTIA?", "Zeta's self-developed AI accelerator, ZTIA, is moving to larger-scale "
     "deployment.", False),  # "AI", tagged ORG, only qualifies the accelerator
    ("Who is Zeta working with on ZTIA?", "The latest generation of ZTIA has shifted to collaboration with Nokia.",
     True),
    ("Who is Zeta working with on ZTIA?", "Zeta Electronics is working on ZTIA.", False),  # the subject itself
    ("Who did the empire ally with in WW I?", "The empire allied with Germany in the early 20th century.", True),
    # The subject named only as the owner of another thing does nothing with anyone there.
    ("Who did Zeta partner with on its chip?", "Orion has strengthened its team by hiring Maria Jensen, a key "
     "contributor to Zeta's original chip project.", False),
    ("Who did Zeta partner with on its chip?", "Zeta has disclosed its Kelta chip developed with Nokia.", True),
])
def test_partner_fit(question, sentence, fit):
    assert fit_kind(question) == "partner"
    assert fits(question, "partner", _view(sentence)) is fit


def test_no_fit_for_who_makes():
    # "Who provides the bill of quantities?" is answered by "a quantity surveyor", no entity.
    assert fit_kind("Who provides the bill of quantities?") is None


def test_a_partner_is_the_one_after_with():
    s = ("While the first two generations of ZTIA were mainly produced by Intel, the latest generation has shifted "
         "to collaboration with Nokia, planning to mass-produce thousands of units.")
    v = _view(s)
    assert " ".join(v.text[i] for i in sorted(maker_tokens("Who is Zeta working with on ZTIA?", v))) == "Nokia"


def test_the_partner_is_the_name_joined_to_the_subject_not_an_owner_or_the_pair():
    """"Who designed Quasar with Acme?" over "Nexa's announcement shows that Acme and Nexa released
    Quasar ...": the partner is the name joined to Acme (whatever label the tagger gives it),
    and the short answer is that name, not "Nexa's official announcement" (a name owning
    another noun) nor "Acme and Nexa" (the pair, holding the question's own partner)."""
    s = ("Nexa's official announcement shows that Acme and Nexa released Quasar on June 24, 2026, "
         "positioning it as an accelerator for inference, also referred to as an Intelligence Processor.")
    for q in ("Who designed Quasar with Acme?", "Who did Acme build Quasar with?",
              "Which company worked with Acme on Quasar?", "Who helped Acme build Quasar?"):
        v = _view(s)
        assert [v.text[i] for i in sorted(maker_tokens(q, v))] == ["Nexa"], q
        a, b, _ = extract_short_answer(q, s)
        assert s[a:b] == "Nexa", q


@pytest.mark.parametrize("question,sentence,short", [
    # the subject of the verb whose object is the thing, not the sentence's main subject
    ("Who makes Quasar?", "Globex has Nova, Acme has Quasar and Pulsar, Initech is advancing Zeta, and model "
     "companies like Hooli are also evaluating custom chips.", "Acme"),
    ("Which company makes Quasar?", "Globex has Nova, Acme has Quasar and Pulsar, Initech is advancing Zeta, and "
     "model companies like Hooli are also evaluating custom chips.", "Acme"),
    # the agent of a passive
    ("Who designed Quasar?", "The Quasar chip was designed by Nexa, while Initech makes the Z100.", "Nexa"),
])
def test_the_maker_is_the_one_whose_verb_has_the_thing(question, sentence, short):
    from qa.reading.kind_fit import agent_tokens

    v = _view(sentence)
    assert " ".join(v.text[i] for i in sorted(agent_tokens(question, v, question.startswith("Who")))) == short
    assert _short(question, sentence) == short
    assert agent_tokens("Which company won the cup?", v, False) == set()  # no verb of making


def test_who_did_it_is_the_named_subject_of_the_question_s_verb():
    # (fourteenth round) not the other company the span model ranks higher
    from qa.reading.kind_fit import doer_tokens
    from qa.reading import shortanswer as sa

    sentence = ("Kestrel has begun early-stage work on developing its own AI chips and is in talks with Samsung "
                "Electronics as a potential manufacturing partner, the U.S. IT news outlet The Information reported on "
                "July 2 (local time), citing multiple sources.")
    question = "Who reported Kestrel's chip talks with Samsung?"
    v = _view(sentence)
    assert "Information" in {v.text[i] for i in doer_tokens(question, v)}
    got = sa.extract_short_answer(question, sentence)
    assert got is not None and sentence[got[0]:got[1]] == "The Information"
    assert not doer_tokens("Who is Kestrel talking to?", v)  # no verb in -ed asked
    # (sixteenth round) "Who said ...?" is answered by who reported it: verbs of saying are one verb
    question = "Who said Kestrel is talking to Samsung?"
    assert "Information" in {v.text[i] for i in doer_tokens(question, v)}
    got = sa.extract_short_answer(question, sentence)
    assert got is not None and sentence[got[0]:got[1]] == "The Information"
    assert not doer_tokens("Who built Kestrel's chips?", v)  # another verb: no one built anything here
