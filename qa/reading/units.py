"""Numbers and their units among stemmed tokens (``qa.indexing.lexical.tokenize``): whether a text counts
what a "how many" question counts ("1 GW" and "5GW" count gigawatts)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["counts_noun", "counts_any_thing", "counts_in_units", "is_measure", "is_number_stem"]

# A number among stemmed tokens (qa.indexing.lexical.tokenize: "twenty" -> "twenti").
_NUMBER_STEM = re.compile(r"^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenti|"
                          r"thirti|forti|fifti|hundr|hundred|thousand|million|billion|dozen)")


def is_number_stem(token: str) -> bool:
    """Whether a stemmed token (qa.indexing.lexical.tokenize) is a number: "4,500", "2nm", "hundr"."""
    return bool(_NUMBER_STEM.match(token))


# Units and their usual abbreviations: "How many gigawatts ..." is answered by "about 1 GW" or "5GW".
_UNITS = {
    "gigawatts": "gw", "megawatts": "mw", "kilowatts": "kw", "terawatts": "tw", "watts": "w",
    "gigawatt-hours": "gwh", "terawatt-hours": "twh", "kilowatt-hours": "kwh", "megawatt-hours": "mwh",
    "nanometers nanometres": "nm", "kilometers kilometres": "km", "centimeters centimetres": "cm",
    "millimeters millimetres": "mm", "meters metres": "m", "kilograms": "kg", "grams": "g",
    "pounds": "lb lbs", "miles": "mi", "feet foot": "ft", "gigabytes": "gb",
    "terabytes": "tb", "megabytes": "mb", "gigahertz": "ghz", "megahertz": "mhz", "hours": "hr hrs",
}
# "5gw", "2nm": a number and its unit in one token (two letters at least: "$5m" is money, not metres)
_FUSED = re.compile(r"^\d[\d,.]*([a-z]{2,})$")


@lru_cache(maxsize=1)
def _unit_forms() -> dict[str, frozenset[str]]:
    """Stemmed unit -> the stemmed forms that name it (itself, its other spellings, abbreviations)."""
    from ..indexing.lexical import tokenize

    out: dict[str, frozenset[str]] = {}
    for names, abbrevs in _UNITS.items():
        stems = [t for w in names.split() for t in tokenize(w)[:1]]
        forms = frozenset(stems) | frozenset(abbrevs.split())
        for stem in stems:
            out[stem] = forms
    return out


def counts_noun(toks: Sequence[str], unit: str) -> bool:
    """Whether a number in the stemmed tokens is followed, within three words, by ``unit`` (or an
    abbreviation of it: "1 GW" counts gigawatts, as does "5GW")."""
    forms = _unit_forms().get(unit, frozenset((unit,)))
    for k, t in enumerate(toks):
        if not is_number_stem(t):
            continue
        if forms.intersection(toks[k + 1 : k + 4]):
            return True
        fused = _FUSED.match(t)
        if fused and fused.group(1) in forms:
            return True
    return False


# Nouns that count any thing, stemmed: news counts products in "units" ("hundreds of thousands of
# units" answers "How many chips ...?"), never gigawatts.
_COUNTERS = ("unit", "piec", "item")


def is_measure(unit: str) -> bool:
    """Whether the stemmed ``unit`` is a unit of measure (gigawatts, nanometres), not a thing."""
    return unit in _unit_forms()


def counts_any_thing(toks: Sequence[str]) -> bool:
    """Whether the stemmed tokens count things in a noun that counts anything ("100,000 units")."""
    return any(counts_noun(toks, c) for c in _COUNTERS)


def counts_in_units(toks: Sequence[str], unit: str) -> bool:
    """Whether the stemmed tokens count, in "units" or the like, what a question counting ``unit``
    counts: any thing but a measure."""
    return not is_measure(unit) and counts_any_thing(toks)
