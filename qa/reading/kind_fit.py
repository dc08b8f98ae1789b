"""Which candidate sentences give the kind of thing asked for, where the sentence's entity types
cannot tell (the reader's ``type_match`` and ``type_gap`` features read these in their place):

- "What is the name of OpenAI's chip?": a name *of the thing*, not any name. "One important
  backdrop to Anthropic being placed in the discussion of self-developed chips is that OpenAI has
  already set a precedent" names Anthropic, a company in a clause of its own, and ranked first;
  "OpenAI has already disclosed its Jalapeño inference chip" names the chip. A name is the
  thing's when it qualifies a noun of the question ("Jalapeño inference chip"), stands as the
  object of a verb whose subject is the owner ("OpenAI and Broadcom released Jalapeño", "Meta is
  advancing MTIA"), follows a naming verb ("referred to as an Intelligence Processor") or is quoted
  (accelerator "MITA"). Not by entity label: the small English model tags "Jalapeño" a PERSON in
  one sentence and an ORG in another.
- "What does MTIA stand for?": a phrase spelling the acronym (:mod:`qa.reading.acronyms`).
- "Who is Meta working with on MTIA?" (a partner, :func:`qa.reading.asked_kind.asks_maker`): a
  person, company, people or country beyond the question's own names and the subject's full name.
  The type bits of a sentence count every ORG, so "Meta's self-developed AI accelerator, MTIA, is
  moving ..." matched, though it names only the question's Meta and MTIA (and "AI", tagged ORG,
  which only qualifies a thing). Not for "who makes / owns / provides": their answers are as often
  no entity ("a quantity surveyor", "several private and public railway operators"), and on SQuAD
  2.0's even articles the check cost three right short answers there.

Sentences come as views of their parse (:class:`qa.reading.spanfeatures._View`).
"""
from __future__ import annotations

from collections import Counter

import re

from .acronyms import asked_acronym, expansion
from .attribution import SAYING, attribution_tokens, says_who
from .asked_kind import (_NAMING, _NOT_NAME_ENTS, _QUOTES, _WHO_ENTS, _among, _is_name, _names_more, _only_a_modifier,
                         _own_words, _partner, _MAKER_VERBS, asked_kind, named_owner)
from .holders import asks_holder, creator_tokens, holder_tokens, names_the_held
from .makers import plant_places
from .objects import children
from .stems import stem, verb_root

__all__ = ["fit_kind", "fits", "names_the_thing", "maker_span_fits", "agent_tokens", "asks_which_doer", "asks_who_did",
           "done_by_no_one", "doer_tokens", "which_company_verb"]

_SUBJECTS = frozenset(("nsubj", "nsubjpass"))
_OBJECTS = frozenset(("dobj", "attr", "oprd", "npadvmod", "dative", "appos"))
_POSSESSIVES = ("its", "their", "his", "her")
# Acronyms of a kind of technology, written in capitals like names but naming no one thing.
_KIND_WORDS = frozenset("AI ML IT GPU CPU NPU ASIC HBM DRAM NAND SSD LLM EV IoT AR VR".split())


def fit_kind(question: str) -> str | None:
    """"name", "stands" or "partner" when the reader should read the kind of fact asked for with
    :func:`fits`, else None."""
    kind = asked_kind(question)
    if kind in ("name", "stands"):
        return kind
    return "partner" if kind == "who" and _partner(question) else None


def fits(question: str, kind: str, v) -> bool:
    """Whether the sentence of view ``v`` gives what a ``kind`` question (:func:`fit_kind`) asks for."""
    if kind == "stands":
        return bool(expansion(asked_acronym(question) or "", v))
    if kind == "name":
        return names_the_thing(question, v)
    # "AI" of "AI accelerator", tagged ORG, only says what kind of accelerator: no one works with it.
    own, subject = _own_words(question), (_partner(question) or "").casefold()
    named = [k for k in range(v.n) if v.lower[k] == subject]
    if named and all(v.dep[k] == "poss" for k in named):
        # "Who did OpenAI partner with?" over "... hiring Clive Chan, a key contributor to OpenAI's
        # original chip project": the subject only owns another thing there; it does nothing with anyone.
        return False
    return any(label in _WHO_ENTS and _names_more(v, a, b, own) and not _only_a_modifier(v, a, b, people=True)
               and subject not in v.lower[a:b] for a, b, label in v.ents)


