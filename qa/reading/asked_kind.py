"""Does the quoted sentence hold anyone a "who" question could mean, or anywhere for "where"?

A near miss often quotes a sentence holding no answer of the asked kind: "Who heads Samsung's
foundry business?" got "The current order backlog of Samsung's foundry business has reached ...",
which names only Samsung, the question's own name. The reader abstains on such a quote.

What counts as someone (or somewhere) is broad on purpose: answers to real "who" questions are
often no names ("the owner", "a council of Mongol chiefs", SQuAD), and the small English model leaves
many names untagged (tagged entities only: 48 more SQuAD 2.0 answerable questions abstained on for
35 more unanswerable ones, qa/reading/README.md). So, besides the question's own words:

- "who": an entity tagged PERSON, ORG, NORP or GPE; any untagged proper noun; "he"/"she"; a noun for
  a person or a body of people (``PEOPLE``, -ist, -ian, -eer); "where": an entity tagged GPE, LOC,
  FAC or ORG; a place noun (``PLACES``); a proper noun after a preposition of place ("in Kashgar").
  "person", asked the name of a man, a victim (:mod:`qa.reading.person_names`): a person's name;
  "title", asked who holds an office ("Who is the CEO of Coty?"): a holder named with it (``titles``).
- "name", when the question asks what a named owner's thing is called ("What is Anthropic's
  custom AI chip called?", "the name of Harvard's basketball facility"): an entity
  beyond the question's words that is no amount or date, a capitalised word that does not open
  the sentence, a proper noun opening it, a quoted term, or a naming verb ("called", "known as",
  "dubbed"): SQuAD's answers to such questions are nearly all names ("Lavietes Pavilion"). "What is
  Anthropic's custom AI chip called?" got "While the project is still in its early planning stages,
  ...", which names nothing. A thing without a named owner is often called by a term in small
  letters ("What is the bad air theory known as?" "miasma theory"): not checked (it cost SQuAD 2.0
  more answerable questions than it caught).
- "stands", asked what an acronym stands for: a phrase that spells it (:mod:`qa.reading.acronyms`);
  "colour" ("What colour is ...?"): a colour word beyond the question's (:mod:`qa.reading.colour_words`);
  "gender" ("What gender is the student body of ...?"): "all-boys", "co-ed" (:mod:`qa.reading.gender_words`).

"someone", "Which judge ...?": a name (PERSON or ORG); "Who is Clive Chan?" asks who someone is, which a
description answers: not checked. Sentences come as views of their parse (spanfeatures._View)."""
from __future__ import annotations

import re
from typing import Iterable

from .acronyms import asked_acronym, expansion
from .attribution import attribution_tokens, says_who
from .colour_words import asks_colour, names_a_colour
from .gender_words import asks_gender, gender_spans
from .answertype import _FOCUS, question_focus
from .holders import asks_holder, creator_tokens, holder_tokens, party_tokens
from .purposes import asks_purpose, purpose_thing, purpose_tokens
from .makers import asks_making, asks_who_makes, business_noun, has_asked, made_at, maker_given, makes_there, org_named, others_thing, owns_asked, plant_places
from .person_names import asks_person_name, asks_which_person, names_person, names_someone
from .titles import asked_title, names_title
from .ownwords import among as _among, names_more as _names_more, own_words as _own_words, singular as _singular, title_cased

__all__ = ["asked_kind", "asks_maker", "FREQUENCY", "KIND_REASONS", "holds_asked_kind", "maker_tokens", "name_tokens", "named_owner", "PEOPLE", "PLACES", "quoted_kind"]

