"""The extractive reader: picks the sentence that best answers, a short answer inside it when the
question asks for a fact, or abstains.

Candidates are the sentences of the retrieved chunks. Each is scored by a linear model over
features (question/sentence cosine, IDF-weighted coverage of the question's terms, exact and soft
(paraphrases, :mod:`qa.reading.softmatch`), the chunk's retrieval score, answer-type fit); weights and
the abstention threshold come from ``qa/reading/data/reader.json``, fitted on SQuAD by
``python -m qa.training.calibrate`` (see there for how). The few candidates ranked best are then read by
a cross-encoder (:mod:`qa.reading.crossreader`), whose logit is one more feature of the final score.

Besides a low answerability (not alone for a question reworded from its article: :mod:`qa.reading.reworded`),
checks make it abstain: the question asks for a figure, a date or an amount in a named currency and the
answer states none; it names a version ("Trainium3") and the answer only others ("Trainium2"), another
figure or another owner's thing; a "who", "where" or "what is X's thing called" question and the answer
names no one, no place or nothing beyond the question's own words (:mod:`qa.reading.asked_kind`); or
the gate of :mod:`qa.reading.answerable` finds it a near miss. Before them, a runner-up of the top
three is quoted where the best sentence would be no answer and it is one (:mod:`qa.reading.prefer`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .answerable import AnswerGate, DocTerms, asked_terms, gate_features, missing_words
from .hf_reader import neural_pick
from .answertype import FACT_KINDS, answer_type, asked_currency, asks_fact, counts_noun, states_currency, states_fact
from .ages import asks_age, gives_no_age
from .counted import counted_noun
from .counted_kinds import counts_another_kind
from .asked_kind import KIND_REASONS, asks_maker, holds_asked_kind, quoted_kind
from .makers import asks_making
from .kind_fit import fit_kind, fits
from .analysis import stored_views, views_of
from .asked_spans import defines_alone
from .prefer import ASKS_ONLY, asks_only, dates_other_event, found_asked, preferred, reads_lower, says
from .readerconfig import CONFIG_PATH, ReaderConfig
from .named_amounts import unnamed_amount
from .measured import asks_what_said, names_the_speaker, other_owner, other_speaker, own_neighbour, own_statement, said_in, speaker_said
from .subjects import tied_to_subject
from ..indexing.entities import type_mask
from ..indexing.lexical import idf_table, question_terms, sentence_tokens, tokenize
from .readerfeatures import (_ANAPHOR, _F, ANSWER_FEATURES, FEATURES, MERGE_FEATURES, YES_NO, _lower_words, abstain_reason, agreeing,
                             answer_features, colon_joined, best_neighbour, cross_column, merge_features, merge_neighbour, prerank_order, question_names)
from ..retrieval.retriever import Hit
from .softmatch import WordVectors
from ..indexing.store import IndexData
from ..ingest.text import is_heading
from .other_names import other_name, swapped_name
from .aligned import other_number
from .versions import denied_only, opposite_word, other_figure, other_stated, other_version
from .reworded import reworded
from .timeshape import asks_dated, gives_no_time, report_dates_only
from .units import asks_process_node, counts_in_units, counts_only_time, measures_size, states_process_node

__all__ = ["CONFIG_PATH", "ReaderConfig", "Reading", "ExtractiveReader", "FEATURES", "ANSWER_FEATURES", "MERGE_FEATURES", "answer_features", "merge_features", "best_neighbour", "cross_column"]


@dataclass(frozen=True)
class Reading:
    """What the reader found: a raw span of one document, or an abstention."""

    doc_index: int | None
    start: int | None
    end: int | None
    short: tuple[int, int] | None  # raw offsets of the short answer
    score: float
    abstained: bool
    reason: str | None
    features: dict = field(default_factory=dict)
    gate: tuple[float, ...] = ()  # qa.reading.answerable.GATE_FEATURES of the chosen sentence


_MAKER_POOL = 8  # candidates qa.reading.prefer reads for a maker or for what is besides a thing ruled out
_SAID_POOL = 12  # candidates read for the asked party's own statement ("Which chips does X say ...?")


class ExtractiveReader:
    def __init__(self, data: IndexData, raw_texts: Sequence[str], config: ReaderConfig | None = None,
                 word_vectors: WordVectors | None = None, cross=None, gate: AnswerGate | None | str = "shipped"):
        self.data = data
        self.words = word_vectors  # None: the soft-match features stay 0
        self.raw = raw_texts  # raw text per doc index
        self.cross = cross  # a qa.reading.crossreader.CrossReader, or None: the "cross" feature stays 0
        self.config = config or ReaderConfig.load()
        # None: no near-miss gate (qa.training.fit_answerable reads the features it would see).
        self.gate = AnswerGate.load() if gate == "shipped" else gate
        self._doc_terms = DocTerms(raw_texts)
        # Sentences are stored sorted by (doc, start): slice a chunk's sentences by binary search.
        self._sent_key = data.sentences[:, 0] * (1 << 40) + data.sentences[:, 1]
        self._idf = idf_table(data)
        self._doc_pos = {d: i for i, d in enumerate(data.doc_ids)}

    def span_similarity(self, qvec: np.ndarray, doc_id: str, start: int, end: int) -> float:
        """Best cosine between the question and a sentence overlapping the raw span."""
        doc = self._doc_pos.get(doc_id)
        if doc is None:
            return 0.0
        lo = max(0, int(np.searchsorted(self._sent_key, doc * (1 << 40) + start)) - 1)
        hi = int(np.searchsorted(self._sent_key, doc * (1 << 40) + end))
        rows = [r for r in range(lo, hi) if self.data.sentences[r, 0] == doc and self.data.sentences[r, 2] > start]
        if not rows:
            return 0.0
        return float((self.data.sent_vectors[rows] @ qvec.astype(np.float32)).max())

    def candidates(self, hits: Sequence[Hit]) -> list[tuple[int, int]]:
        """(sentence row, rank of the best chunk holding it) for the sentences of the hits."""
        seen: dict[int, int] = {}
        for rank, hit in enumerate(hits):
            doc, a, b = (int(x) for x in self.data.chunks[hit.row])
            lo = int(np.searchsorted(self._sent_key, doc * (1 << 40) + a))
            hi = int(np.searchsorted(self._sent_key, doc * (1 << 40) + b))
            for row in range(lo, hi):
                if int(self.data.sentences[row, 2]) <= b and row not in seen:
                    seen[row] = rank
        return list(seen.items())[: self.config.max_candidates]

    def features(self, question: str, qvec: np.ndarray, hits: Sequence[Hit]) -> tuple[list[tuple[int, int]], np.ndarray]:
        cands = self.candidates(hits)
        if not cands:
            return cands, np.zeros((0, len(FEATURES)), np.float32)
        rows = np.array([r for r, _ in cands])
        dense = self.data.sent_vectors[rows] @ qvec.astype(np.float32)
        q_list = question_terms(question)
        q_terms = set(q_list)
        q_bigrams = set(zip(q_list, q_list[1:]))
        q_idf = {t: self._idf(t) for t in q_terms}  # looked up for every candidate
        q_weight = sum(q_idf[t] for t in q_terms) or 1.0
        kind = answer_type(question)
        wanted, fact = type_mask(kind), kind in FACT_KINDS
        if kind in ("PERSON", "PLACE") and asks_maker(question):
            # "Who makes Meta's MTIA chips?" is answered by a company as often as by a person, and
            # "Where will they be made?" by the foundry as often as by the place of its plant.
            wanted |= type_mask("ORG")
        currency = asked_currency(question)
        # The question's capitalised words (not its first): names the answer sentence should share.
        q_names = question_names(question)
        q_rarest = max((q_idf[t] for t in q_terms), default=0.0) or 1.0
        counted = counted_noun(question)
        unit = tokenize(counted) if counted else []
        if self.words is not None:
            q_vecs, q_words = self.words.words(question)
            stems = [tokenize(w) for w in q_words]
            q_soft = np.array([q_idf[s[0]] if s and s[0] in q_terms else 0.0 for s in stems])
        feats = np.zeros((len(cands), len(FEATURES)), np.float32)
        n_sent = len(self.data.sentences)
        for i, (row, rank) in enumerate(cands):
            doc, a, b = (int(x) for x in self.data.sentences[row])
            toks = sentence_tokens(self.raw[doc][a:b])
            terms = frozenset(toks)
            # Questions often name the subject in the sentence before or after the answer.
            ctx = set(terms)
            around = [self.raw[doc][int(self.data.sentences[r, 1]) : int(self.data.sentences[r, 2])]
                      for r in (row - 1, row + 1) if 0 <= r < n_sent and int(self.data.sentences[r, 0]) == doc]
            for text in around:
                ctx.update(sentence_tokens(text))
            hit = hits[rank]
            feats[i, _F["dense"]] = dense[i]
            feats[i, _F["coverage"]] = sum(q_idf[t] for t in q_terms & terms) / q_weight
            feats[i, _F["chunk"]] = hit.score
            feats[i, _F["first_rank"]] = 1.0 if rank == 0 else 0.0
            feats[i, _F["context"]] = sum(q_idf[t] for t in q_terms & ctx) / q_weight
            feats[i, _F["bigram"]] = len(q_bigrams & set(zip(toks, toks[1:]))) / len(q_bigrams) if q_bigrams else 0.0
            feats[i, _F["chunk_dense"]] = hit.dense
            feats[i, _F["chunk_lex"]] = hit.lexical
            feats[i, _F["type_match"]] = 1.0 if wanted and int(self.data.sent_types[row]) & wanted else 0.0
            if currency is not None:
                # Asked for dollars, an amount in won is not the answer.
                feats[i, _F["type_match"]] = float(states_currency(currency, self.raw[doc][a:b]))
            # Asked for an amount, a date or a figure, the sentence states none.
            feats[i, _F["fact_gap"]] = 1.0 if fact and not feats[i, _F["type_match"]] else 0.0
            # A sentence that only repeats the question's words has no room for its answer.
            feats[i, _F["length"]] = math.log1p(len(toks))
            feats[i, _F["repeat"]] = 1.0 - sum(t not in q_terms for t in toks) / max(1, len(toks))
            pos = [j for j, t in enumerate(toks) if t in q_terms]
            feats[i, _F["spread"]] = (pos[-1] - pos[0] + 1) / len(pos) if len(pos) > 1 else 0.0
            feats[i, _F["heading"]] = 1.0 if is_heading(self.raw[doc], a, b) else 0.0
            # "It was ...": the sentence goes on from the one before (its subject is there).
            feats[i, _F["anaphor"]] = 1.0 if _ANAPHOR.match(self.raw[doc][a:b]) else 0.0
            if q_names:
                words = _lower_words(self.raw[doc][a:b])
                feats[i, _F["names"]] = len(q_names & words) / len(q_names)
                # The name may be in the sentence before ("Anthropic ... It plans 1 GW"); a
                # sentence whose neighbourhood never names the question's company is about another.
                near = words.union(*map(_lower_words, around))
                feats[i, _F["names_context"]] = len(q_names & near) / len(q_names)
            else:
                feats[i, _F["names"]] = feats[i, _F["names_context"]] = 1.0
            feats[i, _F["rarest"]] = max((q_idf[t] for t in q_terms & terms), default=0.0) / q_rarest
            # A passage on the subject that never uses the question's most specific word ("yield",
            # "fourth-generation") usually does not hold what the question asks for.
            feats[i, _F["missing"]] = max((q_idf[t] for t in q_terms - ctx), default=0.0) / q_rarest
            feats[i, _F["type_gap"]] = 1.0 if wanted and not feats[i, _F["type_match"]] else 0.0
            if unit:
                # "How many chips": a number in the sentence that counts something else ("9 months").
                # A count in "units" counts any thing but a measure ("hundreds of thousands of units").
                feats[i, _F["unit_gap"]] = 0.0 if counts_noun(toks, unit[0]) or counts_in_units(toks, unit[0]) else 1.0
            if self.words is not None:
                soft = self.words.coverage(q_vecs, q_soft, self.words.words(self.raw[doc][a:b])[0])
                feats[i, _F["soft"]], feats[i, _F["soft_only"]] = soft
        texts = self.texts_of(cands, range(len(cands)))
        fit = fit_kind(question)
        if fit is not None:
            # What entity types cannot tell: a name of the owner's thing, not any name; an acronym
            # spelt out; a partner beyond the question's own names (qa.reading.kind_fit).
            views = views_of(self.data, [r for r, _ in cands], texts)
            ok = np.array([fits(question, fit, v) for v in views], np.float32)
            feats[:, _F["type_match"]], feats[:, _F["type_gap"]] = ok, 1.0 - ok
        if asks_process_node(question):
            # "What node ...?" asks for a size in nanometres, which no entity type marks.
            ok = np.array([states_process_node(t) for t in texts], np.float32)
            feats[:, _F["type_match"]], feats[:, _F["type_gap"]] = ok, 1.0 - ok
        typed = feats[:, _F["type_match"]] > 0
        tied = tied_to_subject(question, kind, q_names, texts)
        if (typed & tied).any():
            # When some sentence states the kind of fact asked for about the question's subject,
            # one stating it about something else is no fit (see qa.reading.subjects).
            other = typed & ~tied
            feats[other, _F["type_match"]] = 0.0
            feats[other, _F["fact_gap"]] = 1.0 if fact else 0.0
            feats[other, _F["type_gap"]] = 1.0 if wanted else 0.0
        # Relative to the best candidate: the ranking is a choice among these sentences.
        feats[:, _F["dense_gap"]] = feats[:, _F["dense"]] - feats[:, _F["dense"]].max()
        feats[:, _F["coverage_gap"]] = feats[:, _F["coverage"]] - feats[:, _F["coverage"]].max()
        feats[:, _F["soft_gap"]] = feats[:, _F["soft"]] - feats[:, _F["soft"]].max()
        return cands, feats

    def read(self, question: str, qvec: np.ndarray, hits: Sequence[Hit]) -> Reading:
        cands, feats = self.features(question, qvec, hits)
        if not cands:
            return Reading(None, None, None, None, 0.0, True, "No passage of the articles matches the question.")
        w = np.array([self.config.weights.get(f, 0.0) for f in FEATURES], np.float32)
        if self.cross is not None and self.config.weights.get("cross"):
            feats[:, _F["cross"]] = self._cross_scores(question, cands, feats)
        logits = feats @ w + self.config.bias
        order = np.argsort(-logits, kind="stable")
        top = order[:3]
        short, found, best = None, {}, int(top[0])  # found: candidate -> its short answer's offsets
        said_row = None  # the asked party's statement beside another's (own_neighbour)
        neural = neural_pick(self, question, hits, cands) if self.config.hf_model else None
        if neural is not None:
            best, short = neural
        pool = [best]
        if neural is None:
            pool = [int(i) for i in top]
            extra = [int(i) for i in order[3:_MAKER_POOL]] if reads_lower(question) else []
            if self.config.short_answers and not YES_NO.match(question):
                pool, found, feats = self._short(question, cands, feats, logits, top, extra)
                logits = feats @ w + self.config.bias
            # The best sentence may be no answer where a runner-up is (qa.reading.prefer).
            read = pool + extra
            texts = dict(zip(read, self.texts_of(cands, read)))
            q_names = question_names(question)
            names = {i: (float(feats[i, _F["names"]]), len(q_names & self._doc_terms.words(int(self.data.sentences[
                cands[i][0], 0]))) / len(q_names) if q_names else 1.0, float(feats[i, _F["names_context"]])) for i in read}
            best = preferred(question, pool, texts, names, lambda: dict(zip(read, views_of(
                self.data, [cands[i][0] for i in read], list(texts.values())))), extra, {i: int(feats[i, _F["type_match"]] * (
                    2 - feats[i, _F["unit_gap"]])) for i in read}, frozenset(i for i in read if feats[i, _F["heading"]]))[0]
            short = found.get(best)
            if asks_what_said(question):
                # "Did Samsung comment ...?" over Anthropic's statement: Samsung's own, if read at all.
                order = [best] + [int(i) for i in np.argsort(-logits, kind="stable") if int(i) != best][:_SAID_POOL - 1]
                own = own_statement(question, self.texts_of(cands, order))
                if own:  # 0: the best is its own already
                    best, short = order[own], None
                elif own is None:
                    # Reports put "Samsung declined to comment" right after Anthropic's statement.
                    said_row = own_neighbour(self.data.sentences, self.raw, question, cands[best][0])
                    if said_row is None and not speaker_said(question, texts[best]):  # its statement anywhere read
                        docs = dict.fromkeys(int(self.data.sentences[c, 0]) for c, _ in cands)  # best-ranked first
                        said_row = said_in(question, self.data.sentence_texts(self.raw, docs))
                    if said_row is not None:
                        short = None
        ranked = pool[0]  # the scorer's choice: when qa.reading.prefer took a lower one of the top
        # three, its confidence also speaks for the passages answering.
        agree = agreeing({i: (d := int(self.data.sentences[cands[i][0], 0]), self.raw[d][s:e]) for i, (s, e) in found.items()})
        prob = max(self.config.probability(feats, logits, i, agree.get(i, ())) for i in {best, ranked})
        row = cands[best][0] if said_row is None else said_row
        doc, a, b = (int(x) for x in self.data.sentences[row])
        info = dict(zip(FEATURES, map(float, feats[best])))
        # "What did Anthropic say about its compute?" over "Anthropic stated that ... the core of its
        # computing resources": the asked party's statement, no word of the question missing there.
        said = asks_what_said(question) and speaker_said(question, self.raw[doc][a:b], self._lacking(question, row))
        if (prob < self.config.threshold and not said and not reworded(question, feats, best, self._doc_terms.words(doc))
                and not (reads_lower(question) and found_asked(question, self._quote_views(cands, best, None)[0], info))):
            return Reading(doc, a, b, None, prob, True, abstain_reason(info), info)
        gate = self._gate_features(question, cands, best, info)
        a, b, partner = (a, b, None) if said_row is not None else self._merge_neighbour(cands, logits, best, doc, a, b, feats)
        if partner is not None and (other_owner(question, text := self.texts_of(cands, [partner])[0]) or other_speaker(question, text)
                                    or feats[partner, _F["heading"]] and not says(self._quote_views(cands, partner, None)[0])):
            # A neighbour on another company's thing ("Similar to Meta, Anthropic ...") or another
            # party's statement does not join, nor a heading without a verb ("Profile: Julian Assange").
            a, b, partner = int(self.data.sentences[row, 1]), int(self.data.sentences[row, 2]), None
        if partner is None:
            a, b = colon_joined(self.data.sentences, self.raw[doc], row, a, b)
        if partner is not None:
            # The quote holds two sentences: the short answer comes from whichever has the more
            # confident one, and either may carry the kind of fact asked for.
            if partner in found and (short is None or feats[partner, _F["short"]] > feats[best, _F["short"]] and not defines_alone(
                    question, lambda: self._quote_views(cands, best, partner))) and not dates_other_event(
                    question, *self.texts_of(cands, [best, partner])):  # "deployment date": not the release's
                short = found[partner]
            info["type_match"] = max(info["type_match"], float(feats[partner, _F["type_match"]]))
        quote, lead = self.raw[doc][a:b], max(0, a - 300)  # lead: what comes before the quote, for named amounts
        # Trainium2 for Trainium3, 1 GW for "its 5 GW", Meta's order for Tesla's, highest for lowest, Robert Boyle for John Boyle (not yes/no).
        other = other_version(question, quote) or (None if YES_NO.match(question) else
                                                   other_figure(question, quote) or other_owner(question, quote, self.raw[doc][lead:a]) or opposite_word(question, quote)
                                                   or other_speaker(question, quote) or other_stated(question, self.raw[doc], a, b)
                                                   or unnamed_amount(question, self.raw[doc][lead:b], a - lead) or denied_only(question, quote)
                                                   or other_name(question, quote, self.raw[doc]) or swapped_name(question, quote, self.raw[doc]) or other_number(question, quote))
        if other is not None or asks_only(quote):  # nor does a heading asking the question
            return Reading(doc, a, b, None, prob, True, f"The closest passages are about {other[1]}, not {other[0]}." if other else ASKS_ONLY, info)
        if asks_fact(question) and ((not info["type_match"] and not states_fact(question, quote))
                                    or counts_only_time(quote, counted_noun(question), measures_size(question), counts_another_kind)
                                    or gives_no_age(question, quote) or gives_no_time(question, quote, answer_type(question))):
            # Asked for an amount, a date, a figure or an age, a sentence stating none does not answer; nor years a count.
            currency = asked_currency(question)
            what = f"amount in {currency}" if currency else "age" if asks_age(question) else FACT_KINDS[answer_type(question)]
            reason = f"The articles discuss this but give no {what} for it."
            return Reading(doc, a, b, None, prob, True, reason, info, gate)
        if asks_process_node(question):
            if not states_process_node(quote):
                return Reading(doc, a, b, None, prob, True, "The articles discuss this but give no process node for it.", info, gate)
            # Of a two-sentence quote, the short answer of the sentence that states the node.
            short = next((found[i] for i in (best, partner) if i in found and states_process_node(
                self.raw[doc][found[i][0]:found[i][1]])), None)
        kind = quoted_kind(question)
        if kind is not None and not holds_asked_kind(kind, question, self._quote_views(cands, best, partner)):
            # "Who heads Samsung's foundry business?" is not answered by a sentence on the
            # business's backlog that names nobody but Samsung (qa.reading.asked_kind).
            return Reading(doc, a, b, None, prob, True, KIND_REASONS[kind], info, gate)
        if self.gate is not None and not self.gate.answerable(np.array(gate)) and not said:
            # About the passage's subject, but asking for what it never says.
            lacking = self._lacking(question, row)
            reason = ("The closest passages do not say " + ", ".join(f"“{w}”" for w in lacking) + "." if lacking
                      else "The closest passages are on the subject but do not answer the question.")
            return Reading(doc, a, b, None, prob, True, reason, info, gate)
        if short is not None and asks_what_said(question) and names_the_speaker(self.raw[doc][short[0]:short[1]], quote):
            short = None  # asked what was said: who said it is no short answer
        if short is not None and asks_dated(question) and report_dates_only(
                question, self._quote_views(cands, best, partner)):  # the views only for "when will / did"
            # Asked when a thing will happen, the day a report ran is no short answer; the quote
            # stays, since it may name the time another way ("... again for Super Bowl LI", SQuAD).
            short = None
        return Reading(doc, a, b, short, prob, False, None, info, gate)

    def _lacking(self, question: str, row: int) -> list[str]:
        """Up to three words of the question that sentence ``row``, its neighbours and its article never use."""
        return missing_words(question, self._doc_terms.context(self.data, row), tokenize)[:3]

    def _quote_views(self, cands, best: int, partner: int | None) -> list:
        idx = [best] if partner is None else [best, partner]
        return views_of(self.data, [cands[i][0] for i in idx], self.texts_of(cands, idx))

    def _gate_features(self, question: str, cands, best: int, info: dict) -> tuple[float, ...]:
        """qa.reading.answerable.GATE_FEATURES of candidate ``best``."""
        row = cands[best][0]
        doc, a, b = (int(x) for x in self.data.sentences[row])
        read_terms = set().union(*(sentence_tokens(t) for t in self.texts_of(cands, range(len(cands)))))
        x = gate_features(question, info, q_terms=asked_terms(question, info), idf=self._idf,
                          sentence=self.raw[doc][a:b], context_terms=self._doc_terms.context(self.data, row),
                          doc_terms=self._doc_terms.terms(doc), read_terms=read_terms, doc_words=self._doc_terms.words(doc))
        return tuple(float(v) for v in x)

    def _merge_neighbour(self, cands, logits, best: int, doc: int, a: int, b: int,
                         feats: np.ndarray | None = None) -> tuple[int, int, int | None]:
        return merge_neighbour(self.config, self.data.sentences, cands, logits, best, doc, a, b, feats)

    def _cross_scores(self, question: str, cands, feats: np.ndarray) -> np.ndarray:
        """The cross-encoder's logits for the ``cross_top`` candidates the scorer without it ranks
        best (cross_column fills in the rest)."""
        top = prerank_order(feats, self.config.prerank_weights(), self.config.cross_top)
        return cross_column(len(cands), top, self.cross.score(question, self.texts_of(cands, top)))

    def texts_of(self, cands, idx) -> list[str]:
        """The sentences of the candidates at ``idx``."""
        rows = (self.data.sentences[cands[int(i)][0]] for i in idx)
        return [self.raw[int(d)][int(a):int(b)] for d, a, b in rows]

    def _short(self, question, cands, feats, logits, top, extra=()):
        """Let the short-answer extractor re-rank the top sentences (returned best first): a sentence
        holding a span of the expected type is a better answer than a near-identical one that does not.
        ``extra`` candidates get short answers too (their confidence enters ``feats``), but are not ranked."""
        from .shortanswer import extract_short_answer, parse_many

        read = [*top, *extra]
        texts = self.texts_of(cands, read)
        views = stored_views(self.data, [cands[int(i)][0] for i in read], texts)
        if views is None:
            parse_many(texts)  # one spaCy batch for the sentences not parsed before
        found = {}
        for k, (i, text) in enumerate(zip(read, texts)):
            a = int(self.data.sentences[cands[int(i)][0], 1])
            span = extract_short_answer(question, text, doc=views[k] if views else None)
            if span is not None:
                found[int(i)], feats[int(i), _F["short"]] = (a + span[0], a + span[1]), span[2]
        w = self.config.weights.get("short", 0.0)
        return sorted((int(i) for i in top), key=lambda i: -(logits[i] + w * feats[i, _F["short"]])), found, feats
