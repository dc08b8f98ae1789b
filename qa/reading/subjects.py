"""Whether a sentence says something about the question's subject or only lists it beside others.

"Which foundry will make Meta's MTIA chips?" is not answered by "Google has TPU, Amazon has
Trainium and Inferentia, Meta is advancing MTIA, ...": that sentence names companies, but none
in the clause about MTIA. A question asking for a company or a person is answered where one
clause names both the question's subject and some other name ("... MTIA plans to use Samsung's
2-nanometer process"). Names are read from capitals, as the reader's name features are.
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["names_another"]

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
