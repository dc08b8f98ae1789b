"""The objects alive when an index sync starts are left out of the garbage collector's full
passes while it runs (``gc.freeze``), and handed back when it ends (``gc.unfreeze``).

Why: a loaded 10,000-article index with its conflict cache is millions of tracked Python objects,
and an add allocates enough to set off full collections, each walking all of them: 0.5-0.9 s of
an added article's 4-9 s (``gc.callbacks``, `python -m qa.bench.archive --remeasure`). Nothing
alive before the sync is garbage made by it, and whatever of it the sync makes unreachable (the
replaced pipeline) is collected after it, at the next full pass. Reference counting frees as usual
throughout; only cycles wait.

Questions have the opposite problem (``spaced_full_collections``): what the question path keeps
(``qa.conflicts.held``: the analyses of up to 2,048 documents, ~1M small objects at 10,000
articles) is rescanned by every full collection, which Python sets off each time the survivors grow
by a quarter: 9 pauses of 80-390 ms in 200 first-time questions, 2 s in all.
"""
from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["frozen_heap", "spaced_full_collections"]

FULL_EVERY = 1000  # second-generation passes between full ones (Python's default: 10)

_lock = threading.Lock()
_depth = 0  # syncs running in this process (two corpora may sync in two threads)


@contextmanager
def frozen_heap() -> Iterator[None]:
    global _depth
    with _lock:
        _depth += 1
        gc.freeze()  # a second sync freezes what the first one has allocated since: harmless
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.unfreeze()


def spaced_full_collections(every: int | None = None) -> int:
    """Space the collector's full passes to one per ``every`` second-generation passes
    (``QA_GC_FULL_EVERY``; 0 leaves Python's setting), never closer than the process had them;
    returns the threshold in force.

    Why it is safe: the question path makes no cyclic garbage (``gc.collect()`` after 100
    first-time questions asked with the collector off freed 0 objects), so full passes over its
    caches find nothing; reference counting frees what the caches drop. Cycles made elsewhere
    wait longer, never forever: young passes run as before. At 10,000 articles a pass of the
    second generation comes about once a question, so a full one about once per 1,000."""
    if every is None:
        raw = os.environ.get("QA_GC_FULL_EVERY", "").strip()
        try:
            every = int(raw) if raw else FULL_EVERY
        except ValueError:
            raise ValueError(f"QA_GC_FULL_EVERY must be a whole number of collections (0 keeps Python's "
                             f"setting), got {raw!r}") from None
    g0, g1, g2 = gc.get_threshold()
    if every > g2:
        gc.set_threshold(g0, g1, every)
        return every
    return g2
