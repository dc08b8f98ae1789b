"""Whose a named thing is: "Which company has TPUs?", "Who owns Trainium?", "Whose chip is MTIA?",
"Which company is behind Jalapeño?".

The answer is the one the sentence gives the thing to, by one of three shapes:

- the subject of a verb of having or bringing out whose object is the thing: "Amazon" of "Google
  has TPU, Amazon has Trainium and Inferentia", "Meta" of "Meta is advancing MTIA", "OpenAI and
  Broadcom" of "OpenAI and Broadcom released Jalapeño";
- the thing's named owner: "Google" of "... reliance on Nvidia's GPUs and Google's TPUs", "Meta"
  of "Meta's self-developed AI accelerator, MTIA, ...";
- the agent of such a verb: "a chip developed by Broadcom".

Not the maker (a foundry makes a chip it does not own: "MTIA chips were produced by TSMC"), nor
examples the sentence gives of the asked kind ("model companies like OpenAI and Anthropic" of
"Which company has Inferentia?"). Each returns token positions of view ``v``
(:class:`qa.reading.spanfeatures._View`); empty when the sentence does not give the thing to anyone
that way, and then the reader reads it as before.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .objects import children
from .ownwords import among, singular

__all__ = ["asks_holder", "creator_tokens", "holder_tokens", "names_the_held", "party_tokens"]

_AUX = r"(?:is|are|was|were|did|does|do|will|would|has|have|had|now|still|currently|also|already|actually)"
_ASKER = (r"\s*(?i:who|(?:which|what)\s+(?:[\w-]+\s+)?(?:compan(?:y|ies)|firms?|business(?:es)?|giants?|groups?|"
          r"organi[sz]ations?|corporations?|vendors?|players?))\s+")
# The thing, and nothing more: "TPUs", "its own TPU chips", "the Dojo chip". "Who had the best record in
# the NFC?" and "Who has the power to initiate legislation within the EU?" ask for no holder of a name,
# nor "Who had Temujin killed?" (the verb lent to a participle).
_THING = (r"(?:(?:the|a|an|its|their)\s+)?(?:own\s+)?(?:(?!(?:the|a|an)\b)[a-z]+\s+)?(?:[A-Z][\w.&'’-]*\s*){1,4}"
          r"(?:(?![a-z]+ed\b)[a-z]+\s*)?\??\s*$")  # ("system LSI", as recased)
# "Which company has TPUs?", "Who owns Trainium?", "Which company is behind MTIA?", "Whose chip is MTIA?"
_HOLDER = re.compile(_ASKER + rf"(?:{_AUX}\s+)*?(?i:has|have|had|owns?|owned|possess(?:es|ed)?|"
                     r"(?:is|are|was|were)\s+(?:really\s+)?behind)\s+" + _THING
                     + r"|\s*(?i:whose)\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?i:is|are|was|were)\s+" + _THING)
_NAME = re.compile(r"\b[A-Z][\w-]*")
# Verbs by which a sentence gives a thing to its subject (stems of five letters, as the views hold).
_HOLDING = frozenset("have has had own owns owned posse advan devel desig relea discl launc unvei intro annou creat "
                     "inven".split())
_OBJECTS = frozenset(("dobj", "attr", "npadvmod", "dative", "nsubjpass"))


@lru_cache(maxsize=4096)
def asks_holder(question: str) -> bool:
    """Whether the question asks whose a named thing is (see the module's docstring)."""
    return bool(_HOLDER.match(question)) and bool(_names(question))


@lru_cache(maxsize=4096)
def _names(question: str) -> frozenset[str]:
    """The question's capitalised words but its first, lower-cased, with their singulars: the
    things asked about ("TPUs" is the "TPU" a sentence names, and "TPU" the "TPUs": ``among``)."""
    names = {m.group().casefold() for m in _NAME.finditer(question) if m.start() > 0} - {"who", "which", "what", "whose"}
    return frozenset(names | {singular(n) for n in names})


def _with_parts(v, heads: set[int]) -> set[int]:
    """Proper-noun heads with their compound words and the names joined to them ("OpenAI and Broadcom")."""
    heads |= {k for k in range(v.n) if v.dep[k] == "conj" and v.head[k] in heads and v.pos[k] == "PROPN"}
    return heads | {c for h in heads for c in children(v, h, "compound", "flat") if v.pos[c] == "PROPN"}


def holder_tokens(question: str, v) -> set[int]:
    """Positions of the tokens of view ``v`` naming whose the question's named thing is: the first
    holder found, whole (a short answer must hold all of it)."""
    return _holders(_names(question), v) if asks_holder(question) else set()


# "Who made Jalapeño?", "Who built it?": in everyday speech, who created it. A passage naming no
# manufacturer still answers by those who developed or released it ("OpenAI and Broadcom released
# Jalapeño"); not "Who manufactured Jalapeño?", nor "Who made the first MTIA chips?" (a maker named).
_CREATED = re.compile(r"\s*(?i:who)\s+(?:(?i:first|originally)\s+)?"
                      r"(?i:made|built)\s+" + _THING)


@lru_cache(maxsize=4096)
def _asks_creator(question: str) -> bool:
    return bool(_CREATED.match(question)) and bool(_names(question))


def creator_tokens(question: str, v) -> set[int]:
    """Positions of the tokens of view ``v`` naming who created the thing a "Who made X?" question
    names (as :func:`holder_tokens` reads whose it is), or nothing for other questions (read once a
    question: ``kind_fit.maker_span_fits`` asks for every span)."""
    return _holders(_names(question), v) if _asks_creator(question) else set()


def _holders(names: frozenset[str], v) -> set[int]:
    """The first holder view ``v`` gives a token of ``names`` (see the module's docstring), whole."""
    # "South Korea's Samsung Electronics": a place owning a named company is where it is from, not
    # its holder; owning a thing named by a common noun it holds it ("Nvidia's GPUs", where the
    # small model tags Nvidia a place).
    places = {k for a, b, label in v.ents if label in ("GPE", "LOC", "NORP") for k in range(a, b)}
    for i in range(v.n):
        if not among(v.lower[i], names):
            continue
        # The noun the name is: "the Jalapeño chip", "accelerator, MTIA" (its owner is the name's);
        # then the phrase it is listed in: "Trainium and Inferentia" (its verb is the name's).
        j = i
        while v.dep[j] in ("compound", "flat", "appos") and v.head[j] != j:
            j = v.head[j]
        nouns = {i, j} | set(children(v, j, "appos"))  # "Zeta, a board developed by Initech"
        owners = [k for n in nouns for k in children(v, n, "poss") if not (k in places and v.pos[n] == "PROPN")]
        while v.dep[j] == "conj" and v.head[j] != j:
            j = v.head[j]
        verb = v.head[j]
        if v.dep[j] in _OBJECTS and v.stem[verb] in _HOLDING:
            subject = "nsubj" if v.dep[j] != "nsubjpass" else "agent"
            for s in children(v, verb, subject):
                owners += children(v, s, "pobj") if subject == "agent" else [s]
        for verb in (k for n in nouns for k in children(v, n, "acl")):  # "a chip developed by Broadcom"
            if v.stem[verb] in _HOLDING:
                owners += [p for a in children(v, verb, "agent") for p in children(v, a, "pobj")]
        # A name of the question may be the holder: "Samsung's foundry" for "Who owns Samsung Foundry?".
        out = _with_parts(v, {k for k in owners if v.pos[k] == "PROPN" and k not in nouns})
        if out:  # one holder, whole: "OpenAI and Broadcom", not one of them
            return out
    return set()


def names_the_held(question: str, v, i: int, j: int, holders: set[int]) -> bool:
    """Whether tokens ``i:j`` of view ``v`` name the thing asked about beyond its ``holders``
    (:func:`holder_tokens`): no answer to whose it is ("Google TPU" for "Which company has TPUs?";
    "Samsung Electronics" does answer "Who owns Samsung Foundry?")."""
    return asks_holder(question) and any(among(v.lower[k], _names(question)) and k not in holders for k in range(i, j))


# Words of working together: "its partnership with Amazon", "collaborating with Broadcom".
_PARTNERING = frozenset("partn colla coope allia allie teame".split())


def party_tokens(v, name: str) -> set[int]:
    """The other party of a partnership view ``v`` gives with ``name``: "Anthropic" of "Anthropic
    announced an expansion of its partnership with Amazon" (the partnership's owner, "its" standing
    for the subject of the verb above it), "Zeta" of "Zeta partnered with Amazon". Asked "Who is
    Amazon's partner?", not "Claude", the other name of that sentence. Empty when no such party."""
    for i in range(v.n):
        if v.lower[i] != name.casefold():
            continue
        j = i
        while v.dep[j] in ("compound", "flat") and v.head[j] != j:
            j = v.head[j]
        if v.dep[j] != "pobj" or v.lower[v.head[j]] != "with" or v.stem[h := v.head[v.head[j]]] not in _PARTNERING:
            continue
        owners = children(v, h, "poss") if v.pos[h] in ("NOUN", "PROPN") else children(v, h, "nsubj")
        if any(v.lower[k] in ("its", "their") for k in owners):
            # The subject of the nearest verb above: "Anthropic announced ... its partnership".
            # Not the partnership itself: "Globex said its partnership with Acme will help ...".
            for a in (a for a in v.anc[h] if v.pos[a] in ("VERB", "AUX")):
                if subjects := [s for s in children(v, a, "nsubj") if s != h and s not in v.anc[h]]:
                    owners += subjects
                    break
        named = {k for a, b, _ in v.ents for k in range(a, b)}  # "Hooli", tagged a noun
        out = _with_parts(v, {k for k in owners if v.pos[k] == "PROPN" or k in named})
        if out:
            return out
    return set()
