"""Where each sentence text of the corpus is held: the copies a merged conflict cites.

News repeats sentences verbatim (wire copies). Two copies of one text say the same thing, so a
finding between a text t and a text u holds between every copy of t and every copy of u; the
rules need to run on one pair of copies only (``qa.conflicts.candidates``: the first holders of
each text), and the merge adds the other copies to the conflict as statements of their own
(``qa.conflicts.merge``). Ruling every copy cost work and memory linear in the copies for each
pair of texts: in the 100,000-article archive, where a text sits in about 50 articles, millions
of document pairs and findings that all said what a few dozen said.

A text is a sentence's token hash (``DocRecord.same``, what the rules call a verbatim copy);
boilerplate (-1) has no copies. Built from the records, as numpy columns (no Python object per
sentence): at 100,000 articles, ~1.5 million rows.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .candidates import DocRecord

__all__ = ["CopyIndex"]

# A statement as the merge holds it: (position of its document, start, end, certainty).
_Statement = tuple[int, int, int, int]


class CopyIndex:
    """The holders of each sentence text over documents numbered by position."""

    def __init__(self, records: Sequence[DocRecord]):
        self.records = records
        sizes = np.array([len(r.same) for r in records], dtype=np.int64)
        same = np.concatenate([r.same for r in records]) if records else np.zeros(0, np.int64)
        docs = np.repeat(np.arange(len(records), dtype=np.int64), sizes)
        spans = np.concatenate([r.spans for r in records]) if records else np.zeros((0, 2), np.int64)
        ok = np.flatnonzero(same >= 0)
        order = ok[np.argsort(same[ok], kind="stable")]  # by text, then by position
        self.hash, self.doc, self.spans = same[order], docs[order], spans[order]

    def text_at(self, doc: int, start: int, end: int) -> int:
        """The text of the sentence at raw ``start``-``end`` of document ``doc``; -1 when it is no
        sentence of the record (or boilerplate)."""
        rec = self.records[doc]
        k = int(np.searchsorted(rec.spans[:, 0], start)) if len(rec.spans) else 0
        if k < len(rec.spans) and rec.spans[k, 0] == start and rec.spans[k, 1] == end:
            return int(rec.same[k])
        return -1

    def texts_of(self, doc: int) -> set[int]:
        """Every text document ``doc`` holds."""
        return {int(h) for h in self.records[doc].same.tolist() if h >= 0}

    def holders(self, text: int) -> list[tuple[int, int, int]]:
        """(document, start, end) of every sentence holding ``text``, in position order."""
        if text < 0:
            return []
        lo, hi = np.searchsorted(self.hash, [text, text + 1])
        return [(d, int(s), int(e)) for d, (s, e) in zip(self.doc[lo:hi].tolist(), self.spans[lo:hi].tolist())]

    def copies(self, stmt: _Statement) -> list[_Statement]:
        """The other holders of ``stmt``'s text, as statements with its certainty (a copy's
        analysis is its text's)."""
        doc, start, end, level = stmt
        return [(d, s, e, level) for d, s, e in self.holders(self.text_at(doc, start, end))
                if (d, s, e) != (doc, start, end)]
