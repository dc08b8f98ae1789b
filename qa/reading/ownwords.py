"""The question's own words, as the rules on what a sentence names beyond them read them: a
name in the sentence that the question already holds ("Meta" asked about Meta's chips) answers
nothing."""
from __future__ import annotations

import re

__all__ = ["REQUESTS", "among", "names_more", "own_words", "singular", "typed_as_keywords"]

_WORDS = re.compile(r"[^\W_]+", re.U)


def singular(w: str) -> str:
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def among(w: str, words) -> bool:
    """``w`` or its singular is one of ``words``."""
    return w in words or singular(w) in words


def own_words(question: str) -> set[str]:
    """The question's words, lower-cased, with their singulars."""
    own = {w.casefold() for w in _WORDS.findall(question)}
    return own | {singular(w) for w in own}


def names_more(v, a: int, b: int, own: set[str]) -> bool:
    """The entity ``a:b`` of view ``v`` has a word the question (``own``: :func:`own_words`) does not."""
    return any(not v.punct[i] and not among(v.lower[i], own) for i in range(a, b))


# Words a request opens with ("Tell me about ...", "List the ...").
REQUESTS = frozenset("tell name list give describe explain compare".split())
# Words a question (not keywords) opens with or holds.
_OPENERS = frozenset("""is are was were do does did has have had can could will would should may might must
    what which who whom whose when where why how""".split()) | REQUESTS


def typed_as_keywords(text: str) -> bool:
    """Whether ``text`` is keywords ("samsung backlog", "samsung operating loss"): no question word,
    no verb opening it, no question mark."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return bool(words) and not text.rstrip().endswith("?") and words[0] not in _OPENERS and not (
        _OPENERS & set(words))
