"""Colours as each source's answer (issue #20, thirtieth round): asked the colour of a thing, or
whether it is a colour, two sources giving colours of different families disagree; shades of one
family ("pale pink", "pinkish") agree; a colour in a name ("the White House") is none. On small
made-up documents."""
from __future__ import annotations

import pytest

from qa.conflicts.answer_facts import _question
from qa.conflicts.colours import colours_agree

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find


@pytest.mark.parametrize("a, b, agree", [
    ("pink", "pinkish", True), ("pink", "pink white", True), ("blue slaty", "grey", True),
    ("pink", "blue slaty", False), ("red", "green", False), ("purple", "violet", True), ("turquoise", "green", True),
])
def test_colours_agree(a, b, agree):
    assert colours_agree(a, b) is agree


@pytest.mark.parametrize("question, kind, claimed", [
    ("What colour are the flowers of the shrub?", "colour", set()),
    ("What color is the flag?", "colour", set()),
    ("Is the colour of the flowers pale pink?", "colour", {"pink"}),
    ("Is the White House larger than the Capitol?", None, set()),
])
def test_a_colour_question(question, kind, claimed):
    q = _question(question)
    assert (q.kind, set(q.claimed)) == (kind, claimed)


FLOWERS = "The flowers of the coastal shrub are {colour} and its thin, hairless stem is reddish in color."


@MODES
@pytest.mark.parametrize("question", ["What colour are the flowers of the coastal shrub?",
                                      "Is the colour of the flowers of the coastal shrub pale pink?"])
def test_two_colours_of_the_thing_asked_disagree(encode, question):
    a = doc("a01", FLOWERS.format(colour="pale pink"), title="Coastal shrub")
    b = doc("b02", "The flowers of the coastal shrub are slaty blue.", title="Coastal shrub")
    found = find(question, [a, b], encode)
    assert real(found) == ["answer"]
    assert "pale pink" in found[0].summary and "slaty blue" in found[0].summary, found[0].summary
    # A shade of the same colour, and the stem's own colour, are no disagreement.
    c = doc("c03", "The flowers of the coastal shrub are pinkish.", title="Coastal shrub")
    assert real(find(question, [a, c], encode)) == []
