"""What the short-answer reader needs of a sentence's parse, made at index time and read back.

A question's candidate sentences used to be parsed by spaCy when first read (6-10 ms each), so a
question cost several times more the first time than the second. ``SpacyAnalyser`` parses every
sentence once when it is indexed and keeps what :class:`qa.reading.spanfeatures._View` takes from
a Doc (token offsets, part of speech, dependency label and head, punctuation and number flags,
entities, candidate spans) as plain arrays (:mod:`qa.indexing.analyses`); ``stored_view`` rebuilds
the view from them, and the reader's output is the same as from a fresh parse (tests compare them
on the gold set). The view is made by the same code either way (``_View(doc)`` at index time),
so the arrays cannot drift from what the reader computes on the fly, and the recipe stored in the
manifest holds a hash of that code: change it and the next sync recomputes the analyses.
"""
from __future__ import annotations

import hashlib
import inspect
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np

from ..indexing.analyses import ENT, SPAN, TOKEN, SentenceAnalyses
from .candidate_spans import _spans
from .spanfeatures import KINDS, _View

__all__ = ["ANALYSIS_VERSION", "SpacyAnalyser", "stored_view", "stored_views", "views_of", "analysis_recipe"]

ANALYSIS_VERSION = 1
_PUNCT, _NUM = 1, 2
# A span's kinds in the order its set iterates, 3 bits each (kind index + 1): the set is rebuilt in
# that order, so that its features are summed in the same order as from a fresh parse (a set of
# strings iterates in an order that varies with the process's hash seed anyway: only the last bits
# of a score could differ, never a choice between candidates that are not exactly tied).
_KIND_BITS = 3


@lru_cache(maxsize=1)
def analysis_recipe() -> dict:
    """What made the analyses: versions of spaCy and its model, and a hash of the code that turns
    a Doc into a view. Read without importing spaCy (a load must not pay for it)."""
    from importlib.metadata import PackageNotFoundError, version

    from .shortanswer import SPACY_MODEL

    def v(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    code = hashlib.sha1((inspect.getsource(_spans) + inspect.getsource(_View)).encode()).hexdigest()[:16]
    return {"version": ANALYSIS_VERSION, "spacy": v("spacy"), "model": SPACY_MODEL,
            "model_version": v(SPACY_MODEL), "kinds": list(KINDS), "code": code}


def _labels(nlp) -> tuple[str, ...]:
    from spacy.parts_of_speech import IDS

    names = set(IDS) | set(nlp.get_pipe("parser").labels) | set(nlp.get_pipe("ner").labels) | {"", "ROOT", "dep"}
    return tuple(sorted(names))


def _kinds_code(kinds: set[str]) -> int:
    code = 0
    for n, k in enumerate(kinds):  # iteration order of the fresh set
        code |= (KINDS.index(k) + 1) << (_KIND_BITS * n)
    return code


@lru_cache(maxsize=512)
def _kinds_set(code: int) -> tuple[str, ...]:
    out = []
    while code:
        out.append(KINDS[(code & 7) - 1])
        code >>= _KIND_BITS
    return tuple(out)


@dataclass(frozen=True)
class SpacyAnalyser:
    """Parses sentences with the reader's spaCy pipeline (the same loaded model, so the same
    parse) in batches of ``batch_size``, one process: measured per 1,000 sentences in
    qa/reading/README.md."""

    batch_size: int = 256

    @property
    def recipe(self) -> dict:
        return analysis_recipe()

    def __call__(self, texts: Sequence[str]) -> SentenceAnalyses:
        from .shortanswer import _nlp

        if not texts:
            return SentenceAnalyses.empty(recipe=self.recipe)
        nlp = _nlp()
        labels = _labels(nlp)
        index = {name: i for i, name in enumerate(labels)}
        counts = np.zeros((len(texts), 3), np.int32)
        toks, ents, spans = [], [], []
        for i, doc in enumerate(nlp.pipe(texts, batch_size=self.batch_size)):
            v = _View(doc)
            t = np.zeros(v.n, TOKEN)
            t["start"], t["end"], t["head"] = v.start, v.end, v.head
            t["pos"] = [index[p] for p in v.pos]
            t["dep"] = [index[d] for d in v.dep]
            t["flags"] = [_PUNCT * p | _NUM * n for p, n in zip(v.punct, v.num)]
            e = np.array([(a, b, index[lab]) for a, b, lab in v.ents], ENT)
            s = np.array([(a, b, _kinds_code(ks)) for (a, b), ks in v.spans.items()], SPAN)
            counts[i] = (len(t), len(e), len(s))
            toks.append(t)
            ents.append(e)
            spans.append(s)
        return SentenceAnalyses(counts, np.concatenate(toks), np.concatenate(ents), np.concatenate(spans),
                                labels, self.recipe)


def stored_view(analyses: SentenceAnalyses, row: int, sentence: str) -> _View:
    """The reader's view of sentence ``row`` (whose raw text is ``sentence``) from the index."""
    toks, ents, spans = analyses.rows(row)
    labels = analyses.labels
    flags = toks["flags"].tolist()
    return _View.stored(
        sentence,
        start=toks["start"].tolist(), end=toks["end"].tolist(),
        pos=[labels[i] for i in toks["pos"].tolist()], dep=[labels[i] for i in toks["dep"].tolist()],
        head=toks["head"].tolist(),
        punct=[bool(f & _PUNCT) for f in flags], num=[bool(f & _NUM) for f in flags],
        ents=[(a, b, labels[lab]) for a, b, lab in ents.tolist()],
        spans={(a, b): set(_kinds_set(k)) for a, b, k in spans.tolist()},
    )


def stored_views(data, rows: Sequence[int], texts: Sequence[str]) -> list[_View] | None:
    """The views of sentences ``rows`` (raw texts ``texts``) of the index ``data``; None when it
    stores no analyses: then spaCy parses them now, as it did before they were stored."""
    analyses = getattr(data, "analyses", None)
    if analyses is None:
        return None
    return [stored_view(analyses, r, t) for r, t in zip(rows, texts)]


def views_of(data, rows: Sequence[int], texts: Sequence[str]) -> list[_View]:
    """The views of sentences ``rows``: the stored ones, else parsed now (an index without analyses)."""
    views = stored_views(data, rows, texts)
    if views is not None:
        return views
    from .shortanswer import parse_many

    return [_View(d) for d in parse_many(texts)]
