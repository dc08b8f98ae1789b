"""Question-aware conflicts: do the retrieved documents give the question different answers?

The corpus-wide rules (``qa.conflicts``) only compare sentences that line up with one another. A
document that states its answer elsewhere (an infobox, a list, a differently worded sentence) is
missed, and two near-copies about different entities that share a name (two Kaliganj upazilas) look
like a contradiction. Knowing the question fixes both:

1. Build time (``DocFacts.of``, once per document): every content sentence analysed
   (``qa.conflict_sentences``), its candidate answers per kind (dates, figures, names), the
   document's names and hashed word 4-grams, and the names qualifying its subject.
2. Question time (``QuestionConflicts.find``): the expected answer type (``qa.answertype``); in
   each retrieved document the sentences most related to the question (cosine with the question
   vector, plus the share of the question's words they repeat), and in them the candidate answers of
   that type, closest to the question's words first. Two documents disagree when each one's answer
   is absent from the other document (a figure, date or name the other never states).
3. Same entity or not: two documents are about the same entity when they share enough text (word
   4-grams) or names, and the names that qualify the question's subject where it is first mentioned
   ("Kaliganj Upazila, Jhenaidah" vs "Kaliganj Upazila, Lalmonirhat", "No. 100 Squadron RAAF" vs
   "RAF") do not differ. A disagreement between the same entity is a ``Conflict`` of kind ``answer``;
   between different entities sharing a name it is a ``Conflict`` of kind ``ambiguity`` (the UI
   should say "these sources describe different X", not "these sources disagree").
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from .answer_facts import (
    _Q_STOP,
    AMBIGUITY,
    ANSWER,
    DocFacts,
    QuestionSettings,
    Value,
    _about_subject,
    _agree,
    _junk,
    _name_parts,
    _present,
    _question,
    _Question,
)
from .claims import nfkc
from .conflict_entity import same_entity
from .conflict_sentences import Encoder
from .corpus import Document
from .results import Citation, Conflict

__all__ = ["DocFacts", "QuestionConflicts", "QuestionSettings", "find_conflicts_for_question",
           "ANSWER", "AMBIGUITY", "same_entity"]


def _relevance(q: _Question, f: DocFacts, rows: Sequence[int], qvec: np.ndarray | None,
               st: QuestionSettings) -> np.ndarray:
    lex = np.array([len(q.stems & f.sents[i].content) / max(1, len(q.stems)) for i in rows], np.float32)
    if qvec is None or f.vectors is None:
        return lex
    return f.vectors[list(rows)] @ qvec + st.lexical_weight * lex


def _answers(q: _Question, f: DocFacts, rows: Sequence[int], qvec: np.ndarray | None,
             st: QuestionSettings) -> list[tuple[float, int, Value]]:
    """The document's candidate answers, best first: (sentence relevance, sentence, value)."""
    if not rows or q.kind is None or q.kind not in st.types or (q.other and "OTHER" not in st.types):
        return []
    rel = _relevance(q, f, rows, qvec, st)
    out: list[tuple[float, int, Value]] = []
    for k in np.argsort(-rel, kind="stable"):
        if rel[k] < st.relevant or len(out) >= st.top_sentences:
            break
        i = rows[k]
        s = f.sents[i]
        anchors = [n for n, key in enumerate(s.keys) if key in q.keys and key not in _Q_STOP]
        best: tuple[float, Value] | None = None
        for v0 in f.values[i]:
            if v0.kind != q.kind:
                continue
            for v in (_name_parts(s, v0, q.keys) if v0.kind == "name" else (v0,)):
                if _about_subject(v, q):
                    continue
                dist = min((abs(a - v.first) for a in anchors), default=len(s.keys))
                if dist > st.near or _junk(v, s):
                    continue
                if best is None or dist < best[0]:
                    best = (dist, v)
        if best is not None:
            out.append((float(rel[k]), i, best[1]))
    return out



# --------------------------------------------------------------------------- public API