def names_the_thing(question: str, v) -> bool:
    """The view gives a name, beyond the question's words, of the named owner's thing asked about."""
    own = _own_words(question)
    owner = (named_owner(question) or "").casefold()
    in_ent = {i for a, b, label in v.ents if label not in _NOT_NAME_ENTS for i in range(a, b)}
    for i in range(v.n):
        if v.text[i].rstrip("s") in _KIND_WORDS:
            continue  # "its own AI chips" says what kind of chips, it names none
        if (_is_name(v, i, own) or i in in_ent and not v.punct[i] and not _among(v.lower[i], own)) \
                and _tied(v, i, owner, own):
            return True
    return False


def _tied(v, i: int, owner: str, own: set[str]) -> bool:
    """Name token ``i`` names the thing: see the module's docstring."""
    if i > 0 and v.text[i - 1] in _QUOTES:
        return True
    if any(v.lower[a] in _NAMING for a in v.anc[i][:3]):
        return True  # "also referred to as an Intelligence Processor"
    j = i  # the head of the name: "Clive Chan", "Intelligence Processor"
    while v.dep[j] in ("compound", "flat") and v.head[j] != j and v.pos[v.head[j]] == "PROPN":
        j = v.head[j]
    h, dep = v.head[j], v.dep[j]
    if h == j:
        return False
    if dep in ("compound", "appos", "nmod", "amod") and v.pos[h] == "NOUN" and _among(v.lower[h], own):
        # "its Jalapeño inference chip" for "OpenAI's chip", when the chip is the owner's ("its",
        # "OpenAI's", or the object of the owner's verb): "to develop AI chips" names no chip.
        return (any(v.head[k] == h and v.dep[k] == "poss" and v.lower[k] in (owner, *_POSSESSIVES) for k in range(v.n))
                or v.dep[h] in _OBJECTS and _owner_acts(v, v.head[h], owner, own))
    # "OpenAI and Broadcom released Jalapeño"; "Warsaw's name in the Polish language is Warszawa".
    return dep in _OBJECTS and _owner_acts(v, h, owner, own)


def _owner_acts(v, verb: int, owner: str, own: set[str]) -> bool:
    """The subject of token ``verb`` (or one of its subjects: "OpenAI and Broadcom") is the owner,
    or a noun of the question ("name", "chip")."""
    subjects = [k for k in range(v.n) if v.head[k] == verb and k != verb and v.dep[k] in _SUBJECTS]
    subjects += [k for k in range(v.n) if v.dep[k] == "conj" and v.head[k] in subjects]
    return any(owner and v.lower[k] == owner or v.pos[k] == "NOUN" and _among(v.lower[k], own) for k in subjects)


def maker_span_fits(question: str, v, i: int, j: int, asked: set[int]) -> bool:
    """Whether span ``i:j`` of view ``v`` answers a "who makes / who with" question with the maker
    tokens ``asked`` (:func:`qa.reading.asked_kind.maker_tokens`): it holds one, not as the owner
    of another noun ("Broadcom's official announcement" names an announcement), and not beside
    the partner the question names ("OpenAI and Broadcom" for "Who designed Jalapeño with OpenAI?")."""
    held = asked.intersection(range(i, j))
    if not held or names_the_held(question, v, i, j, asked) or held != asked and (
            asks_holder(question) or creator_tokens(question, v) == asked):
        return False  # (asked whose a thing is or who made it, the whole holder: "OpenAI and Broadcom")
    last = max(held)
    if last + 1 < j and v.lower[last + 1] in ("'s", "’s", "'") and not (last + 2 == j and asks_holder(question)):
        return False  # (asked whose a thing is, "Meta’s" of "Meta’s MTIA" names its holder)
    subject = (_partner(question) or "").casefold()
    return not subject or subject not in v.lower[i:j]


# "Which company makes Trainium?": a company asked for as the one doing something to a named thing.
_WHICH_MAKER = re.compile(r"\s*(?:which|what)\s+(?:company|companies|firm|firms|chipmaker|manufacturer|business)\s+"
                          r"(?:(?:is|are|was|were|will|has|have|had|did|does|do)\s+)?([a-z]+)\b", re.I)


def which_company_verb(question: str) -> str | None:
    """The verb of a "Which company makes ...?" question ("makes"), lower-cased; None for other questions."""
    m = _WHICH_MAKER.match(question)
    return m.group(1).lower() if m else None


