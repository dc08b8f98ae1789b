"""Conflicts between sources: statements from different documents that cannot both be true, or that
give the same claim a different certainty.

The heavy work happens once, when the index is built (``find_conflicts``); a question only filters
the stored list by the passages retrieved for it (``select_for_question``), which is a dictionary
look-up over a few dozen spans.

How a conflict is found (after de Marneffe et al. 2008, "Finding Contradictions in Text": first
decide that two sentences are about the same thing, then look for a mismatch between them):

1. Every content sentence is analysed (``qa.claims``): tokens, figures with unit/scale/currency and
   the qualifier that bounds them ("more than", "up to", "about", ranges), time frames, certainty
   (asserted / tentative / unconfirmed / denied) and negation.
2. Candidate pairs from different documents: similar sentences (embedding cosine, or lexical
   cosine without an encoder) plus sentences that state the same figure in the same unit.
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

import numpy as np

from .claims import ASSERTED, DENIED, TENTATIVE, UNCONFIRMED, certainty, tokenize
from .conflict_rules import (
    KINDS,
    Thresholds,
    _aligned_rules,
    _denial_rules,
    _Finding,
    _loose_rules,
)
from .conflict_sentences import Encoder, _Sentence, _sentences, _similarity
from .corpus import Document
from .results import Citation, Conflict

__all__ = [
    "KINDS",
    "Thresholds",
    "find_conflicts",
    "conflicts_to_json",
    "conflicts_from_json",
    "select_for_question",
]


# --------------------------------------------------------------------------- grouping


def _short_id(doc_id: str) -> str:
    return doc_id.split("_", 1)[0]


def _clip(text: str, words: int = 16) -> str:
    parts = " ".join(text.split()).split(" ")
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _group(findings: list[_Finding]) -> list[list[_Finding]]:
    """Merge findings of one kind that share a claim (a sentence, or a figure in it)."""
    parent: dict[tuple, tuple] = {}

    def root(x: tuple) -> tuple:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f in findings:
        ra, rb = root((f.kind, f.a, f.claim_a)), root((f.kind, f.b, f.claim_b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple, list[_Finding]] = {}
    for f in findings:
        groups.setdefault(root((f.kind, f.a, f.claim_a)), []).append(f)
    return list(groups.values())


def _to_conflict(group: list[_Finding], sents: list[_Sentence], docs: Sequence[Document]) -> Conflict:
    score: dict[int, float] = {}
    phrase: dict[int, str] = {}
    for f in sorted(group, key=lambda f: -f.confidence):
        for i, p in ((f.a, f.phrase_a), (f.b, f.phrase_b)):
            score[i] = max(score.get(i, 0.0), f.confidence)
            phrase.setdefault(i, p)
    order = sorted(score, key=lambda i: (sents[i].doc, sents[i].start))
    kind = group[0].kind
    parts = []
    for i in order:
        s = sents[i]
        verb = "says"
        if kind == "certainty":
            verb = {ASSERTED: "states", TENTATIVE: "says tentatively", UNCONFIRMED: "calls unconfirmed",
                    DENIED: "disputes"}[_phrase_certainty(phrase[i], s)]
        parts.append(f"{_short_id(docs[s.doc].doc_id)} {verb} “{_clip(phrase[i])}”")
    statements = tuple(
        Citation(
            doc_id=docs[sents[i].doc].doc_id,
            title=docs[sents[i].doc].title,
            date=docs[sents[i].doc].date,
            start=sents[i].start,
            end=sents[i].end,
            text=sents[i].raw,
            score=round(float(score[i]), 4),
            outlet=docs[sents[i].doc].outlet,
        )
        for i in order
    )
    return Conflict(kind, f"{kind.capitalize()} conflict: " + "; ".join(parts), statements)


def _phrase_certainty(phrase: str, s: _Sentence) -> int:
    level = certainty([t.key for t in tokenize(phrase)])
    return level if level != ASSERTED else (ASSERTED if s.certainty == ASSERTED else level)


# --------------------------------------------------------------------------- public API


def find_conflicts(docs: Sequence[Document], encode: Encoder | None = None,
                   thresholds: Thresholds | None = None) -> list[Conflict]:
    """All conflicts between the documents, computed once at index-build time.

    ``encode`` maps texts to L2-normalised vectors (None: lexical similarity only). Only sentences
    inside ``doc.content`` are read; every conflict has statements from at least two documents.
    Each statement's ``Citation.score`` is the confidence, in [0, 1], that it takes part in the
    conflict: the best score of the pairwise findings it is in, where a finding scores the
    similarity of its two sentences (token alignment ratio for near-copies, embedding or lexical
    cosine otherwise). Order: by the position (document, offset) of the first statement.
    """
    th = thresholds or (Thresholds() if encode is not None else Thresholds.lexical())
    sents = _sentences(docs)
    if len({s.doc for s in sents}) < 2:
        return []
    sim = _similarity(sents, encode)
    cand = th.candidate_embedding
    doc_of = np.array([s.doc for s in sents])
    pairs = set(zip(*np.nonzero((sim >= cand) & (doc_of[:, None] != doc_of[None, :]))))
    # A figure stated in the same unit anchors a pair even when the sentences differ elsewhere.
    by_figure: dict[tuple[str, float], list[int]] = {}
    for i, s in enumerate(sents):
        for q in s.quantities:
            if q.unit:
                by_figure.setdefault((q.unit, float(f"{q.value:.3g}")), []).append(i)
    for members in by_figure.values():
        for x in members:
            for y in members:
                if doc_of[x] != doc_of[y]:
                    pairs.add((x, y))
    findings: list[_Finding] = []
    if th.loose_rules and "certainty" in th.enabled:
        findings.extend(_denial_rules(sents, sim, th))
    for i, j in sorted(p for p in pairs if p[0] < p[1]):
        a, b = sents[i], sents[j]
        if a.keys == b.keys or a.boilerplate or b.boilerplate:
            continue  # a verbatim copy cannot disagree with itself; a citation line claims nothing
        s = float(sim[i, j])
        found = _aligned_rules(a, b, i, j, th)
        if found is None:
            continue
        if not th.aligned_rules:
            found = []
        if th.loose_rules and not found:
            found = _loose_rules(a, b, i, j, max(s, 0.0), th)
        seen = set()
        for f in found:
            if (f.kind, f.claim_a, f.claim_b) not in seen:
                seen.add((f.kind, f.claim_a, f.claim_b))
                findings.append(f)
    conflicts = [_to_conflict(g, sents, docs) for g in _group(findings)]
    position = {d.doc_id: k for k, d in enumerate(docs)}
    conflicts.sort(key=lambda c: (position[c.statements[0].doc_id], c.statements[0].start,
                                  KINDS.index(c.kind), c.summary))
    return conflicts


def conflicts_to_json(conflicts: Sequence[Conflict]) -> list[dict]:
    """Plain dicts for ``conflicts.json`` in the index directory."""
    return [c.to_dict() for c in conflicts]


def conflicts_from_json(data: Sequence[dict]) -> list[Conflict]:
    return [Conflict.from_dict(d) for d in data]


def select_for_question(conflicts: Sequence[Conflict], passages: Sequence[tuple[str, int, int]],
                        ) -> list[Conflict]:
    """The conflicts with statements from two different documents inside the retrieved passages.

    ``passages`` are raw (doc_id, start, end) spans of everything retrieved about the question,
    best first; a conflict ranks by the best passage that holds one of its statements.
    """
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for rank, (doc_id, start, end) in enumerate(passages):
        spans.setdefault(doc_id, []).append((start, end, rank))
    ranked = []
    for k, c in enumerate(conflicts):
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
