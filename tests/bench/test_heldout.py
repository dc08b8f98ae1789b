"""Scoring of the held-out question sets (qa.bench.heldout): what counts as right, and every
entry shown counted."""
from __future__ import annotations

import pytest

from qa.bench.heldout import right, tally

ANSWERABLE = {"id": "n01", "set": "news", "kind": "answerable", "answers": ["$250,000", "250,000"]}
NEAR_MISS = {"id": "n02", "set": "news", "kind": "near_miss", "answers": []}
YES = {"id": "s01", "set": "seeds", "kind": "answerable", "answers": ["yes"]}


def _a(abstained=False, answer="", short=None, conflicts=(), notes=()):
    return {"abstained": abstained, "answer": answer, "short": short, "conflicts": list(conflicts), "notes": list(notes)}


@pytest.mark.parametrize("row, answer, ok", [
    (ANSWERABLE, _a(answer="Both teams received $250,000 fines."), True),
    (ANSWERABLE, _a(answer="The league fined them.", short="250,000"), True),  # the short answer holds it
    (ANSWERABLE, _a(answer="The league fined them.", short="$25,000"), False),
    (ANSWERABLE, _a(answer="Both teams received $250000 fines."), True),  # (thirty-eighth round) the same number
    (ANSWERABLE, _a(answer="Both teams received $2,500,000 fines."), False),  # not a longer one
    (ANSWERABLE, _a(answer="Fines of $25,0000 were paid."), False),
    (ANSWERABLE, _a(abstained=True), False),
    (NEAR_MISS, _a(abstained=True), True),
    (NEAR_MISS, _a(answer="Some quote."), False),
    (YES, _a(answer="Anthropic is evaluating Samsung's 2nm process."), True),  # a yes/no question answered at all
])
def test_right(row, answer, ok):
    assert right(row, answer) is ok


def test_tally_counts_every_entry_shown():
    answers = {"n01": _a(answer="$250,000", notes=["These sources may describe different entities ..."]),
               "n02": _a(abstained=True), "s01": _a(answer="Yes.", conflicts=["Answer conflict: ..."])}
    assert tally([ANSWERABLE, NEAR_MISS, YES], answers) == {
        "news/answerable": {"questions": 1, "right": 1, "abstained": 0, "entries": 1},
        "news/near_miss": {"questions": 1, "right": 1, "abstained": 1, "entries": 0},
        "seeds/answerable": {"questions": 1, "right": 1, "abstained": 0, "entries": 1}}
