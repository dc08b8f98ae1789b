"""The word stem the span features and the parses' views compare words by: the first five letters,
case-folded (cheap, and enough to tie "released" to "release" and "Meta's" to "Meta")."""
from __future__ import annotations

__all__ = ["stem", "verb_root"]


def stem(w: str) -> str:
    w = w.casefold()
    return w[:5] if len(w) > 5 else w


def verb_root(word: str) -> str:
    """A verb without its ending, for verbs the five-letter stem cannot tie: "hired" and "hiring"
    are "hir", "chose" and "chosen" "chos", "use" and "used" "us"."""
    word = word.casefold()
    for end in ("ing", "ed", "en", "es", "s", "d"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            word = word[:-len(end)]
            break
    return word.rstrip("e")
