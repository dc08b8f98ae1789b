"""Articles as people save them: web pages (.html, .htm, .html.gz) and PDFs, turned into the text
a Document is made of.

A web page's article body comes from trafilatura (the reference of the article-extraction
benchmarks: F1 .958 there; measured here by ``python -m qa.bench.extraction``), without navigation,
comments and related links, with its title, date, site name and URL. A PDF's text comes from pypdf,
page by page: words split by a hyphen at a line end are joined, lines that repeat at the top or
bottom of most pages (running headers, footers, page numbers) are dropped, and the offset where each
page starts is kept so that a citation can name its page.

The extracted text is what gets cited: the caller stores it beside the index under the file's
fingerprint (``load_corpus(..., extracted_dir=...)``) and reuses it, so a document never changes
under its citations because an extractor was upgraded.
"""
from __future__ import annotations

import gzip
import io
import re
from collections import Counter
from dataclasses import dataclass

from ..errors import BadDocumentError

__all__ = ["Extracted", "EXTRACTED_SUFFIXES", "extract", "suffix_of"]

EXTRACTED_SUFFIXES = (".html.gz", ".html", ".htm", ".pdf")
# A .gz page may hold at most this many times its own size, and never more than the per-file
# limit: a zip bomb is refused before it fills the memory.
_GZ_RATIO = 50


@dataclass(frozen=True)
class Extracted:
    text: str  # "title\\ndate\\n\\nbody": the article format of a .txt file
    outlet: str | None = None
    url: str | None = None
    pages: tuple[int, ...] = ()  # PDF: offset in ``text`` where each page starts


def suffix_of(name: str) -> str | None:
    """The article suffix of a file name (".html.gz" counts whole), None if not one of ours."""
    low = name.lower()
    if not low.endswith(EXTRACTED_SUFFIXES):  # one call for the plain-text articles of an archive
        return None
    return next((s for s in EXTRACTED_SUFFIXES if low.endswith(s)), None)


def extract(data: bytes, name: str, max_bytes: int) -> Extracted:
    """The article in a web page or PDF's bytes, or BadDocumentError saying what is wrong."""
    suffix = suffix_of(name)
    if suffix == ".pdf":
        return _pdf(data, name)
    if suffix == ".html.gz":
        data = _gunzip(data, name, max_bytes)
    if suffix is None:
        raise BadDocumentError(f"{name}: not a web page or PDF ({', '.join(EXTRACTED_SUFFIXES)})")
    return _html(data, name)


def _gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    limit = min(max_bytes, max(len(data), 1) * _GZ_RATIO)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError) as exc:
        raise BadDocumentError(f"{name}: not a readable .gz file ({exc}); save the page uncompressed.") from None
    if len(out) > limit:
        raise BadDocumentError(
            f"{name}: unpacks to more than {limit / 1e6:.1f} MB (a compression bomb, or a page too large "
            "to be an article); save the article page itself.")
    return out


def _html(data: bytes, name: str) -> Extracted:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(data, include_comments=False, include_tables=False,
                                          with_metadata=True, favor_precision=False)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise BadDocumentError(f"{name}: the page could not be parsed ({type(exc).__name__}).") from None
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(body.split()) < 30:
        raise BadDocumentError(
            f"{name}: no article body found (an index page, a login wall or a page made by scripts?); "
            "save the article's own page, or its text as .txt.")
    title = " ".join((getattr(doc, "title", None) or "").split()) or name
    date = getattr(doc, "date", None)
    head = [title, date] if date else [title]
    return Extracted("\n".join(head) + "\n\n" + _paragraphs(body) + "\n",
                     getattr(doc, "sitename", None) or getattr(doc, "hostname", None), getattr(doc, "url", None))


def _paragraphs(text: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n") if p.strip())


_HYPHEN = re.compile(r"(\w)-\n(\w)")
_DIGITS = re.compile(r"\d+")


def _pdf(data: bytes, name: str) -> Extracted:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs every oddity of a malformed file; what matters reaches the user as the error below.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise BadDocumentError(f"{name}: the PDF is encrypted; save an unprotected copy.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except BadDocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise BadDocumentError(f"{name}: not a readable PDF ({type(exc).__name__}).") from None
    if not any(p.strip() for p in pages):
        raise BadDocumentError(f"{name}: the PDF has no text layer (a scan?); OCR is not done here, "
                               "save a PDF with text or the article as .txt.")
    lines = [[ln.strip() for ln in _HYPHEN.sub(r"\1\2", p).split("\n")] for p in pages]
    repeated = _running_lines(lines)
    meta = reader.metadata
    title = " ".join(str(getattr(meta, "title", "") or "").split()) if meta else ""
    out, starts = [], []
    body_at = 0
    for page in lines:
        kept = [ln for ln in page if ln and _DIGITS.sub("#", ln) not in repeated]
        text = " ".join(kept)
        if not title and kept:
            title = kept[0][:200]
        starts.append(body_at)
        out.append(text)
        body_at += len(text) + 2
    head = title + "\n\n"
    return Extracted(head + "\n\n".join(out) + "\n", pages=tuple(len(head) + s for s in starts))


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines (digits masked) among the first or last two of most pages: headers, footers, page
    numbers. A one- or two-page document has none worth the risk."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        ends = [ln for ln in page if ln]
        seen.update({_DIGITS.sub("#", ln) for ln in ends[:2] + ends[-2:]})
    return {ln for ln, n in seen.items() if n >= 0.6 * len(pages)}
