"""A life's events as sources write them (issue #20, thirty-second round): asked when someone was born
or died, the answer is often written with a noun ("Birth: 27 April 1699", "1972 births", "date of
death 15 January 1770") or as a span after the name ("Thomas Belasyse (1577 – 18 April 1653)"),
whose first date is the birth and last the death. Two spans that end alike ("(1786–1838)",
"(1850-1838)") are one life: namesakes share a name and sometimes a year, seldom the very year
their lives ended. Read by ``qa.conflicts.answers`` (which date answers) and
``qa.conflicts.entity`` (one entity or two).
"""
from __future__ import annotations

import re

from .claims import _MONTHS, stem
from .values import _PREFIX

__all__ = ["closes_span", "event_noun", "events_asked", "life_span_end", "opens_span", "shared_span_end"]

# The nouns of the events a question asks with a verb ("born": "birth"), as stem prefixes.
_EVENT_NOUNS = {"born": ("birth",), "die": ("death",), "died": ("death",), "dies": ("death",)}
_LABEL_WORDS = frozenset("date day year".split())  # "Birth date 27 April 1699"


def events_asked(predicate) -> frozenset[str]:
    """The nouns of the life events a question's predicate (stem prefixes) asks about."""
    return frozenset(n for w in predicate for n in _EVENT_NOUNS.get(w, ()))


def event_noun(s, v, events: frozenset[str]) -> bool:
    """Whether the noun of an asked event labels the date ``v``: "Birth: 27 April 1699", "Birth date
    27 April 1699", "1972 births"; not a date farther off ("– 22 October 1976, Munich) was a
    princess ... by birth", "a princess by birth until 1931")."""
    keys = s.keys
    if v.last < len(keys) and stem(keys[v.last])[:_PREFIX] in events:
        return True
    n = v.first - 1
    while n >= 0 and (keys[n].isdigit() or keys[n] in _MONTHS) and n >= v.first - 2:
        n -= 1  # the day and month of a date keyed by its year
    first = n
    while n >= 0 and keys[n] in _LABEL_WORDS and n >= first - 2:
        n -= 1
    return n >= 0 and stem(keys[n])[:_PREFIX] in events


# The other end of a span written round a date: "(1786–1838)", "1850-1838", "(11 April 1834 – 26
# April 1909)": a year, or a day and month before it, after a dash.
_DAY = r"(?:\d{1,2}\s+[^\W\d_]+\s+|[^\W\d_]+\s+\d{1,2},?\s+)?"
_AFTER = re.compile(r"\s*[-\u2013\u2014\u2212]\s*(?:c\.\s*)?(" + _DAY + r"\d{3,4})\b")
_BEFORE = re.compile(r"\b(" + _DAY + r"\d{3,4})\s*[-\u2013\u2014\u2212]\s*(?:c\.\s*)?$")
_DAY_TAIL = re.compile(r"(?:\d{1,2}\s+[^\W\d_]+|[^\W\d_]+\s+\d{1,2},?)\s+$")
_OPENING = re.compile(r"\(\s*(?:c\.\s*)?" + _DAY + r"$")


def _before(s, v) -> re.Match | None:
    # The value may be the year alone, its day and month before it ("– 18 April 1643").
    return _BEFORE.search(_DAY_TAIL.sub("", s.norm[max(0, s.tokens[v.first].start - 60):s.tokens[v.first].start]))


def opens_span(s, v) -> bool:
    """Whether a date opens a span another date closes ("(1577 – 18 April 1643)"): a life's start."""
    return _AFTER.match(s.norm, s.tokens[v.last - 1].end) is not None


def closes_span(s, v) -> bool:
    """Whether a date closes a span another date opens ("(1577 – 18 April 1643)"): a life's end."""
    return not opens_span(s, v) and _before(s, v) is not None


def life_span_end(s, v, birth: bool) -> bool:
    """Whether a date opens (``birth``) or closes a span in brackets, as a life is written after a
    name: "Thomas Belasyse (1577 – 18 April 1653)"."""
    start, end = s.tokens[v.first].start, s.tokens[v.last - 1].end
    if birth:
        return opens_span(s, v) and _OPENING.search(s.norm[max(0, start - 30):start]) is not None
    return closes_span(s, v) and s.norm[end:end + 2].lstrip()[:1] == ")"


def _other_end(s, v) -> str | None:
    """The other end of the span a date answer opens or closes, as written (casefolded), or None."""
    m = _AFTER.match(s.norm, s.tokens[v.last - 1].end) or _before(s, v)
    return re.sub(r"[\s,]+", " ", m.group(1)).casefold() if m else None


def shared_span_end(sents, answers) -> bool:
    """Whether two different date answers each open (or close) a span whose other end both write
    alike: "(1786–1838)" and "(1850-1838)" give one man's life with two birth years."""
    if any(v.kind != "date" for v in answers) or answers[0].key == answers[1].key:
        return False
    ends = [_other_end(s, v) for s, v in zip(sents, answers)]
    return ends[0] is not None and ends[0] == ends[1]
