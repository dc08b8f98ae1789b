"""Exact days two documents both write: evidence that they describe one entity.

Namesakes share a name, often a kind and sometimes a year, but two of them having two of the same
exact days on record (born 30 October 1891, died 15 September 1964) is next to impossible; two
pages about one person, one of them rewritten with another answer (misinformation), keep them.
Used by ``qa.conflicts.entity.entity_relation`` when two documents share too little text to be
shown one entity otherwise.
"""
from __future__ import annotations

import threading

from .answer_facts import DocFacts
from .claims import is_year
from .precision import precise_key, year_of

__all__ = ["days_of", "shared_days"]

# Days written by each document, by its fingerprint: built once, read for every pair of every
# question (bounded; questions come from the app's threads, hence the lock).
_DAYS: dict[str, frozenset[str]] = {}
_CACHE_MAX = 4096
_LOCK = threading.Lock()


def days_of(f: DocFacts) -> frozenset[str]:
    """Every exact day ("YYYY-MM-DD") the document writes out ("30 October 1891", "March 3, 1881")."""
    key = f.doc.fingerprint
    with _LOCK:
        got = _DAYS.get(key)
    if got is None:
        got = frozenset(d for s in f.sents for i, t in enumerate(s.tokens) if is_year(t)
                        and (d := precise_key(s, i, "day")[0]).count("-") == 2)
        with _LOCK:
            if len(_DAYS) >= _CACHE_MAX:
                _DAYS.clear()
            _DAYS[key] = got
    return got


def shared_days(a: DocFacts, b: DocFacts, said: set[str]) -> int:
    """How many exact days both documents write, leaving out days in the years of their answers
    (a date asked about is the disagreement, not evidence either way)."""
    years = {year_of(w) for w in said}
    return sum(1 for d in days_of(a) & days_of(b) if year_of(d) not in years)
