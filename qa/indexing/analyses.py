"""Per-sentence parses stored in the index, so a question never waits for spaCy.

The reader's short answer needs each candidate sentence's tokens (offsets, part of speech,
dependency label and head), its entities and its candidate spans. Parsing a sentence costs several
milliseconds, and a question reads sentences nobody asked about before: so every sentence is
parsed once at index time (``qa.reading.analysis`` says how) and kept as four plain arrays, ragged
by sentence:

* ``counts`` (sentences x 3, int32): how many tokens, entities and spans each sentence has;
* ``tokens``: start, end (offsets in the sentence), head (token index), pos, dep, flags;
* ``ents``: start and end token, label; ``spans``: start and end token, the span kinds (3 bits each).

Labels are ids into ``labels`` (recorded in the manifest with the recipe that made them). This
module only holds, slices, joins and checks the arrays: what they mean is the reader's business.
"""
from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np

from ..ingest.corpus import Document
from .entities import sentence_types, types_from_analyses

__all__ = ["TOKEN", "ENT", "SPAN", "SentenceAnalyses", "Analyser", "types_and_analyses", "analyse_rows",
           "fill_analyses", "distinct"]

TOKEN = np.dtype([("start", "<i4"), ("end", "<i4"), ("head", "<i4"), ("pos", "u1"), ("dep", "u1"), ("flags", "u1")])
ENT = np.dtype([("start", "<i4"), ("end", "<i4"), ("label", "u1")])
SPAN = np.dtype([("start", "<i4"), ("end", "<i4"), ("kinds", "<u4")])
_PARTS = (("tokens", TOKEN), ("ents", ENT), ("spans", SPAN))


