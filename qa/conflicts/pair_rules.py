"""The rules of ``qa.conflicts.rules`` run on one pair of analysed documents: which sentence pairs
they look at (similar, or stating a figure in the same unit, or the candidates handed in) and the
findings, in raw offsets so that ``qa.conflicts.pairs.PairCache`` can store them."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .candidates import figure_key
from .rules import Thresholds, _aligned_rules, _denial_rules, _Finding, _loose_rules
from .sentences import _DocSentences, _joint, _Sentence, _similarity, _with, common_words

__all__ = ["PairFinding", "pair_findings"]


@dataclass(frozen=True)
class PairFinding:
    """One finding between two documents, in document terms (raw offsets), so it can be stored."""

    kind: str
    start_a: int  # the statement (sentence) in the first document of the pair
    end_a: int
    start_b: int  # ... and in the second
    end_b: int
    claim_a: int  # token index of the figure the finding is about, -1 for the whole sentence
    claim_b: int
    confidence: float
    phrase_a: str
    phrase_b: str
    certainty_a: int  # certainty of each whole sentence (qa.conflicts.claims)
    certainty_b: int
    swap: str = ""  # the two values a near-copy swaps ("1856|1900"), empty for other findings


def pair_findings(x: _DocSentences, y: _DocSentences, vx: np.ndarray | None, vy: np.ndarray | None,
                  th: Thresholds, only: Iterable[tuple[int, int]] | None = None,
                  denial: bool = True) -> list[PairFinding]:
    """Every rule of ``qa.conflicts.rules`` on the sentences of two analysed documents.

    ``vx``/``vy`` are the sentences' L2-normalised vectors (None: tf-idf over the two documents).
    ``only`` restricts the rules to those sentence pairs (index in ``x``, index in ``y``), the
    candidates of ``qa.conflicts.candidates``; ``denial=False`` skips the denial rule.
    """
    return _run_pair(x, y, vx, vy, th, only, denial)[0]


def _run_pair(x: _DocSentences, y: _DocSentences, vx: np.ndarray | None, vy: np.ndarray | None,
              th: Thresholds, only: Iterable[tuple[int, int]] | None = None,
              denial: bool = True) -> tuple[list[PairFinding], int]:
    """``pair_findings`` and the number of sentence pairs the rules examined."""
    if not x.sents or not y.sents:
        return [], 0
    sents = _joint([x, y])
    if vx is not None and vy is not None:
        # Summed in float64 and rounded to float32, as ``cosines`` sums a candidate pair alone, so
        # that a pair's similarity (and so every threshold decision) is the same whichever pass
        # finds it (float32 sums in another order differ in the last bits).
        sim = whole_cosines(vx, vy)
    else:
        sim = _similarity(sents)
    n = len(x.sents)
    cross = np.zeros(sim.shape, dtype=bool)
    cross[:n, n:] = True
    pairs = set(zip(*np.nonzero((sim >= th.candidate_embedding) & cross)))
    # A figure stated in the same unit anchors a pair even when the sentences differ elsewhere.
    by_figure: dict[tuple[str, float], tuple[list[int], list[int]]] = {}
    for i, s in enumerate(sents):
        for q in s.quantities:
            if q.unit:
                by_figure.setdefault(figure_key(q.unit, q.value), ([], []))[s.doc].append(i)
    for left, right in by_figure.values():
        pairs.update((i, j) for i in left for j in right)
    if only is not None:
        pairs &= {(i, n + j) for i, j in only}
    findings: list[_Finding] = []
    if th.loose_rules and "certainty" in th.enabled and denial:
        findings.extend(_denial_rules(sents, sim, th))
    return _apply(sorted(pairs), sents, sim, th, findings), len(pairs)


def _apply(pairs: list[tuple[int, int]], sents, sim: np.ndarray, th: Thresholds,
           findings: list[_Finding]) -> list[PairFinding]:
    """The aligned and loose rules on ``pairs`` (indices into ``sents``, a list or a dict of the
    sentences needed), after ``findings`` (the denial rule's), as ``PairFinding``s."""
    for i, j in pairs:
        findings.extend(_unique(_rules(sents[i], sents[j], i, j, float(sim[i, j]), th)))
    out = []
    for f in findings:
        a, b = sents[f.a], sents[f.b]
        out.append(PairFinding(f.kind, a.start, a.end, b.start, b.end, f.claim_a, f.claim_b,
                               round(float(f.confidence), 6), f.phrase_a, f.phrase_b, a.certainty,
                               b.certainty, f.swap))
    return out


def _rules(a: _Sentence, b: _Sentence, i: int, j: int, similar: float, th: Thresholds) -> list[_Finding]:
    if a.keys == b.keys or a.boilerplate or b.boilerplate:
        return []  # a verbatim copy cannot disagree with itself; a citation line claims nothing
    found = _aligned_rules(a, b, i, j, th)
    if found is None:
        return []
    if not th.aligned_rules:
        found = []
    if th.loose_rules and not found:
        found = _loose_rules(a, b, i, j, max(similar, 0.0), th)
    return found


def _unique(found: list[_Finding]) -> list[_Finding]:
    seen, out = set(), []
    for f in found:
        if (f.kind, f.claim_a, f.claim_b) not in seen:
            seen.add((f.kind, f.claim_a, f.claim_b))
            out.append(f)
    return out


def whole_cosines(vx: np.ndarray, vy: np.ndarray, rows: int = 256) -> np.ndarray:
    """The cosines between the sentences of x and of y, float64 sums rounded to float32, as one
    matrix over x then y (both orientations filled; within one document, which no rule reads,
    zeros). Summed ``rows`` sentences of x at a time, so that the float64 temporary stays small
    beside the float32 matrix the float32 product made before."""
    n, m = len(vx), len(vy)
    sim = np.zeros((n + m, n + m), np.float32)
    y64 = np.asarray(vy, dtype=np.float64)
    for a in range(0, n, rows):
        block = (np.asarray(vx[a:a + rows], dtype=np.float64) @ y64.T).astype(np.float32)
        sim[a:a + len(block), n:] = block
        sim[n:, a:a + len(block)] = block.T
    return sim


def cosines(vx: np.ndarray, vy: np.ndarray, pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """The cosine of each (sentence of x, sentence of y) of ``pairs``: float64 sums rounded to
    float32, the values ``_run_pair``'s whole product gives those pairs."""
    i, j = np.array(pairs, dtype=np.int64).reshape(-1, 2).T
    return np.einsum("ij,ij->i", vx[i].astype(np.float64), vy[j].astype(np.float64)).astype(np.float32)


def _run_only(x: Callable[[int], tuple[_Sentence, frozenset[str]]],
              y: Callable[[int], tuple[_Sentence, frozenset[str]]],
              x_text: Callable[[int], tuple[int, int, str, frozenset[str]]],
              y_text: Callable[[int], tuple[int, int, str, frozenset[str]]],
              lower_x, lower_y, vx: np.ndarray, vy: np.ndarray,
              th: Thresholds, only: Iterable[tuple[int, int]], memo: dict | None = None
              ) -> tuple[list[PairFinding], int]:
    """``_run_pair(..., only, denial=False)`` reading only the sentences of ``only``: ``x(i)``
    gives sentence ``i`` of the first document and its capitalised words (``sentence_at``),
    ``x_text(i)`` its raw offsets, text and capitalised words alone, ``lower_x`` the words that
    document writes in lower case (a frozenset, or ``pair_reader.LowerWords``). Same similarities
    (``cosines``), same names (``_joint``'s), same pair order, so the same findings; a pair then costs
    its few sentences, not the analysis of both documents, nor the product of all their vectors
    (at 10,000 articles, 549,000 pairs of documents for 1.96 million candidate sentence pairs).

    ``memo`` keeps the verdict on a pair of texts, keyed by a hash of both texts, their names and
    their similarity: everything the rules read (a sentence's analysis is its text's). A wire copy
    puts one pair of texts in many pairs of documents; a pair seen before is not analysed again."""
    only = sorted(set(only))
    if not len(vx) or not len(vy) or not only:
        return [], 0
    memo = {} if memo is None else memo
    out, seen = [], 0
    for (i, j), similar, ((sa, ea, ra, ca), (sb, eb, rb, cb)), vocab in _batches(
            only, vx, vy, x_text, y_text, lower_x, lower_y):
        na, nb = ca - vocab, cb - vocab
        key = hash((ra, na, rb, nb, similar))
        verdict = memo.get(key)
        if verdict is None:
            a, b = _with(x(i)[0], doc=0, names=na), _with(y(j)[0], doc=1, names=nb)
            paired = similar >= th.candidate_embedding or bool(_figure_keys(a) & _figure_keys(b))
            found = _unique(_rules(a, b, 0, 1, similar, th)) if paired else []
            verdict = memo[key] = (paired, a.certainty, b.certainty, tuple(
                (f.kind, f.claim_a, f.claim_b, round(float(f.confidence), 6), f.phrase_a, f.phrase_b, f.swap)
                for f in found))
        paired, cert_a, cert_b, found = verdict
        seen += paired
        out.extend(PairFinding(k, sa, ea, sb, eb, qa, qb, c, pa, pb, cert_a, cert_b, sw)
                   for k, qa, qb, c, pa, pb, sw in found)
    return out, seen


def _batches(only, vx, vy, x_text, y_text, lower_x, lower_y, size: int = 512):
    """Each pair of ``only`` with its cosine, both sentences' texts and the capitalised words either
    document writes in lower case, worked out ``size`` pairs at a time: two pages of census
    templates share tens of thousands of candidate pairs, whose gathered float64 vectors held
    ~300 MB more at the 10,000-article build's peak when taken at once."""
    for start in range(0, len(only), size):
        part = only[start:start + size]
        sims = cosines(vx, vy, part).tolist()
        texts = [(x_text(i), y_text(j)) for i, j in part]
        vocab = common_words(frozenset().union(*(t[3] for pair in texts for t in pair)), (lower_x, lower_y))
        for pair, similar, text in zip(part, sims, texts):
            yield pair, similar, text, vocab


def _figure_keys(s: _Sentence) -> set:
    return {figure_key(q.unit, q.value) for q in s.quantities if q.unit}
