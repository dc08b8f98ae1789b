"""What a sentence claims, in a form two sentences can be compared on: tokens, quantities, dates,
certainty and negation. Pure Python and regular expressions, so it is cheap enough to run on every
sentence of a corpus at index-build time; the conflict rules live in ``qa.conflicts.corpus_wide``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "ASSERTED",
    "TENTATIVE",
    "UNCONFIRMED",
    "UNIT_WORDS",
    "DENIED",
    "Token",
    "Quantity",
    "tokenize",
    "quantities",
    "certainty",
    "NEGATIONS",
    "STOPWORDS",
    "is_date_token",
    "time_frames",
    "stem",
]

# Certainty of a claim, ordered from strongest to weakest commitment.
ASSERTED, TENTATIVE, UNCONFIRMED, DENIED = 3, 2, 1, 0
CERTAINTY_WORDS = {ASSERTED: "states it as fact", TENTATIVE: "is tentative",
                   UNCONFIRMED: "calls it unconfirmed", DENIED: "disputes it"}

STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as is are was were be been being has have
    had do does did this that these those it its it's their there they them he she his her we our
    you your i me my not no also which who whom whose what when where while than then so such into
    about over after before under up down out more most other some any each all both only own same
    very can will would could should may might must just s t about per via according said says""".split()
)
NEGATIONS = frozenset("not no never n't nor neither none nobody nothing without cannot".split())

# Stage words: the subject is only considering or expected to do it, not doing it.
_TENTATIVE = frozenset(
    """expected expects expect expecting anticipated approach approaching potentially potential
    possible possibly may might could evaluating evaluate evaluates evaluation considering consider
    considers exploring explore explores exploration planning plans plan planned aims aim aiming
    intends intend intending seeking seek talks discussions discussing negotiating negotiations
    likely projected forecast rumored rumoured speculation speculated mulling weighing proposed
    hopes hoping""".split()
)
# Phrases that say a claim is unproven or false (checked on the lower-cased, space-joined tokens).
_UNCONFIRMED = re.compile(
    r"\b(?:not (?:yet )?(?:been )?confirmed|unconfirmed|not (?:been )?verified|unverified|"
    r"cannot (?:yet )?be confirmed|no (?:\w+ )?(?:has|have) been confirmed|not finali[sz]ed|"
    r"remains? unclear|declined to (?:comment|confirm))\b"
)
_DENIED = re.compile(
    r"\b(?:not (?:well )?supported|unsupported|unfounded|baseless|false|untrue|not true|"
    r"denied|denies|deny|refuted|refutes|dismissed|no evidence|without evidence|inaccurate)\b"
)

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "tr": 1e12, "lakh": 1e5, "crore": 1e7,
}
# Canonical unit per surface form; the multiplier normalises the scale within a dimension.
_UNITS: dict[str, tuple[str, float]] = {
    "won": ("KRW", 1), "krw": ("KRW", 1), "₩": ("KRW", 1),
    "$": ("USD", 1), "usd": ("USD", 1), "dollar": ("USD", 1), "dollars": ("USD", 1),
    "rmb": ("CNY", 1), "yuan": ("CNY", 1), "cny": ("CNY", 1),
    "€": ("EUR", 1), "eur": ("EUR", 1), "euro": ("EUR", 1), "euros": ("EUR", 1),
    "£": ("GBP", 1), "gbp": ("GBP", 1), "pound": ("GBP", 1), "pounds": ("GBP", 1),
    "¥": ("JPY", 1), "yen": ("JPY", 1), "jpy": ("JPY", 1),
    "gw": ("W", 1e9), "gigawatt": ("W", 1e9), "gigawatts": ("W", 1e9),
    "mw": ("W", 1e6), "megawatt": ("W", 1e6), "megawatts": ("W", 1e6),
    "kw": ("W", 1e3), "kilowatt": ("W", 1e3), "kilowatts": ("W", 1e3),
    "nm": ("m", 1e-9), "nanometer": ("m", 1e-9), "nanometers": ("m", 1e-9),
    "nanometre": ("m", 1e-9), "nanometres": ("m", 1e-9),
    "km": ("m", 1e3), "kilometers": ("m", 1e3), "kilometres": ("m", 1e3),
    "mi": ("m", 1609.344), "miles": ("m", 1609.344), "mile": ("m", 1609.344),
    "%": ("%", 1), "percent": ("%", 1), "pct": ("%", 1),
    "kg": ("g", 1e3), "tons": ("g", 1e6), "tonnes": ("g", 1e6),
    "years": ("year", 1), "year": ("year", 1), "months": ("year", 1 / 12), "month": ("year", 1 / 12),
}
# Shorter spans of time, read in years as months are ("deliberated for less than 10 minutes" /
# "took just 15 minutes"), but only after a figure: before one they number a thing ("day 3",
# "week 5"), not a length.
_TIME_AFTER: dict[str, tuple[str, float]] = {
    "weeks": ("year", 7 / 365.25), "week": ("year", 7 / 365.25), "days": ("year", 1 / 365.25),
    "day": ("year", 1 / 365.25), "hours": ("year", 1 / 8766), "hour": ("year", 1 / 8766),
    "minutes": ("year", 1 / 525960), "minute": ("year", 1 / 525960), "seconds": ("year", 1 / 31557600),
    "second": ("year", 1 / 31557600), "decades": ("year", 10), "decade": ("year", 10),
}
UNIT_WORDS = frozenset(_UNITS) | frozenset({"us", "korean", "chinese"})
_CURRENCY_PREFIX = {"us": "USD"}  # "US $50" / "US$50"
_APPROX = frozenset("approximately about around roughly nearly almost approach approaching some circa ~ estimated".split())
_LOWER = frozenset("exceeding exceed exceeds over above surpassing topping least upwards".split())
_UPPER = frozenset("under below less fewer most maximum".split())

