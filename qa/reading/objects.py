"""What a question asks as the object of its verb, read in a candidate sentence's parse:

- "What chip does Google have?" over "Google has TPU, Amazon has Trainium and Inferentia, Meta
  is advancing MTIA": the object of the verb whose subject is the question's name ("TPU"), not the
  object the span model ranks higher for sitting among more words ("Trainium and Inferentia").
- "What will Meta upgrade to next year?" over "... will upgrade from third-generation chips to
  fifth-generation chips next year": a preposition left after the verb asks for its object in the
  sentence (the object of "upgrade to"), not of another preposition of the verb.
- "Which clients does Samsung have?" over "... when competing for AI clients like Meta and
  Anthropic": the things the sentence gives as examples of the asked kind ("like", "such as",
  "including"), not the kind's own modifier ("AI").

Each returns token positions of view ``v`` (:class:`qa.reading.spanfeatures._View`); a span of the
short answer must then hold one. Empty when the sentence does not say it that way: then the span
model decides, as before.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .stems import stem, verb_root

__all__ = ["children", "examples_tokens", "held_tokens", "named_kind", "names_kind", "object_tokens", "phrases", "stranded_tokens"]

# "What chip does Google have?", "Which accelerator has OpenAI released?", "What is Meta advancing?":
# a wh-word (and up to three words of its phrase), an auxiliary, a capitalised name, the verb.
_HELD = re.compile(r"\s*(?i:what|which)((?:\s+[\w-]+){0,3}?)\s+"
                   r"((?i:did|does|do|will|would|has|have|had|can|could|is|are|was|were))\s+"
                   r"((?:[A-Z][\w.&'’-]*\s+){1,3}?)([a-z]{2,})\b")
# "What will Meta upgrade to next year?", "What is MTIA used for?": the verb and the preposition it
# leaves without an object, at the question's end or before a time ("next year", "in 2026").
_STRANDED = re.compile(r"\s*(?i:what|which)\b.*?\b([A-Za-z]{2,})\s+(to|from|into|for|with|on|about|at|of)\s*"
                       r"(?:[?.!]*\s*$|(?=(?:next|last|this)\s+(?:year|month|week|quarter)|in\s+\d{4}|"
                       r"by\s+(?:the\s+end|\d{4})))")
_BE = frozenset("is are was were".split())
_WORDS = re.compile(r"[A-Za-z]+")
# Verbs with readers of their own (what a party says, what an acronym stands for, what a thing is
# called) or that take no object worth quoting ("What does Meta do?").
_OWN_READERS = frozenset("say said tell told think thought expect believe mean call name do stand know".split())
_HAVE = frozenset("have has had having".split())
# Verbs of making, one verb to a question ("made", "make", "produced", "manufactured", "built", "fabricated").
_MAKING = frozenset("mak mad produ manuf buil fabri".split())
_AUX = "(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could)"
_TYPE_OF = re.compile(r"\b(?:kind|type|sort|form|class)s?\s+of\b", re.I)
_OBJECTS = frozenset(("dobj", "attr", "oprd"))
_CLAUSES = frozenset(("relcl", "acl", "advcl", "ccomp", "xcomp"))


def _verb_key(word: str) -> str:
    word = word.lower()
    if word in _HAVE:
        return "have"
    key = stem(verb_root(word))  # "use" / "used" (stem alone: "use" / "used")
    return "make" if key in _MAKING else key  # "Which generation did TSMC make?" over "... produced by TSMC"


def children(v, k: int, *deps: str) -> list[int]:
    """Positions of the tokens whose head is token ``k`` by one of ``deps`` (the "pobj" of "like")."""
    return [c for c in range(v.n) if v.head[c] == k and c != k and v.dep[c] in deps]


def phrases(v, heads: list[int]) -> set[int]:
    """The phrases of the heads, the items listed with them ("Trainium and Inferentia") and what
    names them ("the concept Distributed Adaptive Message Block Switching"), without the clauses
    they hold ("better suited to ...")."""
    heads = [h for h in heads if v.pos[h] not in ("PRON", "DET")]  # "for which", "has it": no object named
    out = set(heads)
    for k in range(v.n):
        path = [k] + v.anc[k]
        top = next((x for x in path if x in heads), None)
        if top is None or k == top:
            continue
        inner = path[:path.index(top)]
        # A capitalised "clause" is a name the small parser took for a verb ("the concept
        # Distributed Adaptive Message Block Switching").
        if not any(v.dep[x] in _CLAUSES and not v.text[x][:1].isupper() for x in inner):
            out.add(k)
    return out


def _verbs(v, key: str):
    return [k for k in range(v.n) if v.pos[k] in ("VERB", "AUX") and _verb_key(v.lower[k]) == key]


def held_tokens(question: str, v) -> set[int]:
    """Positions of the object of the question's verb whose subject is the question's name."""
    m = _HELD.match(question)
    if m is None:
        return set()
    wh, aux, name, verb = m.group(1).split(), m.group(2).casefold(), m.group(3).split(), m.group(4).lower()
    if verb in _OWN_READERS or (aux in _BE and not verb.endswith("ing")):
        return set()  # "What was Jalapeño designed for?": the name is what was acted on
    words = {re.sub(r"['’]s?$", "", w.casefold()) for w in name}  # "Siemens", "Samsung's"
    key = _verb_key(verb)
    out: set[int] = set()
    for k in _verbs(v, key):
        if _done_by(v, k, words):
            out |= phrases(v, children(v, k, *_OBJECTS))
        elif any(v.lower[o] in words for a in children(v, k, "agent") for o in children(v, a, "pobj")):
            out |= phrases(v, children(v, k, "nsubjpass"))  # "the first two generations ... were produced by TSMC"
    if not out:
        # "What process will Anthropic use?" over "Anthropic is also evaluating the use of Samsung's
        # 2nm process ...": the verb's noun ("use of", "release of"), under a verb the name does; of
        # the kind the wh-word asks ("Which chips does Anthropic use?" is not answered by a process).
        kind = stem(wh[0]) if len(wh) == 1 else ""  # "which chips": "chips"
        for k in range(v.n):
            if v.pos[k] == "NOUN" and _verb_key(v.lower[k]) == key and v.pos[v.head[k]] == "VERB" and _done_by(v, v.head[k], words):
                found = phrases(v, [o for p in children(v, k, "prep") if v.lower[p] == "of" for o in children(v, p, "pobj")])
                out |= found if not kind or any(v.stem[t] == kind for t in found) else set()
    return out


def _done_by(v, k: int, words: set[str]) -> bool:
    """Whether a subject of verb ``k`` is one of ``words`` (or "it" standing for it)."""
    subjects = children(v, k, "nsubj")
    subjects += [c for c in range(v.n) if v.dep[c] in ("compound", "flat", "conj") and v.head[c] in subjects]
    return any(v.lower[s] in words or _stands_for(v, s, words) for s in subjects)


def _stands_for(v, s: int, words: set[str]) -> bool:
    """Whether pronoun ``s`` stands for the sentence's main subject, one of ``words``: "it" of
    "Anthropic announced ..., stating that it has already used over 1 million Trainium2 chips"."""
    if v.lower[s] not in ("it", "they"):
        return False
    return any(v.lower[x] in words for k in range(v.n) if v.head[k] == k for x in children(v, k, "nsubj"))


def stranded_tokens(question: str, v) -> set[int]:
    """Positions of the object of the preposition a question leaves after its verb, a clause too
    ("of controlling 'bandit formations'"). The verb may stand before the verb's object: "What did
    Russia and Syria accuse the US of?" (the word before "of" is no verb of the sentence)."""
    m = _STRANDED.match(question)
    if m is None or m.group(1).lower() in _OWN_READERS:
        return set()
    prep = m.group(2).lower()
    words = [m.group(1)] + [w for w in reversed(_WORDS.findall(question[:m.start(1)])) if w.islower() and len(w) > 2]
    for word in words:
        out: set[int] = set()
        for k in _verbs(v, _verb_key(word)):
            for p in children(v, k, "prep"):
                if v.lower[p] == prep:
                    out |= phrases(v, children(v, p, "pobj") + [c for c in children(v, p, "pcomp") if v.pos[c] == "VERB"])
        if out or word.lower() in _OWN_READERS:
            return out
    return set()