PEOPLE = frozenset(_FOCUS["PERSON"].split()) | frozenset(_FOCUS["ORG"].split()) | frozenset("""
    people persons humans member members worker workers employee employees staff crew soldier soldiers troops citizen
    citizens resident residents inhabitant inhabitants settler settlers immigrant immigrants emigrant emigrants refugee
    refugees child children boy boys girl girls family families parent parents friend friends follower followers supporter
    supporters fan fans voter voters user users customer customers owners buyer buyers seller sellers farmer farmers
    merchant merchants trader traders priest priests monk monks nun nuns clergy noble nobles nobility aristocracy
    aristocrats peasant peasants slave slaves tribe tribes population public audience crowd delegate delegates
    representative representatives officials authorities administration parliament congress senate cabinet jury board panel
    commission police military forces army armies navy scholars critics expert experts researchers scientists historians
    students teachers professors leaders kings queens emperors presidents rulers chiefs chief heir heirs successor
    successors predecessor predecessors ancestor ancestors descendant descendants partner partners ally allies enemy enemies
    opponent opponents rival rivals investor investors shareholders founders owner inventors authors writers artists players
    coaches winner winners champion champions candidate candidates victim victims patient patients mother father son
    daughter wife husband brother sister king queen lord lords duke prince princess bishop pope monarch dynasty regime state
    states nation nations country countries government governments ministry council committee union unions group groups team
    teams company companies firm firms mankind humanity individuals individual adults adult men women man woman person
    minority majority community communities society societies elite elites class classes""".split())

PLACES = frozenset(_FOCUS["PLACE"].split()) | frozenset("""
    home homes area areas campus headquarters site sites region regions north south
    east west northeast northwest southeast southwest coast coasts shore shores border borders
    centre center downtown suburb suburbs room rooms hall halls office offices house houses
    laboratory lab library museum school kingdom kingdoms empire realm schools university college temple temples basin plain plains hill hills
    bay gulf strait peninsula delta terrace terraces land lands ground grounds zone zones harbour harbor
    estate farm farms factory factories plant plants mine mines camp camps station stations abroad overseas
    underground upstairs downstairs inland offshore nearby locally worldwide nationwide countryside""".split())

# Nouns in -er/-or that name things, not agents: "the order backlog", "in the fourth quarter".
_NOT_AGENT = frozenset("""order orders quarter quarters number numbers power powers water waters paper papers letter letters
    matter matters center centre centers layer layers chapter chapters border borders computer computers server servers
    processor processors semiconductor semiconductors transistor transistors sector sectors factor factors error errors
    color colors colour colours floor floors door doors tier tiers filter filters cluster clusters container containers
    other others weather winter winters summer summers october november december september corner corners river rivers
    reactor reactors motor motors engine sensor sensors accelerator accelerators monitor monitors vector vectors tensor
    tensors indicator indicators counter counters character characters parameter parameters meter meters liter liters litre
    litres chamber chambers member plant plants restaurant restaurants pollutant pollutants constant constants instant event
    events content contents extent percent intent current currents accent solvent consent present talent gradient
    coefficient incident incidents accident accidents component components continent continents element elements""".split())
_AGENT_ER = re.compile(r"[a-z]{3,}(?:er|or|ant|(?<!m)ent)s?$")
# Objects of "in"/"at" that are not places: "in the fourth quarter", "in addition", "in 2030".
_NOT_PLACE = frozenset("""year years month months week weeks day days period periods time times era eras century centuries
    decade decades future past end beginning start middle half case cases order addition terms term way ways fact part parts
    particular general response contrast form forms quarter quarters season seasons moment moments stage stages phase phases
    process effect effects place favor favour spite light view charge control line lines total number numbers amount amounts
    range ranges percent percentage share shares value values price prices use production development operation operations
    service progress testing trial trials""".split())
_PLACE_PREP = frozenset("in at near from to into across outside inside within throughout along beside between around beyond "
                        "behind above below under over off onto toward towards via".split())
