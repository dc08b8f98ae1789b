"""Embedding a corpus on Ray Data: the step that outgrows one machine first.

    from qa.indexing.distributed import embed_corpus_with_ray
    embed_corpus_with_ray("news/", "out/", model="sentence-transformers/all-MiniLM-L6-v2", num_workers=4)

The corpus is chunked exactly as ``qa index`` chunks it (``chunk_document`` with the index
settings, the same sentences and titles); the texts become a Ray
dataset, and ``map_batches`` runs a callable class that loads the model once per worker (an actor
pool of ``num_workers``) and embeds batches of ``batch_size`` texts. Rows carry their position,
so the driver writes every vector to its row of a memory-mapped ``.npy`` in ``out_dir`` whatever
the order batches come back in: the output is the same arrays the local path produces
(``embed_corpus_local``), row for row, and never has to fit in the driver's memory at once.

Outputs in ``out_dir``: chunks.npy and sentences.npy (doc index, start, end: int64), vectors.npy
and sent_vectors.npy (float32, L2-normalised), embedded.json (model, documents, counts, timings).
As in ``qa index``, what is embedded is the sentences and titles; chunk vectors are then made from
them on the driver (``qa.indexing.indexer._chunk_vectors``), a cheap pass over memory-mapped arrays.

``model`` is a sentence-transformers name or local path (loaded through ``qa.indexing.embedding``, offline),
``"hash:DIM"`` for a cheap deterministic hashing model (tests, dry runs), or a zero-argument
callable returning an object with ``encode(texts) -> ndarray`` and ``dim``.

Ray is an optional extra: ``pip install "ray[data]"``. On one machine ``ray.init()`` starts a
local cluster; pass ``address="auto"`` (or set RAY_ADDRESS) to use a running cluster.
"""
from __future__ import annotations

import json
import os
import time
import zlib
from pathlib import Path
from typing import Callable

import numpy as np

from ..config import CHUNK_VECTORS, Settings

__all__ = ["HashingEmbedder", "corpus_texts", "embed_corpus_local", "embed_corpus_with_ray", "make_embedder"]


