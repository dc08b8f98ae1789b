"""What the question path's documents say, made into a ``Conflict`` (``qa.conflicts.question``), and
the entity relation of two documents the question itself pins to one fact."""
from __future__ import annotations

from collections.abc import Mapping

from .answer_facts import ANSWER, DocFacts, QuestionSettings, Value, _Question
from .entity import SAME, UNRELATED, entity_relation
from ..results import Citation, Conflict

__all__ = ["conflict_of", "one_unless_two"]

# A statement a document makes about the answer: (relevance of its sentence, sentence row, value).
_Said = tuple[float, int, Value]


def conflict_of(kind: str, group: list[str], said: dict[str, _Said], facts: Mapping[str, DocFacts]) -> Conflict:
    """One conflict (or namesake note) citing what each document of a group says."""
    parts, statements = [], []
    for doc_id in group:
        rel, i, v = said[doc_id]
        f = facts[doc_id]
        s = f.sents[i]
        parts.append(f"{doc_id.split('_', 1)[0]} says “{v.text}”")
        statements.append(Citation(doc_id, f.doc.title, f.doc.date, s.start, s.end, s.raw,
                                   round(min(1.0, max(0.01, rel)), 4), f.doc.outlet))
    head = ("Answer conflict" if kind == ANSWER else
            "These sources may describe different entities that share a name, so their answers need not disagree")
    return Conflict(kind, f"{head}: " + "; ".join(parts), tuple(statements))


def one_unless_two(fa: DocFacts, fb: DocFacts, q: _Question, st: QuestionSettings, values, sents) -> str:
    """The entity relation of two documents whose answers the question itself pins to one fact (an
    option it lists, the value it states): one entity unless something shows two."""
    r = entity_relation(fa, fb, q, st, values, sents)
    return SAME if r == UNRELATED else r