_LOCATING = frozenset("in at near inside within throughout across".split())  # where, not who
_WHO_ENTS, _WHERE_ENTS = frozenset(("PERSON", "ORG", "NORP", "GPE")), frozenset(("GPE", "LOC", "FAC", "ORG"))
# A place that only qualifies a thing names no one either; what makes, sells or pays for a thing.
_PLACE_ENTS, _MAKER_ENTS = frozenset(("GPE", "LOC")), frozenset(("PERSON", "ORG"))
_AGENT = re.compile(r"[a-z]{3,}(?:ist|ian|eer)s?$")
# "Who is Clive Chan?", "who was Genghis Khan": a description is the answer.
_WHO_IS_NAME = re.compile(r"\s*(?i:who)\s+(?:is|was|are|were)\s+(?:[A-Z][\w'’.-]*\s*)+\??\s*$")


# "What is X called?", "What was the name of X?", "What's X known as?", "What is X's name?", "What do analysts call X?"
_NAME_Q = re.compile(r"\s*what(?:(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+(?:(?:the\s+)?name\s+of\b|.*(?:\b(?:called|named|"
                     r"dubbed|known\s+as)|['’]s\s+name)\b)|\s+(?:do|does|did)\s+.+?\s+(?:call|name|dub)\s)", re.I)
# A named owner's thing: "Anthropic's chip", "Theodore Roosevelt’s policy" (not the question's first word).
_NAMED_OWNER = re.compile(r"\s[(\"“]?([^\s(\"“]*[A-Z][\w.&-]*)['’]s?\s")
# Entities that are amounts or dates name nothing ("What is it called?" is not "2026").
_NOT_NAME_ENTS = frozenset(("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"))
_NAMING = frozenset("called named dubbed nicknamed termed titled known referred branded".split())
_QUOTES = frozenset('"“”‘«»')

# "How often ...?", "At what cadence ...?", "meta chip release cadence": a frequency answers.
_HOW_OFTEN = re.compile(r"\s*how\s+(?:often|frequently)\b|.*\bcadence\b", re.I)
# Words that state how often: "every six months", "biennial", "twice", "three times a year", "rarely".
FREQUENCY = re.compile(r"^(?:every|each|per|once|twice|thrice|times)$|annual|ennial|yearly|monthly|weekly|daily|hourly|nightly")
_SOMETIMES = frozenset("rarely seldom often frequently regularly usually sometimes occasionally always never "
                       "constantly continuously periodically routinely".split())
# Why the reader abstains when the quote holds nothing of the asked kind.
KIND_REASONS = {k: "The closest passages " + v for k, v in dict(who="name no one for this.", person="name no one for this.", someone="name no one for this.",
    where="name no place for this.", name="give no name for this.", often="say nothing of how often.", stands="do not spell out what it stands for.",
    holder="do not say whose it is.", colour="give no colour for this.", title="name no holder of this office.", gender="give no gender for this.",
    purpose="do not say what it is for.").items()}


def asked_kind(question: str) -> str | None:
    """The kind of answer the question asks for (see the module's doc: "who", "where", "person",
    "someone", "title", "name", "often", "stands", "colour", "gender"), else None."""
    if asked_acronym(question):
        return "stands"
    if _NAME_Q.match(question) and _NAMED_OWNER.search(question):
        return "name"
    if (person := asks_person_name(question)) or asks_which_person(question, question_focus(question)) and not asks_who_makes(question):
        return "person" if person else "someone"
    if _HOW_OFTEN.match(question):
        return "often"
    wh = question_focus(question).wh
    if (kind := "colour" if asks_colour(wh, question_focus(question).focus) else "gender" if asks_gender(question) else None):
        return kind
    if wh in ("who", "whom") or asks_who_makes(question) or not wh and _partner(question):  # "OpenAI chip partner"
        return None if _WHO_IS_NAME.match(question) else "title" if asked_title(question)[0] else "who"
    if wh == "where":
        return "where"
    return None


# "Who makes / built / is supplying ...": the one who makes, sells or pays for a thing. Products
# are made by companies as often as by people, so such a question is answered by either.
_MAKER_VERBS = frozenset(f for stem in """make made build built produce manufacture fabricate fab supply design
    develop assemble package sell sold ship provide fund finance own acquire buy bought order""".split()
    for f in (stem, stem + "s", stem + "d", stem + "ed", stem + "es", stem + "ing", stem[:-1] + "ing",
              stem[:-1] + "ies", stem[:-1] + "ied", stem + stem[-1] + "ed", stem + stem[-1] + "ing"))
