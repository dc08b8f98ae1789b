"""Figures the quantity reader leaves (counts written as words) or misreads (days of months), for
the question path's candidate answers (``qa.conflicts.answer_facts``)."""
from __future__ import annotations

from .claims import Token

__all__ = ["WORD_NUMBERS", "_MONTHS", "_clock_time", "_day_of_month"]

_MONTHS = frozenset("january february march april may-month june july august september october "
                    "november december".split())

WORD_NUMBERS = {w: float(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())} | {"thirty": 30.0, "forty": 40.0, "fifty": 50.0}


_ORDINAL = frozenset("st nd rd th".split())


def _day_of_month(toks: list[Token], first: int, last: int) -> bool:
    """A bare number next to a month is its day ("on October 27", "28 August", "24th of
    September", "(10th March 1814)"), not a count."""
    before = toks[first - 1].key if first > 0 else ""
    after = [t.key for t in toks[last:last + 3]]
    if after[:1] and after[0] in _ORDINAL:
        after = after[1:]
    if after[:1] == ["of"]:
        after = after[1:]
    return before in _MONTHS or (bool(after) and after[0] in _MONTHS)


def _clock_time(toks: list[Token], text: str, first: int, last: int) -> bool:
    """A figure written as the hour of a time of day ("At 5:00 pm", "at 10:30"), not a count."""
    return (last < len(toks) and toks[last].key.isdigit() and len(toks[last].key) == 2
            and text[toks[last - 1].end:toks[last].start] == ":")
