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
from functools import lru_cache

from .ownwords import names_more

__all__ = ["ORG_ENDINGS", "asks_making", "asks_where_made", "asks_who_makes", "business_noun", "made_at", "maker_given", "makes_there", "org_named",
           "has_asked", "others_thing", "owns_asked", "plant_places", "superseded_tokens"]

# A name ending in one of these is an organisation whatever the small model labels it ("Samsung
# Foundry" comes out a PRODUCT).
ORG_ENDINGS = frozenset("""foundry foundries inc corp corporation ltd llc plc co company group holdings
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


# Beginnings of words of making: a verb ("manufactures", "fabbed") or its noun ("production").
_STEMS = r"mak|made|buil|produc|manufactur|fabricat|fabb|assembl"
_MAKE = rf"(?:mass-?)?(?:{_STEMS})\w*"  # a maker asked for: "Who will mass-produce ...?"


# "Where will Meta's MTIA chips be made?", "Where does Samsung build its 2nm chips?": the maker
# (a foundry) answers as well as the place of its plant.
_WHERE_MADE = re.compile(r"\s*where\s+(?:is|are|was|were|will|would|can|could|do|does|did|has|have|had)\s+(?:[^?]*?\s)?"
                         rf"(?:mass-?)?(?:{_STEMS}|packag)\w*\b", re.I)


# "Who manufactures MTIA?", "Which foundry will make Meta's chips?": a maker asked for by a verb of
# making (not of designing, selling or paying: "Who designed Jalapeño?" is answered otherwise); "who's making ...".
_WHO_MAKES = re.compile(r"\s*(?:who(?:['’]s)?|(?:which|what)\s+(?:[a-z]+\s+)?(?:compan(?:y|ies)|firms?|foundr(?:y|ies)|fabs?|"
                        r"chipmakers?|manufacturers?|makers?|contractors?|suppliers?|producers?|business(?:es)?))\s+"
                        r"(?:(?:is|are|was|were|will|would|has|have|had|did|does|do|could|can)\s+(?:(?:be|been|now|"
                        r"currently|also)\s+)*)?" + rf"(?:mass-?)?(?:{_STEMS}|packag)\w*\b", re.I)  # "Who packages ...?" too


# Not making: "Who makes up the team?", "Who made sure ...", and the one made something ("Who was
# made rich ...?").
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+\s+)?(?:made|built|produced|manufactured|"
                      r"fabricated|assembled)\b", re.I)


@lru_cache(maxsize=4096)
def asks_who_makes(question: str) -> bool:
    """Whether the question asks who makes a thing, by a verb of making. Not who makes it with
    someone ("Which company is building Jalapeño with OpenAI?", "... is OpenAI making it with?"):
    that asks for a partner, whom the articles name as one ("developed with Broadcom", "OpenAI and
    Broadcom released Jalapeño") more often than by a verb of making."""
    m = _WHO_MAKES.match(question)
    return (bool(m) and not _PASSIVE.search(m.group())
            and not re.match(r"\s+(?:up|out|sure|clear|into)\b", question[m.end():], re.I)
            and not re.search(r"\bwith\b", question[m.end():], re.I))


@lru_cache(maxsize=4096)
def asks_making(question: str) -> bool:
    """Asked who makes a thing or where: a company answers only as its maker (``makes_there``)."""
    return asks_who_makes(question) or asks_where_made(question)


_PLANT_ENTS = frozenset(("GPE", "LOC", "FAC"))


# "Where does Samsung produce its 2nm chips?": the maker is the question's subject; a place is asked.
# Not passive: "Where will MTIA be produced?" names the thing made, not its maker.
_WHERE_BY = re.compile(r"\s*where\s+(?:do|does|did|will|would|can|could)\s+(?!it\b|they\b|these\b|those\b)[\w.&'’-]+\s+"
                       r"(?:(?!be\b|been\b|being\b)[a-z]+\s+)?" + _MAKE + r"\b", re.I)


@lru_cache(maxsize=4096)
def maker_given(question: str) -> bool:
    """Whether a "where is it made" question names the maker as its subject: then only a place answers."""
    return bool(_WHERE_BY.match(question))


@lru_cache(maxsize=4096)
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


# A word of making as a whole token, and where making is done ("Samsung's 2nm process", "TSMC's fab").
_MAKING = re.compile(rf"(?:mass-?)?(?:{_STEMS}|packag)\w*$")
_WORKS = frozenset("""foundry foundries fab fabs plant plants factory factories facility facilities process
    processes node nodes line lines""".split())


def makes_there(v, a: int, b: int, partners: bool = True) -> bool:
    """Whether the sentence of view ``v`` ties entity tokens ``a:b`` to making: the subject of a
    verb of making, its agent ("made by TSMC"), the owner of a plant or process ("Samsung's 2nm
    process"), or a name ending in "Foundry"; with ``partners``, also a partner in making ("with
    Samsung"). Asked where a thing is made, a company that only speaks or releases ("OpenAI and
    Broadcom stated that this chip went ... to manufacturing tape-out") says nothing of where."""
    if org_named(v, a, b) and any(v.lower[k].startswith("foundr") for k in range(a, b)):
        return True
    for k in range(a, b):
        j = k
        for _ in range(5):  # up through the name's own words and "X and Y" to the word it hangs from
            h = v.head[j]
            if h == j:
                break
            dep, head = v.dep[j], v.lower[h]
            if dep in ("poss", "compound", "nmod") and head in _WORKS:
                return True
            if dep == "nsubj" and (_MAKING.match(head) or _works_attr(v, h)):
                return True
            if dep == "pobj" and head == "by" and _MAKING.match(v.lower[v.head[h]]):
                return True
            if partners and dep == "pobj" and head == "with" and _partner_in_making(v, h):
                return True
            if dep not in ("compound", "flat", "conj", "appos"):
                break
            j = h
    return False


def _works_attr(v, verb: int) -> bool:
    """"Samsung is becoming the core production base of ...", "TSMC is its foundry", "X is the
    largest producer": what the subject is said to be is a maker, or a place or work of making."""
    return any(v.head[c] == verb and v.dep[c] == "attr" and (v.lower[c] in _WORKS or _MAKING.match(v.lower[c]) or any(
        v.head[m] == c and v.dep[m] == "compound" and _MAKING.match(v.lower[m]) for m in range(v.n)))
        for c in range(v.n))


def _partner_in_making(v, with_: int) -> bool:
    """"(Meta is) advancing collaboration with Samsung to design and produce ...": the clause
    the "with" belongs to makes something."""
    # The verb above, and the one above that: the small parser may take "collaboration" for a verb.
    verbs = [k for k in v.anc[with_] if v.pos[k] in ("VERB", "AUX")][:2]
    # Not a word of making among what "with" itself joins: "integrate with packaging, HBM, and
    # system architecture" makes nothing with HBM.
    return any(v.pos[k] in ("VERB", "NOUN") and _MAKING.match(v.lower[k]) and with_ not in v.anc[k] and (
        k in verbs or any(u in v.anc[k] for u in verbs)) for k in range(v.n))


def made_at(v, i: int) -> bool:
    """Whether token ``i`` of view ``v`` is where a thing is made: the object of a preposition
    hanging from a word of making ("produced at the plant"), not any place the sentence names
    ("samples already running in the lab")."""
    j = i
    for _ in range(4):
        h = v.head[j]
        if h == j:
            return False
        if v.dep[j] == "pobj":
            return _MAKING.match(v.lower[v.head[h]]) is not None
        j = h
    return False


def org_named(v, a: int, b: int) -> bool:
    """Whether entity tokens ``a:b`` of view ``v`` are a proper name ending in an organisation's word."""
    last = b - 1
    while last > a and v.punct[last]:
        last -= 1
    return last > a and v.pos[last] == "PROPN" and v.lower[last].rstrip(".") in ORG_ENDINGS


def others_thing(v, owner: str, own: set[str]) -> bool:
    """Asked who makes a named owner's thing ("Meta's chips"), whether the sentence of view ``v``
    is about another company's: it never names the owner, and its main subject is a name of its
    own that makes nothing there ("Anthropic is also evaluating the use of Samsung's 2nm process
    to develop AI chips": Samsung would make Anthropic's chips, not Meta's)."""
    if not owner or owner in v.lower:
        return False
    return any(v.dep[k] == "nsubj" and v.head[v.head[k]] == v.head[k] and v.pos[k] == "PROPN"
               and v.lower[k] not in own and not makes_there(v, k, k + 1) for k in range(v.n))


_BUSINESSES = frozenset("""company companies firm firms corporation corporations business businesses startup
    startups supplier suppliers vendor vendors client clients customer customers rival rivals competitor
    competitors partner partners provider providers retailer retailers buyer buyers purchaser purchasers
    seller sellers dealer dealers distributor distributors operator operators carrier carriers airline
    airlines""".split())


# Agent nouns of making name companies too: "Samsung is one of the world's leading semiconductor
# manufacturers" says what Samsung is, not that it makes the thing asked about.
_MAKER_NOUN = re.compile(r"\w*(?:manufacturer|maker|producer|fabricator|assembler)s?$")


def business_noun(word: str) -> bool:
    """Whether a lower-cased noun names companies ("external companies", "semiconductor
    manufacturers"), not people."""
    return word in _BUSINESSES or _MAKER_NOUN.match(word) is not None


def tied_maker(question: str, v, own: set[str]) -> bool:
    """Whether view ``v`` names, beyond the question's words ``own``, a company that makes (the
    subject of a verb of making, its agent, the owner of a plant: not a partner "with" whom, nor
    the owner of the thing: "Amazon has Trainium") or, asked where a named maker makes a thing, a
    place of it. Stricter than the short-answer test (``asked_kind.maker_tokens``), where people
    answer unrestricted and the small tagger calls "Anthropic" and "Jalapeño" persons."""
    if maker_given(question):
        return bool(plant_places(question, v, own))
    return any((label == "ORG" or org_named(v, a, b)) and any(v.lower[k] not in own for k in range(a, b) if not v.punct[k])
               and makes_there(v, a, b, partners=False) and not owns_asked(v, a, b, own) for a, b, label in v.ents)


def has_asked(v, a: int, b: int, own: set[str]) -> bool:
    """Whether entity tokens ``a:b`` of view ``v`` have the thing asked about as their own: the
    subject of "has" with it as object ("Amazon has Trainium and Inferentia"), or its possessor
    ("Amazon's Trainium"). Asked which company makes a chip, its owner answers (it had it made)."""
    if owns_asked(v, a, b, own):
        return True
    for k in range(a, b):
        h = v.head[k]
        if v.dep[k] == "nsubj" and v.lower[h] in ("has", "have", "had", "owns", "own"):
            objs = [c for c in range(v.n) if v.head[c] == h and v.dep[c] == "dobj"]
            objs += [c for c in range(v.n) if v.dep[c] == "conj" and v.head[c] in objs]
            if any(v.lower[c] in own for c in objs):
                return True
    return False


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
