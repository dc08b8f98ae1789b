"""Question-aware conflicts: do the retrieved documents give the question different answers?

The corpus-wide rules (``qa.conflicts.corpus_wide``) only compare sentences that line up with one another. A
document that states its answer elsewhere (an infobox, a list, a differently worded sentence) is
missed, and two near-copies about different entities that share a name (two Kaliganj upazilas) look
like a contradiction. Knowing the question fixes both. ``QuestionConflicts.find`` (what ``ask()``
runs, on the passages about the question's subject, and on every sentence of the documents that
copy one of those: misinformation rewritten from a page may state its answer in a passage that
reads unlike the question) combines three signals:

1. Stored corpus-wide conflicts among those passages, kept when a statement is close to the
   question (cosine >= 0.7, read off the gold set) or when the conflict is of the kind of answer
   the question asks for (a date conflict for "when", a numeric one for "how many", an entity one
   for "who") and a statement answers it.
2. Answers: the expected answer type (``qa.reading.answertype``); in each document the sentences most
   related to the question (cosine with the question vector plus the share of the question's words
   they repeat), and in them the candidate answer of that type next to what the question asks
   ("directed by ..." for "who directed"), or what a definition says the subject is ("a 2001
   American drama film" for "what genre"). Two documents disagree when each one's answer is absent
   from the other document.
3. Near-copy swaps (``qa.conflicts.swaps``): two documents that repeat one another sentence for
   sentence but swap a value of the asked kind in a sentence related to the question.
4. Choices (``qa.conflicts.choices``): a question that lists its answers ("a town or a village?")
   is answered by the one option each document affirms; two documents giving one value, one denying
   what the other asserts of it ("did not participate in the 1513 conclave"), disagree; so do one
   leaving a yes/no question's object out and one saying it (``qa.conflicts.exclusion``).

Same entity or not (``qa.conflicts.entity``): two documents are about the same entity when they share
enough text (word 4-grams) or names, or one names its subject with a qualifier the other repeats
("Dallas County Courthouse (Iowa)" ... "Adel, Iowa"); not when the names qualifying the subject where it
is first mentioned differ ("Kaliganj Upazila, Jhenaidah" vs "Kaliganj Upazila, Lalmonirhat"), when each
answer sentence names its own subject (Meta's 5 GW, Anthropic's 1 GW), or when near-copies swap many
different things (one template, two entities). Documents not shown to be one entity still disagree when
their answers are near misses (1988 / 1989, 69 / 87 tornadoes: namesakes' figures are unrelated), or
when the question pins both answers to one fact (an option it lists, the value both give). Copies of one
article (half their 4-grams shared) that rename nothing but the answer are one entity whatever their
qualifiers say (``qa.conflicts.rewrite``: a rewrite changes the answer in the title too); a qualifier
one document lacks is no evidence when that document never names the subject up front (an excerpt). A
stored numeric conflict between copies of one statement (same figures) is dropped. A disagreement
between the same entity is a ``Conflict`` of kind ``answer`` (or the stored kind); between different
entities sharing a name it is a ``Conflict`` of kind ``ambiguity``, which the pipeline turns into a
``Note`` (``Answer.notes``): the sources describe different things.

Measured on RAMDocs through ``ask()``'s conflict stage (``python -m qa.bench.conflicts``), settings
tuned on the even questions: see qa/conflicts/README.md."""
from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import replace

import numpy as np

from .answer_facts import ANSWER, DocFacts, QuestionSettings, Value, _about_subject, _agree, _present, _question, _Question, off_the_stated_name, with_corpus_names
from ..ingest.text import nfkc
from .answers import _answers, _chosen, _polarity, _relevance, asks_several, by_the_verb, close_values
from .held import Held
from .exclusion import exclusion_links
from .entity import SAME, UNRELATED, _qualifiers, entity_relation, same_entity
from .rewrite import rewritten
from .summaries import _Said, conflict_of, one_unless_two
from .slots import (_components, _figures, _fits, asks_standing, certainty_bears, names_subject, said_by_asked, speaks_to_claim,
                    speaks_to_predicate, states_an_answer, measured_words)
