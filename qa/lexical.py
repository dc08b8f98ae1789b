"""Lexical side: one tokenizer for indexing and querying, and BM25 via bm25s."""
from __future__ import annotations

import threading
from functools import lru_cache

from .text import words

__all__ = ["tokenize", "stopwords"]

_STEMMER_LOCK = threading.Lock()
_STEMMER = None


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


def _stem(tokens: list[str]) -> list[str]:
    global _STEMMER
    with _STEMMER_LOCK:  # PyStemmer objects are not safe to share between threads
        if _STEMMER is None:
            import Stemmer

            _STEMMER = Stemmer.Stemmer("english")
        return _STEMMER.stemWords(tokens)


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
