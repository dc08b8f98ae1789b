"""Follow-up turns of a dialogue, measured: asked with their history, against their standalone
rewrites asked alone (the ceiling), and whether the reading names what the rewrite names."""
from __future__ import annotations

from collections.abc import Callable

from ..reading.followup import _names
from ..results import Answer
from .datasets import Item

__all__ = ["names_subject", "follow_up_metrics"]


def names_subject(item: Item, a: Answer) -> float | None:
    """Share of the names the standalone rewrite adds to the typed follow-up ("Meta", "Jalapeño")
    that the reading (``read_as``, else the question as typed) also names; None when it adds none."""
    typed = item.question.casefold()
    added = [n for n in _names(item.standalone or "") if n.casefold() not in typed]
    if not added:
        return None
    read = (a.read_as or a.question).casefold()
    return sum(n.casefold() in read for n in added) / len(added)


def follow_up_metrics(records: list[dict], correct: Callable[[dict], bool]) -> dict | None:
    """The follow-up turns' figures (records carrying ``standalone_contains``), None without any."""
    follow = [r for r in records if "standalone_contains" in r]
    if not follow:
        return None
    named = [r["read_as_names_subject"] for r in follow if r["read_as_names_subject"] is not None]
    return {"n": len(follow), "with_history": sum(map(correct, follow)) / len(follow),
            "standalone_alone": sum(r["standalone_contains"] for r in follow) / len(follow),
            "read_as": sum(1 for r in follow if r["read_as"]) / len(follow),
            "read_as_names_subject": sum(named) / len(named) if named else None}
