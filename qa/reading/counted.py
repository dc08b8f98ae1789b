"""What a question counts: "How many Jalapeño chips will ..." counts chips; "What volume of the
accelerator is slated for output?" counts units. Read by the reader's features and by the short
answer's candidates (a number of that thing, not the "2" of "2nm")."""
from __future__ import annotations

from .answertype import _COUNT_PREPS, _WORD, AUXILIARIES, question_focus

__all__ = ["counted_noun"]

_DETERMINERS = frozenset("the a an its their this that these those".split())


def counted_noun(question: str) -> str | None:
    """What a "how many" question counts: the last word before its verb ("How many Jalapeño
    chips will ..." -> "chips"), else the word after "many" ("How many people attended"). A
    question asking for a number or a production volume ("What volume of MTIA chips will Samsung
    produce?") counts the noun after its "of"; a volume counts units when a determiner hides the
    noun or none follows."""
    toks = [t.casefold() for t in _WORD.findall(question)]
    for i in range(len(toks) - 2):
        if toks[i] == "how" and toks[i + 1] == "many":
            words = toks[i + 2 : i + 6]
            if words and words[0] in _COUNT_PREPS:
                return None  # "How many of the schools ...": the noun is past a determiner, unread
            return _noun(words)
    foc = question_focus(question)
    if foc.focus in ("volume", "quantity", "number") and foc.type == "NUM" and foc.focus in toks:
        i = toks.index(foc.focus) + 1
        words = toks[i + 1 : i + 5] if toks[i : i + 1] == ["of"] else []
        if words and words[0] not in _DETERMINERS:
            return _noun(words)  # "What number of chips will ...", "What volume of MTIA chips ..."
        # News counts products in units: "What volume of the latest accelerator ...", "what
        # production volume is planned"
        return "units" if foc.focus != "number" else None
    return None


def _noun(words: list[str]) -> str | None:
    """The counted noun among the first words after "how many" (or "volume of")."""
    if len(words) > 1 and words[1] in _COUNT_PREPS and words[0] not in AUXILIARIES:
        return words[0]  # "How many units of MTIA will ...", not "mtia"
    stop = next((k for k, t in enumerate(words) if t in AUXILIARIES), None)
    if stop == 0:
        return None  # "How many did they win?"
    return words[stop - 1] if stop else words[0] if words else None
