"""Numbers and their units among stemmed tokens (``qa.indexing.lexical.tokenize``): whether a text counts
what a "how many" question counts ("1 GW" and "5GW" count gigawatts)."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from .amounts import _AMOUNT, _PERCENT_FIGURE
from .timeshape import TIME_UNITS, _is_year

__all__ = ["counts_noun", "counts_any_thing", "counts_in_units", "counts_only_time", "is_measure", "is_number_stem",
           "measures_size", "unit_names", "asks_process_node", "states_process_node"]

# A number among stemmed tokens (qa.indexing.lexical.tokenize: "twenty" -> "twenti").
_NUMBER_STEM = re.compile(r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenti|"
                          r"thirti|forti|fifti|hundr|hundred|thousand|million|billion|dozen)")


def is_number_stem(token: str) -> bool:
    """Whether a stemmed token (qa.indexing.lexical.tokenize) is a number: "4,500", "2nm", "hundr"."""
    return bool(_NUMBER_STEM.match(token))


# Units and their usual abbreviations: "How many gigawatts ..." is answered by "about 1 GW" or "5GW".
_UNITS = {
    "gigawatts": "gw", "megawatts": "mw", "kilowatts": "kw", "terawatts": "tw", "watts": "w",
    "gigawatt-hours": "gwh", "terawatt-hours": "twh", "kilowatt-hours": "kwh", "megawatt-hours": "mwh",
    "nanometers nanometres": "nm", "kilometers kilometres": "km", "centimeters centimetres": "cm",
    "millimeters millimetres": "mm", "meters metres": "m", "kilograms": "kg", "grams": "g",
    "pounds": "lb lbs", "miles": "mi", "feet foot": "ft", "gigabytes": "gb",
    "terabytes": "tb", "megabytes": "mb", "gigahertz": "ghz", "megahertz": "mhz", "hours": "hr hrs",
    "lightyears": "ly", "parsecs": "",
}
# "5gw", "2nm": a number and its unit in one token (two letters at least: "$5m" is money, not metres)
_FUSED = re.compile(r"^\d[\d,.]*([a-z]{2,})$")


def unit_names(abbreviation: str) -> tuple[str, ...]:
    """The spelled-out names of a unit written short: "nm" -> ("nanometers", "nanometres")."""
    low = abbreviation.lower()
    return tuple(n for names, short in _UNITS.items() if low in short.split() for n in names.split())


@lru_cache(maxsize=1)
def _unit_forms() -> dict[str, frozenset[str]]:
    """Stemmed unit -> the stemmed forms that name it (itself, its other spellings, abbreviations)."""
    from ..indexing.lexical import tokenize

    out: dict[str, frozenset[str]] = {}
    for names, abbrevs in _UNITS.items():
        stems = [t for w in names.split() for t in tokenize(w)[:1]]
        forms = frozenset(stems) | frozenset(abbrevs.split())
        for stem in stems:
            out[stem] = forms
    return out


def counts_noun(toks: Sequence[str], unit: str) -> bool:
    """Whether a number in the stemmed tokens is followed, within three words, by ``unit`` (or an
    abbreviation of it: "1 GW" counts gigawatts, as does "5GW")."""
    forms = _unit_forms().get(unit, frozenset((unit,)))
    for k, t in enumerate(toks):
        if not is_number_stem(t):
            continue
        if forms.intersection(toks[k + 1 : k + 4]):
            return True
        fused = _FUSED.match(t)
        if fused and fused.group(1) in forms:
            return True
    return False


# Nouns that count any thing, stemmed: news counts products in "units" ("hundreds of thousands of
# units" answers "How many chips ...?"), never gigawatts.
_COUNTERS = ("unit", "piec", "item")


def is_measure(unit: str) -> bool:
    """Whether the stemmed ``unit`` is a unit of measure (gigawatts, nanometres), not a thing."""
    return unit in _unit_forms()


def counts_any_thing(toks: Sequence[str]) -> bool:
    """Whether the stemmed tokens count things in a noun that counts anything ("100,000 units")."""
    return any(counts_noun(toks, c) for c in _COUNTERS)


def counts_in_units(toks: Sequence[str], unit: str) -> bool:
    """Whether the stemmed tokens count, in "units" or the like, what a question counting ``unit``
    counts: any thing but a measure."""
    return not is_measure(unit) and counts_any_thing(toks)


# What a date or a length of time is written with: "in about 9 months", "by the end of 2026", "on June 24".
_MONTH_NAMES = frozenset("""january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# Counts written as words, vague ones and shares too ("citing multiple sources", "won the cup
# twice", "reduced the population by half"; "one" is left out: "one of the" counts nothing).
_COUNT_WORDS = frozenset("""two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions dozen
    dozens several few couple multiple many numerous various half once twice thrice double triple doubled tripled""".split())