# Nouns of one kind: "Who are Samsung's customers?" over "another major client ..., following the likes of ...".
_KIN = {k: {"clien", "custo", "buyer"} for k in ("clien", "custo", "buyer")}
# "Who are Samsung's foundry customers?": the noun after the owner is the kind asked for; the owner
# when it follows the verb ("Who is making Meta's chips?" may be answered by Meta).
_WHO_ARE = re.compile(r"\s*who\s+(?:are|were|is|was)\s+(?:([\w.&-]+)['’]s\s+|[^?]*?['’]s\s+)(?:[\w-]+\s+)?([a-z]+)\s*\??\s*$", re.I)


def examples_tokens(v, focus_stem: str) -> set[int]:
    """Positions of the examples given of a noun of stem ``focus_stem``: "Meta and Anthropic" of
    "clients like Meta and Anthropic", "Google and Amazon" of "giants such as Google and Amazon",
    "Tesla, Nvidia, and Apple" of "another client ..., following the likes of Tesla, Nvidia, and Apple"
    (for "customers" too: ``_KIN``)."""
    kin = _KIN.get(focus_stem, {focus_stem})
    out: set[int] = set()
    for k in range(v.n):
        if v.stem[k] not in kin or v.pos[k] not in ("NOUN", "PROPN"):
            continue
        for p in children(v, k, "prep"):
            if v.lower[p] in ("like", "including") or (v.lower[p] == "as" and p > 0 and v.lower[p - 1] == "such"):
                out |= phrases(v, children(v, p, "pobj"))
    if any(v.stem[k] in kin for k in range(v.n)):
        # "... add another major client to its portfolio, following the likes of Tesla, Nvidia, and
        # Apple": the examples of a kind the sentence names, wherever they stand.
        for k in range(1, v.n - 1):
            if v.lower[k] == "likes" and v.lower[k - 1] == "the" and v.lower[k + 1] == "of":
                out |= phrases(v, children(v, k + 1, "pobj"))
    return out


