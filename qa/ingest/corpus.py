"""Reading articles: raw text kept byte-for-byte, metadata, and the spans that are content.

Page furniture (share buttons, disclaimers, social link lists, copyright lines) is left out of the
``content`` spans; the raw text itself is never altered, so offsets into it stay valid.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
import unicodedata
import warnings
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Callable

from ..errors import ArticleChangedError, BadDocumentError, EmptyCorpusError
from .extract import EXTRACTED_SUFFIXES, extract, suffix_of
from .text import line_spans

__all__ = ["Document", "StoredDocument", "SkippedFileWarning", "DuplicateArticleWarning", "load_corpus", "read_document",
           "document_from_bytes", "doc_id_of", "ARTICLE_SUFFIXES", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".md")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + EXTRACTED_SUFFIXES
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class SkippedFileWarning(UserWarning):
    """A file of the corpus was not indexed; the message names it and says why."""


class DuplicateArticleWarning(UserWarning):
    """Two files of the corpus hold the same bytes; both are indexed (embedded once)."""


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: str
    raw: str
    title: str
    date: str | None
    outlet: str | None
    content: tuple[tuple[int, int], ...]  # raw spans that are article content, in order
    fingerprint: str  # sha256 of the file's bytes
    pages: tuple[int, ...] = ()  # a PDF's page starts in ``raw`` (a citation's page: bisect)
    url: str | None = None  # where a saved web page came from

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``offset`` (None: not a paged document)."""
        if not self.pages:
            return None
        return max(1, bisect.bisect_right(self.pages, offset))

    @property
    def chars(self) -> int:
        """The text's length in characters (a StoredDocument knows it without reading the file)."""
        return len(self.raw)

    def __eq__(self, other: object) -> bool:  # a StoredDocument equals the Document read anew
        if not isinstance(other, Document):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(Document))

    def __hash__(self) -> int:
        return hash((self.doc_id, self.fingerprint))

    def __repr__(self) -> str:  # the raw text would drown any traceback
        return f"Document({self.doc_id!r}, title={self.title!r}, chars={self.chars})"


class StoredDocument(Document):
    """A Document of an index whose text is read from its file when first used: a cold start
    stats each article instead of reading it (at 10,000 articles, cold start median 3.14 -> 2.46 s,
    README's archive section), and a question reads the few articles it cites. Everything else comes from the index's
    document table. The text read must have the stored length and fingerprint; otherwise the file
    changed after the freshness check and ArticleChangedError says so (the caller refreshes)."""

    @classmethod
    def from_table(cls, doc_id: str, path: str, chars: int, title: str, date: str | None,
                   outlet: str | None, content: tuple[tuple[int, int], ...], fingerprint: str) -> "StoredDocument":
        self = object.__new__(cls)
        for name, value in (("doc_id", doc_id), ("path", path), ("title", title), ("date", date),
                            ("outlet", outlet), ("content", content), ("fingerprint", fingerprint),
                            ("pages", ()), ("url", None), ("_chars", chars)):
            object.__setattr__(self, name, value)
        return self

    def __getattr__(self, name: str):
        # Called only for attributes not set: ``raw`` until the file is read.
        if name != "raw" or "_chars" not in self.__dict__:
            raise AttributeError(name)
        with open(self.path, "rb") as f:
            data = f.read()
        try:
            raw = decode_article(data, os.path.basename(self.path))
        except BadDocumentError:
            raise ArticleChangedError(self.path) from None
        if len(raw) != self._chars or hashlib.sha256(data).hexdigest() != self.fingerprint:
            raise ArticleChangedError(self.path)
        object.__setattr__(self, "raw", raw)
        return raw

    @property
    def chars(self) -> int:
        return self._chars if "_chars" in self.__dict__ else len(self.raw)