_TEXT_TOKEN = re.compile(r"[a-z]+|\d[\d,.]*")
_CURRENCY_NOUNS = frozenset("""money dollars dollar euros euro pounds pound yen yuan won rupees rupee cents cent""".split())
# An amount of money: a currency sign or code before the figure, or a currency after it (its scale
# between; "60,000₩", "25€", as Korean and many European pages write it), perhaps named by its
# country ("50 trillion Korean won", "5 billion US dollars").
_CURRENCY_OF = r"(?:korean|us|u\.s\.|american|australian|canadian|hong\s+kong|singapore|new\s+zealand|taiwan|japanese|chinese|indian|british)"
_MONEY = re.compile(rf"(?:[$€£¥₩]|\b(?:USD|RMB|KRW|EUR|GBP)\s?)\s*{_AMOUNT}|{_AMOUNT}\s*(?:[€£¥₩]|(?:{_CURRENCY_OF}\s+)?(?:won|dollars|yuan|euros|pounds|yen|rupees)\b)",
                    re.I)


# What answers how tall or high beside a unit: storeys ("20 storeys") and a share ("rose to 5%").
_STOREYS = frozenset("storeys stories floors".split())
_PERCENT_TEXT = re.compile(_PERCENT_FIGURE, re.I)
# A share of nothing named ("rose by 25 percent"); "26.7% of Victorians" counts them.
_SHARE = re.compile(r"\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b)(?!\s+of\b)", re.I)
_FRACTION = re.compile(r"\b(?:one|two|three|four|five|a|an)[\s-]+(?:thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|"
                       r"eighths?|ninths?|tenths?)\b", re.I)


def _measures(word: str) -> bool:
    """Whether a word after a number names a unit of measure ("nm" of "2nm", "gigawatts"); one
    letter is too little to tell ("5m units" counts millions, not metres)."""
    word = word.replace("-", "")  # "light-years"
    if not word.isalpha() or len(word) < 2:
        return False
    return word in _all_unit_forms() or is_measure(_stem(word))


@lru_cache(maxsize=1)
def _all_unit_forms() -> frozenset[str]:
    """Every stemmed name and abbreviation of a unit (each unit's forms hold its own stems)."""
    return frozenset().union(*_unit_forms().values())


# "How fast / big / tall ... is it?" asks for a measure, and "How many will they deploy?" for a
# count of something it does not name: no year or length of time answers either. "How far has
# Jalapeño got?" and "How much has it changed?" often ask for progress or an account, which dates may answer.
# So does a population asked ("what's the population of south korea", "what's korea's population",
# "warsaw population"): not the "3" of a dateline's "July 3".
_SIZE = re.compile(r"\s*how\s+(?:(fast|big|large|tall|high|heavy|deep|wide|small|hot|cold|powerful)\b|"
                   r"many\s+(?:will|would|did|do|does|are|were|is|was|has|have|had|can|could)\b)"
                   r"|\s*(?:what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+)?(?:the\s+)?(?:[\w-]+\s+)?population\s+of\b"
                   r"|\s*what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}?[\w.-]+['’]s?\s+population\b"
                   r"|(?![^?]*\b(?:what|which|who|whom|when|where|why|how)\b)[^?]*\bpopulation\s*\??\s*$", re.I)


def measures_size(question: str) -> str:
    """"length" when the question asks how tall, high, deep or wide something is, "population" for a
    population, "power" or "memory" for a figure in those units (``_ASKED_UNITS``), "size" for another
    measure or a count naming no thing (see ``_SIZE``), else "" (so it reads as a bool)."""
    for measure, (asks, _, _) in _ASKED_UNITS.items():
        if asks.search(question):
            return measure
    m = _SIZE.match(question)
    if m is None:
        return ""
    if m.group(1):
        return "length" if m.group(1).casefold() in _LENGTHS else "size"
    return "population" if "population" in m.group(0).casefold() else "size"


_LENGTHS = frozenset("tall high deep wide".split())


def _written(part: str) -> frozenset[str]:
    """Every name and abbreviation in ``_UNITS`` of the units whose names hold ``part``."""
    return frozenset(w for names, short in _UNITS.items() if part in names for w in (names + " " + short).split())


