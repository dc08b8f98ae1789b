"""Whether a sentence says something about the question's subject or only lists it beside others.

"Which foundry will make Meta's MTIA chips?" is not answered by "Google has TPU, Amazon has
Trainium and Inferentia, Meta is advancing MTIA, ...": that sentence names companies, but none
in the clause about MTIA. A question asking for a company or a person is not answered by a
sentence that names the question's subject only in clauses of its own and other names elsewhere;
one clause naming both ("... MTIA plans to use Samsung's 2-nanometer process") may answer it, and
so may a sentence not naming the subject (the article's subject goes without saying). Names are read from capitals, as the reader's name features are.
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

__all__ = ["names_another", "lists_apart", "tied_to_subject"]

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


def lists_apart(sentence: str, subject: frozenset[str]) -> bool:
    """Whether ``sentence`` names the subject only in clauses of its own and other names in
    other clauses: a list of who does what. A sentence not naming the subject at all may be
    about it all the same (the article's subject goes without saying), so it is not one."""
    clauses = _clause_names(sentence)
    return (any(n & subject for n in clauses) and not names_another(sentence, subject)
            and any(n - subject for n in clauses))


def tied_to_subject(question: str, kind: str | None, names: frozenset[str], sentences: Sequence[str]) -> np.ndarray:
    """For each sentence, whether it may tie a fact of the asked kind to the question's subject:
    for a company or person question, any sentence but a list that names the subject apart from
    the others; for an amount question, one naming the thing measured. All False when the
    question is of neither sort (the reader then changes nothing)."""
    if kind in ("ORG", "PERSON") and names:
        return np.array([not lists_apart(s, names) for s in sentences], bool)
    measured = tokenize(measured_noun(question) or "")
    if measured:
        return np.array([measured[0] in sentence_tokens(s) for s in sentences], bool)
    return np.zeros(len(sentences), bool)