class HashingEmbedder:
    """Word hashing into ``dim`` buckets (crc32, so every process agrees), L2-normalised."""

    def __init__(self, dim: int = 64):
        self.dim = dim
        self.model_id = f"hash:{dim}"

    def encode(self, texts, *, show_progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                h = zlib.crc32(w.encode("utf-8"))
                out[i, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
        n = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(n > 0, n, 1.0)

    def fits(self, text: str) -> bool:
        return True


def make_embedder(model):
    if callable(model):
        return model()
    if isinstance(model, str) and model.startswith("hash:"):
        return HashingEmbedder(int(model.split(":", 1)[1]))
    from .embedding import get_embedder

    return get_embedder(model)


def corpus_texts(corpus_dir, settings: Settings, fits: Callable[[str], bool] | None = None):
    """(doc_ids, rows, texts): rows[i] = (kind, doc index, start, end), kind 0 = chunk, 1 = sentence,
    2 = the document's title; texts[i] is what is embedded for the row, exactly as ``qa.indexing.indexer``
    does for a full build: sentences and titles (None for an untitled document), and a chunk's own
    text only when it overlaps no sentence (else None: its vector is made from its sentences', see
    ``finish_chunk_vectors``)."""
    from ..ingest.chunking import chunk_document, document_sentences, token_counter
    from ..ingest.corpus import load_corpus
    from .indexer import chunk_text, chunks_without_sentences, title_text
    from ..ingest.text import normalize

    docs = sorted(load_corpus(corpus_dir, settings.max_file_bytes), key=lambda d: d.doc_id)
    count = token_counter(settings.encoding)
    rows, texts = [], []
    for i, doc in enumerate(docs):
        sents = document_sentences(doc)
        pieces = chunk_document(doc, settings.chunk_tokens, settings.overlap_tokens, count, fits)
        chunks = [(i, c.start, c.end) for c in pieces]
        alone = set(chunks_without_sentences(chunks, [(i, s, e) for s, e, _ in sents]))
        for k, (_, a, b) in enumerate(chunks):
            rows.append((0, i, a, b))
            texts.append(chunk_text(doc, a, b) if k in alone else None)
        for s, e, _ in sents:
            rows.append((1, i, s, e))
            texts.append(normalize(doc.raw[s:e]))
        rows.append((2, i, 0, 0))
        texts.append(title_text(doc) or None)
    return [d.doc_id for d in docs], np.array(rows, np.int64).reshape(-1, 4), texts


class _Writer:
    """Memory-mapped outputs, filled row by row as batches arrive."""

    def __init__(self, out_dir: Path, rows: np.ndarray, dim: int):
        from numpy.lib.format import open_memmap

        self.out_dir = out_dir
        out_dir.mkdir(parents=True, exist_ok=True)
        kinds = rows[:, 0]
        self.rows = rows
        self.slot = np.zeros(len(rows), np.int64)  # row -> position inside its own array
        self.arrays = {}
        for kind, (meta, vec) in enumerate((("chunks", "vectors"), ("sentences", "sent_vectors"))):
            mine = np.nonzero(kinds == kind)[0]
            self.slot[mine] = np.arange(len(mine))
            np.save(out_dir / f"{meta}.npy", rows[mine, 1:])
            self.arrays[kind] = open_memmap(out_dir / f"{vec}.npy", "w+", np.float32, (len(mine), dim))
        titles = np.nonzero(kinds == 2)[0]
        self.slot[titles] = np.arange(len(titles))
        self.arrays[2] = np.zeros((len(titles), dim), np.float32)  # one per document: small
        self.kinds = kinds
        self.filled = 0

    def put(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        for kind, arr in self.arrays.items():
            m = self.kinds[ids] == kind
            arr[self.slot[ids[m]]] = vecs[m]
        self.filled += len(ids)

    def finish_chunk_vectors(self, embedded: np.ndarray) -> None:
        """Chunks not embedded as text get the index's recipe: their sentences' mean plus title."""
        from .indexer import _chunk_vectors

        chunk_ids = np.nonzero(self.kinds == 0)[0]
        todo = [int(i) for i in chunk_ids if not embedded[i]]
        if not todo:
            return
        sent = self.rows[self.kinds == 1]
        title_of = {int(self.rows[i, 1]): self.arrays[2][self.slot[i]]
                    for i in np.nonzero(self.kinds == 2)[0] if embedded[i]}  # untitled: none

        def never(missing: list[int]) -> np.ndarray:
            # corpus_texts gave every chunk without a sentence (indexer.chunks_without_sentences) a
            # text of its own; only sentence vectors that cancel out exactly can land here.
            raise RuntimeError(f"{len(missing)} chunk(s) got a zero vector from their sentences and were not embedded")

        vecs = _chunk_vectors([tuple(int(x) for x in self.rows[i, 1:]) for i in todo],
                              [tuple(int(x) for x in r[1:]) for r in sent], np.asarray(self.arrays[1]), title_of, never)
        self.arrays[0][self.slot[todo]] = vecs

    def close(self, info: dict, embedded: np.ndarray) -> dict:
        self.finish_chunk_vectors(embedded)
        for kind in (0, 1):
            self.arrays[kind].flush()
        (self.out_dir / "embedded.json").write_text(json.dumps(info, indent=1), "utf-8")
        return info


def _prepare(corpus_dir, model, settings: Settings | None):
    settings = settings or Settings()
    local = make_embedder(model)  # the driver needs the tokenizer limit for chunking, as qa index does
    doc_ids, rows, texts = corpus_texts(corpus_dir, settings, getattr(local, "fits", None))
    return settings, local, doc_ids, rows, texts


def embed_corpus_local(corpus_dir, out_dir, model="sentence-transformers/all-MiniLM-L6-v2",
                       settings: Settings | None = None, batch_size: int = 64) -> dict:
    """The single-process path, for comparison: the same rows, the same files."""
    settings, emb, doc_ids, rows, texts = _prepare(corpus_dir, model, settings)
    t = time.perf_counter()
    w = _Writer(Path(out_dir), rows, emb.dim)
    ids = np.array([i for i, x in enumerate(texts) if x is not None], np.int64)
    for s in range(0, len(ids), batch_size * 16):
        part = ids[s : s + batch_size * 16]
        w.put(part, emb.encode([texts[i] for i in part]))
    return w.close(_info(emb, doc_ids, rows, "local", 1, time.perf_counter() - t), _embedded(texts))


def _embedded(texts) -> np.ndarray:
    return np.array([x is not None for x in texts], bool)


def _info(emb, doc_ids, rows, engine, workers, seconds) -> dict:
    return {"model_id": getattr(emb, "model_id", "?"), "dim": int(emb.dim), "engine": engine, "workers": workers,
            "doc_ids": doc_ids, "chunks": int((rows[:, 0] == 0).sum()), "sentences": int((rows[:, 0] == 1).sum()),
            "chunk_vectors": CHUNK_VECTORS,
            "seconds": round(seconds, 2), "texts_per_s": round(len(rows) / max(seconds, 1e-9), 1)}


class _EmbedBatch:
    """Ray Data callable class: one model per actor, loaded once, reused for every batch."""

    def __init__(self, model, threads: int):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("QA_TORCH_THREADS", str(threads))
        self.emb = make_embedder(model)

    def __call__(self, batch: dict) -> dict:
        vecs = self.emb.encode([str(t) for t in batch["text"]])
        return {"id": batch["id"], "vector": np.asarray(vecs, np.float32)}


def embed_corpus_with_ray(corpus_dir, out_dir, model="sentence-transformers/all-MiniLM-L6-v2", num_workers: int = 2,
                          *, settings: Settings | None = None, batch_size: int = 64, threads_per_worker: int = 1,
                          address: str | None = None) -> dict:
    """Embed every chunk and sentence of ``corpus_dir`` with ``num_workers`` Ray actors; write the
    arrays to ``out_dir`` (see the module docstring) and return the summary written there."""
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError('Ray is an optional extra: pip install "ray[data]"') from exc
    settings, local, doc_ids, rows, texts = _prepare(corpus_dir, model, settings)
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=address or os.environ.get("RAY_ADDRESS"), include_dashboard=False,
                 log_to_driver=False, ignore_reinit_error=True,
                 **({} if (address or os.environ.get("RAY_ADDRESS")) else {"num_cpus": max(num_workers, 1)}))
    t = time.perf_counter()
    try:
        items = [{"id": i, "text": x} for i, x in enumerate(texts) if x is not None]
        ds = ray.data.from_items(items, override_num_blocks=max(1, min(len(items) // batch_size, 4 * num_workers)))
        out = ds.map_batches(_EmbedBatch, fn_constructor_args=(model, threads_per_worker), batch_size=batch_size,
                             concurrency=num_workers, num_cpus=threads_per_worker, batch_format="numpy")
        w = _Writer(Path(out_dir), rows, local.dim)
        for b in out.iter_batches(batch_size=1024, batch_format="numpy"):
            w.put(np.asarray(b["id"], np.int64), np.stack(b["vector"]).astype(np.float32))
        if w.filled != len(items):
            raise RuntimeError(f"Ray returned {w.filled} vectors for {len(items)} texts")
        return w.close(_info(local, doc_ids, rows, "ray", num_workers, time.perf_counter() - t), _embedded(texts))
    finally:
        if started_here:
            ray.shutdown()


def main(argv=None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Embed a corpus on Ray Data (or locally) into .npy files")
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--model", default="sentence-transformers/all-MiniLM-L6-v2")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--local", action="store_true", help="single process, no Ray")
    a = ap.parse_args(argv)
    fn = embed_corpus_local if a.local else embed_corpus_with_ray
    info = fn(a.corpus, a.out, a.model) if a.local else fn(a.corpus, a.out, a.model, a.workers)
    print(json.dumps({k: v for k, v in info.items() if k != "doc_ids"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
