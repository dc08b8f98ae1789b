"""The question's own words, as the rules on what a sentence names beyond them read them: a
name in the sentence that the question already holds ("Meta" asked about Meta's chips) answers
nothing."""
from __future__ import annotations

import re

__all__ = ["REQUESTS", "among", "names_more", "own_words", "restates_own", "singular", "title_cased", "typed_as_keywords"]

_WORDS = re.compile(r"[^\W_]+", re.U)


def singular(w: str) -> str:
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def among(w: str, words) -> bool:
    """``w`` or its singular is one of ``words``."""
    return w in words or singular(w) in words


def own_words(question: str) -> set[str]:
    """The question's words, lower-cased, with their singulars."""
    own = {w.casefold() for w in _WORDS.findall(question)}
    return own | {singular(w) for w in own}


def names_more(v, a: int, b: int, own: set[str]) -> bool:
    """The entity ``a:b`` of view ``v`` has a word the question (``own``: :func:`own_words`) does not."""
    return any(not v.punct[i] and not among(v.lower[i], own) for i in range(a, b))


# A relative's name shares the surname the question holds: "Who is Obama's wife?" "Michelle Obama".
_KIN = frozenset("""wife husband spouse son daughter father mother parent parents brother sister sibling child children
    widow widower cousin uncle aunt nephew niece grandson granddaughter grandfather grandmother family""".split())
_LINKS = frozenset("of the and de von van der da di du la le al bin".split())  # small words inside a name


def restates_own(question: str, short: str) -> bool:
    """Whether a name given to "who ...?" ends on a name the question holds, written there alone, so
    names the one asked about or the role asked: "Adolf Hitler" of "... hitler's birth house", "New
    York State Attorney General" asked who the attorney general is. Not where the question's word is
    part of a longer name ("Booth School of Business": "David G. Booth"; "McKinsey & Company") or
    follows another given name ("Genghis Khan": "Ögedei Khan"), nor when a relative is asked."""
    words = _WORDS.findall(short)
    if not words or own_words(question) & _KIN or not all(w[:1].isupper() or w in _LINKS for w in words):
        return False
    last, said = singular(words[-1].casefold()), {w.casefold() for w in words}
    for m in _WORDS.finditer(question):
        if singular(m.group().casefold()) != last:
            continue
        before = _WORDS.findall(question[:m.start()])
        longer = re.match(r"\s*(?:&|[A-Z])", question[m.end():]) is not None  # not "Hitler's": an apostrophe
        other = before and before[-1][:1].isupper() and len(before) > 1 and before[-1].casefold() not in said
        if not longer and not other:
            return True
    return False


# Words a request opens with ("Tell me about ...", "List the ...").
REQUESTS = frozenset("tell name list give describe explain compare".split())
# Words a question (not keywords) opens with or holds.
_OPENERS = frozenset("""is are was were do does did has have had can could will would should may might must
    what which who whom whose when where why how""".split()) | REQUESTS


def typed_as_keywords(text: str) -> bool:
    """Whether ``text`` is keywords ("samsung backlog", "samsung operating loss"): no question word,
    no verb opening it, no question mark."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return bool(words) and not text.rstrip().endswith("?") and words[0] not in _OPENERS and not (
        _OPENERS & set(words))


def title_cased(v, own: set[str]) -> bool:
    """Whether a parsed line (a view: qa.reading.spanfeatures._View) is a headline: three or more
    words of four letters or more beyond the question's, three in four capitalised."""
    words = [w for w in v.text if w.isalpha() and len(w) >= 4 and not among(w.casefold(), own)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 4 >= 3 * len(words)
