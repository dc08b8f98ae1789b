"""The word stem the span features and the parses' views compare words by: the first five letters,
case-folded (cheap, and enough to tie "released" to "release" and "Meta's" to "Meta")."""
from __future__ import annotations

__all__ = ["stem"]


def stem(w: str) -> str:
    w = w.casefold()
    return w[:5] if len(w) > 5 else w
