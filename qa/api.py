"""The programmatic entry points. One explicit, thread-safe cache holds a loaded pipeline per
(corpus, index folder); it refreshes itself when the corpus changes on disk."""
from __future__ import annotations

import gc
import os
import threading
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .config import Settings, default_corpus, index_dir_for
from .ingest.corpus import ARTICLE_SUFFIXES
from .errors import ArticleChangedError, QAError
from .indexing.heap import spaced_full_collections
from .indexing.indexer import SyncReport, sync_index
from .pipeline import Pipeline, clean_question
from .results import Answer, Conflict

__all__ = ["ask", "build_index", "get_pipeline", "documents", "document_text", "corpus_conflicts", "DocumentInfo"]

# How often (seconds) ask() looks at the corpus folder for added, changed or removed articles.
FRESHNESS_INTERVAL = 1.0


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: str
    title: str
    date: str | None
    outlet: str | None
    chars: int
    chunks: int


class _Entry:
    def __init__(self, corpus: Path, index_dir: Path, settings: Settings):
        self.corpus = corpus
        self.index_dir = index_dir
        self.settings = settings
        self.lock = threading.RLock()
        self.pipeline: Pipeline | None = None
        self.snapshot: tuple = ()
        self.checked = 0.0
        self.report: SyncReport | None = None
        self.pairs = None  # qa.conflicts.pairs.PairCache: conflict findings per pair of documents
        self.analyses = None  # qa.conflicts.stored_analyses.StoredAnalyses: one per index directory


_CACHE: dict[tuple[str, str, Settings], _Entry] = {}
_CACHE_LOCK = threading.Lock()


def _snapshot(corpus: Path) -> tuple:
    """Names, sizes and modification times of the corpus's articles (cheap: no file is read)."""
    out = []
    try:
        entries = sorted(os.scandir(corpus), key=lambda e: e.name)
    except OSError:
        return ()
    for e in entries:
        if not e.name.lower().endswith(ARTICLE_SUFFIXES):
            continue
        try:  # a file may vanish between the listing and the stat
            if e.is_file():
                st = e.stat()
                out.append((e.name, st.st_size, st.st_mtime_ns))
        except OSError:
            continue
    return tuple(out)


def _resolve(corpus, index_dir) -> tuple[Path, Path]:
    corpus = Path(corpus) if corpus is not None else default_corpus()
    index_dir = Path(index_dir) if index_dir is not None else index_dir_for(corpus)
    return corpus.resolve(), index_dir.resolve()


def _build(entry: _Entry, progress: bool) -> None:
    from .indexing.heap import frozen_heap

    replaced = entry.pipeline
    with frozen_heap():  # full collections would walk the loaded index again and again
        _sync(entry, progress)
    if replaced is not None and replaced is not entry.pipeline:
        # The replaced pipeline is held by reference cycles, and full passes are spaced
        # (spaced_full_collections): free it now, or two loaded indexes share the memory (an add at
        # 100,000 articles was killed at 22 GB).
        del replaced
        gc.collect()


def _warm_cross_reader(settings: Settings) -> None:
    """Load the cross-encoder in a thread while the index and the corpus are read: onnxruntime
    releases the GIL while it makes its session, which a cold start's first question otherwise
    waits for (~0.1 s at 10,000 articles). A failure is left to the pipeline, which loads it again
    and reports it."""
    from .reading.crossreader import get_cross_reader

    def warm() -> None:
        try:
            cross = get_cross_reader(settings.model, settings.cross_reader)
            if cross is not None:
                cross.warm()
        except Exception:  # noqa: BLE001 - reported where the model is used
            pass

    threading.Thread(target=warm, name="qa-warm-cross", daemon=True).start()


