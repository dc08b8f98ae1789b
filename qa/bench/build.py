"""The two child processes of ``qa.bench.main``'s build comparison: our index build (full, then after
one document changed, plus search latency) and txtai's on the same chunk texts with the same
MiniLM model. Each runs in a fresh process so that peak memory and CPU time are its own; both load
their models before the clock starts.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import time
from pathlib import Path

from .common import _load, _ms
from ..config import Settings

__all__ = ["child_build", "child_txtai"]


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    try:  # Linux: writing 5 resets the peak resident set size (VmHWM) of the process
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


# -- index build (child process) --------------------------------------------------------------
def child_build(corpus: Path, work: Path, questions: list[str]) -> dict:
    import numpy as np

    from ..conflicts.corpus_wide import find_conflicts
    from ..indexing.embedding import get_embedder
    from ..indexing.indexer import chunk_text, sync_index
    from ..indexing.reuse import reusing_encoder
    from ..retrieval.retriever import HybridRetriever

    settings = Settings()
    emb = get_embedder(settings.model)
    emb.encode(["load the model", "and warm it up"] * 4)
    # Every model is loaded before the clock starts, as txtai's is: spaCy's NER and tiktoken too.
    from ..ingest.chunking import token_counter
    from ..indexing.entities import sentence_types

    sentence_types(["Warm up spaCy in London on Monday."])
    token_counter(settings.encoding)("warm up")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(corpus, work / "corpus")
    index_dir = work / "index"
    base = _rss_mb()
    _reset_peak()
    t, c = time.perf_counter(), time.process_time()
    data, docs, _ = sync_index(work / "corpus", index_dir, emb, settings, progress=False)
    full_s, full_cpu = time.perf_counter() - t, time.process_time() - c
    full_peak = _peak_mb()
    ordered = [docs[d] for d in data.doc_ids]
    from ..conflicts.pairs import PairCache

    pairs = PairCache(model=emb.model_id)  # as qa.api keeps it beside the index
    t = time.perf_counter()
    # With the index's sentence vectors, as qa index and ask() run it (nothing re-embedded).
    find_conflicts(ordered, reusing_encoder(emb, data, docs), cache=pairs)
    conflicts_s = time.perf_counter() - t
    texts = [chunk_text(docs[data.doc_ids[i]], a, b) for i, a, b in data.chunks.tolist()]
    (work / "chunks.json").write_text(json.dumps(texts), "utf-8")

    # Search latency measured the way txtai's is: embed the question, then retrieve 10.
    retr = HybridRetriever(data)
    retr.search(emb.encode(["warm"])[0], "warm", 10)
    hybrid, dense, cpu = [], [], []
    for q in questions:
        c0 = time.process_time()
        t0 = time.perf_counter()
        v = emb.encode([q])[0]
        t1 = time.perf_counter()
        data.faiss_index.search(v.reshape(1, -1), 10)
        t2 = time.perf_counter()
        retr.search(v, q, 10)
        t3 = time.perf_counter()
        dense.append(t2 - t0)
        hybrid.append((t1 - t0) + (t3 - t2))
        cpu.append(time.process_time() - c0)

    # Change one document (the median-sized one) and refresh.
    sizes = sorted((len(d.raw), d.doc_id) for d in ordered)
    victim = docs[sizes[len(sizes) // 2][1]]
    path = work / "corpus" / os.path.basename(victim.path)
    path.write_text(path.read_text("utf-8") + "\n\nThis paragraph was added by the benchmark to change the document.\n", "utf-8")
    _reset_peak()
    t, c = time.perf_counter(), time.process_time()
    data2, docs2, rep = sync_index(work / "corpus", index_dir, emb, settings, progress=False)
    inc_s, inc_cpu = time.perf_counter() - t, time.process_time() - c
    inc_peak = _peak_mb()
    t = time.perf_counter()
    find_conflicts([docs2[d] for d in data2.doc_ids], reusing_encoder(emb, data2, docs2), cache=pairs)  # the changed one's pairs
    inc_conf_s = time.perf_counter() - t
    n, s = int(len(data.chunks)), int(len(data.sentences))
    return {
        "documents": len(ordered), "chunks": n, "sentences": s, "rss_before_mb": round(base),
        "full": {"seconds": round(full_s, 2), "chunks_per_s": round(n / full_s, 1),
                 "sentences_per_s": round(s / full_s, 1), "cpu_s": round(full_cpu, 2), "peak_mb": round(full_peak),
                 "peak_increase_mb": round(full_peak - base), "conflicts_s": round(conflicts_s, 2)},
        "one_changed": {"seconds": round(inc_s, 2), "embedded_chunks": rep.embedded_chunks,
                        "fraction_of_full": round(inc_s / full_s, 3), "cpu_s": round(inc_cpu, 2),
                        "cpu_fraction_of_full": round(inc_cpu / full_cpu, 3), "ideal_fraction": round(1 / len(ordered), 3),
                        "peak_mb": round(inc_peak), "conflicts_s": round(inc_conf_s, 2)},
        "search_hybrid": _ms(hybrid), "search_dense": _ms(dense), "search_cpu_ms": round(1000 * statistics.median(cpu), 2),
        "dense_index": data.index_type, "check_rows": int(np.asarray(data.vectors).shape[0]),
        "load_avg": _load(),
    }


def child_txtai(work: Path, questions: list[str]) -> dict:
    from txtai import Embeddings

    from ..indexing.embedding import resolve_model

    texts = json.loads((work / "chunks.json").read_text("utf-8"))
    emb = Embeddings(path=resolve_model(Settings().model), content=False, backend="faiss")
    emb.index([(0, "load the model and warm it up", None)])
    base = _rss_mb()
    _reset_peak()
    t, c = time.perf_counter(), time.process_time()
    emb.index([(i, x, None) for i, x in enumerate(texts)])
    build_s, build_cpu = time.perf_counter() - t, time.process_time() - c
    peak = _peak_mb()
    import torch
    import txtai

    lat = {}
    # txtai's default (torch's thread count), and one thread as qa uses for a single question.
    nt = torch.get_num_threads()
    for threads in (nt, 1):
        torch.set_num_threads(threads)
        emb.search("warm", 10)
        lat[threads], cpu = [], []
        for q in questions:
            t0, c0 = time.perf_counter(), time.process_time()
            emb.search(q, 10)
            lat[threads].append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        lat[f"cpu{threads}"] = round(1000 * statistics.median(cpu), 2)
    default, one = _ms(lat[nt]), _ms(lat[1])
    default["cpu_median_ms"], one["cpu_median_ms"] = lat[f"cpu{nt}"], lat["cpu1"]

    return {"version": getattr(txtai, "__version__", "?"), "chunks": len(texts), "seconds": round(build_s, 2),
            "chunks_per_s": round(len(texts) / build_s, 1), "cpu_s": round(build_cpu, 2), "peak_mb": round(peak),
            "peak_increase_mb": round(peak - base), "search_default_threads": default, "search_1_thread": one,
            "search": min(default, one, key=lambda m: m["median_ms"]), "load_avg": _load()}
