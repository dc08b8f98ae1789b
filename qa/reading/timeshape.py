"""Whether a candidate span is a length of time or a point in time.

spaCy labels both "about 9 months" and "the end of 2026" DATE, so the entity label alone lets a
"when" question take a duration for its answer. The short-answer ranker
(:mod:`qa.reading.spanfeatures`) gets these shapes crossed with the asked answer type and learns
from SQuAD what each type is answered by; nothing of the parsed shapes decides.

Lengths of time as written (``lengths_of_time``, read off the text without a parse) do decide, after
the reader has chosen its quote: what a question asking how long shows as its short answer
(``a_length_asked``, ``length_in``) and which sentences state what it asks (``states_length``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .stems import stem

__all__ = ["COUNTED_UNITS", "TIME_UNITS", "a_length_asked", "asks_coming", "asks_length", "gives_no_length", "gives_no_time", "is_duration",
           "length_in", "lengths_of_time",
           "names_calendar", "names_one_point", "report_dates_only", "states_length", "asks_dated", "MONTHS"]

TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks fortnight fortnights
    month months quarter quarters year years decade decades century centuries millennium millennia""".split())
# Counts that make a bare unit a length: "several weeks", "a decade". Ordinals ("the 19th century",
# "the first quarter") name a point, and spaCy's like_num holds for them too, so only cardinals count.
_COUNT_WORDS = frozenset("a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                         "fifty hundred thousand million billion hundreds thousands millions several few couple many some dozen dozens".split())
_FROM_NOW = frozenset("ago later earlier hence previously".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())
# Words naming a point in time ("May" left out, a verb too).
_MONTHS = (MONTHS - {"may"}) | frozenset("sept monday tuesday wednesday thursday friday saturday sunday".split())


def _is_count(word: str, pos: str) -> bool:
    if word in _COUNT_WORDS:
        return True
    digits = word.replace(",", "").replace(".", "")
    return pos == "NUM" and digits.isdigit()


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1000 <= int(word) <= 2199


def names_calendar(lower: Sequence[str], i: int, j: int) -> bool:
    """Whether tokens [i, j) name a year, a month or a weekday: a point a calendar shows."""
    return any(_is_year(lower[k]) or lower[k] in _MONTHS for k in range(i, j))


# Words that make two points a stretch of time ("from 1754 to 1763", "between May and June") or one
# point its start ("since 2019" answers "how long has she led it?").
_STRETCH = frozenset("to until till through thru and between from since – — -".split())


def names_one_point(lower: Sequence[str], i: int, j: int) -> bool:
    """Whether tokens [i, j) name one point of the calendar and nothing that makes it a stretch:
    "June 24, 2026", "the end of 2026", "2019"; not "from 1754 to 1763" nor "since 2019" (the word
    before the span counts, since spans drop a leading preposition); nor "24" of "June 24" (a day
    of the month: the month before it counts too)."""
    if i > 0 and lower[i - 1] in _MONTHS:
        i -= 1
    if not names_calendar(lower, i, j) or any(lower[k] in _STRETCH for k in range(max(0, i - 1), j)):
        return False
    return sum(_is_year(lower[k]) for k in range(i, j)) <= 1 and sum(lower[k] in _MONTHS for k in range(i, j)) <= 1


def is_duration(lower: Sequence[str], pos: Sequence[str], head: Sequence[int], root: int, i: int, j: int) -> bool:
    """Whether tokens [i, j), whose syntactic root is ``root``, state a length of time or the count
    of one: a counted time unit heads the span ("about 9 months", "several weeks", "a decade") or
    the span's root counts one ("9" of "9 months"), and no year or month is named. "The end of
    2026" (headed by "end"), "two years later", "3.5 billion years ago", "the 19th century" (an
    ordinal) and "last year" are points in time. The word before the span counts too, since spans
    drop a leading article ("a decade" is proposed as "decade")."""
    unit = head[root] if _is_count(lower[root], pos[root]) else root
    if lower[unit] not in TIME_UNITS or names_calendar(lower, min(i, unit), max(j, unit + 1)):
        return False
    if unit + 1 < len(lower) and lower[unit + 1] in _FROM_NOW:
        return False  # "3.5 billion years ago", "two years later": counted back or on to a point
    if "old" in lower[unit + 1:unit + 3]:
        return False  # "the 43-year-old man", "47 years old": an age, not how long something took
    return any(head[k] == unit and _is_count(lower[k], pos[k]) for k in range(max(0, min(i, unit) - 1), unit))


# "When will Anthropic's chip be ready?", "When is the plant expected to open?": a coming event.
_COMING = re.compile(r"\s*when\s+(?:will|would|(?:is|are)\b.*\b(?:expected|going|due|planned|scheduled|set)\s+to)\b",
                     re.I)
_REPORTING = frozenset("""reported reports said says announced announces stated states told disclosed confirmed
    wrote added noted revealed published cited""".split())
# What stands between a date and the verb it dates: "reported on July 2", "said Tuesday".
_TO_VERB = frozenset("pobj prep nummod compound npadvmod appos amod det".split())


def asks_coming(question: str) -> bool:
    """Whether a question asks when something is to happen ("When will ...?")."""
    return bool(_COMING.match(question))


# "When did Anthropic start working on its own chips?": a past event, which a report's date does not date
# either ("Anthropic has begun early-stage work ..., The Information reported on July 2"), unless the
# report is what is asked ("When did The Information report it?").
_PAST_ASKED = re.compile(r"\s*when\s+(?:did|was|were|had|has|have)\b", re.I)
_REPORTING_STEMS = frozenset(stem(w) for w in _REPORTING | {"report", "say", "announce", "publish", "write", "tell", "remarks",
                                                              "statement", "comment", "quoted", "claim"})


def asks_dated(question: str) -> bool:
    """Whether a question asks when a thing is to happen, or when a past thing other than a report did."""
    return asks_coming(question) or bool(_PAST_ASKED.match(question)) and not (
        {stem(w) for w in re.findall(r"[\w'’-]+", question.casefold())} & _REPORTING_STEMS)


def report_dates_only(question: str, views: Sequence) -> bool:
    """Whether a question asking when something is to happen (or when a past thing other than a report
    happened: ``asks_dated``) gets a quote whose every date is the
    date of a report ("..., The Information reported on July 2 (local time)") or of another thing
    that happened ("OpenAI and Broadcom released Jalapeño on June 24, 2026" for "When will Jalapeño
    be mass produced?"): the day a story ran, or a release, answers when that was, not when the
    chip will be ready. ``views``: the quote's parses
    (qa.reading.spanfeatures._View); False when the quote holds no date at all (that is checked
    elsewhere) or the question asks about no coming event."""
    coming = asks_coming(question)
    if not asks_dated(question):
        return False
    asked = {stem(w) for w in re.findall(r"[\w'’-]+", question)}
    heads = {w[:4] for w in asked if len(w) >= 4}  # "seiz" of "seized" and "seizure"
    found = False
    for v in views:
        for a, b, label in v.ents:
            if label != "DATE":
                continue
            found = True
            k, dated_asked = a, False
            for _ in range(4):  # up the parse to the verb the date attaches to
                if v.dep[k] not in _TO_VERB or v.head[k] == k:
                    break
                k = v.head[k]
                # ... past the asked thing itself: "the seizure of the Grand Mosque ... during November
                # 1979", asked when it was seized, dates the seizure, whatever verb it hangs from.
                dated_asked = dated_asked or v.pos[k] in ("NOUN", "VERB") and v.stem[k][:4] in heads
            if dated_asked:
                return False
            # Asked of a past event, another past event may be the asked one in other words ("has begun").
            if v.lower[k] not in _REPORTING and not (coming and _another_past_event(v, k, asked)):
                return False
    return found


# Verbs that tell of the past without "-ed".
_PAST = frozenset("was were began made built took went came gave saw set brought sold bought led won ran".split())
_NOT_PAST = frozenset("will would shall to 'll can may might must".split())


def _another_past_event(v, k: int, asked: set[str]) -> bool:
    """Token ``k`` of view ``v`` is a verb in the past ("released on June 24") whose stem the
    question does not use: the date says when another thing happened, not when the asked one will
    ("When will Jalapeño be mass produced?")."""
    if v.pos[k] != "VERB" or v.stem[k] in asked:
        return False
    if any(v.head[c] == k and v.dep[c] in ("aux", "auxpass") and v.lower[c] in _NOT_PAST for c in range(v.n)):
        return False
    return v.lower[k].endswith("ed") or v.lower[k] in _PAST


# Lengths of time as written, read off the text without a parse (short answers are checked, and a
# quote searched for one, after the reader has chosen): "five-and-a-half years", "50 weeks", "a
# 90-day license", "nearly eight hours", "53-day-long", "half an hour", "a decade".
_NUMBER = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
           r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|half|quarter)")
