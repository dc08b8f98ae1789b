"""What a sync takes over from the index it refreshes instead of recomputing: documents whose files
did not change (not read again), the rows of unchanged documents (copied in one pass, not one
document at a time), their BM25 tokens, and the sentence vectors the conflict finder asks for.

Adding one article to a 1,000-article archive spent, before these, 43% of its time re-tokenizing
every chunk for BM25, 13% slicing stored parses document by document, 5% reading every file again
and 4% re-checking the index it had just loaded (cProfile of one add on that archive).
"""
from __future__ import annotations

import os
import threading
import time
from functools import partial
from typing import Sequence

import numpy as np

from ..ingest.corpus import Document, StoredDocument, doc_id_of
from ..ingest.extract import suffix_of
from ..ingest.text import nfkc
from .analyses import is_every_row
from .embedding import Embedder
from .store import IndexData

__all__ = ["known_files", "stored_files", "RowParts", "current_meta", "document_meta", "refresh_stat", "reusing_encoder"]

# A file modified within this long of when it was last looked at may be modified again without
# its time stamp changing (coarse file-system clocks): such files are read again ("racy git").
RACY_NS = 2_000_000_000


def _stamp(m: dict) -> tuple[int, int] | None:
    """(size, mtime_ns) of a document's file when they can be trusted to show any change: taken
    long enough after the file was last written."""
    size, mtime, seen = m.get("size"), m.get("mtime_ns"), m.get("seen_ns")
    if all(isinstance(x, int) for x in (size, mtime, seen)) and mtime < seen - RACY_NS:
        return size, mtime
    return None


def stored_files(documents: object) -> dict:
    """File name -> (size, mtime_ns, maker) for the plain-text articles of a manifest's document
    table (``document_meta``): a cold start then neither reads, hashes nor parses them again (title,
    date, outlet and content spans are the stored ones; the text is read when a question first
    uses it). Reading and parsing every article was most of a cold start, and grew with the corpus."""
    out = {}
    if not isinstance(documents, dict):
        return out
    for d, m in documents.items():
        if not isinstance(m, dict) or not isinstance(m.get("content"), list) or not isinstance(m.get("path"), str):
            continue
        stamp = _stamp(m)
        if stamp and suffix_of(m["path"]) is None and doc_id_of(m["path"]) == d:
            out[m["path"]] = (*stamp, partial(_from_meta, d, m))
    return out


def _from_meta(doc_id: str, m: dict, path: str) -> Document | None:
    """The document as the table describes it, its text read when first used (StoredDocument)."""
    flat = m["content"]
    if (not isinstance(m.get("chars"), int) or len(flat) % 2 or not flat or not isinstance(m.get("title"), str)
            or not isinstance(m.get("fingerprint"), str) or not all(isinstance(x, int) for x in flat)):
        return None
    return StoredDocument.from_table(doc_id, str(path), m["chars"], m["title"], m.get("date"), m.get("outlet"),
                                     tuple(zip(flat[::2], flat[1::2])), m["fingerprint"])


def known_files(old: IndexData, docs: dict[str, Document]) -> dict[str, tuple[int, int, Document]]:
    """File name -> (size, mtime_ns, Document) of the loaded documents whose files can be trusted
    unchanged while their size and modification time are."""
    out = {}
    for d, m in old.doc_meta.items():
        doc, stamp = docs.get(d), _stamp(m)
        if doc is not None and doc.fingerprint == m.get("fingerprint") and stamp:
            out[m["path"]] = (*stamp, doc)
    return out


class RowParts:
    """The new index's rows, gathered in parts (copied or embedded), joined once at the end."""

    def __init__(self) -> None:
        self.chunks: list[np.ndarray] = []
        self.vectors: list[np.ndarray] = []
        self.sentences: list[np.ndarray] = []
        self.sent_vectors: list[np.ndarray] = []
        self.sent_types: list[np.ndarray] = []
        self.analyses: list = []  # SentenceAnalyses, or None: to be analysed
        self.tokens: list = []  # ChunkTokens, or None: to be tokenized

    def add(self, chunks, vectors, sentences, sent_vectors, sent_types, analyses=None, tokens=None) -> None:
        self.chunks.append(chunks)
        self.vectors.append(vectors)
        self.sentences.append(sentences)
        self.sent_vectors.append(sent_vectors)
        self.sent_types.append(sent_types)
        self.analyses.append(analyses)
        self.tokens.append(tokens)

    def copy_from(self, old: IndexData, source: dict[str, int], pos: dict[str, int], keep_analyses: bool) -> None:
        """Copy the rows of ``source`` (new document id -> its row source in ``old``) with their
        document index renumbered. A document copied from its own rows (the usual case) goes in
        one vectorised pass; a renamed or duplicated one is copied alone."""
        new_of = np.full(len(old.doc_ids), -1, np.int64)
        alone = []
        for d, i in source.items():
            if old.doc_ids[i] == d and new_of[i] < 0:
                new_of[i] = pos[d]
            else:
                alone.append((d, i))
        if (new_of >= 0).any():
            self._copy_rows(old, new_of, keep_analyses)
        for d, i in alone:
            one = np.full(len(old.doc_ids), -1, np.int64)
            one[i] = pos[d]
            self._copy_rows(old, one, keep_analyses)

    def _copy_rows(self, old: IndexData, new_of: np.ndarray, keep_analyses: bool) -> None:
        crows = np.nonzero(new_of[old.chunks[:, 0]] >= 0)[0]
        srows = np.nonzero(new_of[old.sentences[:, 0]] >= 0)[0]
        c, s = old.chunks[crows], old.sentences[srows]
        c[:, 0] = new_of[c[:, 0]]
        s[:, 0] = new_of[s[:, 0]]
        # Every row kept (a sync that only adds): views, not copies; the join copies them once.
        # At 10,000 articles the vectors are ~400 MB in float32, each gather ~0.2 s.
        cv = old.vectors if is_every_row(crows, len(old.chunks)) else old.vectors[crows]
        sv, st = (old.sent_vectors, old.sent_types) if is_every_row(srows, len(old.sentences)) else \
            (old.sent_vectors[srows], old.sent_types[srows])
        self.add(c, cv, s, sv, st,
                 old.analyses.take(srows) if keep_analyses else None,
                 old.chunk_tokens.take(crows) if old.chunk_tokens is not None else None)


