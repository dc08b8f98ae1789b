"""Building and refreshing an index: only documents whose bytes changed are re-embedded."""
from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from ..ingest.chunking import chunk_document, document_sentences, token_counter
from ..config import TITLE_WEIGHT, Settings
from ..ingest.corpus import Document, load_corpus
from .analyses import Analyser, SentenceAnalyses, analyse_rows, distinct, fill_analyses, is_every_row, types_and_analyses
from .dense import index_kind, refill_dense_index
from .embedding import Embedder
from .lexical import tokenize
from .reuse import RowParts, current_meta, known_files, refresh_stat, reusing_encoder, stored_files
from .store import IndexData, check_compatible, load_chunk_tokens, load_index, read_manifest, save_index, warn_rebuild
from .tokens import ChunkTokens, bm25_index
from ..ingest.text import normalize

__all__ = ["SyncReport", "sync_index", "build_bm25"]

@dataclass(frozen=True)
class SyncReport:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    reused: int = 0
    rebuilt_reason: str | None = None
    embedded_chunks: int = 0
    analysed: int = 0  # sentences parsed for the reader (qa.indexing.analyses) in this sync
    # Wall seconds per stage of this sync (read, chunk, embed, entities, index, conflicts, save):
    # what the scale benchmark reports. "entities" runs beside "embed" on the other core.
    timings: tuple[tuple[str, float], ...] = ()

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.rebuilt_reason)


def build_bm25(chunk_texts: Sequence[str]):
    return bm25_index(ChunkTokens.from_lists([tokenize(t) for t in chunk_texts]))


def _chunk_tokens(parts: RowParts, order: np.ndarray, docs: dict[str, Document], doc_ids: list[str]) -> ChunkTokens:
    """The new index's BM25 tokens, in row order: copied where the parts carry them, the other
    parts tokenized together (so that they extend one vocabulary)."""
    todo = [k for k, t in enumerate(parts.tokens) if t is None]
    base = next((t for t in parts.tokens if t is not None), None)
    if todo:
        rows = np.concatenate([parts.chunks[k] for k in todo])
        made = ChunkTokens.from_texts((chunk_text(docs[doc_ids[i]], a, b) for i, a, b in rows.tolist()), tokenize, base)
        at = 0
        for k in todo:
            n = len(parts.chunks[k])
            parts.tokens[k] = made.take(np.arange(at, at + n))
            at += n
    tokens = ChunkTokens.concat(parts.tokens).take(order)
    # Tokens of removed documents stay in the vocabulary; start a fresh one when they dominate it.
    if len(tokens.vocab) > 1024 + 2 * np.count_nonzero(np.bincount(tokens.ids, minlength=len(tokens.vocab))):
        tokens = ChunkTokens.from_lists(tokens.lists())
    return tokens


def chunk_text(doc: Document, start: int, end: int, with_title: bool = True) -> str:
    """What is embedded for a chunk: its normalised text, after the document title, which often
    names the subject a passage only alludes to."""
    body = normalize(doc.raw[start:end])
    if with_title and doc.title and not doc.raw[start:end].lstrip().startswith(doc.raw[:len(doc.title)].strip()):
        return f"{normalize(doc.title)}. {body}"
    return body


def title_text(doc: Document) -> str:
    """What is embedded for a document's title, mixed into its chunk vectors; "" when it has no
    title, and then nothing is embedded or mixed in (the vector of "" is no title's)."""
    return normalize(doc.title) if doc.title else ""




def _sentence_overlaps(chunk_rows, sent_rows) -> Iterator[list[tuple[int, int]]]:
    """For each chunk (doc, start, end), the sentences it overlaps: (row in sent_rows, characters
    shared). Sentence rows are in document order, non-overlapping."""
    by_doc: dict[str, list[int]] = {}
    for j, (d, _, _) in enumerate(sent_rows):
        by_doc.setdefault(d, []).append(j)
    starts = {d: np.array([sent_rows[j][1] for j in js]) for d, js in by_doc.items()}
    for d, a, b in chunk_rows:
        js = by_doc.get(d, [])
        lo = max(0, int(np.searchsorted(starts[d], a, "right")) - 1) if js else 0
        shares = []
        for j in js[lo:]:
            _, s, e = sent_rows[j]
            if s >= b:
                break
            shared = min(e, b) - max(s, a)
            if shared > 0:
                shares.append((j, shared))
        yield shares


def chunks_without_sentences(chunk_rows, sent_rows) -> list[int]:
    """The chunks that overlap no sentence: the ones embedded as text (see _chunk_vectors).
    Known before anything is embedded, so a distributed build can send their texts out too."""
    return [i for i, shares in enumerate(_sentence_overlaps(chunk_rows, sent_rows)) if not shares]


