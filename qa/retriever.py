"""Hybrid retrieval: dense (FAISS) and lexical (BM25) candidates, fused by weighted scores."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .lexical import tokenize
from .store import IndexData

__all__ = ["Hit", "HybridRetriever"]


@dataclass(frozen=True)
class Hit:
    row: int  # chunk row in the index
    score: float  # fused score, in [0, 1]
    dense: float  # cosine similarity of question and chunk
    lexical: float  # BM25 score divided by the best BM25 score of this question


class HybridRetriever:
    """Scores the union of the top ``pool`` dense and top ``pool`` lexical chunks.

    fused = alpha * dense_cos + (1 - alpha) * bm25 / max_bm25. Both parts are bounded, so the
    fused score is comparable across questions, which the abstention threshold relies on.
    """

    def __init__(self, data: IndexData, alpha: float = 0.5, pool: int = 100):
        self.data = data
        self.alpha = alpha
        self.pool = pool

    def dense(self, qvec: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        n = min(n, len(self.data.chunks))
        if n == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        scores, rows = self.data.faiss_index.search(qvec.reshape(1, -1).astype(np.float32), n)
        keep = rows[0] >= 0
        return rows[0][keep], scores[0][keep]

    def lexical(self, tokens: list[str], n: int) -> tuple[np.ndarray, np.ndarray]:
        n = min(n, len(self.data.chunks))
        if n == 0 or not tokens:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        vocab = self.data.bm25.vocab_dict
        known = [t for t in tokens if t in vocab]
        if not known:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        res = self.data.bm25.retrieve([known], k=n, show_progress=False, n_threads=1)
        rows, scores = res.documents[0], res.scores[0]
        keep = scores > 0
        return rows[keep].astype(np.int64), scores[keep]

    def search(self, qvec: np.ndarray, question: str, k: int, mode: str = "hybrid") -> list[Hit]:
        tokens = tokenize(question)
        n = max(self.pool, k)
        drows, dscores = self.dense(qvec, n) if mode != "lexical" else (np.zeros(0, np.int64), None)
        lrows, lscores = self.lexical(tokens, n) if mode != "dense" else (np.zeros(0, np.int64), None)
        cand = np.union1d(drows, lrows).astype(np.int64)
        if len(cand) == 0:
            return []
        # Exact cosine for every candidate, also those found only lexically.
        dense = self.data.vectors[cand] @ qvec.astype(np.float32)
        lex = np.zeros(len(cand), np.float32)
        if len(lrows):
            top = float(lscores.max()) or 1.0
            where = np.searchsorted(cand, lrows)
            lex[where] = lscores / top
        if mode == "dense":
            fused = dense
        elif mode == "lexical":
            fused = lex
        else:
            fused = self.alpha * dense + (1 - self.alpha) * lex
        order = np.argsort(-fused, kind="stable")[:k]
        return [Hit(int(cand[i]), float(fused[i]), float(dense[i]), float(lex[i])) for i in order]
