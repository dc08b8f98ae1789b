"""Who owns what a question asks for, when a description names the owner: "the Korean
chipmaker's" of "What is the Korean chipmaker's backlog?" (:mod:`qa.reading.answertype` reads the
focus past it; :mod:`qa.conflicts.answer_facts` leaves its words out of what is asked)."""
from __future__ import annotations

import re

__all__ = ["described_owners", "with_plural_possessives"]

# What may stand before an owner's words: a determiner ("the Korean chipmaker's"), or the copula
# of "What is Samsung Electronics' backlog?" (no verb follows it there).
_BEFORE_OWNER = frozenset("the a an this that these those its their his her our is are was were".split())


# "How much is Apple paying Samsung's foundry?": a verb before the owner ends its description.
_VERB_ENDINGS = ("ing", "ed")


def described_owners(toks: list[str], start: int, stop: frozenset[str]) -> set[int]:
    """Positions from ``start`` of owners named by a description, with its words: "the Korean
    chipmaker's" of "What is the Korean chipmaker's backlog?" (or, its description read as a
    name, "the Samsung Electronics chipmaker's") describes whose backlog is asked for; no word
    of it is the thing asked for. Only after a determiner or a copula: "What increases student's
    motivation?" asks what increases it, "How much is Apple paying Samsung's foundry?" what Apple
    pays. ``toks``: the question's words, lower-cased; ``stop``: the
    words that end a description ("is", "the")."""
    out: set[int] = set()
    for p in range(start, len(toks)):
        if not toks[p].endswith(("'s", "’s")) or toks[p + 1:p + 2] == ["name"]:
            continue  # "What was the coach's name?" asks for the owner
        r = p
        while r - 1 >= start and toks[r - 1] not in stop and not toks[r - 1].endswith(("'s", "’s")):
            r -= 1
        words = toks[r:p]
        if (r > start and toks[r - 1] in _BEFORE_OWNER and len(words) <= 2
                and not any(w.endswith(_VERB_ENDINGS) for w in words)):
            out.update(range(r, p + 1))
    return out


# "Samsung Electronics' backlog": a possessive after a final s is written without the s.
_BARE_POSSESSIVE = re.compile(r"(?<=[sS])(['’])(?=\s|$)")
_OPENING_QUOTE = re.compile(r"(?:^|[\s(\"“])['‘]\w")


def with_plural_possessives(question: str) -> str:
    """``question`` with each possessive written as a bare apostrophe after an s spelled "'s"
    ("Samsung Electronics's backlog"), as the focus rules read possessives. Unchanged when a
    single quotation mark opens a word: its closing mark after an s is no possessive ("What does
    'chips' mean?")."""
    if _OPENING_QUOTE.search(question):
        return question
    return _BARE_POSSESSIVE.sub(r"\1s", question)