def _chunk_vectors(chunk_rows, sent_rows, svecs, title_vecs, fallback: Callable[[list[int]], np.ndarray]) -> np.ndarray:
    """A chunk's vector is the mean of the vectors of the sentences it overlaps (weighted by the
    characters shared) plus a little of its document title's (``title_vecs``, which has no entry
    for an untitled document), renormalised. The sentences are embedded anyway (the reader and the
    conflict finder need them), so chunks cost no second pass of the encoder: that halves the
    build. Chunks overlapping no sentence are embedded as text, and so (a safety net) are those
    whose sentence vectors cancel out."""
    dim = svecs.shape[1]
    out = np.zeros((len(chunk_rows), dim), np.float32)
    missing = []
    for i, ((d, _, _), shares) in enumerate(zip(chunk_rows, _sentence_overlaps(chunk_rows, sent_rows))):
        acc = np.zeros(dim, np.float64)
        for j, shared in shares:
            acc += shared * svecs[j]
        n = np.linalg.norm(acc)
        if n == 0:
            missing.append(i)
            continue
        title = title_vecs.get(d)
        v = acc / n if title is None else acc / n + TITLE_WEIGHT * title
        out[i] = v / np.linalg.norm(v)
    if missing:
        out[missing] = fallback(missing)
    return out


def _timed(fn, clock: dict[str, float], stage: str):
    def run(*args):
        t = time.perf_counter()
        try:
            return fn(*args)
        finally:
            clock[stage] = clock.get(stage, 0.0) + time.perf_counter() - t
    return run


def _new_rows(docs: Sequence[Document], settings: Settings, embedder: Embedder, progress: bool,
              clock: dict[str, float] | None = None, analyse: Analyser | None = None):
    clock = {} if clock is None else clock
    t0 = time.perf_counter()
    count = token_counter(settings.encoding)
    chunk_rows, sent_rows, sent_texts, raw_texts = [], [], [], []
    for doc in docs:
        for c in chunk_document(doc, settings.chunk_tokens, settings.overlap_tokens, count, embedder.fits):
            chunk_rows.append((doc.doc_id, c.start, c.end))
        for s, e, _ in document_sentences(doc):
            sent_rows.append((doc.doc_id, s, e))
            raw_texts.append(doc.raw[s:e])
            sent_texts.append(normalize(raw_texts[-1]))
    titled = [(doc.doc_id, t) for doc in docs if (t := title_text(doc))]
    clock["chunk"] = clock.get("chunk", 0.0) + time.perf_counter() - t0
    # spaCy (entity tagging, and the reader's parse) runs on the other core while the encoder
    # works: it is numpy and Python, the encoder (onnxruntime or torch) releases the GIL.
    with ThreadPoolExecutor(1, thread_name_prefix="qa-ner") as ex:
        types = ex.submit(_timed(types_and_analyses, clock, "entities"), raw_texts, sent_texts, analyse)
        t0 = time.perf_counter()
        once, inverse = distinct(sent_texts + [t for _, t in titled])  # wire copies: each text once
        vecs = np.asarray(embedder.encode(once, show_progress=progress), np.float32)[inverse]
        stypes, analyses = types.result()
        clock["embed"] = clock.get("embed", 0.0) + time.perf_counter() - t0
    svecs = vecs[: len(sent_texts)]
    title_vecs = {d: vecs[len(sent_texts) + i] for i, (d, _) in enumerate(titled)}
    by_id = {doc.doc_id: doc for doc in docs}

    def fallback(rows: list[int]) -> np.ndarray:
        return embedder.encode([chunk_text(by_id[chunk_rows[i][0]], chunk_rows[i][1], chunk_rows[i][2]) for i in rows])

    return chunk_rows, _chunk_vectors(chunk_rows, sent_rows, svecs, title_vecs, fallback), sent_rows, svecs, stypes, analyses


# The folder beside the index where web pages' and PDFs' extracted texts are kept.
EXTRACTED = "extracted"


