"""The article text that holds a question's words, found through the lexical index.

Reading a caseless question ("who makes meta's mtia chips") needs each word's usual form in the
corpus, and reading a description ("the Claude maker") needs the names the articles link to it.
Both were counted over every article on the first such question: 14.9 s for the first question typed
in small letters at 10,000 articles (the cased questions of the archive benchmark never paid it).
Only the question's own words matter, and every occurrence of a word that is not a stop word lies
in a chunk the BM25 index lists under the word's term: counting over those chunks gives the same
figures as counting over every article, at the cost of the chunks read. A word in more than ``cap``
chunks (a common word; never a name of the seeds) is counted over ``cap`` of them spread evenly
over the list, which give its usual form as surely; a stop word, which the lexical index does not
list, over ``cap`` chunks spread over the index. A word's count does not depend on the question, so it is kept (``held``
words): a question pays for the words no question used before.
"""
from __future__ import annotations

import bisect
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping

import numpy as np

from ..indexing.lexical import stopwords, tokenize
from .truecase import forms_of, restore_accents

__all__ = ["CorpusWords"]


class CorpusWords:
    """The parts of an index's articles that hold given words, as the content spans (title,
    paragraphs) a count over every article reads: a chunk's part of each span (``pieces``, for the
    case forms) or the spans whole and once (``texts``, for description links)."""

    def __init__(self, data, docs: Mapping, cap: int = 64, held: int = 50_000,
                 accents: Callable[[], Mapping[str, str]] | None = None):
        self.data = data
        self.docs = docs
        self.cap = cap
        self.held = held
        self.accents = accents  # the lexical index's accented words by their plain form
        self._vocab: list[str] | None = None
        self._forms: OrderedDict[tuple[str, str], Counter] = OrderedDict()
        self._lock = threading.Lock()

    def term_chunks(self, term: str) -> list[int]:
        """The chunk rows the lexical index lists under a (stemmed) term: ``cap`` of them at most,
        evenly spread over the list."""
        bm25 = self.data.bm25
        vocab = bm25.vocab_dict if bm25 is not None else {}
        tid = vocab.get(term)
        if tid is None:
            return []
        indptr, indices = bm25.scores["indptr"], bm25.scores["indices"]
        return self._spread(np.sort(np.asarray(indices[int(indptr[tid]) : int(indptr[tid + 1])])))

    def _spread(self, rows: np.ndarray) -> list[int]:
        """``cap`` of the rows at most, evenly spread: over the whole index, not its first articles."""
        if len(rows) > self.cap:
            rows = rows[np.linspace(0, len(rows) - 1, self.cap).round().astype(np.int64)]
        return rows.tolist()

    def chunks_of(self, text: str) -> list[int]:
        """Chunk rows holding any term of the text (``cap`` a term at most), in index order."""
        rows: set[int] = set()
        if self.accents is not None:  # "jalapeno": the index has "jalapeño"
            text = restore_accents(text, self.accents())
        for term in dict.fromkeys(tokenize(text)):
            rows.update(self.term_chunks(term))
        return sorted(rows)

    def word_chunks(self, word: str, run: str) -> list[int]:
        """The chunks a word's forms are counted over: those holding it or the run of text it was
        typed in (``truecase.question_words``); for a stop word, which the lexical index does not
        list, ``cap`` chunks spread over the index."""
        if word in stopwords():
            return self._spread(np.arange(len(self.data.chunks)))
        return sorted(set(self.chunks_of(word)) | set(self.chunks_of(run)))

    def forms(self, words: Mapping[str, str]) -> dict[str, Counter]:
        """Each word's written forms (folded small letters -> Counter of forms), as a case map of
        the whole corpus counts them (``qa.reading.truecase.forms_of``); ``words``: word -> the run
        of text it was typed in."""
        out = {}
        for word, run in words.items():
            key = (word, run.lower())
            with self._lock:
                got = self._forms.get(key)
                if got is not None:
                    self._forms.move_to_end(key)
            if got is None:
                got = forms_of({word}, self.pieces(self.word_chunks(word, run))).get(word, Counter())
                with self._lock:
                    self._forms[key] = got
                    while len(self._forms) > self.held:
                        self._forms.popitem(last=False)
            out[word] = got
        return out

    def terms_from(self, prefix: str, longer_by: int) -> list[str]:
        """Terms of the lexical index that start with ``prefix`` and are at most ``longer_by``
        letters longer ("korea", "korean" for "kore")."""
        if self._vocab is None:  # two threads may both sort it: the same list
            self._vocab = sorted(self.data.bm25.vocab_dict) if self.data.bm25 is not None else []
        at = bisect.bisect_left(self._vocab, prefix)
        out = []
        while at < len(self._vocab) and self._vocab[at].startswith(prefix):
            if len(self._vocab[at]) - len(prefix) <= longer_by:
                out.append(self._vocab[at])
            at += 1
        return out

    def _spans(self, rows: Iterable[int]):
        """(doc index, raw text, span start, span end, chunk start, chunk end) for each content span
        each chunk row overlaps."""
        rows = list(rows)
        if not rows:
            return
        starts: dict[int, list[int]] = {}
        for d, start, end in np.asarray(self.data.chunks[np.asarray(rows, dtype=np.int64)]).tolist():
            doc = self.docs[self.data.doc_ids[d]]
            if d not in starts:
                starts[d] = [a for a, _ in doc.content]
            for a, b in doc.content[max(0, bisect.bisect_right(starts[d], start) - 1):]:
                if a >= end:
                    break
                if b > start:
                    yield d, doc.raw, a, b, start, end

    def pieces(self, rows: Iterable[int]) -> list[tuple[str, int, int, int, int]]:
        """The chunk rows as pieces of their content spans (``truecase.forms_of``): ``(raw, a, b,
        lo, hi)``, the article's text, the span ``a:b`` and the chunk's part ``lo:hi`` of it."""
        return [(raw, a, b, max(a, start), min(b, end)) for _, raw, a, b, start, end in self._spans(rows)]

    def texts(self, rows: Iterable[int]) -> list[str]:
        """The content spans the chunk rows overlap, each once."""
        seen: dict[tuple[int, int], str] = {}
        for d, raw, a, b, _, _ in self._spans(rows):
            if (d, a) not in seen:
                seen[(d, a)] = raw[a:b]
        return list(seen.values())
