"""Words typed around a question that ask nothing, taken off before it is read.

"so is samsung making anthropic's chips or not" abstained with "The closest passages do not say
“So”": the recased "So" was read as a name the passages lack. A user opens with a word of
conversation ("so", "ok", "well", "hey", "um") and ends a yes/no question with "or not"; none of
them is what the question asks. Typed without the apostrophe, "whats" and "whos" are "what's" and
"who's". Not "and", "what about", "now" or "then": they tie a follow-up to the turn before
(:mod:`qa.reading.followup`), and "now" asks about the present ("now who makes MTIA").
"""
from __future__ import annotations

import re

__all__ = ["without_fillers"]

_FILLER = r"(?:so|ok|okay|well|hey|hi|hello|um+|uh+|hmm+|alright|oh|thanks|thank\s+you)\b(?![-'’])"
# ("and" stays: "ok and in yuan?" is the follow-up "and in yuan?")
_QUESTION_WORD = (r"(?:what|who|whom|whose|which|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would|"
                  r"should|has|have|had|tell|give|list|name|and)\b")
# A filler followed by a comma or stop, or by the word that opens the question: not the "Okay" of
# "Okay Computer was released when?".
_LEADING = re.compile(rf"^(?:\s*{_FILLER}(?:\s*[,:;.!]+|(?=\s+(?:{_FILLER}|{_QUESTION_WORD}))))+\s*(?=\S)", re.I)
_OR_NOT = re.compile(r"[\s,]+or\s+not\s*(?=[?.!]*\s*$)", re.I)
_NO_APOSTROPHE = re.compile(r"\b(what|who|where|how|that)s\b", re.I)


# "whats the deal with jalapeno", "what's up with Anthropic and Samsung": an idiom asking to be told about it.
_TELL_ME = re.compile(r"^\s*what(?:'s|’s|\s+is)\s+(?:the\s+deal|the\s+story|up|going\s+on)\s+(?:with|about)\s+", re.I)


def without_fillers(question: str) -> str:
    """The question without its opening words of conversation and a closing "or not"; "What's the
    deal with X" read as "Tell me about X"."""
    text = _NO_APOSTROPHE.sub(lambda m: m.group(1) + "'s", _LEADING.sub("", question))
    # (in the user's case: a question typed in small letters is recased as a whole, qa.reading.truecase)
    text = _TELL_ME.sub(lambda m: "tell me about " if m.group().islower() else "Tell me about ", text)
    text = _OR_NOT.sub("", text)
    return text if text.strip() else question
