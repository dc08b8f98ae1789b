"""Expected answer type of a question, from its wh-word and focus noun (rules, no model).

``answer_type`` returns one of PERSON, ORG, PLACE, DATE, TIME, DURATION, NUM, MONEY, PERCENT, QUANTITY,
OTHER, or None when the question asks for an explanation (why / how-does / describe), which no short span fits.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..indexing.entities import ENTITY_FIT
from .amounts import _NUMBER, _PERCENT_FIGURE, AMOUNT_NOUNS, states_currency, states_share, values_a_deal
from .units import _measures, counts_noun, is_number_stem
from .timeshape import COUNTED_UNITS, states_length
from .owners import described_owners, with_plural_possessives
from .targets import TARGETS, sense_type, target_type

__all__ = ["answer_type", "question_focus", "counts_noun", "is_number_stem", "asks_fact", "states_fact", "asked_currency",
           "states_currency", "states_share", "FACT_KINDS", "Focus", "TYPES", "ENTITY_FIT", "FOCUS_LABELS", "AUXILIARIES", "TIME_TYPES", "AMOUNT_TYPES"]

TYPES = ("PERSON", "ORG", "PLACE", "DATE", "TIME", "DURATION", "NUM", "MONEY", "PERCENT", "QUANTITY", "OTHER")

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|\$|%")  # Unicode words: "Jalapeño" is one

# Focus nouns ("what city", "which company", "the name of the ...") and the type they ask for.
_FOCUS = {
    "PERSON": """person people man woman men women player coach president ceo leader king queen
        emperor general author writer founder scientist artist politician minister chancellor son
        daughter father mother wife husband brother sister individual quarterback actor singer
        composer poet philosopher physicist chemist mathematician economist professor teacher
        student alumnus alumni architect engineer explorer pope saint ruler prince princess duke
        governor mayor senator judge officer commander captain sultan khan who designer inventor
        astronaut defender linebacker receiver kicker official player's musician conductor
        historian theologian doctor physician bishop lord monarch director owner""",
    "ORG": """company companies organization organisation org group team firm corporation agency
        university college school institution party band network airline bank club league
        newspaper magazine publisher manufacturer committee council government union army
        navy channel broadcaster station studio label court ministry department brand maker
        chipmaker carmaker automaker supplier vendor client customer rival competitor startup
        publication outlet developer retailer lender insurer regulator""",
    "PLACE": """city town country nation place location state province region area continent
        island river lake sea ocean mountain street building stadium venue capital village county
        district neighborhood neighbourhood park site territory border planet port airport
        hospital church palace castle bridge square valley desert forest where""",
    "DATE": """year years date day month decade century era season when timeline deadline timing""", "TIME": """time hour o'clock""",
    "NUM": """number score total count age""",
    "MONEY": """price cost amount money salary budget revenue fee fine worth value funding
        dollars pounds euros investment spending expenditure""",
    "PERCENT": """percent percentage proportion share rate fraction portion yield utilization utilisation
        occupancy turnout""",
    "DURATION": """period interval duration timeframe""", "QUANTITY": """distance length height width depth weight mass
        temperature speed area size volume quantity altitude elevation population pressure capacity""",
}
_FOCUS_TYPE = {w: t for t, ws in _FOCUS.items() for w in ws.split()}
# Prepositions opening a phrase that qualifies a keyword question's kind word ("price of ...", "... over ten years").
_PREPS = frozenset("of in on at to for by with from about".split())
_QUALIFYING = _PREPS | frozenset("over during until through within since after before".split())
# Roles a company plays: "which foundry", "what partner" ask for one, but as a modifier ("Has Samsung's foundry
# backlog ...") the word asks for nothing, so only right after the wh-word or last of the keywords ("jalapeno chip partner").
_ORG_ROLES = frozenset("""foundry foundries fab fabs fabricator contractor subcontractor partner provider
    producer distributor investor buyer seller subsidiary conglomerate""".split())