def _sync(entry: _Entry, progress: bool) -> None:
    from .conflicts.pairs import PairCache
    from .conflicts.corpus_wide import StoredConflicts, find_conflicts
    from .reading.analysis import SpacyAnalyser
    from .indexing.embedding import get_embedder
    from .indexing.reuse import reusing_encoder
    from .indexing.store import conflicts_checksum, save_index

    embedder = get_embedder(entry.settings.model)
    snap = _snapshot(entry.corpus)
    if entry.pairs is None:
        entry.pairs = PairCache.load(entry.index_dir, model=embedder.model_id)
    pairs = entry.pairs

    given = []

    def conflicts_incrementally(docs, encode):
        # Called by sync_index when a document was added, changed or removed: only the pairs of
        # documents the cache does not hold (those of the changed documents) are computed.
        given.append(encode)  # kept for the pipeline: its table of sentence vectors is built once
        if pairs.merged.empty:  # here, not at every start: only a change needs the merge
            _seed_merge(entry, pairs)
        return find_conflicts(docs, encode, cache=pairs)

    _hand_over_analyses(entry, pairs)
    data, docs, report = sync_index(
        entry.corpus, entry.index_dir, embedder, entry.settings, progress=progress,
        find_conflicts=conflicts_incrementally, analyse=SpacyAnalyser(),
        loaded=(entry.pipeline.data, entry.pipeline.docs) if entry.pipeline is not None else None,
    )
    ordered = [docs[d] for d in data.doc_ids]
    # Sentence vectors the index holds are reused (tabled on first use: a load that needs none
    # pays nothing); other texts are embedded.
    encode = given[0] if given else reusing_encoder(embedder, data, docs)
    if not report.touched:
        # The index was reused as it is. Its stored conflicts are trusted when the cache made them
        # (same checksum, settings and documents: one look-up per document); otherwise they may
        # come from other rules or the cache file may be missing, and the cached findings are
        # merged again (computing only the pairs the cache lacks).
        if not pairs.current(ordered, conflicts_checksum(entry.index_dir)):
            data.conflicts = find_conflicts(ordered, encode, cache=pairs)
            # Saved with the index: the cache now records these rules, and the old file's
            # checksum would vouch at the next start for conflicts made by the old ones.
            try:
                save_index(entry.index_dir, data)
                pairs.conflicts_sha, pairs.dirty = conflicts_checksum(entry.index_dir), True
            except OSError as exc:
                pairs.conflicts_sha, pairs.dirty = None, True  # not trusted next time: merged again
                warnings.warn(f"could not save the conflicts in {entry.index_dir}: {exc}", RuntimeWarning, stacklevel=3)
    elif given:
        # sync_index saved the conflicts it merged from this cache: remember which file they are.
        sha = conflicts_checksum(entry.index_dir)
        if sha != pairs.conflicts_sha:
            pairs.conflicts_sha, pairs.dirty = sha, True
    if pairs.dirty:
        try:
            pairs.save(entry.index_dir)
        except OSError as exc:  # only a cache: the next build recomputes what it lacks
            warnings.warn(f"could not save the conflict cache in {entry.index_dir}: {exc}", RuntimeWarning, stacklevel=3)
    t = time.perf_counter()
    analysed = _analyses(entry, ordered)
    if entry.analyses.written:  # a stage of the build like the others (qa.bench.archive reads it)
        report = replace(report, timings=report.timings + (("analyses", round(time.perf_counter() - t, 3)),))
        entry.analyses.written = 0
    entry.pipeline = _make_pipeline(data, docs, embedder, entry.settings, encode, StoredConflicts(data.conflicts),
                                    analysed)
    entry.snapshot = snap
    entry.report = report
    entry.checked = time.monotonic()


def _hand_over_analyses(entry: _Entry, pairs) -> None:
    """Let the conflict pass store each analysis it makes, so that ``_analyses`` does not make it
    again: at 10,000 articles the pass's bounded memory no longer held them (18 s of a build)."""
    from .conflicts.stored_analyses import StoredAnalyses

    if entry.analyses is None:
        entry.analyses = StoredAnalyses(entry.index_dir)
    stored = entry.analyses

    def store(doc, analysis) -> None:
        try:
            stored.add(doc, analysis)
        except OSError as exc:  # only a cache: _analyses makes what is missing, or questions do
            pairs.reader.on_analysis = None
            warnings.warn(f"could not store sentence analyses in {entry.index_dir}: {exc}", RuntimeWarning, stacklevel=2)

    pairs.reader.on_analysis = store


