"""The colour a sentence gives, for a colour question's short answer (qa.reading.colour_words)."""
from __future__ import annotations

import pytest

from qa.reading.colour_words import colour_span


@pytest.mark.parametrize("sentence, colour", [
    ("The flowers of the shrub are pale pink and the stem is reddish in color.", "pale pink"),
    ("Sasha the black cat was found wandering the streets.", "black"),
    ("Gold footballs were handed out to high schools.", "Gold"),
    ("It will be a special Plasma Blue model with orange brake calipers.", "Plasma Blue"),
    ("The White House said on Monday that the talks would go on.", None),  # a name
    ("Black Friday deals start this week.", None),
    ("Denver wore white jerseys and white pants.", None),  # the question's own colour: see below
])
def test_colour_span(sentence, colour):
    own = {"white"} if "Denver" in sentence else set()
    span = colour_span(sentence, own)
    assert (sentence[span[0]:span[1]] if span else None) == colour
