"""Every document's sentence analysis (``qa.conflicts.sentences._analyse``) kept beside the index,
so that a question's conflict check never analyses a document it reads for the first time.

The question path (``qa.conflicts.question``) needs each document it reads analysed: tokens, names,
figures, certainty, time frames. Made at question time, that was most of a first-time question at
10,000 articles (about 15 documents a question, 2-4 ms each). The analyses are made once at index
time, for new and changed documents only, and read back per document:

* ``conflict_analyses.jsonl``: one line per analysed document, appended to; a document's tokens
  are offsets into its normalised sentence plus ids into the line's own vocabulary, so a line is
  decoded into the very objects ``_analyse`` makes without tokenizing again;
* ``conflict_analyses.json``: the table of contents: the recipe (``ANALYSIS_VERSION``, bumped
  whenever the analysis changes), and for each fingerprint the line's offset and length.

A line names its fingerprint and a checksum of the text it was made from; a line that does not
match the document asked for (a table out of step with its file, an extractor that now reads the
same bytes differently) is not used: the document is analysed as before. It is only a cache: a
missing or damaged file costs time, never a wrong answer. Lines of removed documents stay until
they outnumber the live ones; then the file is rewritten with the live lines only.
"""
from __future__ import annotations

import json
import math
import os
import threading
import zlib
from collections.abc import Callable, Sequence
from itertools import repeat
from pathlib import Path

try:  # appends are locked where the platform can (not on Windows)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

from ..ingest.corpus import Document
from ..ingest.text import nfkc
from .claims import Quantity, Token
from .sentences import _DocSentences, _Sentence

__all__ = ["ANALYSES_FILE", "ANALYSES_TABLE", "StoredAnalyses", "encode_analysis", "decode_analysis"]

ANALYSES_FILE = "conflict_analyses.jsonl"
ANALYSES_TABLE = "conflict_analyses.json"
_FORMAT = 1
_COMPACT_BYTES = 1 << 20  # below this much dead text, rewriting the file is not worth it
_tuple_new = tuple.__new__  # a Token without the Python-level __new__ of NamedTuple


def _recipe() -> int:
    from .pairs import ANALYSIS_VERSION  # bumped whenever the sentence analysis changes

    return ANALYSIS_VERSION


def _check(doc: Document) -> int:
    """What the analysis was made from: the text and its content spans."""
    return zlib.crc32(json.dumps(doc.content).encode(), zlib.crc32(doc.raw.encode("utf-8", "surrogatepass")))


def _num(x: float) -> float | str:
    return x if math.isfinite(x) else repr(x)  # "inf": JSON has no infinity


def encode_analysis(doc: Document, a: _DocSentences) -> str:
    """One line of ``conflict_analyses.jsonl`` (no newline)."""
    vocab: dict[str, int] = {}

    def v(s: str) -> int:
        return vocab.setdefault(s, len(vocab))

    sents = []
    for s, caps in zip(a.sents, a.caps):
        toks = [x for t in s.tokens for x in (t.start, t.end, v(t.key))]
        qs = [[_num(q.value), _num(q.low), _num(q.high), v(q.unit), v(q.noun), q.first, q.last, q.certainty,
               v(q.qualifier)] for q in s.quantities]
        sents.append([s.start, s.end, s.certainty, int(s.boilerplate), toks, qs,
                      sorted(v(t) for t in s.times), sorted(v(c) for c in caps), sorted(v(c) for c in s.content)])
    lower = sorted(v(w) for w in a.lower)
    return json.dumps({"f": doc.fingerprint, "c": _check(doc), "v": list(vocab), "l": lower, "s": sents},
                      ensure_ascii=False, separators=(",", ":"))