_COUNT = (rf"(?:\d[\d,.]*|an?|{_NUMBER}(?:[\s-]+(?:and[\s-]+)?(?:an?[\s-]+)?{_NUMBER})*|several|few|couple(?:\s+of)?|"
          r"dozens?(?:\s+of)?|many|some)")
_TIME_UNIT = (r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|season|year|decade|century|centuries|"
              r"millennium|millennia)s?")
_QUALIFIER = (r"(?:(?:about|nearly|almost|around|roughly|approximately|some|just|only|at\s+least|up\s+to|more\s+than|"
              r"less\s+than|fewer\s+than|over|under|just\s+over|just\s+under)\s+)?")
_LENGTH_OF_TIME = re.compile(rf"(?i)(?<![\w-]){_QUALIFIER}(?:half\s+an?\s+{_TIME_UNIT}|{_COUNT}(?:\s+(?:million|billion))?(?:\s+|-)"
                             rf"{_TIME_UNIT}(?:-long)?)(?![\w-])")
# After a length, what makes it an age ("43-year-old"), and what counts it from another point ("six
# months after leading Spurs", "two years ago"): still how long, but not the length a quote states
# of the thing itself when it states several.
_AGE_AFTER = re.compile(r"(?i)\s*-?\s*old\b")
_COUNTED_FROM = re.compile(r"(?i)\s*(?:ago\b|later\b|earlier\b|after\b|before\b|hence\b|from\s+now\b|prior\b)")
# A point bounding a stretch: "since 2016", "until the age of 16", "since the 1950s".
_SINCE = re.compile(r"(?i)\b(?:since|from|until|till|through)\s+(?:the\s+)?$")
_A_TIME = re.compile(r"(?i)\d|centur|decade|\bwar\b|\bage\b")  # "Treaty" of "since the Treaty of Rome 1957" is none
_BOUNDED = re.compile(r"(?i)\b(?:since|until|till)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:\S*\d\S*|century|centuries|decade|war|age)\b")
# Verbs asking how long something took, not how long a thing is ("How long does the boost last?").
_TIME_VERBS = re.compile(r"(?i)\b(?:last|lasts|lasted|lasting|take|takes|took|taken|taking|run|runs|ran|running|spend|spends|"
                         r"spent|stay|stays|stayed|wait|waited|serve|served|remain|remained|been|keep|kept|hold|held|"
                         r"missing|delayed|sentenced|continue|continued|go\s+on|went\s+on)\b")