# Lines that are page chrome, matched on the NFKC, case-folded line without leading bullets.
_UI_LINE = re.compile(
    r"^(?:favou?rite|likes?|share|comments?|repost|reward|pinned|add a comment|no comments|"
    r"view original|post-image|read more|subscribe|follow us|print|email|tweet|save|report)$"
)
_FURNITURE = [
    re.compile(p)
    for p in (
        r"^this page may contain third-party content",
        r"^this (?:bulletin|article) is compiled and reposted",
        r"copyright|all rights reserved|^©|\(c\) \d{4}",
        r"^copying, redistribution",
        r"unauthori[sz]ed use in ai training",
        r"^\(photo:.*\)$",
        r"^click to learn about",
        r"^welcome to join the official",
        r"^(?:telegram|twitter|facebook|linkedin|youtube|instagram|discord|weibo|wechat)\b[^.]*:\s*https?://",
        r"^https?://\S+$",
        r"^@\w+$",
        r"^#\w+$",
    )
]

_DATE_ISO = re.compile(r"\b(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?\b")
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE_LONG = re.compile(rf"\b(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}\b", re.IGNORECASE)
_OUTLET_PATTERNS = [
    re.compile(r"^([A-Za-z0-9.-]+\.(?:com|net|org|news|io|co\.[a-z]{2}|[a-z]{2}))\s+reported\b", re.I),
    re.compile(r"^(?:source|from|via)\s*[:：]\s*([^\n|]{2,60})$", re.I),
    re.compile(r"official ([A-Z][\w.]+) community"),
    re.compile(r"job openings at ([A-Z][\w.]+)"),
    re.compile(r"endorsement of its views by ([A-Z][\w.]+)"),
]


def is_furniture(line: str) -> bool:
    """Whether a stripped line is page furniture rather than article content."""
    norm = unicodedata.normalize("NFKC", line).strip()
    if not any(ch.isalnum() for ch in norm):
        return True  # separators, lone symbols such as ※
    low = norm.casefold().lstrip("•·*-–— \t").strip()
    if _UI_LINE.match(low):
        return True
    return any(p.search(low) for p in _FURNITURE)


def _find_date(lines: list[str]) -> str | None:
    for line in lines[:6]:
        m = _DATE_ISO.search(line)
        if m:
            return m.group(0)
    for line in lines[:6]:
        m = _DATE_LONG.search(line)
        if m:
            return m.group(0)
    return None


def _find_outlet(lines: list[str]) -> str | None:
    for pattern in _OUTLET_PATTERNS:
        for line in lines:
            m = pattern.search(unicodedata.normalize("NFKC", line).strip())
            if m:
                return m.group(1).strip().rstrip(".")
    return None


def parse_document(doc_id: str, raw: str, path: str = "", fingerprint: str | None = None) -> Document:
    """Build a Document from text already read (used for files and for uploads)."""
    if not raw.strip():
        raise BadDocumentError(f"{path or doc_id}: the file is empty; add the article's text.")
    spans = line_spans(raw)
    lines = [raw[a:b] for a, b in spans]
    content = tuple(s for s, line in zip(spans, lines) if not is_furniture(line))
    if not content:
        raise BadDocumentError(f"{path or doc_id}: no article text, only page furniture.")
    # A byte-order mark stays in the raw text (offsets) but is no part of the title.
    title = unicodedata.normalize("NFKC", lines[0]).replace("\ufeff", "").strip()
    fp = fingerprint or hashlib.sha256(raw.encode("utf-8")).hexdigest()
    return Document(doc_id, path, raw, title, _find_date(lines), _find_outlet(lines), content, fp)


def decode_article(data: bytes, name: str) -> str:
    """Decode an article's bytes, or raise BadDocumentError saying what is wrong with it."""
    if b"\x00" in data[:8192]:
        raise BadDocumentError(f"{name}: looks binary (NUL bytes); save the article as UTF-8 text.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadDocumentError(
            f"{name}: not valid UTF-8 (byte {exc.start}); re-save the article as UTF-8."
        ) from None


def doc_id_of(name: str) -> str:
    """A file's id: its name without the article suffix ("page.html.gz" -> "page")."""
    suffix = suffix_of(name) or os.path.splitext(name)[1]
    return name[: len(name) - len(suffix)] if suffix and name.lower().endswith(suffix) else name