_MAKER = re.compile(r"\s*(?i:who)\s+(?:(?:is|are|was|were|will|would|has|have|had|did|does|do|could|can|may|might)\s+"
                    r"(?:(?:be|been|now|also|currently|reportedly|actually)\s+)*)?(?:co-)?([a-z]+)\b", re.I)


def quoted_kind(question: str) -> str | None:
    """What the reader's quote must hold: a holder ("Which company has TPUs?"), a use ("What is X used for?"), else
    :func:`asked_kind`'s kind."""
    return "holder" if asks_holder(question) else "purpose" if asks_purpose(question) else asked_kind(question)


def named_owner(question: str) -> str | None:
    """The named owner of the thing a question asks about ("Anthropic" in "What is Anthropic's chip called?"), or None."""
    return m.group(1) if (m := _NAMED_OWNER.search(question)) else None


# "Who did OpenAI build Jalapeño with?", "Who is Samsung working with on 2nm?": a partner in making or
# working on something ("Who did the attacks resonate with?" asks for no partner).
_PARTNER = re.compile(r"\s*(?i:who)\s+(?:else\s+)?(?:is|are|was|were|will|would|has|have|had|did|does|do)\s+(?:the\s+)?"
                      r"([\w.&-]+)\s+(\S+)(?:\s+(\S+))?.*\bwith(?:\s+(?:on|for|in|at|to)(?:\s+[^\s?]+){1,3})?\s*\??\s*$", re.I)
# "Who designed Jalapeño with OpenAI?", "Which company worked with OpenAI on Jalapeño?": a verb of
# making or joining, then "with" and a capitalised name; "Who helped OpenAI build Jalapeño?": the one helped.
_WITH_NAME = re.compile(r"\s*(?i:who|(?:which|what)\s+(?:company|companies|firm|firms|chipmaker|partner|partners|business))\s+(?:(?:is|are|was|were|will|has|have|had|did|does|do)\s+)?([a-z]+)\b[^?]*?"
                        r"\bwith\s+(?:the\s+)?((?-i:[A-Z])[\w.&-]*)", re.I)
_HELPED = re.compile(r"\s*(?i:who|(?:which|what)\s+(?:company|companies|firm|firms|partner|partners))\s+(?:(?i:has|have|had|did|does|do|will)\s+)?"
                     r"(?i:help|helps|helped|assist|assists|assisted|aid|aided)\s+(?:the\s+)?([A-Z][\w.&-]*)")
# "Who is OpenAI's partner on Jalapeño?", keywords "OpenAI chip partner": the one beside the owner of "partner".
_PARTNER_OF = re.compile(r"\s*(?:(?i:who)\s+(?i:is|are|was|were)\s+([A-Z][\w.&-]*)['’]s\s+(?:[a-z-]+\s+)?partners?\b|"
                         r"(?!(?i:who|which|what|whose)\b)([A-Z][\w.&-]*)\s+(?:[a-z-]+\s+)?partners?\s*$)")
_WITH_VERBS = _MAKER_VERBS | frozenset(f for stem in "partner team work collaborate cooperate ally join".split()
                                       for f in (stem, stem + "s", stem + "ed", stem + "d", stem + "ing", stem[:-1] + "ing"))


def asks_maker(question: str) -> bool:
    """Whether a "who" question asks who makes, supplies, owns or pays for something ("Who makes
    Meta's MTIA chips?"), or with whom the subject does it ("Who did OpenAI build Jalapeño
    with?"), or who makes a thing or where (``makers.asks_making``): its answer may be a company as
    well as a person (or a place)."""
    m, p = _MAKER.match(question), _partner(question)
    return bool(m) and m.group(1).lower() in _MAKER_VERBS or p is not None or asks_making(question)


