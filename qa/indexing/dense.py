"""The dense vector index, chosen by corpus size.

* up to ``EXACT_LIMIT`` vectors: ``IndexFlatIP``, exact. A query scans every vector, on one
  thread 68 ms per 1M vectors at load 2 and 431 ms at load 5 on these shared 2-core machines:
  20k chunks cost 1.4-9 ms, within what ask() has left after embedding the question (~11 ms of
  20) even when the machine is busy; 50k would cost up to 22 ms;
* above it: an inverted file with 8-bit scalar quantisation (``IVF{nlist},SQ8``), nlist ~ sqrt(n)
  and nprobe = nlist/32 (at least 16): 394 bytes per vector instead of 1,536, trained on a
  fixed-seed sample so that building stays fast on two cores. ``nprobe`` is set on the built
  index, and FAISS writes it with the index (``write_index``/``read_index`` keep it), so a loaded
  index searches like the built one;
* above ``PQ_LIMIT`` (where even SQ8 would pass ~2 GB): ``IVF{nlist},PQ{m}``, 58 bytes per
  vector. PQ alone ranks poorly (recall@10 0.31 at 1M; 0.64 at 100k even with an OPQ rotation
  that took 5 minutes to train), 0.89 once the hybrid retriever re-scores its pool of 100 with
  the exact vectors: past 5M chunks, sharding (qa/indexing/README.md, "Beyond one machine") is the better way.

Measured by ``python -m qa.bench.scale`` (eval/reports/bench_scale.json) on 1M vectors derived
from the SQuAD-half MiniLM embeddings, 1,000 real questions: IVF1024,SQ8 with nprobe 32 has
recall@10 0.969 against exact search (0.992 after the retriever's exact re-scoring), 0.7-1.0 ms
median per query on one thread, 375 MB; built in 18-28 s. HNSW32 with SQ8 codes reached only 0.82
at efSearch 128 (and 626 MB); HNSW32 on float vectors is 1.8 KB per vector.
"""
from __future__ import annotations

import math

import numpy as np

__all__ = [
    "EXACT_LIMIT",
    "PQ_LIMIT",
    "choose_index",
    "build_dense_index",
    "index_kind",
    "set_search_params",
    "index_bytes",
    "RETRAIN_GROWTH",
    "refill_dense_index",
]

# Up to this many vectors an exact inner-product index is both fast enough (<= ~9 ms) and exact.
EXACT_LIMIT = 20_000
# Above this many, 8-bit codes (392 B/vector with the id) would pass ~2 GB: product quantisation.
PQ_LIMIT = 5_000_000
# Training sample: enough points per centroid for k-means, few enough to train in seconds.
TRAIN_PER_LIST = 64
MAX_TRAIN = 131_072
# A sync reuses the trained index (its centroids and 8-bit ranges) and only re-adds the vectors
# until the corpus has grown by this factor since the training: training took ~1.3 s of a 6.7 s
# add at 10,000 articles. Recall@10 of an index trained on 1/1.5 of the rows, measured on the
# 10,000-article archive: see refill_dense_index.
RETRAIN_GROWTH = 1.5


def _nlist(n: int) -> int:
    """About sqrt(n) lists, as a power of two (128 at 20k, 256 at 100k, 1024 at 1M, 4096 at 16M)."""
    return max(64, 2 ** round(math.log2(max(1.0, math.sqrt(n)))))