class SentenceAnalyses:
    """The stored parses of a table of sentences, row-aligned with ``IndexData.sentences``."""

    __slots__ = ("counts", "tokens", "ents", "spans", "labels", "recipe", "_ptr")

    def __init__(self, counts: np.ndarray, tokens: np.ndarray, ents: np.ndarray, spans: np.ndarray,
                 labels: Sequence[str], recipe: dict):
        self.counts = np.asarray(counts, np.int32).reshape(-1, 3)
        self.tokens, self.ents, self.spans = tokens, ents, spans
        self.labels = tuple(labels)
        self.recipe = dict(recipe)
        # Row offsets of each sentence in the three tables (one extra row: the end).
        ptr = np.zeros((len(self.counts) + 1, 3), np.int64)
        np.cumsum(self.counts, axis=0, out=ptr[1:])
        self._ptr = ptr

    def __len__(self) -> int:
        return len(self.counts)

    @classmethod
    def empty(cls, labels: Sequence[str] = (), recipe: dict | None = None) -> "SentenceAnalyses":
        return cls(np.zeros((0, 3), np.int32), np.zeros(0, TOKEN), np.zeros(0, ENT), np.zeros(0, SPAN),
                   labels, recipe or {})

    def rows(self, row: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The tokens, entities and spans of sentence ``row``."""
        a, b = self._ptr[row], self._ptr[row + 1]
        return self.tokens[a[0]:b[0]], self.ents[a[1]:b[1]], self.spans[a[2]:b[2]]

    def take(self, rows: Sequence[int] | np.ndarray) -> "SentenceAnalyses":
        """The analyses of sentences ``rows``, in that order (``self`` when that is every row in
        order: a sync that only adds documents takes the old rows whole)."""
        rows = np.asarray(rows, np.int64).reshape(-1)
        if is_every_row(rows, len(self)):
            return self
        parts = []
        for k, (name, _) in enumerate(_PARTS):
            starts, lens = self._ptr[rows, k], self.counts[rows, k].astype(np.int64)
            # Every element's index: each sentence's start plus 0..len-1.
            idx = np.repeat(starts - np.concatenate(([0], np.cumsum(lens)[:-1])), lens) + np.arange(lens.sum())
            parts.append(getattr(self, name)[idx])
        return SentenceAnalyses(self.counts[rows], *parts, self.labels, self.recipe)

    @classmethod
    def concat(cls, parts: Sequence["SentenceAnalyses"], labels: Sequence[str], recipe: dict) -> "SentenceAnalyses":
        """Sentences of ``parts`` one after the other; all must share ``labels``."""
        if any(p.labels != tuple(labels) for p in parts if len(p)):
            raise ValueError("sentence analyses made with other labels cannot be joined")
        if not parts:
            return cls.empty(labels, recipe)
        return cls(np.concatenate([p.counts for p in parts]),
                   *(np.concatenate([getattr(p, name) for p in parts]).astype(dt, copy=False) for name, dt in _PARTS),
                   labels, recipe)

    def problems(self, n_sentences: int) -> list[str]:
        """Why these arrays cannot describe a table of ``n_sentences`` sentences (empty: they can)."""
        out = []
        if len(self.counts) != n_sentences:
            out.append(f"{len(self.counts)} sentence analyses for {n_sentences} sentences")
        for k, (name, dt) in enumerate(_PARTS):
            arr = getattr(self, name)
            if arr.dtype != dt or arr.ndim != 1:
                out.append(f"sentence analysis table {name} has the wrong type")
            elif int(self._ptr[-1, k]) != len(arr):
                out.append(f"sentence analysis table {name} has {len(arr)} rows, counts say {int(self._ptr[-1, k])}")
        if (self.counts < 0).any():
            out.append("negative counts in the sentence analyses")
        n_labels = len(self.labels)
        if not out and n_labels and ((len(self.tokens) and max(int(self.tokens["pos"].max()), int(self.tokens["dep"].max())) >= n_labels)
                                     or (len(self.ents) and int(self.ents["label"].max()) >= n_labels)):
            out.append("sentence analyses name labels that are not listed")
        return out


def is_every_row(rows: np.ndarray, n: int) -> bool:
    """Whether ``rows`` is 0, 1, ..., n - 1 (a take or gather that would copy the table as it is)."""
    return len(rows) == n and (n == 0 or (rows[0] == 0 and bool((np.diff(rows) == 1).all())))


class Analyser(Protocol):
    """What sync_index asks of the reader's sentence analysis (``qa.reading.analysis``): a recipe
    (stored in the manifest; analyses made by another are recomputed) and the analyses of raw
    sentence texts."""

    @property
    def recipe(self) -> dict: ...

    def __call__(self, texts: Sequence[str]) -> SentenceAnalyses: ...


def distinct(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """Each text once, in first-seen order, and where each of ``texts`` sits among them.

    News repeats sentences verbatim (wire copies, boilerplate: in the 10,000-article archive of
    ``qa.bench.archive`` 41% of the sentences are in texts copied five times or more), and a
    sentence's vector, entities and parse depend on its text alone: each is made once per text."""
    at: dict[str, int] = {}
    inverse = np.fromiter((at.setdefault(t, len(at)) for t in texts), np.int64, len(texts))
    return list(at), inverse


def types_and_analyses(raw: list[str], texts: list[str], analyse: Analyser | None):
    """Entity-type masks of the (normalised) sentence ``texts`` and, with ``analyse``, the reader's
    analyses of their ``raw`` forms. One parse gives both where the two forms are the same (most
    sentences); only the others go through the NER-only pipeline too. A text met twice is
    parsed once (``distinct``)."""
    once, inverse = distinct([f"{r}\x00{t}" for r, t in zip(raw, texts)])
    if len(once) < len(raw):
        firsts = np.unique(inverse, return_index=True)[1]  # each distinct pair's first row
        types, analyses = _types_and_analyses([raw[i] for i in firsts], [texts[i] for i in firsts], analyse)
        return types[inverse], (analyses.take(inverse) if analyses is not None else None)
    return _types_and_analyses(raw, texts, analyse)


def _types_and_analyses(raw: list[str], texts: list[str], analyse: Analyser | None):
    if analyse is None:
        return sentence_types(texts), None
    analyses = analyse(raw)
    types = types_from_analyses(texts, analyses)
    other = [i for i, (r, t) in enumerate(zip(raw, texts)) if r != t]
    if other:
        types[other] = sentence_types([texts[i] for i in other])
    return types, analyses


def analyse_rows(analyse: Analyser, sentences: np.ndarray, ordered_docs: Sequence[Document]) -> SentenceAnalyses:
    """Analyses of the sentence table ``sentences`` (doc index, start, end) of ``ordered_docs``,
    each distinct text parsed once."""
    once, inverse = distinct([ordered_docs[d].raw[a:b] for d, a, b in sentences.tolist()])
    return analyse(once).take(inverse)


def fill_analyses(analyse: Analyser, parts_a: list, parts_s: list, doc_ids: list[str],
                   docs: dict[str, Document]) -> int:
    """Analyse, in one batch, the parts copied from an index whose analyses were not kept (missing,
    damaged, or made by another recipe); returns how many sentences that was. A new analysis
    whose labels differ from the copied ones (another spaCy model) makes every part remade."""
    labels = {p.labels for p in parts_a if p is not None and len(p)}
    if len(labels) > 1:
        parts_a[:] = [None] * len(parts_a)
    todo = [k for k, p in enumerate(parts_a) if p is None]
    if not todo:
        return 0
    rows = np.concatenate([parts_s[k] for k in todo])
    done = analyse_rows(analyse, rows, [docs[d] for d in doc_ids])
    at = 0
    for k in todo:
        n = len(parts_s[k])
        parts_a[k] = done.take(np.arange(at, at + n))
        at += n
    return len(rows)
