"""A "What is X?" question is not answered by a thing listed beside X (qa.reading.asked_spans.
listed_beside): the short answer of "AWS Trainium, Google TPU, and NVIDIA GPUs remain ..." is
not "Google TPU". Made-up sentences, the real parser."""
from __future__ import annotations

import pytest

from qa.reading import shortanswer as sa
from qa.reading.asked_spans import defined_name

LIST = "AWS Zentium, Google Ventor, and Nexa GPUs remain important components of Acme's computing system."
APPOSITION = "Zentium, Amazon's training chip, is built in Oregon."


@pytest.mark.parametrize("question, name", [
    ("What is Trainium?", "Trainium"),
    ("what is MTIA", "MTIA"),
    ("What are the Google TPUs?", "Google TPUs"),
    ("What is Meta's chip called?", ""),  # asks for a name, not what a named thing is
    ("What is the capital of France?", ""),
    ("Who is Clive Chan?", ""),
])
def test_which_questions_ask_what_a_named_thing_is(question, name):
    assert defined_name(question) == name


def _spans(question: str, sentence: str) -> set[str]:
    return {sentence[a:b] for a, b, _ in sa.candidates(question, sentence)}


def test_things_listed_beside_it_are_no_answer():
    spans = _spans("What is Zentium?", LIST)
    assert not any("Ventor" in s or "GPUs" in s for s in spans), spans
    # Asked about another thing, the list's items are candidates again.
    assert any("Ventor" in s for s in _spans("What does Acme rely on?", LIST))


def test_an_apposition_alone_says_what_it_is():
    spans = _spans("What is Zentium?", APPOSITION)
    assert any("training chip" in s for s in spans), spans