# "How much power does the chip draw?" asks a figure in watts (or energy in watt-hours, joules): the
# "2" of "2-nanometer" or "hundreds of thousands of units" is none. Only with a verb of drawing or
# making it: "How much power does the president have?" asks no figure in watts.
_ASKS_POWER = re.compile(r"\bhow\s+much\s+(?:power|electricity|energy)\b(?=.*\b(?:draw|use|consum|need|requir|generat|produc|"
                         r"suppl|deliver|output|burn|pull|eat|save)\w*)", re.I)
_POWER_UNITS = _written("watt") | frozenset("""watt kilowatt megawatt gigawatt terawatt wh horsepower hp joules kj mj gj btu
    calories kcal""".split())
# So does memory asked ("how much hbm memory does the chip have"): a figure in bytes; "June 24, 2026"
# is none.
_ASKS_MEMORY = re.compile(r"\bhow\s+much\s+(?:[\w-]+\s+)?(?:memory|ram|vram|hbm)\b", re.I)
_MEMORY_UNITS = _written("bytes") | frozenset("kb pb kib mib gib tib kilobytes petabytes bytes gbps tbps".split())
# And a temperature asked ("at what temperature does the 2nm process run", "how cold does it get"): a
# figure in degrees ("90.20 K", "48.8 °C", whose "°" the tokens drop); no share ("90 to 95 percent"
# of "What temperature fever ...?") nor "2nm" states one.
_ASKS_TEMPERATURE = re.compile(r"^\s*(?:at\s+)?(?:what|which)\b(?:['’]s|\s+is|\s+was|\s+are|\s+were)?\s+(?:[\w'’-]+\s+){0,3}?"
                               r"temperatures?\b|\bhow\s+(?:hot|cold|warm)\b", re.I)
_TEMPERATURE_UNITS = frozenset("c f k degree degrees celsius fahrenheit centigrade kelvin kelvins".split())
# measure -> (how it is asked, the units stating it, whether a share answers too)
_ASKED_UNITS = {"power": (_ASKS_POWER, _POWER_UNITS, True), "memory": (_ASKS_MEMORY, _MEMORY_UNITS, True),
                "temperature": (_ASKS_TEMPERATURE, _TEMPERATURE_UNITS, False)}


# "What node ...?", "On which manufacturing node ...?", "What process technology ...?", and keywords
# ending in "node" ("meta mtia new gen node"): a chip's process node, stated as a size in
# nanometres, which no entity type marks (the small English model tags the "2" of "2nm" a number).
# Not "What are intermediate forwarding nodes?": the node must be what the wh-word asks for.
_NODE_WORDS = r"(?:process|manufacturing|fabrication|production|chip|technology|semiconductor)"
# "What manufacturing process ...?", "what process will anthropic's chip use": the process a chip
# is made on or uses is its node (not "What process do plants use ...?", "What process did the
# chip's designers follow?").
_ASKS_NODE = re.compile(rf"\b(?:what|which)\s+(?:{_NODE_WORDS}\s+)?node\b|\b(?:what|which)\s+process\s+technology\b"
                        r"|\b(?:what|which)\s+(?:manufacturing|fabrication|production|chip|semiconductor|foundry)\s+process\b"
                        r"|\b(?:what|which)\s+process\b(?=[^?]*\b(?:chips?|processors?|accelerators?|asics?|wafers?)\b)"
                        r"(?=[^?]*\b(?:use[sd]?|using|buil[dt]|made|make|fab\w*|manufactur\w*|produc\w*|on)\b)", re.I)
