"""A target of a measured kind: "Meta's data center power target", "its revenue goal" ask for a
value of the kind the noun before the target noun measures (a quantity, an amount of money), for
the thing the phrase names ("center"). Shared by ``answertype`` (the answer type) and ``measured``
(the thing measured). Also the nouns whose kind of value depends on the words around them
(``sense_type``)."""
from __future__ import annotations

from collections.abc import Mapping

__all__ = ["TARGETS", "sense_type", "target_type"]

TARGETS = frozenset("target targets goal goals aim objective forecast projection estimate limit cap".split())
# Measures the focus table does not name, read only before a target noun ("power" alone may be a
# king's).
_MEASURES = {"power": "QUANTITY", "energy": "QUANTITY", "output": "QUANTITY"}


def target_type(toks: list[str], i: int, head: str, focus_type: Mapping[str, str]) -> str | None:
    """The answer type of the owned phrase starting at ``i`` and ending in the target noun
    ``head``, from the noun before it (``focus_type``: the focus nouns' types); None otherwise."""
    if head not in TARGETS or head not in toks[i:]:
        return None
    j = i + toks[i:].index(head) - 1
    if j < i:
        return None
    return focus_type.get(toks[j]) or focus_type.get(toks[j].rstrip("s")) or _MEASURES.get(toks[j])


# Words of making and selling: the "volume" (or quantity) of something made, shipped or sold is a
# number of units ("What volume of the accelerator is slated for output?": "hundreds of thousands of units"),
# a tank's or a gas's volume a quantity.
_PRODUCING = frozenset("""produce produced produces producing production output outputs mass-produce
    mass-produced mass-production manufacture manufactured manufacturing ship shipped shipping shipments
    sell sold sales deliver delivered deliveries""".split())


def sense_type(focus: str, toks: list[str]) -> str | None:
    """The answer type of a focus noun read with its neighbours, or None to keep the table's:
    "the span between design and tape-out" (or "time span from ...") asks for a length of time, a
    bridge's span for a length (what span a war covers may be its years: left alone); a production
    volume for a count."""
    span = next((i for i, t in enumerate(toks) if t in ("span", "timespan")), None)
    if focus in ("span", "timespan", "time") and span is not None:
        if span + 1 < len(toks) and toks[span + 1] in ("between", "from"):
            return "DURATION"
        return "QUANTITY" if focus == "span" and toks[span - 1: span] != ["time"] else None
    if focus in ("volume", "quantity") and _PRODUCING.intersection(toks):
        return "NUM"
    return None
