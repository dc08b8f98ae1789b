"""Conflicts between sources: statements from different documents that cannot both be true, or that
give the same claim a different certainty.

The heavy work happens when the index is built (``find_conflicts``), one pair of documents at a
time (``qa.conflicts.pairs``), and only for the pairs of documents that have a candidate sentence
pair (``qa.conflicts.candidates``: a nearest-neighbour search over the sentence vectors and an
index of figures by unit and value). The findings of each pair are kept in ``conflict_pairs.json``
beside the index, keyed by both documents' fingerprints, so adding or changing one article
searches only its sentences and re-runs only its candidate pairs, with the same conflicts as a
full run. A question takes the stored conflicts
inside the passages retrieved for it (``select_for_question``, a dictionary look-up over a few dozen
spans) and hands them to the question-aware finder (``qa.conflicts.question``), which keeps those
that bear on the question.

How a conflict is found (after de Marneffe et al. 2008, "Finding Contradictions in Text": first
decide that two sentences are about the same thing, then look for a mismatch between them):

1. Every content sentence is analysed (``qa.conflicts.claims``): tokens, figures with unit/scale/currency and
   the qualifier that bounds them ("more than", "up to", "about", ranges), time frames, certainty
   (asserted / tentative / unconfirmed / denied) and negation.
2. Candidate pairs from different documents: similar sentences (embedding cosine, or lexical
   cosine without an encoder, tf-idf over the two documents, which runs every pair) plus
   sentences that state the same figure in the same unit. A capitalised word is a name when neither document writes it in lower
   case, so that what a pair finds depends on those two documents alone.
3. Rules on each pair:
   * aligned near-copies (token alignment ratio high): a swapped figure is ``numeric``, a swapped
     date ``date``, a swapped name ``entity`` (not when the two names are spellings of one another),
     an added negation ``negation``;
   * the same kind of figure in similar sentences about the same named subjects, for the same time
     frame, whose allowed intervals do not meet: ``numeric``; the same figure with a different
     certainty ("expected to approach" vs "has reached"): ``certainty``;
   * similar sentences about the same named subjects whose certainty differs (asserted vs tentative,
     or a claim vs a denial of it): ``certainty``.
   Different currencies are never compared (no offline exchange rate is trustworthy), and figures
   whose sentences name disjoint subjects (Meta's campus vs Anthropic's capacity) are not either.
4. Pairwise findings about the same claim are merged, so that "is evaluating" / "is using" /
   "are not well supported" is one conflict with three statements.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from .merge import MergedConflicts, is_template, merge_findings
from .pairs import PairCache
from .stored_pairs import FindingsUnreadable
from .rules import KINDS, Thresholds
from .sentences import Encoder
from ..ingest.corpus import Document
from ..results import Conflict

__all__ = [
    "KINDS",
    "Thresholds",
    "find_conflicts",
    "merge_findings",
    "PairCache",
    "conflicts_to_json",
    "conflicts_from_json",
    "select_for_question",
    "StoredConflicts",
]


# --------------------------------------------------------------------------- public API


def find_conflicts(docs: Sequence[Document], encode: Encoder | None = None,
                   thresholds: Thresholds | None = None, cache: PairCache | None = None) -> list[Conflict]:
    """All conflicts between the documents, computed once at index-build time.

    ``encode`` maps texts to L2-normalised vectors (None: lexical similarity only). Only sentences
    inside ``doc.content`` are read; every conflict has statements from at least two documents.
    Each statement's ``Citation.score`` is the confidence, in [0, 1], that it takes part in the
    conflict: the best score of the pairwise findings it is in, where a finding scores the
    similarity of its two sentences (token alignment ratio for near-copies, embedding or lexical
    cosine otherwise). Order: by the position (document, offset) of the first statement.

    With ``cache`` (a ``PairCache``), only pairs of documents it does not hold are computed: after
    one document changes, its candidate pairs (at most N - 1) instead of N(N-1)/2, with the same
    result. The cache's ``candidates`` settings choose candidate pairs or every pair.
    """
    cache = cache if cache is not None else PairCache(thresholds)
    if thresholds is not None:
        cache.thresholds = thresholds
    cache.findings(docs, encode, flat=False)
    copies = cache.copy_index(docs, encode)
    try:  # only the conflicts changed pairs reach, reading only their pairs' findings
        return cache.merged.merge(cache.pairs_as_read, docs, cache.found, copies)
    except FindingsUnreadable:  # a damaged stored finding: the cache was emptied, compute everything
        cache.merged = MergedConflicts()
        cache.findings(docs, encode, flat=False)
        return cache.merged.merge(cache.pairs, docs, copies=copies)


def conflicts_to_json(conflicts: Sequence[Conflict]) -> list[dict]:
    """Plain dicts for ``conflicts.json`` in the index directory."""
    return [c.to_dict() for c in conflicts]


def conflicts_from_json(data: Sequence[dict]) -> list[Conflict]:
    return [Conflict.from_dict(d) for d in data]


def select_for_question(conflicts: Sequence[Conflict], passages: Sequence[tuple[str, int, int]],
                        by_doc: dict[str, list[int]] | None = None) -> list[Conflict]:
    """The conflicts with statements from two different documents inside the retrieved passages.

    ``passages`` are raw (doc_id, start, end) spans of everything retrieved about the question,
    best first; a conflict ranks by the best passage that holds one of its statements.
    ``by_doc`` (``conflicts_by_document``) limits the scan to the retrieved documents' conflicts.
    """
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for rank, (doc_id, start, end) in enumerate(passages):
        spans.setdefault(doc_id, []).append((start, end, rank))
    if by_doc is None:
        todo: Sequence[int] = range(len(conflicts))
    else:
        todo = sorted({k for d in spans for k in by_doc.get(d, ())})
    ranked = []
    for k in todo:
        c = conflicts[k]
        docs_hit: dict[str, int] = {}
        for s in c.statements:
            for start, end, rank in spans.get(s.doc_id, ()):
                if start < s.end and s.start < end:
                    docs_hit[s.doc_id] = min(docs_hit.get(s.doc_id, math.inf), rank)
        if len(docs_hit) >= 2:
            ranks = sorted(docs_hit.values())
            ranked.append((ranks[0], ranks[1], k, c))
    ranked.sort(key=lambda r: r[:3])
    return [r[3] for r in ranked]


def conflicts_by_document(conflicts: Sequence[Conflict]) -> dict[str, list[int]]:
    """Positions of the conflicts citing each document."""
    out: dict[str, list[int]] = {}
    for k, c in enumerate(conflicts):
        for d in dict.fromkeys(s.doc_id for s in c.statements):
            out.setdefault(d, []).append(k)
    return out


class StoredConflicts:
    """``select_for_question`` over one index's stored conflicts, indexed by document once, so a
    question reads only the conflicts of the documents retrieved for it (an archive holds
    thousands; a question retrieves a few dozen passages)."""

    def __init__(self, conflicts: Sequence[Conflict]):
        self.conflicts = conflicts
        self.by_doc = conflicts_by_document(conflicts)
        self._template: dict[int, bool] = {}  # by id (the list is held): judged when first selected, not at load

    def __call__(self, conflicts: Sequence[Conflict], passages: Sequence[tuple[str, int, int]]) -> list[Conflict]:
        by_doc = self.by_doc if conflicts is self.conflicts else None  # other conflicts: scan them all
        return [c for c in select_for_question(conflicts, passages, by_doc) if not self._is_template(c)]

    def _is_template(self, c: Conflict) -> bool:
        got = self._template.get(id(c))
        if got is None:
            got = self._template[id(c)] = is_template(c)
        return got
