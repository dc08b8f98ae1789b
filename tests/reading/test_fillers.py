"""Words typed around a question that ask nothing (qa.reading.fillers, issue #20, seventeenth round)."""
from __future__ import annotations

import pytest

from qa.reading.fillers import without_fillers

from .test_kind_fit import _pipeline


@pytest.mark.parametrize("typed,read", [
    ("so is samsung making anthropic's chips or not", "is samsung making anthropic's chips"),
    ("ok, who makes mtia", "who makes mtia"),
    ("Hey what is Zeta?", "what is Zeta?"),
    ("Well, okay... who built it?", "who built it?"),
    ("ok so how big is the backlog", "how big is the backlog"),
    ("is it made by Globex or not?", "is it made by Globex?"),
    ("whats the deal with zeta", "tell me about zeta"),
    ("What's going on with Acme's boards?", "Tell me about Acme's boards?"),
    ("whos dana wu", "who's dana wu"),
    ("ok and in yuan?", "and in yuan?"),  # the follow-up's "and" stays
    ("ok thanks, when", "when"),
    # not fillers
    ("Okay Computer was released when?", "Okay Computer was released when?"),  # a title, no question word after it
    ("Well water is found where?", "Well water is found where?"),
    ("So-called boards are what?", "So-called boards are what?"),
    ("and how many will they make", "and how many will they make"),  # a follow-up's tie to the turn before
    ("now who makes Zeta", "now who makes Zeta"),
    ("so", "so"),
])
def test_without_fillers(typed, read):
    assert without_fillers(typed) == read


def test_the_question_is_read_without_its_fillers(tmp_path, fake_embedder):
    text = "Boards in brief\n\nInitech makes Zeta boards at its plant. Hooli buys them.\n"
    p = _pipeline(tmp_path / "a", text)
    a = p.ask("so who makes zeta boards or not")
    assert a.read_as == "Who makes Zeta boards"
    assert a.question == "so who makes zeta boards or not"
    assert p.ask("Who makes Zeta boards?").read_as is None  # nothing to take off: read as typed
