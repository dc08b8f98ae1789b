"""What happened to the people a count counts: "How many people died in the protests?" asks for
the dead, and "another 30 people had been injured" beside "the three fatalities at a fuel plant"
answers another question, though it counts people. News gives the dead, the injured, the arrested
and the missing of one event in one sentence; a short answer of the wrong one is a wrong fact.

Each count in a sentence takes the event word nearest to it (a few words either side, within its
clause): "killed 12 people and injured 30" gives 12 the dead and 30 the injured."""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["asked_event", "event_of_count"]

_EVENTS = {
    "dead": """die died dies dying dead death deaths kill killed killing killings fatalities fatality perished
        lives""",
    "hurt": "injure injured injuring injuries injury wound wounded wounding hurt hospitalised hospitalized",
    "held": "arrest arrested arrests detain detained detention jailed imprisoned",
    "missing": "missing unaccounted",
    "saved": "rescue rescued evacuate evacuated evacuees survived survivors",
}
_EVENT_OF = {w: e for e, words in _EVENTS.items() for w in words.split()}
_WORD = re.compile(r"[^\W\d_]+|\d[\d,.]*|[,;:()—–]")
_CLAUSE_END = frozenset(",;:()—–")
_BEFORE, _AFTER = 3, 5  # words a count's event word may stand before / after it
# Questions asking for a count of people (or a toll).
_COUNTS = re.compile(r"(?i)\bhow\s+many\b|\bnumber\s+of\b|\btoll\b")


@lru_cache(maxsize=1024)
def asked_event(question: str) -> str | None:
    """What happened to the people a count question counts ("died" -> "dead"), when it says one
    thing only; None otherwise (also for "casualties", the dead and the injured together)."""
    if not _COUNTS.search(question):
        return None
    found = {_EVENT_OF[w] for w in (m.group(0).casefold() for m in _WORD.finditer(question)) if w in _EVENT_OF}
    return found.pop() if len(found) == 1 else None


def event_of_count(sentence: str, start: int, end: int) -> str | None:
    """The event word nearest the count at ``sentence[start:end]`` (within its clause, a few
    words before or after), as its kind ("dead", "hurt", ...); None when there is none."""
    before = [m.group(0).casefold() for m in _WORD.finditer(sentence, 0, start)][::-1][:_BEFORE]
    after = [m.group(0).casefold() for m in _WORD.finditer(sentence, end)][:_AFTER]
    best: tuple[int, str] | None = None
    for words in (after, before):
        for d, w in enumerate(words):
            if w in _CLAUSE_END:
                break
            if w in _EVENT_OF:
                if best is None or d < best[0]:
                    best = (d, _EVENT_OF[w])
                break
    return best[1] if best else None
