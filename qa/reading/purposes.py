"""Questions asking what a thing is for, and the phrases of a sentence that say it.

"What is Jalapeño used for?" was answered "testing" (of "Jalapeño has been released and entered
testing, ..."), a sentence naming the chip and saying nothing of its use, while the one saying it
("... released Jalapeño on June 24, 2026, positioning it as an accelerator for large language model
inference, ...") ranked below. A sentence states a purpose by "for" after a verb of purpose
("used for", "designed for"), after the noun the thing is said to be ("as an accelerator for ...",
"is a chip for ..."), by "to" after a verb of purpose ("built to run ..."), or by "serves" ("MTIA
primarily serves Meta's AI recommendations, ..."). The reader moves such a sentence up
(``qa.reading.prefer``) and takes the phrase for its short answer (``qa.reading.spanfeatures``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .objects import children, phrases
from .stems import stem

__all__ = ["asks_purpose", "purpose_thing", "purpose_tokens"]

_WORDS = re.compile(r"[^\W_]+")  # Unicode words: "jalapeño" is one
_STOP = frozenset("the a an its their his her this that these those of s t and or to in on at for with from by".split())

_PURPOSE_VERBS = r"used|designed|built|intended|meant|developed|made|optimi[sz]ed|tailored|geared|aimed|needed"
# "What is Jalapeño used for?", "what will jalapeno be used for", "What is MTIA for?"
_ASKS = re.compile(r"\s*what\s+(?:is|are|was|were|will|would|can|could)\s+(?P<thing>[^?]+?)\s+"
                   rf"(?:(?:be\s+)?(?P<verb>{_PURPOSE_VERBS})\s+)?for\s*\??\s*$", re.I)
# "What is the purpose of MTIA?", "what's the use of jalapeno" (not "What was the goal of congress?":
# a goal is read better as any question, SQuAD lost one)
_PURPOSE_OF = re.compile(r"\s*what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+the\s+(?:main\s+|primary\s+)?"
                         r"(?:purpose|use|uses|function|role)\s+of\s+(?P<thing>[^?]+)", re.I)
# Without a verb of purpose, "what is X for" asks it of a thing named in a word or three; not "What
# is the AFC short for?" (an abbreviation), "What was the Middle East not a match for?", "What was
# Joseph Haas arrested for?" (a cause).
_NOT_A_THING = frozenset("short known famous responsible good bad ready eligible liable not risk match".split())


@lru_cache(maxsize=4096)
def purpose_thing(question: str) -> frozenset[str] | None:
    """The stems of the words naming the thing whose purpose the question asks ("meta", "chip" of
    "What is Meta's chip used for?"), or None when it asks no purpose."""
    m = _PURPOSE_OF.match(question) or _ASKS.match(question)
    if m is None:
        return None
    words = _WORDS.findall(m.group("thing").casefold())
    if m.re is _ASKS and not m.group("verb") and (len(m.group("thing").split()) > 3
                                                  or any(w in _NOT_A_THING or w.endswith("ed") for w in words)):
        return None
    return frozenset(stem(w) for w in words if w not in _STOP)


def asks_purpose(question: str) -> bool:
    """Whether the question asks what a thing is for."""
    return purpose_thing(question) is not None


_VERB = re.compile(rf"(?:{_PURPOSE_VERBS}|positioned|positioning|dedicated)$")
_SERVES = frozenset("serve serves served serving power powers powered".split())
_USE = frozenset("use uses used using".split())
_ROLES = frozenset("purpose purposes use uses function functions role roles".split())


def _of(v, noun: int) -> list[int]:
    """The objects of the noun's "of" ("the use of its 2nm process": the process)."""
    return [o for p in children(v, noun, "prep") if v.lower[p] == "of" for o in children(v, p, "pobj")]


