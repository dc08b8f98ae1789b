"""A short answer that restates who the question says acted is no answer to what they acted on.

"what did emirates buy from boeing" over "Dubai's flagship carrier Emirates Airline finalized a
deal to purchase 30 of Boeing's 787-9 Dreamliner jets": the span model ranked "Dubai's flagship
carrier" first, the words describing Emirates in front of its name. "what were analysts expecting
per share from home depot" over "Wall Street analysts surveyed by Refinitiv were expecting $2.52
a share": it ranked the analysts themselves. Both questions ask for the object of a verb whose
subject they name; the subject, and a phrase holding it, is what the question already holds.

Read from the question's words alone (no parse: a question's parse costs a new sentence's time on
every question): "what" + an auxiliary + the subject + a verb. The subject is a run of capitalised
words (a name, as the question is recased before it is read), or one word in small letters after
"the" or in the plural ("the company", "analysts"): "what does civil disobedience protest against"
has a subject of two words, and taking "civil" for it dropped the right answer's sentence (SQuAD).
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["restates_subject"]

# The subject: a name of up to three capitalised words, a small word after "the", or one in the plural.
_SUBJECT = r"([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}|(?i:the)\s+[a-z][\w-]*|[a-z][\w-]*s)"
# "what did Emirates buy ...", "What will the company announce ...": the subject, then its verb.
_DO = re.compile(rf"\s*(?i:what)\s+(?i:did|does|do|will|would|can|could|should|has|have|had)\s+{_SUBJECT}\s+([a-z]{{3,}})\b")
# "what were analysts expecting ...": a form of "be", the subject, a verb in -ing.
_BE_ING = re.compile(rf"\s*(?i:what)\s+(?i:is|are|was|were)\s+{_SUBJECT}\s+([a-z]{{2,}}ing)\b")
# Words in small letters that stand in a subject's place without being one ("what did it say").
# Nor counts and quantifiers, which open a longer subject ("the two different Islamist movements").
_NOT_SUBJECTS = frozenset("""it they he she we you i this that these those there someone anyone people one two three
    four five six seven eight nine ten first second third last other others same new many most several few all both
    each some such""".split())


@lru_cache(maxsize=2048)
def _subject(question: str) -> tuple[str, bool] | None:
    """(the subject's words, whether it is a name) of a question asking what its subject did."""
    m = _DO.match(question) or _BE_ING.match(question)
    subject = re.sub(r"(?i)^the\s+", "", m.group(1)) if m else ""
    if not subject or subject.casefold() in _NOT_SUBJECTS:
        return None
    return subject, subject[:1].isupper()


def restates_subject(question: str, sentence: str, start: int, end: int) -> bool:
    """Whether span ``start:end`` of ``sentence`` restates the subject of a question asking what
    the subject did: the subject's noun in small letters inside the span ("Wall Street analysts
    surveyed by Refinitiv" asked what analysts expected; not "analysts' forecast", whose owner they
    are), or its name not as an owner ("Dubai's flagship carrier Emirates Airline"; not "Emirates'
    new jets"). Not the words standing before the name without it: they often hold the answer
    ("inventor of the steam turbine Sir Charles Parsons", asked what Parsons invented)."""
    found = _subject(question)
    if found is None:
        return False
    subject, named = found
    if named:
        # The whole name: "University" of "Newcastle University" is in "Sunday Times University of
        # the Year award", asked what Newcastle University won (SQuAD).
        name = r"\s+".join(map(re.escape, subject.split()))
        return re.search(rf"\b{name}\b(?!['’])", sentence[start:end], re.I) is not None
    word = re.escape(subject.rstrip("s"))
    return re.search(rf"\b{word}s?\b(?!['’])", sentence[start:end], re.I) is not None
