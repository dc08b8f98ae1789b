"""The dense vector index: exact search for small corpora, approximate above a size threshold."""
from __future__ import annotations

import numpy as np

__all__ = ["EXACT_LIMIT", "build_dense_index"]

# Below this many chunks an exact inner-product index is both fastest and exact.
EXACT_LIMIT = 50_000


def build_dense_index(vectors: np.ndarray):
    import faiss

    dim = vectors.shape[1]
    if len(vectors) <= EXACT_LIMIT:
        index = faiss.IndexFlatIP(dim)
    else:  # approximate search pays off only on large corpora (see the scale benchmark)
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 128
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index