# A focus noun -> the entity label it asks for: "which city" wants a GPE, not the stadium (FAC).
FOCUS_LABELS = {w: set(labels.split()) for ws, labels in (
    ("city town country nation state province county capital village district region", "GPE"),
    ("river lake sea ocean mountain island continent valley desert forest", "LOC"),
    ("stadium building bridge airport hospital church palace castle park venue street", "FAC"),
    ("company firm corporation organization organisation team university agency party band", "ORG"),
) for w in ws.split()}

_HOW_ADJ = {**dict.fromkeys("much far large big tall high heavy deep wide fast hot cold small short".split(), "QUANTITY"),
            "many": "NUM", "old": "NUM", "long": "DURATION", "often": "OTHER", "frequently": "OTHER"}
_MONEY_WORDS = set("""cost costs pay paid spend spent earn earned price worth money dollars sell sold charge budget revenue
    fund funding raise raised invest invested salary owe $ bid""".split())
_PAYING = frozenset("pay paid spend spent cost charge charged".split())  # "what did X pay"; not "spend time", "pay tribute"
_UNPAID = frozenset("money cash funds time hours days weeks months years attention tribute respect homage lives life".split())
# "How much is Anthropic spending ...": every form of those verbs asks for money too.
_MONEY_WORDS |= {w + end for w in ("cost", "pay", "spend", "earn", "sell", "charge", "fund", "invest", "owe", "bid")
                 for end in ("s", "ing")} | set("raises raising charged owed prices priced investment fined ticket tickets fare fares fee fees subscription".split())
_STOP = set("""a an the of in on at to for by with from and or is are was were be been being do does did has have had
    this that these those its it's it as what which who whom whose when where why how name named called kind type sort""".split())
_COUNT_PREPS = frozenset("of in on at for from by with per among".split())  # "How many units of MTIA ..." counts units


class Focus(NamedTuple):
    wh: str          # what / which / who / when / where / how-many / ... / "" if none found
    focus: str       # the focus noun, e.g. "city" in "what city", or ""
    type: str | None  # the answer type


@lru_cache(maxsize=4096)
def question_focus(question: str) -> Focus:
    foc = _question_focus(question)
    if asked_currency(question) is not None:
        # "What is the backlog worth in Chinese yuan?": an amount in that currency, the word as asked.
        return Focus(foc.wh, _currency_match(question).group(1).casefold(), "MONEY")
    return foc


_MAY_BE_MONEY = frozenset(("MONEY", "NUM", "QUANTITY", "OTHER"))
TIME_TYPES = frozenset(("DATE", "TIME", "DURATION"))  # answer types asking for a time
AMOUNT_TYPES = frozenset(("MONEY", "QUANTITY", "NUM", "PERCENT"))  # ... and for an amount
_EXPLAIN = frozenset("tell describe explain compare contrast summarize summarise discuss outline elaborate".split())  # an account ("Name" asks facts)
# "What is the difference between GPUs and ASICs?" asks for an account, as "Compare ..." does (not "What was the
# age difference between ...?", which a length of time answers); so do "What do reports say about Anthropic and
# Samsung?" (the quote itself: "local time" is no answer) and "What does TSMC have to do with MTIA?".
_ACCOUNT = re.compile(r"\s*what(?:(?:'s|’s|\s+is|\s+are|\s+was|\s+were)\s+the\s+(?:main\s+|key\s+|biggest\s+)?differences?\s+between\b"
                      r"|\s+(?:do|does|did)\s+(?:[\w'’-]+\s+){1,4}?(?:(?:say|think|write|report|claim|believe)\s+(?:about|of|on|regarding)"
                      r"|have\s+to\s+do\s+with)\b)", re.I)


