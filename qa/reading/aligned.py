"""A number of the question that the quote replaces in the same phrase, or writes beside the things
asked ("Along with 15 sororities, how many fraternities ...?" over "fifteen fraternities ..."), or
beside another word while the asked word stands beside another number ("What condenses at 54.36 K?"
over "... condenses at 90.20 K, and freezes at 54.36 K").

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

from .restated import only_asked_date
from .units import _CURRENCY_NOUNS, _measures
from .timeshape import TIME_UNITS
from .versions import _WORDS  # number words, "zero" to "twenty"

__all__ = ["other_number", "other_number_beside", "swapped_count", "swapped_value"]

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


# "What condenses at 54.36 K?" quoted "Oxygen condenses at 90.20 K ..., and freezes at 54.36 K": the
# quote writes the question's word beside another number, in the same words ("condenses at"), and
# the question's number beside another word, so the figure asked of one thing is another's. So are
# "What makes up 49.2% of the sun's mass?" of "0.9% of the Sun's mass ... 49.2% of the Earth's crust",
# and "What are ten of the sororities members of?" of "Four of the sororities ..., and ten of the
# fraternities ...". Not years (``versions.other_stated`` reads those), ordinals ("the 17th century")
# nor numbers in names ("AS-201"). Counted on the answers before the rule (``python -m
# qa.bench.near_miss_rules``, rule "value", over the thirty-seventh round's ``qa eval --report``
# files, both halves seen): SQuAD 2.0 odd articles 8 unanswerable / 0 answerable, even 1 / 0; SQuAD
# 1.1, RAMDocs, the gold set and the second seed set none (a first version that let other words
# stand between, or stems match, turned away 14 SQuAD 1.1 answers quoted right).
_UNIT_LETTERS = frozenset("k c f".split())  # "54.36 K", "48.8 °C": the tokens drop the degree sign


def _figure(text: str, token: re.Match) -> float | None:
    value = _value(token.group(0))
    if (value is None or token.group(0).casefold() == "one" or re.fullmatch(r"(?:1\d|20)\d\d", token.group(0))
            or re.match(r"[a-z]", text[token.end():token.end() + 1], re.I)  # "17th"
            or re.search(r"[a-z]-?$", text[max(0, token.start() - 2):token.start()], re.I)):  # "AS-201"
        return None
    return value


def _side(tokens: list[re.Match], k: int, step: int) -> tuple[tuple[str, ...], str, int] | None:
    """(the function words, the first other word, its index) on one side of the number at ``k``."""
    between, j = [], k + step
    while 0 <= j < len(tokens) and len(between) < 3:
        word = tokens[j].group(0).casefold()
        if _value(word) is not None:
            return None
        if not (word in _FUNCTION or word in _SCALES or word in _UNIT_LETTERS or _measures(word)):
            return tuple(between), word.removesuffix("s"), j
        between.append(word)
        j += step
    return None


def swapped_value(question: str, quote: str) -> tuple[str, str] | None:
    """(asked, found), as "condenses at 54.36", "freezes at 54.36", when ``quote`` writes the
    question's number beside another word and the question's word, in the same words, beside another
    number; None otherwise."""
    asked = list(_TOKEN.finditer(question))
    said = list(_TOKEN.finditer(quote))
    figures = [(k, v) for k, t in enumerate(said) if (v := _figure(quote, t)) is not None]
    for i, token in enumerate(asked):
        value = _figure(question, token)
        for step in (-1, 1) if value is not None else ():
            side = _side(asked, i, step)
            beside = [(k, _side(said, k, step)) for k, v in figures if v == value]
            # every use of the asked number has another word beside it, one in the asked words between
            if (side is None or not beside or any(b is None or b[1] == side[1] for _, b in beside)
                    or all(b[0] != side[0] for _, b in beside)):
                continue
            if any((b := _side(said, k, step)) and b[:2] == side[:2] for k, v in figures if v != value):
                k, b = next((k, b) for k, b in beside if b[0] == side[0])
                ends = sorted((i, side[2])), sorted((k, b[2]))
                return (question[asked[ends[0][0]].start():asked[ends[0][1]].end()],
                        quote[said[ends[1][0]].start():said[ends[1][1]].end()])
    return None


def other_number(question: str, quote: str) -> tuple[str, str] | None:
    """``other_number_beside``, ``swapped_count`` or ``swapped_value``: the quote's number is of another
    thing; or, asked when, the quote's only date is the question's (``restated.only_asked_date``)."""
    return (other_number_beside(question, quote) or swapped_count(question, quote) or swapped_value(question, quote)
            or only_asked_date(question, quote))