_KEYWORD_NODE = re.compile(r"^[^?]*\bnode\s*$", re.I)
_WH_WORD = re.compile(r"\b(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)
_NODE_SIZE = re.compile(r"\b\d+(?:\.\d+)?\s*-?\s*(?:nm|nanomet(?:er|re)s?)\b", re.I)


def asks_process_node(question: str) -> bool:
    """Whether the question asks for a chip's process node ("What node will MTIA v3 use?")."""
    return bool(_ASKS_NODE.search(question) or (_KEYWORD_NODE.match(question) and not _WH_WORD.search(question)))


def states_process_node(text: str) -> bool:
    """Whether the text states a process node: a size in nanometres ("2nm", "2-nanometer", "3 nm")."""
    return bool(_NODE_SIZE.search(text))


def counts_only_time(text: str, counted: str | None, measured: bool | str = False,
                     another_kind: Callable[[str, list[str]], bool] | None = None) -> bool:
    """Whether every number ``text`` states is a year, a day of a month or a length of time (or,
    for a question counting a thing, a measure: "Samsung's 2nm Foundry ...", or an amount of
    money: "approximately 50 trillion won" counts no employees, a share or a multiple, or a count of
    another kind of thing, when ``another_kind`` says so: ``qa.reading.counted_kinds``), so that none can
    count what a "how many <counted>" question counts: "in about 9 months ... by the end of 2026"
    gives no number of chips. False when the text states no number at all (the
    reader's fact check covers that), and for questions that count years, days or units of measure
    ("How many years ...?"), and when it counts nothing (``counted`` None) unless ``measured``: a
    question asking for a quantity ("How fast is Jalapeño?") is not answered by "June 24, 2026"; one
    asking a length (``measured`` "length": "How high do the plumes reach?") only by a figure in a
    unit or a share ("one such plume" gives no height)."""
    if not counted and not measured:
        return False
    # A population counts people: no sum of money, share or measure states one ("what's the
    # population of korea": not "50 trillion Korean won").
    counting = bool(counted) or measured == "population"
    unit = (counted or "").casefold()
    if counted and (unit in TIME_UNITS or is_measure(_stem(unit)) or _measures(unit) or _measures(unit[:-1])):
        return False  # "How many kgs ...?" counts a measure, which "382 kg" answers
    # An amount of money counts no employees or chips ("how many employees does samsung have":
    # not "approximately 50 trillion won"), unless money is what is counted ("how many dollars").
    timed = False
    if counting and unit not in _CURRENCY_NOUNS:
        text, found = _MONEY.subn(" ", text)
        timed = found > 0
    if counting and unit not in ("percent", "percentage", "percentages"):
        text, found = _SHARE.subn(" ", text)  # "rose by 25 percent": a share of nothing counts no people
        # ... nor does a fraction: "two-thirds of its population" counts no visits, "a third of
        # Stockholm's population" gives no population.
        text, parts = _FRACTION.subn(" ", text)
        timed = timed or found + parts > 0
    toks = [t.rstrip(".,") for t in _TEXT_TOKEN.findall(re.sub(r"(?i)\blight[\s-]+years?\b", "lightyears", text).casefold())]
    if measured in _ASKED_UNITS:  # a figure in watts (bytes, degrees) answers, or a share where one may
        _, units, share = _ASKED_UNITS[measured]
        return not (share and _PERCENT_TEXT.search(text)) and not any(
            t[:1].isdigit() and toks[k + 1:k + 2] and toks[k + 1] in units for k, t in enumerate(toks))
    if measured == "length":  # a figure in a unit, or a share, answers; "one such plume" no height
        # ... "230 million light-years" too: the unit after the figure's scale.
        unit_after = lambda k: next((w for w in toks[k + 1:k + 3] if w not in _SCALES), "")  # noqa: E731
        return not _PERCENT_TEXT.search(text) and not any(
            (t[:1].isdigit() or t in _COUNT_WORDS) and (_measures(nxt := unit_after(k)) or nxt in _STOREYS)
            for k, t in enumerate(toks))
    stem = unit[:4] if counted else None
    for k, t in enumerate(toks):
        after = toks[k + 1 : k + 4]
        if not t[0].isdigit() and (t not in _COUNT_WORDS or toks[k - 1:k] == ["as"]):
            continue  # "as many cases as ...": a comparison, no count
        if stem and any(w.startswith(stem) for w in after):
            return False  # "250,000 chips": it counts the thing asked about
        nxt = after[0] if after else ""
        if nxt in ("to", "or") and after[1:2] and after[1][:1].isdigit():
            continue  # "aged 12 to 17 years": a range, in the unit of its second number
        if nxt in TIME_UNITS:
            timed = True  # "9 months", "two years"
        elif counting and _measures(nxt):
            timed = True  # "2nm", "5 GW": a measure of something, no count of chips
        elif counting and nxt == "times":
            timed = True  # "10 times as many cases": a multiple, no count of people
        elif counted and another_kind and another_kind(unit, [w for w in after if w not in _SCALES][:2]):
            timed = True  # "600,000 Israelis" counts no settlements, "100 cities" no people (``another_kind``)
        elif _is_year(t):
            timed = True  # a year
        elif t.isdigit() and len(t) <= 2 and (nxt in _MONTH_NAMES or (k and toks[k - 1] in _MONTH_NAMES)):
            timed = True  # "June 24", "24 June"
        else:
            return False
    return timed


_SCALES = frozenset("hundred thousand million billion trillion".split())


def _stem(word: str) -> str:
    """The stem ``is_measure`` reads ("gigawatts" -> its stem)."""
    from ..indexing.lexical import tokenize

    return next(iter(tokenize(word)), "")