def _question_focus(question: str) -> Focus:
    if _ACCOUNT.match(question):
        return Focus("what", "account", None)
    # "What's the value ...": the wh-word is "what" ("'s" is "is").
    words = [t.casefold() for t in _WORD.findall(with_plural_possessives(question))]
    toks = [t[:-2] if t[-2:] in ("'s", "’s") and t[:-2] in _WH else t for t in words]
    if not toks:
        return Focus("", "", None)
    whs = [i for i, t in enumerate(toks) if t in _WH]
    wh_i = whs[0] if whs else -1
    if (wh_i >= 0 and toks[wh_i] in ("when", "where") and any(toks[i] in _ASKING for i in whs[1:])
            and (wh_i + 1 >= len(toks) or toks[wh_i + 1] not in AUXILIARIES)):
        # "When a pathogen is eaten, it is trapped in what vesicle?", "... occurred when the
        # contractor did what?": that "when" opens a clause; the question is the later word.
        wh_i = next(i for i in whs[1:] if toks[i] in _ASKING)
    if wh_i < 0 and toks[0] in _EXPLAIN:
        return Focus("", toks[0], None)  # "Tell me about Jalapeño", "Compare ...": no span answers it
    # Keywords ("samsung foundry backlog size"; "lexus lc 500 convertible price?": no word a sentence needs):
    keywords = wh_i < 0 and (not question.rstrip().endswith("?") or not any(t in _SENTENCE_WORDS for t in toks))
    if keywords:  # the last kind word ("samsung backlog": money), not in a phrase qualifying one ("date of the letter", "aws spending over ten years")
        kinds = [(i, t, k) for i, t in enumerate(toks) if t not in ("who", "where", "when") and (k := _FOCUS_TYPE.get(
            t) or _FOCUS_TYPE.get(t.rstrip("s")) or _role(t) or ("MONEY" if t in AMOUNT_NOUNS else None))]
        cut = next((i for i, t in enumerate(toks) if t in _QUALIFYING and i), len(toks))
        if kinds and kinds[-1][0] > cut and (before := [x for x in kinds if x[0] < cut and (
                x[0] == cut - 1 and toks[cut] == "of" or x[2] in AMOUNT_TYPES and kinds[-1][2] in TIME_TYPES)]):
            kinds = before
        if kinds and (heads := [x for x in kinds if toks[x[0] + 1:x[0] + 2] in (["the"], ["that"], ["when"])]):
            kinds = heads[:1]  # "exact date the huawei general license expires": the noun a clause follows
        if kinds:
            return Focus("", kinds[-1][1], kinds[-1][2])
    if keywords and all(w[:1].isupper() for w in _WORD.findall(question)):
        return Focus("", "", None)  # names alone ("Google TPU", "Jalapeño"): tell me about them, no fact asked
    if wh_i < 0:
        # "Name the ...", "In 1990 the ... was won by?" : no wh-word; guess from key nouns.
        t = _focus_from(toks, 0)
        return Focus("", t[0], t[1] or "OTHER")
    wh = toks[wh_i]
    nxt = toks[wh_i + 1] if wh_i + 1 < len(toks) else ""
    if wh == "why":
        return Focus(wh, "", None)
    if wh in ("who", "whom"):
        return Focus(wh, "", "PERSON")
    if wh == "whose":
        return Focus(wh, nxt, "PERSON")
    if wh == "when":
        return Focus(wh, "", "DATE")
    if wh == "where":
        return Focus(wh, "", "PLACE")
    if wh == "how":
        if nxt in ("many", "much") or nxt in _HOW_ADJ and toks[wh_i + 2:wh_i + 3] != ["along"]:  # "how far along": progress
            rest = set(toks[wh_i + 2:] if wh_i + 2 < len(toks) else toks[:wh_i])  # "investment how much": before it
            if nxt == "much" and rest & _MONEY_WORDS:
                return Focus("how " + nxt, nxt, "MONEY")
            if nxt == "many":
                f = toks[wh_i + 2] if wh_i + 2 < len(toks) else ""
                if f in COUNTED_UNITS:
                    return Focus("how many", f, "DURATION")
                if f in ("dollars", "pounds", "euros"):
                    return Focus("how many", f, "MONEY")
                if f in ("percent",):
                    return Focus("how many", f, "PERCENT")
                return Focus("how many", f, "NUM")
            if nxt == "much" and ({"percent", "percentage"} & rest):
                return Focus("how much", nxt, "PERCENT")
            if nxt == "old" and "when" not in rest:
                return Focus("how old", nxt, "NUM")
            return Focus("how " + nxt, nxt, _HOW_ADJ.get(nxt, "QUANTITY"))
        # "How did X die?", "How is Y spelled?": a manner/explanation; short spans rarely fit.
        return Focus("how", "", None)
    if nxt in ("do", "does", "did"):
        # "What does the time element mean?", "What did France offer?": the words that follow are the verb's
        # subject, not the kind of thing asked for; "What did the state pay for the ads?" asks for money.
        paid = sorted(_PAYING & set(toks[wh_i + 2:])) if not _UNPAID & set(toks) else []
        return Focus(wh, paid[0], "MONEY") if paid else Focus(wh, "", "OTHER")
    if wh == "what" and toks[-1] == "worth" and "worth" not in toks[wh_i + 1:-1] and toks[-2:-1] != ["fort"]:  # Fort Worth
        return Focus(wh, "worth", "MONEY")  # "What is Meta's ASIC order with Samsung worth?"
    if wh == "what" and any(t == "valued" and toks[i + 1:i + 2] == ["at"] and not re.match(r"[\d$]", "".join(toks[i + 2:i + 3]))
                            for i, t in enumerate(toks[wh_i + 1:-1], wh_i + 1)):  # not "the company valued at $5 billion"
        return Focus(wh, "valued", "MONEY")  # "what is anthropic valued at after its series h round"
    # After "What's" an "is" stands between the wh-word and the next word: "What's Samsung's backlog?"
    # asks for the backlog, as "What is Samsung's backlog?" does, not an owner ("What city's Marriott").
    focus, typ = _focus_from(toks, wh_i + 1, after_wh=words[wh_i] == toks[wh_i])
    of = next((i for i in range(wh_i + 1, min(len(toks), wh_i + 6))
               if toks[i] in ("name", "type", "kind", "sort") and i + 1 < len(toks) and toks[i + 1] == "of"), None)
    if of is not None:
        # "What is the name of the city ...", "What kind of fluid ...": the noun after "of" is
        # the focus (or none of ours: "what type of destination" asks for no typed fact).
        focus, typ = _focus_from(toks, of + 2, window=1)
    typ = sense_type(focus, toks) or typ
    if of is not None and toks[of] != "name" and typ in ("ORG", "PERSON", "PLACE", "NUM"):
        typ = "OTHER"  # "What type of company is Van Gend en Loos?" asks a category ("a private company")
    if focus == "area" and wh == "which":
        typ = "PLACE"  # "which area of Khwarezmia", not "what is the area of"
    if typ == "PERCENT" and focus == "rate" and "percent" not in toks and "percentage" not in toks:
        typ = "NUM"
    if typ in (None, "OTHER") and focus in AMOUNT_NOUNS:
        typ = "MONEY"  # "What's Samsung's backlog?"; as keywords or in a yes/no question it may be a claim
    return Focus(wh, focus, typ or "OTHER")


