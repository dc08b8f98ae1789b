"""The BM25 index as bm25s saves it (``data/indices/indptr.csc.index.npy``, ``vocab.index.json``,
``params.index.json``), read and scored without importing bm25s.

``import bm25s`` imports scipy.sparse, 0.48 s of a cold start that only needs three arrays and a
vocabulary: a question is scored by adding the stored columns of its terms, which is all
``bm25s.BM25.get_scores_from_ids`` does for the Lucene variant. Building the index still uses bm25s
(qa.indexing.tokens.bm25_index); what it saves is read back here, and written back unchanged when a
sync saves an index it did not rebuild. Variants that add a non-occurrence score (BM25L, BM25+)
are loaded by bm25s itself.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

__all__ = ["StoredBM25", "load_bm25"]

_DATA, _INDICES, _INDPTR = "data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy"
_VOCAB, _PARAMS = "vocab.index.json", "params.index.json"
# Methods whose scores are the stored columns alone (bm25s adds a non-occurrence array for the others).
_COLUMNS_ONLY = frozenset({"robertson", "lucene", "atire"})


class StoredBM25:
    """A bm25s index read from its files: ``vocab_dict``, ``scores`` and ``get_scores_from_ids``
    as ``bm25s.BM25`` has them, and ``save`` writing the same files."""

    def __init__(self, params: dict, vocab: dict[str, int], data: np.ndarray, indices: np.ndarray,
                 indptr: np.ndarray):
        self.params = dict(params)
        self.dtype = np.dtype(self.params.get("dtype", "float32"))
        self.int_dtype = np.dtype(self.params.get("int_dtype", "int32"))
        self.vocab_dict = vocab
        self.scores = {"data": data, "indices": indices, "indptr": indptr,
                       "num_docs": self.params.get("num_docs")}
        self.nonoccurrence_array = None

    def get_scores_from_ids(self, ids) -> np.ndarray:
        """Each document's score for the query term ids: bm25s's loop, so the sums are its own
        bit for bit (the order of float32 additions decides ties)."""
        data, indices, indptr = self.scores["data"], self.scores["indices"], self.scores["indptr"]
        ids = np.asarray(ids, dtype=self.int_dtype)
        if int(ids.max(initial=0)) >= len(indptr) - 1:
            raise ValueError(f"query term id {int(ids.max())} is beyond the {len(indptr) - 1} terms of the BM25 index")
        starts, ends = indptr[ids], indptr[ids + 1]
        scores = np.zeros(self.scores["num_docs"], dtype=self.dtype)
        for start, end in zip(starts, ends):
            np.add.at(scores, indices[start:end], data[start:end])
        return scores

    def save(self, save_dir: str, show_progress: bool = False) -> None:
        out = Path(save_dir)
        out.mkdir(parents=True, exist_ok=True)
        for name, key in ((_DATA, "data"), (_INDICES, "indices"), (_INDPTR, "indptr")):
            np.save(out / name, np.asarray(self.scores[key]), allow_pickle=False)
        (out / _VOCAB).write_text(json.dumps(self.vocab_dict, ensure_ascii=False), "utf-8")
        (out / _PARAMS).write_text(json.dumps(self.params, indent=4), "utf-8")


def load_bm25(save_dir: str | Path):
    """The index bm25s saved in ``save_dir``: a StoredBM25 for the column-only methods, else
    ``bm25s.BM25.load``. Raises ValueError when a file is malformed."""
    save_dir = Path(save_dir)
    params = json.loads((save_dir / _PARAMS).read_text("utf-8"))
    if not isinstance(params, dict) or not isinstance(params.get("num_docs"), int):
        raise ValueError(f"{save_dir / _PARAMS} does not describe a BM25 index")
    if params.get("method", "lucene") not in _COLUMNS_ONLY:
        import bm25s

        return bm25s.BM25.load(str(save_dir), show_progress=False, verbosity=0)
    vocab = json.loads((save_dir / _VOCAB).read_text("utf-8"))
    if not isinstance(vocab, dict):
        raise ValueError(f"{save_dir / _VOCAB} is not a vocabulary")
    arrays = [np.load(save_dir / name, allow_pickle=False) for name in (_DATA, _INDICES, _INDPTR)]
    return StoredBM25(params, vocab, *arrays)
