"""Questions asking someone's age, and the ages sentences give: news writes "the 48-year-old",
"Assange, 47, ..." or "(Manning was 39, Newton was 26)", which the entity tagger reads as plain
numbers or dates. The reader moves up a sentence giving an age (``qa.reading.prefer``) and takes
the age of the person asked about for its short answer (``qa.reading.shortanswer``)."""
from __future__ import annotations

import re

from .answertype import question_focus
from .readerfeatures import question_names
from .timeshape import MONTH_NAME

__all__ = ["MONTH", "aged_name", "an_age", "asks_age", "gives_no_age", "is_age", "named_ages", "states_age"]

_AGE_GAP = re.compile(r"\bage\s+(?:difference|gap)\b|\bolder\b|\byounger\b|\b(?:median|average|mean)\s+age\b", re.I)
# An age as news writes it: "the 48-year-old", "47 years old", "aged 47", "at the age of 47", or
# beside a name: "Assange, 47, ...", "(Manning was 39, Newton was 26)".
_YEARS_OLD = r"\d{1,3}(?:\s*-\s*year(?:\s*-\s*|\s+)old|\s+years?\s+old)\b"  # "43-year-old", "55-year old", "47 years old"
_AGE = re.compile(rf"\b{_YEARS_OLD}|\b(?:aged?|age of)\s+\d{{1,3}}\b"
                  r"|(?P<name>[A-Z][\w’'-]*)?(?:,\s+(?P<after>\d{1,3}),|\s+(?:was|is|turned)\s+(?P<was>\d{1,3})\s*[,;.)])")


def asks_age(question: str) -> bool:
    """Whether a question asks someone's age ("how old is ...", "at what age ..."), not an age
    difference ("How much older was Manning than Newton?")."""
    foc = question_focus(question)
    return (foc.wh == "how old" or foc.focus == "age") and not _AGE_GAP.search(question)


_AN_AGE = re.compile(_YEARS_OLD, re.I)
# "how old was the girl ...", "what age is the new manager": the person asked about, by a noun.
_ASKED_NOUN = re.compile(r"\b(?:old|age)\s+(?:is|was|were|are|of)\s+(?:the|a|an|this|that)\s+(?:\w+\s+){0,2}?"
                         r"(?P<noun>man|woman|boy|girl|child|baby|victim|suspect|patient|driver|teenager|manager|"
                         r"player|officer|student|mother|father|son|daughter|wife|husband)\b", re.I)


def states_age(sentence: str, question: str = "") -> bool:
    """Whether a sentence gives someone's age; asked of a person by a noun ("how old was the girl
    ..."), an age of that noun ("a 17-year-old girl"), not a named man's ("Prince Andrew, the
    nearly 60-year-old younger brother ...")."""
    noun = _ASKED_NOUN.search(question)
    if noun is None:
        return _AGE.search(sentence) is not None
    return re.search(rf"\b{_YEARS_OLD}\s+(?:\w+\s+)?{noun.group('noun')}\b", sentence, re.I) is not None


def named_ages(question: str, sentence: str) -> list[tuple[int, int]]:
    """Where the sentence gives one of the question's names an age: the figure's offsets
    ("26" of "Newton was 26" asked how old Newton was)."""
    words = {w.casefold() for n in question_names(question) for w in n.split()}
    return [m.span("after" if m.group("after") else "was") for m in _AGE.finditer(sentence)
            if m.group("name") and m.group("name").casefold() in words]


def aged_name(sentence: str, question: str) -> bool:
    """Whether the sentence gives the age of one of the question's names ("Assange, 47, ...")."""
    return bool(named_ages(question, sentence))


def is_age(span: str) -> bool:
    """Whether a candidate span is an age ("43-year-old", "47 years old"): no length of time."""
    return _AN_AGE.search(span) is not None


MONTH = MONTH_NAME + r"\.?"  # "Sept.", as the reader's short-answer checks read a month
_DAY_OF = re.compile(rf"\b{MONTH}\s*$", re.I)  # "November 19": a day, no age
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|"
                 "fifty|sixty|seventy|eighty|ninety")
_FIGURES = re.compile(rf"\d+(?:[.,]\d+)*|zero|{_NUMBER_WORDS}", re.I)
# What may follow an age: its unit, or a word of the sentence's own ("47 when he died", "Assange,
# 47, ..."); a noun after a figure counts it ("three Premier League titles", "zero shame", "two
# pharmacists").
_AFTER_AN_AGE = frozenset("""years year yrs months month weeks week days old and or when at in on as after before but
    while who which that was is were are has had have died said from to by""".split())
_OLDEST = 130
_SCALE = re.compile(r"\s*(?:hundred|thousand|million|billion)\s*$", re.I)
_SPAN_OF_YEARS = re.compile(r"[\d.,]+\s+(?:(?:hundred|thousand|million|billion)\s+)?years\b", re.I)


def an_age(short: str, before: str, after: str) -> bool:
    """Whether a short answer, with the text just before and after it, may be someone's age:
    a figure of at most ``_OLDEST`` years, not a day of a month ("November 19"), a year ("2008"),
    an amount ("71.6million") or a count of things ("three Premier League titles")."""
    if is_age(short + after[:12]) or _SPAN_OF_YEARS.match(_SCALE.sub("", short) + after):
        return True  # "48-year-old"; "4.6 billion" of "4.6 billion years" (the age of rocks)
    figures = _FIGURES.findall(short)
    if len(figures) != 1 or _DAY_OF.search(before):
        return False
    f = figures[0]
    if f[:1].isdigit() and (not f.isdigit() or int(f) > _OLDEST):
        return False
    rest = short[short.lower().rindex(f.lower()) + len(f):] + after
    word = re.match(r"[\s-]*([A-Za-z]+)", rest)  # glued too: "2" of "2nm process" is no age
    return word is None or word.group(1).lower() in _AFTER_AN_AGE


# What else may tell how old someone or something is: a span of time ("when he was seven months",
# "about 3.2 billion years") or a year ("graves dating to 1338").
_TIME_SPAN = re.compile(rf"\b(?:\d[\d.,]*|{_NUMBER_WORDS}|a few|several)\s+"
                        r"(?:(?:hundred|thousand|million|billion)\s+)?(?:years?|months?|weeks?|days?)\b", re.I)
_A_YEAR = re.compile(r"\b(?:1\d{3}|20\d{2})\b")


def gives_no_age(question: str, quote: str) -> bool:
    """Asked "how old" ("how old is sasha the cat found in santa fe"), whether the quote gives no
    age, no span of time and no year: it does not say (the reader abstains). Not for "what age"
    or "at what age" questions, whose answers ("the young and the elderly") take other forms."""
    if question_focus(question).wh != "how old" or _AGE_GAP.search(question):
        return False
    return not (_AGE.search(quote) or _TIME_SPAN.search(quote) or _A_YEAR.search(quote))
