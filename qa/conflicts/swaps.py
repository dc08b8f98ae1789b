"""Near-copies and what they swap: two documents that repeat one another sentence for sentence,
except for a few words ("founded in 1856" / "founded in 1900", "a 2001 American drama film" /
"a 2001 American comedy film").

Misinformation copied from a source changes one thing, the claim, wherever it appears; two articles
built on one template about two different entities (two upazilas named Kaliganj, a city and a
county named Screven) differ in every figure. So the distinct swaps between two documents tell
both cases apart (``Swaps.distinct``), and a swap inside a sentence that answers the question is a
disagreement on the answer even when it is a common noun ("drama" / "comedy"), which the
corpus-wide rules do not flag (``qa.conflicts.question`` uses both).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

import numpy as np

from .claims import _MONTHS, STOPWORDS, is_year
from .rules import _same_spelling, _subject_differs, _subject_end
from .sentences import _Sentence

__all__ = ["Swap", "Swaps", "swaps_between"]

ALIGNED = 0.75  # token alignment ratio of two sentences that are copies of one another ...
CONTAINED = 0.9  # ... or share of the shorter sentence found, in order, in the longer one
PREFILTER = 0.75  # sentence-vector cosine of two sentences that may be such copies ...
SHARED = 0.6  # ... or share of the shorter one's content words the other has
MAX_WORDS = 4  # a swap replaces a value, not a clause


@dataclass(frozen=True)
class Swap:
    """One replaced run of tokens between two aligned sentences (sentence rows in each document)."""

    row_a: int
    row_b: int
    first_a: int  # token span in each sentence
    last_a: int
    first_b: int
    last_b: int
    text_a: str  # as written
    text_b: str
    key: str  # "1856|1900": what identifies the swap across sentences

    def kind(self, a: _Sentence, b: _Sentence) -> str:
        """date | number | name | word: what was swapped."""
        ta, tb = a.tokens[self.first_a:self.last_a], b.tokens[self.first_b:self.last_b]
        if any(is_year(t) for t in ta) and any(is_year(t) for t in tb):
            return "date"
        if any(t.key[:1].isdigit() for t in ta) and any(t.key[:1].isdigit() for t in tb):
            return "number"
        if all(t.text[:1].isupper() for t in ta if t.key not in STOPWORDS) and all(
                t.text[:1].isupper() for t in tb if t.key not in STOPWORDS):
            return "name"
        return "word"


@dataclass(frozen=True)
class Swaps:
    """Every swap between two documents' aligned sentences."""

    swaps: tuple[Swap, ...]
    # The capitalised words the subject of one of two copied sentences has in place of the other's
    # (a heading glued before one sentence renames nothing).
    renames: frozenset[str] = frozenset()

    @property
    def distinct(self) -> int:
        """How many different things the two documents swap (one swap repeated counts once)."""
        return len({s.key for s in self.swaps})


def _undated(s: _Sentence) -> list[int]:
    """Token positions of a sentence without its months and the day numbers next to them."""
    toks = s.tokens
    month = [t.key in _MONTHS for t in toks]
    day = [t.key.isdigit() and len(t.key) <= 2 and ((k > 0 and month[k - 1]) or (k + 1 < len(toks) and month[k + 1]))
           for k, t in enumerate(toks)]
    return [k for k in range(len(toks)) if not month[k] and not day[k]]


def _span(kept: list[int], i: int, j: int, n: int) -> tuple[int, int]:
    """Positions ``i:j`` of the kept tokens as positions of the sentence (``n`` tokens)."""
    start = kept[i] if i < len(kept) else n
    return start, (kept[j - 1] + 1 if j > i else start)


def _years_only(x: _Sentence, y: _Sentence, a0: int, a1: int, b0: int, b1: int) -> tuple[int, int, int, int]:
    """A replaced stretch too long for a swap narrowed to its one year on each side, when it has
    one: "1900" / "Charles Cleaves Cole (May 22, 1841" (a title glued before one copy)."""
    ya = [k for k in range(a0, a1) if is_year(x.tokens[k])]
    yb = [k for k in range(b0, b1) if is_year(y.tokens[k])]
    if len(ya) == 1 and len(yb) == 1:
        return ya[0], ya[0] + 1, yb[0], yb[0] + 1
    return a0, a1, b0, b1


SharingIndex = tuple[dict[str, list[int]], list[int], list[int]]


def sharing_index(b: list[_Sentence]) -> SharingIndex:
    """Which of ``b``'s sentences hold each content word, how many each holds, and those holding
    none: what ``_sharing_pairs`` looks ``b`` up in. A document compared with a dozen others at
    one question has it made once (``DocFacts.sharing``), not at every comparison."""
    where: dict[str, list[int]] = {}
    for j, y in enumerate(b):
        for w in y.content:
            where.setdefault(w, []).append(j)
    sizes = [len(y.content) for y in b]
    return where, sizes, [j for j, n in enumerate(sizes) if not n]


def _sharing_pairs(a: list[_Sentence], b: list[_Sentence], index: SharingIndex | None = None) -> set[tuple[int, int]]:
    """(i, j) for sentences sharing at least SHARED of the smaller one's content words (a sentence
    without any shares "all" of them). Counted through an inverted index of ``b``: comparing every
    pair's word sets was a tenth of a first-time question at 10,000 articles."""
    where, sizes, empty = index if index is not None else sharing_index(b)
    pairs: set[tuple[int, int]] = set()
    for i, x in enumerate(a):
        n = len(x.content)
        if not n:
            pairs.update((i, j) for j in range(len(b)))
            continue
        shared: dict[int, int] = {}
        for w in x.content:
            for j in where.get(w, ()):
                shared[j] = shared.get(j, 0) + 1
        pairs.update((i, j) for j, c in shared.items() if c >= SHARED * min(n, sizes[j]))
        pairs.update((i, j) for j in empty)
    return pairs


