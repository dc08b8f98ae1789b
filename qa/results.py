"""What ask() returns: frozen dataclasses with a JSON-serialisable to_dict()."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    """A verbatim passage of one document: ``raw_text[start:end] == text``."""

    doc_id: str
    title: str
    date: str | None
    start: int
    end: int
    text: str
    score: float
    outlet: str | None = None
    page: int | None = None  # a PDF's page holding ``start``

    def to_dict(self) -> dict:
        # Not dataclasses.asdict: its recursive copy took 1.3 s of saving 11,000 statements.
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, d: dict) -> "Citation":
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__})


# What the conflict finder calls documents that describe different entities sharing a name; the
# pipeline turns each into a Note of kind NAMESAKE, never a Conflict.
AMBIGUITY = "ambiguity"
NAMESAKE = "namesake"


@dataclass(frozen=True)
class _Statements:
    """A kind, a one-line summary naming the sources, and the statements it is about."""

    kind: str
    summary: str
    statements: tuple[Citation, ...]

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "summary": self.summary,
            "statements": [s.to_dict() for s in self.statements],
        }

    @classmethod
    def from_dict(cls, d: dict):
        return cls(d["kind"], d["summary"], tuple(Citation.from_dict(s) for s in d["statements"]))


@dataclass(frozen=True)
class Conflict(_Statements):
    """Statements from two or more documents that cannot all be true (or differ in certainty);
    ``kind``: numeric | certainty | negation | entity | date | answer."""


@dataclass(frozen=True)
class Note(_Statements):
    """Something about the sources that is no disagreement but changes how to read them: kind
    ``namesake`` when they describe different entities sharing the name asked about, so their
    different answers need not contradict each other."""


@dataclass(frozen=True)
class Answer:
    """An extractive answer. ``answer`` is a substring of ``citations[0].text``.

    ``answer_start``/``answer_end`` and ``short_start``/``short_end`` are raw offsets in the
    document of ``citations[0]`` (None when there is no answer / no short answer).
    """

    question: str
    answer: str | None
    short_answer: str | None
    abstained: bool
    reason: str | None
    citations: list[Citation] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    answer_start: int | None = None
    answer_end: int | None = None
    short_start: int | None = None
    short_end: int | None = None
    score: float = 0.0
    notes: list[Note] = field(default_factory=list)
    # How a follow-up was read against the conversation's earlier turns (None: as typed).
    read_as: str | None = None

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "short_answer": self.short_answer,
            "abstained": self.abstained,
            "reason": self.reason,
            "citations": [c.to_dict() for c in self.citations],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "answer_start": self.answer_start,
            "answer_end": self.answer_end,
            "short_start": self.short_start,
            "short_end": self.short_end,
            "score": self.score,
            "notes": [n.to_dict() for n in self.notes],
            "read_as": self.read_as,
        }
