"""What the pair step reads of each document, in bounded memory: whole analyses (an LRU counted in
sentences), single sentences analysed alone and kept by text (wire copies share one), each
sentence's capitalised words by text, and each document's lower-case words (a sorted array of
their hashes a document, ~2 KB: a pair asks it about a few capitalised words). A pair needs only
its candidate sentences: an analysis per pair thrashed the LRU (9,737 for 3,000 articles), since
pairs join documents far apart in any order.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from .candidates import DocRecord
from .sentences import _analyse, _DocSentences, _Sentence, _with, lower_words, sentence_at
from ..ingest.corpus import Document

__all__ = ["SentenceReader", "LowerWords"]


class LowerWords:
    """``w in words`` for a set of words held as the sorted array of their hashes (str hashes are
    stable within a process, which is as long as this is held; two words of one hash, 1 in 2**64,
    would read a name as a common word)."""

    __slots__ = ("hashes",)

    def __init__(self, words: Iterable[str]):
        self.hashes = np.unique(np.fromiter((hash(w) for w in words), dtype=np.int64))

    def __contains__(self, word: object) -> bool:
        return bool(self.holds([word])[0])

    def holds(self, words: Sequence[str]) -> np.ndarray:
        """Which of ``words`` are held (one search for all: a pair asks about a few dozen)."""
        h = np.fromiter((hash(w) for w in words), dtype=np.int64, count=len(words))
        if not len(self.hashes):
            return np.zeros(len(h), bool)
        k = np.minimum(self.hashes.searchsorted(h), len(self.hashes) - 1)
        return self.hashes[k] == h

    def __len__(self) -> int:
        return len(self.hashes)


class SentenceReader:
    """Analyses and sentences for ``PairCache``, keyed by document fingerprint or sentence text.
    Not thread-safe: the caller holds the index lock."""

    def __init__(self, budget: int):
        self.budget = budget  # sentences held, analyses and single ones together (~10 KB each)
        self.bounded = True  # False while an exhaustive pass needs every analysis at once
        self.analyses = 0  # documents analysed (again, when the LRU had dropped them)
        self.sentence_analyses = 0  # single sentences analysed for a candidate pair (sentence_at)
        self.analysed: OrderedDict[str, _DocSentences] = OrderedDict()
        self._lru_sentences = 0  # sentences of the analyses in ``analysed``
        self._sentences: OrderedDict[str, tuple[_Sentence, frozenset[str]]] = OrderedDict()
        self._lower: dict[str, LowerWords] = {}
        self._caps: dict[str, frozenset[str]] = {}
        # Called with each document analysed (qa.api hands them to the stored analyses, which
        # would otherwise analyse again every document this bounded memory has let go).
        self.on_analysis: Callable[[Document, _DocSentences], None] | None = None

    def forget(self, live: set[str]) -> None:
        """Drop what belongs to documents (fingerprints) no longer in the corpus."""
        for k in [k for k in self.analysed if k not in live]:
            self._lru_sentences -= len(self.analysed.pop(k).sents)
        self._lower = {k: v for k, v in self._lower.items() if k in live}

    def analysis(self, doc: Document) -> _DocSentences:
        got = self.analysed.get(doc.fingerprint)
        if got is None:
            got = self.analysed[doc.fingerprint] = _analyse(doc)
            self.analyses += 1
            if self.on_analysis is not None:
                self.on_analysis(doc, got)
            self._lru_sentences += len(got.sents)
            self._lower.setdefault(doc.fingerprint, LowerWords(got.lower))
            self.trim()
        else:
            self.analysed.move_to_end(doc.fingerprint)
        return got

    def trim(self) -> None:
        """Past the budget, drop old analyses (not the newest), then sentences: else the analyses
        the record pass leaves would starve the pairs' sentences (89,483 analysed at 3,000)."""
        budget = self.budget
        while self.bounded and len(self.analysed) > 1 and self._lru_sentences + len(self._sentences) > budget:
            self._lru_sentences -= len(self.analysed.popitem(last=False)[1].sents)
        while self.bounded and len(self._sentences) > 1 and self._lru_sentences + len(self._sentences) > budget:
            self._sentences.popitem(last=False)

    def sentence(self, doc: Document, rec: DocRecord, k: int) -> tuple[_Sentence, frozenset[str]]:
        """Sentence ``k`` of ``doc`` and its capitalised words, from a held analysis if any, else
        analysed alone at the record's span (the same objects: ``sentence_at``)."""
        held = self.analysed.get(doc.fingerprint)
        if held is not None:
            return held.sents[k], held.caps[k]
        start, end = rec.spans[k].tolist()
        text = doc.raw[start:end]
        got = self._sentences.get(text)
        if got is None:
            got = self._sentences[text] = sentence_at(doc, start, end)
            self.sentence_analyses += 1
            self.trim()
        else:
            self._sentences.move_to_end(text)
        return (got[0] if got[0].start == start else _with(got[0], start=start, end=end)), got[1]

    def text(self, doc: Document, rec: DocRecord, k: int) -> tuple[int, int, str, frozenset[str]]:
        """Sentence ``k``'s raw offsets, text and capitalised words, without analysing it: all a
        pair of texts the rules have seen needs (``_run_only``'s memo)."""
        start, end = rec.spans[k].tolist()
        text = doc.raw[start:end]
        caps = self._caps.get(text)
        if caps is None:
            if len(self._caps) > 8 * self.budget:
                self._caps.clear()  # a few words a text: bounded all the same
            # A text not seen is a pair not seen: its analysis is needed next, and gives the words.
            caps = self._caps[text] = self.sentence(doc, rec, k)[1]
        return start, end, text, caps

    def whole(self, doc: Document, rec: DocRecord) -> _DocSentences:
        """Every sentence of ``doc`` for ``_run_pair``, from the sentence LRU (``_joint`` re-reads
        names, asking ``lower`` about the capitalised words only)."""
        held = self.analysed.get(doc.fingerprint)
        if held is not None:
            return held
        got = [self.sentence(doc, rec, k) for k in range(len(rec))]
        return _DocSentences(tuple(s for s, _ in got), tuple(c for _, c in got), self.lower(doc, rec))

    def lower(self, doc: Document, rec: DocRecord) -> LowerWords:
        """The words ``doc`` writes in lower case: kept from the analysis that made its record,
        else read again from its sentences (a record read from disk), which is half an analysis."""
        got = self._lower.get(doc.fingerprint)
        if got is None:
            held = self.analysed.get(doc.fingerprint)
            words = held.lower if held is not None else lower_words(doc, rec.spans.tolist())
            got = self._lower[doc.fingerprint] = LowerWords(words)
        return got