_LENGTH_UNITS = re.compile(r"(?i)\d[\d,.]*\s*-?\s*(?:mile|kilomet(?:er|re)|km|met(?:er|re)|m|feet|foot|ft|inch(?:es)?|yard|lap|cm|mm)s?\b")
_OVER = re.compile(r"(?i)\b(?:over|during|for|within|throughout)\s+(?:the\s+)?$")
# "how many <unit>" asks how long (answertype's DURATION reads the same list).
COUNTED_UNITS = ("years", "days", "months", "weeks", "hours", "minutes", "decades", "centuries", "seconds")
_HOW_LONG = re.compile(rf"(?i)\bhow\s+(?:long|many\s+(?:{'|'.join(COUNTED_UNITS)}))\b")
_AGO = re.compile(r"(?i)\bhow\s+long\s+ago\b")
_HOW_MANY = re.compile(r"(?i)\bhow\s+many\b")
# A month's name or its abbreviation ("Sept."), as the reader's checks read one (ages, shown).
MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
              r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH = MONTH_NAME + r"\b\.?"
# "1870 to 1939"; "from March to June", "from 3 May until 9 July".
_STRETCH_OF = re.compile(rf"\b\d{{4}}s?\s*(?:to|until|till|through|and|[–—-])\s*\d{{2,4}}\b|(?i:\bfrom\s+(?:(?:the|early|late|mid)\s+)?"
                         rf"(?:\d\S*|{_MONTH})[^.;]{{0,30}}?\s+(?:to|until|till|through)\s+(?:(?:the|early|late|mid)\s+)?(?:\d\S*|{_MONTH}))")


