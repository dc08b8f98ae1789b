"""The rows ``qa eval`` asks (:class:`Item`) and a data set of them (:class:`Dataset`), apart from
the loaders (``qa.evaluation.datasets``, ``qa.evaluation.wikicontradict``) so that each loader can
import them."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Item", "Dataset"]


@dataclass(frozen=True)
class Item:
    """One question to ask and what a right result looks like."""

    qid: str
    question: str
    answers: tuple[str, ...]
    doc_ids: tuple[str, ...] = ()
    answerable: bool = True
    conflict: bool | None = None  # None: not known, left out of the conflict figures
    conflict_doc_ids: tuple[str, ...] = ()
    category: str | None = None
    corpus: str | None = None  # None: the default corpus (seeds/)
    index_dir: str | None = None
    paragraph: str | None = None  # SQuAD: "doc_id#paragraph" holding the answer
    group: str | None = None  # one fact asked several ways (the second seed question set)
    dialogue: str | None = None  # a conversation's id: its turns are asked in order, with history
    turn: int = 1
    standalone: str | None = None  # a follow-up rewritten to need no context (the ceiling)
    # The documents describe different entities sharing the question's name (RAMDocs'
    # disambig_entity), whatever else they hold: a misinformation document too, in "conflict".
    namesakes: bool = False


@dataclass
class Dataset:
    name: str
    kind: str  # gold | squad | ramdocs | wikicontradict
    items: list[Item]
    paragraph_of: Callable[[str, int, int], int] | None = None
    texts: dict[str, str] = field(default_factory=dict)  # known document texts by "corpus|doc_id"
    extra_metrics: Callable[[list[dict]], dict] | None = None  # the data set's own figures, from the records