def _of_thing(v, verb: int, thing: frozenset[str]) -> bool:
    """Whether the verb's subject is the thing asked about, a word of it or a pronoun that may
    stand for it (not "... about half of this total investment will be used for chips" asked what
    Meta's chip is used for); a verb without a subject may be."""
    # "a chip designed for ...": the chip
    subject = [v.head[verb]] if v.dep[verb] == "acl" else children(v, verb, "nsubj", "nsubjpass")
    return not subject or any(v.pos[t] == "PRON" or stem(v.lower[t]) in thing for t in phrases(v, subject) | set(subject))


def _names(v, heads: list[int], thing: frozenset[str]) -> bool:
    """Whether the phrases of ``heads`` name the thing by a word of it (a pronoun does not count)."""
    return any(stem(v.lower[t]) in thing for t in phrases(v, heads) | set(heads))


def _said_to_be(v, noun: int, thing: frozenset[str]) -> bool:
    """Whether the thing is said to be the noun: "(positioning) it as an accelerator", "ZTIA is a
    chip", "ZTIA, a chip ..." (not "Samsung is emerging as a key foundry choice for ..." asked what
    ASICs are for)."""
    if v.dep[noun] == "appos":
        return _of_thing(v, v.head[noun], thing) or stem(v.lower[v.head[noun]]) in thing
    if v.dep[noun] == "pobj" and v.lower[v.head[noun]] == "as":
        verb = v.head[v.head[noun]]  # "positioning it as ...": its object; "emerging as ...": its subject
        said = children(v, verb, "dobj") or children(v, verb, "nsubj", "nsubjpass")
    elif v.dep[noun] == "attr":
        said = children(v, v.head[noun], "nsubj")
    else:
        return False
    return any(v.pos[t] == "PRON" or stem(v.lower[t]) in thing for t in phrases(v, said) | set(said))


def purpose_tokens(v, thing: frozenset[str]) -> set[int]:
    """Positions of the phrases of view ``v`` that say what the thing of stems ``thing`` is for: the
    object of "for" after a verb of purpose or after the noun something is said to be, the verb
    phrase of "to" after a verb of purpose, the object of "serves"; empty when the sentence says none."""
    out: set[int] = set()
    for k in range(v.n):
        h = v.head[k]
        if v.lower[k] == "for" and v.dep[k] == "prep" and h != k and (
                _VERB.match(v.lower[h]) and _of_thing(v, h, thing) or v.pos[h] == "NOUN" and _said_to_be(v, h, thing)):
            out |= phrases(v, children(v, k, "pobj", "pcomp"))  # "for video decoding", "for training image models"
        elif v.pos[k] == "VERB" and h != k and any(v.lower[c] == "to" for c in children(v, k, "aux")) and (
                v.dep[k] in ("xcomp", "advcl") and _VERB.match(v.lower[h]) and _of_thing(v, h, thing)
                # "its Dragonfly mission to dispatch a drone ...", "launch its Dragonfly mission to dispatch
                # a drone": a purpose clause of the thing, or of what is done with it
                or v.dep[k] == "acl" and stem(v.lower[h]) in thing
                or v.dep[k] == "advcl" and _names(v, children(v, h, "dobj", "nsubj", "nsubjpass"), thing)
                # "plans to use Samsung's 2nm process to achieve mass production", "the use of its 2nm process to develop chips"
                or v.lower[h] in _USE and _names(v, children(v, h, "dobj") + _of(v, h), thing)):
            out |= {t for t in phrases(v, [k]) if v.lower[t] != "to"}
        elif v.lower[k] in _ROLES and v.dep[k] == "nsubj" and v.lower[h] in ("is", "was", "are", "were") and _names(v, _of(v, k), thing):
            out |= phrases(v, children(v, h, "attr"))  # "the primary function of RICC is a space agency"
        elif v.lower[k] in _SERVES and v.pos[k] == "VERB" and _of_thing(v, k, thing):
            # "serves Meta's AI recommendations"; "the base serves as an outpost in the fight against ..."
            out |= phrases(v, children(v, k, "dobj") + [o for p in children(v, k, "prep") if v.lower[p] == "as"
                                                         for o in children(v, p, "pobj")])
    return out