def asks_length(question: str) -> bool:
    """Whether a question asks how long ("how long", "how many days"), as answertype's DURATION
    does; not "what period", which may ask for an era by name ("the First Period" of a house)."""
    return bool(_HOW_LONG.search(question))


# Lengths without a figure ("in the days, weeks and months after it happened") and stretches from a
# point to a later one ("from January 1964, until it achieved the first manned landing in July 1969").
_VAGUE_LENGTH = re.compile(rf"(?i)\b(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b|"
                           rf"\bfrom\s+(?:\S+\s+)?(?:\d\S*|{_MONTH})[^.;]{{0,80}}?\b(?:to|until|till|through)\b[^.;]{{0,60}}?(?:\d|\b{_MONTH})")


def gives_no_length(question: str, quote: str) -> bool:
    """Asked how long ("how many years is kepa's contract at chelsea"), whether the quote states no
    length of time, no stretch bounded by a point and no length ("The 23-year-old flew to London
    yesterday evening ...": an age and a day): it does not answer. Any length of time counts here,
    one counted from a point too ("has avoided extradition to Sweden for seven years after seeking
    refuge ..."). Asked the penalty given, one the quote says only may come does not count.
    """
    if _GIVEN.search(question):  # asked the sentence given, what one "could face" gives none
        quote = _POSSIBLE.sub(" ", quote)
    return asks_length(question) and not (lengths_of_time(quote, True) or states_length(question, quote)
                                          or _VAGUE_LENGTH.search(quote))


def gives_no_time(question: str, quote: str, kind: str | None) -> bool:
    """Whether the quote gives no length asked for (``gives_no_length``) or, asked a date (``kind``
    "DATE": "When does the trial of the two guards start?"), no point in time: its only times are
    lengths ("appeared to sleep for two hours", which the entity tagger marks as a time)."""
    if gives_no_length(question, quote):
        return True
    if kind != "DATE" or asks_length(question) or not _ASKS_DATE.search(question):
        return False
    rest = quote
    for a, b in reversed(lengths_of_time(quote)):
        if not _YEAR.search(quote, a, b):  # "the 1906 season" is a point
            rest = rest[:a] + " " + rest[b:]
    return _A_POINT.search(re.sub(r"(?<=[^\W\d_])(?=\d)", " ", rest)) is None  # "during19th dynasty": "during 19th"


_YEAR = re.compile(r"\b(?:1\d{3}|20\d{2})\b")
# Words that ask for a date, not a focus noun read as one ("What makes day length constant?").
_ASKS_DATE = re.compile(r"(?i)\bwhen\b|\bdate\b|^\s*(?:in|on|by|during)?\s*(?:what|which)\s+(?:exact\s+)?(?:year|day|month|decade|century)\b")
# Any mention of a point or stretch in time, a vague one too: a quote with none gives no date.
_A_POINT = re.compile(rf"(?i)\b(?:1\d{{3}}s?|20\d{{2}}s?|\d{{1,4}}\s*(?:BC|AD|BCE|CE)|\d+(?:st|nd|rd|th)|{_MONTH}|"
                      r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|today|tonight|yesterday|tomorrow|weeks?|weekends?|months?|"
                      r"years?|seasons?|spring|summer|autumn|fall|winter|century|centuries|decades?|era|period|dynasty|reign|ago|"
                      r"now|soon|later|earlier|recently|currently|upcoming|next|last|previous|early|late|during|after|before|"
                      r"until|till|since|while|once|time|christmas|easter|thanksgiving|halloween|eve|holidays?|new\s+year)\b")


# A penalty given ("how long was carlineo sentenced to", "how long did he get"), and one a report
# says only may come ("could face up to 10 years in prison", "faces a maximum of five years").
_GIVEN = re.compile(r"(?i)\b(?:was|were|been)\s+(?:\w+\s+){0,3}?(?:sentenced|jailed|imprisoned|banned|suspended)\b|"
                    r"\b(?:did|does)\s+(?:\w+\s+){1,4}?(?:get|serve|receive)\b")
