"""How finely two answers are compared (``qa.conflicts.question``): dates to the day or month the
question asks about, and hedged figures by what they round.

Dates. A year is the answer to "when", and two sources giving one year agree. A question that
asks for the month ("In which year and month ...?") or states a day ("Did he die on 2 March
1881?", "Was she born on the 1st February?") asks about that precision: "2 March 1881" and
"3 March 1881" then disagree, and a source giving only the year agrees with either. The key of a
precise date is "YYYY-MM" or "YYYY-MM-DD"; two keys agree when they match on what both give.

Hedged figures. "about 69 km" was read as 62-76 km and "roughly 80 km" as 72-88 km, so the two
overlapped and agreed; a hedge says the figure is rounded, not that any figure within a tenth is
the one meant. A hedged figure now agrees with another only when one's window holds the other's figure (a
range or a bound counts as its interval): "about 70 km" and "72 km" agree, "about 69 km" and
"roughly 80 km" do not.
"""
from __future__ import annotations

import re

from .claims import Token, tokenize
from .sentences import _Sentence

__all__ = ["asked_precision", "precise_key", "dates_agree", "year_of", "figures_agree"]

_MONTH_NO = {m: n for n, m in enumerate("january february march april may june july august september "
                                        "october november december".split(), 1)}
_ORDINAL = frozenset("st nd rd th".split())
_ASKS_MONTH = re.compile(r"\bmonths?\b", re.I)
_ASKS_DAY = re.compile(r"\b(?:what|which)\s+(?:exact\s+)?(?:date|day)\b|\bon what date\b|\bexact date\b", re.I)


def _month(t: Token) -> int | None:
    # "may" is a verb far more often than a month: only "May", capitalised.
    n = _MONTH_NO.get(t.key)
    return None if n is None or (t.key == "may" and not t.text[:1].isupper()) else n


def _day(t: Token) -> int | None:
    return int(t.key) if t.key.isdigit() and len(t.key) <= 2 and 1 <= int(t.key) <= 31 else None


def _day_month(toks: list[Token], end: int) -> tuple[int, int | None, int] | None:
    """(month, day or None, first token) of a day and month ending just before token ``end``:
    "1 February", "1st of February", "February 1," or "February" alone."""
    k = end - 1
    if k < 0:
        return None
    m = _month(toks[k])
    if m is not None:
        j = k - 1
        if j >= 0 and toks[j].key == "of":
            j -= 1
        if j >= 0 and toks[j].key in _ORDINAL:
            j -= 1
        if j >= 0 and _day(toks[j]) is not None:
            return m, _day(toks[j]), j
        return m, None, k
    if _day(toks[k]) is not None and k > 0 and _month(toks[k - 1]) is not None:
        return _month(toks[k - 1]), _day(toks[k]), k - 1  # "March 3, 1881"
    return None


def asked_precision(text: str, wh: bool) -> tuple[str, frozenset[str]]:
    """("day" | "month" | "", the day and month words a yes/no question states). A yes/no question
    stating a day and month ("born on the 1st February?") asks for the day; a wh-question naming
    the month or the date asks for that."""
    toks = tokenize(text)
    if not wh:
        for k in range(len(toks)):
            m = _month(toks[k])
            if m is None:
                continue
            before = _day_month(toks, k + 1)
            after = k + 1 < len(toks) and _day(toks[k + 1]) is not None and not (
                k + 2 < len(toks) and toks[k + 2].key.isdigit() and len(toks[k + 2].key) != 4)
            if before is not None and before[1] is not None:
                return "day", frozenset(t.key for t in toks[before[2]:k + 1])
            if after:
                return "day", frozenset((toks[k].key, toks[k + 1].key))
        return "", frozenset()
    if _ASKS_DAY.search(text):
        return "day", frozenset()
    if _ASKS_MONTH.search(text):
        return "month", frozenset()
    return "", frozenset()


def precise_key(s: _Sentence, year_at: int, precision: str) -> tuple[str, int]:
    """The key of the date whose year is token ``year_at`` of the sentence, to the precision asked
    (as far as the sentence gives it), and the date's first token."""
    toks = s.tokens
    year = toks[year_at].key
    got = _day_month(toks, year_at)
    if got is None or not precision:
        return year, year_at
    m, d, first = got
    if precision == "day" and d is not None:
        return f"{year}-{m:02d}-{d:02d}", first
    return f"{year}-{m:02d}", first


def year_of(key: str) -> str:
    return key.split("-", 1)[0]


def dates_agree(a: str, b: str) -> bool:
    """Whether two date keys match on what both give ("1881" agrees with "1881-03-02")."""
    pa, pb = a.split("-"), b.split("-")
    n = min(len(pa), len(pb))
    return pa[:n] == pb[:n]


def figures_agree(a: tuple[float, float, float, bool], b: tuple[float, float, float, bool]) -> bool:
    """Whether two figures in one unit, each (value, low, high, hedged), can both be true. Windows
    overlap; but when one is hedged ("about 69"), each figure stated as a point (exact or hedged)
    counts as that point against the other's window: rounding does not stretch one estimate to
    meet another, and "about 1.6" holds 1.5, not 1.4 (whose own window reaches 1.45)."""
    (va, la, ha, xa), (vb, lb, hb, xb) = a, b
    if not (xa or xb):
        lo, hi = max(la, lb), min(ha, hb)
        # Two windows that only meet at their edge are two different round figures ("47" and
        # "48", each half a unit wide), not one figure written twice.
        return lo <= hi and not (hi - lo <= 1e-9 * max(1.0, abs(hi)) and la < ha and lb < hb)

    def core(v: float, lo: float, hi: float) -> tuple[float, float]:
        return (v, v) if lo < v < hi else (lo, hi)  # a range or a bound keeps its interval

    (ca0, ca1), (cb0, cb1) = core(va, la, ha), core(vb, lb, hb)
    return (ca0 <= hb and lb <= ca1) or (cb0 <= ha and la <= cb1)
