"""Asked a person's name ("name of the man stabbed on the BART train", "what was the victim's
name", "hunter name"): only a person's name answers.

A "who" question is answered by a company, a country or a description as often as by a name
(:mod:`qa.reading.asked_kind`), so its check is broad: "Man stabbed to death on San Francisco Bay
train" holds someone ("Man"). Asked for the *name* of a man, a victim or a suspect, it holds
none: the reader abstains unless the quote names a person (an entity tagged PERSON beyond the
question's words, or two proper nouns in a row that are no place: the small English model leaves
many names untagged or tags them ORG). Held-out user questions on the news pages asked this way three times
in two sets, each answered with a place or another person's description.
"""
from __future__ import annotations

import re

from .ownwords import among, names_more

__all__ = ["asks_person_name", "asks_which_person", "names_person", "names_someone"]

# Nouns for people in a news event, whom a report names: asked their name, a person's name answers.
# Not roles a name of its own may answer ("the name of the spiritual teacher in Hinduism": "guru").
_PERSON_NOUNS = ("man|woman|men|women|boy|girl|child|children|teen|teenager|victim|suspect|driver|officer|"
                 "soldier|gunman|shooter|attacker|hunter|passenger|pilot|service member|crew member|official|"
                 "spokesperson|spokesman|spokeswoman|warden|judge|journalist|reporter|guard|lawyer|attorney|prosecutor|"
                 "witness|inmate|prisoner|detective|firefighter|doctor|nurse|surgeon")
# The person noun ends its phrase ("the man stabbed ...", "the hunter?"), not "the student theater troupe".
_ENDS = r"(?=\s*(?:[?.]|$|(?:who|whom|that|in|on|at|of|from|for|with|by|during|after|[a-z]+ed|[a-z]+ing)\b))"
_ASKED = re.compile(
    rf"\s*(?:(?:what|which)(?:'s|’s|\s+(?:is|was|are|were))\s+)?(?:the\s+)?names?\s+of\s+(?:the\s+|two\s+|three\s+)?"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON_NOUNS})s?\b{_ENDS}"  # "name of the man stabbed ...", "names of the service members"
    rf"|\s*(?:what|which)(?:'s|’s|\s+(?:is|was|are|were))\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{_PERSON_NOUNS})s?['’]s?\s+names?\b"
    rf"|(?!\s*(?:what|which|who|whom|whose|when|where|why|how)\b).*\b(?:{_PERSON_NOUNS})s?\s+names?\s*\??\s*$",  # keywords
    re.I)


def asks_person_name(question: str) -> bool:
    """Whether the question asks for the name of a person it describes by a noun ("the man
    stabbed ...", "the victim")."""
    return _ASKED.match(question) is not None


# Person nouns that a company or a country may also answer ("Which owner ...?": a fund), a people
# ("Which people ...?": "Egyptians"), or that are adjectives too ("What general concept ...?").
_NOT_ONLY_PEOPLE = frozenset("""owner owners who leader leaders director directors founder founders people persons
    men women children general""".split())
# The focus noun right after the wh-word, or after one word describing it ("Which federal judge"),
# not after a verb ("What have scientists proposed ...?" asks for a proposal).
_AFTER_WH = r"\s*(?:which|what)\s+(?:(?!(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|may|might|the|a|an|one)\b)[\w'’-]+\s+)?"


def asks_which_person(question: str, focus) -> bool:
    """Whether the question asks "which" or "what" person right after its wh-word ("Which federal
    judge sentenced ...?", "What actor played ...?"): a person's name answers, as asked the name
    of the man; ``focus``: the question's :class:`qa.reading.answertype.Focus`."""
    return (focus.wh in ("which", "what") and focus.type == "PERSON" and focus.focus not in _NOT_ONLY_PEOPLE
            and re.match(rf"{_AFTER_WH}{re.escape(focus.focus)}\b", question, re.I) is not None)


def names_person(v, own: set[str]) -> bool:
    """Whether the parse ``v`` names a person beyond the question's words ``own``: a PERSON entity,
    or two proper nouns in a row past the sentence's first token that are no place ("Ally Brooke";
    the small model tags "Marcus Reyes" ORG as often as PERSON)."""
    if any(label == "PERSON" and names_more(v, a, b, own) for a, b, label in v.ents):
        return True
    tagged = {i for a, b, label in v.ents if label not in ("ORG", "PERSON") for i in range(a, b)}
    return any(v.pos[i] == v.pos[i + 1] == "PROPN" and not {i, i + 1} & tagged and not among(v.lower[i], own)
               and not among(v.lower[i + 1], own) for i in range(1, v.n - 1))


def names_someone(v, own: set[str]) -> bool:
    """For "Which player ...?": whether ``v`` names anyone beyond the question's words ``own``, as
    :func:`names_person` does, or by a PERSON or ORG entity (the small model tags "Thoreau" ORG), or
    by a proper noun it leaves untagged or tags a place while it is the subject ("Newton did not
    ...", GPE): a name, though maybe not a person's. Not an ORG entity holding a word of the
    question: "Samsung OEM" asked "which judge approved the samsung meta deal" is the question's own
    company, not a judge's name; nor an untagged proper noun running on from one of the question's
    ("OEM" of "Samsung OEM")."""
    if names_person(v, own) or any(label == "PERSON" and names_more(v, a, b, own) or label == "ORG" and not any(
            among(v.lower[i], own) for i in range(a, b)) for a, b, label in v.ents):
        return True
    tagged = {i for a, b, label in v.ents if label not in ("GPE", "NORP") or v.dep[b - 1] not in ("nsubj", "nsubjpass")
              for i in range(a, b)}
    return any(v.pos[i] == "PROPN" and i not in tagged and not among(v.lower[i], own)
               and not (i and v.pos[i - 1] == "PROPN" and among(v.lower[i - 1], own)) for i in range(v.n))
