"""Scale benchmark: dense index types at 100k and 1M chunks, BM25 at the same sizes, and what
batching, length sorting, threads, int8 and ONNX buy when embedding on CPU (that part: qa/bench/embed.py).

    python -m qa.bench.scale [--part dense,embed] [--sizes 100000,1000000] [--json OUT]

How the vectors are made: the real MiniLM vectors of the SQuAD-half chunks and sentences (the
index under index/bench/squad, ~6.4k vectors) are the base. Synthetic vector i is
normalise(b_a + w * b_c + e): a random base vector, plus a random fraction w ~ U(0, 0.5) of a
second one (so that copies spread over topic mixtures instead of forming 150 identical clumps),
plus Gaussian noise of norm ~0.4 (cosine ~0.9 with b_a). Queries are real SQuAD questions
embedded by the same model; the truth is exact inner-product top-10 over the same vectors.

BM25: synthetic documents of Poisson(60) tokens drawn from the SQuAD-half stem distribution
(unigram frequencies of ``qa.indexing.lexical.tokenize``); queries are the tokenised SQuAD questions. The
score matrix is built vectorised here (bm25s's own build loops in Python per document) and
checked equal to ``bm25s.BM25.build_index_from_ids`` on a small sample; queries then go through
``HybridRetriever.lexical``, the production path. The whole hybrid search (dense + BM25 + fusion)
is timed on the same synthetic index.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# OpenMP threads that spin-wait lose badly when other processes hold the cores (IVF build 3x
# slower at load 12 on 2 cores); set before FAISS or torch load their OpenMP runtime.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from .common import SCALE_WORK as WORK, _load, _ms, squad_questions  # noqa: E402
from ..config import index_root, project_root, squad_half  # noqa: E402

DEFAULT_SQUAD = squad_half()
DEFAULT_JSON = project_root() / "eval" / "reports" / "bench_scale.json"


# -- data -------------------------------------------------------------------------------------
def base_vectors(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """(real chunk+sentence vectors of the SQuAD half, real question vectors), cached in WORK."""
    WORK.mkdir(parents=True, exist_ok=True)
    cache = WORK / "base.npz"
    if cache.exists():
        z = np.load(cache)
        return z["base"], z["queries"]
    from ..indexing.embedding import get_embedder

    base = None
    for d in sorted((index_root() / "bench").glob("squad*/manifest.json")):  # any SQuAD-half index
        m = json.loads(d.read_text())
        if m.get("model_id", "").endswith("all-MiniLM-L6-v2") and "vectors" in m.get("roles", {}):
            base = np.concatenate([np.load(d.parent / m["roles"][r]) for r in ("vectors", "sent_vectors")]).astype(np.float32)
            break
    if base is None:  # embed the paragraphs and sentences ourselves
        from ..ingest.chunking import document_sentences
        from ..ingest.corpus import parse_document

        sq, _ = squad_questions(path, 1)
        docs = [parse_document(k, t) for k, t in sq.texts.items()]
        texts = [t[a:b] for k, t in sq.texts.items() for a, b in sq.paragraphs[k]]
        texts += [d.raw[a:b] for d in docs for a, b, _ in document_sentences(d)]
        base = get_embedder().encode(texts)
    _, qs = squad_questions(path, 1000)
    queries = get_embedder().encode([q.question for q in qs])
    np.savez(cache, base=base, queries=queries)
    return base, queries


def synth_vectors(base: np.ndarray, n: int, seed: int = 0, noise: float = 0.4) -> np.ndarray:
    rng = np.random.default_rng(seed)
    out = np.empty((n, base.shape[1]), np.float32)
    for s in range(0, n, 100_000):
        m = min(100_000, n - s)
        a, c = rng.integers(0, len(base), m), rng.integers(0, len(base), m)
        v = base[a] + rng.uniform(0, 0.5, (m, 1)).astype(np.float32) * base[c]
        v += rng.standard_normal(v.shape, dtype=np.float32) * (noise / np.sqrt(base.shape[1]))
        out[s : s + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


# -- dense ------------------------------------------------------------------------------------
def _recall(found: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(f) & set(t)) / len(t) for f, t in zip(found, truth)]))


def _latency(index, queries: np.ndarray, k: int = 10) -> dict:
    import faiss

    faiss.omp_set_num_threads(1)  # one question at a time, one thread, as ask() does
    try:
        index.search(queries[:5], k)
        lat = []
        for q in queries:
            t = time.perf_counter()
            index.search(q[None], k)
            lat.append(time.perf_counter() - t)
    finally:
        faiss.omp_set_num_threads(os.cpu_count() or 1)
    return _ms(lat, 3)


def dense_at(x: np.ndarray, queries: np.ndarray, specs: list[str], timed: int = 200) -> dict:
    import faiss

    from ..indexing.dense import build_dense_index, choose_index, index_kind, set_search_params

    n = len(x)
    t = time.perf_counter()
    _, truth = faiss.knn(queries, x, 10, metric=faiss.METRIC_INNER_PRODUCT)
    out = {"n": n, "exact_batch_s": round(time.perf_counter() - t, 2), "chosen": choose_index(n, x.shape[1]), "indexes": []}
    flat_lat = []
    for q in queries[:50]:
        t = time.perf_counter()
        faiss.knn(q[None], x, 10, metric=faiss.METRIC_INNER_PRODUCT)
        flat_lat.append(time.perf_counter() - t)
    out["indexes"].append({"spec": "Flat", "bytes_per_chunk": 4 * x.shape[1], "recall@10": 1.0, **_ms(flat_lat, 3)})
    for spec in specs:
        gc.collect()
        t = time.perf_counter()
        index = build_dense_index(x, spec=spec)
        build_s = time.perf_counter() - t
        path = WORK / f"dense-{n}.faiss"
        faiss.write_index(index, str(path))
        size = path.stat().st_size
        index = faiss.read_index(str(path))  # what the app loads: search params must survive
        path.unlink()
        ivf = faiss.try_extract_index_ivf(index)
        row = {"spec": spec, "kind": index_kind(index), "build_s": round(build_s, 1), "chunks_per_s": round(n / build_s),
               "bytes_per_chunk": round(size / n, 1), "index_mb": round(size / 2**20, 1), "sweep": []}
        if ivf is not None:
            row["nprobe_loaded"] = ivf.nprobe
            params = [("nprobe", p) for p in (8, 16, 32, 64, 128) if p <= ivf.nlist]
        else:
            row["ef_search_loaded"] = faiss.downcast_index(index).hnsw.efSearch
            params = [("efSearch", p) for p in (32, 64, 128, 256)]
        default = dict(nprobe=ivf.nprobe) if ivf is not None else dict(ef_search=row["ef_search_loaded"])
        for name, p in params:
            set_search_params(index, **({"nprobe": p} if name == "nprobe" else {"ef_search": p}))
            _, found = index.search(queries, 100)
            # the retriever re-scores its candidate pool (100) with the exact vectors: recall after that
            sims = np.einsum("qd,qkd->qk", queries, x[np.maximum(found, 0)])
            sims[found < 0] = -np.inf
            reranked = np.take_along_axis(found, np.argsort(-sims, axis=1), axis=1)
            row["sweep"].append({name: p, "recall@10": round(_recall(found[:, :10], truth), 4),
                                 "recall@10_reranked_pool100": round(_recall(reranked[:, :10], truth), 4),
                                 **_latency(index, queries[:timed])})
        set_search_params(index, **default)
        row["default"] = next(s for s in row["sweep"] if s.get("nprobe", s.get("efSearch")) in default.values())
        out["indexes"].append(row)
        if spec == out["chosen"]:
            out["chosen_index"] = index
        del index
    return out


# -- lexical ----------------------------------------------------------------------------------
def stem_stats(sq) -> tuple[list[str], np.ndarray]:
    from collections import Counter

    from ..indexing.lexical import tokenize

    counts: Counter = Counter()
    for text in sq.texts.values():
        counts.update(tokenize(text))
    vocab = [w for w, _ in counts.most_common()]
    return vocab, np.array([counts[w] for w in vocab], np.float64)


def synth_docs(freq: np.ndarray, n: int, mean_len: int = 60, seed: int = 0):
    rng = np.random.default_rng(seed)
    lens = np.maximum(1, rng.poisson(mean_len, n)).astype(np.int64)
    ids = rng.choice(len(freq), int(lens.sum()), p=freq / freq.sum()).astype(np.int32)
    return ids, lens


def bm25_matrix(ids: np.ndarray, lens: np.ndarray, vocab_size: int, k1: float = 1.5, b: float = 0.75) -> dict:
    """bm25s's default scoring (Lucene idf and tf saturation) as a CSC matrix, vectorised."""
    n = len(lens)
    doc = np.repeat(np.arange(n, dtype=np.int64), lens)
    keys, tf = np.unique(doc * vocab_size + ids, return_counts=True)
    del doc
    d, t = keys // vocab_size, (keys % vocab_size).astype(np.int64)
    df = np.bincount(t, minlength=vocab_size)
    idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
    dl = lens[d] / lens.mean()
    score = (idf[t] * tf / (tf + k1 * (1 - b + b * dl))).astype(np.float32)
    order = np.argsort(t, kind="stable")
    indptr = np.concatenate([[0], np.cumsum(np.bincount(t, minlength=vocab_size))])
    return {"data": score[order], "indices": d[order].astype(np.int32), "indptr": indptr, "num_docs": n}


