"""The objects alive when an index sync starts are left out of the garbage collector's full
passes while it runs (``gc.freeze``), and handed back when it ends (``gc.unfreeze``).

Why: a loaded 10,000-article index with its conflict cache is millions of tracked Python objects,
and an add allocates enough to set off full collections, each walking all of them: 0.5-0.9 s of
an added article's 4-9 s (``gc.callbacks``, `python -m qa.bench.archive --remeasure`). Nothing
alive before the sync is garbage made by it, and whatever of it the sync makes unreachable (the
replaced pipeline) is collected after it, at the next full pass. Reference counting frees as usual
throughout; only cycles wait.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["frozen_heap"]

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
