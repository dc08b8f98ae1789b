"""Lexical side: one tokenizer for indexing and querying, and BM25 via bm25s."""
from __future__ import annotations

import threading
from functools import lru_cache

from .models import cached_model
from .text import words

__all__ = ["tokenize", "stopwords"]

_STEMMER_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def _stem(tokens: list[str]) -> list[str]:
    stemmer = cached_model("stemmer:english", _stemmer)
    with _STEMMER_LOCK:  # PyStemmer objects are not safe to share between threads
        return stemmer.stemWords(tokens)


def tokenize(text: str) -> list[str]:
    """NFKC, case-folded, stop words dropped, Snowball-stemmed. Possessives are cut
    ("Samsung's" -> "samsung") so that they match the bare name."""
    stop = stopwords()
    toks = []
    for w in words(text):
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        if w and w not in stop:
            toks.append(w)
    return _stem(toks)
