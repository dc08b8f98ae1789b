"""Why-questions: the sentence that gives the reason, and the reason a quote's neighbour gives.

"why did meta bring in samsung system lsi to help design its chips" quoted "Meta is currently
conducting joint development work with Samsung System LSI ...", which says nothing of why; the
article's reason is two sentences on: "However, ... the company believes that achieving extremely
fast research and development progress with a six-month cycle will exceed the capabilities of its
internal team. Therefore, Meta has established a cooperation framework with Samsung Electronics'
System LSI business unit, ...". Three things follow from how reasons are written:

- a sentence stating a reason ("because", "due to", "led to", or opening with "Therefore") is
  preferred, among the reader's best three, to one stating none (``qa.reading.prefer``);
- a quote opening with "Therefore" / "This is why" is the consequence: the reason is the sentence
  before it, which joins the quote;
- a sentence right after the quote opening "This is because ..." is the quote's reason: it joins.
"""
from __future__ import annotations

import re

from ..ingest.text import sentence_spans

__all__ = ["asks_cause", "asks_why", "states_reason", "with_reason"]

_WHY = re.compile(r"(?i)^\W*(?:why\b|how\s+come\b|for\s+what\s+reasons?\b|what\s+(?:is|was|are|were)\s+the\s+reasons?\b)")
# "What could make Anthropic stick with outside chips?", "What caused the delay?", "What led Samsung to
# ...?": a cause asked, as "why" asks it; not "What makes up 11.6% of ...?" (what it is made of).
_CAUSE = re.compile(r"(?i)^\W*what\s+(?:(?:could|would|might|will|can|did|does|do|has|have|had)\s+)?(?:made|makes?(?!\s+up\b)|"
                    r"caus(?:e|es|ed)|led|leads?|drove|drives?|prompt(?:ed|s)?|forced|trigger(?:ed|s)|spark(?:ed|s)|push(?:ed|es))\b")
# Words that state a cause or an aim inside a sentence ("colleges, which are generally established to serve
# and protect the public interest"). Not "since" (as often a time), a bare "to", nor "used to" (a habit).
_REASON = re.compile(r"(?i)\b(?:because|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result\s+of|on\s+account\s+of|"
                     r"(?:established|designed|created|intended|meant|founded|formed|set\s+up)\s+to\s+[a-z]+|"
                     r"in\s+order\s+to|so\s+that|so\s+as\s+to|the\s+reasons?\s+(?:is|was|are|were|for|why)|caused\s+by|"
                     r"led\s+to|leads\s+to|leading\s+to|resulted\s+in|results\s+in|stems?\s+from|stemmed\s+from|driven\s+by)\b")
# A sentence opening with the consequence of what the sentence before it says.
_CONSEQUENCE = re.compile(r"(?i)^\W*(?:therefore|thus|hence|consequently|accordingly|as\s+a\s+result|for\s+(?:this|that)\s+reason|"
                          r"(?:this|that)\s+is\s+(?:also\s+)?why|that['’]s\s+why)\b")
# A sentence opening with the reason for what the sentence before it says.
_REASON_OPENS = re.compile(r"(?i)^\W*(?:(?:this|that|it)\s+(?:is|was)\s+(?:(?:also|partly|largely|mainly|mostly|in\s+part)\s+)?"
                           r"(?:because|due\s+to)|the\s+reason\s+(?:is|was)|that['’]s\s+because)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")  # a sentence, not a heading
_NOT_AIMED = frozenset("why what which when where does have that this there their they them with from into".split())
_REACH = 600  # characters either side of the quote read for its neighbours


def asks_why(question: str) -> bool:
    return bool(_WHY.match(question))


def states_reason(sentence: str, question: str = "") -> bool:
    """Whether a sentence gives a reason, or is the consequence of the reason before it; or the aim
    of the question's own verb ("Why was this organization created?": "... a short-term
    organization created to coordinate the response to the embargo")."""
    if _REASON.search(sentence) or _CONSEQUENCE.match(sentence) or _REASON_OPENS.match(sentence):
        return True
    verbs = [w[:5] for w in re.findall(r"[a-z]{4,}", question.lower()) if w not in _NOT_AIMED]
    return any(re.search(rf"(?i)\b{v}\w*\s+(?:in\s+order\s+)?to\s+[a-z]+", sentence) for v in verbs)


def with_reason(question: str, raw: str, start: int, end: int) -> tuple[int, int]:
    """The quote ``raw[start:end]`` with the sentence giving its reason joined, for a why-question:
    the sentence before a quote that opens with "Therefore" (not a heading), or the one after it
    when that opens with "This is because" (a paragraph of its own, often, in news). Unchanged
    otherwise."""
    if not asks_why(question):
        return start, end
    quote = raw[start:end]
    spans = sentence_spans(raw, max(0, start - _REACH), min(len(raw), end + _REACH))
    if _CONSEQUENCE.match(quote) and not _REASON.search(quote):
        before = [(a, b) for a, b in spans if b <= start]
        if before and _SENTENCE_END.search(raw[before[-1][0]:before[-1][1]]):
            return before[-1][0], end
    after = [(a, b) for a, b in spans if a >= end]
    if after and _REASON_OPENS.match(raw[after[0][0]:after[0][1]]):
        return start, after[0][1]
    return start, end


def asks_cause(question: str) -> bool:
    """Whether a "what" question asks what made something happen ("What caused the delay?")."""
    return bool(_CAUSE.match(question))