_WH = frozenset(("what", "which", "who", "whom", "whose", "when", "where", "why", "how"))
_ASKING = frozenset(("what", "which", "who", "whom", "whose"))
# Auxiliary verbs: "When did ..." opens a question; a sentence-initial one makes a yes/no question.
AUXILIARIES = frozenset("is are was were do does did will would can could has have had should may might".split())
# Words a question typed as a sentence holds ("In 1990 the cup was won by?"); keywords hold none.
_SENTENCE_WORDS = AUXILIARIES | frozenset("the a an by of to in on at for with from that this be been being".split())


def _focus_from(toks: list[str], start: int, window: int = 2, after_wh: bool = False) -> tuple[str, str | None]:
    """First focus noun within ``window`` content words from ``start`` (``after_wh``: right after
    the wh-word, where "what city's" and "which memory maker's" ask for the owner)."""
    seen = 0
    first = ""
    owners = described_owners(toks, start, _STOP)
    for k, t in enumerate(toks[start:]):
        if t in ("year", "years") and seen == 0:
            return t, "DATE"
        modifier = t == "total" and start + k + 1 < len(toks) and toks[start + k + 1] not in _STOP
        if t in _STOP or start + k in owners and not seen or modifier:  # "What total installed capacity ..."
            continue
        reach = 4 if toks[start - 1:start] == ["of"] else 2  # "the name of X Y Z's"; else one word before the owner's
        ahead = next((j for j in range(start + k + 1, min(len(toks), start + k + reach)) if toks[j].endswith(("'s", "’s"))), 0)
        if (not seen and ahead and all(toks[m] not in _STOP for m in range(start + k + 1, ahead))
                and not t.endswith(("'s", "’s")) and not (after_wh and (k == 0 or toks[start - 1] == "which"))):
            continue  # an owner's first words: "What's Samsung Foundry's backlog?", "the name of John Henry Seadlund's father"
        if t.endswith(("'s", "’s")):
            owned = toks[start + k + 1] if start + k + 1 < len(toks) else ""
            # After "which" the words up to the owner are its noun phrase; after "what" they may
            # be a verb ("What increases student's motivation").
            in_wh_np = after_wh and (k == 0 or (toks[start - 1] == "which" and seen == k))
            if not (in_wh_np or owned == "name"):
                # "What was Manning's passer rating", "the name of Miami's stadium": an owner
                # first is not the thing asked for; the noun it owns is. Later ("What strategy
                # did Jebe's army use") it only takes up room like any word.
                if seen:
                    seen += 1
                    if seen >= window:
                        break
                continue
            # "In what city's Marriott ...", "which memory maker's deal", "what was the coach's name": the owner is asked for.
            t = t[:-2]
        if k and toks[start + k - 1].endswith(("'s", "’s")) and _compound_head(toks, start + k):
            # "What is Samsung's foundry backlog?": the owned phrase's last noun is the thing asked
            # for ("backlog"), not a kind-naming noun before it ("foundry").
            t = _compound_head(toks, start + k)
            measured = target_type(toks, start + k, t, _FOCUS_TYPE)
            if measured is not None:
                return t, measured
        if not first:
            first = t
        if start + k + 1 < len(toks) and toks[start + k + 1] in _PAID:
            return toks[start + k + 1], "MONEY"  # "the average teacher salary": a salary, not a teacher
        typ = _FOCUS_TYPE.get(t) or _FOCUS_TYPE.get(t.rstrip("s")) or (_role(t) if after_wh else None)
        if typ is not None and t not in ("who", "where", "when"):
            return t, typ
        seen += 1
        if seen >= window:
            break
    return first, None


