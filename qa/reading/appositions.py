"""The name a sentence gives in apposition to the thing a question asks for by its owner.

"What company is WeWork's parent?" over "WeWork’s parent company, The We Company, announced on
Sept. 30 ...": the sentence names the parent right after the words the question uses for it, set
off by commas. The span scorer, fitted on SQuAD, looks for an organisation the entity model tags
and took "Neumann" (tagged ORG) from the end of the sentence; it never tagged "The We Company".
Only names (a run of capitalised words) count, and only for questions asking for a person, a
company or a name: "What is Meta's plan?" over "Meta's plan, announced in May, ..." asks for no name.
"""
from __future__ import annotations

import re

from .answertype import answer_type

__all__ = ["owned_apposition"]

# "WeWork's parent", "Anthropic's new hardware hire": an owner and up to three words after it.
_OWNED = re.compile(r"(?<![\w'’])([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})['’]s\s+((?:[A-Za-z][\w-]*\s*){1,3})")
# A name set off by commas (or ended by a full stop or a bracket): "The We Company", "Dario Amodei".
_NAME = r"((?:The\s+)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|de|and|&))*?)(?=\s*(?:,|;|\(|\.(?:\s|$)|$))"
_TITLED = r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})(?![\w'’-])"
# Names that end on a full stop of their own.
_ABBREVIATIONS = frozenset("inc corp co ltd jr sr bros llc plc st".split())
# Kinds of answer a name answers.
_NAMED_KINDS = frozenset(("PERSON", "ORG", "OTHER"))
# Words after the owner that are no noun of the thing asked ("What is Meta's chip called?").
_NOT_THING = frozenset("called named is are was were will does did do has have had be been being".split())


def owned_apposition(question: str, sentence: str) -> tuple[int, int] | None:
    """(start, end) in ``sentence`` of the name it sets in apposition after "<owner>'s <thing>"
    when the question asks for that thing of that owner; else None."""
    kind = answer_type(question)
    if kind not in _NAMED_KINDS:
        return None
    m = _OWNED.search(question)
    if m is None:
        return None
    owner = m.group(1)
    words = [w for w in m.group(2).split() if w not in _NOT_THING]
    if not words:
        return None
    # The thing's head: the question's last word of the phrase ("hire" of "new hardware hire"),
    # its plural or singular form in the sentence.
    head = words[-1].rstrip("s")
    pattern = (rf"\b{re.escape(owner)}['’]s\s+(?:[\w-]+\s+){{0,3}}?{re.escape(head)}s?(?:\s+[a-z][\w-]*){{0,2}}"
               rf",\s+{_NAME}")
    found = re.search(pattern, sentence)
    if found is None and kind == "PERSON":
        # The role as a title before the name: "Twitter CEO Jack Dorsey has spoken out ..." asked
        # "Who is Twitter's CEO?" (a person's name: two to four capitalised words).
        found = re.search(rf"\b{re.escape(owner)}(?:['’]s)?\s+(?:[\w-]+\s+){{0,3}}?{re.escape(head)}s?\s+{_TITLED}", sentence)
    if found is None:
        return None
    start, end = found.start(1), found.end(1)
    # Not a list ("Meta's partners, Samsung, Broadcom and TSMC, ...") nor a lower-case phrase.
    if sentence[end - 1:end] == "." and sentence[start:end - 1].split()[-1].casefold() not in _ABBREVIATIONS:
        end -= 1  # the sentence's full stop ("... former CEO, Adam Neumann."), not "Acme Inc."'s
    if not sentence[start:end].strip() or re.match(r",\s+[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*\s*(?:,|and\b|&)", sentence[end:]):
        return None
    return start, end