@lru_cache(maxsize=4096)
def _asks_examples(question: str, focus: str) -> bool:
    """Whether examples of the focus noun may answer: not for "What type of surnames ...?" over
    "Border Reiver surnames such as Armstrong" (the type is the qualifier), and only for the
    wh-phrase's own noun ("which (AI) clients"): "Of what were materials ... thought to contain?"
    asks for no material. Read once a question, not once a candidate sentence."""
    return not _TYPE_OF.search(question) and re.search(
        rf"\b(?:which|what)\s+(?:(?!{_AUX}\b)[\w-]+\s+)?{re.escape(focus)}\b", question, re.I) is not None


# "What round did ...?", "In which funding round did ...?": the wh-phrase's last word is the asked
# kind (the question's focus is its first: "video" of "What video game series ..."). Not "What type
# of ...?", which asks for the qualifier (read elsewhere).
_KIND_NOUN = re.compile(rf"\s*(?:[a-z]+\s+)?(?:what|which)\s+(?!(?:kind|type|sort|form|class)s?\b)(?:[\w-]+\s+){{0,2}}?"
                        rf"(?!{_AUX}\b)([a-z]+)\s+{_AUX}\b", re.I)
_PLURAL = re.compile(r"[^su]s$")
_POINTING = frozenset("the its his her their our this that 's ’s".split())
# Words placing one of a kind among others: "the first AFC team" is a team of a kind, not its name.
_RANKING = frozenset("only other first second third last next same new former previous latest current another".split())
_MODIFIERS = 3  # tokens between the pointing word and the name
_NEAR = 4  # tokens after the asked noun where a word of the question ties the name to it
_BETWEEN = 2  # common nouns that may stand between the name and the asked noun ("funding" of "Series H funding round")


@lru_cache(maxsize=4096)
def _kind_noun(question: str) -> str:
    """The stem of the noun ending a "what/which" phrase before its auxiliary, or "" (read once
    a question, not once a candidate sentence)."""
    m = _KIND_NOUN.match(question)
    return stem(m.group(1)) if m else ""