def agent_tokens(question: str, v, maker: bool) -> set[int]:
    """Positions of the names of view ``v`` that do what the question asks to a thing it names:
    "Amazon" for "Who makes Trainium?" over "Google has TPU, Amazon has Trainium and Inferentia,
    Meta is advancing MTIA" (the subject of the verb whose object is Trainium), "Broadcom" of "The
    Jalapeño chip was designed by Broadcom" (the agent of a passive). For "who makes / designs
    ..." questions (``maker``) and "Which company makes ...?". Empty when the sentence does not
    hold the thing that way."""
    if asks_holder(question):
        return holder_tokens(question, v)  # "Which company has TPUs?": whose it is, not who makes it
    if not maker and which_company_verb(question) not in _MAKER_VERBS or plant_places(question, v, _own_words(question)):
        return set()  # asked where it is made, the place named answers (asked_kind.plant_places)
    own = _own_words(question)
    names = {w.casefold() for w in re.findall(r"\b[A-Z][\w-]*", question)[1:]} - {"who", "which", "what"}
    out: set[int] = set()
    for i in range(v.n):
        if v.lower[i] not in names:
            continue
        j = i
        while v.dep[j] in ("conj", "compound", "flat") and v.head[j] != j:
            j = v.head[j]  # "Trainium and Inferentia", "the Jalapeño chip"
        verb, dep = v.head[j], v.dep[j]
        if dep in ("dobj", "attr"):
            doers = [k for k in range(v.n) if v.head[k] == verb and v.dep[k] == "nsubj"]
        elif dep == "nsubjpass":
            doers = [k for a in range(v.n) if v.head[a] == verb and v.dep[a] == "agent"
                     for k in range(v.n) if v.head[k] == a and v.dep[k] == "pobj"]
        else:
            continue
        doers += [k for k in range(v.n) if v.dep[k] == "conj" and v.head[k] in doers]
        for k in doers:
            if v.pos[k] == "PROPN" and not _among(v.lower[k], own):
                out |= {k} | {c for c in range(v.n) if v.head[c] == k and v.dep[c] in ("compound", "flat")
                               and v.pos[c] == "PROPN"}
    return out


# "Who reported ...?", "Who first announced ...?", "Which company released Jalapeño?": the question's
# verb, after "who" (or a wh-phrase asking for a company) and adverbs.
_WHO_VERB = re.compile(r"\s*(?i:who|(?P<which>(?:which|what)\s+(?:[\w-]+\s+)?(?:compan(?:y|ies)|firms?|business(?:es)?|"
                       r"outlets?|organi[sz]ations?)))\s+(?:(?:first|also|reportedly|originally|later)\s+)*([a-z]{3,}ed|said|"
                       r"told|wrote|says|claims|reports|believes|states|writes|tells|announces|indicates|chose|bought|sold|won|broke|ran)\b")
# "Which outlet broke the story?", "... ran the story": who reported it first.
_BROKE = frozenset(("broke", "ran"))


def asks_which_doer(question: str) -> bool:
    """Whether the question asks which company did something by a verb: "Which company released Jalapeño?"."""
    m = _WHO_VERB.match(question)
    return m is not None and m.group("which") is not None


def asks_who_did(question: str) -> bool:
    """Whether the question asks who did something by a verb in -ed ("who kidnapped the girl"),
    not who said something (:func:`qa.reading.attribution.says_who` reads those)."""
    m = _WHO_VERB.match(question)
    return m is not None and m.group("which") is None and m.group(2).endswith("ed") and not says_who(question)


def done_by_no_one(question: str, v) -> bool:
    """Whether the sentence of view ``v`` holds the question's verb in some form, and never with a
    subject or a passive's agent of any kind ("a kidnapped 8-year-old girl was rescued by police" for
    "who kidnapped the girl"; not "it had been contacted by Attorney General Letitia James' office",
    whose agent is no name but says who did it)."""
    m = _WHO_VERB.match(question)
    root = verb_root(m.group(2).lower()) if m else None
    uses = [k for k in range(v.n) if root is not None and verb_root(v.lower[k]) == root]
    # Only as a modifier ("a kidnapped girl") or a passive without its agent ("was kidnapped in broad
    # daylight"): a verb joined to another ("led the team ..., forced four fumbles") shares its subject,
    # and "the Norman Foster designed Sage Gateshead" names its doer inside the modifier (SQuAD).
    # Nor one whose joined verb has the agent ("was captured in a raid and held prisoner by ... the Tayichi'ud").
    return bool(uses) and all(
        (v.dep[k] == "amod" or children(v, k, "nsubjpass")) and not children(v, k, "nsubj", "npadvmod", "compound")
        and not any(v.lower[c] == "by" for j in _joined(v, k) for c in children(v, j, "agent", "prep"))
        and not any(v.pos[c] == "PROPN" for c in range(v.n) if v.head[c] == k) for k in uses)


def _joined(v, k: int) -> list[int]:
    """Verb ``k`` and the verbs joined to it by "and" (its conjuncts, or the one it is a conjunct of)."""
    return [k, *children(v, k, "conj"), *([v.head[k]] if v.dep[k] == "conj" else [])]