def _analyses(entry: _Entry, ordered):
    """Each document's sentence analysis for the question-time conflict check: the pair cache's
    in memory, else the one stored at index time (made now for documents that lack one). The
    store is the one ``_hand_over_analyses`` opened before the build."""
    from .conflicts.sentences import _analyse

    pairs, stored = entry.pairs, entry.analyses
    try:
        stored.update(ordered, lambda d: pairs.analysed(d) or _analyse(d))
    except OSError as exc:  # only a cache: questions analyse what they read instead
        warnings.warn(f"could not store sentence analyses in {entry.index_dir}: {exc}", RuntimeWarning, stacklevel=3)
    return lambda d: pairs.analysed(d) or stored.get(d)


def _seed_merge(entry: _Entry, pairs) -> None:
    """Let the conflict cache start from the conflicts stored with the index, when they are the
    merge of its own findings (``PairCache.seed_merge`` checks): the first add after a start then
    re-merges what the new article reaches, not all ~200,000 findings of 10,000 articles (10 s).
    Called while the index on disk is still the one the sync started from; its conflicts are the
    loaded pipeline's, or else read from the index folder (checksum checked)."""
    import hashlib
    import json

    from .indexing.store import read_manifest

    manifest = read_manifest(entry.index_dir)
    try:
        name = manifest["roles"]["conflicts"]  # type: ignore[index]
        sha = manifest["files"][name]["sha256"]  # type: ignore[index]
        idents = [f"{d}\t{manifest['documents'][d]['fingerprint']}" for d in manifest["doc_ids"]]  # type: ignore[index]
    except (KeyError, TypeError):
        return
    held = entry.pipeline.data if entry.pipeline is not None else None
    if not isinstance(sha, str) or not pairs.current_idents(idents, sha):
        return
    if held is not None and held.generation == manifest.get("generation"):  # type: ignore[union-attr]
        conflicts = held.conflicts
    else:
        try:
            raw = (entry.index_dir / name).read_bytes()
            if hashlib.sha256(raw).hexdigest() != sha:
                return
            conflicts = [Conflict.from_dict(c) for c in json.loads(raw)]
        except (OSError, ValueError, KeyError, TypeError):
            return  # the merge is then made from the findings, as before
    pairs.seed_merge(conflicts, idents, sha)


class _Texts(Sequence):
    """The documents' texts by index row, each read when first asked for (StoredDocument)."""

    def __init__(self, docs, doc_ids):
        self.docs, self.doc_ids = docs, doc_ids

    def __getitem__(self, i):
        return self.docs[self.doc_ids[i]].raw

    def __len__(self) -> int:
        return len(self.doc_ids)


def _make_pipeline(data, docs, embedder, settings: Settings, encode, select, analysed=None) -> Pipeline:
    from .conflicts.question import QuestionConflicts
    from .reading.reader import ExtractiveReader, ReaderConfig
    from .retrieval.retriever import HybridRetriever
    from .reading.crossreader import get_cross_reader
    from .reading.softmatch import get_word_vectors

    reader = ExtractiveReader(data, _Texts(docs, data.doc_ids), ReaderConfig.load(hf_model=settings.reader_model),
                              word_vectors=get_word_vectors(settings.model),
                              cross=get_cross_reader(settings.model, settings.cross_reader))
    finder = QuestionConflicts(encode=encode, lazy=docs, analysed=analysed)
    return Pipeline(data, docs, embedder, HybridRetriever(data), reader, settings, select, finder)


