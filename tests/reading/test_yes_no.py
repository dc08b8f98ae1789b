"""A yes/no question, also after an opening phrase, gets its quote and no short answer: no span of
the sentence is a fair verdict (qa.reading.readerfeatures.YES_NO)."""
from __future__ import annotations

import pytest

from qa.reading.readerfeatures import YES_NO

from .test_asked_kind import _pipeline


@pytest.mark.parametrize("question, yes_no", [
    ("Is Anthropic using Samsung's 2nm process?", True),
    ("As of 2026, does Samsung have a backlog above 50 trillion won?", True),
    ("In April, did Anthropic expand its AWS partnership?", True),
    ("In April, what did Anthropic announce?", False),
    ("What is Samsung's backlog, as of 2026?", False),
    ("In what year of 20th century, did Harvard release an important document?", False),
])
def test_yes_no(question, yes_no):
    assert bool(YES_NO.match(question)) is yes_no


def test_no_short_answer_after_an_opening_phrase(tmp_path, fake_embedder):
    text = ("Acme foundry\n\nThe current order backlog of Acme's foundry business has reached approximately "
            "50 billion dollars, and profits are expected in the fourth quarter.\n")
    a = _pipeline(tmp_path / "a", text).ask("As of 2026, does Acme's foundry have a backlog above 40 billion dollars?")
    assert not a.abstained and "50 billion dollars" in a.answer and a.short_answer is None
