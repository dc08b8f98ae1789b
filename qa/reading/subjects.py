"""Whether a sentence says something about the question's subject or only lists it beside others.

"Which foundry will make Meta's MTIA chips?" is not answered by "Google has TPU, Amazon has
Trainium and Inferentia, Meta is advancing MTIA, ...": that sentence names companies, but none
in the clause about MTIA. A question asking for a company or a person is answered where one
clause names both the question's subject and some other name ("... MTIA plans to use Samsung's
2-nanometer process"). Names are read from capitals, as the reader's name features are.
Likewise an amount question ("How much is Samsung's backlog worth?") is answered by an amount of
the thing it measures, not by "ASICs worth 10 trillion won" (:mod:`qa.reading.measured`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import numpy as np

from ..indexing.lexical import sentence_tokens, tokenize
from .measured import measured_noun

__all__ = ["names_another", "tied_to_subject"]

# Where a sentence joins independent clauses: "A has X, B has Y, and C ...", "...; ...".
_CLAUSE = re.compile(r";|,\s+(?=[A-Z])|,\s+(?:and|but|while|whereas)\b")
_NAME = re.compile(r"\b[A-Z][\w-]*")
# Capitalised words that open a clause without naming anything.
_OPENERS = frozenset("""the a an this that these those it its in on at as for from by with and but or
    according however meanwhile also after before while since when if although though because
    currently earlier later today yesterday last next industry analysts reports sources""".split())


@lru_cache(maxsize=8192)
def _clause_names(sentence: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(w.casefold() for w in _NAME.findall(c)) - _OPENERS for c in _CLAUSE.split(sentence))


def names_another(sentence: str, subject: frozenset[str]) -> bool:
    """Whether one clause of ``sentence`` names one of ``subject`` (the question's names, lower
    case) together with a name that is not the question's."""
    return any(names & subject and names - subject for names in _clause_names(sentence))


def tied_to_subject(question: str, kind: str | None, names: frozenset[str], sentences: Sequence[str]) -> np.ndarray:
    """For each sentence, whether it ties a fact of the asked kind to the question's subject: a
    company or person question's names beside another name, an amount question's measured thing.
    All False when the question is of neither sort."""
    if kind in ("ORG", "PERSON") and names:
        return np.array([names_another(s, names) for s in sentences], bool)
    measured = tokenize(measured_noun(question) or "")
    if measured:
        return np.array([measured[0] in sentence_tokens(s) for s in sentences], bool)
    return np.zeros(len(sentences), bool)