def sync_index(
    corpus: str | Path,
    index_dir: str | Path,
    embedder: Embedder,
    settings: Settings,
    *,
    progress: bool = True,
    find_conflicts: Callable | None = None,
    analyse: Analyser | None = None,
    loaded: tuple[IndexData, dict[str, Document]] | None = None,
) -> tuple[IndexData, dict[str, Document], SyncReport]:
    """Bring the index in ``index_dir`` up to date with ``corpus`` and return it loaded.

    Unchanged documents keep their vectors; changed and new ones are chunked and embedded; removed
    ones are dropped. A damaged index or one built with another model or chunking is rebuilt
    from scratch (with a warning), never mixed.

    With ``analyse`` (``qa.reading.analysis.SpacyAnalyser``), every sentence's parse for the reader
    is stored too, made for new and changed documents only; analyses that are missing, damaged or
    made by another recipe are remade (with a warning) while everything else is kept.

    ``loaded``: the index and documents this process already holds from the last sync (never
    modified here). While the index on disk is still that generation it is not loaded again, and
    files whose size and modification time are unchanged are not read again.
    """
    index_dir = Path(index_dir)
    clock: dict[str, float] = {}
    t_read = time.perf_counter()
    manifest = read_manifest(index_dir)
    current = loaded is not None and manifest is not None and manifest.get("generation") == loaded[0].generation
    # Web pages and PDFs are read by their extracted text, kept beside the index under each file's
    # fingerprint: the text citations point into never changes with the extractor.
    docs = {d.doc_id: d for d in load_corpus(corpus, settings.max_file_bytes, extracted_dir=index_dir / EXTRACTED,
                                             known=known_files(*loaded) if current else
                                             stored_files(manifest.get("documents")) if manifest else None)}
    clock["read"] = time.perf_counter() - t_read
    chunking = settings.chunking()
    old: IndexData | None = None
    reason = None
    if manifest is not None:
        reason = check_compatible(manifest, embedder.model_id, chunking, embedder.dim)
        if reason is None and current:
            old = loaded[0]  # type: ignore[index]
        elif reason is None:
            try:
                old = load_index(index_dir)
            except (ValueError, KeyError, OSError, RuntimeError) as exc:
                reason = str(exc)
        if reason:
            warn_rebuild(index_dir, reason)
    elif index_dir.exists() and any(p.name != EXTRACTED for p in index_dir.iterdir()):
        reason = "no readable manifest.json"
        warn_rebuild(index_dir, reason)

    old_fp = {d: m["fingerprint"] for d, m in (old.doc_meta.items() if old else [])}
    added = tuple(d for d in docs if d not in old_fp)
    changed = tuple(d for d in docs if d in old_fp and old_fp[d] != docs[d].fingerprint)
    removed = tuple(d for d in old_fp if d not in docs)
    keep_analyses = analyse is not None and old is not None and old.analyses is not None \
        and old.analyses.recipe == analyse.recipe
    if analyse is not None and old is not None and not keep_analyses:
        warn_rebuild(index_dir, f"sentence analyses are remade ({old.analyses_problem or 'made by another recipe'}); "
                     "nothing is re-embedded")
    if analyse is None and old is not None:
        old.analyses = None  # not kept up to date by this sync: the reader parses instead
    if old is not None and not (added or changed or removed):
        refresh_stat(old, docs)
        if analyse is None or keep_analyses:
            return old, docs, SyncReport(reused=len(docs))
        t = time.perf_counter()
        old.analyses = analyse_rows(analyse, old.sentences, [docs[d] for d in old.doc_ids])
        clock["entities"] = time.perf_counter() - t
        t = time.perf_counter()
        save_index(index_dir, old)
        clock["save"] = time.perf_counter() - t
        return old, docs, SyncReport(reused=len(docs), analysed=len(old.sentences),
                                     timings=tuple((k, round(v, 4)) for k, v in clock.items()))

    doc_ids = sorted(docs)
    pos = {d: i for i, d in enumerate(doc_ids)}
    # Where each document's rows can be copied from instead of embedded: its own rows when it is
    # unchanged, else the rows of an indexed document with the same bytes (a renamed or copied
    # article). Chunks and their embedded text depend only on the bytes and the settings.
    source: dict[str, int] = {}
    if old is not None:
        old_pos = {d: i for i, d in enumerate(old.doc_ids)}
        by_fp = {m["fingerprint"]: old_pos[d] for d, m in old.doc_meta.items() if d in old_pos}
        for d in doc_ids:
            if d in old_pos and d not in changed:
                source[d] = old_pos[d]
            elif docs[d].fingerprint in by_fp:
                source[d] = by_fp[docs[d].fingerprint]
    parts = RowParts()
    if old is not None:
        if old.chunk_tokens is None:
            old.chunk_tokens = load_chunk_tokens(index_dir, old.generation, len(old.chunks))
        parts.copy_from(old, source, pos, keep_analyses)
    reused = len(source)
    # Documents to embed; byte-identical copies among them are embedded once.
    first_of: dict[str, str] = {}
    twins: list[str] = []
    for d in doc_ids:
        if d in source:
            continue
        if docs[d].fingerprint in first_of:
            twins.append(d)
        else:
            first_of[docs[d].fingerprint] = d
    todo = [docs[d] for d in first_of.values()]
    crow, cvec, srow, svec, stypes, new_analyses = _new_rows(todo, settings, embedder, progress, clock, analyse)
    analysed = len(srow) if analyse is not None else 0
    if crow or srow:
        parts.add(np.array([(pos[d], a, b) for d, a, b in crow], dtype=np.int64).reshape(-1, 3), cvec,
                  np.array([(pos[d], a, b) for d, a, b in srow], dtype=np.int64).reshape(-1, 3), svec, stypes,
                  new_analyses)
    for d in twins:
        first = first_of[docs[d].fingerprint]
        rows = [r for r, row in enumerate(crow) if row[0] == first]
        srows = [r for r, row in enumerate(srow) if row[0] == first]
        parts.add(
            np.array([(pos[d], a, b) for _, a, b in (crow[r] for r in rows)], dtype=np.int64).reshape(-1, 3),
            cvec[rows],
            np.array([(pos[d], a, b) for _, a, b in (srow[r] for r in srows)], dtype=np.int64).reshape(-1, 3),
            svec[srows],
            stypes[srows],
            new_analyses.take(srows) if new_analyses is not None else None,
        )
    # Each table is copied once (copy=False: the join already made a new array), and gathered
    # into document order only when the parts are not in it already (an added document that
    # sorts last): at 10,000 articles every copy of the vectors costs ~0.2 s.
    chunks = np.concatenate(parts.chunks) if parts.chunks else np.zeros((0, 3), np.int64)
    vectors = np.concatenate(parts.vectors).astype(np.float32, copy=False) if parts.vectors else np.zeros((0, embedder.dim), np.float32)
    sentences = np.concatenate(parts.sentences) if parts.sentences else np.zeros((0, 3), np.int64)
    # Sentence vectors stay float16, as stored and as a load maps them: joined as float32, the
    # 10,000-article table was converted back at every save (~0.3 s an added article).
    sent_vectors = np.concatenate([v.astype(np.float16, copy=False) for v in parts.sent_vectors]) if parts.sent_vectors \
        else np.zeros((0, embedder.dim), np.float16)
    sent_types = np.concatenate(parts.sent_types).astype(np.uint32, copy=False) if parts.sent_types else np.zeros(0, np.uint32)
    # Keep rows grouped by document, in document order, for cheap per-document slicing.
    order = np.lexsort((chunks[:, 1], chunks[:, 0]))
    if not is_every_row(order, len(order)):
        chunks, vectors = chunks[order], vectors[order]
    sorder = np.lexsort((sentences[:, 1], sentences[:, 0]))
    if not is_every_row(sorder, len(sorder)):
        sentences, sent_vectors, sent_types = sentences[sorder], sent_vectors[sorder], sent_types[sorder]
    analyses = None
    if analyse is not None:
        t = time.perf_counter()
        analysed += fill_analyses(analyse, parts.analyses, parts.sentences, doc_ids, docs)
        clock["entities"] = clock.get("entities", 0.0) + time.perf_counter() - t
        labels = next((p.labels for p in parts.analyses if len(p)), ())
        analyses = SentenceAnalyses.concat(parts.analyses, labels, analyse.recipe).take(sorder)

    ordered_docs = [docs[d] for d in doc_ids]
    data = IndexData(
        model_id=embedder.model_id,
        dim=embedder.dim,
        chunking=chunking,
        doc_ids=doc_ids,
        doc_meta={d.doc_id: current_meta(old.doc_meta.get(d.doc_id) if old is not None else None, d) for d in ordered_docs},
        chunks=chunks,
        vectors=vectors,
        sentences=sentences,
        sent_vectors=sent_vectors,
        sent_types=sent_types,
        analyses=analyses,
    )
    t = time.perf_counter()
    # The old chunks come first, whole and in their order, when the sync only appended rows.
    kept = len(old.chunks) if old is not None and parts.vectors and parts.vectors[0] is old.vectors \
        and is_every_row(order, len(order)) else 0
    data.faiss_index, data.dense_trained = refill_dense_index(
        vectors, old.faiss_index if old is not None else None, old.dense_trained if old is not None else 0, kept)
    data.index_type = index_kind(data.faiss_index)
    data.chunk_tokens = _chunk_tokens(parts, order, docs, doc_ids)
    data.bm25 = bm25_index(data.chunk_tokens)
    clock["index"] = time.perf_counter() - t
    if find_conflicts is not None:
        t = time.perf_counter()
        fresh = [pos[d] for d in (*added, *changed)]
        data.conflicts = find_conflicts(ordered_docs, reusing_encoder(embedder, data, docs, fresh))
        clock["conflicts"] = time.perf_counter() - t
    t = time.perf_counter()
    save_index(index_dir, data)
    clock["save"] = time.perf_counter() - t
    report = SyncReport(added, changed, removed, reused, reason, len(crow), analysed,
                        tuple((k, round(v, 4)) for k, v in clock.items()))
    return data, docs, report
