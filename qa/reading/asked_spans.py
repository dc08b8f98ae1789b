"""Which candidate spans of a sentence fit what the question asks (:mod:`qa.reading.spanfeatures`
proposes them): an amount in the asked currency, a share, a count of the counted thing, an amount
with its currency, and not the asked thing itself restated."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from ..indexing.lexical import tokenize
from .acronyms import asked_acronym, expansion
from .answertype import AMOUNT_TYPES, asked_currency, counts_noun, is_number_stem, states_currency, states_share
from .casualties import asked_event, event_of_count
from .counted import counted_noun
from .stems import stem
from .purposes import purpose_thing, purpose_tokens
from .units import asks_process_node, counts_in_units, states_process_node

__all__ = ["as_asked", "asks_kind_of", "bracketed_full", "defined_name", "definition_tokens", "described_person", "excluded_phrase", "quotes_closed", "restates_excluded",
           "listed_beside", "purpose_of_focus", "restates_focus"]

_FIGURES = AMOUNT_TYPES | {"DURATION"}
_COUNTS = frozenset("""several multiple many few numerous dozens hundreds thousands millions billions some
    all both each every no various countless""".split())
_KIND_OF = re.compile(r"\b(?:kind|type|sort|form|class)s?\s+of\b|\b(?:called|named|termed|known\s+as|referred\s+to\s+as)\b",
                      re.I)


def asks_kind_of(question: str, focus: str) -> bool:
    """Whether the question asks which kind or instance of its focus noun, whose answer is the noun
    qualified ("what kind of government", "which areas": "most isolated areas", "What are numbers
    ... called?": "composite number"), not a value of it."""
    return bool(_KIND_OF.search(question)
                or (focus and re.search(rf"\b(?:what|which)\s+{re.escape(focus)}\b", question, re.I)))


def restates_focus(v, i: int, j: int, q: dict) -> bool:
    """Span [i, j) is the measured thing itself, not its figure ("total installed capacity", or
    "capacity of 5 gigawatts", for "What is the capacity of Meta's data center?"): headed by the
    question's focus noun when a figure is asked for, with no figure or count before it. Other
    questions are often answered by a kind of the focus ("What stage ...?" "early planning stages")."""
    if q["type"] not in _FIGURES or not q["focus_stem"] or q["kind_of"] or q["wh"] == "how many":
        return False  # "how many lakes": as_asked prefers spans counting them, "several lakes"
    root = min((k for k in range(i, j) if not (i <= v.head[k] < j) or v.head[k] == k), key=lambda k: len(v.anc[k]))
    # "multiple sources" answers "how many sources"; "50 trillion won" is the figure itself.
    return v.stem[root] == q["focus_stem"] and not any(v.num[k] or v.lower[k] in _COUNTS for k in range(i, root + 1))


def purpose_of_focus(v, q: dict) -> set[int]:
    """First positions of the phrases saying what an occurrence of a "which X" question's focus noun
    is for: "large language model inference" of "positioning it as an accelerator for large language
    model inference" does not name the accelerator asked for ("Which accelerator did OpenAI build
    with Broadcom?"); Jalapeño does. A span starting there is no answer."""
    if not q["kind_of"] or not q["focus_stem"] or q["wh"] not in ("which", "what"):
        return set()
    out = set()
    for k in range(v.n):
        prep = v.head[k]
        if (v.dep[k] == "pobj" and v.lower[prep] == "for" and v.head[prep] != prep
                and v.stem[v.head[prep]] == q["focus_stem"]):
            # The phrase starts at the object's leftmost descendant ("large ... inference"); a
            # determiner or a modifier may open a span, so every start up to there is the phrase's.
            first = min(t for t in range(k + 1) if t == k or k in v.anc[t])
            out.update(range(prep + 1, first + 1))
    return out


# "Besides the 2nm process, what ...?", "the other finalist besides Levi's Stadium", "another type of
# accountant other than a CPA": the phrase runs to a comma, the question's end or its wh-word.
_EXCLUDING = re.compile(r"\b(?:besides|apart\s+from|aside\s+from|other\s+than|except(?:\s+for)?|in\s+addition\s+to)\s+"
                        r"(.+?)(?=\s*(?:[,;?]|$|\b(?:what|which|who|whom|where|when|how|is|are|was|were|do|does|did)\b))",
                        re.I)


def excluded_phrase(question: str) -> str:
    """What the question rules out as its answer ("the 2nm process" of "Besides the 2nm process,
    what Samsung technology is Anthropic looking at?"), or ""."""
    m = _EXCLUDING.search(question)
    return m.group(1) if m else ""


def excluded_stems(question: str) -> frozenset[str]:
    """The stems of what the question rules out ("2nm", "proce" of "Besides the 2nm process, ...")."""
    return frozenset(stem(w) for w in re.findall(r"\w+(?:['’-]\w+)*", excluded_phrase(question)))


def beside_excluded(v, excluded: frozenset[str]) -> set[int]:
    """The thing the sentence joins to what the question rules out, with its modifiers ("advanced
    packaging facilities" of "the 2-nanometer (nm) manufacturing process and advanced packaging
    facilities"): it may answer "Besides the 2nm process, what ...?"; a sentence only on the
    ruled-out thing has none (empty)."""
    nouns = [k for k in range(v.n) if v.pos[k] in ("NOUN", "PROPN")]
    joined = {c for k in nouns if v.stem[k] in excluded for c in nouns if v.stem[c] not in excluded
              and (v.dep[c] == "conj" and v.head[c] == k or v.dep[k] == "conj" and v.head[k] == c)}
    return joined | {t for t in range(v.n) if v.head[t] in joined and v.dep[t] in ("amod", "compound") and t < v.head[t]}


def restates_excluded(v, i: int, j: int, q: dict) -> bool:
    """Span [i, j) names only what the question excludes (and the question's other words): asked
    "besides the 2nm process, what ...?", "2nm process" is the one thing that is not the answer."""
    excluded = q.get("excluded")
    if not excluded:
        return False
    words = [v.stem[k] for k in range(i, j) if not v.stop[k] and not v.punct[k]]
    return bool(words) and any(w in excluded for w in words) and all(w in excluded or w in q["stems"] for w in words)


# "What is Trainium?", "What are TPUs?": a question asking what a named thing is, and nothing else.
_DEFINES = re.compile(r"\s*(?i:what)\s+(?i:is|are|was|were)\s+(?:(?i:an?|the)\s+)?"
                      r"([A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3})\s*\??\s*$")


def defined_name(question: str) -> str:
    """The name a "What is X?" question asks about ("Trainium"), or ""."""
    m = _DEFINES.match(question)
    return m.group(1) if m else ""


# "Who is Marc Benioff?": a question asking what a named person is (a role, a title).
_DESCRIBES = re.compile(r"\s*(?i:who)\s+(?i:is|was)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\??\s*$")


@lru_cache(maxsize=4096)
def described_person(question: str) -> str:
    """The name a "Who is X?" question asks about ("Marc Benioff"), or "". Not an owner's role ("Who
    is Twitter's CEO?" asks for a name, which "Twitter CEO Jack Dorsey" gives; read as asking what
    "Twitter's CEO" is, no span answered it)."""
    m = _DESCRIBES.match(question)
    if m is None or any(w.endswith(("'s", "’s")) for w in m.group(1).split()[:-1]):
        return ""
    return m.group(1)


_NAMING_VERB = re.compile(r"position|describ|bill|brand|tout|refer|known|call|dub|name")
_COPULAS = frozenset("is are was were".split())


def definition_tokens(v, name: str, person: bool = False) -> set[int]:
    """Positions of view ``v``'s words that say what ``name`` (of a "What is X?" question) is: a
    noun in apposition ("Zentium, Amazon's training chip, ..."), after a copula ("Zentium is
    Amazon's training chip"), or the object of "as" after a naming verb ("released Jalapeño ...,
    positioning it as an accelerator ..."). Not the noun the name qualifies: "the Internet2
    community" says nothing of what Internet2 is (and, read so, took the short answer from
    "Internet2 is a not-for-profit ... consortium" on SQuAD). Empty for "Jalapeño has been
    released and entered testing", which says what happened to it, and where the sentence does
    not name it.

    With ``person`` (a "Who is X?" question), a surname alone names X ("Mayer, Disney's chairman
    of ..."), and so does a title before the name: "Walt Disney Co. executive Kevin Mayer", "Salesforce
    founder and co-CEO Marc Benioff" (read as "founder" joined to the name by "and")."""
    heads, within = _name_heads(v, name)
    if person and not heads and len(name.split()) > 1:
        heads, within = _name_heads(v, name.split()[-1])
    strong: set[int] = set()
    if person:
        strong |= {c for k in heads for c in range(k) if v.head[c] == k and v.dep[c] == "compound" and v.pos[c] == "NOUN"}
        strong |= {v.head[k] for k in heads if v.dep[k] == "conj" and v.pos[v.head[k]] == "NOUN" and 0 < k - v.head[k] <= 6
                   and all(v.dep[c] in ("cc", "conj", "compound", "punct") for c in range(v.head[k] + 1, k))}
    for k in heads:
        h = v.head[k]
        # Not a bracketed acronym: "Engineering News-Record (ENR)" restates the name.
        strong |= {c for c in range(v.n) if v.dep[c] == "appos" and v.head[c] == k and v.pos[c] in ("NOUN", "PROPN")
                   and v.text[c - 1] != "("}
        # Not a name listed after a noun: "cloud providers, Broadcom, Samsung, ..." (parsed as an apposition).
        if h != k and v.pos[h] == "NOUN" and v.dep[k] == "appos" and "conj" not in (v.dep[c] for c in range(v.n) if v.head[c] == k):
            strong.add(h)
        if v.dep[k] == "nsubj" and v.lower[h] in _COPULAS:
            strong |= {c for c in range(v.n) if v.dep[c] == "attr" and v.head[c] == h and v.pos[c] == "NOUN"}
    if heads:
        strong |= {c for c in range(v.n) if v.dep[c] == "pobj" and v.lower[v.head[c]] == "as"
                   and _NAMING_VERB.match(v.lower[v.head[v.head[c]]]) and _names_it(v, v.head[v.head[c]], within)}
    return strong - within


def _names_it(v, verb: int, within: set[int]) -> bool:
    """Whether naming verb ``verb`` ("positioning it as ...", "also referred to as ...") is said of
    the name: its object is the name; or its object is "it" (or it has none) and it hangs from the
    name ("Zeta, also known as ..."), has the name for subject ("Zeta is known as ..."), or from a
    verb whose object is the name ("released Jalapeño ..., positioning it as an accelerator"; not
    Broadcom, that verb's subject)."""
    objects = [o for o in range(v.n) if v.head[o] == verb and o != verb and v.dep[o] == "dobj"]
    if any(o in within for o in objects):
        return True
    if any(v.lower[o] not in ("it", "them") for o in objects):
        return False
    above = v.head[verb]
    return above in within or any(v.head[k] == verb and v.dep[k] in ("nsubj", "nsubjpass") for k in within) or any(
        v.head[k] == above and v.dep[k] in ("dobj", "nsubjpass") for k in within)


def defines_alone(question: str, views: Callable[[], list]) -> bool:
    """Whether, of two sentences quoted together (their parses asked for only for a "What is X?"
    question), the first says what X is and the second does not: the first's short answer then
    stands beside a more confident one of the second ("MTIA primarily serves Meta's AI
    recommendations"). Not when both do: "NSFNET was also the name given to ..." gives way to
    "The National Science Foundation Network (NSFNET) was a program ...". Likewise asked what a
    thing is for: the first saying it ("... positioning it as an accelerator for large language model
    inference") keeps its short answer beside the second's "initial design". Asked what an acronym
    stands for, the first spelling it out ("high-bandwidth memory (HBM)") keeps its short answer
    beside the second's "compute chips and HBM", which only uses it."""
    if (acronym := asked_acronym(question)) is not None:
        first, second = views()
        return bool(expansion(acronym, first)) and not expansion(acronym, second)
    if (thing := purpose_thing(question)) is not None:
        first, second = views()
        return bool(purpose_tokens(first, thing)) and not purpose_tokens(second, thing)
    if not (name := defined_name(question)):
        return False
    first, second = views()
    return bool(definition_tokens(first, name)) and not (definition_tokens(second, name) or bracketed_full(second, name))


def bracketed_full(v, name: str) -> bool:
    """Whether view ``v`` gives ``name``'s full name before it in brackets: "The National Science
    Foundation Network (NSFNET) was ...", "The Computer Science Network (CSNET)"."""
    return any(v.text[k] == name and v.text[k - 1] == "(" and v.pos[k - 2] == "PROPN" for k in range(2, v.n))


def _name_heads(v, name: str) -> tuple[list[int], set[int]]:
    """The head token of each run of view ``v``'s tokens spelling ``name`` (spaces and hyphens
    aside: the parser splits "News-Record"), and every token of those runs."""
    target = re.sub(r"[\s-]+", "", name.casefold())
    heads, within = [], set()
    if not target:  # no "What is X?" question
        return heads, within
    for i in range(v.n):
        spelled, j = "", i
        while j < v.n and len(spelled) < len(target):
            spelled += v.lower[j].replace("-", "")
            j += 1
        if spelled == target:
            run = range(i, j)
            within.update(run)
            heads.append(next((k for k in run if not (i <= v.head[k] < j) or v.head[k] == k), j - 1))
    return heads, within


def listed_beside(v, defined: frozenset[str]) -> set[int]:
    """Positions of view ``v`` holding a thing listed beside the one a "What is X?" question asks
    about (``defined``: the stems of X): "Google TPU" of "AWS Trainium, Google TPU, and NVIDIA GPUs
    remain ...", or "Inferentia" of "Trainium and Inferentia", says what Trainium is listed with,
    not what it is. A span holding one is no answer."""
    own = [k for k in range(v.n) if v.stem[k] in defined] if defined else []
    if not own:
        return set()

    def top(k: int) -> int:  # the first of a list: the others hang off it
        while v.dep[k] in ("conj", "appos") and v.head[k] != k:
            k = v.head[k]
        return k

    # Only a list ("X, Y and Z": a conjunct hangs off its first), whose other items the small
    # model may attach as appositions; an apposition alone often says what X is ("Trainium,
    # Amazon's training chip, ...").
    lists = {h for h in map(top, own) if any(v.dep[c] == "conj" and v.head[c] == h for c in range(v.n))}
    return {k for k in range(v.n)
            if v.dep[k] in ("conj", "appos") and top(k) in lists or k in lists and any(top(o) == k != o for o in own)}


def as_asked(question: str, typ: str | None, sentence: str, cands: list) -> list:
    """Of candidate spans [(start, end, features)] of ``sentence``, those that state the amount in
    the currency the question names, or an amount of money when it asks for one, or a share when
    it asks for a percentage (``typ``, its answer type), or count what a "how many" question counts, when the sentence has any; else all of them. "Worth in Chinese yuan?" over "50 trillion won (approximately RMB 221.5
    billion)" wants the yuan; "How many units ...?" over "hundreds of thousands of units using
    advanced 2nm process" not the "2"."""
    currency = asked_currency(question)
    if currency is not None:
        cands = [c for c in cands if states_currency(currency, sentence[c[0]:c[1]])] or cands
    elif typ == "PERCENT":  # "62%", "about half": a share, not "US$25 billion"
        cands = [c for c in cands if states_share(sentence[c[0]:c[1]])] or cands
    elif typ == "MONEY":  # "What does it cost?": "US$50 billion", never the "1 GW" beside it
        cands = [c for c in cands if c[2].get("ent.MONEY")] or cands
    if asks_process_node(question):  # "What node ...?": "2nm process technology", not "Samsung Foundry"
        cands = [c for c in cands if states_process_node(sentence[c[0]:c[1]])] or cands
    event = asked_event(question)
    if event is not None:  # "how many people died": "three fatalities", not "30 people had been injured"
        cands = [c for c in cands if event_of_count(sentence, c[0], c[1]) in (event, None)] or cands
    counted = counted_noun(question)
    unit = tokenize(counted) if counted else []
    if unit:
        after: dict[int, list[str]] = {}  # candidates share their ends: the rest is tokenized once

        def counts(a: int, b: int) -> bool:
            span = tokenize(sentence[a:b])
            if b not in after:
                # The unit may follow the number ("400 people"), or a partitive "of" ("30 of Boeing's
                # 787-9 Dreamliner jets").
                after[b] = tokenize(sentence[b:])[:6 if _PARTITIVE.match(sentence, b) else 3]
            return any(map(is_number_stem, span)) and counts_noun(span + after[b], unit[0])

        def counts_units(a: int, b: int) -> bool:
            span = tokenize(sentence[a:b])
            return any(map(is_number_stem, span)) and counts_in_units(span + after[b], unit[0])
        # News counts products in "units": "How many chips ...?" over "planning to mass-produce
        # hundreds of thousands of units", not the "two" of "the first two generations".
        cands = ([c for c in cands if counts(c[0], c[1])] or [c for c in cands if counts_units(c[0], c[1])]
                 or cands)
    if currency is None:
        cands = _first_of_conversions(sentence, cands)
    return _whole_amounts(sentence, cands)


_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|[A-Z][\w.&-]*\s*['’]s?)\s")


def _first_of_conversions(sentence: str, cands: list) -> list:
    """Drop an amount of money in brackets right after another figure when the question names no
    currency: "more than 10 trillion won (approximately RMB 44.3 billion)" restates the first
    amount for other readers; the source stated the first. (Units are left alone: "How many
    square miles ...?" asks for the bracketed "39 sq mi" of "100 km2 (39 sq mi)".)"""
    digits = [any(ch.isdigit() for ch in sentence[a:b]) for a, b, _ in cands]
    ends = {b for (a, b, _), d in zip(cands, digits) if d}
    out = []
    for (a, b, f), d in zip(cands, digits):
        opened = sentence.rfind("(", 0, a)
        restated = (d and f.get("ent.MONEY") and opened >= 0 and ")" not in sentence[opened:a]
                    and len(sentence[:opened].rstrip()) in ends)
        if not restated:
            out.append((a, b, f))
    return out or cands


_CURRENCY_AFTER = re.compile(r"\s+(?:(?:Korean|Japanese|Chinese|US|U\.S\.|Hong Kong|Australian|Canadian)\s+)?"
                             r"(?:dollars?|won|yen|yuan|renminbi|RMB|euros?|pounds?(?:\s+sterling)?|rupees?|"
                             r"francs?|pesos?|rubles?|roubles?|lira|lire)\b")


def _whole_amounts(sentence: str, cands: list) -> list:
    """Drop an amount cut before its currency ("approximately 50 trillion" of "approximately 50
    trillion won") when another candidate keeps the currency: an amount without it is no answer."""
    ends = [c[1] for c in cands]
    out = []
    for a, b, f in cands:
        m = _CURRENCY_AFTER.match(sentence, b) if any(ch.isdigit() for ch in sentence[a:b]) else None
        if m is None or not any(a2 < b and b2 >= m.end() for (a2, _, _), b2 in zip(cands, ends)):
            out.append((a, b, f))
    return out


def quotes_closed(sentence: str, a: int, b: int) -> tuple[int, int]:
    """Span [a, b) with the quotation mark it opens or closes alone taken in: '"cloud service"
    business', not 'cloud service" business'."""
    text = sentence[a:b]
    if (text.count('"') % 2 or text.count("”") > text.count("“")) and sentence[a - 1:a] in ('"', "“"):
        return a - 1, b
    if (text.count('"') % 2 or text.count("“") > text.count("”")) and sentence[b:b + 1] in ('"', "”"):
        return a, b + 1
    return a, b
