"""The candidate pairs one search of ``CorpusCandidates`` finds, held as columns of integers.

A dict of a Python object per pair of documents, each with a set of sentence-pair tuples, held
all the pairs of the corpus at once before any rule ran: about 200 bytes a sentence pair, which
took a 100,000-article archive's conflict pass past 21 GB (stopped before the machine ran out).
Here a sentence pair costs 16 bytes while the search runs (four ``array('i')`` columns), the
columns are sorted once with numpy, and ``items()`` hands out one pair of documents at a time in
position order, which is the order the pair step reads them in.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

__all__ = ["FoundPairs"]


@dataclass
class _Found:
    pairs: set = field(default_factory=set)  # (sentence of the first document, of the second)
    denial: bool = False  # the denial rule must see this pair of documents


class FoundPairs:
    """Candidate sentence pairs keyed by (first document, second document) positions, first <
    second, sentences likewise; a pair of documents flagged for the denial rule may have none."""

    def __init__(self) -> None:
        self._cols = tuple(array("i") for _ in range(4))  # first doc, second doc, their sentences
        self._denied = (array("i"), array("i"))
        self._done: tuple[np.ndarray, ...] | None = None

    def add(self, d: int, i: int, e: int, j: int, denial: bool = False) -> None:
        if self._done is not None:
            raise RuntimeError("FoundPairs is read: a search adds every pair before any is read")
        if e < d:
            d, i, e, j = e, j, d, i
        if denial:
            self._denied[0].append(d)
            self._denied[1].append(e)
        else:
            for col, x in zip(self._cols, (d, e, i, j)):
                col.append(x)

    def _columns(self) -> tuple[np.ndarray, ...]:
        """(document pairs, start of each one's sentence pairs, first sentences, second sentences,
        whether each document pair is flagged for denials), sorted, duplicates dropped."""
        if self._done is None:
            d, e, i, j = (np.frombuffer(c, dtype=np.int32).astype(np.int64) for c in self._cols)
            key = (d << 32) | e
            order = np.lexsort((j, i, key))
            key, i, j = key[order], i[order], j[order]
            new = np.ones(len(key), bool)
            new[1:] = (key[1:] != key[:-1]) | (i[1:] != i[:-1]) | (j[1:] != j[:-1])
            rows = np.stack([key[new], i[new], j[new]], axis=1)
            del d, e, i, j, key, order, new
            denied = np.unique((np.frombuffer(self._denied[0], dtype=np.int32).astype(np.int64) << 32)
                               | np.frombuffer(self._denied[1], dtype=np.int32))
            keys = np.union1d(rows[:, 0], denied)
            start = np.searchsorted(rows[:, 0], keys, side="left")
            stop = np.searchsorted(rows[:, 0], keys, side="right")
            self._done = (keys, start, stop, rows[:, 1].astype(np.int32), rows[:, 2].astype(np.int32),
                          np.isin(keys, denied))
            self._cols = tuple(array("i") for _ in range(4))  # the sorted copy replaces them
            self._denied = (array("i"), array("i"))
        return self._done

    def __len__(self) -> int:
        return len(self._columns()[0])

    @property
    def sentence_pairs(self) -> int:
        return len(self._columns()[3])

    def _found(self, k: int) -> _Found:
        keys, start, stop, i, j, denied = self._columns()
        return _Found(set(zip(i[start[k]:stop[k]].tolist(), j[start[k]:stop[k]].tolist())), bool(denied[k]))

    def items(self) -> Iterator[tuple[tuple[int, int], _Found]]:
        """((first document, second document), its pairs), in position order, one at a time."""
        keys = self._columns()[0]
        for k, key in enumerate(keys.tolist()):
            yield (key >> 32, key & 0xFFFFFFFF), self._found(k)

    def __getitem__(self, pair: tuple[int, int]) -> _Found:
        keys = self._columns()[0]
        key = (pair[0] << 32) | pair[1]
        k = int(np.searchsorted(keys, key))
        if k == len(keys) or keys[k] != key:
            raise KeyError(pair)
        return self._found(k)