def bm25_object(scores: dict, vocab: list[str]):
    import bm25s

    bm = bm25s.BM25()
    bm.scores = scores
    bm.vocab_dict = {w: i for i, w in enumerate(vocab)}
    bm.nonoccurrence_array = None
    return bm


def check_bm25(freq: np.ndarray) -> float:
    """Largest difference between our matrix and bm25s's own build on 2,000 synthetic documents."""
    import bm25s

    ids, lens = synth_docs(freq, 2000, seed=1)
    docs = [a.tolist() for a in np.split(ids, np.cumsum(lens)[:-1])]
    ref = bm25s.BM25().build_index_from_ids(list(range(len(freq))), docs, show_progress=False)
    ours = bm25_matrix(ids, lens, len(freq))
    assert np.array_equal(ref["indptr"], ours["indptr"]) and np.array_equal(ref["indices"], ours["indices"])
    return float(np.abs(ref["data"] - ours["data"]).max())


def lexical_at(n: int, vocab, freq, questions, vectors=None, dense_index=None, qvecs=None) -> dict:
    from ..indexing.lexical import tokenize
    from ..retrieval.retriever import HybridRetriever

    t = time.perf_counter()
    ids, lens = synth_docs(freq, n)
    bm = bm25_object(bm25_matrix(ids, lens, len(vocab)), vocab)
    build_s = time.perf_counter() - t
    del ids
    mb = sum(bm.scores[k].nbytes for k in ("data", "indices", "indptr")) / 2**20
    data = SimpleNamespace(chunks=np.zeros((n, 3), np.int64), bm25=bm, vectors=vectors, faiss_index=dense_index)
    retr = HybridRetriever(data)
    toks = [tokenize(q.question) for q in questions]
    retr.attainable(toks[0])  # per-index precomputation (term maxima), done once
    lex = []
    for tk in toks:
        t0 = time.perf_counter()
        retr.lexical(tk, retr.pool)
        retr.attainable(tk)
        lex.append(time.perf_counter() - t0)
    out = {"n": n, "build_s": round(build_s, 1), "bm25_mb": round(mb, 1), "bytes_per_chunk": round(mb * 2**20 / n, 1),
           "lexical_top100": _ms(lex, 3)}
    if vectors is not None and dense_index is not None:
        import faiss

        faiss.omp_set_num_threads(1)
        hyb = []
        for v, q in zip(qvecs, questions):
            t0 = time.perf_counter()
            retr.search(v, q.question, 30)
            hyb.append(time.perf_counter() - t0)
        faiss.omp_set_num_threads(os.cpu_count() or 1)
        out["hybrid_search_top30"] = _ms(hyb, 3)
    return out


