"""A target of a measured kind: "Meta's data center power target", "its revenue goal" ask for a
value of the kind the noun before the target noun measures (a quantity, an amount of money), for
the thing the phrase names ("center"). Shared by ``answertype`` (the answer type) and ``measured``
(the thing measured)."""
from __future__ import annotations

from collections.abc import Mapping

__all__ = ["TARGETS", "target_type"]

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