def _partner(question: str) -> str | None:
    """The subject of a partner question ("OpenAI" in "Who did OpenAI build Jalapeño with?", in
    "Who designed Jalapeño with OpenAI?" and in "Who helped OpenAI build Jalapeño?")."""
    if (m := _PARTNER.match(question)) and any((w or "").lower() in _WITH_VERBS for w in m.group(2, 3)):
        return m.group(1)
    if (m := _WITH_NAME.match(question)) and m.group(1).lower() in _WITH_VERBS:
        return m.group(2)
    return m.group(m.lastindex) if (m := _HELPED.match(question) or _PARTNER_OF.match(question)) else None


def _people_noun(w: str) -> bool:
    return _among(w, PEOPLE) or bool(_AGENT.match(w)) or (bool(_AGENT_ER.match(w)) and not _among(w, _NOT_AGENT))


def _new_modifier(v, i: int, own: set[str]) -> bool:
    return any(v.head[j] == i and j != i and v.dep[j] in ("amod", "compound", "nmod", "poss")
               and v.lower[j] not in own for j in range(v.n))


def _governed_by_place_prep(v, i: int, preps: frozenset[str] = _PLACE_PREP) -> bool:
    """Token ``i`` is the object of "in", "at", "near" ... (directly, or the noun a compound or
    "of" phrase hangs from: "in the shallow crust", "at the foot of the mast")."""
    j, hops = i, 0
    while hops < 3:
        h = v.head[j]
        if h == j:
            return False
        if v.dep[j] == "pobj" and v.lower[h] in preps:
            # "According to reports": a source, not a place.
            return not (v.lower[h] == "to" and v.head[h] != h and v.lower[v.head[h]] == "according")
        if v.dep[j] not in ("compound", "pobj", "conj", "appos"):
            return False
        j, hops = h, hops + 1
    return False


def _only_a_modifier(v, a: int, b: int, people: bool = False) -> bool:
    """The entity ``a:b`` only qualifies a noun that is no place ("custom AI silicon", where the
    small model tags "AI" a country): it says what kind of thing, not where. ``people``: a noun
    that is no one ("the AI industry" names no one; "the Texas legislature" does)."""
    last, h = b - 1, v.head[b - 1]
    if not (v.dep[last] == "compound" and h >= b and v.pos[h] == "NOUN"):
        return False
    if people:
        return not _people_noun(v.lower[h])
    return not _among(v.lower[h], PLACES) and not _governed_by_place_prep(v, h)


def holds_asked_kind(kind: str, question: str, views: Iterable) -> bool:
    """True when one of ``views`` (parses of the quoted sentences) holds someone ("who") or
    somewhere ("where") beyond the question's own words, the holder of the thing asked about, or what it is for."""
    if kind in ("colour", "gender", "title"):  # "title": "Who is the CEO of Coty?", a holder named with the title (qa.reading.titles)
        own = _own_words(question)
        return any(names_a_colour(v.lower, own) if kind == "colour" else bool(gender_spans(" ".join(v.lower), own))
                   if kind == "gender" else names_title(v, asked_title(question)[0], own) for v in views)
    if kind in ("stands", "holder", "purpose"):  # "holder": "Which company has TPUs?", one given them (qa.reading.holders)
        return any(expansion(asked_acronym(question) or "", v) if kind == "stands" else holder_tokens(question, v) if kind == "holder"
                   else bool(purpose_tokens(v, purpose_thing(question) or frozenset())) for v in views)  # "What is X used for?"
    own, making = _own_words(question), ("place" if maker_given(question) else "maker") if asks_making(question) else ""
    says = kind == "who" and says_who(question)  # "Who said ...?": "Industry sources indicate ..." says who
    return any(_holds(kind, own, v, making) or says and bool(attribution_tokens(v)) or making == "maker" and bool(creator_tokens(
        question, v)) for v in views)  # "Who made Jalapeño?": "OpenAI and Broadcom released Jalapeño" (qa.reading.holders)


