"""The kind of thing a count counts (qa.reading.counted_kinds, issue #20, thirty-second round)."""
from __future__ import annotations

import pytest

from qa.reading.counted_kinds import count_kind, counts_another_kind


@pytest.mark.parametrize("word, kind", [
    ("israelis", "person"), ("indians", "person"), ("deportees", "person"), ("workers", "person"), ("people", "person"),
    ("cities", "place"), ("countries", "place"), ("schools", "place"), ("villages", "place"),
    ("settlements", "thing"), ("demonstrations", "thing"),
    ("games", ""), ("chips", ""), ("companies", ""), ("jobs", ""), ("votes", ""), ("cases", ""), ("this", ""),
])
def test_count_kind(word, kind):
    assert count_kind(word) == kind


@pytest.mark.parametrize("asked, found, other", [
    ("settlements", "israelis", True), ("people", "cities", True), ("cities", "residents", True),
    ("people", "demonstrations", True), ("deportees", "indians", False), ("jobs", "workers", False),
    ("employees", "companies", False), ("people", "people", False), ("chips", "units", False),
    # A role that names things as well ("the two finalists were Sun Life Stadium and Levi's Stadium")
    ("stadiums", "finalists", False), ("missions", "astronaut", False),
])
def test_counts_another_kind(asked, found, other):
    assert counts_another_kind(asked, found) is other


def test_the_first_word_of_a_kind_is_what_is_counted():
    assert counts_another_kind("settlements", ["sundish", "people"])
    assert not counts_another_kind("women", ["men", "south"])  # "500 men south from Fort Venango"
