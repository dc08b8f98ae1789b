"""Asked how far along something is, a sentence saying at what stage it is.

"How far along is the Claude maker's in-house silicon effort?" quoted "Samsung is one of the
world's leading semiconductor manufacturers, and its advanced fabrication capabilities make it a
logical potential partner for companies pursuing custom AI silicon.", which says nothing of
progress, with the short answer "AI" ("how far" read as a distance). The answer is a stage:
"Anthropic has begun early-stage work on developing its own AI chips", "the project remains in its
planning phase", "construction is under way", "the probe is nearly complete".
"""
from __future__ import annotations

import re

__all__ = ["asks_stage", "states_stage"]

# "how far along is ...", "what stage is ... at", "at which phase ...", "how advanced is ...".
_ASKS = re.compile(r"(?i)\bhow\s+far\s+along\b|\b(?:what|which)\s+(?:stage|phase)\b|\bhow\s+advanced\s+(?:is|are|was|were)\b")
# Words saying how far a thing has come.
_STATES = re.compile(r"(?i)\b(?:stages?|phases?|early[\s-]stage|under\s*way|in\s+the\s+works|nearly\s+(?:complete|finished|done)|"
                     r"completed?|finished|halfway|prototypes?|pilot|planning|drawing\s+board|mass\s+production|"
                     r"(?:has|have|had)\s+(?:begun|started)|not\s+yet\s+(?:started|begun|entered))\b")


def asks_stage(question: str) -> bool:
    """Whether the question asks how far along something is."""
    return _ASKS.search(question) is not None


def states_stage(sentence: str) -> bool:
    """Whether the sentence says at what stage something is ("remains in early planning stages",
    "has begun early-stage work", "is under way")."""
    return _STATES.search(sentence) is not None