def decode_analysis(doc: Document, line: str | bytes) -> _DocSentences | None:
    """The analysis of ``doc`` stored in ``line``; None when the line is of another document or text."""
    try:
        d = json.loads(line)
        if d["f"] != doc.fingerprint or d["c"] != _check(doc):
            return None
        vocab = d["v"]
        word = vocab.__getitem__
        lower = frozenset(map(word, d["l"]))
        sents, caps = [], []
        for start, end, cert, boiler, toks, qs, times, cap, content in d["s"]:
            if len(toks) % 3:  # a cut list: zip below would drop the partial token silently
                raise IndexError("a token without its key")
            raw = doc.raw[start:end]
            norm = nfkc(raw)
            # Built by C-level maps, not a Python loop calling Token(...): tokens are most of what
            # a first-time question decodes (about 270 a document).
            starts, ends = toks[0::3], toks[1::3]
            keys = tuple(map(word, toks[2::3]))
            tokens = tuple(map(_tuple_new, repeat(Token), zip(map(norm.__getitem__, map(slice, starts, ends)),
                                                               keys, starts, ends)))
            c = frozenset(map(word, cap))
            sents.append(_Sentence(
                0, start, end, raw, norm, tokens, keys, frozenset(map(word, content)), c - lower,
                tuple(Quantity(float(q[0]), float(q[1]), float(q[2]), word(q[3]), word(q[4]), q[5], q[6], q[7],
                               word(q[8])) for q in qs),
                cert, frozenset(map(word, times)), bool(boiler)))
            caps.append(c)
        return _DocSentences(tuple(sents), tuple(caps), lower)
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def _aligned(path: Path, table: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """The entries of ``table`` that span one whole line of ``path``. A table saved by one process
    over lines another one wrote (before appends were locked) pointed into the middle of lines: a
    quarter of a 10,000-article archive's entries were, and each question analysed those documents
    again. Dropped here, they are appended afresh by the next ``update``."""
    if not table:
        return table
    with open(path, "rb") as f:
        fd = f.fileno()
        return {k: (o, n) for k, (o, n) in table.items()
                if (o == 0 or os.pread(fd, 1, o - 1) == b"\n") and os.pread(fd, 1, o + n) == b"\n"}


class StoredAnalyses:
    """The analyses stored in one index directory. ``get`` may be called from any thread."""

    def __init__(self, directory: str | Path):
        self.dir = Path(directory)
        self._lock = threading.Lock()
        self.table: dict[str, tuple[int, int]] = {}
        self.written = 0  # documents analysed and appended by this object (for the benchmarks)
        self._unsaved = False  # lines appended by ``add`` that the saved table does not list yet
        try:
            t = json.loads((self.dir / ANALYSES_TABLE).read_text("utf-8"))
            size = (self.dir / ANALYSES_FILE).stat().st_size
            if t.get("format") == _FORMAT and t.get("recipe") == _recipe():
                self.table = _aligned(self.dir / ANALYSES_FILE, {
                    k: (int(o), int(n)) for k, (o, n) in t["docs"].items() if int(o) + int(n) <= size})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.table = {}  # none yet, or unreadable: everything is analysed again

    def get(self, doc: Document) -> _DocSentences | None:
        at = self.table.get(doc.fingerprint)
        if at is None:
            return None
        try:
            with open(self.dir / ANALYSES_FILE, "rb") as f:
                f.seek(at[0])
                line = f.read(at[1])
        except OSError:
            return None
        return decode_analysis(doc, line)

    def update(self, docs: Sequence[Document], analyse: Callable[[Document], _DocSentences]) -> int:
        """Store the analyses of ``docs`` the file lacks and forget those of other documents;
        returns how many were made. Errors writing are the caller's (a cache: it may warn)."""
        with self._lock:
            unique = {d.fingerprint: d for d in docs}
            missing = [d for k, d in unique.items() if k not in self.table]
            dropped = [k for k in self.table if k not in unique]
            if not missing and not dropped:
                if self._unsaved:
                    self._save_table()
                return 0
            for k in dropped:
                del self.table[k]
            path = self.dir / ANALYSES_FILE
            size = path.stat().st_size if path.exists() else 0
            used = sum(n + 1 for _, n in self.table.values())
            if size - used > max(used, _COMPACT_BYTES):
                self._compact(path)
            made = self._append(missing, analyse)
            self.written += made
            self._save_table()
            return made

    def add(self, doc: Document, analysis: _DocSentences) -> None:
        """Store an analysis made elsewhere (the corpus-wide conflict pass analyses every new
        document once; handing it over here spares ``update`` analysing it again once the pass's
        bounded memory has let it go). The table is saved by the next ``update``."""
        with self._lock:
            if doc.fingerprint not in self.table:
                self._append([doc], lambda d: analysis)
                self._unsaved = True

    def _append(self, docs: Sequence[Document], analyse: Callable[[Document], _DocSentences]) -> int:
        """Append the lines of ``docs`` (this object's lock held); returns how many were written."""
        path = self.dir / ANALYSES_FILE
        self.dir.mkdir(parents=True, exist_ok=True)
        with open(path, "a+b") as f:
            # Another process appending at the same time (two starts of one index) would move our
            # lines past what we counted: the offsets are read under an exclusive lock instead.
            if fcntl is not None:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX)
            size = f.seek(0, os.SEEK_END)
            if size and os.pread(f.fileno(), 1, size - 1) != b"\n":
                f.write(b"\n")  # a line cut short by a crash: ours start on a line of their own
                size += 1
            for d in docs:
                line = encode_analysis(d, analyse(d)).encode("utf-8")
                f.write(line + b"\n")
                self.table[d.fingerprint] = (size, len(line))
                size += len(line) + 1
            f.flush()  # before the lock is let go
        return len(docs)

    def _compact(self, path: Path) -> int:
        """Rewrite the file with the live lines only; returns its new size."""
        tmp = path.with_name(f".{path.name}.tmp")
        table, at = {}, 0
        with open(path, "rb") as src, open(tmp, "wb") as out:
            for k, (o, n) in sorted(self.table.items(), key=lambda kv: kv[1][0]):
                src.seek(o)
                out.write(src.read(n) + b"\n")
                table[k] = (at, n)
                at += n + 1
        # The table first names nothing, so that a crash between the two renames loses the cache,
        # not its correctness (a line is checked against its document anyway).
        self.table = {}
        self._save_table()
        os.replace(tmp, path)
        self.table = table
        return at

    def _save_table(self) -> None:
        self._unsaved = False
        tmp = self.dir / f".{ANALYSES_TABLE}.tmp"
        tmp.write_text(json.dumps({"format": _FORMAT, "recipe": _recipe(),
                                   "docs": {k: list(v) for k, v in self.table.items()}}), "utf-8")
        os.replace(tmp, self.dir / ANALYSES_TABLE)