def maker_tokens(question: str, v) -> set[int]:
    """Positions of the tokens of view ``v`` in a PERSON or ORG entity beyond the question's own
    words: what a short answer to "who makes ...?" should hold ("he" or "the government" may show
    that a quote speaks of someone, but name no maker)."""
    own = _own_words(question)
    subject = _partner(question)
    # "Who is Samsung working with?": not "Samsung Electronics", the subject under its full name.
    places = plant_places(question, v, own)
    if places or maker_given(question):
        return places
    making = asks_making(question)
    if making and others_thing(v, (named_owner(question) or "").casefold(), own):
        return set()
    found = [i for a, b, label in v.ents if (label in _MAKER_ENTS or org_named(v, a, b)) and _names_more(v, a, b, own)
             and (not making or label == "PERSON" or makes_there(v, a, b))
             and not (subject and any(v.lower[k] == subject.casefold() for k in range(a, b)))
             and not owns_asked(v, a, b, own) and not _only_a_modifier(v, a, b, people=True) for i in range(a, b)]
    if not subject:
        return set(found)
    # "Who is Meta working with?" over "... shifted to collaboration with Samsung": the one after "with"
    # (not TSMC, named in the sentence too); else the company beside the subject ("OpenAI and Broadcom").
    withs = [i for i in found if _after_with(v, i)]
    # "OpenAI and Broadcom released Jalapeño": the name joined to the subject is its partner, however
    # the small model labels it (NORP there).
    beside = [i for i in _conjoined(v, subject) if not _among(v.lower[i], own)]
    # First the other party of "Anthropic announced ... its partnership with Amazon" for "Who is Amazon's partner?".
    return party_tokens(v, subject) or _nearest_run(v, withs or beside or found, subject)


def _conjoined(v, name: str) -> list[int]:
    """Proper-noun tokens conjoined with a token spelled ``name`` ("X and Y"), with their
    compound words ("Y Corp")."""
    at = {i for i in range(v.n) if v.lower[i] == name.casefold()}
    heads = [j for j in range(v.n) if v.pos[j] == "PROPN" and j not in at and (
        v.dep[j] == "conj" and v.head[j] in at or any(v.dep[i] == "conj" and v.head[i] == j for i in at))]
    return sorted({k for j in heads for k in range(v.n) if k == j or (
        v.dep[k] in ("compound", "flat") and v.head[k] == j and v.pos[k] == "PROPN")})


def _after_with(v, i: int) -> bool:
    """Token ``i`` is (in a name that is) the object of "with"."""
    while v.dep[i] in ("compound", "flat") and v.head[i] != i:
        i = v.head[i]
    return v.dep[i] == "pobj" and v.lower[v.head[i]] == "with"


def name_tokens(question: str, v) -> set[int]:
    """Positions of the name in view ``v`` that a short answer to "What is Meta's chip called?"
    should hold: of the names beyond the question's words, the run nearest the owner in the parse
    tree ("Google has TPU, Amazon has Trainium, Meta is advancing MTIA": MTIA, the object of
    Meta's verb, though "Trainium" stands as near in words); every name when the owner is absent."""
    own = _own_words(question)
    return _nearest_run(v, [i for i in range(v.n) if _is_name(v, i, own)], named_owner(question))


def _nearest_run(v, positions: list[int], anchor: str | None) -> set[int]:
    """Of the runs of consecutive ``positions``, the one nearest a token spelled ``anchor`` in the
    parse tree (then in words); all of them when ``anchor`` is not in the view."""
    runs: list[list[int]] = []
    for i in sorted(positions):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    at = [i for i in range(v.n) if anchor and v.lower[i] == anchor.casefold()]
    if not runs or not at:
        return set(positions)

    def apart(i: int, j: int) -> int:
        up_i, up_j = [i, *v.anc[i]], [j, *v.anc[j]]
        common = next((t for t in up_i if t in up_j), None)
        return v.n * 2 if common is None else up_i.index(common) + up_j.index(common)

    return set(min(runs, key=lambda run: min((apart(i, j), abs(i - j)) for i in run for j in at)))


