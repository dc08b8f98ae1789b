"""What an amount question measures ("How much is Samsung's backlog worth?" -> "backlog"), so
that the reader prefers an amount of that thing to an amount of something else in a sentence
sharing more of the question's words."""
from __future__ import annotations

from .answertype import _COUNT_PREPS, _STOP, _WH, _WORD, AUXILIARIES, answer_type

__all__ = ["measured_noun"]

# Words that name a measure of something ("the value of the deal", "backlog size"), and words that
# end the phrase naming what is measured ("the deal under which ...", "orders with Samsung").
_MEASURES = frozenset("value worth size amount total cost price volume sum valuation".split())
_PHRASE_END = _COUNT_PREPS | AUXILIARIES | _WH | frozenset("under that to as worth valued".split())


def measured_noun(question: str) -> str | None:
    """What an amount question measures, as typed: "How much is Samsung's backlog worth?" ->
    "backlog", "the value of the deal under which ..." -> "deal", "samsung foundry backlog size" ->
    "backlog". None for other questions, or when the words that say it are all names (names
    are matched by the reader's name features): an amount of something else ("ASICs worth 10
    trillion won" for the backlog) is not the answer."""
    if answer_type(question) not in ("MONEY", "QUANTITY", "NUM"):
        return None
    raw = _WORD.findall(question)
    toks = [t.casefold() for t in raw]

    def head(words: range) -> str | None:
        # The last small-letter content word of the phrase, before whatever ends it.
        found = None
        for i in words:
            if toks[i] in _PHRASE_END and found is not None:
                break
            if toks[i] not in _STOP and toks[i] not in _MEASURES and raw[i][:1].islower() and not toks[i].isdigit():
                found = toks[i]
        return found

    for i, t in enumerate(toks):
        if t in _MEASURES and i + 1 < len(toks) and toks[i + 1] == "of":
            return head(range(i + 2, len(toks)))  # "the total value of unfilled contracts"
    wh = next((i for i, t in enumerate(toks) if t == "how"), None)
    if (wh is not None and wh + 2 < len(toks) and toks[wh + 1] in ("much", "large", "big")
            and toks[wh + 2] in ("is", "are", "was", "were")):
        return head(range(wh + 3, len(toks)))  # "How much is Samsung's backlog worth?"
    if wh is None and toks[-1] in _MEASURES:
        return head(range(0, len(toks) - 1))  # "samsung foundry backlog size"
    return None
