"""Versions and figures named by a question and by a passage: a count of Trainium2 chips does not
answer a question about Trainium3, nor does the third-generation MTIA one about the fourth, nor
does Anthropic's "approximately 1 GW" data center one about Meta's "5 GW data center"."""
from __future__ import annotations

import re

from .units import _UNITS

__all__ = ["other_figure", "other_version"]

# Versioned names: "Trainium3", "GPT-5", "MI300X" (one-letter bases such as "H100" are left out:
# too often codes or grades); ordinal generations: "fourth-generation MTIA", "4th generation".
_VERSIONED = re.compile(r"(?<![\w-])([^\W\d_][^\W\d_-]*?)-?(\d+[^\W\d_]?)(?![\w-])")
_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_GENERATION = re.compile(r"\b(%s|\d{1,2}(?:st|nd|rd|th))[- ](generation|version|edition)s?\b" % "|".join(_ORDINALS), re.I)
# Prefixes of periods and ranks, not of products: "mid-2025", "top-5".
_NOT_PRODUCTS = frozenset(("mid", "early", "late", "pre", "post", "top", "over", "under"))


def _ordinal(word: str) -> str:
    w = word.casefold()
    if w[:-2].isdigit() and 1 <= int(w[:-2]) <= len(_ORDINALS):
        return _ORDINALS[int(w[:-2]) - 1]  # "4th" -> "fourth"
    return w


def _versions(text: str) -> dict[str, dict[str, str]]:
    """Versioned things of the text: base name -> version -> the words as written."""
    out: dict[str, dict[str, str]] = {}
    for m in _VERSIONED.finditer(text):
        base = m.group(1).casefold()
        if len(base) >= 2 and base not in _NOT_PRODUCTS:
            out.setdefault(base, {}).setdefault(m.group(2).casefold(), m.group(0))
    for m in _GENERATION.finditer(text):
        nth = _ordinal(m.group(1))
        out.setdefault(m.group(2).casefold(), {}).setdefault(nth, nth)
    return out


def other_version(question: str, text: str) -> tuple[str, str] | None:
    """(asked, found) when the question names a version of something ("Trainium3", "fourth
    generation") and ``text`` names only other versions of it ("Trainium2", "third generation"):
    the text is about another product. None otherwise, also when the text writes the asked
    version apart ("Trainium 3")."""
    wanted = _versions(question)
    found = _versions(text) if wanted else {}  # most questions name no version: no scan
    for base, asked in wanted.items():
        if base in found and not asked.keys() & found[base].keys():
            if any(re.search(r"(?<![\w-])%s[\s-]*%s(?![\w-])" % (re.escape(base), re.escape(v)), text, re.I)
                   for v in asked):
                continue
            return _shown(base, asked), _shown(base, found[base])
    return None


def _shown(base: str, versions: dict[str, str]) -> str:
    """"Trainium2", "the second and third generation"."""
    if set(versions) <= set(_ORDINALS):
        return "the " + " and ".join(sorted(versions, key=_ORDINALS.index)) + " " + base
    return " and ".join(versions.values())


# Figures in units of measure: "the 5 GW data center" is not the one "of approximately 1 GW". The
# units of qa.reading.units, by their names (singular too: "a 5-gigawatt site") and abbreviations
# of two letters or more ("5 m" may be metres or millions); not hours, whose spans differ for one
# thing ("in the 24 hours after"), nor pounds, which may be money.
_UNIT_NAME = {form: names.split()[0]
              for names, abbrevs in _UNITS.items() if names not in ("hours", "pounds")
              for form in (*names.split(), *(n.rstrip("s") for n in names.split()),
                           *(a for a in abbrevs.split() if len(a) >= 2))}
_FIGURE = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s?-?\s?(%s)(?![\w-])" % "|".join(
    map(re.escape, sorted(_UNIT_NAME, key=len, reverse=True))), re.I)


def _figures(text: str) -> dict[str, dict[float, str]]:
    """Unit -> value -> the figure as written ("5 gigawatts", "2nm", "1-GW")."""
    out: dict[str, dict[float, str]] = {}
    for m in _FIGURE.finditer(text):
        value = float(m.group(1).replace(",", ""))  # digits and one decimal point: always a number
        out.setdefault(_UNIT_NAME[m.group(2).casefold()], {}).setdefault(value, m.group(0))
    return out


def other_figure(question: str, text: str) -> tuple[str, str] | None:
    """(asked, found) when the question names a thing by a figure in a unit of measure ("its 5 GW
    data center", "the 3nm process") and ``text`` states figures in that unit, none of them the
    asked one ("approximately 1 GW"): the text is about another thing. None otherwise."""
    wanted = _figures(question) if any(c.isdigit() for c in question) else {}
    if not wanted:
        return None
    found = _figures(text)
    for unit, asked in wanted.items():
        if unit in found and not asked.keys() & found[unit].keys():
            return " or ".join(asked.values()), " and ".join(found[unit].values())
    return None
