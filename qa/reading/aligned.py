"""A number of the question that the quote replaces in the same phrase, or writes beside the things
asked ("Along with 15 sororities, how many fraternities ...?" over "fifteen fraternities ...").

"How many students did the University enroll in its five graduate divisions?" quoted "... 3,468
students in its four graduate divisions ...": the quote writes the question's phrase with another
number, so it is about another thing, and the question's is not stated. SQuAD 2.0 writes many of
its unanswerable questions so ("What did Donald Davies develop in the late 1950s?" of a sentence on
"the late 1960s"; "the Channel 8 documentary" of one on Channel 4). ``versions.other_stated``
reads years and counts written in digits that no name holds; here the words beside the number say
it is the same phrase, so number words and the numbers of names count too.

Counted on the answers before the rule (``python -m qa.bench.near_miss_rules``, rule "beside",
over the thirty-fifth round's ``qa eval --report`` files): SQuAD 2.0 odd articles 6 unanswerable / 0
answerable, even 16 / 0, SQuAD 1.1 1 answerable (quoted wrong), RAMDocs none. Not a scale or a unit
after the number ("339 billion", "115 years": how much, not of what), nor a bound before it.
"""
from __future__ import annotations

import re

from .units import _CURRENCY_NOUNS, _measures
from .timeshape import TIME_UNITS
from .versions import _WORDS  # number words, "zero" to "twenty"

__all__ = ["other_number", "other_number_beside", "swapped_count"]

_TOKEN = re.compile(r"[a-z]+|\d[\d,]*(?:\.\d+)?", re.I)
# Words that say nothing of which thing is meant: "five of the", "in 2014 and".
_FUNCTION = frozenset("a an the of in on at to for by with from and or is are was were be been did do does what which "
                      "who whom whose when where why how that this it its as than per".split())
# Nor do words that say how much, not of what: "339 billion" and "25 billion", "115 years".
_SCALES = frozenset("hundred hundreds thousand thousands million millions billion billions trillion trillions percent "
                    "per cent times".split()) | _CURRENCY_NOUNS
# A bound is no figure of a thing: "more than 115 years" (qa.reading.versions reads those).
_BOUND = re.compile(r"\b(?:more|less|fewer|greater|larger|smaller|higher|lower|other)\s+than\s*$|"
                    r"\b(?:at\s+least|at\s+most|over|under|up\s+to|about|around|nearly|almost)\s*$", re.I)


def _value(token: str) -> float | None:
    word = token.casefold().replace(",", "")
    if word in _WORDS:
        return float(_WORDS.index(word))
    try:
        return float(word)
    except ValueError:
        return None


def other_number_beside(question: str, quote: str) -> tuple[str, str] | None:
    """(asked, found), as "five graduate", "four graduate", when the question writes a number
    before a word (not a function word) and ``quote`` writes that word after another number, never
    the asked one; None otherwise."""
    asked = list(_TOKEN.finditer(question))
    said = list(_TOKEN.finditer(quote))
    values = {_value(m.group(0)) for m in said} - {None}
    for token, nxt in zip(asked, asked[1:]):
        value, after = _value(token.group(0)), nxt.group(0).casefold()
        if (value is None or value in values or after in _FUNCTION | _SCALES or after in TIME_UNITS or _measures(after)
                or _value(after) is not None or _BOUND.search(question[:token.start()])):
            continue
        if re.search(r"[a-z]-$", question[:token.start()], re.I):
            continue  # "thirty-seven": the word is part of a number it does not name
        for other, beside in zip(said, said[1:]):
            if beside.group(0).casefold() == after and _value(other.group(0)) is not None:
                return question[token.start():nxt.end()], quote[other.start():beside.end()]
    return None


# "Along with 15 sororities, how many fraternities does the U of C have?" quoted "There are fifteen
# fraternities and seven sororities ...": the question's number is the quote's count of the thing
# asked, so the quote does not count the thing asked beside the question's one. Counted as
# ``other_number_beside`` (``python -m qa.bench.near_miss_rules``, rule "swap", over the
# thirty-sixth round's ``qa eval --report`` files): SQuAD 2.0 odd articles 4 unanswerable / 0
# answerable, even 0 / 0, SQuAD 1.1, RAMDocs, gold and the second seed set none.
_HOW_MANY = re.compile(r"\bhow\s+many\s+([a-z][a-z-]+)", re.I)


def _named(before: str) -> bool:
    """Whether the number ending ``before`` is part of a name: "Internet2", "X.25", "Apollo 7"."""
    words = before.split()
    return bool(re.search(r"[\w.]$", before)) or len(words) > 1 and words[-1][:1].isupper()


def swapped_count(question: str, quote: str) -> tuple[str, str] | None:
    """(asked, found), as "15 sororities", "fifteen fraternities", when a "how many <things>"
    question writes a number beside another word and ``quote`` writes that number beside (at most
    two words before) the things counted, never beside the question's word; None otherwise."""
    m = _HOW_MANY.search(question)
    if m is None or m.group(1).casefold() in _FUNCTION:
        return None  # "how many of the four field goal attempts ...": no thing named after "many"
    counted = m.group(1).casefold()[:5]
    asked = list(_TOKEN.finditer(question))
    said = list(_TOKEN.finditer(quote))
    for n, (token, nxt) in enumerate(zip(asked, asked[1:])):
        value, after = _value(token.group(0)), nxt.group(0).casefold()
        if (value is None or any(t.group(0).casefold()[:5] == counted for t in asked[n + 1:n + 3])  # "352 total votes"
                or after in _FUNCTION | _SCALES or after in TIME_UNITS
                or _measures(after) or _value(after) is not None or _named(question[:token.start()])):
            continue
        for k, other in enumerate(said):
            if _value(other.group(0)) != value:
                continue
            beside = [t.group(0).casefold() for t in said[k + 1:k + 3]]
            if any(w[:5] == after[:5] for w in beside):
                return None  # the quote counts the question's word too
            hit = next((t for t in said[k + 1:k + 3] if t.group(0).casefold()[:5] == counted), None)
            if hit is not None:
                return question[token.start():nxt.end()], quote[other.start():hit.end()]
    return None


def other_number(question: str, quote: str) -> tuple[str, str] | None:
    """``other_number_beside`` or ``swapped_count``: the quote's number is of another thing."""
    return other_number_beside(question, quote) or swapped_count(question, quote)
