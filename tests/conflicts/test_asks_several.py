"""A "which <things>" question asks for a set (``answers.asks_several``): two sources naming two
members of it do not disagree, where two naming two different ones for "which <thing>" do."""
from __future__ import annotations

import pytest

from qa.conflicts.answers import asks_several
from qa.conflicts.question_settings import QuestionSettings
from qa.conflicts.question import QuestionConflicts
from qa.conflicts.corpus_wide import find_conflicts, select_for_question

from .test_conflict_question import doc, real
from .test_conflicts import fake_encode


@pytest.mark.parametrize("question, several", [
    ("Which companies invested in Orion's funding round?", True),
    ("What chips does Orion use?", True),
    ("which memory makers joined orion's series b", True),
    ("Which company led Orion's funding round?", False),
    ("How many companies invested in Orion?", False),  # a count: one answer
    ("What process does Volta use?", False),
    ("Which series did she star in?", False),
    ("Who invested in Orion?", False),
])
def test_asks_several(question, several):
    assert asks_several(question) is several


# Two reports of one round that name different investors in their own words (near-copies
# swapping the name would be a stored entity conflict, judged corpus-wide whatever the question).
INTRO = "Orion Robotics, a warehouse automation startup based in Boston, closed its funding round in May."
DOCS = [doc("a01", INTRO, "Volta Capital invested in Orion's funding round, according to a filing seen by reporters.",
            title="Orion Robotics raises funds"),
        doc("b02", INTRO, "Kestrel Partners invested in Orion's funding round, the company said on Tuesday.",
            title="Orion Robotics raises funds")]


def _kinds(question: str, sets: bool) -> list[str]:
    stored = find_conflicts(DOCS, fake_encode)
    passages = [(d.doc_id, a, b) for d in DOCS for a, b in d.content]
    finder = QuestionConflicts(DOCS, fake_encode, QuestionSettings(sets=sets))
    return real(finder.find(question, passages, stored=select_for_question(stored, passages)))


def test_two_members_of_an_asked_set_do_not_disagree():
    question = "Which companies invested in Orion's funding round?"
    assert _kinds(question, sets=True) == []
    assert _kinds(question, sets=False) == ["answer"]  # without the rule: Volta Capital vs Kestrel Partners
    assert _kinds("Which company invested in Orion's funding round?", sets=True) == ["answer"]
