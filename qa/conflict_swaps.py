"""Near-copies and what they swap: two documents that repeat one another sentence for sentence,
except for a few words ("founded in 1856" / "founded in 1900", "a 2001 American drama film" /
"a 2001 American comedy film").

Misinformation copied from a source changes one thing, the claim, wherever it appears; two articles
built on one template about two different entities (two upazilas named Kaliganj, a city and a
county named Screven) differ in every figure. So the distinct swaps between two documents tell
both cases apart (``Swaps.distinct``), and a swap inside a sentence that answers the question is a
disagreement on the answer even when it is a common noun ("drama" / "comedy"), which the
corpus-wide rules do not flag (``qa.conflict_question`` uses both).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

import numpy as np

from .claims import STOPWORDS, is_year
from .conflict_rules import _same_spelling
from .conflict_sentences import _Sentence

__all__ = ["Swap", "Swaps", "swaps_between"]

ALIGNED = 0.75  # token alignment ratio of two sentences that are copies of one another
PREFILTER = 0.75  # sentence-vector cosine below which two sentences cannot be such copies
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
    aligned: int  # how many sentence pairs are copies of one another

    @property
    def distinct(self) -> int:
        """How many different things the two documents swap (one swap repeated counts once)."""
        return len({s.key for s in self.swaps})


def swaps_between(a: list[_Sentence], b: list[_Sentence], va: np.ndarray | None, vb: np.ndarray | None,
                  ) -> Swaps:
    """The swaps between two documents' sentences (``va``/``vb``: their vectors, None: compare
    sentences that share most of their words)."""
    if not a or not b:
        return Swaps((), 0)
    if va is not None and vb is not None and len(va) == len(a) and len(vb) == len(b):
        candidates = zip(*np.nonzero(va @ vb.T >= PREFILTER))
    else:
        candidates = ((i, j) for i, x in enumerate(a) for j, y in enumerate(b)
                      if len(x.content & y.content) >= 0.6 * min(len(x.content), len(y.content)))
    out: list[Swap] = []
    aligned = 0
    for i, j in candidates:
        x, y = a[int(i)], b[int(j)]
        if x.keys == y.keys or x.boilerplate or y.boilerplate:
            continue
        sm = difflib.SequenceMatcher(None, x.keys, y.keys, autojunk=False)
        if sm.ratio() < ALIGNED:
            continue
        aligned += 1
        for op, a0, a1, b0, b1 in sm.get_opcodes():
            if op != "replace" or a1 - a0 > MAX_WORDS or b1 - b0 > MAX_WORDS:
                continue
            ka, kb = x.keys[a0:a1], y.keys[b0:b1]
            if all(k in STOPWORDS for k in ka + kb):
                continue  # "a" / "the", "was" / "is": wording, not a claim
            ta = x.norm[x.tokens[a0].start:x.tokens[a1 - 1].end]
            tb = y.norm[y.tokens[b0].start:y.tokens[b1 - 1].end]
            if not any(k[:1].isdigit() for k in ka + kb) and _same_spelling(ta, tb):
                continue  # "MTIA" / "MITA", "colour" / "color": one word spelled two ways
            out.append(Swap(int(i), int(j), a0, a1, b0, b1, ta, tb, " ".join(ka) + "|" + " ".join(kb)))
    return Swaps(tuple(out), aligned)
