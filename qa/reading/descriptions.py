"""Companies described instead of named: "the Claude maker", "the Korean chipmaker".

A question that describes a company shares none of its name with the passages about it, so
retrieval and every name feature of the reader miss them. The articles themselves often say who is
meant: "Anthropic, the developer of the AI model Claude", "OpenAI's ChatGPT", "South Korea's
Samsung Electronics", "American AI startup Anthropic". ``NameLinks`` collects such links from the
corpus once; ``NameLinks.rewrite`` reads a question's description as that name ("the Claude
maker's plans" -> "Anthropic's plans", "the Korean fab" -> "the Samsung Electronics fab") when the
articles link it to one name clearly more often than to any other. Nothing outside the corpus is
known: a description the articles never tie to a name ("Facebook's parent") is left as typed.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

__all__ = ["NameLinks", "Rewrite", "may_describe", "described_words", "origin_stem"]

# Nouns that describe a company by what it makes ("the Claude maker", "Facebook's parent").
_ROLE = r"(?:developer|maker|creator|owner|parent|publisher|operator|designer|manufacturer|builder|producer|inventor)s?"
# Heads of a description by origin ("the Korean fab", "the Japanese carmaker's unit").
_ORG_HEAD = (r"(?:company|companies|firm|giant|conglomerate|group|corporation|chipmaker|carmaker|automaker|maker|"
             r"manufacturer|foundry|fab|arm|division|startup|start-up|supplier|vendor|producer|lab|bank|retailer|"
             r"operator|developer|provider|player|rival|titan|heavyweight|powerhouse)")
_CAP = r"[A-Z][\w&-]*"
# A name: up to three capitalised words ("Samsung Electronics", "SK Hynix").
_NAME = rf"({_CAP}(?:\s+{_CAP}){{0,2}})"
_POSS = r"(?:'s|’s|')"
# Capitalised words that open a sentence or a phrase without naming anything.
_NOT_NAMES = frozenset("""the a an this that these those it its in on at as for from by with and but or
    according however meanwhile also after before while since when if""".split())

# "Anthropic, the developer of the AI model Claude": the last capitalised word of the of-phrase.
_APPOSITIVE = re.compile(rf"{_NAME},\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?{_ROLE}\s+of\s+([^,.;:()]{{1,60}})")
# "Claude developer Anthropic", "ChatGPT maker OpenAI".
_ROLE_NAME = re.compile(rf"\b({_CAP})\s+{_ROLE}\s+{_NAME}")
# "OpenAI's ChatGPT".
_OWNER = re.compile(rf"{_NAME}{_POSS}\s+({_CAP})")
# "South Korea's Samsung Electronics": a place owning a name.
_PLACE_OWNER = re.compile(rf"\b({_CAP}){_POSS}\s+{_NAME}")
# "American artificial intelligence startup Anthropic": an origin word, a few small words, a name.
_ORIGIN_NAME = re.compile(rf"\b({_CAP})\s+((?:[a-z][\w-]*\s+){{1,4}}){_NAME}")
_DEMONYM = re.compile(r"(?:an|ese|ish|i)$")

_Q_PRODUCT = re.compile(rf"\b(?:[Tt]he\s+)?({_CAP})(?:{_POSS})?\s+{_ROLE}(?:\s+company)?(?={_POSS}|\b)")
_Q_ORIGIN = re.compile(rf"\b({_CAP})(?=\s+(?:[\w-]+\s+){{0,3}}?{_ORG_HEAD}\b)")


def may_describe(question: str) -> bool:
    """Whether the question has the shape of a description ("the X maker", "the Korean fab"):
    only then are the corpus's links counted (over the passages naming the product or place)."""
    return any(described_words(question))


def described_words(question: str) -> tuple[list[str], list[str]]:
    """(products, origin adjectives) the question describes a company by ("Claude" of "the Claude
    maker", "Korean" of "the Korean fab"): the words whose links to names a rewrite looks up."""
    products = [m.group(1) for m in _Q_PRODUCT.finditer(question)]
    origins = [m.group(1) for m in _Q_ORIGIN.finditer(question) if is_demonym(m.group(1))]
    return products, origins


