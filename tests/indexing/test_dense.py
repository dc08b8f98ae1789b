"""The dense index: type chosen by size, approximate recall against exact search, and search
parameters that survive faiss.write_index/read_index (which is how qa/indexing/store.py saves them)."""
from __future__ import annotations

import numpy as np
import pytest

faiss = pytest.importorskip("faiss")

from qa.indexing.dense import EXACT_LIMIT, PQ_LIMIT, build_dense_index, choose_index, index_bytes, index_kind, set_search_params  # noqa: E402


@pytest.fixture(autouse=True, scope="module")
def one_faiss_thread():
    """OpenMP threads spin when other processes hold the cores: one thread keeps this fast."""
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    yield
    faiss.omp_set_num_threads(before)


def clustered(n: int, dim: int = 32, centers: int = 200, seed: int = 0) -> np.ndarray:
    """Unit vectors around random topic centres, roughly like sentence embeddings."""
    rng = np.random.default_rng(seed)
    c = rng.standard_normal((centers, dim)).astype(np.float32)
    x = c[rng.integers(0, centers, n)] + 0.35 * rng.standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def recall_at_10(index, x: np.ndarray, q: np.ndarray) -> float:
    _, truth = faiss.knn(q, x, 10, metric=faiss.METRIC_INNER_PRODUCT)
    _, found = index.search(q, 10)
    return float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, truth)]))


@pytest.mark.parametrize(
    "n, expected",
    [(0, "Flat"), (10, "Flat"), (EXACT_LIMIT, "Flat"), (EXACT_LIMIT + 1, "IVF128,SQ8"), (100_000, "IVF256,SQ8"),
     (1_000_000, "IVF1024,SQ8"), (PQ_LIMIT, "IVF2048,SQ8"), (PQ_LIMIT + 1, "IVF2048,PQ48")],
)
def test_choice_by_size(n, expected):
    assert choose_index(n, 384) == expected


def test_thresholds_are_parameters():
    assert choose_index(500, 32, exact_limit=100) == "IVF64,SQ8"
    assert choose_index(500, 32, exact_limit=100, pq_limit=400) == "IVF64,PQ4"
    assert choose_index(500, 32, exact_limit=1000) == "Flat"


def test_small_corpus_is_exact():
    x = clustered(2000)
    index = build_dense_index(x)
    assert index_kind(index) == "flat" and index.ntotal == 2000
    assert recall_at_10(index, x, x[:50]) == 1.0


def test_empty_index():
    index = build_dense_index(np.zeros((0, 16), np.float32))
    assert index.ntotal == 0 and index_kind(index) == "flat"


def test_approximate_index_recall_against_exact():
    x = clustered(20_000)
    q = clustered(200, seed=1)
    index = build_dense_index(x, exact_limit=1000)
    assert index_kind(index) == "ivf-sq8"
    ivf = faiss.extract_index_ivf(index)
    assert ivf.nlist == 128 and ivf.nprobe == 16
    assert recall_at_10(index, x, q) >= 0.9  # 0.94 here; >= 0.95 on MiniLM vectors (bench_scale)
    # memory: 8-bit codes, about a quarter of the float vectors
    assert index_bytes(index) < 0.4 * x.nbytes


def test_more_probes_never_lose_recall():
    x = clustered(20_000)
    q = clustered(200, seed=2)
    index = build_dense_index(x, exact_limit=1000)
    got = []
    for p in (1, 4, 16, 128):
        set_search_params(index, nprobe=p)
        got.append(recall_at_10(index, x, q))
    assert got == sorted(got) and got[-1] >= 0.97


def test_search_params_persist_through_write_and_read(tmp_path):
    x = clustered(5000)
    index = build_dense_index(x, exact_limit=100, nprobe=7)
    faiss.write_index(index, str(tmp_path / "d.faiss"))
    loaded = faiss.read_index(str(tmp_path / "d.faiss"))
    assert faiss.extract_index_ivf(loaded).nprobe == 7 and index_kind(loaded) == "ivf-sq8"
    assert np.array_equal(index.search(x[:20], 10)[1], loaded.search(x[:20], 10)[1])

    hnsw = build_dense_index(x, spec="HNSW16", ef_search=77)
    faiss.write_index(hnsw, str(tmp_path / "h.faiss"))
    assert faiss.downcast_index(faiss.read_index(str(tmp_path / "h.faiss"))).hnsw.efSearch == 77


def test_product_quantisation_above_pq_limit():
    x = clustered(4000, dim=64)
    q = clustered(50, dim=64, seed=3)
    index = build_dense_index(x, exact_limit=1000, pq_limit=2000)
    assert index_kind(index) == "ivf-pq"
    assert index_bytes(index) < 0.3 * x.nbytes
    assert recall_at_10(index, x, q) >= 0.3  # 8 bytes a vector here: the price is measured by bench_scale


def test_training_is_deterministic():
    x = clustered(8000)
    a = build_dense_index(x, exact_limit=100)
    b = build_dense_index(x, exact_limit=100)
    assert np.array_equal(a.search(x[:10], 5)[1], b.search(x[:10], 5)[1])


def _centroids(index) -> np.ndarray:
    ivf = faiss.extract_index_ivf(index)
    return faiss.rev_swig_ptr(faiss.downcast_index(ivf.quantizer).get_xb(), ivf.nlist * ivf.d).copy()


def test_a_sync_reuses_the_trained_index_until_the_corpus_outgrows_it():
    from qa.indexing.dense import RETRAIN_GROWTH, refill_dense_index

    x = clustered(26_000)
    old, trained = refill_dense_index(x[:20_100])
    assert index_kind(old) == "ivf-sq8" and trained == 20_100
    # Grown a little: same centroids (no training), every vector added again, same search settings.
    grown, kept = refill_dense_index(x, old, trained)
    assert kept == 20_100 and grown.ntotal == 26_000 and old.ntotal == 20_100
    assert np.array_equal(_centroids(grown), _centroids(old))
    assert faiss.extract_index_ivf(grown).nprobe == faiss.extract_index_ivf(old).nprobe
    q = clustered(200, seed=3)
    # 0.91 against 0.94 on these synthetic clusters; no loss on real chunk vectors (dense.py)
    assert recall_at_10(grown, x, q) >= recall_at_10(build_dense_index(x), x, q) - 0.05
    # Rows only appended: the old index is copied and the new rows added, the same index.
    appended, _ = refill_dense_index(x, old, trained, kept=old.ntotal)
    assert appended.ntotal == 26_000 and old.ntotal == 20_100
    assert faiss.serialize_index(appended).tobytes() == faiss.serialize_index(grown).tobytes()
    # Grown past RETRAIN_GROWTH since the training (the same kind of index would be chosen):
    # trained again, on every vector.
    many = clustered(int(20_100 * RETRAIN_GROWTH) + 10, seed=4)
    assert choose_index(len(many), 32) == choose_index(20_100, 32)
    again, now = refill_dense_index(many, old, trained)
    assert now == len(many) and not np.array_equal(_centroids(again), _centroids(old))
    # Small enough for exact search again: a flat index, nothing trained.
    flat, none = refill_dense_index(x[:100], old, trained)
    assert index_kind(flat) == "flat" and none == 0
