"""What a thing is for (qa.reading.purposes, issue #20, twenty-second round): the questions asking
it, the phrases of a sentence saying it, and the sentence the reader then quotes."""
from __future__ import annotations

import pytest

from qa.reading.purposes import asks_purpose, purpose_thing, purpose_tokens

from .test_kind_fit import _pipeline, _view


@pytest.mark.parametrize("question,asks", [
    ("What is ZTIA used for?", True),
    ("what is ztia for", True),
    ("what will ztia be used for", True),
    ("What were X.25 and Frame relay used for ", True),
    ("What is the purpose of ZTIA?", True),
    ("What is the AFC short for?", False),  # an abbreviation
    ("What was Joseph Haas arrested for?", False),  # a cause
    ("What was the Middle East not a match for?", False),
    ("What is the longest time that a teaching certificate is good for?", False),
    ("What is ZTIA?", False),
    ("What was the goal of the ztia campaign?", False),  # (twenty-second round, later) read as any question
    ("what is nasa's ztia mission for", True),  # three words as typed ("nasa's" is one)
])
def test_questions_asking_what_a_thing_is_for(question, asks):
    assert asks_purpose(question) == asks


ZTIA = frozenset(("ztia",))


@pytest.mark.parametrize("sentence,phrase", [
    ("Zeta and Initech released ZTIA in June, positioning it as an accelerator for video decoding, also referred "
     "to as a Media Processor.", "video decoding"),
    ("The ZTIA chip is designed to run large recommendation models at low power.", "run large recommendation models at low power"),
    ("ZTIA primarily serves Zeta's search ranking and advertising.", "Zeta 's search ranking and advertising"),
    ("It is used for training image models.", "training image models"),
    # (later this round) "serves as", a purpose clause of the thing or of what is done with it
    ("ZTIA serves as a bridge between the two networks.", "a bridge between the two networks"),
    ("The agency is set to launch its ZTIA mission to dispatch a drone to study the moon.", "dispatch a drone"),
    # nothing said of its use, or the use of something else
    ("ZTIA has been released and entered testing, but it is not yet in commercial use.", ""),
    ("About half of this total investment will be used for chips.", ""),
    ("Initech is emerging as a key foundry choice for tech giants developing ZTIA chips.", ""),  # Initech is the choice
    # (thirty-fifth round) what the thing is used to do, and its function restated
    ("Zeta plans to use the ZTIA chip to run its search ranking.", "run its search ranking"),
    ("Initech is evaluating the use of ZTIA to develop video chips.", "develop video chips"),
    ("The primary function of ZTIA is a video decoder.", "a video decoder"),
    ("Zeta has ZTIA, Initech has the Media Processor.", ""),
])
def test_the_phrases_saying_what_it_is_for(sentence, phrase):
    v = _view(sentence)
    assert " ".join(v.text[i] for i in sorted(purpose_tokens(v, ZTIA))) == phrase


def test_asked_what_a_thing_is_for_the_sentence_saying_it_is_quoted(tmp_path):
    # (twenty-second round) "What is Jalapeño used for?" quoted "Jalapeño has been released and
    # entered testing, ...", short answer "testing": a sentence naming the chip and saying nothing of
    # its use, over the one that does.
    text = ("Zeta chips\n\nZTIA has been released and entered testing, but that does not mean it is already in "
            "large-scale commercial use. Zeta says the use of ZTIA across its data centers will grow next year. "
            "Initech's official announcement shows that Zeta and Initech released ZTIA on June 24, 2026, positioning "
            "it as an accelerator for video decoding, also referred to as a Media Processor. ZTIA went from "
            "initial design to tape-out in about nine months.")
    p = _pipeline(tmp_path / "a", text)
    for question in ("What is ZTIA used for?", "what is ztia for"):
        a = p.ask(question)
        assert not a.abstained and "video decoding" in a.answer, question
        assert "video decoding" in (a.short_answer or ""), question
        assert purpose_thing(question) == ZTIA


def test_a_use_asked_for_is_no_name_sources_disagree_on():
    # "What are Trainium chips used for?" showed "sources disagree": "OpenAI" / "GPUs), Google's TPUs,
    # and Amazon Web Services' (AWS", names next to "used" in two articles. A use is no value.
    from qa.conflicts.answer_facts import _question

    assert _question("What are ZTIA chips used for?").answer_kind is None
    assert _question("what is ztia for").answer_kind is None
    assert _question("What chips does Zeta use?").answer_kind == "name"


def test_a_purpose_question_names_no_owned_thing():
    # "what is nasa's dragonfly mission for" abstained: "The closest passages are about Titan's for,
    # not NASA's for": the owned-thing reader took the question's last word, "for".
    from qa.reading.measured import other_owner, owned_noun

    assert owned_noun("What is NASA's Dragonfly mission for") is None
    assert owned_noun("What is TSMC's role?") == "role"
    assert other_owner("What is NASA's Dragonfly mission for", "The mission will study Titan's chemistry.") is None


def test_asked_what_a_thing_is_for_a_quote_saying_nothing_of_it_is_abstained_on(tmp_path):
    # (thirty-fifth round) "what is Google's TPU used for" showed "Trainium and Inferentia" of "Google
    # has TPU, Amazon has Trainium and Inferentia, ...": no sentence says what the TPU is for.
    text = ("Chips\n\nZeta has ZTIA, Initech has the Media Processor, and Globex is evaluating custom chips. "
            "Zeta released ZTIA in June after two years of work on the chip.")
    a = _pipeline(tmp_path / "a", text).ask("What is ZTIA used for?")
    assert a.abstained and a.reason == "The closest passages do not say what it is for.", a