from ..reading.answertype import question_focus
from ..reading.measured import asks_what_said
from .sentences import Encoder, _DocSentences, _Sentence
from .swaps import Swaps, _figures_differ, swaps_between
from ..ingest.corpus import Document
from ..results import AMBIGUITY, Conflict

__all__ = ["DocFacts", "QuestionConflicts", "QuestionSettings", "find_conflicts_for_question",
           "ANSWER", "AMBIGUITY", "same_entity"]


# --------------------------------------------------------------------------- public API


_KIND_OF = {"numeric": "number", "date": "date", "entity": "name"}


class QuestionConflicts:
    """Per-document facts kept in memory (built once per document: up front, or on first use
    through ``lazy``); ``find`` then costs a few milliseconds per question."""

    def __init__(self, docs: Sequence[Document] = (), encode: Encoder | None = None,
                 settings: QuestionSettings | None = None, *, lazy: Mapping[str, Document] | None = None,
                 analysed: Callable[[Document], _DocSentences | None] | None = None,
                 held_docs: int | None = 2048, held_pairs: int | None = 16384):
        self.encode = encode
        # Sentence analyses already made elsewhere (``PairCache.analysed``): reused, not redone.
        self.analysed = analysed
        self.settings = settings or (QuestionSettings() if encode else QuestionSettings(relevant=0.5))
        # Documents whose facts are built on first use (the app's corpus: nothing at load time),
        # the least recently used dropped past ``held_docs`` (qa.conflicts.held); ``docs`` are kept.
        self.lazy: Mapping[str, Document] = lazy or {}
        self.facts: Held[str, DocFacts] = Held(lambda d: self._of(self.lazy[d]) if d in self.lazy else None, held_docs)
        self._swaps: Held[tuple[str, str, bool], Swaps] = Held(None, held_pairs)  # by the documents' fingerprints
        for d in docs:
            self.facts.pin(d.doc_id, self._of(d))

    def _of(self, doc: Document) -> DocFacts:
        return DocFacts.of(doc, self.encode, self.analysed(doc) if self.analysed else None)

    def find(self, question: str, passages: Sequence[tuple[str, int, int]] | None = None,
             qvec: np.ndarray | None = None, settings: QuestionSettings | None = None,
             stored: Sequence[Conflict] = (), figure: frozenset[str] = frozenset(),
             written_as_name: Callable[[str], bool] | None = None) -> list[Conflict]:
        """Conflicts and ambiguities between the documents of ``passages`` (raw ``(doc_id, start,
        end)`` spans, best first; None: every document) on the answer to ``question``: the stored
        corpus-wide conflicts given in ``stored`` that bear on the question (rechecked for
        different entities), then disagreements on the answer itself (kind ``answer``), and the
        same between different entities sharing a name (kind ``ambiguity``). ``qvec`` is the
        question's L2-normalised vector in the space of the encoder the facts were built with
        (None: lexical relevance only); ``figure``: the words of the figure the reader answered with;
        ``written_as_name``: whether the corpus writes a word typed in small letters as a name."""
        st = settings or self.settings
        q = _question(question, st.yes_no_values, st.stated_names, st.date_precision)
        rows = self._rows(passages)
        if passages is not None:
            rows.update(self._copies_of(rows, st))
        if st.corpus_names and rows:
            q = with_corpus_names(q, [self.facts[d] for d in rows], written_as_name)
        if qvec is None and self.encode is not None and any(self.facts[d].vectors is not None for d in rows):
            qvec = np.asarray(self.encode([nfkc(question)]), dtype=np.float32)[0]
        answers: dict[str, _Said] = {}
        if st.answers or st.stored:
            for doc_id, rs in rows.items():
                f = self.facts[doc_id]
                found = _answers(q, f, rs, qvec if f.vectors is not None else None, st)
                if found:
                    answers[doc_id] = found[0]
        out = []
        if st.stored:
            for c in stored:
                close, relevant = self._statement_relevance(c, q, qvec, st, rows)
                if st.certainty_slot and c.kind in ("certainty", "negation") and (q.kind is not None or asks_standing(q)):
                    keep = relevant >= st.stored_kind_relevant and certainty_bears(
                        c, q, self.facts.get, close >= st.stored_close, rows, figure, st.owner_slot) and (
                        not st.answer_figure or asks_standing(q) or states_an_answer(c, answers))
                else:
                    keep = close >= st.stored_close or (q.kind is not None and _KIND_OF.get(c.kind) == q.kind and relevant >= (
                        st.stored_kind_relevant) and speaks_to_predicate(c, q, self.facts.get, 2, rows, q.predicate - measured_words(q)))
                    if (keep and st.explain_docs and q.kind is None and c.kind in ("certainty", "negation")
                            and question_focus(q.text).wh):
                        keep = speaks_to_predicate(c, q, self.facts.get, st.explain_docs, rows)
                # "What is Anthropic's relationship with Samsung's 2nm foundry?" asks of that claim, not the backlog.
                if (keep and st.claim_docs and c.kind in ("certainty", "negation") and (asks_standing(q) or (
                        not question_focus(q.text).wh and (q.kind is None or q.stated)))):
                    keep = speaks_to_claim(c, q, self.facts.get, st.explain_docs or 2, rows)
                if keep and (not st.subject_named or all(
                        names_subject(self.facts[s.doc_id], q, False) for s in c.statements if s.doc_id in self.facts)):
                    kept = self._recheck(c, q, answers, st, rows)
                    if kept is not None:
                        out.append(kept)
        links: list[tuple[str, str, str, _Said, _Said]] = []  # (kind, doc a, doc b, what each says)
        if st.answers:
            links += self._answer_links(q, answers, st)
            if st.choices and q.options:
                links += self._choice_links(q, rows, qvec, st)
            if st.exclusions and q.kind is None and not q.options and not question_focus(q.text).wh:
                links += exclusion_links(q, self.facts, rows, qvec, st, lambda fa, fb, v, s: self._link_kind(
                    fa, fb, q, v, s, st, lambda: one_unless_two(fa, fb, q, st, v, s)))
        if st.swaps and q.kind is not None:
            links += self._swap_links(q, rows, qvec, st, out)
        for kind in (ANSWER, AMBIGUITY):
            said: dict[str, _Said] = {}
            pairs = []
            for k, da, db, sa, sb in links:
                if k == kind:
                    said.setdefault(da, sa)
                    said.setdefault(db, sb)
                    pairs.append((da, db))
            for group in _components(pairs):
                out.append(conflict_of(kind, group, said, self.facts))
        if st.said_by_asked and asks_what_said(q.text):
            out = [c for c in out if said_by_asked(c, q.text, self.facts.get)]
        if st.notes_alone and any(c.kind != AMBIGUITY for c in out):
            out = [c for c in out if c.kind != AMBIGUITY]
        return [c for c in out if c.kind != AMBIGUITY or len({s.doc_id for s in c.statements}) >= st.note_docs]

    def _answer_links(self, q: _Question, answers: dict[str, _Said], st: QuestionSettings) -> list:
        # An article never naming the question's subject does not answer it (slots.names_subject).
        order = [d for d in answers if names_subject(self.facts[d], q)]
        several = st.sets and asks_several(q.text)  # members of an asked set: two values, no disagreement
        links = []
        for x, da in enumerate(order):
            for db in order[x + 1:]:
                a, b = answers[da][2], answers[db][2]
                fa, fb = self.facts[da], self.facts[db]
                sents = (fa.sents[answers[da][1]], fb.sents[answers[db][1]])
                if a.key == b.key and st.negated_slot:
                    # One value, but one source denies what the other asserts of it ("did not
                    # participate in the 1513 conclave"): the value pins both to one fact, if the quotes show it.
                    pa, pb = _polarity(sents[0], a, q), _polarity(sents[1], b, q)
                    kind = self._link_kind(fa, fb, q, (a, b), sents, st, lambda fa=fa, fb=fb, v=(a, b), s=sents: one_unless_two(
                        fa, fb, q, st, v, s)) if pa and pb and pa[0] != pb[0] and pa[1].text.casefold() != pb[1].text.casefold() else None
                    if kind is not None:
                        links.append((kind, da, db, answers[da][:2] + (pa[1],), answers[db][:2] + (pb[1],)))
                keys = q.keys - q.claimed  # the value a yes/no question states is no subject word
                if several or _agree(a, b) or _present(a, fb, keys) or _present(b, fa, keys) or (
                        st.stated_name_given and off_the_stated_name(q, a, b)):
                    continue

                # Near misses of the value a question states ("in 1988?": 1988 / 1989), or two names in
                # the place of the name it states, are two reports of the one fact it asks about.
                relation = lambda fa=fa, fb=fb, v=(a, b), s=sents: (  # noqa: E731
                    SAME if (r := entity_relation(fa, fb, q, st, v, s)) == UNRELATED and st.close_values
                    and (q.stated and close_values(*v) or q.answer_kind == "name" and q.claimed) else r)
                kind = self._link_kind(fa, fb, q, (a, b), sents, st, relation)
                if kind is not None:
                    links.append((kind, da, db, answers[da], answers[db]))
        return links

    def _choice_links(self, q: _Question, rows: dict[str, list[int]], qvec, st: QuestionSettings) -> list:
        """A choice question's answers: the option each document affirms (``answers._chosen``). The
        question names its subject and every answer, so two documents affirming two options answer
        that one question: only evidence of two entities (qualifiers) keeps them apart, not the
        little text two excerpts share."""
        said = {d: x for d, rs in rows.items() if (x := _chosen(q, self.facts[d], rs, qvec, st)) is not None}
        links, order = [], list(said)
        for x, da in enumerate(order):
            for db in order[x + 1:]:
                (_, ia, va), (_, ib, vb) = said[da], said[db]
                fa, fb = self.facts[da], self.facts[db]
                sents = (fa.sents[ia], fb.sents[ib])
                kind = None if va.key == vb.key else self._link_kind(
                    fa, fb, q, (va, vb), sents, st, lambda fa=fa, fb=fb, v=(va, vb), s=sents: one_unless_two(fa, fb, q, st, v, s))
                if kind is not None:
                    links.append((kind, da, db, said[da], said[db]))
        return links

    def _swap_links(self, q: _Question, rows: dict[str, list[int]], qvec, st: QuestionSettings,
                    shown: list[Conflict]) -> list:
        """Near-copies that swap a word of a sentence answering the question: "a 2001 American
        drama film" / "a 2001 American comedy film" asked for the film's genre."""
        covered = {(s.doc_id, s.start) for c in shown for s in c.statements}
        order = [d for d in rows if not st.subject_named or names_subject(self.facts[d], q, False)]
        links = []
        for x, da in enumerate(order):
            fa = self.facts[da]
            for db in order[x + 1:]:
                fb = self.facts[db]
                # Two copies of one article (most of their word 4-grams shared) are about one entity.
                copies = fa.shares_grams(fb, st.copy_grams)
                quals = frozenset().union(*_qualifiers(fa, q))
                for sw in self._swaps_of(fa, fb, st).swaps:
                    sa, sb = fa.sents[sw.row_a], fb.sents[sw.row_b]
                    kind = sw.kind(sa, sb)
                    if not _fits(kind, q, sw, sa, sb) or not by_the_verb(q, sa, sw.first_a, sw.last_a, st) or (
                            (da, sa.start) in covered and (db, sb.start) in covered):
                        continue
                    if kind == "number" and not _figures_differ(sa, sb, sw):
                        continue
                    va = Value("name", " ".join(sa.keys[sw.first_a:sw.last_a]), sw.text_a, sw.first_a, sw.last_a)
                    vb = Value("name", " ".join(sb.keys[sw.first_b:sw.last_b]), sw.text_b, sw.first_b, sw.last_b)
                    if _about_subject(va, q) or _about_subject(vb, q) or set(va.key.split()) & quals:
                        continue  # the swap is in the name asked about: two entities or a typo
                    rel = float(_relevance(q, fa, [sw.row_a], qvec if fa.vectors is not None else None, st)[0])
                    if rel < st.swap_relevant:
                        continue
                    kind = self._link_kind(fa, fb, q, (va, vb), (sa, sb), st,
                                           lambda: entity_relation(fa, fb, q, st, (va, vb), (sa, sb), False, copies),
                                           templated=not copies)
                    if kind is not None:
                        links.append((kind, da, db, (rel, sw.row_a, va), (rel, sw.row_b, vb)))
                    break
        return links

    def _link_kind(self, fa: DocFacts, fb: DocFacts, q: _Question, values, sents, st: QuestionSettings,
                   relation, templated: bool = True) -> str | None:
        """What two documents' different answers are: a conflict (``ANSWER``, the same entity), an
        ambiguity (evidence of two entities sharing a name), or nothing (``None``: documents
        sharing too little to tell, two articles on other subjects that each mention the name;
        with ``st.namesake_evidence`` off they count as an ambiguity, as before)."""
        if not st.entity_check or self._rewritten(fa, fb, q, values, sents, st):
            return ANSWER
        found = relation()
        if self._renamed(fa, fb, q, st):
            return AMBIGUITY  # near-copies that swap the qualifier of their subject
        if templated and self._templated(fa, fb, st):
            # One template about two things (many values swapped): no conflict, and which name
            # they share is unknown.
            return None if st.namesake_evidence else AMBIGUITY
        if found == SAME:
            return ANSWER
        if found == UNRELATED and st.namesake_evidence:
            return None
        return AMBIGUITY

    def _swaps_of(self, fa: DocFacts, fb: DocFacts, st: QuestionSettings) -> Swaps:
        key = (fa.doc.fingerprint, fb.doc.fingerprint, st.swap_dates)
        got = self._swaps.get(key)
        if got is None:
            got = self._swaps.put(key, swaps_between(fa.sents, fb.sents, fa.vectors, fb.vectors, st.swap_dates, fb.sharing()))
        return got

    def _rewritten(self, fa: DocFacts, fb: DocFacts, q: _Question, answers: tuple[Value, Value] | None,
                   sents: tuple[_Sentence, _Sentence] | None, st: QuestionSettings) -> bool:
        return rewritten(fa, fb, self._swaps_of(fa, fb, st), q, answers, sents, st)

    def _templated(self, fa: DocFacts, fb: DocFacts, st: QuestionSettings) -> bool:
        """Near-copies that swap many different things are one template about two entities."""
        return bool(st.multi_swap) and self._swaps_of(fa, fb, st).distinct >= st.multi_swap

    def _renamed(self, fa: DocFacts, fb: DocFacts, q: _Question, st: QuestionSettings) -> bool:
        """Near-copies that swap the qualifier of their subject ("Kaliganj Upazila, Jhenaidah" /
        "Kaliganj Upazila, Lalmonirhat") are about two entities of one name."""
        (qa, pa), (qb, pb) = _qualifiers(fa, q), _qualifiers(fb, q)
        return any(set(sw.key.split("|")[0].split()) & (qa | pa) and set(sw.key.split("|")[1].split()) & (qb | pb)
                   for sw in self._swaps_of(fa, fb, st).swaps)

    def _statement_relevance(self, c: Conflict, q: _Question, qvec, st: QuestionSettings,
                             read: Container = ()) -> tuple[float, float]:
        """How close the best statement of a stored conflict is to the question (cosine) and how
        well it answers it (cosine plus the share of the question's words), both 1.0 when its
        documents are unknown here, so that nothing is dropped for want of facts. Only statements
        of the documents ``read`` for the question count when it has any: a conflict between
        hundreds of copies had every copy analysed (~70 ms at a first question in an archive)."""
        close = best = -1.0
        for s in [s for s in c.statements if s.doc_id in read] or c.statements:
            f = self.facts.get(s.doc_id)
            if f is None:
                return 1.0, 1.0
            rows = [i for i, x in enumerate(f.sents) if x.start < s.end and s.start < x.end]
            if not rows:
                continue
            best = max(best, float(_relevance(q, f, rows, qvec if f.vectors is not None else None, st).max()))
            if qvec is not None and f.vectors is not None:
                close = max(close, float((f.vectors[rows] @ qvec).max()))
        return close, best

    def _recheck(self, c: Conflict, q: _Question, answers, st: QuestionSettings, read: Container = ()) -> Conflict | None:
        """A stored conflict stays one unless every two of its documents are different entities
        sharing the question's name; then it becomes an ambiguity. None when every two of them
        state the same figures: copies of one statement, formatted apart, do not disagree."""
        if c.kind == AMBIGUITY or not st.entity_check:
            return c
        ds = sorted((d for d in dict.fromkeys(s.doc_id for s in c.statements) if d in self.facts or d in self.lazy),
                    key=lambda d: d not in read)
        ds = ds[:sum(d in read for d in ds) + st.recheck_unread] if st.recheck_unread is not None else ds  # read first
        if len(ds) < 2:
            return c
        said = {d: {" ".join(x.text.split()) for x in c.statements if x.doc_id == d} for d in ds}
        figures = {d: _figures(x.text for x in c.statements if x.doc_id == d) for d in ds}
        apart = False  # whether two of the documents state different things
        namesakes = not st.stored_note_evidence  # whether two of them are shown to be namesakes
        for x, da in enumerate(ds):
            for db in ds[x + 1:]:
                if said[da] == said[db]:
                    continue  # two copies saying the same thing do not disagree with each other
                if st.same_figures and c.kind == "numeric" and figures[da] and figures[db] and (
                        figures[da] <= figures[db] or figures[db] <= figures[da]):
                    continue  # "(54.0/km)" / "( 54.0/km 2 )", or one copy cut short: one statement
                apart = True
                vals = (answers[da][2], answers[db][2]) if da in answers and db in answers else None
                fa, fb = self.facts[da], self.facts[db]
                if self._rewritten(fa, fb, q, vals, None, st):
                    return c
                rel = entity_relation(fa, fb, q, replace(st, same_names=st.stored_names), vals, None)
                if rel == SAME and not self._templated(fa, fb, st) and not self._renamed(fa, fb, q, st):
                    return c
                namesakes = namesakes or rel != UNRELATED or self._renamed(fa, fb, q, st)
        if (not apart and st.same_figures and c.kind == "numeric") or (apart and not namesakes):
            return None
        return Conflict(AMBIGUITY, "These sources may describe different entities that share a name, so "
                        "their statements need not disagree. " + c.summary, c.statements)

    def _copies_of(self, rows: dict[str, list[int]], st: QuestionSettings) -> dict[str, list[int]]:
        """Every sentence row of the documents that copy much of an on-subject document (its word
        4-grams, as for one entity) though none of their passages came close to the question: a copy
        of a page about the subject is about it, and misinformation rewritten from it may state the
        answer in a passage that reads unlike the question. Only small corpora are scanned (every
        document's facts are built), up to ``st.copy_scan`` documents."""
        known = list(self.facts) + [d for d in self.lazy if d not in self.facts]
        if not st.copy_scan or len(known) > st.copy_scan or not rows:
            return {}
        out: dict[str, list[int]] = {}
        for d in known:
            f = None if d in rows else self.facts.get(d)
            if f is not None and f.sents and any(f.shares_grams(self.facts[e], st.same_grams) for e in rows):
                out[d] = list(range(len(f.sents)))
        return out

    def _rows(self, passages) -> dict[str, list[int]]:
        """Sentence rows of each document inside the passages (every row without passages)."""
        if passages is None:
            docs = list(self.facts) + [d for d in self.lazy if d not in self.facts]
            return {d: list(range(len(f.sents))) for d in docs if (f := self.facts.get(d)) is not None}
        spans: dict[str, list[tuple[int, int]]] = {}
        for doc_id, start, end in passages:
            spans.setdefault(doc_id, []).append((start, end))
        return {doc_id: [i for i, s in enumerate(f.sents) if any(a < s.end and s.start < b for a, b in ss)]
                for doc_id, ss in spans.items() if (f := self.facts.get(doc_id)) is not None}


def find_conflicts_for_question(question: str, docs: Sequence[Document], encode: Encoder | None = None,
                                passages: Sequence[tuple[str, int, int]] | None = None,
                                settings: QuestionSettings | None = None) -> list[Conflict]:
    """One-off form of ``QuestionConflicts(docs, encode).find(question, passages)``: analyses the
    documents on every call, so the product should keep a ``QuestionConflicts`` instead."""
    return QuestionConflicts(docs, encode, settings).find(question, passages)