def _subjects(v, k: int) -> list[int]:
    """The named subjects of verb ``k``, or the named agent of a passive ("The girl was kidnapped by
    Michael Webb"); of a verb without either under a preposition or another verb, that verb's
    ("Anthropic has strengthened its team by hiring Clive Chan": Anthropic hired). Not of
    an adverbial clause: "Temüjin had killed the men ..., stating that ..." answered "Who stated he
    wanted Israel to vanish?" (SQuAD) over the sentence that does."""
    own = [s for s in children(v, k, "nsubj")]
    if not own:
        # "The girl was kidnapped by Michael Webb": a passive's agent did it.
        own = [p for a in children(v, k, "agent") for p in children(v, a, "pobj")]
    if not own and v.dep[k] in ("pcomp", "xcomp") and v.head[k] != k:
        h = v.head[k] if v.pos[v.head[k]] in ("VERB", "AUX") else v.head[v.head[k]]
        own = children(v, h, "nsubj")
    if v.dep[k] == "relcl" and any(v.lower[s] in ("who", "that") for s in own):
        # "the man who kidnapped the child, Michael Webb, ...": the noun the clause describes, or its name.
        own = [v.head[k]] + children(v, v.head[k], "appos")
    return [s for s in own if v.pos[s] == "PROPN"]


def doer_tokens(question: str, v) -> set[int]:
    """Positions of the named subject, beyond the question's words, of the question's verb in view
    ``v``: "The Information" for "Who reported the Samsung talks first?" over "..., the U.S. IT news
    outlet The Information reported on July 2", not the "Samsung Electronics" the span model ranks
    higher; "Anthropic" for "Which company hired Clive Chan?" over "Anthropic has also strengthened
    its engineering team by hiring Clive Chan". Empty when the sentence does not use the verb with a
    named subject."""
    m = _WHO_VERB.match(question)
    if m is None:
        return set()
    asked, own = m.group(2).lower(), _own_words(question)
    verb, root = stem(asked), verb_root(asked)
    # "Who said ...?": who reported, stated or wrote it
    verbs = SAYING if verb in SAYING or asked in _BROKE and re.search(r"\b(?:story|news|report)\b", question, re.I) else {verb}
    for k in range(v.n):
        if v.pos[k] != "VERB" or v.stem[k] not in verbs and verb_root(v.lower[k]) != root:
            continue
        for s in _subjects(v, k):
            name = _whole_names(v, [s])
            if any(not _among(v.lower[c], own) for c in name):
                return name
    # "Who said Samsung's backlog will reach 50 trillion won?" over "According to Korean media
    # reports, ...": the source the sentence gives, named or not (qa.reading.attribution).
    if says_who(question):
        return attribution_tokens(v)
    return _clause_doer(v, own) if m.group("which") is None else set()


def _clause_verb(v, p: int) -> int | None:
    """The nearest verb governing token ``p`` (itself when it is one)."""
    return next((k for k in (p, *v.anc[p]) if v.pos[k] == "VERB"), None)


def _clause_doer(v, own: frozenset[str]) -> set[int]:
    """Asked "who won the decisive doubles match" of a sentence with another verb ("Rafael Nadal kept
    Spain's hopes alive, then Marcel Granollers and Feliciano Lopez completed the comeback in the
    decisive doubles match"): the named subject of the verb whose clause holds clearly the most of
    the question's words (twice as many as any other verb's, two at least), not the first name;
    only where two verbs have named subjects."""
    held = Counter(k for k in (_clause_verb(v, p) for p in range(v.n)
                               if not v.stop[p] and v.pos[p] != "VERB" and _among(v.lower[p], own)) if k is not None)
    ranked = held.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and 2 * ranked[1][1] > ranked[0][1]:
        return set()
    # Two doers in the sentence, each the named subject of its own verb: which one did what is asked
    # is the question (one doer: the span model reads the rest, "KOA ... will carry the game, with
    # Dave Logan on play-by-play" answers "Who handled play-by-play ...?" with Logan, SQuAD).
    if sum(bool(_subjects(v, k)) for k in range(v.n) if v.pos[k] == "VERB") < 2:
        return set()
    return _whole_names(v, [s for s in _subjects(v, ranked[0][0]) if not _among(v.lower[s], own)])


def _whole_names(v, subjects: list[int]) -> set[int]:
    """The subjects with the names joined to them ("OpenAI and Broadcom") and each name's other
    words ("Marcel" of "Marcel Granollers")."""
    both = set(subjects) | {c for s in subjects for c in children(v, s, "conj") if v.pos[c] == "PROPN"}
    return both | {c for b in both for c in children(v, b, "compound", "flat") if v.pos[c] == "PROPN"}