def swaps_between(a: list[_Sentence], b: list[_Sentence], va: np.ndarray | None, vb: np.ndarray | None,
                  dates: bool = True, index_b: SharingIndex | None = None) -> Swaps:
    """The swaps between two documents' sentences (``va``/``vb``: their vectors, None: compare
    sentences that share most of their words; ``dates``: align them without days and months;
    ``index_b``: ``sharing_index(b)`` when it is at hand)."""
    if not a or not b:
        return Swaps(())
    # Sentence pairs that may be copies: close vectors, or most content words shared (vectors of a
    # short sentence move a lot with one swapped name).
    pairs = _sharing_pairs(a, b, index_b)
    if va is not None and vb is not None and len(va) == len(a) and len(vb) == len(b):
        pairs.update(zip(*np.nonzero(va @ vb.T >= PREFILTER)))
    candidates = sorted((int(i), int(j)) for i, j in pairs)
    out: list[Swap] = []
    renames: set[str] = set()
    # Days and months are left out of the alignment: "on October 4, 2016" / "on January 1, 2018"
    # is one swapped year, not three words that make a short sentence look rewritten. Worked out
    # once per sentence that is a candidate: positions kept, and their keys.
    kept: dict[tuple[int, int], tuple[list[int], list[str]]] = {}

    def aligned(side: int, n: int) -> tuple[list[int], list[str]]:
        if (side, n) not in kept:
            s = (a, b)[side][n]
            pos = _undated(s) if dates else list(range(len(s.keys)))
            kept[side, n] = (pos, [s.keys[k] for k in pos])
        return kept[side, n]

    for i, j in candidates:
        x, y = a[int(i)], b[int(j)]
        if x.keys == y.keys or x.boilerplate or y.boilerplate:
            continue
        (kx, x_keys), (ky, y_keys) = aligned(0, i), aligned(1, j)
        sm = difflib.SequenceMatcher(None, x_keys, y_keys, autojunk=False)
        blocks = [m for m in sm.get_matching_blocks() if m.size]
        # Aligned when most of the shorter sentence is found in the other: sentence splitters cut
        # web pages differently, so one sentence may hold the other and more.
        if not blocks or (sm.ratio() < ALIGNED and sum(m.size for m in blocks) < CONTAINED * min(len(kx), len(ky))):
            continue
        ops = [(op, *_span(kx, a0, a1, len(x.keys)), *_span(ky, b0, b1, len(y.keys)))
               for op, a0, a1, b0, b1 in sm.get_opcodes()]
        if _subject_differs(x, y, ops):
            # "Meta aims ... 5 GW" / "Anthropic aims ... 1 GW": the same words about another subject
            ea, eb = _subject_end(x), _subject_end(y)
            renames.update(t.key for op, a0, a1, b0, b1 in ops if op == "replace" and a0 < ea and b0 < eb
                           for t in x.tokens[a0:a1] + y.tokens[b0:b1]
                           if t.text[:1].isupper() and t.key not in STOPWORDS)
            continue
        first, last = blocks[0], blocks[-1]
        start_a, end_a = _span(kx, first.a + first.size, last.a, len(x.keys))
        for op, a0, a1, b0, b1 in ops:
            if op != "replace":
                continue
            if dates and (a1 - a0 > MAX_WORDS or b1 - b0 > MAX_WORDS):
                a0, a1, b0, b1 = _years_only(x, y, a0, a1, b0, b1)
            if a1 - a0 > MAX_WORDS or b1 - b0 > MAX_WORDS:
                continue
            if a0 < start_a or (a1 > end_a and not (dates and a1 == len(x.keys) and b1 == len(y.keys))):
                continue  # outside the shared stretch: the longer sentence's own words (not a
                # value both sentences end on: "... on January 1, 2018.")
            ka, kb = x.keys[a0:a1], y.keys[b0:b1]
            if all(k in STOPWORDS for k in ka + kb):
                continue  # "a" / "the", "was" / "is": wording, not a claim
            ta = x.norm[x.tokens[a0].start:x.tokens[a1 - 1].end]
            tb = y.norm[y.tokens[b0].start:y.tokens[b1 - 1].end]
            if not any(k[:1].isdigit() for k in ka + kb) and _same_spelling(ta, tb):
                continue  # "MTIA" / "MITA", "colour" / "color": one word spelled two ways
            out.append(Swap(int(i), int(j), a0, a1, b0, b1, ta, tb, " ".join(ka) + "|" + " ".join(kb)))
    return Swaps(tuple(out), frozenset(renames))


def _figures_differ(a: _Sentence, b: _Sentence, sw) -> bool:
    """Whether the figures a swap replaces are the same quantity with values that cannot both hold
    (not US$50 billion / RMB 339 billion: no offline exchange rate is trustworthy)."""
    xa = [x for x in a.quantities if x.first < sw.last_a and x.last > sw.first_a]
    xb = [x for x in b.quantities if x.first < sw.last_b and x.last > sw.first_b]
    if not xa or not xb:
        return True  # plain numbers the quantity reader skips ("seven" / "21")
    x, y = xa[0], xb[0]
    return x.unit == y.unit and not (x.low <= y.high and y.low <= x.high)
