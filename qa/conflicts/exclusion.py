"""A yes/no question one source answers by leaving its object out ("CD19 is expressed on all ...
B cells, excluding plasma cells") and another by saying it ("human plasma cells do express CD19"):
the exclusion denies what the other affirms, about what the question asks (issue #20)."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from .answer_facts import _PREFIX, DocFacts, QuestionSettings, Value, _Question
from .answers import _relevance, _denies
from .claims import stem
from .sentences import _Sentence

__all__ = ["exclusion_links", "stance"]

# Words leaving what follows out of what the sentence says of the rest.
_EXCLUDING = re.compile(r"(?:\bexcluding|\bexcept(?:\s+for)?|\bother\s+than|\bapart\s+from|\bwith\s+the\s+exception\s+of|"
                        r"\bsave\s+for)[\s,]*$", re.I)
_COVER = 0.75  # share of the question's predicate words a sentence must hold to speak to its claim
_REACH = 3  # tokens a negation may stand before a word of the claim


def _claim_words(q: _Question, s: _Sentence) -> list[int]:
    return [n for n, key in enumerate(s.keys) if q.asks(key)]


def _speaks_to(q: _Question, s: _Sentence, at: list[int]) -> bool:
    held = {stem(s.keys[n])[:_PREFIX] for n in at}
    return len(q.predicate) >= 2 and len(held) >= max(2, _COVER * len(q.predicate))


def stance(q: _Question, s: _Sentence) -> tuple[bool, Value] | None:
    """(whether the sentence leaves the claim's object out, its wording) for a sentence holding
    most of the question's claim words; None for one that does not, or denies it outright (a
    plain negation is the stored conflicts' and ``answers._polarity``'s to read)."""
    at = _claim_words(q, s)
    if not _speaks_to(q, s, at):
        return None
    runs: list[list[int]] = []  # runs of adjacent claim words, [first, last)
    for n in at:
        if runs and n == runs[-1][1]:
            runs[-1][1] = n + 1
        else:
            runs.append([n, n + 1])
    for first, last in runs:
        window = max(0, s.tokens[first].start - 40)
        m = _EXCLUDING.search(s.norm, window, s.tokens[first].start)
        if last - first >= 2 and m:
            lead = next(n for n in range(first) if s.tokens[n].end > m.start())  # "excluding", "except for", ...
            return True, Value("name", "", s.norm[s.tokens[lead].start:s.tokens[last - 1].end], lead, last)
    if any(_denies(k) for n in at for k in s.keys[max(0, n - _REACH):n]):
        return None
    first, last = at[0], at[-1] + 1
    return False, Value("name", "", s.norm[s.tokens[first].start:s.tokens[last - 1].end], first, last)


def exclusion_links(q: _Question, facts: dict[str, DocFacts], rows: dict[str, list[int]], qvec: np.ndarray | None,
                    st: QuestionSettings, link_kind: Callable) -> list:
    """(kind, doc a, doc b, what each says) for each document that leaves the question's object
    out against each that affirms it; ``link_kind(fa, fb, values, sents)`` tells one entity from two."""
    said: dict[str, tuple[float, int, Value, bool]] = {}
    for doc_id, rs in rows.items():
        f = facts[doc_id]
        rel = _relevance(q, f, rs, qvec if f.vectors is not None else None, st)
        for k in np.argsort(-rel, kind="stable")[:st.top_sentences]:
            if rel[k] < st.relevant:
                break
            got = stance(q, f.sents[rs[k]])
            if got is not None:
                said[doc_id] = (float(rel[k]), rs[k], got[1], got[0])
                break
    links = []
    out_docs = [d for d, x in said.items() if x[3]]
    for da in out_docs:
        for db in (d for d, x in said.items() if not x[3]):
            a, b = said[da], said[db]
            fa, fb = facts[da], facts[db]
            kind = link_kind(fa, fb, (replace(a[2], key="out"), replace(b[2], key="in")), (fa.sents[a[1]], fb.sents[b[1]]))
            if kind is not None:
                links.append((kind, da, db, a[:3], b[:3]))
    return links
