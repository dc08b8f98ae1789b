"""The question-answering pipeline. It receives its parts (index, embedder, retriever, reader)
instead of building them, so tests can hand it fakes and the app can share one."""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from typing import Callable, Protocol, Sequence

import numpy as np

from .config import Settings
from .ingest.corpus import Document
from .indexing.embedding import Embedder
from .errors import EmptyQuestionError, QuestionTooLongError
from .reading.reader import ExtractiveReader
from .reading.answertype import AMOUNT_TYPES, answer_type, states_fact
from .reading.unstated import asked_slot, unstated_in
from .reading.readerfeatures import answer_words
from .reading.shown import shown_short
from .reading.timeshape import asks_length, length_in
from .reading.reasons import with_reason
from .reading.options import chosen_option, names_neither, without_options
from .results import AMBIGUITY, NAMESAKE, Answer, Citation, Conflict, Note
from .retrieval.retriever import Hit, HybridRetriever
from .indexing.store import IndexData
from .ingest.text import normalize, sentence_spans
from .reading.fillers import without_fillers
from .reading.followup import read_follow_up
from .reading.truecase import CaseMap, accent_map, is_caseless, question_pairs, question_words, restore_accents
from .reading.descriptions import NameLinks, described_words, may_describe, origin_stem
from .reading.corpus_words import CorpusWords

__all__ = ["Pipeline", "ConflictFinder", "clean_question"]


@dataclass(frozen=True)
class Answered:
    """Of the reader's answer, what ties other passages to the question: the cosine of the passage
    holding it, and the words of its short answer when that is a figure (else empty)."""
    closeness: float
    figure: frozenset[str]


class ConflictFinder(Protocol):
    """What the pipeline asks about conflicts (``qa.conflicts.question.QuestionConflicts``)."""

    def find(self, question: str, passages: Sequence[tuple[str, int, int]] | None = None,
             qvec: np.ndarray | None = None, *, stored: Sequence[Conflict] = ()) -> list[Conflict]: ...

# Characters read around a short answer to judge its kind ("three" of "won three Premier League titles").
_AROUND = 30
# Characters read either side of a quote for the sentences next to it (one each way).
_BESIDE = 400

# Control characters, zero-width and bidi marks, BOM, and lone surrogates (from undecodable bytes
# on a command line), none of which the tokenizers accept or which mean anything in a question.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def clean_question(question: object, max_chars: int) -> str:
    """Validate a question and strip characters that carry no meaning (control, bidi marks)."""
    if not isinstance(question, str):
        raise TypeError(f"question must be a str, not {type(question).__name__}")
    if len(question) > max_chars:
        raise QuestionTooLongError(len(question), max_chars)
    text = " ".join(_CONTROL.sub(" ", question).split())
    if not text:
        raise EmptyQuestionError()
    return text


