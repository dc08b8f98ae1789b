"""Which short answer is shown: the span model's pick (``qa.reading.shortanswer``), unless it is of
the wrong kind for the question (``shown_short``): a pronoun, a count asked and no figure, a time
asked where someone or a place is, no one where someone is asked, the question's own name or role
restated, a dateline."""
from __future__ import annotations

import re

from ..ingest.text import DATELINE_STATE
from .ages import MONTH, an_age, asks_age, is_age
from .answertype import TIME_TYPES, answer_type, question_focus
from .asked_kind import _people_noun
from .ownwords import restates_own
from .timeshape import a_length_asked, asks_length, lengths_of_time

__all__ = ["shown_short"]


# Not "how far", "how big": "how far along is it" asks for progress ("early-stage work").
_FIGURE_WH = frozenset(("how many", "how much", "how old"))
# A figure in words or digits, a vague count or share, a rank, or a word standing for one ("free",
# "none", "twice", "multiple sources", "the seventh").
_FIGURE = re.compile(r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                     r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|"
                     r"thousands?|millions?|billions?|trillions?|dozens?|several|few|many|numerous|half|twice|once|thrice|"
                     r"double|triple|quarter|none|no|free|single|both|all|multiple|various|countless|most|majority|minority|"
                     r"some|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)

_PRONOUNS = frozenset("i you he she it we they me him her us them this that these those someone something".split())
# A point or stretch of time alone, no one: "May 2020", "2019", "Sept. 30", "the 1990s".
_WHEN_ONLY = re.compile(rf"(?i:(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:{MONTH}\s*)?\d{{1,4}}(?:st|nd|rd|th|s)?(?:,?\s*\d{{4}})?"
                        rf"|{MONTH}(?:\s+\d{{4}})?)")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_A_DAY = re.compile(rf"(?i)(?:(?:last|this|next|on)\s+)?(?:{_WEEKDAY}|today|yesterday|tonight|"
                    r"tomorrow|week|weekend)(?:\s+(?:morning|afternoon|evening|night))?")
# Asked for money, a figure in a unit of something else is no answer ("investment how much": not "approximately 1 GW").
_MEASURED = re.compile(r"(?i)\d\s*(?:[kmgt]wh?|nm|km|cm|mm|kg|mb|gb|tb|mph|%|(?:per\s*cent|percent|tons?|tonnes?|"
                       r"(?:giga|mega|kilo)watts?|miles?|meters?|metres?|units?|people|employees)\b)")
_CURRENCY = re.compile(r"(?i)[$€£¥₩]|\b(?:usd|rmb|krw|eur|gbp|won|dollars?|yuan|euros?|pounds?|yen|rupees?)\b")
_PRICED = frozenset("price prices cost costs fee fees fare fares salary budget revenue money wage wages".split())
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")  # "... salary increases since 2002": a year is no amount
# ... nor one holding a date ("Davis Cup Finals, which takes place 18-24 November" asked the prize money).
_DATED = re.compile(rf"(?i)\b{MONTH}\b|\b{_WEEKDAY}\b")
_A_SEASON = re.compile(r"(?i)(?:(?:early|mid|late)[\s-]+)?(?:spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?\d{4})?")
# Asked how long, a time of day is no answer ("close to 2 a.m."); qa.reading.timeshape reads lengths.
_CLOCK = re.compile(r"(?i:\b(?:a\.m|p\.m|o'clock|noon|midnight)\b)")


def _a_pronoun(span: str) -> bool:
    """Whether a span is a bare pronoun ("you", "It", "I"), not an acronym spelled like one ("IT")."""
    return span.lower() in _PRONOUNS and (span == "I" or not span.isupper())


_DATELINE_END = re.compile(DATELINE_STATE + r"\s*[—–-]\s")


def _dateline(span: str, before: str, after: str) -> bool:
    """Whether a span is (in) a news story's dateline, the city in capitals opening a paragraph
    before a dash ("CLEVELAND, Ohio –", "BUFFALO, N.Y. —"): where the story was filed, no answer."""
    words = re.findall(r"[^\W\d_]+", span)
    return (bool(words) and words[0].isupper() and len(words[0]) > 1 and (not before.strip() or before.endswith("\n"))
            and _DATELINE_END.match(after) is not None)


_TO_A_POINT = "in|within|after|by|from|since|until|till|before"  # "in three years": a point


def _only_a_length(short: str, before: str) -> bool:
    """Whether a short answer to "when" (or a date asked) states a length of time and no point:
    "three-year silence", "10 days"; not "two years ago", "in three years", "June 2020", "2017" ("what
    year interval" asks a length: SQuAD "17 years")."""
    if not lengths_of_time(short) or _YEAR.search(short) or _DATED.search(short):
        return False
    return not re.search(rf"(?i)\b(?:{_TO_A_POINT}|for)\s*$", before[-12:]) and not re.match(
        rf"(?i)\s*(?:{_TO_A_POINT}|the|this|last|next)\b", short)


def _no_amount(short: str) -> bool:
    """Whether a short answer to a question asking money gives none: no figure but a year, a season
    or a date, or a figure in another unit or beside a date without a currency."""
    priced = _CURRENCY.search(short) is not None
    return (not _FIGURE.search(short if priced else _YEAR.sub("", short)) or _A_SEASON.fullmatch(short.strip()) is not None
            or _WHEN_ONLY.fullmatch(short.strip()) is not None or not priced and bool(_MEASURED.search(short) or _DATED.search(short)))


# A span ending on its figure: "6 million" (not "6 million Lira", which names its unit).
_BARE_FIGURE = re.compile(r"(?i)(?:\d|hundred|thousand|[mbt]illion)\s*$")


def _counts_a_thing(short: str, after: str) -> bool:
    """Whether a figure without a currency counts the thing named after it: "6 million" of "more than
    6 million Sentra vehicles sold" (tagged money by the entity model) is no price."""
    return _CURRENCY.search(short) is None and re.match(r"\s+[A-Za-z]", after) is not None and _CURRENCY.search(
        after[:25]) is None and _BARE_FIGURE.search(short) is not None  # "50 trillion" of "50 trillion Korean won" is money


# "Which minister ...", "what famous author ...": a person asked by a noun right after the wh-word
# (not "What can a teacher use ...?", which asks a thing).
_WHICH_PERSON = (r"\s*(?:which|what)\s+(?:(?!(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|the|a|an)\b)"
                 r"[\w&'’.-]+\s+){0,2}?")
_SOMEONE_WORDS = frozenset("""he she they him her them his their attorney attorneys orphan orphans judge judges host hosts
    guest guests powers""".split())  # "many imperial powers"


def _names_no_one(question: str, short: str) -> bool:
    """Whether a short answer to a question asking who (or "which minister") can name no one: no
    capital, no figure, no word for a person or people ("primary voting", "pad area"). SQuAD's
    right answers in small letters hold one ("international students", "the property owner")."""
    focus = question_focus(question)
    by_noun = focus.wh in ("which", "what") and answer_type(question) == "PERSON" and re.match(
        _WHICH_PERSON + re.escape(focus.focus) + r"\b", question, re.I) is not None
    if focus.wh not in ("who", "whom") and not by_noun:
        return False
    return not any(w[:1].isupper() or w[:1].isdigit() or w.casefold() in _SOMEONE_WORDS or _people_noun(w.casefold())
                   for w in re.findall(r"[\w'’.-]+", short))


def shown_short(question: str, short: str | None, before: str = "", after: str = "") -> str | None:
    """The short answer to show: none that is a bare pronoun; asked "how old", "how many" or "how
    much", none when the chosen span holds no figure ("@govkristinoem" for "how old is governor
    kristi noem"); asked someone's age, none unless it may be one (``ages.an_age``, read with the
    text ``before`` and ``after`` the span: not "three" of "Mourinho won three Premier League
    titles"); asked how long, none but a length (``timeshape.a_length_asked``: not "last night"),
    nor a time of day; asked who or a place, none that is only a time ("May 2020", "Sunday"); for money, none without
    a figure or that is a time ("summer 2020"); asked who, none ending on a question's word (``restates_own``); asked
    when, none that is an age or only a length; asked for anything but a place, none in a dateline. The quote still answers. Applied
    after the reader chose its quote, which the span's confidence helped rank: dropping such spans
    before (in ``_rank``) moved quotes elsewhere."""
    if not short or _a_pronoun(short.strip()):
        return None  # "what is the name of the oxygen bar in delhi": not "you" (of "So now you know ...")
    focus, kind = question_focus(question), answer_type(question)
    wh = focus.wh
    if wh == "what" and re.search(r"(?i)\bwhat\s+(?:(?:has|had|will|would|did|does|do)\s+)?happen", question):
        return None  # "what happened to hong kong's face mask ban": an event, which the quote tells (not "opposite effect")
    if wh in _FIGURE_WH and not _FIGURE.search(short):
        return None
    if asks_age(question) and not an_age(short, before, after):
        return None
    if asks_length(question) and (not a_length_asked(question, short, before, after) or _CLOCK.search(short)):
        return None  # "how long was he in charge": not "last night"; not "former frontman Michael McDonald", "close to 2 a.m."
    if kind == "MONEY" and (wh == "how much" or focus.focus in _PRICED) and (_no_amount(short) or _counts_a_thing(short, after)):
        return None  # "lexus lc 500 convertible price": not "summer 2020" (a "value" may be "philanthropy"); not "1 GW"
    if (wh in ("who", "whom") or kind == "PLACE") and (_WHEN_ONLY.fullmatch(short.strip()) or _A_DAY.fullmatch(short.strip())):
        return None  # "who takes over from john legere at t-mobile": not "May 2020"; "in which county ...": not "Sunday"
    if _names_no_one(question, short):
        return None  # "who is moderating the democratic debate in atlanta": not "primary voting"
    if (wh in ("who", "whom") or kind == "PERSON" and re.search(r"(?i)\bname\b", question)) and restates_own(question, short):
        return None  # "austrian minister who announced hitler's birth house ...": not "Adolf Hitler"
    if kind in TIME_TYPES and is_age(short + after[:12]):
        return None  # "what date did the plague patient eat the wild rabbit": not "55" of "a 55-year old man"
    if kind == "DATE" and (wh == "when" or re.search(r"(?i)\bdates?\b", question)) and _only_a_length(short, before):
        return None  # "release date for the noah hawley star trek film": not "three-year silence"
    if kind != "PLACE" and _dateline(short, before, after):
        return None  # "what team does zach parise play for": not "BUFFALO, N.Y." of "BUFFALO, N.Y. — Hours before ..."
    return short
