"""A bounded, thread-safe store of what the question path builds per document or per pair of
documents (``DocFacts``, ``Swaps``), least recently used dropped first.

Why bounded: a server answering questions on a 10,000-article archive builds the facts of about 30
new documents a question and kept every one; after 400 questions it held 5,102 documents and 52,711
document pairs, 1.1 GB more than at start, growing towards the whole corpus in Python objects
(``python -m qa.bench.archive --held 10000`` measures it). What is dropped is rebuilt on its next
use, from the stored sentence analyses. ``QuestionConflicts`` holds 2,048 documents and 16,384 pairs:
on that archive, +663 MB after 400 questions and flat from the 200th (unbounded: +1,115 MB and
growing); 400 questions took 79.6 s (unbounded about 70 s, 1,024 / 8,192 held about 90 s: documents
asked about again are rebuilt). Entries given up front (``pin``: the documents a small
corpus hands over whole) are never dropped, since nothing could rebuild them.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Mapping
from typing import Generic, TypeVar

__all__ = ["Held"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Held(Mapping[K, V], Generic[K, V]):
    """``held[key]`` returns the entry, building it with ``build(key)`` when it is not held (a
    ``KeyError`` when ``build`` gives None). ``limit`` (None: no limit) caps the entries built on
    demand; pinned ones do not count."""

    def __init__(self, build: Callable[[K], V | None] | None = None, limit: int | None = None):
        if limit is not None and limit < 1:
            raise ValueError(f"limit must be at least 1 (or None for no limit), got {limit}")
        self._build = build
        self.limit = limit
        self.built = 0  # entries built on demand, counting those built again after being dropped
        self._pinned: dict[K, V] = {}
        self._held: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def pin(self, key: K, value: V) -> V:
        with self._lock:
            self._held.pop(key, None)
            self._pinned[key] = value
        return value

    def put(self, key: K, value: V) -> V:
        with self._lock:
            if key in self._pinned:
                self._pinned[key] = value
                return value
            self._held[key] = value
            self._held.move_to_end(key)
            while self.limit is not None and len(self._held) > self.limit:
                self._held.popitem(last=False)
        return value

    def __getitem__(self, key: K) -> V:
        got = self._pinned.get(key)
        if got is not None:
            return got
        with self._lock:
            got = self._held.get(key)
            if got is not None:
                self._held.move_to_end(key)
                return got
        # Built outside the lock: two threads may both build one entry, with the same result.
        got = self._build(key) if self._build is not None else None
        if got is None:
            raise KeyError(key)
        with self._lock:
            self.built += 1
        return self.put(key, got)

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` is held now (nothing is built)."""
        return key in self._pinned or key in self._held

    def __iter__(self) -> Iterator[K]:
        with self._lock:
            return iter(list(self._pinned) + list(self._held))

    def __len__(self) -> int:
        return len(self._pinned) + len(self._held)