class Pipeline:
    """Retrieve, read, cite, and attach the conflicts among everything retrieved on the subject."""

    def __init__(
        self,
        data: IndexData,
        docs: dict[str, Document],
        embedder: Embedder,
        retriever: HybridRetriever,
        reader: ExtractiveReader,
        settings: Settings,
        select_conflicts: Callable[[Sequence[Conflict], Sequence[tuple[str, int, int]]], list[Conflict]] | None = None,
        conflict_finder: ConflictFinder | None = None,
        read_k: int = 8,
        subject_k: int = 30,
        subject_min: float = 0.4,
        conflict_min: float = 0.7,
        subject_docs: int = 12,
    ):
        self.data = data
        self.docs = docs
        self.embedder = embedder
        self.retriever = retriever
        self.reader = reader
        self.settings = settings
        self.select_conflicts = select_conflicts
        self.conflict_finder = conflict_finder
        self.read_k = read_k
        self.subject_k = subject_k
        self.subject_min = subject_min
        self.conflict_min = conflict_min
        self.subject_docs = subject_docs
        self._accents: dict[str, str] | None = None
        self._accents_lock = threading.Lock()
        self.words = CorpusWords(data, docs, accents=self.accents)

    def casemap(self, question: str) -> CaseMap:
        """The usual forms of the question's words in the corpus, counted over the passages that
        hold them (qa.reading.corpus_words), not over every article."""
        return CaseMap.of_forms({**self.words.forms(question_words(question)), **self.words.forms(question_pairs(question))})

    def written_as_name(self, word: str) -> bool:
        """Whether the corpus writes a word as a name ("samsung" typed: "Samsung"; not "party")."""
        return CaseMap.of_forms(self.words.forms({word: word})).usual(word)[:1].isupper()

    def accents(self) -> dict[str, str]:
        """The lexical index's words written with accents, by their form without them."""
        with self._accents_lock:
            if self._accents is None:
                self._accents = accent_map(self.data.bm25.vocab_dict if self.data.bm25 is not None else ())
            return self._accents

    def name_links(self, question: str) -> NameLinks:
        """Which names the articles give the companies the question describes ("the Claude
        maker", "the Korean fab"), counted over the passages that name the product or the place."""
        products, origins = described_words(question)
        rows = set(self.words.chunks_of(" ".join(products)))
        for word in origins:
            rows.update(self.words.chunks_of(word))
            stem = origin_stem(word)
            for term in self.words.terms_from(stem, 3) if len(stem) >= 3 else ():
                rows.update(self.words.term_chunks(term))
        return NameLinks(self.words.texts(sorted(rows)))

    def citation(self, doc_index: int, start: int, end: int, score: float) -> Citation:
        doc = self.docs[self.data.doc_ids[doc_index]]
        return Citation(doc.doc_id, doc.title, doc.date, start, end, doc.raw[start:end], round(float(score), 4),
                        doc.outlet, doc.page_at(start))

    def reading_score(self, text: str) -> float:
        """How well the corpus matches one reading of a question: its best passage's fused score."""
        hits = self.retriever.search(self.embedder.encode_query(normalize(text)), text, 1)
        return float(hits[0].score) if hits else 0.0

    def ask(self, question: str, k: int = 5, history: Sequence[Answer] | None = None) -> Answer:
        question = clean_question(question, self.settings.max_question_chars)
        if not isinstance(k, int) or k < 1:
            raise ValueError(f"k must be a positive whole number, not {k!r}")
        if history is not None and not all(isinstance(t, Answer) for t in history):
            raise TypeError("history must be the earlier Answers of the conversation, oldest first")
        # Read "who makes meta's mtia chips" as "Who makes Meta's MTIA chips"; answer the user's words.
        # ... and "Who designed Jalapeno?" as "Who designed Jalapeño?" (accents are rarely typed).
        recase = lambda q: (self.casemap(q).truecase(q) if is_caseless(q) else restore_accents(q, self.accents())  # noqa: E731
                            ) if self.settings.truecase else q
        # The turns a follow-up reads (the last two), typed in small letters, are read recased too
        # ("what is jalapeno" names Jalapeño).
        turns = [t if t.read_as else replace(t, question=recase(t.question)) for t in list(history or [])[-2:]]
        # "so is samsung making anthropic's chips or not": the question without its words of conversation.
        asked = without_fillers(question)
        followed = read_follow_up(recase(asked), turns, lambda r: self.reading_score(recase(r)))
        followed = followed or (recase(asked) if asked != question else None)
        read = recase(followed or asked)
        if self.settings.descriptions and may_describe(read):
            # "the Claude maker" shares no word with the passages about Anthropic: read the name.
            named = self.name_links(read).rewrite(read)
            if named.names:
                read = followed = named.question
        answer = self._answer(question, read, k)
        return replace(answer, read_as=followed) if followed else answer

    def _answer(self, question: str, read_as: str, k: int) -> Answer:
        # "which foundry makes jalapeno, tsmc or samsung": passages are read for the question without
        # the answers it offers (a sentence naming both about Meta's chips is no closer for it) ...
        asked = without_options(read_as)
        qvec, hits, reading = self._read(asked, k)
        if asked != read_as and (reading.abstained or names_neither(read_as, self._quote(reading))):
            # ... unless that finds no quote naming one, and the question with them finds a quote
            # naming exactly one ("... Senator Elizabeth Warren and ...", asked "..., elizabeth warren or bernie sanders").
            offered = self._read(read_as, k)
            if not offered[2].abstained and isinstance(chosen_option(read_as, self._quote(offered[2])), tuple):
                qvec, hits, reading = offered
        # The text of the article the reader read its answer (or its closest sentence) from.
        raw = self.docs[self.data.doc_ids[reading.doc_index]].raw if reading.start is not None else ""
        if not reading.abstained:
            # A why-question's quote takes the sentence giving its reason ("Therefore, ..." after it).
            start, end = with_reason(read_as, raw, reading.start, reading.end)
            reading = replace(reading, start=start, end=end)
        citations = self._citations(hits, k, reading)
        found = self._conflicts(qvec, hits, read_as, self._answered(read_as, hits, reading))
        # Sources about different entities of one name do not disagree: a note, never a conflict.
        conflicts = [c for c in found if c.kind != AMBIGUITY]
        notes = [Note(NAMESAKE, c.summary, c.statements) for c in found if c.kind == AMBIGUITY]
        # "us price of the audi e-tron sportback": "US pricing has not been confirmed ...", not "2020";
        # an abstention says so too, rather than "give no amount of money".
        said = self._unstated(read_as, hits, reading, raw) if reading.start is not None else None
        # "which samsung ai chip customer came first, tesla or anthropic" over a quote naming neither.
        neither = names_neither(read_as, raw[reading.start:reading.end]) if not reading.abstained else None
        if neither is not None:
            reading = replace(reading, abstained=True, reason=f"The closest passages name neither {neither[0]} nor {neither[1]}.")
        if reading.abstained or said is not None:
            return Answer(question, None, None, True, f"The articles say this is not known: “{said}”" if said else reading.reason,
                          citations, conflicts, score=round(reading.score, 4), notes=notes)
        short = self._short(read_as, raw, reading)
        return Answer(
            question=question,
            answer=raw[reading.start : reading.end],
            short_answer=raw[short[0] : short[1]] if short else None,
            abstained=False,
            reason=None,
            citations=citations,
            conflicts=conflicts,
            answer_start=reading.start,
            answer_end=reading.end,
            short_start=short[0] if short else None,
            short_end=short[1] if short else None,
            score=round(reading.score, 4),
            notes=notes,
        )

    def _quote(self, reading) -> str:
        """The text a reading quotes (it must not have abstained)."""
        return self.docs[self.data.doc_ids[reading.doc_index]].raw[reading.start:reading.end]

    def _read(self, question: str, k: int):
        """The question's vector, the passages found and the reader's reading of the first ``read_k``."""
        qvec = self.embedder.encode_query(normalize(question))
        hits = self.retriever.search(qvec, question, max(k, self.read_k, self.subject_k))
        # The same passages are read whatever number of sources is shown: asking for ten sources
        # (as `qa eval` does) must not change the answer the app and `qa ask` give with five.
        return qvec, hits, self.reader.read(question, qvec, hits[: self.read_k])

    @staticmethod
    def _short(question: str, raw: str, reading) -> tuple[int, int] | None:
        """The short answer shown (raw offsets): the reader's, unless of the wrong kind
        (shown_short); of two options the question offers, the one the quote states ("..., openai
        or anthropic": not "Jalapeño"); asked how long, the length the quote states where the
        reader's span was none ("five-and-a-half years", not "last night")."""
        short = reading.short
        if short is not None and not shown_short(question, raw[short[0]:short[1]], raw[max(0, short[0] - _AROUND):short[0]],
                                                 raw[short[1]:short[1] + _AROUND]):
            short = None
        quote = raw[reading.start:reading.end]
        chosen = chosen_option(question, quote)
        if chosen is not None:
            short = (reading.start + chosen[0], reading.start + chosen[1]) if chosen else None
        if short is None and asks_length(question):
            found = length_in(question, quote)
            short = (reading.start + found[0], reading.start + found[1]) if found else None
        return short

    def _unstated(self, question: str, hits: Sequence[Hit], reading, raw: str) -> str | None:
        """The sentence of the answer's article (``raw``), in the passages read or next to the
        quote, that says the article does not know what is asked (qa.reading.unstated), when the
        quote itself gives no such thing (an amount or date of the kind asked, a name); None otherwise."""
        quote = raw[reading.start:reading.end]
        slot = asked_slot(question)
        if slot is None:
            return None
        if slot == "NAME":  # a short answer in capitals is a name given ("Two United States service members" is none)
            given = reading.short is not None and not any(w[:1].islower() for w in raw[reading.short[0]:reading.short[1]].split())
        else:  # a thing of the kind asked ("what injury") counts as withheld only as "an undisclosed injury"
            given = slot != "OTHER" and (states_fact(question, quote) or bool(reading.features.get("type_match")))
        if given:
            return None
        rows = [self._rows(h) for h in hits[: self.read_k]]
        around = sentence_spans(raw, max(0, reading.start - _BESIDE), min(len(raw), reading.end + _BESIDE))
        beside = [raw[x:y] for x, y in around if x >= reading.end][:1] + [raw[x:y] for x, y in around if y <= reading.start][-1:]
        return unstated_in(question, [quote] + [raw[x:y] for d, a, b in rows if d == reading.doc_index
                                                for x, y in sentence_spans(raw, a, b)], beside)

    def _answered(self, question: str, hits: Sequence[Hit], reading) -> Answered | None:
        """What of the reader's answer marks passages on the subject (None: it abstained). A figure
        only when an amount is asked: a year is stated of many things ("When was the club
        founded?" took in other clubs' years on RAMDocs, and their disagreements)."""
        if reading.abstained:
            return None
        doc = self.docs[self.data.doc_ids[reading.doc_index]]
        short = doc.raw[reading.short[0]:reading.short[1]] if reading.short and answer_type(question) in AMOUNT_TYPES else ""
        return Answered(next((float(h.dense) for h in hits if self._holds(h, reading.doc_index, reading.start, reading.end)),
                             self.subject_min), answer_words(short) if any(c.isdigit() for c in short) else frozenset())

    def _conflicts(self, qvec, hits: Sequence[Hit], question: str | None = None,
                   answered: Answered | None = None) -> list[Conflict]:
        """Conflicts among the passages about the question's subject (not only the k shown).

        A passage is on the subject when its cosine with the question reaches ``subject_min``. The
        stored corpus-wide conflicts with statements in two of those passages are handed to the
        conflict finder with the question, which adds the documents' disagreements on the
        question's answer, keeps the stored conflicts that bear on the question and marks as
        ``ambiguity`` the ones between different entities sharing a name (see
        ``qa.conflicts.question``). Without a finder (or a question), a stored conflict is kept when
        one of its statements is itself close to the question (cosine >= ``conflict_min``).

        ``answered``: what marks more passages on the subject when the reader answered: those at
        least as close as the one answering (a question naming no one, "How much is the backlog?",
        reaches a cosine of 0.3 with the passages answering it), and those stating the answer's
        figure ("what's meta's order worth": "... related orders potentially exceeding 10 trillion
        Korean won", at 0.28). Their disagreement must show all the same.
        """
        spans = self.subject_spans(hits, answered)
        if len({s[0] for s in spans}) < 2:
            return []  # one document cannot disagree with itself
        stored = self.select_conflicts(self.data.conflicts, spans) if self.select_conflicts and self.data.conflicts else []
        if self.conflict_finder is not None and question is not None:
            return self.conflict_finder.find(question, spans, qvec, stored=stored, figure=answered.figure if answered else frozenset(),
                                             written_as_name=self.written_as_name if self.settings.truecase else None)
        kept = []
        for c in stored:
            best = max(self.reader.span_similarity(qvec, s.doc_id, s.start, s.end) for s in c.statements)
            if best >= self.conflict_min:
                kept.append(c)
        return kept

    def subject_spans(self, hits: Sequence[Hit], answered: Answered | None = None) -> list[tuple[str, int, int]]:
        """The passages on the question's subject (cosine >= ``subject_min``), best first, from
        the ``subject_docs`` best-ranked documents. The question-time check compares every two of
        its documents: in a 10,000-article archive the 30 passages read came from ~29 documents
        (~400 pairs, most of a first-time question's time), the last of them far down the ranking."""
        spans: list[tuple[str, int, int]] = []
        docs: set[str] = set()
        floor = self.subject_min if answered is None else min(self.subject_min, answered.closeness)
        for h in hits:
            span = self._span(h)
            if h.dense < floor and not (answered and answered.figure and answered.figure <= answer_words(
                    self.docs[span[0]].raw[span[1]:span[2]])):
                continue
            if span[0] not in docs:
                if len(docs) >= self.subject_docs:
                    continue
                docs.add(span[0])
            spans.append(span)
        return spans

    def _span(self, hit: Hit) -> tuple[str, int, int]:
        d, a, b = self._rows(hit)
        return self.data.doc_ids[d], a, b

    def _citations(self, hits: Sequence[Hit], k: int, reading) -> list[Citation]:
        """Top-k chunks, best first; the chunk holding the answer leads so that the answer is a
        substring of citations[0].text."""
        chosen: list[Hit] = list(hits[:k])
        if not reading.abstained:
            holder = next(
                (h for h in hits if self._holds(h, reading.doc_index, reading.start, reading.end)), None
            )
            if holder is None:  # defensive: cite the sentence itself
                cite = self.citation(reading.doc_index, reading.start, reading.end, reading.score)
                return self._dedupe([cite] + [self.citation(*self._rows(h), h.score) for h in chosen[: k - 1]])
            chosen = [holder] + [h for h in chosen if h.row != holder.row][: k - 1]
        return self._dedupe([self.citation(*self._rows(h), h.score) for h in chosen])

    @staticmethod
    def _dedupe(citations: list[Citation]) -> list[Citation]:
        """Drop a passage whose text is already cited (an article saved under two names)."""
        seen: set[str] = set()
        out = []
        for c in citations:
            key = normalize(c.text)
            if key not in seen:
                seen.add(key)
                out.append(c)
        return out

    def _rows(self, hit: Hit) -> tuple[int, int, int]:
        d, a, b = (int(x) for x in self.data.chunks[hit.row])
        return d, a, b

    def _holds(self, hit: Hit, doc: int, start: int, end: int) -> bool:
        d, a, b = self._rows(hit)
        return d == doc and a <= start and end <= b