_PAID = frozenset("salary salaries price prices fee fees fare fares budget wage wages revenue".split())  # nouns only
_ED_NOUNS = frozenset("speed breed seed need feed greed creed steed".split())
_ING_VERBS = frozenset("""doing planning making going getting using trying working seeking developing producing
    offering saying looking taking facing hoping expecting considering selling buying""".split())


def _compound_head(toks: list[str], i: int) -> str | None:
    """The last word of a two- or three-noun phrase starting at ``i`` that ends the question or
    meets a preposition ("foundry backlog" in "Samsung's foundry backlog?"), else None."""
    run = []
    for t in toks[i:i + 4]:
        if len(run) == 3 and t not in TARGETS:
            break  # a fourth word only as a target's ("data center power target")
        if (t in _STOP or t in AUXILIARIES or t in _ING_VERBS or t.endswith(("'s", "’s"))
                or (t.endswith("ed") and len(t) > 4 and t not in _ED_NOUNS)):  # "constitution based"
            break
        run.append(t)
    end = i + len(run)
    # Up to the question's end, "called", or a preposition with its object ("What is Meta's chip
    # made of?" ends on a verb's preposition).
    if len(run) < 2 or (end < len(toks) and toks[end] not in ("called", "named", "known")
                        and (toks[end] not in _PREPS or end == len(toks) - 1)):
        return None
    return run[-1]


