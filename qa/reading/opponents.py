"""Who a side beat, lost to or played: the name after the words of the result, not the sentence's star.

"who did spain beat in the davis cup" over "Rafael Nadal kept Spain's hopes alive, then Marcel
Granollers and Feliciano Lopez completed the comeback ... to give the hosts a 2-1 win over Russia":
the span model, asked "who", took the first person named; the beaten side is the one named after
"win over". Sports and election reports say a result in a few fixed ways ("beat X", "a win over
X", "lost to X", "against X"), so the question's verb picks the words that must come right before
the answer.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

__all__ = ["asks_opponent", "opponent"]

_SUBJECT = (r"\s*(?i:who|whom|which\s+[\w-]+(?:\s+[\w-]+)?)\s+(?i:did|does|do|will|would|has|have|had|could|can)\s+"
            r"(?:(?i:the)\s+)?(.+?)\s+")
# The question's verb -> what the sentence says right before the other side.
_BEAT = re.compile(_SUBJECT + r"(?i:beat|defeat|overcome|edge|top|rout|thrash|upset|eliminate|knock\s+out)\b")
_LOSE = re.compile(_SUBJECT + r"(?i:lose\s+to|fall\s+to|lose\s+against|bow\s+to)\b")
_PLAY = re.compile(_SUBJECT + r"(?i:play|face|meet|take\s+on|compete\s+against|play\s+against)\b")

_WON_OVER = (r"(?:win|wins|victory|victories|triumph|upset|rout)\s+(?:over|against)|"
             r"(?:beat|beats|beating|beaten|defeat|defeated|defeats|defeating|edged|edges|topped|tops|overcame|"
             r"overcomes|routed|thrashed|stunned|eliminated|ousted|swept|downed|knocked\s+out)")
_LOST_TO = (r"(?:lost|lose|loses|losing|loss|losses|defeat|fell|falls|bowed|succumbed)\s+(?:to|against)|"
            r"(?:beaten|defeated|eliminated|ousted|knocked\s+out|swept)\s+by")
_PLAYED = r"(?:against|versus|vs\.?|faced|faces|facing|played|plays|playing|met|meets|took\s+on|takes\s+on)"


def asks_opponent(question: str) -> bool:
    """Whether the question asks whom its side beat, lost to or played."""
    return _cue(question) is not None


@lru_cache(maxsize=2048)
def _cue(question: str) -> tuple[re.Pattern, str] | None:
    """(a pattern matching the text right before the other side's name, the question's side)."""
    for asked, cue in ((_LOSE, _LOST_TO), (_BEAT, _WON_OVER), (_PLAY, _PLAYED)):
        if m := asked.match(question):
            return re.compile(rf"(?i)\b(?:{cue})\s+(?:the\s+)?$"), m.group(1)
    return None


# A run of capitalised words ending a span, after a word that is not one.
_LAST_NAME = re.compile(r"(?<=[a-z0-9] )(?:[A-Z][\w.'’&-]*\s+){0,3}[A-Z][\w.'’&-]*$")
# "Gibraltar 6-0": the score after the name is not part of it.
_SCORE = re.compile(r"\s+\d+\s*[-–]\s*\d+\b.*$")


def opponent(question: str, sentence: str, spans: Sequence[tuple[float, int, int]]) -> tuple[int, int] | None:
    """The best of the scored ``spans`` (score, start, end) of ``sentence`` naming the side a
    question asks its side beat, lost to or played: right after the words of the result, and of
    those the one whose result follows the question's side most closely ("Australia beat Colombia
    behind ... Kyrgios' 6-4, 6-4 win over Alejandro Gonzalez": Colombia); None for other questions."""
    found = _cue(question)
    if found is None:
        return None
    cue, side = found
    held = [x for x in spans if cue.search(sentence[max(0, x[1] - 24):x[1]]) and re.search(r"[^\W\d_]", sentence[x[1]:x[2]])]
    if not held:
        return None
    # How far back the question's side is named, within a clause's reach.
    back = {x: sentence.casefold().rfind(side.casefold(), max(0, x[1] - 60), x[1]) for x in held}
    own = [x for x in held if back[x] >= 0]
    _, a, b = max(own, key=lambda x: (back[x] - x[1], x[0])) if own else max(held)
    m = _SCORE.search(sentence, a, b)
    b = m.start() if m else b
    # "the defending Super Bowl XLIX champion New England Patriots", "the 4–11 San Diego Chargers":
    # the side is the name its description ends on.
    if (n := _LAST_NAME.search(sentence, a, b)) and n.start() > a:
        a = n.start()
    return a, b
