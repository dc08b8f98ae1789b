"""Who a sentence says makes a thing: the maker now, when it also says who made it before; not the
owner of the thing asked about; and names the small parser mislabels as products.

"The first and second generations of Meta's ... "MITA" were previously mass-produced by TSMC, but
since the third generation launched this year, the company has chosen Samsung Foundry as its
partner." Asked "Who will manufacture the third generation MTIA?" or "Which company makes the MTIA
now?", the answer is the current maker: the clause marked as the past ("previously", "the first
two generations") is superseded by the clause marked as the present ("since", "latest", "has
shifted"). Asked about the past ("Who made the first MTIA chips?"), nothing is superseded.

"According to reports, Meta's third-generation MTIA plans to use Samsung's leading 2-nanometer
process": asked "Who will manufacture the third generation MTIA?", Meta owns what is asked about
("Meta's ... MTIA"); Samsung, owning the process, is the maker.
"""
from __future__ import annotations

import re

from .ownwords import names_more

__all__ = ["asks_where_made", "org_named", "owns_asked", "plant_places", "superseded_tokens"]

# A name ending in one of these is an organisation whatever the small model labels it ("Samsung
# Foundry" comes out a PRODUCT).
_ORG_ENDINGS = frozenset("""foundry foundries inc corp corporation ltd llc plc co company group holdings
    electronics semiconductor semiconductors technologies technology systems labs laboratories industries
    motors airlines bank university institute agency foundation""".split())

# Where one clause of a sentence ends and a contrasting one begins.
_CONTRAST = frozenset("but while whereas however although though yet instead".split())
_PAST = frozenset("previously formerly earlier initially originally once until first".split())
_NOW = frozenset("""now currently today since latest newest new next will shifted switched moved chosen chose
    replaced replacing instead""".split())
# A question about the past asks for the superseded maker ("Who made the first MTIA chips?").
_PAST_QUESTION = re.compile(r"\b(?:did|was|were|had|previously|formerly|earlier|initially|originally|first|"
                            r"used to|before)\b", re.I)
# ... as does a participle, unless an auxiliary of the present or future governs it ("Who made
# MTIA?" against "Where are MTIA chips made?", "Where will they be made?").
_PARTICIPLE = re.compile(r"\b(?:made|produced|manufactured|built|designed)\b", re.I)
_NOT_PAST = re.compile(r"\b(?:is|are|will|be|being)\b", re.I)


# "Where will Meta's MTIA chips be made?", "Where does Samsung build its 2nm chips?": the maker
# (a foundry) answers as well as the place of its plant.
_WHERE_MADE = re.compile(r"\s*where\s+(?:is|are|was|were|will|would|can|could|do|does|did|has|have|had)\s+(?:[^?]*?\s)?"
                         r"(?:mak|made|buil|produc|manufactur|fabricat|fabb|assembl|packag)\w*\b", re.I)


_PLANT_ENTS = frozenset(("GPE", "LOC", "FAC"))


def asks_where_made(question: str) -> bool:
    """Whether a "where" question asks where a thing is made (its maker answers it too)."""
    return bool(_WHERE_MADE.match(question))


def plant_places(question: str, v, own: set[str]) -> set[int]:
    """Asked where a thing is made, the positions of view ``v``'s places beyond the question's
    words (``own``): "Austin, Texas" of "Initech makes ZTIA chips at its plant in Austin, Texas"
    answers before the maker does (which answers when no place is named)."""
    if not asks_where_made(question):
        return set()
    return {i for a, b, label in v.ents if label in _PLANT_ENTS and names_more(v, a, b, own) for i in range(a, b)}


def org_named(v, a: int, b: int) -> bool:
    """Whether entity tokens ``a:b`` of view ``v`` are a proper name ending in an organisation's word."""
    last = b - 1
    while last > a and v.punct[last]:
        last -= 1
    return last > a and v.pos[last] == "PROPN" and v.lower[last].rstrip(".") in _ORG_ENDINGS


def owns_asked(v, a: int, b: int, own: set[str]) -> bool:
    """Whether entity tokens ``a:b`` of view ``v`` possess a word of the question ("Meta's ...
    MTIA" asked about the MTIA)."""
    if any(v.dep[k] == "poss" and v.lower[v.head[k]] in own for k in range(a, b)):
        return True
    # The parser may not link the possessive ("Zeta's third-generation ZTIA plans ..." parsed with
    # Zeta as the subject): the question's word within the few words after "'s".
    return b < v.n and v.lower[b] in ("'s", "’s") and any(v.lower[k] in own for k in range(b + 1, min(v.n, b + 5)))


def _clauses(v) -> list[range]:
    """Token ranges of the sentence split before each contrasting connective (and at ";")."""
    cuts = [0] + [k for k in range(1, v.n) if v.lower[k] in _CONTRAST or v.lower[k - 1] == ";"] + [v.n]
    if v.n and v.lower[0] in _CONTRAST:
        # "While the first two generations were made by TSMC, the latest ...": the fronted clause
        # ends at its comma.
        cuts.append(next((k + 1 for k in range(1, v.n) if v.text[k] == ","), v.n))
        cuts = sorted(set(cuts))
    return [range(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def superseded_tokens(question: str, v) -> set[int]:
    """Positions of the tokens of view ``v`` in a clause the sentence marks as past when another
    clause of it marks the present; empty when the question asks about the past or the sentence
    draws no such contrast."""
    if _PAST_QUESTION.search(question) or _PARTICIPLE.search(question) and not _NOT_PAST.search(question):
        return set()
    past, now = [], False
    for c in _clauses(v):
        words = {v.lower[k] for k in c}
        marks_past, marks_now = bool(words & _PAST), bool(words & _NOW)
        if marks_past and not marks_now:
            past.append(c)
        elif marks_now:
            now = True
    return {k for c in past for k in c} if past and now else set()
