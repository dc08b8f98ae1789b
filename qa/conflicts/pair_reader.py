"""What the pair step reads of each document, in bounded memory: whole analyses (an LRU counted in
sentences), single sentences analysed alone and kept by text (wire copies share one), each
sentence's capitalised words by text, and each document's lower-case words (one JSON string a
document). A pair needs only its candidate sentences: an analysis per pair thrashed the LRU
(9,737 for 3,000 articles), since pairs join documents far apart in any order.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable

from .candidates import DocRecord
from .sentences import _analyse, _DocSentences, _Sentence, _with, lower_words, sentence_at
from ..ingest.corpus import Document

__all__ = ["SentenceReader"]


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
        self._lower: dict[str, str] = {}
        self._caps: dict[str, frozenset[str]] = {}
        self._lower_read: tuple[str, frozenset[str]] = ("", frozenset())
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
            self._lower.setdefault(doc.fingerprint, json.dumps(sorted(got.lower)))
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
        start, end = (int(x) for x in rec.spans[k])
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
        start, end = (int(x) for x in rec.spans[k])
        text = doc.raw[start:end]
        caps = self._caps.get(text)
        if caps is None:
            if len(self._caps) > 8 * self.budget:
                self._caps.clear()  # a few words a text: bounded all the same
            # A text not seen is a pair not seen: its analysis is needed next, and gives the words.
            caps = self._caps[text] = self.sentence(doc, rec, k)[1]
        return start, end, text, caps

    def whole(self, doc: Document, rec: DocRecord) -> _DocSentences:
        """Every sentence of ``doc`` for ``_run_pair``, from the sentence LRU (``_joint`` re-reads names)."""
        held = self.analysed.get(doc.fingerprint)
        if held is not None:
            return held
        got = [self.sentence(doc, rec, k) for k in range(len(rec))]
        return _DocSentences(tuple(s for s, _ in got), tuple(c for _, c in got), self.words(doc, rec))

    def words(self, doc: Document, rec: DocRecord) -> frozenset[str]:
        """The ``lower`` of ``doc``'s analysis: kept as JSON from the analysis that made its record,
        else (a record read from disk) read again from its sentences, which is half an analysis."""
        held = self.analysed.get(doc.fingerprint)
        if held is not None:
            return held.lower
        got = self._lower.get(doc.fingerprint)
        if got is None:
            got = self._lower[doc.fingerprint] = json.dumps(sorted(lower_words(doc, rec.spans.tolist())))
        if self._lower_read[0] != doc.fingerprint:  # pairs come sorted: the same first document runs
            self._lower_read = (doc.fingerprint, frozenset(json.loads(got)))
        return self._lower_read[1]