def origin_stem(demonym: str) -> str:
    """What an origin adjective and the place it is made from share ("kore" of "Korean" and
    "Korea", "japan" of "Japanese", "austral" of "Australian")."""
    d = demonym.casefold()
    stem = _DEMONYM.sub("", d)
    return stem[:-1] if stem.endswith("i") and d.endswith("ian") else stem


def _clean_name(name: str) -> str | None:
    words = name.split()
    while words and words[0].casefold() in _NOT_NAMES:
        words = words[1:]
    return " ".join(words) or None


def is_demonym(word: str) -> bool:
    """"Korean", "Japanese", "Israeli": a capitalised word of small letters with such an ending
    ("OpenAI" and "AI" are names)."""
    return word.istitle() and bool(_DEMONYM.search(word))


def _same_origin(demonym: str, place: str) -> bool:
    """Whether a place word of the articles is the origin a question's adjective names: the
    adjective itself, or the place it is made from ("Korea" for "Korean", "Japan" for
    "Japanese", but not "Austria" for "Australian")."""
    d, p = demonym.casefold(), place.casefold()
    if d == p:
        return True
    stem = origin_stem(demonym)
    return len(stem) >= 3 and p.startswith(stem) and len(p) - len(stem) <= 2


@dataclass(frozen=True)
class Rewrite:
    """A question with its descriptions read as names, and which ones were read."""

    question: str
    names: tuple[tuple[str, str], ...]  # (description as typed, name)


class NameLinks:
    """Which name the corpus gives a product ("Claude" -> "Anthropic") or an origin ("Korea" ->
    "Samsung Electronics"), counted over the articles' phrasings (see module doc)."""

    def __init__(self, texts: Iterable[str], dominance: float = 2.0):
        self.dominance = dominance  # the name must be linked this many times more than the next
        self.products: dict[str, Counter] = defaultdict(Counter)
        self.origins: dict[str, Counter] = defaultdict(Counter)
        for text in texts:
            self._collect(text)

    def _collect(self, text: str) -> None:
        for m in _APPOSITIVE.finditer(text):
            caps = re.findall(_CAP, m.group(2))
            name = _clean_name(m.group(1))
            if caps and name:
                self.products[caps[-1].casefold()][name] += 1
        for m in _ROLE_NAME.finditer(text):
            name = _clean_name(m.group(2))
            if name and m.group(1).casefold() not in _NOT_NAMES:
                self.products[m.group(1).casefold()][name] += 1
        for m in _OWNER.finditer(text):
            name = _clean_name(m.group(1))
            if name and name.casefold() != m.group(2).casefold():
                self.products[m.group(2).casefold()][name] += 1
        for m in _PLACE_OWNER.finditer(text):
            name = _clean_name(m.group(2))
            if name:
                self.origins[m.group(1).casefold()][name] += 1
        for m in _ORIGIN_NAME.finditer(text):
            name = _clean_name(m.group(3))
            if name and is_demonym(m.group(1)):
                self.origins[m.group(1).casefold()][name] += 1

    def _best(self, counts: Counter | None, question: str) -> str | None:
        if not counts:
            return None
        (name, n), *rest = counts.most_common(2) + [(None, 0)]
        if n < self.dominance * rest[0][1]:
            return None  # several companies of that description: no reading is safe
        return name

    def rewrite(self, question: str) -> Rewrite:
        """``question`` with each description the corpus links to one name read as that name."""
        read: list[tuple[str, str]] = []

        def product(m: re.Match) -> str:
            name = self._best(self.products.get(m.group(1).casefold()), question)
            if name is None or name.casefold() == m.group(1).casefold():
                return m.group(0)
            read.append((m.group(0), name))
            return name

        def origin(m: re.Match) -> str:
            word = m.group(1)
            if not is_demonym(word):
                return word
            counts = sum((c for place, c in self.origins.items() if _same_origin(word, place)), Counter())
            name = self._best(counts, question)
            if name is None:
                return word
            read.append((word, name))
            return name

        out = _Q_PRODUCT.sub(product, question)
        out = _Q_ORIGIN.sub(origin, out)
        return Rewrite(out, tuple(read))
