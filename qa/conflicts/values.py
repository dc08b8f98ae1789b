"""Candidate answers in a sentence (``Value``): its years, figures (with their units: a span of
time, an age), counts in words and names; read for the question path (``qa.conflicts.answer_facts``)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from .claims import _TIME_AFTER, STOPWORDS, WEEKDAYS, Token, ordinal_after, stem
from .counts import _MONTHS, WORD_NUMBERS, _clock_time, _day_of_month
from .sentences import _Sentence
from ..reading.descriptions import is_demonym

# A month or a day of the week opens no name ("The agency said Monday ..." asked who heads it).
_CALENDAR = _MONTHS | WEEKDAYS
_CONNECT = frozenset("of de the and von van la le du des del di da al bin y".split())
_PREFIX = 5  # "direct|ed", "direct|ors": forms of one word share their first letters


@dataclass(frozen=True)
class Value:
    """A candidate answer in a sentence: a year, a figure or a name."""

    kind: str  # "date" | "number" | "name"
    key: str  # what two values are compared on: "1856", "USD:5e+07", "raj kapoor"
    text: str  # as written
    first: int  # token span in the sentence
    last: int
    low: float = 0.0
    high: float = 0.0
    hedged: bool = False  # a figure said to be about so much ("roughly 80 km"): see qa.conflicts.precision


class _Values(Sequence):
    """Each sentence's candidate answers (``_values``), made on first use: a first-time question
    builds the facts of about 30 documents at 10,000 articles and reads the values of a few of
    their sentences."""

    def __init__(self, sents: list[_Sentence]):
        self._sents = sents
        self._made: list[tuple[Value, ...] | None] = [None] * len(sents)

    def __len__(self) -> int:
        return len(self._sents)

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (list, tuple, _Values)) else NotImplemented

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        got = self._made[i]
        if got is None:
            got = self._made[i] = tuple(_values(self._sents[i]))  # two threads: the same values
        return got


def _values(s: _Sentence) -> list[Value]:
    # Comprehensions over the keys (``keys[i]`` is ``toks[i].key``), not one loop testing every
    # token in turn. Years, figures, counts, names, in that order.
    out = _figure_values(s)
    toks, keys, names = s.tokens, s.keys, s.names
    cap = [t[0][:1].isupper() and t[1] not in _CALENDAR and not t[1][:1].isdigit() for t in toks]  # _cap, inlined
    end, j = len(toks), 0
    for i in compress(range(end), cap):
        if i < j:
            continue  # inside the run before
        j = i + 1
        while j < end and (cap[j] or (keys[j] in _CONNECT and j + 1 < end and cap[j + 1])) and not _breaks(s, j):
            j += 1
        # A name holds a word the document never writes in lower case ("Films" at the start of a
        # list is not a name) and is more than one sentence-initial word (``_is_name``).
        if not (i == 0 and j == 1) and any(k in names for k in keys[i:j] if k not in STOPWORDS):
            out.append(_name(s, i, j))
    return out


_BREAK = re.compile(r"[“”\"‘:\t)]|’\s|\s[–—-]\s")


def _breaks(s: _Sentence, j: int) -> bool:
    """Whether a name cannot run on into token ``j``: a quote, a colon, a tab, a closed bracket or a
    spaced dash stands between ("(by Verta Kali Smart) ‘the Beat Hotel’" names two things; "Results:\t
    Winner\tVictor Fontan" is a table's label and its value; "SIOUX FALLS, S.D. – People" a dateline)."""
    return _BREAK.search(s.norm, s.tokens[j - 1].end, s.tokens[j].start) is not None


def _decade(toks, i: int) -> bool:
    """Whether the year at token ``i`` names a decade ("the mid-2020s", "the 1990's"), not a year:
    its value is the decade ("2020s"), which agrees with any year in it (``answer_facts._agree``)."""
    return i + 1 < len(toks) and toks[i + 1].key == "s" and toks[i + 1].start - toks[i].end <= 1


def _figure_values(s: _Sentence) -> list[Value]:
    """The years, figures and counts of ``_values``, without the names."""
    toks, keys = s.tokens, s.keys
    out = [Value("date", k, toks[i].text, i, i + 1) if not _decade(toks, i) else
           Value("date", k[:3] + "0s", s.norm[toks[i].start:toks[i + 1].end], i, i + 1)  # "the mid-2020s"
           for i, k in enumerate(keys) if k.isdigit() and len(k) == 4 and 1000 <= int(k) <= 2100]  # claims.is_year, inlined
    for q in s.quantities:
        if not q.value or not q.unit and (_day_of_month(toks, q.first, q.last)
                                          or _clock_time(toks, s.norm, q.first, q.last)) or in_a_model_name(toks, s.norm, q.first):
            continue  # "on 10th March", "at 5:00 pm", "the H100": no count
        # Spans of time ("year:") and ages ("age:") answer only questions asking for one (answers._spans_asked).
        unit = "age" if _an_age(s, q.first, q.last, q.unit) else q.unit or ("rank" if ordinal_after(s.norm, toks[q.last - 1].end) else "")
        last = q.last + (unit == "age" and q.unit == "year")  # "48-year-old", whole
        out.append(Value("number", f"{unit}:{q.value:.4g}", s.norm[toks[q.first].start:toks[last - 1].end],
                         q.first, last, q.low, q.high, q.qualifier == "about"))
    # Counts written as words ("only three survived", "two monks", "for two days"); "one" is too
    # often no count ("one of the", "the one") to read.
    for i, n in enumerate(map(WORD_NUMBERS.get, keys)):
        if n is not None and n != 1:
            unit, m = _TIME_AFTER.get(keys[i + 1], ("", 1.0)) if i + 1 < len(keys) else ("", 1.0)
            last = i + 2 if unit else i + 1
            out.append(Value("number", f"{unit}:{n * m:.4g}", s.norm[toks[i].start:toks[last - 1].end], i, last, n * m, n * m))
    return out


def in_a_model_name(toks: Sequence[Token], text: str, first: int) -> bool:
    """Whether the figure opening at token ``first`` is written glued to letters before it, as the
    part of a name it is ("CD19", "H100", "A320", "MTIA v2"): no count, price or size. (A currency
    written before a figure, "RMB339", is its own token of the quantity, which then opens on it.)"""
    start = toks[first].start
    return toks[first].key[:1].isdigit() and start > 0 and text[start - 1].isalpha()


def _an_age(s: _Sentence, first: int, last: int, unit: str) -> bool:
    """Whether a figure gives someone's age: "the 48-year-old", "47 years old", "aged 47", or the
    news habit of a bare figure between commas after a name ("Assange, 47, ...")."""
    toks, keys = s.tokens, s.keys
    if unit == "year":
        return last < len(toks) and keys[last] == "old"
    if unit or last - first != 1 or not keys[first].isdigit() or not 0 < int(keys[first]) < 120:
        return False
    if first > 0 and keys[first - 1] in ("aged", "age"):
        return True
    return (first > 0 and toks[first - 1].text[:1].isupper() and s.norm[toks[first - 1].end:toks[first].start].strip() == ","
            and (last == len(toks) or s.norm[toks[first].end:toks[last].start].strip()[:1] == ","))


def _is_name(s: _Sentence, i: int, j: int) -> bool:
    # A name holds a word the document never writes in lower case ("Films" at the start of a list
    # is not a name) and is more than one sentence-initial word.
    return (any(t.key in s.names for t in s.tokens[i:j] if t.key not in STOPWORDS)
            and not (i == 0 and j == 1))


def _name(s: _Sentence, i: int, j: int) -> Value:
    toks = s.tokens
    return Value("name", " ".join(s.keys[i:j]), s.norm[toks[i].start:toks[j - 1].end], i, j)


def _name_parts(s: _Sentence, v: Value, qkeys: frozenset[str], glued: frozenset[str] = frozenset()) -> list[Value]:
    """The parts of a name run that are not the question's own words: "John Mason House
    (Lexington, Massachusetts)" asked about the John Mason House is "Lexington, Massachusetts".
    ``glued``: the question's subject words; a one-word part written straight against one of them
    ("Samsung Electronics" asked about Samsung) finishes the subject's name and is left out, while
    one against another question word is kept ("Samsung Foundry" asked "which foundry")."""
    out, i = [], v.first
    while i < v.last:
        if s.tokens[i].key in qkeys or s.tokens[i].key in _CONNECT:
            i += 1
            continue
        j = i + 1
        while j < v.last and s.tokens[j].key not in qkeys:
            j += 1
        while j > i + 1 and s.tokens[j - 1].key in _CONNECT:
            j -= 1
        if _is_name(s, i, j) and not (glued and j == i + 1 and _glued_to(s, i, v, glued)):
            out.append(_name(s, i, j))
        i = j
    return out


def _glued_to(s: _Sentence, i: int, v: Value, words: frozenset[str]) -> bool:
    """Whether token ``i`` of the name run ``v`` touches one of ``words`` with only spaces between."""
    toks = s.tokens
    return any(v.first <= n < v.last and toks[n].key in words
               and not s.norm[min(toks[n].end, toks[i].end):max(toks[n].start, toks[i].start)].strip()
               for n in (i - 1, i + 1))


def _cap(t: Token) -> bool:
    return t.text[:1].isupper() and t.key not in _CALENDAR and not t.key[:1].isdigit()


def describes_kind(s: _Sentence, v: Value, kind: str | None) -> bool:
    """Whether name ``v`` only describes the thing of the asked kind named after it: "Japanese" of
    "Japanese technology investment company SoftBank Group Corp" asked "which company": lower-case
    words up to the kind's noun, then another name (the company)."""
    if not kind:
        return False
    for n in range(v.last, min(v.last + 4, len(s.keys) - 1)):
        t = s.tokens[n]
        if not t.text.islower():
            return False
        if stem(t.key)[:_PREFIX] == kind:  # not "(Zamoskvoretskaya line) Belorusskaya": a heading's end
            return s.tokens[n + 1].text[:1].isupper() and s.norm[t.end:s.tokens[n + 1].start] == " "
    return False


def origin_of(s: _Sentence, v: Value) -> bool:
    """Whether name ``v`` is an origin word describing the name after it: "American" of "American
    singer Michael Jackson", lower-case words between (a role, not a verb: the word before the next
    name ends in no "-ed" or "-es", "In 1956 Kazan directed Baby Doll")."""
    if v.last - v.first != 1 or not is_demonym(s.tokens[v.first].text):
        return False
    for n in range(v.last, min(v.last + 4, len(s.tokens) - 1)):
        t = s.tokens[n]
        if s.norm[s.tokens[n - 1].end:t.start] != " " or not t.text.islower():
            return False
        nxt = s.tokens[n + 1]
        if nxt.text[:1].isupper() and s.norm[t.end:nxt.start] == " ":
            return not t.text.endswith(("ed", "es"))
    return False


ASKS_ORIGIN = re.compile(r"\b(?:nationality|nation|country|origin|citizen|ethnicity)\b", re.I)
