"""Adding articles to a corpus folder from an upload: validate, name safely, write atomically.

The file lands in the corpus folder only when it would be indexed as it is; everything wrong
with it is reported as a BadDocumentError whose message says what to fix.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import unicodedata
from pathlib import Path

from ..ingest.corpus import ARTICLE_SUFFIXES, doc_id_of, document_from_bytes
from ..errors import BadDocumentError

__all__ = ["save_upload", "safe_filename", "DEFAULT_UPLOAD_BYTES"]

# News articles are a few KB; a megabyte is already a short book.
DEFAULT_UPLOAD_BYTES = 1024 * 1024
MAX_STEM_CHARS = 80

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WRITE_LOCK = threading.Lock()


def safe_filename(filename: str) -> str:
    """A plain file name for ``filename``: no folders, only [A-Za-z0-9._-], a .txt/.md suffix.

    Raises BadDocumentError when the suffix is not .txt or .md.
    """
    base = str(filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    suffix = next((x for x in sorted(ARTICLE_SUFFIXES, key=len, reverse=True) if base.lower().endswith(x)), "")
    if not suffix:
        shown = base or "(no name)"
        raise BadDocumentError(
            f"{shown}: only articles saved as {', '.join(ARTICLE_SUFFIXES)} can be added; save the "
            "article as plain text (.txt), a web page (.html) or a PDF."
        )
    stem = base[: len(base) - len(suffix)]
    stem = _UNSAFE.sub("_", stem).strip("._-")  # no hidden files, no '..'
    stem = re.sub(r"_{2,}", "_", stem)[:MAX_STEM_CHARS].rstrip("._-")
    return (stem or "article") + suffix


def _existing_stems(corpus: Path) -> dict[str, Path]:
    """Article files of the corpus by lower-cased id (a .txt and a .md with one stem share an id)."""
    out: dict[str, Path] = {}
    for p in corpus.iterdir():
        if p.name.lower().endswith(ARTICLE_SUFFIXES) and p.is_file():
            out.setdefault(doc_id_of(p.name).lower(), p)
    return out


def save_upload(
    corpus_dir: str | Path, filename: str, data: bytes, max_bytes: int = DEFAULT_UPLOAD_BYTES
) -> Path:
    """Validate an uploaded article and write it into ``corpus_dir``; return its path.

    Checks, in order: suffix (.txt/.md), size (1..max_bytes), text (no NUL bytes, UTF-8), and that
    it parses as an article. The name keeps only [A-Za-z0-9._-] of the file's own name (folders and
    ``..`` are dropped). A different article already holding that name is never overwritten: the new
    one gets a ``-2``, ``-3``... suffix. Uploading the same bytes again returns the existing file.
    The write is atomic (temporary file in the folder, then os.replace).
    """
    corpus = Path(corpus_dir)
    if not corpus.is_dir():
        raise BadDocumentError(f"The corpus folder {str(corpus)!r} does not exist; create it first.")
    name = safe_filename(filename)
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("data must be bytes")
    if len(data) == 0:
        raise BadDocumentError(f"{name}: the file is empty; add the article's text.")
    if len(data) > max_bytes:
        raise BadDocumentError(
            f"{name}: {len(data) / 1e6:.2f} MB is over the {max_bytes / 1e6:.2f} MB limit for an "
            "uploaded article; split it into smaller articles."
        )
    # Raises BadDocumentError: not text, empty, only furniture; a page with no article body, a PDF
    # without text or encrypted, a compression bomb.
    document_from_bytes(bytes(data), name, name, max_bytes)
    suffix = next(x for x in sorted(ARTICLE_SUFFIXES, key=len, reverse=True) if name.lower().endswith(x))
    stem = name[: len(name) - len(suffix)]
    digest = hashlib.sha256(data).hexdigest()

    with _WRITE_LOCK:
        taken = _existing_stems(corpus)
        for path in taken.values():
            try:
                if path.stat().st_size == len(data) and hashlib.sha256(path.read_bytes()).hexdigest() == digest:
                    return path  # the same article is already there: nothing to add
            except OSError:
                continue
        candidate, n = stem, 1
        while candidate.lower() in taken:
            n += 1
            candidate = f"{stem}-{n}"
        target = corpus / f"{candidate}{suffix}"
        fd, tmp = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=corpus)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    return target
