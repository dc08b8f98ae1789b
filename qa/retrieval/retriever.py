"""Hybrid retrieval: dense (FAISS) and lexical (BM25) candidates, fused by weighted scores.

Measured with ``python -m qa.bench.retrieval`` (SQuAD v1.1 dev half, 4961 questions; settings
chosen on the questions of articles 0-11 and checked on articles 12-23):

* A weighted sum of cosine and normalised BM25 beats reciprocal-rank fusion by 4-5 points of R@1
  (RRF throws away how much better the best chunk is); z-score or min-max normalisation within
  the candidate pool, a logistic-regression fusion of eight features, BM25 parameters (k1, b,
  Lucene/Robertson/ATIRE/BM25+/BM25L), sentence-level BM25, document-level pooling, neighbouring
  chunks all moved recall by less than a point (or lost it on the held-out articles).
* Since chunk vectors are the mean of their sentences' vectors (qa/indexing/indexer.py), the best sentence
  cosine inside a chunk helps: dense part = 0.5 * cos(chunk) + 0.5 * best sentence cosine, with
  alpha 0.65, gives hybrid R@1/R@5 .830/.970 on articles 0-11 and .848/.964 on 12-23 (without
  it, at alpha 0.6: .817/.967 and .835/.960, ``--alpha 0.6 --sentence-weight 0``), for under a
  millisecond per question.
* The lexical normaliser: the best BM25 score of a question would be 1.0 even when it matches
  only a sliver of the question. Dividing by max(best, ``lex_floor`` * attainable), where
  *attainable* is the sum over the question's terms of the highest score that term gives any
  chunk, keeps a weak lexical match weak (the fused score is more comparable across questions,
  for the abstention threshold) and is as good or slightly better for ranking.
* The candidate pool (100 per side) does not limit recall here: 20 gives the same figures.
* What moves recall is chunking, not fusion: chunks that never mix the tail of a split
  paragraph with the next paragraph raise hybrid R@1 from .76 to .83 (see qa/bench/retrieval.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..indexing.lexical import tokenize
from ..indexing.store import IndexData

__all__ = ["Hit", "HybridRetriever"]

_EMPTY_ROWS = np.zeros(0, np.int64)
_EMPTY_SCORES = np.zeros(0, np.float32)


@dataclass(frozen=True)
class Hit:
    row: int  # chunk row in the index
    score: float  # fused score, in [0, 1]
    dense: float  # cosine similarity of question and chunk
    lexical: float  # BM25 score / max(best BM25 score of this question, lex_floor * attainable), in [0, 1]


def _term_maxima(bm25) -> np.ndarray:
    """For every vocabulary id, the highest BM25 contribution that term makes to any chunk.

    bm25s keeps its precomputed scores as a CSC matrix (one column per term), so this is one
    vectorised pass over the stored non-zeros, done once per index.
    """
    scores = getattr(bm25, "scores", None)
    if not isinstance(scores, dict) or "indptr" not in scores:
        return np.zeros(0, np.float32)
    data = np.asarray(scores["data"], np.float32)
    indptr = np.asarray(scores["indptr"], np.int64)
    out = np.zeros(len(indptr) - 1, np.float32)
    nonempty = np.diff(indptr) > 0
    if nonempty.any():
        out[nonempty] = np.maximum.reduceat(data, indptr[:-1][nonempty])
    return out


class HybridRetriever:
    """Scores the union of the top ``pool`` dense and top ``pool`` lexical chunks.

    fused = alpha * max(cos, 0) + (1 - alpha) * lexical, with
    lexical = bm25 / max(best bm25 of the question, lex_floor * attainable bm25 of the question).
    Both parts are in [0, 1], so the fused score is comparable across questions, which the
    abstention threshold relies on. With ``sentence_weight`` w > 0 the dense part becomes
    (1 - w) * cos(chunk) + w * max cos(sentence inside the chunk), computed on the pool only.
    """

    def __init__(
        self,
        data: IndexData,
        alpha: float = 0.65,
        pool: int = 100,
        lex_floor: float = 0.5,
        sentence_weight: float = 0.5,
    ):
        self.data = data
        self.alpha = alpha
        self.pool = pool
        self.lex_floor = lex_floor
        self.sentence_weight = sentence_weight
        self._term_max: np.ndarray | None = None
        self._sent_keys: np.ndarray | None = None

    # -- candidate generators -------------------------------------------------------------
    def dense(self, qvec: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        n = min(n, len(self.data.chunks))
        if n == 0:
            return _EMPTY_ROWS, _EMPTY_SCORES
        scores, rows = self.data.faiss_index.search(qvec.reshape(1, -1).astype(np.float32), n)
        keep = rows[0] >= 0
        return rows[0][keep].astype(np.int64), scores[0][keep]

    def _known(self, tokens: list[str]) -> list[str]:
        """The tokens the BM25 index has a column for (bm25s keeps an empty token without one)."""
        vocab = self.data.bm25.vocab_dict if self.data.bm25 is not None else {}
        return [t for t in tokens if t and t in vocab]

    def lexical(self, tokens: list[str], n: int) -> tuple[np.ndarray, np.ndarray]:
        n = min(n, len(self.data.chunks))
        known = self._known(tokens)
        if n == 0 or not known:
            return _EMPTY_ROWS, _EMPTY_SCORES
        bm25 = self.data.bm25
        if not hasattr(bm25, "get_scores_from_ids"):  # pragma: no cover - older bm25s
            res = bm25.retrieve([known], k=n, show_progress=False, n_threads=1)
            rows, scores = res.documents[0], res.scores[0]
            keep = scores > 0
            return rows[keep].astype(np.int64), scores[keep].astype(np.float32)
        # Scored directly from the stored term columns: bm25s.retrieve starts a thread pool on
        # every call, which cost 3-4x the scoring itself.
        vocab = bm25.vocab_dict
        scores = np.asarray(bm25.get_scores_from_ids([vocab[t] for t in known]), np.float32)
        if n < len(scores):
            rows = np.argpartition(-scores, n - 1)[:n]
        else:
            rows = np.arange(len(scores))
        rows = rows[scores[rows] > 0]
        rows = rows[np.argsort(-scores[rows], kind="stable")]
        return rows.astype(np.int64), scores[rows]

    def attainable(self, tokens: list[str]) -> float:
        """Upper bound of any chunk's BM25 score for these tokens: the sum of each term's best
        contribution to a single chunk."""
        known = self._known(tokens)
        if not known:
            return 0.0
        if self._term_max is None:
            self._term_max = _term_maxima(self.data.bm25)
        if not len(self._term_max):
            return 0.0
        vocab = self.data.bm25.vocab_dict
        ids = np.fromiter((vocab[t] for t in known), np.int64, len(known))
        return float(self._term_max[ids[ids < len(self._term_max)]].sum())

    # -- multi-granularity ----------------------------------------------------------------
    def best_sentence(self, rows: np.ndarray, qvec: np.ndarray) -> np.ndarray:
        """For each chunk row, the highest cosine of a sentence lying inside it (or the chunk's
        own cosine when it holds no whole sentence). Sentences are sorted by (doc, start), so
        each chunk's sentences are one contiguous slice found by binary search."""
        sents = self.data.sentences
        if len(sents) == 0 or len(rows) == 0:
            return self.data.vectors[rows] @ qvec
        if self._sent_keys is None:
            span = int(max(sents[:, 2].max(), self.data.chunks[:, 2].max() if len(self.data.chunks) else 0)) + 1
            self._span = span
            self._sent_keys = sents[:, 0].astype(np.int64) * span + sents[:, 1]
        ch = self.data.chunks[rows]
        lo = np.searchsorted(self._sent_keys, ch[:, 0].astype(np.int64) * self._span + ch[:, 1], "left")
        hi = np.searchsorted(self._sent_keys, ch[:, 0].astype(np.int64) * self._span + ch[:, 2], "right")
        own = self.data.vectors[rows] @ qvec
        out = own.copy()
        for j in range(len(rows)):  # the pool only: a few hundred short slices
            a, b = lo[j], hi[j]
            if b > a:
                inside = sents[a:b, 2] <= ch[j, 2]
                if inside.any():
                    out[j] = float((self.data.sent_vectors[a:b][inside] @ qvec).max())
        return out

    # -- fusion ---------------------------------------------------------------------------
    def search(self, qvec: np.ndarray, question: str, k: int, mode: str = "hybrid") -> list[Hit]:
        if mode not in ("hybrid", "dense", "lexical"):
            raise ValueError(f"unknown retrieval mode {mode!r}")
        if k <= 0:
            return []
        qvec = np.asarray(qvec, np.float32).reshape(-1)
        tokens = tokenize(question)
        n = max(self.pool, k)
        drows, _ = self.dense(qvec, n) if mode != "lexical" else (_EMPTY_ROWS, None)
        lrows, lscores = self.lexical(tokens, n) if mode != "dense" else (_EMPTY_ROWS, _EMPTY_SCORES)
        cand = np.union1d(drows, lrows).astype(np.int64)
        if len(cand) == 0:
            return []
        # Exact cosine for every candidate, also those found only lexically.
        dense = self.data.vectors[cand] @ qvec
        dense_part = np.clip(dense, 0.0, 1.0)
        if self.sentence_weight > 0 and mode != "lexical":
            sent = np.clip(self.best_sentence(cand, qvec), 0.0, 1.0)
            dense_part = (1 - self.sentence_weight) * dense_part + self.sentence_weight * sent
        lex = np.zeros(len(cand), np.float32)
        if len(lrows):
            top = float(lscores.max())
            if self.lex_floor > 0:
                top = max(top, self.lex_floor * self.attainable(tokens))
            where = np.searchsorted(cand, lrows)
            lex[where] = np.minimum(lscores / (top or 1.0), 1.0)
        if mode == "dense":
            fused = dense_part
        elif mode == "lexical":
            fused = lex
        else:
            fused = self.alpha * dense_part + (1 - self.alpha) * lex
        k = min(k, len(cand))
        order = np.argsort(-fused, kind="stable")[:k]
        return [Hit(int(cand[i]), float(fused[i]), float(dense[i]), float(lex[i])) for i in order]