def get_pipeline(corpus=None, index_dir=None, settings: Settings | None = None, progress: bool = False) -> Pipeline:
    """The loaded pipeline for a corpus, building or refreshing its index when needed."""
    corpus, index_dir = _resolve(corpus, index_dir)
    settings = settings or Settings()
    key = (str(corpus), str(index_dir), settings)
    with _CACHE_LOCK:
        entry = _CACHE.setdefault(key, _Entry(corpus, index_dir, settings))
    with entry.lock:
        now = time.monotonic()
        if entry.pipeline is None:
            _warm_cross_reader(entry.settings)  # asking follows; `qa index` never reads it
            spaced_full_collections()  # what the questions keep would be rescanned, pausing them
            _build(entry, progress)
        elif now - entry.checked >= FRESHNESS_INTERVAL:
            entry.checked = now
            if _snapshot(corpus) != entry.snapshot:
                try:
                    _build(entry, progress)
                except QAError:
                    raise  # the corpus itself is unusable (e.g. every article deleted): say so
                except Exception as exc:  # noqa: BLE001 - keep answering from the index we have
                    # A refresh that fails (an article that cannot be indexed, a full disk) must
                    # not stop the app answering: warn, keep the loaded index, retry later.
                    warnings.warn(f"could not refresh the index of {corpus}: {exc}; answering from the previous index", RuntimeWarning, stacklevel=3)
        return entry.pipeline  # type: ignore[return-value]


def ask(question: str, *, history=None, k: int = 5, corpus=None, index_dir=None) -> Answer:
    """Answer ``question`` from the articles in ``corpus`` (default: seeds/, index under index/).

    ``history``: the earlier Answers of the conversation, oldest first. A follow-up ("What about
    Anthropic?", "When will it ship?") is then read as a self-contained question before retrieval,
    and ``Answer.read_as`` says how (None: read as typed).

    Returns an Answer whose ``answer`` is verbatim text of ``citations[0]``, or an abstention.
    Raises TypeError for a non-string question and a ValueError subclass for an empty or
    over-long one (checked before any model is loaded).
    """
    clean_question(question, Settings().max_question_chars)
    return _fresh(lambda p: p.ask(question, k=k, history=history), corpus, index_dir)


def _fresh(use, corpus, index_dir):
    """``use(pipeline)``; when an article it reads changed on disk since the last freshness check
    (ArticleChangedError), once more after the index is refreshed from the new text."""
    try:
        return use(get_pipeline(corpus, index_dir))
    except ArticleChangedError:
        corpus, index_dir = _resolve(corpus, index_dir)
        with _CACHE_LOCK:
            stale = [e for (c, i, _), e in _CACHE.items() if (c, i) == (str(corpus), str(index_dir))]
        for entry in stale:
            entry.checked = float("-inf")
        return use(get_pipeline(corpus, index_dir))


def build_index(corpus=None, index_dir=None, progress: bool = True) -> SyncReport:
    """Build or refresh the index now (``qa index``); returns what changed."""
    corpus, index_dir = _resolve(corpus, index_dir)
    settings = Settings()
    key = (str(corpus), str(index_dir), settings)
    with _CACHE_LOCK:
        entry = _CACHE.setdefault(key, _Entry(corpus, index_dir, settings))
    with entry.lock:
        _build(entry, progress)
        return entry.report  # type: ignore[return-value]


def documents(corpus=None, index_dir=None) -> list[DocumentInfo]:
    p = get_pipeline(corpus, index_dir)
    counts: dict[int, int] = {}
    for d in p.data.chunks[:, 0].tolist():
        counts[d] = counts.get(d, 0) + 1
    return [
        DocumentInfo(d, p.docs[d].title, p.docs[d].date, p.docs[d].outlet, p.docs[d].chars, counts.get(i, 0))
        for i, d in enumerate(p.data.doc_ids)
    ]


def document_text(doc_id: str, corpus=None, index_dir=None) -> str:
    """The raw text of an indexed document, by id only (never by path)."""
    def text(p):
        if doc_id not in p.docs:
            raise KeyError(f"no indexed document {doc_id!r}")
        return p.docs[doc_id].raw

    return _fresh(text, corpus, index_dir)


def corpus_conflicts(corpus=None, index_dir=None) -> list[Conflict]:
    """The corpus-wide conflicts, without templates filled in for many subjects (``is_template``)."""
    from .conflicts.merge import is_template

    return [c for c in get_pipeline(corpus, index_dir).data.conflicts if not is_template(c)]


def clear_cache() -> None:
    """Forget every loaded pipeline (tests, or after deleting an index by hand)."""
    with _CACHE_LOCK:
        _CACHE.clear()
