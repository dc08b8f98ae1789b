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

from .timeshape import MONTHS as _MONTHS

__all__ = ["only_asked_date", "restates_subject", "states_asked_figures"]

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


_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.I)
_TOKEN = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    """The words of ``text`` in small letters, ordinal suffixes read as the number ("25th" -> "25")."""
    return [w.casefold() for w in _TOKEN.findall(_ORDINAL.sub("", text))]


def states_asked_figures(question: str, span: str) -> bool:
    """Whether a span holding a number says nothing the question does not ("July 25th" asked "when
    was the transcript of trump's july 25 call released": the call's date, no answer)."""
    words = _words(span)
    return any(w[:1].isdigit() for w in words) and set(words) <= set(_words(question))


# Asked when, a quote whose only dates (years, months, days of a month) are those the question gives:
# "When did Polonia win the championship prior to 2000?" over "... win Ekstraklasa Championship in
# 2000", "when was the transcript of trump's july 25 call released" over "... his July 25th call".
# The quote answers nothing the question does not say. Counted on the answers before the rule
# (``python -m qa.bench.near_miss_rules``, rule "date", over the thirty-eighth round's ``qa eval
# --report`` files): SQuAD 2.0 even articles 1 unanswerable / 0 answerable, SQuAD 1.1 1 answerable
# (quoted wrong), the rest none. A first version counting any figure ("$300 million" of a question
# stating it) turned away "when will samsung make the 2-nanometer mtia chips", whose quote says
# "this year".
_WHEN = re.compile(r"\s*(?:when\b|(?:in|on|by)?\s*what\s+(?:year|date|day|month)\b)", re.I)
_DATE_WORD = re.compile(r"\d[\d,.]*(?:st|nd|rd|th)?\b|\b[A-Za-z]+\b")
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s*$")  # "July 25"
_WORD_AFTER = re.compile(r"\s*(?:of\s+)?([A-Za-z]+)")  # "25 July", "25th of July"


def _dated(quote: str, m: re.Match) -> bool:
    """Whether a number of ``quote`` is a year or a day of a month ("2000", "July 25th"); not "2" of
    "2-nanometer", "$300 million" or "100 billion"."""
    number = _ORDINAL.sub("", m.group(0)).rstrip(",.")
    if re.fullmatch(r"1\d{3}|20\d{2}", number):
        return True
    if not (number.isdigit() and len(number) <= 2):
        return False
    beside = (_WORD_BEFORE.search(quote[:m.start()]), _WORD_AFTER.match(quote, m.end()))
    return any(w is not None and w.group(1).casefold() in _MONTHS for w in beside)


def only_asked_date(question: str, quote: str) -> tuple[str, str] | None:
    """("when", "the date the question gives") when a question asking when
    is quoted a sentence whose every figure and month the question writes; None otherwise."""
    if not _WHEN.match(question):
        return None
    dated = [m for m in _DATE_WORD.finditer(quote) if m.group(0).casefold() in _MONTHS or _dated(quote, m)]
    if not dated:
        return None
    asked = set(_words(question))
    if not all(_ORDINAL.sub("", m.group(0)).rstrip(",.").casefold() in asked for m in dated):
        return None
    return "when", "the date the question gives"
