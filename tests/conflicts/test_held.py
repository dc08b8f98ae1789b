"""The bounded store of per-document facts (qa.conflicts.held): least recently used dropped first,
rebuilt on use, pinned entries kept; the question path finds the same conflicts through it."""
from __future__ import annotations

import pytest

from qa.conflicts.held import Held
from qa.conflicts.question import QuestionConflicts

from .test_conflict_question import FILM, doc
from .test_conflicts import fake_encode


def test_least_recently_used_is_dropped_and_rebuilt_on_use():
    calls = []
    held = Held(lambda k: calls.append(k) or k.upper(), limit=2)
    assert held["a"] == "A" and held["b"] == "B"
    assert held["a"] == "A"  # a is now the most recent
    assert held["c"] == "C"
    assert "b" not in held and "a" in held and len(held) == 2
    assert held["b"] == "B"  # built again
    assert calls == ["a", "b", "c", "b"] and held.built == 4


def test_pinned_entries_are_kept_and_do_not_count():
    held = Held(lambda k: k * 2, limit=1)
    held.pin("p", "pinned")
    held["x"], held["y"]
    assert "p" in held and "y" in held and "x" not in held
    assert sorted(held) == ["p", "y"]


def test_what_build_cannot_make_is_a_key_error_and_get_gives_none():
    held = Held(lambda k: None, limit=3)
    with pytest.raises(KeyError):
        held["missing"]
    assert held.get("missing") is None and len(held) == 0


def test_a_limit_below_one_says_what_to_pass():
    with pytest.raises(ValueError, match="at least 1 .* None for no limit"):
        Held(None, limit=0)


def test_question_conflicts_hold_at_most_the_limit_and_find_the_same():
    docs = [doc(f"d{i}", FILM.format(title="Twisted", genre=g)) for i, g in enumerate(["drama", "comedy", "drama", "horror"])]
    lazy = {d.doc_id: d for d in docs}
    passages = [(d.doc_id, a, b) for d in docs for a, b in d.content]
    q = "What genre is the film Twisted?"
    bounded = QuestionConflicts(encode=fake_encode, lazy=lazy, held_docs=2, held_pairs=1)
    unbounded = QuestionConflicts(encode=fake_encode, lazy=lazy, held_docs=None, held_pairs=None)
    found = bounded.find(q, passages)
    assert found and found == unbounded.find(q, passages)
    assert len(bounded.facts) == 2 and len(bounded._swaps) == 1
    assert len(unbounded.facts) == 4 and len(unbounded._swaps) > 1
    assert bounded.find(q, passages) == found  # dropped facts are rebuilt the same