class QuestionConflicts:
    """Per-document facts kept in memory (build them once: at index build or load time, or lazily
    through ``add``); ``find`` then costs a few milliseconds per question."""

    def __init__(self, docs: Sequence[Document] = (), encode: Encoder | None = None,
                 settings: QuestionSettings | None = None):
        self.encode = encode
        self.settings = settings or QuestionSettings(relevant=0.45 if encode else 0.5)
        self.facts: dict[str, DocFacts] = {}
        for d in docs:
            self.add(d)

    def add(self, doc: Document) -> DocFacts:
        f = self.facts[doc.doc_id] = DocFacts.of(doc, self.encode)
        return f

    def remove(self, doc_id: str) -> None:
        self.facts.pop(doc_id, None)

    def find(self, question: str, passages: Sequence[tuple[str, int, int]] | None = None,
             qvec: np.ndarray | None = None, settings: QuestionSettings | None = None,
             stored: Sequence[Conflict] = ()) -> list[Conflict]:
        """Conflicts (kind ``answer``) and ambiguities (kind ``ambiguity``) between the documents
        of ``passages`` (raw ``(doc_id, start, end)`` spans, best first; None: every document) on
        the answer to ``question``. ``qvec`` is the question's L2-normalised vector in the space of
        the encoder the facts were built with (None: lexical relevance only)."""
        st = settings or self.settings
        q = _question(question)
        if qvec is None and self.encode is not None and any(f.vectors is not None for f in self.facts.values()):
            qvec = np.asarray(self.encode([nfkc(question)]), dtype=np.float32)[0]
        rows = self._rows(passages)
        answers: dict[str, tuple[float, int, Value]] = {}
        for doc_id, rs in rows.items():
            found = _answers(q, self.facts[doc_id], rs, qvec if self.facts[doc_id].vectors is not None else None, st)
            if found:
                answers[doc_id] = found[0]
        order = list(answers)
        links: dict[str, list[tuple[str, str]]] = {ANSWER: [], AMBIGUITY: []}
        for x, da in enumerate(order):
            for db in order[x + 1:]:
                a, b = answers[da][2], answers[db][2]
                fa, fb = self.facts[da], self.facts[db]
                if _agree(a, b) or _present(a, fb, q.keys) or _present(b, fa, q.keys):
                    continue
                same = same_entity(fa, fb, q, st, (a, b),
                                   (fa.sents[answers[da][1]], fb.sents[answers[db][1]]), st.answer_overlap)
                kind = ANSWER if same else AMBIGUITY
                if kind in st.enabled:
                    links[kind].append((da, db))
        out = [self._recheck(c, q, answers, st) for c in stored
               if self._statement_relevance(c, q, qvec, st) >= st.stored_relevant]
        for kind, pairs in links.items():
            for group in _components(pairs):
                out.append(self._conflict(kind, group, answers))
        return out

    def _statement_relevance(self, c: Conflict, q: _Question, qvec, st: QuestionSettings) -> float:
        """How closely the best statement of a stored conflict answers the question (1.0 when its
        documents are unknown here, so that nothing is dropped for want of facts)."""
        best = -1.0
        for s in c.statements:
            f = self.facts.get(s.doc_id)
            if f is None:
                return 1.0
            rows = [i for i, x in enumerate(f.sents) if x.start < s.end and s.start < x.end]
            if rows:
                best = max(best, float(_relevance(q, f, rows, qvec if f.vectors is not None else None, st).max()))
        return best

    def _recheck(self, c: Conflict, q: _Question, answers, st: QuestionSettings) -> Conflict:
        """A stored conflict stays one unless every two of its documents are different entities
        sharing the question's name; then it becomes an ambiguity."""
        if c.kind == AMBIGUITY:
            return c
        ds = [d for d in dict.fromkeys(s.doc_id for s in c.statements) if d in self.facts]
        if len(ds) < 2:
            return c
        for x, da in enumerate(ds):
            for db in ds[x + 1:]:
                vals = (answers[da][2], answers[db][2]) if da in answers and db in answers else None
                if same_entity(self.facts[da], self.facts[db], q, replace(st, same_names=st.stored_names),
                               vals, None, st.stored_overlap):
                    return c
        return Conflict(AMBIGUITY, "Ambiguous: the sources may describe different entities that share "
                        "a name. " + c.summary, c.statements)

    def _rows(self, passages) -> dict[str, list[int]]:
        if passages is None:
            return {d: list(range(len(f.sents))) for d, f in self.facts.items()}
        rows: dict[str, list[int]] = {}
        for doc_id, start, end in passages:
            f = self.facts.get(doc_id)
            if f is None:
                continue
            have = rows.setdefault(doc_id, [])
            for i, s in enumerate(f.sents):
                if s.start < end and start < s.end and i not in have:
                    have.append(i)
        return rows

    def _conflict(self, kind: str, group: list[str], answers) -> Conflict:
        parts, statements = [], []
        for doc_id in group:
            rel, i, v = answers[doc_id]
            f = self.facts[doc_id]
            s = f.sents[i]
            parts.append(f"{doc_id.split('_', 1)[0]} says “{v.text}”")
            statements.append(Citation(doc_id, f.doc.title, f.doc.date, s.start, s.end, s.raw,
                                       round(min(1.0, max(0.01, rel)), 4), f.doc.outlet))
        head = ("Answer conflict" if kind == ANSWER else
                "Ambiguous: the sources describe different entities that share a name")
        return Conflict(kind, f"{head}: " + "; ".join(parts), tuple(statements))


def _components(pairs: list[tuple[str, str]]) -> list[list[str]]:
    adj: dict[str, set[str]] = {}
    for a, b in pairs:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    seen: set[str] = set()
    out = []
    for start in adj:
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in adj[x] - seen:
                seen.add(y)
                stack.append(y)
        out.append(sorted(comp, key=list(adj).index))
    return out


def find_conflicts_for_question(question: str, docs: Sequence[Document], encode: Encoder | None = None,
                                passages: Sequence[tuple[str, int, int]] | None = None,
                                settings: QuestionSettings | None = None) -> list[Conflict]:
    """One-off form of ``QuestionConflicts(docs, encode).find(question, passages)``: analyses the
    documents on every call, so the product should keep a ``QuestionConflicts`` instead."""
    return QuestionConflicts(docs, encode, settings).find(question, passages)
