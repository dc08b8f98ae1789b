"""Sentences of a corpus analysed once for conflict detection (``qa.conflicts.claims`` on every content
sentence): tokens, names, figures, certainty and time frames, plus the similarity matrix the
pairwise rules start from. Shared by the corpus-wide rules (``qa.conflicts.rules``) and the
question-aware path (``qa.conflicts.question``).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .claims import (
    STOPWORDS,
    UNIT_WORDS,
    Quantity,
    Token,
    certainty,
    is_date_token,
    quantities,
    stem,
    time_frames,
    tokenize,
)
from ..ingest.corpus import Document
from ..ingest.text import is_heading, nfkc, sentence_spans

Encoder = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class _Sentence:
    doc: int
    start: int
    end: int
    raw: str
    norm: str
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    content: frozenset[str]
    names: frozenset[str]
    quantities: tuple[Quantity, ...]
    certainty: int
    times: frozenset[str]
    boilerplate: bool  # "Retrieved 3 May 2020", "Archived from the original on ...", a list's heading


_BOILERPLATE = re.compile(r"\b(?:retrieved|archived|accessed)\b(?: \w+){0,4} (?:\d{1,2} )?"
                          r"(?:january|february|march|april|may|june|july|august|september|october|"
                          r"november|december|\d{4})", re.IGNORECASE)



@dataclass(frozen=True)
class _DocSentences:
    """One document's content sentences, analysed on their own. Only which capitalised words are
    names depends on other documents (a word any of them writes in lower case is none), so a pair
    or a corpus re-reads ``caps`` against its joint vocabulary instead of re-analysing."""

    sents: tuple[_Sentence, ...]
    caps: tuple[frozenset[str], ...]  # capitalised candidate names, per sentence
    lower: frozenset[str]  # every word the document writes in lower case


def _analyse(doc: Document) -> _DocSentences:
    """Every content sentence of ``doc`` with at least four words (``doc`` field 0, names read
    against this document's own vocabulary)."""
    spans: list[tuple[int, int, str, list[Token]]] = []
    lower: set[str] = set()
    for a, b in doc.content:
        for s, e in sentence_spans(doc.raw, a, b):
            norm = nfkc(doc.raw[s:e])
            toks = tokenize(norm)
            if sum(1 for t in toks if t.key.isalpha()) < 4:
                continue  # headings, bylines, bullets: too short to state a claim
            lower.update(_lower_keys(toks))
            spans.append((s, e, norm, toks))
    sents, caps = [], []
    for s, e, norm, toks in spans:
        sent, cap = _sentence(doc.raw, s, e, norm, toks, lower)
        sents.append(sent)
        caps.append(cap)
    return _DocSentences(tuple(sents), tuple(caps), frozenset(lower))


def capitals(toks: Sequence[Token]) -> frozenset[str]:
    """A sentence's capitalised candidate names (read against a vocabulary, they are its names)."""
    return frozenset(t.key for t in toks if t.text[:1].isupper() and t.key not in STOPWORDS
                     and not is_date_token(t) and t.key not in UNIT_WORDS)


def _lower_keys(toks: Sequence[Token]):
    return (t.key for t in toks if t.text.islower())


def _sentence(raw: str, s: int, e: int, norm: str, toks: list[Token],
              lower: frozenset[str] | set[str]) -> tuple[_Sentence, frozenset[str]]:
    """One sentence of ``_analyse`` and its capitalised candidate names: everything but ``names``
    is read from the sentence alone, so the pair step can analyse just the sentences it needs
    (``sentence_at``) and get the very objects a whole-document analysis makes."""
    keys = tuple(t.key for t in toks)
    cap = capitals(toks)
    content = frozenset(stem(k) for k in keys if k.isalpha() and k not in STOPWORDS)
    return _Sentence(0, s, e, raw[s:e], norm, tuple(toks), keys, content, cap - lower,
                     tuple(quantities(toks, norm)), certainty(list(keys)), time_frames(toks),
                     bool(_BOILERPLATE.search(norm)) or _list_heading(raw, s, e)), cap


def _list_heading(raw: str, s: int, e: int) -> bool:
    """A line of its own ending in a colon ("The Doobie Brothers 50th Anniversary Tour 2020
    dates:"): it heads a list or a quote and claims nothing itself."""
    return raw[s:e].rstrip().endswith(":") and is_heading(raw, s, e)


def sentence_at(doc: Document, start: int, end: int) -> tuple[_Sentence, frozenset[str]]:
    """The sentence of ``doc`` at raw offsets ``start``..``end`` (one of ``_analyse``'s) and its
    capitalised words; its ``names`` are left to the caller, who reads ``caps`` against the
    vocabulary of the documents compared (``_joint``)."""
    norm = nfkc(doc.raw[start:end])
    return _sentence(doc.raw, start, end, norm, tokenize(norm), frozenset())


def lower_words(doc: Document, spans) -> frozenset[str]:
    """The ``lower`` of ``_analyse(doc)`` from its sentences' raw (start, end) alone."""
    out: set[str] = set()
    for s, e in spans:
        out.update(_lower_keys(tokenize(nfkc(doc.raw[s:e]))))
    return frozenset(out)


def _joint(parts: Sequence[_DocSentences]) -> list[_Sentence]:
    """The sentences of several analysed documents in order, ``doc`` numbered by position, names
    re-read against the joint vocabulary: a name is a capitalised word none of the documents
    writes in lower case ("Anthropic", not "The")."""
    # Asked about the capitalised words only: a document may hold its words as hashes
    # (qa.conflicts.pair_reader.LowerWords).
    vocab = common_words(frozenset().union(*(c for p in parts for c in p.caps)), [p.lower for p in parts])
    out = []
    for di, p in enumerate(parts):
        for s, cap in zip(p.sents, p.caps):
            out.append(_with(s, doc=di, names=cap - vocab))
    return out


def common_words(words: Iterable[str], lowers: Sequence) -> frozenset[str]:
    """Those of ``words`` that one of ``lowers`` (sets of the words a document writes in lower
    case: frozensets, or anything with ``holds(words)`` giving a mask) holds."""
    words = list(words)
    hit = np.zeros(len(words), bool)
    for lower in lowers:
        hit |= lower.holds(words) if hasattr(lower, "holds") else np.fromiter(
            (w in lower for w in words), dtype=bool, count=len(words))
    return frozenset(w for w, h in zip(words, hit.tolist()) if h)


def _with(s: _Sentence, **changes) -> _Sentence:
    """``dataclasses.replace(s, **changes)`` without its generic field walk and checks: the pair
    step makes one a sentence a pair (names read against the pair, or a copy's offsets),
    hundreds of thousands on a large corpus."""
    out = object.__new__(_Sentence)
    out.__dict__.update(s.__dict__)
    out.__dict__.update(changes)
    return out


def _similarity(sents: list[_Sentence]) -> np.ndarray:
    """Cosine of the sentences' IDF-weighted content words, every pair."""
    vocab: dict[str, int] = {}
    rows = []
    for s in sents:
        rows.append([vocab.setdefault(w, len(vocab)) for w in s.content])
    df = np.zeros(len(vocab), dtype=np.float32)
    for r in rows:
        df[r] += 1
    idf = np.log((1 + len(sents)) / (1 + df)) + 1
    mat = np.zeros((len(sents), len(vocab)), dtype=np.float32)
    for i, r in enumerate(rows):
        mat[i, r] = idf[r]
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    mat /= np.where(norms == 0, 1, norms)
    return mat @ mat.T