def _is_name(v, i: int, own: set[str]) -> bool:
    """Token ``i`` is (part of) a name the question does not hold: a capitalised word that does
    not open the sentence, or a proper noun that does."""
    text = v.text[i]
    return (not v.punct[i] and text[:1].isupper() and text != "I" and not _among(v.lower[i], own)
            and (i > 0 or v.pos[i] == "PROPN"))


def _names_something(own: set[str], v) -> bool:
    """The view holds a name beyond the question's words, or a naming construction."""
    if any(label not in _NOT_NAME_ENTS and _names_more(v, a, b, own) for a, b, label in v.ents):
        return True
    return any(v.lower[i] in _NAMING or (v.text[i] in _QUOTES and 0 < i < v.n - 1 and not v.punct[i + 1])
               or _is_name(v, i, own) for i in range(v.n))


def _holds(kind: str, own: set[str], v, making: str = "") -> bool:
    """``making`` "maker": asked who makes a thing or where, a company answers only as its maker
    (makes_there); "place": the question names the maker, only a place answers."""
    if kind in ("name", "person", "someone"):  # "someone": "Which judge ...?", any name
        return _names_something(own, v) if kind == "name" else (names_someone if kind == "someone" else names_person)(v, own)
    if kind == "often":
        return any(FREQUENCY.search(w) or w in _SOMETIMES for w in v.lower)
    labels = _WHO_ENTS if kind == "who" else _WHERE_ENTS
    # "Following Assange's arrest in the UK, a lawyer ...": a place "in" which something happens is no one.
    placed = {i for a, b, label in v.ents if label in _PLACE_ENTS and _governed_by_place_prep(v, b - 1, _LOCATING) for i in range(a, b)}
    for a, b, label in v.ents:
        if label not in labels or not _names_more(v, a, b, own):
            continue
        if kind == "where" and _only_a_modifier(v, a, b):
            continue  # "custom AI silicon": what kind of thing, not where
        if making and label != "PERSON" and not (making == "maker" and (makes_there(v, a, b) or kind == "who" and has_asked(
                v, a, b, own)) or kind == "where" and _governed_by_place_prep(v, b - 1)):
            continue  # asked who makes it or where, a company that only announces or speaks (whatever its label)
        if kind == "who" and label in _PLACE_ENTS and (_only_a_modifier(v, a, b, people=True) or a in placed):
            continue  # "the AI industry", "in the UK": no one
        return True
    for i in range(v.n):
        w, pos = v.lower[i], v.pos[i]
        if _among(w, own):
            # "Who made up 19% of the student body?": "international students" is someone
            # the question did not name, though "student" is its word.
            if kind == "who" and pos == "NOUN" and _people_noun(w) and _new_modifier(v, i, own):
                return True
        elif kind == "who":
            # "OpenAI Takes the Lead, Inference Cost Pressure is More Direct": a headline's capitals
            # make no one of "Lead" or "Cost" (its named entities still count, above).
            # Asked who makes a thing, a name or a word for companies answers only as its maker
            # ("leasing its infrastructure to external companies"); people do ("Who made Temüjin khan?").
            if ((pos == "PROPN" and (not making or makes_there(v, i, i + 1)) and i not in placed
                 and not _only_a_modifier(v, i, i + 1, people=True) and not title_cased(v, own))
                    or (pos == "PRON" and w in ("he", "she"))
                    or (pos == "NOUN" and _people_noun(w) and (not making or makes_there(v, i, i + 1) or (
                        _among(w, PEOPLE) and not business_noun(w))))):  # a "Dreamliner" or "buyer" makes nothing
                return True
        elif (pos in ("PROPN", "NOUN") and _governed_by_place_prep(v, i) and not _among(w, _NOT_PLACE)
              and not (pos == "NOUN" and w.endswith("ing") and not _among(w, PLACES))  # "in manufacturing": an activity
              or pos in ("NOUN", "ADV") and _among(w, PLACES)) and (not making or made_at(v, i)):
            return True
    return False