def run_scale(args) -> dict:
    sq, qs = squad_questions(Path(args.squad), 1000)
    base, qvecs = base_vectors(Path(args.squad))
    vocab, freq = stem_stats(sq)
    res = {"base_vectors": int(len(base)), "queries": int(len(qvecs)), "vocabulary": len(vocab),
           "bm25_max_abs_diff_vs_bm25s": check_bm25(freq), "sizes": []}
    from ..indexing.dense import _nlist

    for n in args.sizes:
        t = time.perf_counter()
        x = synth_vectors(base, n)
        nl = _nlist(n)
        specs = [f"IVF{nl},SQ8", f"IVF{nl},PQ48", "HNSW32_SQ8"]
        if n <= args.hnsw_max:  # float32 copies: over the 1 GB budget at 1M
            specs += [f"IVF{nl},Flat", "HNSW32"]
        if n <= args.opq_max:  # OPQ training takes minutes on two shared cores
            specs.append(f"OPQ48,IVF{nl},PQ48")
        entry = {"n": n, "synth_s": round(time.perf_counter() - t, 1), "load_avg": _load()}
        entry["dense"] = dense_at(x, qvecs, specs)
        chosen = entry["dense"].pop("chosen_index", None)
        entry["lexical"] = lexical_at(n, vocab, freq, qs[:300], x, chosen, qvecs[:300])
        entry["load_avg_end"] = _load()
        res["sizes"].append(entry)
        print(json.dumps({k: v for k, v in entry.items()}, default=str)[:3000], flush=True)
        del x, chosen
        gc.collect()
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", default="dense,embed", help="dense (FAISS + BM25 at --sizes), embed, or both")
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--hnsw-max", type=int, default=100_000, help="largest size at which HNSW is built (slow on 2 cores)")
    ap.add_argument("--opq-max", type=int, default=0, help="largest size at which OPQ is trained (slow)")
    ap.add_argument("--squad", default=str(DEFAULT_SQUAD))
    ap.add_argument("--json", default=str(DEFAULT_JSON))
    ap.add_argument("--embed-docs", type=int, default=6, help="articles whose paragraphs are embedded per variant")
    args = ap.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    out = Path(args.json)
    report = json.loads(out.read_text()) if out.exists() else {}
    report["cpus"] = os.cpu_count()
    report["omp_wait_policy"] = os.environ.get("OMP_WAIT_POLICY")
    parts = args.part.split(",")
    if "dense" in parts:
        kept = [e for e in report.get("scale", {}).get("sizes", []) if e["n"] not in args.sizes]
        report["scale"] = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "load_avg": _load(), **run_scale(args)}
        report["scale"]["sizes"] = sorted(kept + report["scale"]["sizes"], key=lambda e: e["n"])
    if "embed" in parts:
        from .embed import run_embed

        report["embedding"] = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "load_avg": _load(), **run_embed(args)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1) + "\n", "utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
