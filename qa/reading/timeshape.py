"""Whether a candidate span is a length of time or a point in time.

spaCy labels both "about 9 months" and "the end of 2026" DATE, so the entity label alone lets a
"when" question take a duration for its answer. The short-answer ranker
(:mod:`qa.reading.spanfeatures`) gets these shapes crossed with the asked answer type and learns
from SQuAD what each type is answered by; nothing here decides.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .stems import stem

__all__ = ["TIME_UNITS", "asks_coming", "is_duration", "names_calendar", "names_one_point", "report_dates_only"]

TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks fortnight fortnights
    month months quarter quarters year years decade decades century centuries millennium millennia""".split())
# Counts that make a bare unit a length: "several weeks", "a decade". Ordinals ("the 19th century",
# "the first quarter") name a point, and spaCy's like_num holds for them too, so only cardinals count.
_COUNT_WORDS = frozenset("a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                         "fifty hundred thousand million billion hundreds thousands millions several few couple many some dozen dozens".split())
_FROM_NOW = frozenset("ago later earlier hence previously".split())
_MONTHS = frozenset("""january february march april june july august september october november december
    sept monday tuesday wednesday thursday friday saturday sunday""".split())


def _is_count(word: str, pos: str) -> bool:
    if word in _COUNT_WORDS:
        return True
    digits = word.replace(",", "").replace(".", "")
    return pos == "NUM" and digits.isdigit()


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1000 <= int(word) <= 2199


def names_calendar(lower: Sequence[str], i: int, j: int) -> bool:
    """Whether tokens [i, j) name a year, a month or a weekday: a point a calendar shows."""
    return any(_is_year(lower[k]) or lower[k] in _MONTHS for k in range(i, j))


# Words that make two points a stretch of time ("from 1754 to 1763", "between May and June") or one
# point its start ("since 2019" answers "how long has she led it?").
_STRETCH = frozenset("to until till through thru and between from since – — -".split())


def names_one_point(lower: Sequence[str], i: int, j: int) -> bool:
    """Whether tokens [i, j) name one point of the calendar and nothing that makes it a stretch:
    "June 24, 2026", "the end of 2026", "2019"; not "from 1754 to 1763" nor "since 2019" (the word
    before the span counts, since spans drop a leading preposition); nor "24" of "June 24" (a day
    of the month: the month before it counts too)."""
    if i > 0 and lower[i - 1] in _MONTHS:
        i -= 1
    if not names_calendar(lower, i, j) or any(lower[k] in _STRETCH for k in range(max(0, i - 1), j)):
        return False
    return sum(_is_year(lower[k]) for k in range(i, j)) <= 1 and sum(lower[k] in _MONTHS for k in range(i, j)) <= 1


def is_duration(lower: Sequence[str], pos: Sequence[str], head: Sequence[int], root: int, i: int, j: int) -> bool:
    """Whether tokens [i, j), whose syntactic root is ``root``, state a length of time or the count
    of one: a counted time unit heads the span ("about 9 months", "several weeks", "a decade") or
    the span's root counts one ("9" of "9 months"), and no year or month is named. "The end of
    2026" (headed by "end"), "two years later", "3.5 billion years ago", "the 19th century" (an
    ordinal) and "last year" are points in time. The word before the span counts too, since spans
    drop a leading article ("a decade" is proposed as "decade")."""
    unit = head[root] if _is_count(lower[root], pos[root]) else root
    if lower[unit] not in TIME_UNITS or names_calendar(lower, min(i, unit), max(j, unit + 1)):
        return False
    if unit + 1 < len(lower) and lower[unit + 1] in _FROM_NOW:
        return False  # "3.5 billion years ago", "two years later": counted back or on to a point
    if "old" in lower[unit + 1:unit + 3]:
        return False  # "the 43-year-old man", "47 years old": an age, not how long something took
    return any(head[k] == unit and _is_count(lower[k], pos[k]) for k in range(max(0, min(i, unit) - 1), unit))


# "When will Anthropic's chip be ready?", "When is the plant expected to open?": a coming event.
_COMING = re.compile(r"\s*when\s+(?:will|would|(?:is|are)\b.*\b(?:expected|going|due|planned|scheduled|set)\s+to)\b",
                     re.I)
_REPORTING = frozenset("""reported reports said says announced announces stated states told disclosed confirmed
    wrote added noted revealed published cited""".split())
# What stands between a date and the verb it dates: "reported on July 2", "said Tuesday".
_TO_VERB = frozenset("pobj prep nummod compound npadvmod appos amod det".split())


def asks_coming(question: str) -> bool:
    """Whether a question asks when something is to happen ("When will ...?")."""
    return bool(_COMING.match(question))


def report_dates_only(question: str, views: Sequence) -> bool:
    """Whether a question asking when something is to happen gets a quote whose every date is the
    date of a report ("..., The Information reported on July 2 (local time)") or of another thing
    that happened ("OpenAI and Broadcom released Jalapeño on June 24, 2026" for "When will Jalapeño
    be mass produced?"): the day a story ran, or a release, answers when that was, not when the
    chip will be ready. ``views``: the quote's parses
    (qa.reading.spanfeatures._View); False when the quote holds no date at all (that is checked
    elsewhere) or the question asks about no coming event."""
    if not asks_coming(question):
        return False
    asked = {stem(w) for w in re.findall(r"[\w'’-]+", question)}
    found = False
    for v in views:
        for a, b, label in v.ents:
            if label != "DATE":
                continue
            found = True
            k = a
            for _ in range(4):  # up the parse to the verb the date attaches to
                if v.dep[k] not in _TO_VERB or v.head[k] == k:
                    break
                k = v.head[k]
            if v.lower[k] not in _REPORTING and not _another_past_event(v, k, asked):
                return False
    return found


# Verbs that tell of the past without "-ed".
_PAST = frozenset("was were began made built took went came gave saw set brought sold bought led won ran".split())
_NOT_PAST = frozenset("will would shall to 'll can may might must".split())


def _another_past_event(v, k: int, asked: set[str]) -> bool:
    """Token ``k`` of view ``v`` is a verb in the past ("released on June 24") whose stem the
    question does not use: the date says when another thing happened, not when the asked one will
    ("When will Jalapeño be mass produced?")."""
    if v.pos[k] != "VERB" or v.stem[k] in asked:
        return False
    if any(v.head[c] == k and v.dep[c] in ("aux", "auxpass") and v.lower[c] in _NOT_PAST for c in range(v.n)):
        return False
    return v.lower[k].endswith("ed") or v.lower[k] in _PAST