def _role(word: str) -> str | None:
    return "ORG" if word in _ORG_ROLES or word.rstrip("s") in _ORG_ROLES else None


def answer_type(question: str) -> str | None:
    return question_focus(question).type  # see the module's doc; None for why/how-explain questions


# Answer types that are figures or dates, named as the reader's abstention reason names them.
FACT_KINDS = {"MONEY": "amount of money", "DATE": "date", "TIME": "time", "NUM": "number",
              "PERCENT": "percentage", "QUANTITY": "figure", "DURATION": "duration"}

# What a named-entity tagger misses but still states the kind of fact asked for: times that are not dates ("during
# the Second World War", "every June", "430 BC", "until the oil shock"), vague counts ("several", "a few"), "per cent",
# money in currencies it does not know ("6 million Lira"); not a quote's opening "While" ("While the first two ...").
_TEMPORAL = re.compile(
    r"\b(?:\d{3,4}\s*(?:BC|AD|BCE|CE)\b|1\d{3}|20\d{2}|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|(?i:spring|summer|autumn|winter|centur(?:y|ies)|decades?|era|"
    r"during|until|after|before|since|(?<!^)while|once))\b")
_VAGUE_COUNT = re.compile(r"\b(?:several|a few|few|(?<!how )many|numerous|dozens|hundreds|thousands|millions|billions)\b", re.I)
# A share given as a fraction states a percentage too ("about half of this total investment"), not "the second half of the year".
_PER_CENT = re.compile(_PERCENT_FIGURE + r"|(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!latter )"
                       r"(?<!former )\b(?:half|a third|two[- ]thirds|a quarter|three[- ]quarters|a fifth|a tenth)\s+of\b", re.I)
# Numbers start after a non-digit and end on a digit: no backtracking over long digit runs; "Kim, 25, won gold" is no amount.
_CURRENCY = re.compile(_NUMBER + r"\s*(?:(?:thousand|million|billion|trillion)\s+)?(?:(?:lira|lire|yuan|RMB|won|yen|rupees?|"
                       r"francs?|marks?|pesos?|dollars?|pounds?|euros?|guilders?|florins?|shillings?|roubles?|rubles?)\b|[€£¥₩])", re.I)
_STATED = {"DATE": _TEMPORAL, "TIME": _TEMPORAL, "NUM": _VAGUE_COUNT, "QUANTITY": _VAGUE_COUNT, "PERCENT": _PER_CENT, "MONEY": _CURRENCY}
# "When did / was / will ...": an event's date. "When does immunodeficiency occur?", "When do
# treaties apply?" ask for a condition, which no date answers; "When does the trial start?" a date.
_WHEN_EVENT = frozenset(("did", "was", "were", "will", "had", "would"))
_SCHEDULED = frozenset("start starts begin begins end ends open opens close closes expire expires launch launches resume".split())


def asks_fact(question: str) -> bool:
    """Whether the question's own words ask for a figure or a date ("how many", "how much",
    "when did", "what year", a deal's value), not a focus noun that only may ("what area", "what
    value": SQuAD's answers to those were mostly not figures), nor a "when" asking a condition."""
    foc = question_focus(question)
    if foc.type not in FACT_KINDS:
        return False
    if (asked_currency(question) is not None or foc.focus in _FACT_FOCUS or foc.wh.startswith("how ")
            or foc.focus in ("value", "values") and values_a_deal(question)  # "meta mtia order value"
            or any(_measures(m.group(1).casefold()) for m in _IN_UNIT.finditer(question))):  # "size in gigawatts"
        return True
    toks = [t.casefold() for t in _WORD.findall(question)]
    return foc.wh == "when" and any(t == "when" and i + 1 < len(toks) and (toks[i + 1] in _WHEN_EVENT or toks[i + 1] in (
        "does", "do") and toks[-1] in _SCHEDULED) for i, t in enumerate(toks))