def document_meta(doc: Document) -> dict:
    seen = time.time_ns()
    try:  # the file may be deleted at any moment (the next sync drops it)
        st = os.stat(doc.path) if doc.path else None
    except OSError:
        st = None
    return {
        "fingerprint": doc.fingerprint,
        "path": os.path.basename(doc.path),
        "title": doc.title,
        "date": doc.date,
        "outlet": doc.outlet,
        "chars": len(doc.raw),
        "content": [x for span in doc.content for x in span],
        "size": st.st_size if st else None,
        "mtime_ns": st.st_mtime_ns if st else None,
        "seen_ns": seen if st else None,
    }


def current_meta(old: dict | None, doc: Document) -> dict:
    """``old`` (a document's entry in the table of the index) when the file still has the trusted
    stamp it records for the same text, else the entry made anew. Making all 10,000 entries anew
    was ~0.2 s of every cold start and of every added article."""
    stamp = _stamp(old) if isinstance(old, dict) and old.get("fingerprint") == doc.fingerprint else None
    if stamp is not None and doc.path:
        try:
            st = os.stat(doc.path)
        except OSError:
            st = None
        if st is not None and (st.st_size, st.st_mtime_ns) == stamp:
            return old  # type: ignore[return-value]
    return document_meta(doc)


def refresh_stat(data: IndexData, docs: dict[str, Document]) -> None:
    """Record the files' current size and time stamp (entries still true are kept)."""
    for d, doc in docs.items():
        data.doc_meta[d] = current_meta(data.doc_meta.get(d), doc)


def reusing_encoder(embedder: Embedder, data: IndexData, docs: dict[str, Document], first: Sequence[int] = ()):
    """An encode() for the conflict finder that takes the vectors of sentences the index already
    holds (keyed by their NFKC text, the form it encodes) and embeds only the others: a change to
    one article must not re-embed every sentence of the corpus. Texts are tabled lazily: the
    sentences of documents ``first`` (those just added or changed, which the finder asks for
    first), then, on the first text not found among them, every sentence of the index."""
    known: dict[str, np.ndarray] = {}
    stages = [np.nonzero(np.isin(data.sentences[:, 0], np.asarray(first, np.int64)))[0]] if len(first) else []
    stages.append(None)
    # One encoder serves every thread asking: the stages are popped, and the per-document table
    # built, by one thread at a time (two threads found one stage left and both popped it, or one
    # read the table another had only begun).
    lock = threading.Lock()

    def table(rows) -> None:
        sel = data.sentences if rows is None else data.sentences[rows]
        vecs = data.sent_vectors if rows is None else data.sent_vectors[rows]
        for (d, a, b), vec in zip(sel.tolist(), vecs):
            known.setdefault(nfkc(docs[data.doc_ids[d]].raw[a:b]), vec)

    def looked_up(texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, embedder.encode(missing)))
        return np.stack([known[t] for t in texts]).astype(np.float32)

    def encode(texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, embedder.dim), np.float32)
        with lock:
            while stages and any(t not in known for t in texts):
                table(stages.pop(0))
        return looked_up(texts)

    def held(texts: Sequence[str]) -> np.ndarray | None:
        """encode() of texts the index holds, all at once; None when one is not held (the caller
        then encodes per document, so that what is embedded goes in the same batches)."""
        with lock:
            while stages:
                table(stages.pop(0))
        if any(t not in known for t in texts):
            return None
        return looked_up(texts) if texts else np.zeros((0, embedder.dim), np.float32)

    encode.held = held  # type: ignore[attr-defined]
    position: dict[str, int] = {}
    by_doc: list[np.ndarray] = []  # sentence rows sorted by document, and where each one starts

    def for_doc(doc_id: str):
        """encode() for the sentences of one document (a question's conflict check reads a few
        retrieved documents): tables that document's rows only, not the whole index (0.7 s on
        the first question at 10,000 articles)."""
        def encode_doc(texts: Sequence[str]) -> np.ndarray:
            if not texts:
                return np.zeros((0, embedder.dim), np.float32)
            with lock:
                if stages and any(t not in known for t in texts):
                    if not position:
                        order = np.argsort(data.sentences[:, 0], kind="stable")
                        by_doc[:] = [order, np.searchsorted(data.sentences[order, 0], np.arange(len(data.doc_ids) + 1))]
                        position.update((d, i) for i, d in enumerate(data.doc_ids))
                    if doc_id in position:
                        order, start = by_doc
                        at = position[doc_id]
                        table(order[start[at]:start[at + 1]])
            return looked_up(texts)
        return encode_doc

    encode.for_doc = for_doc  # type: ignore[attr-defined]
    return encode