def _nprobe(nlist: int) -> int:
    """Lists visited per query: 1/32 of them (32 at 1M), at least 16. Measured: recall@10 >= 0.95."""
    return max(16, nlist // 32)


def choose_index(n: int, dim: int, exact_limit: int = EXACT_LIMIT, pq_limit: int = PQ_LIMIT) -> str:
    """The FAISS factory string for ``n`` vectors of ``dim`` dimensions."""
    if n <= exact_limit:
        return "Flat"
    nlist = _nlist(n)
    if n <= pq_limit:
        return f"IVF{nlist},SQ8"
    # sub-quantisers of 8 dimensions (48 for MiniLM's 384), at most 64
    m = next((m for m in (64, 48, 32, 16, 8, 4, 2) if dim % m == 0 and dim // m >= 8), 1)
    return f"IVF{nlist},PQ{m}"


def build_dense_index(
    vectors: np.ndarray,
    exact_limit: int = EXACT_LIMIT,
    pq_limit: int = PQ_LIMIT,
    spec: str | None = None,
    nprobe: int | None = None,
    ef_search: int = 128,
    seed: int = 0,
):
    """A FAISS inner-product index over ``vectors`` (L2-normalised float32 rows).

    ``spec`` overrides the size-based choice with any FAISS factory string (the scale benchmark
    compares several). Search parameters are set on the returned index and persist through
    ``faiss.write_index``/``read_index``.
    """
    import faiss

    x = np.ascontiguousarray(vectors, dtype=np.float32)
    n, dim = x.shape if x.ndim == 2 else (0, int(x.shape[-1]))
    spec = spec or choose_index(n, dim, exact_limit, pq_limit)
    index = faiss.index_factory(dim, spec, faiss.METRIC_INNER_PRODUCT)
    if not index.is_trained and n:
        ivf = faiss.try_extract_index_ivf(index)
        want = TRAIN_PER_LIST * (ivf.nlist if ivf is not None else 256)
        size = min(n, max(want, 10_000), MAX_TRAIN)
        sample = x if size >= n else x[np.sort(np.random.default_rng(seed).choice(n, size, replace=False))]
        if isinstance(index, faiss.IndexPreTransform):  # OPQ: fewer, cheaper rotation iterations
            opq = faiss.downcast_VectorTransform(index.chain.at(0))
            if isinstance(opq, faiss.OPQMatrix):
                opq.niter, opq.max_train_points = 20, min(size, 65_536)
        if ivf is not None:
            ivf.cp.seed = seed
            ivf.cp.max_points_per_centroid = TRAIN_PER_LIST * 4
        index.train(sample)
    if n:
        index.add(x)
    set_search_params(index, nprobe=nprobe, ef_search=ef_search)
    return index


def refill_dense_index(vectors: np.ndarray, old=None, trained_on: int = 0, kept: int = 0) -> tuple[object, int]:
    """``build_dense_index(vectors)`` and the number of vectors its training saw, reusing the
    training of ``old`` (an index built here, trained on ``trained_on`` vectors) when the size
    still calls for the same kind of index and has not grown by ``RETRAIN_GROWTH`` since: the
    centroids are kept, the vectors are added again. Adding one article to 10,000 (~59,000
    chunks) then costs the ~0.4 s of adding instead of ~1.7 s. ``kept``: the first rows of
    ``vectors`` are ``old``'s own, in its order (a sync that only added documents sorting after the
    others): ``old`` is copied and only the rest is added, the same index as adding every row.

    Measured on the 10,000-article archive's 58,949 chunk vectors (recall@10 against exact
    search, 1,000 of them as queries; IVF256,SQ8 trained on the first rows, all rows added):
    trained on every row 0.977, on the first 2/3 0.980, 1/2 0.979, 1/4 0.978
    (``python -m qa.bench.dense_reuse INDEX_DIR``): later news reads like earlier news."""
    import faiss

    x = np.ascontiguousarray(vectors, dtype=np.float32)
    n = len(x)
    ivf = faiss.try_extract_index_ivf(old) if old is not None else None
    if (ivf is None or not old.is_trained or trained_on <= 0 or n > RETRAIN_GROWTH * trained_on
            or choose_index(n, x.shape[1]) != _spec_of(old)):
        return build_dense_index(x), (n if choose_index(n, x.shape[1]) != "Flat" else 0)
    index = faiss.clone_index(old)
    if not (0 < kept == old.ntotal <= n):
        index.reset()  # keeps the trained centroids and quantiser ranges, drops the vectors
        kept = 0
    if n > kept:
        index.add(x[kept:])  # ids follow on: row numbers, as when every row is added
    set_search_params(index)
    return index, trained_on


def _spec_of(index) -> str | None:
    """The factory string ``choose_index`` gives for an index it made (None: another kind)."""
    import faiss

    inner = faiss.downcast_index(index)
    ivf = faiss.try_extract_index_ivf(inner)
    if isinstance(inner, faiss.IndexIVFScalarQuantizer) and inner.sq.qtype == faiss.ScalarQuantizer.QT_8bit:
        return f"IVF{ivf.nlist},SQ8"
    if isinstance(inner, faiss.IndexIVFPQ):
        return f"IVF{ivf.nlist},PQ{inner.pq.M}"
    return None


def set_search_params(index, nprobe: int | None = None, ef_search: int | None = None):
    """Set nprobe (IVF) or efSearch (HNSW) on the index itself, so they are saved with it."""
    import faiss

    ivf = faiss.try_extract_index_ivf(index)
    if ivf is not None:
        ivf.nprobe = min(ivf.nlist, nprobe or _nprobe(ivf.nlist))
    inner = faiss.downcast_index(index.index if isinstance(index, faiss.IndexPreTransform) else index)
    if hasattr(inner, "hnsw") and ef_search:
        inner.hnsw.efSearch = ef_search
    return index


def index_kind(index) -> str:
    """A short name for the manifest: 'flat', 'ivf-sq8', 'opq-ivf-pq', 'hnsw', ..."""
    import faiss

    inner = faiss.downcast_index(index)
    pre = isinstance(inner, faiss.IndexPreTransform)
    if pre:
        inner = faiss.downcast_index(inner.index)
    if isinstance(inner, faiss.IndexFlat):
        return "flat"
    if isinstance(inner, faiss.IndexIVFScalarQuantizer):
        return "ivf-sq8"
    if isinstance(inner, faiss.IndexIVFPQ):
        return "opq-ivf-pq" if pre else "ivf-pq"
    if isinstance(inner, faiss.IndexIVFFlat):
        return "ivf-flat"
    if hasattr(inner, "hnsw"):
        return "hnsw"
    return type(inner).__name__.lower()


def index_bytes(index) -> int:
    """Size of the serialised index, which is what it holds in memory (codes, lists, graph)."""
    import faiss

    return int(faiss.serialize_index(index).nbytes)