_IN_UNIT = re.compile(r"\bin\s+(?:square\s+|cubic\s+)?([a-z]+)\b", re.I)  # "in gigawatts", "in square miles"
# Also a score, cost, valuation, share, population, temperature ("samsung foundry market share"): SQuAD's and RAMDocs' answers
# are nearly all figures. Not "rate" (a heart rate), "time", "area" (a region), "length", nor "size" (a deal's is money).
_FACT_FOCUS = frozenset("""year years date percentage percent month day amount number score scores cost costs valuation valued share
    population temperature""".split()) | _PAID


def states_fact(question: str, text: str) -> bool:
    """Whether ``text`` states the kind of fact asked for in a form the entity tagger does not label
    (_STATED, ``timeshape.states_length``); for an amount in a named currency, one in that currency."""
    currency = asked_currency(question)
    if currency is not None:
        return states_currency(currency, text)
    found = _STATED.get(kind := answer_type(question) or "")
    return bool(found and found.search(text)) or (kind == "DURATION" and states_length(question, text))


# Currencies a question can ask an amount in, by the name asked ("in US dollars", "how many euros"); stated: qa.reading.amounts.
_CURRENCY_ASKED = re.compile(
    r"\b(?:in|into|how\s+many)\s+(?:(?:US|U\.S\.|American|Chinese|(?:South\s+)?Korean|Japanese)\s+)?"
    r"(dollars?|yuan|renminbi|RMB|won|euros?|yen|pounds?(?:\s+sterling)?)(?![\w-])", re.I)
# "What is the yuan equivalent of the deal?"
_CURRENCY_EQUIVALENT = re.compile(r"\b(dollar|yuan|renminbi|RMB|euro|yen)\s+(?:equivalent|value)\b", re.I)
_CURRENCY_KEY = {"dollar": "US dollars", "yuan": "yuan", "renminbi": "yuan", "rmb": "yuan", "won": "won",
                 "euro": "euros", "yen": "yen", "pound": "pounds"}
_WEIGHT = re.compile(r"\bweigh|\bheav|\bweight|\bmass\b|\bpounds?\s+(?:of|per)\b", re.I)


@lru_cache(maxsize=4096)
def asked_currency(question: str) -> str | None:
    """The currency a question asks an amount in ("What is it worth in US dollars?" -> "US
    dollars"), or None: also when the question asks for something else ("Who was paid in
    euros?"). "Korean won" only after "in" ("who won" and "how many South Korean won medals" are
    verbs); pounds of weight are not money."""
    m = _currency_match(question)
    if m is None:
        return None
    foc = _question_focus(question)
    if foc.type not in _MAY_BE_MONEY or foc.wh not in ("what", "which", "how much", "how many", "how big", "how large", ""):
        return None  # "Who was paid in euros?", "When did Germany switch into euros?" ("How big is it in yuan?" asks)
    word = m.group(1).casefold().split()[0].rstrip("s")
    if word == "won" and not re.match(r"in(?:to)?\s+(?:south\s+)?korean\s", m.group(0).casefold()):
        return None  # "How many South Korean won medals?"
    if word == "pound" and _WEIGHT.search(question):
        return None
    return _CURRENCY_KEY.get(word)


def _currency_match(question: str) -> re.Match | None:
    """Where the question names a currency to give an amount in ("in US dollars", "the yuan
    equivalent"); group 1 is the currency's word as asked."""
    return _CURRENCY_ASKED.search(question) or _CURRENCY_EQUIVALENT.search(question)