def named_kind(question: str, v, q: dict) -> tuple[int, int, int] | None:
    """"What round did Anthropic raise?" over "In May, during its Series H funding round, Anthropic
    announced that the three major memory semiconductor manufacturers ... had participated": the
    proper name just before the asked kind's noun says which one ("Series H"), not a name the span
    model ranks higher for standing by the question's words. Read in word order, not in the parse,
    which takes "round" for an adverb. The run as token positions (start, end, the noun's), or
    None. Not a noun written as part of a name ("Levi's Stadium", which the span model's focus
    features read)."""
    fs, out = _kind_noun(question), []
    if not fs:
        return None
    for k in range(1, v.n):
        # A noun (the parser may take one after a noun for an adverb: "funding round"; not "last" of
        # "The Broncos last wore ..." for "What was the last game ...?").
        noun = v.pos[k] == "NOUN" or v.pos[k] == "ADV" and v.pos[k - 1] == "NOUN"
        if v.stem[k] != fs or not noun or not v.text[k].islower() or _PLURAL.search(v.lower[k]):
            continue
        end = k
        while k - end < _BETWEEN and end > 0 and v.pos[end - 1] == "NOUN" and v.text[end - 1].islower():
            end -= 1
        start = end
        while start > 0 and v.pos[start - 1] == "PROPN" and v.text[start - 1][:1].isupper() and not q["matched"][start - 1]:
            start -= 1
            # "of" or "of the" inside a name: "Artist of the Decade award", "Bank of Korea building"
            link = 2 if start > 2 and v.lower[start - 2:start] == ["of", "the"] else 1 if start > 1 and v.lower[start - 1] == "of" else 0
            if link and v.pos[start - link - 1] == "PROPN" and v.text[start - link - 1][:1].isupper():
                start -= link
        before = start
        while start - before < _MODIFIERS and before > 0 and (
                v.text[before - 1] == "-" or before > 1 and v.text[before - 2] == "-" or before < start and v.text[before] == "-"):
            before -= 1  # "the Mongol-established Yuan dynasty": a hyphenated word
        if before > 1 and v.pos[before - 1] in ("ADJ", "VERB") and v.text[before - 1].islower() and v.lower[before - 1] not in _RANKING:
            before -= 1  # "the coveted Artist of the Decade award" (not "the only other AFC champion team", a kind)
        # One thing the sentence points at ("its", "the", "Zeta's"), not a kind ("AI clients like
        # Kestrel", "an AI chip": the domain is no name of one).
        if start < end and before > 0 and v.lower[before - 1] in _POINTING:
            out.append((sum(q["matched"][before - 1:k + _NEAR]), -k, (start, end, k)))
    # The one beside the question's own words ("the Mongol-established Yuan dynasty" asked which
    # dynasty the Mongols founded, not "the Jin dynasty" further on), else the first.
    return max(out)[2] if out else None


def names_kind(v, i: int, j: int, named: tuple[int, int, int]) -> bool:
    """Whether span [i, j) is the name :func:`named_kind` found, with its owner ("UNESCO's World
    Heritage list") or its noun ("Yuan dynasty") or not: nothing past the noun, and nothing before
    it but its owner (not "its Series H funding", "both banks of the Vantor river")."""
    start, end, noun = named
    return end <= j <= noun + 1 and i <= start and all(v.pos[t] == "PROPN" or v.lower[t] in ("'s", "’s") for t in range(i, start))


def object_tokens(question: str, v, q: dict) -> tuple[set[int], set[int]]:
    """The object a question asks for in view ``v`` (``q``: its ``question_info``), or nothing; and
    the positions no span may hold: the asked kind's noun, when the sentence gives examples of it
    (they are the answer, not "global technology giants (including ...)")."""
    who = _WHO_ARE.match(question) if q["wh"] == "who" else None
    kind = q["focus_stem"] if q["focus_stem"] and q["wh"] in ("which", "what") and _asks_examples(question, q["focus"]) \
        else stem(who.group(2)) if who else ""
    # "Who are Samsung's biggest customers?": not "Samsung Electronics", the owner under its full
    # name. A person may share the owner's name ("Who was Tesla's father?": "Milutin Tesla").
    mine: set[int] = set()
    if who and who.group(1):
        people = {k for a, b, label in v.ents if label == "PERSON" for k in range(a, b)}
        mine = {k for k in range(v.n) if v.lower[k] == who.group(1).casefold() and k not in people}
    if kind:
        examples = examples_tokens(v, kind)
        if examples:
            return examples, {k for k in range(v.n) if v.stem[k] in _KIN.get(kind, {kind})} | mine
    return held_tokens(question, v) or stranded_tokens(question, v), mine