_POSSIBLE = re.compile(r"(?i)\b(?:(?:could|can|may|might|would|will)\s+(?:face|get|receive|serve)|fac(?:es|ing))\s+"
                       r"(?:up\s+to\s+|a\s+maximum\s+(?:sentence\s+)?of\s+|as\s+(?:much|long)\s+as\s+)?[^,.;]{0,40}?"
                       r"\b(?:years?|months?|weeks?|days?)\b")


def lengths_of_time(text: str, counted_from: bool = False) -> list[tuple[int, int]]:
    """Offsets of the lengths of time ``text`` states, not ages; nor, unless ``counted_from``,
    those counted from another point ("one week later", "two years ago")."""
    return [m.span() for m in _LENGTH_OF_TIME.finditer(text) if not _AGE_AFTER.match(text, m.end())
            and (counted_from or not _COUNTED_FROM.match(text, m.end()))]


def a_length_asked(question: str, short: str, before: str = "", after: str = "") -> bool:
    """Whether ``short`` may answer a question asking how long (``asks_length``): it states a length
    of time ("five-and-a-half years", "90-day", "one week later"; its unit may follow the span,
    ``after``: "30" of "30 years", its count come before it, ``before``: "a" of "a week"), a stretch
    ("1754 to 1763", "over the next decade"), or, asked how long (not how many days), the point
    bounding it ("1796" of "until 1796", "1950s" of "since the 1950s"); or, asked how long a thing
    is and not how long it took, a length ("2.7 km"). Not "last night", "this year", "20 January
    2019" (points), nor "3-inches" for "how long does the boost last". "How long ago" takes a point."""
    if _AGO.search(question) or _STRETCH_OF.search(short):
        return True
    pre = before[-16:]
    if (lengths_of_time(short, True) or any(a == 0 for a, _ in lengths_of_time(short + after[:24], True))
            or any(a <= len(pre) < b for a, b in lengths_of_time(pre + short, True))):
        return True
    if not _HOW_MANY.search(question) and (_SINCE.search(before) or _SINCE.match(short)) and _A_TIME.search(short):
        return True  # "until 1796" says how long, not how many days
    words = re.findall(r"[a-z]+", short.lower())
    if words and all(w in TIME_UNITS and w.endswith("s") for w in words):
        return True  # "years", "decades": vague, but a length
    if _OVER.search(before) and TIME_UNITS & set(words):
        return True  # "over the next decade", "for the past year": a stretch, not a point
    return bool(_LENGTH_UNITS.search(short)) and not _TIME_VERBS.search(question)


_WORDS = re.compile(r"[^\W_]+")
_NOT_ASKED = frozenset("how long many much what which who when where did does do was were is are the a an of in on for to it its".split())


def length_in(question: str, quote: str) -> tuple[int, int] | None:
    """Where the quote states the length of time a question asks for, when the reader's own short
    answer was no length ("last night" of "... sacked last night after five-and-a-half years in
    charge"): the one length the quote states, or of several the one with more of the question's
    words beside it ("in charge"), those counted from another point ("six months after ...") only
    when there is no other; None when there is none or no one length stands out."""
    found = lengths_of_time(quote) or lengths_of_time(quote, True)  # "less than a year after becoming pope", if alone
    if len(found) <= 1:
        return found[0] if found else None
    asked = {stem(w) for w in _WORDS.findall(question.lower()) if w not in _NOT_ASKED}
    near = [len(asked & {stem(w) for w in _WORDS.findall(quote[max(0, a - 25):b + 25].lower())}) for a, b in found]
    best = max(near)
    return found[near.index(best)] if near.count(best) == 1 else None


def states_length(question: str, sentence: str) -> bool:
    """Whether a sentence states what a question asking how long asks for: a length of time (one
    counted from a point, asked how long ago), a stretch bounded by a point ("since 2016", "until
    the second quarter of the 19th century", "1870 to 1939"), or, asked how long a thing is, a length."""
    return bool(lengths_of_time(sentence, bool(_AGO.search(question))) or _BOUNDED.search(sentence) or _STRETCH_OF.search(sentence)
                or (_LENGTH_UNITS.search(sentence) and not _TIME_VERBS.search(question)))
