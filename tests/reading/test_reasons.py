"""Why-questions (qa.reading.reasons, issue #20, twenty-third round): the sentence giving the reason
is quoted, with the neighbour that gives it when the quote is its consequence or is explained next."""
from __future__ import annotations

import pytest

from qa.reading.reasons import asks_why, states_reason, with_reason

from .test_kind_fit import _pipeline


@pytest.mark.parametrize("question,asks", [
    ("why did zeta bring in acme", True), ("Why is the lake salty?", True), ("how come zeta left", True),
    ("what was the reason for the delay", True), ("who is zeta", False), ("when did it rain", False),
])
def test_asks_why(question, asks):
    assert asks_why(question) is asks


@pytest.mark.parametrize("sentence,states", [
    ("Polonia was relegated in 2013 because of their disastrous financial situation.", True),
    ("The richness is mainly due to the location of the city.", True),
    ("Therefore, Zeta has established a framework with Acme.", True),  # the consequence of the one before
    ("This is because Acme is the only one with a foundry.", True),
    ("Zeta is working with Acme in the early stages of design.", False),
    ("Zeta has worked with Acme since 2019.", False),  # "since" a time
])
def test_states_reason(sentence, states):
    assert states_reason(sentence) is states


def test_the_aim_of_the_question_s_own_verb_is_a_reason():
    # (twenty-third round, SQuAD) "Why was this short termed organization created?" over "... a
    # short-term organization created to coordinate the response to the embargo"
    sentence = "Nixon named Simon head of the Energy Office, a short-term office assembled to coordinate the response."
    assert states_reason(sentence, "Why was this short termed office assembled?")
    assert not states_reason(sentence)
    assert not states_reason(sentence, "Why did Nixon name Simon?")
    assert states_reason("Many governments operate colleges, which are established to serve the public.")


def test_the_reason_beside_the_quote_joins_it():
    raw = ("Zeta believes the pace will exceed its own team. Therefore, Zeta has hired Acme.\n"
           "The mention of chips led to talk that Acme would win.\nThis is because Acme alone has a foundry.\n")
    a = raw.index("Therefore")
    s, e = with_reason("why did zeta hire acme", raw, a, raw.index(".\n") + 1)
    assert raw[s:e] == "Zeta believes the pace will exceed its own team. Therefore, Zeta has hired Acme."
    a = raw.index("The mention")
    s, e = with_reason("why did people think acme would win", raw, a, raw.index("would win.") + len("would win."))
    assert raw[s:e].endswith("This is because Acme alone has a foundry.")
    assert with_reason("who did zeta hire", raw, a, a + 10) == (a, a + 10)  # not a why-question


def test_asked_why_the_sentence_giving_the_reason_is_quoted(tmp_path):
    # (twenty-third round) "why did meta bring in samsung system lsi to help design its chips" quoted
    # "Meta is currently conducting joint development work with Samsung System LSI ...".
    text = ("Zeta chips\n\nZeta is currently conducting joint development work with Acme Logic in the early stages of "
            "chip architecture design. However, although Zeta itself has a chip design company, the company believes "
            "that a six-month cycle will exceed the capabilities of its internal team. Therefore, Zeta has established "
            "a cooperation framework with Acme Logic, which will focus on chip design. Acme Logic is based in Seoul.")
    p = _pipeline(tmp_path / "a", text)
    a = p.ask("why did zeta bring in acme logic to help design its chips")
    assert not a.abstained and "exceed the capabilities of its internal team" in a.answer
