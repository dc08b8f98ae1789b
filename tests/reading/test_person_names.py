"""Asked a person's name by a noun ("name of the man stabbed on the train"), only a person's name
answers; a place or "Man" in a headline does not (qa.reading.person_names, thirty-first round)."""
from __future__ import annotations

import pytest

from qa.reading.asked_kind import KIND_REASONS, asked_kind, holds_asked_kind
from qa.reading.person_names import asks_person_name


def _views(text: str) -> list:
    from qa.reading.shortanswer import _nlp
    from qa.reading.spanfeatures import _View

    return [_View(_nlp()(text))]


@pytest.mark.parametrize("question, asks", [
    ("name of the man stabbed to death on the train in Hayward", True),
    ("What was the name of the hunter?", True),
    ("what was the victim's name", True),
    ("names of the service members killed in the crash", True),
    ("train stabbing victim name", True),
    ("what is the name of the samsung official quoted about the backlog", True),
    ("What is the name of the company that makes the chip?", False),  # a company, not a person
    ("Who was stabbed on the train?", False),  # "who": broad (a description answers too)
    ("What is the name of Anthropic's custom AI chip?", False),
    ("What is the name of the student improvisational theater troupe?", False),  # "student" qualifies the troupe
    ("What is the name of a teacher in Tibetan Buddhism?", False),  # a role's name ("a Lama")
])
def test_asks_person_name(question, asks):
    assert asks_person_name(question) is asks
    assert (asked_kind(question) == "person") is asks


QUESTION = "name of the man stabbed to death on the train in Hayward"


@pytest.mark.parametrize("quote, holds", [
    ("The Latest: Man stabbed to death on San Francisco Bay train", False),  # a place and a noun, no name
    ("The fight broke out Tuesday afternoon on a train pulling into a station in Hayward.", False),
    ("Police identified the victim as Marcus Reyes, 24, of Oakland.", True),
    ("The victim, Talib Oduya, died at the scene.", True),
])
def test_only_a_persons_name_answers(quote, holds):
    assert holds_asked_kind("person", QUESTION, _views(quote)) is holds
    # A "who" question would take the first quote ("Man" is someone): the person check is narrower.
    assert holds_asked_kind("who", "Who was stabbed on the train?", _views(quote)) or not holds


def test_the_reason_says_no_one_is_named():
    assert KIND_REASONS["person"] == "The closest passages name no one for this."