def document_from_bytes(data: bytes, name: str, path: str = "", max_bytes: int = DEFAULT_MAX_BYTES,
                        extracted_dir: Path | None = None) -> Document:
    """A Document from a file's bytes: text as it is; a web page or PDF by its extracted article
    (reused from ``extracted_dir`` when this file's bytes were extracted before)."""
    fingerprint = hashlib.sha256(data).hexdigest()
    if suffix_of(name) is None:
        return parse_document(doc_id_of(name), decode_article(data, name), path, fingerprint)
    cached = extracted_dir / f"{fingerprint}.json" if extracted_dir is not None else None
    got = None
    if cached is not None and cached.exists():
        try:
            got = json.loads(cached.read_text("utf-8"))
        except (OSError, ValueError):
            got = None  # damaged: extract again
    if got is None:
        ex = extract(data, name, max_bytes)
        got = {"text": ex.text, "outlet": ex.outlet, "url": ex.url, "pages": list(ex.pages)}
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(got, ensure_ascii=False), "utf-8")
            os.replace(tmp, cached)
    doc = parse_document(doc_id_of(name), got["text"], path, fingerprint)
    return replace(doc, outlet=got.get("outlet") or doc.outlet, url=got.get("url"), pages=tuple(got.get("pages") or ()))


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, extracted_dir: Path | None = None) -> Document:
    size = path.stat().st_size
    if size > max_bytes:
        raise BadDocumentError(
            f"{path.name}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.1f} MB limit per "
            "article; split it or raise max_file_bytes."
        )
    return document_from_bytes(path.read_bytes(), path.name, str(path), max_bytes, extracted_dir)


def load_corpus(directory: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
                extracted_dir: str | Path | None = None,
                known: dict[str, tuple[int, int, Document | Callable[[str], Document | None]]] | None = None,
                ) -> list[Document]:
    """Read every article of ``directory`` (not recursive: .txt, .md, and web pages and PDFs by
    their extracted text, kept in ``extracted_dir`` when given), sorted by id.

    ``known``: file name -> (size, mtime_ns, Document) of files read before; a file whose size and
    modification time are unchanged is not read again (the caller leaves out files modified too
    close to when they were read, whose time stamp may not show a later write). In place of the
    Document, a function that makes it from the path more cheaply than reading it anew (None: read).

    Unreadable files are skipped with a SkippedFileWarning naming them; an empty result is an error.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise EmptyCorpusError(str(directory), "it does not exist or is not a directory")
    docs: dict[str, Document] = {}
    # scandir: one stat a known file and names sorted as strings (Path objects and their
    # comparisons cost ~0.5 s a sync at 10,000 articles).
    with os.scandir(directory) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        if not entry.name.lower().endswith(ARTICLE_SUFFIXES) or not entry.is_file():
            continue
        path = entry.path  # a str: Path objects for 10,000 files cost ~0.1 s of a cold start
        try:
            seen = known.get(entry.name) if known else None
            if seen is not None:
                st = entry.stat()
                doc = seen[2] if (st.st_size, st.st_mtime_ns) == seen[:2] else None
                if doc is not None and not isinstance(doc, Document):
                    doc = doc(path)
            if seen is None or doc is None:
                doc = read_document(Path(path), max_bytes, Path(extracted_dir) if extracted_dir else None)
        except (BadDocumentError, OSError) as exc:
            warnings.warn(f"skipped {path}: {exc}", SkippedFileWarning, stacklevel=2)
            continue
        if doc.doc_id in docs:
            warnings.warn(
                f"skipped {path}: another file already has the id {doc.doc_id!r}; rename one.",
                SkippedFileWarning,
                stacklevel=2,
            )
            continue
        docs[doc.doc_id] = doc
    if not docs:
        raise EmptyCorpusError(str(directory))
    first: dict[str, Document] = {}
    for doc in sorted(docs.values(), key=lambda d: d.doc_id):
        other = first.setdefault(doc.fingerprint, doc)
        if other is not doc:
            warnings.warn(
                f"{Path(doc.path).name} is a copy of {Path(other.path).name} (same bytes); both are "
                "indexed, so answers may cite both: delete one if it is not needed.",
                DuplicateArticleWarning,
                stacklevel=2,
            )
    return [docs[k] for k in sorted(docs)]
