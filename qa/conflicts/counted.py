"""What a count question counts ("How many live albums ...?", "Has Emperor released more than one
live album?"): the words after the count, so that of "four studio albums, two live albums" the
count of live albums is each source's answer, not the first figure next to "released"."""
from __future__ import annotations

import re
from functools import lru_cache

from .answer_facts import _PREFIX
from .claims import stem, tokenize
from .counts import WORD_NUMBERS
from .sentences import _Sentence
from .values import Value
from ..ingest.text import nfkc

# Where the counted words end: a verb of the question, a preposition, a clause.
_ENDS = frozenset("""is are was were be been has have had do does did will would can could should may might
    must of in on at for by to from with about as that which who than and or since during""".split())
_DETERMINERS = frozenset("the a an its their his her our your this that these those".split())
_PLURALS = frozenset("people men women children persons staff personnel".split())
_COUNTS = re.compile(r"\bhow many\b|\b(?:more|fewer|less) than\b|\bat (?:least|most)\b", re.I)


@lru_cache(maxsize=4096)
def counted_words(question: str) -> tuple[str, ...]:
    """Stem prefixes of the words a count question counts, the counted noun last; () for none."""
    text = nfkc(question)
    m = _COUNTS.search(text)
    rest = text[m.end():] if m else ""
    toks = tokenize(rest)
    k = 0
    if toks and (toks[0].key[:1].isdigit() or toks[0].key in WORD_NUMBERS or toks[0].key == "one"):
        k = 1  # the count a yes/no question states ("more than one")
    elif m is None or not m.group(0).lower().startswith("how"):
        return ()
    out = []
    for t in toks[k:k + 4]:
        if t.text[:1].isupper() or t.start and rest[t.start - 1].isalpha():
            continue  # a name or a model of the thing counted ("Trainium2 chips"): the noun is after it
        if not t.key.isalpha() or t.key in _ENDS or t.key in _DETERMINERS:
            break
        out.append(stem(t.key)[:_PREFIX])
        if t.key in _PLURALS or len(t.key) > 3 and t.key.endswith("s") and not t.key.endswith("ss"):
            break  # the counted noun, in the plural ("monks" of "more than two monks know ...")
    return tuple(out)


def counts_them(s: _Sentence, v: Value, counted: tuple[str, ...]) -> bool:
    """Whether the figure is written right before the counted words ("two live albums" for "live
    albums"), every word between it and the counted noun one of them."""
    words = set(counted)
    if a_whole(s, v):
        return False
    for key in s.keys[v.last:v.last + len(counted) + 1]:
        w = stem(key)[:_PREFIX] if key.isalpha() else key
        if w == counted[-1]:
            return True
        if w not in words:
            return False
    return False


_PARTS = frozenset("them these those which".split())


def a_whole(s: _Sentence, v: Value) -> bool:
    """Whether the figure is the whole a later figure takes its part from ("of the 150,000
    convenience stores in US, 120,000 of them are located at fuel stations"): what the sentence
    says is said of the part."""
    keys = s.keys
    if not (v.first > 1 and keys[v.first - 2] in ("of", "among") and keys[v.first - 1] in ("the", "all")):
        return False
    return any(keys[k][:1].isdigit() and keys[k + 1] == "of" and keys[k + 2] in _PARTS
               for k in range(v.last, len(keys) - 2))


def counted_distance(s: _Sentence, v: Value, counted: tuple[str, ...], dist: float, penalty: float) -> float:
    """A figure's distance from what the question asks, counting what it counts: a whole a part
    is taken from is farther (by ``penalty``), a figure right before the counted words nearest."""
    if v.kind != "number":
        return dist
    if a_whole(s, v):
        dist += penalty
    return min(dist, 0) if counted and counts_them(s, v, counted) else dist
