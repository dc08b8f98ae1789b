"""Lexical side: one tokenizer for indexing and querying, and BM25 via bm25s."""
from __future__ import annotations

import math
import re
import threading
from functools import lru_cache

import numpy as np

from ..models import cached_model
from ..ingest.text import words

__all__ = ["tokenize", "stopwords", "question_terms", "sentence_tokens", "idf_table"]

_STEMMER_LOCK = threading.Lock()


# bm25s 0.3.16's STOPWORDS_EN, pinned: every stored index was tokenized with them, and reading the
# stop list from bm25s imported bm25s and scipy (0.48 s of a cold start).
_STOPWORDS_EN = frozenset(("a an and are as at be but by for if in into is it no not of on or such that the their "
                           "then there these they this to was will with").split())


def stopwords() -> frozenset[str]:
    return _STOPWORDS_EN


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
            site = _DOMAIN.match(w) if "." in w else None
            if site:
                toks.append(site.group(1))  # "en.wedoany.com" is also "wedoany", as users write it
    return _stem(toks)


# A web address: its site name is the label before the top-level domain.
_DOMAIN = re.compile(r"^(?:[a-z0-9-]+\.)*?([a-z][a-z0-9-]{2,})\.(?:(?:co|com|or|ne|ac|go)\.)?(?:com|net|org|io|ai|co|"
                     r"news|info|biz|tv|kr|cn|jp|uk|de|fr|in|tw|hk|sg|eu|us)$")


# A contraction goes with its wh-word: "What's" left a term "s" that no sentence has (possessives are
# cut), missing from every passage read.
_WH = re.compile(r"\b(?:how\s+(?:many|much|long|large|big|old|far|often|high|tall|soon|fast)|what|which|who|whom|whose|when|where|"
                 r"why|how)(?:['’](?:s|re|ve|d|ll)\b)?\b", re.I)


def question_terms(question: str) -> list[str]:
    """The question's content terms: wh-words and "how large"-style phrases name the kind of
    answer, not its subject, so a sentence is not rewarded for repeating them. (Words of the
    present, "now", "currently", are kept: leaving them out lost "Donald Tusk" for "Who is
    currently the President of the Council?" on SQuAD and fixed no answer on the seeds.)"""
    return [t for t in tokenize(_WH.sub(" ", question)) if t not in _FUNCTION]


# Function words the BM25 stop list keeps (stemmed forms) but which say nothing about a subject.
_FUNCTION = frozenset("did doe do done from about into onto upon than then also ani some such veri can could would should may might must will shall has have had been be is was were are whi".split())


@lru_cache(maxsize=8192)
def sentence_tokens(sentence: str) -> tuple[str, ...]:
    """The sentence's tokens, cached: candidates recur from question to question."""
    return tuple(tokenize(sentence))


def idf_table(data):
    """IDF of a stemmed term over the index's chunks, from the BM25 matrix (no extra pass)."""
    bm25 = data.bm25
    vocab = bm25.vocab_dict
    indptr = np.asarray(bm25.scores["indptr"])
    n = max(1, int(bm25.scores.get("num_docs", len(data.chunks))))
    df = np.diff(indptr)  # one column per term (bm25s's empty-token entry may have none)

    def idf(term: str) -> float:
        t = vocab.get(term)
        f = int(df[t]) if t is not None and t < len(df) else 0
        return math.log(1 + (n - f + 0.5) / (f + 0.5))

    return idf