_MONTHS = frozenset(
    """january february march april may may-month june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_RELATIVE_TIME = frozenset("today yesterday tomorrow currently now previously formerly".split())

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*|n't|[$€£¥₩%~]", re.UNICODE)
_CANON = {"nanometer": "nm", "nanometers": "nm", "nanometre": "nm", "gigawatts": "gw",
          "gigawatt": "gw", "megawatts": "mw", "megawatt": "mw", "percent": "%", "per cent": "%",
          "us$": "$", "usd": "$", "dollars": "$", "dollar": "$", "krw": "won", "rmb": "yuan",
          "cny": "yuan"}


class Token(NamedTuple):
    """A named tuple, not a frozen dataclass: a first-time question decodes thousands of stored
    tokens, and building them as tuples cut decoding stored analyses from 2.46 to 2.11 s over 40
    questions at 10,000 articles (cProfile, ``python -m qa.bench.archive --profile 10000``)."""

    text: str  # as written (NFKC), case kept: capitals tell names apart
    key: str  # lower-cased, possessive dropped, units canonical: what alignment compares
    start: int  # offsets in the NFKC sentence
    end: int


@dataclass(frozen=True)
class Quantity:
    value: float  # in the canonical unit, scale applied
    low: float  # the interval the wording allows ("more than 10" is [10, inf))
    high: float
    unit: str  # canonical unit or currency; "" for a bare count
    noun: str  # the word after the number ("people", "units"): what is being counted
    first: int  # token index of the number, and one past its last token
    last: int
    certainty: int  # of the words just before the number ("expected to approach" is tentative)
    qualifier: str  # "", "about", "more than", "up to", "range"


@lru_cache(maxsize=65536)  # hundreds of calls per question on the same few thousand words
def stem(word: str) -> str:
    """A crude suffix stripper: enough for "orders"/"order" and "produced"/"production" to meet."""
    w = word.lower()
    for suf in ("ations", "ation", "ings", "ing", "ions", "ion", "ers", "ies", "ed", "es", "er", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def tokenize(text: str) -> list[Token]:
    """Tokens of an NFKC sentence; "2nm" and "2-nanometer" both become ``2`` ``nm``.

    "May" next to a number is the month (key ``may-month``), not the modal verb, and "No." before
    a number is an abbreviation (key ``number``), not a negation.
    """
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        key = raw.lower().replace("’", "'")
        if key.endswith("'s"):
            key = key[:-2]
        key = _CANON.get(key, key)
        out.append(Token(raw, key, m.start(), m.end()))
    for k, tok in enumerate(out):
        nxt = out[k + 1] if k + 1 < len(out) else None
        prev = out[k - 1] if k else None
        if tok.text == "May" and ((nxt and nxt.key[:1].isdigit()) or (prev and prev.key[:1].isdigit())):
            out[k] = Token(tok.text, "may-month", tok.start, tok.end)
        elif tok.key == "no" and text[tok.end : tok.end + 1] == "." and nxt and nxt.key[:1].isdigit():
            out[k] = Token(tok.text, "number", tok.start, tok.end)
    return out


def _number(text: str) -> float | None:
    t = text.replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


def _precision(text: str, value: float) -> float:
    """Half a unit of the last written digit: "3.5" is anything from 3.45 to 3.55."""
    t = text.replace(",", "")
    if "." in t:
        return 0.5 * 10 ** -len(t.split(".")[1])
    return 0.5 if value else 0.0


def is_year(tok: Token) -> bool:
    return tok.key.isdigit() and len(tok.key) == 4 and 1000 <= int(tok.key) <= 2100


def is_date_token(tok: Token) -> bool:
    return is_year(tok) or tok.key in _MONTHS


def time_frames(tokens: list[Token]) -> frozenset[str]:
    """Years, months and relative time words: two figures for different periods do not clash."""
    keys = {t.key for t in tokens if is_date_token(t) and t.key != "may"}
    keys |= {t.key for t in tokens if t.key in _RELATIVE_TIME}
    for a, b in zip(tokens, tokens[1:]):
        if a.key in ("this", "next", "last", "previous", "coming") and b.key in (
            "year", "quarter", "month", "week", "decade"
        ):
            keys.add(f"{a.key} {b.key}")
    return frozenset(keys)


def certainty(keys: list[str]) -> int:
    """How committed a stretch of text is to its claim, from lower-cased token keys."""
    joined = " ".join(keys)
    if _DENIED.search(joined):
        return DENIED
    if _UNCONFIRMED.search(joined):
        return UNCONFIRMED
    if any(k in _TENTATIVE for k in keys) or re.search(r"\bin (?:talks|discussions)\b", joined):
        return TENTATIVE
    return ASSERTED


def _clause_before(tokens: list[Token], i: int, span: int = 4) -> list[str]:
    """Keys of up to ``span`` tokens before ``i``, stopping at a clause break."""
    keys: list[str] = []
    j = i - 1
    while j >= 0 and len(keys) < span:
        k = tokens[j].key
        if k in ("and", "but", "which", "while", "whereas"):
            break
        keys.append(k)
        j -= 1
    return keys[::-1]


def ordinal_after(text: str, end: int) -> bool:
    """Whether the figure ending at offset ``end`` of ``text`` is written as an ordinal ("12th", "3rd")."""
    return text[end:end + 2].lower() in ("st", "nd", "rd", "th")


def quantities(tokens: list[Token], text: str) -> list[Quantity]:
    """Figures with unit, scale, currency and the qualifier that bounds them.

    Bare years (1000-2100 without a unit) are dates, not quantities, and are left out.
    """
    out: list[Quantity] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        value = _number(tok.key) if tok.key[:1].isdigit() else None
        if value is None:
            i += 1
            continue
        first, last = i, i + 1
        prec = _precision(tok.key, value)
        unit, mult = "", 1.0
        # Currency before the number: "$50", "US$ 50", "RMB 339", "₩50"; not across a comma or a
        # full stop ("of the stores in US, 120,000 of them").
        before = i > 0 and text[tokens[i - 1].end:tok.start].strip() == ""
        if before and tokens[i - 1].key in _UNITS:
            unit, mult = _UNITS[tokens[i - 1].key]
            first = i - 1
            if first > 0 and tokens[first - 1].key in _CURRENCY_PREFIX:
                first -= 1
        elif before and tokens[i - 1].key in _CURRENCY_PREFIX:
            unit, first = _CURRENCY_PREFIX[tokens[i - 1].key], i - 1
        # A footnote marker copied from a wiki page ("1,342[1] km"): the unit is after it.
        if (last + 1 < n and text[tok.end:tokens[last].start] == "[" and tokens[last].key.isdigit()
                and text[tokens[last].end:tokens[last + 1].start].startswith("]")):
            last += 1
        # A range: "10 to 12 billion", "10-12".
        high_value = None
        if last + 1 < n and tokens[last].key in ("to", "and") and tokens[last + 1].key[:1].isdigit():
            if text[tok.end : tokens[last].start].strip() == "" and (tokens[last].key == "to" or (
                first > 0 and tokens[first - 1].key == "between")):
                high_value = _number(tokens[last + 1].key)
                last += 2
        elif last < n and text[tok.end : tokens[last].start] in ("-", "–") and tokens[last].key[:1].isdigit():
            high_value = _number(tokens[last].key)
            last += 1
            if high_value is not None and high_value <= value and not unit:
                i = last  # a score or a vote ("beat Russia 2-1", "5-4"): a range is written low to high
                continue
        scale = 1.0
        if last < n and tokens[last].key in _SCALES and tokens[last].start - tokens[last - 1].end <= 1:
            scale = _SCALES[tokens[last].key]
            last += 1
        if last < n and (tokens[last].key in _UNITS or tokens[last].key in _TIME_AFTER):
            u, m = _UNITS.get(tokens[last].key) or _TIME_AFTER[tokens[last].key]
            if not unit or u == unit:
                unit, mult = u, m
                last += 1
        # "50 trillion Korean won": one adjective between scale and currency.
        elif last + 1 < n and tokens[last].text[:1].isupper() and tokens[last + 1].key in _UNITS:
            unit, mult = _UNITS[tokens[last + 1].key]
            last += 2
        if not unit and is_year(tok) and scale == 1.0 and high_value is None:
            i += 1
            continue
        noun = tokens[last].key if last < n and tokens[last].key not in STOPWORDS else ""
        factor = scale * mult
        v = value * factor
        before = _clause_before(tokens, first)
        window = set(before[-3:])
        if high_value is not None:
            low, high, qual = v, high_value * factor, "range"
        elif window & _LOWER or "more than" in " ".join(before[-3:]) or "at least" in " ".join(before[-3:]):
            low, high, qual = v, math.inf, "more than"
        elif "up to" in " ".join(before[-3:]) or window & _UPPER:
            low, high, qual = 0.0, v, "up to"
        elif window & _APPROX or "~" in window:
            low, high, qual = v * 0.9, v * 1.1, "about"
        else:
            p = prec * factor
            low, high, qual = v - p, v + p, ""
        out.append(Quantity(v, low, high, unit, noun, first, last, certainty(before), qual))
        i = last
    return out
