"""Who says it: the source a sentence gives for its claim, for "Who said ...?" questions.

News sentences attribute their claims more often to described sources than to named ones:
"According to Korean media reports, Samsung ...", "Industry sources indicate that Samsung's
backlog ...", "Analysts believe this is part of ...", "A Korean industry official said: ...". A
"Who said / reported / claims ...?" question is answered by that source; the reader's check that
a quote names someone for a "who" question (PERSON or ORG entities) does not see it, and the span
model picks a company the claim is about ("Samsung Electronics"). Named reporters ("..., the news
outlet The Information reported") are read by :func:`qa.reading.kind_fit.doer_tokens`.
"""
from __future__ import annotations

import re

from .objects import children, phrases
from .stems import stem

__all__ = ["SAYING", "attribution_tokens", "says_who"]

# Verbs of saying ("Who said ...?" is answered by who reported, stated or wrote it) ...
SAYING = frozenset(stem(w) for w in """say said says report reported reports state stated states tell told tells
    write wrote writes claim claimed claims announce announced announces""".split())
# ... and the verbs news copy gives its sources ("sources indicate", "analysts believe").
_SOURCING = SAYING | frozenset(stem(w) for w in """indicate indicated indicates believe believed believes note noted
    notes confirm confirmed confirms""".split())
# "Who said ...?", "Who first reported that ...?", "Who claims ...?", "Who is saying ...?"
_WHO_SAYS = re.compile(r"\s*(?i:who)\s+(?:(?:is|was|has|have|had|first|also|originally|later)\s+)*"
                       r"([a-z]{3,})\b(\s+that\b)?")
# Verbs whose object is as often a thing as a claim ("Who wrote Freakonomics?", "Who reported on
# the sideline?", "Who announced Jalapeño?"): asking who says something only before "that".
_THINGS_TOO = frozenset(stem(w) for w in """report reported reports reporting write wrote writes announce announced
    announces confirm confirmed confirms note noted notes""".split())


_NEWS = re.compile(r"\b(?:news|story|stories|rumou?rs?|leaks?|scoop|report|reports)\b", re.I)


def says_who(question: str) -> bool:
    """Whether the question asks who says, reports or claims something."""
    m = _WHO_SAYS.match(question)
    if m is None:
        return False
    verb = stem(m.group(1))
    saying = verb in _SOURCING or verb in (stem("saying"), stem("claiming"))
    # ... or before news as their object: "Who reported the MacBook Pro news?" asks for the source.
    return saying and (verb not in _THINGS_TOO or m.group(2) is not None or _NEWS.search(question, m.end()) is not None)


def attribution_tokens(v) -> set[int]:
    """Positions of the sources view ``v`` (:class:`qa.reading.spanfeatures._View`) gives for its
    claim: the object of "according to", and the subject of a verb of saying that is a noun
    ("Industry sources indicate", "A Korean industry official said"), not a pronoun ("it said")."""
    out: set[int] = set()
    for k in range(v.n - 1):
        if v.lower[k] == "according" and v.lower[k + 1] == "to":
            out |= phrases(v, children(v, k + 1, "pobj"))
    for k in range(v.n):
        if v.pos[k] in ("VERB", "AUX") and v.stem[k] in _SOURCING:
            out |= phrases(v, [s for s in children(v, k, "nsubj") if v.pos[s] in ("NOUN", "PROPN")])
    return out
