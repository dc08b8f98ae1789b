"""Whether a question reads as a rewording of the chosen article (issue #20).

The reader's answerability model (``reader.json``) was fitted on SQuAD, where questions copy
their passage's words and a weak lexical match means the corpus lacks the subject (its negatives
are questions whose own article was removed). A question worded apart from the article ("Who
jumped from the ChatGPT maker's custom silicon effort to Anthropic?" of "Clive Chan, an early
member of OpenAI's custom chip team, has joined Anthropic") matches every sentence weakly, so the
model abstained however right the sentence: on SQuAD's held-out odd articles 16 of 2,070
answerable questions have no candidate covering a quarter of their weighted terms, and it
abstained on 10 of them.

When the subject is found (every name of the question is in the chosen sentence's article), such
a weak match says only that the wording differs, and the reader does not abstain on the
model's probability alone; the checks that do not depend on wording still decide (the kind of
fact asked for, versions, the near-miss gate of :mod:`qa.reading.answerable`). With nothing but
the wording to go on, the sentence must hold the kind of fact asked for and be where the
embedding model puts the question: within ``DENSE_GAP`` of the best question/sentence cosine
among the candidates. ``QA_REWORDED=0`` turns this off (how its gain is measured).
"""
from __future__ import annotations

import os

import numpy as np

from .readerfeatures import _F, question_names

__all__ = ["LOW_COVERAGE", "DENSE_GAP", "reworded"]

# Below this best coverage of the question's IDF-weighted terms, the question is read as reworded.
LOW_COVERAGE = 0.25
# How far (in cosine) below the candidates' best the chosen sentence may be.
DENSE_GAP = 0.1


def reworded(question: str, feats: np.ndarray, best: int, doc_words: frozenset[str]) -> bool:
    """Whether candidate ``best`` (of the reader's FEATURES rows ``feats``) may answer although
    the answerability model finds the match too weak. ``doc_words``: its article's words,
    lower-cased."""
    if os.environ.get("QA_REWORDED", "1").lower() in ("0", "off", "false"):
        return False
    if not len(feats) or float(feats[:, _F["coverage"]].max()) >= LOW_COVERAGE:
        return False  # words are shared: the model was fitted for this
    row = feats[best]
    if row[_F["type_gap"]] or row[_F["fact_gap"]] or row[_F["dense_gap"]] < -DENSE_GAP:
        return False
    names = question_names(question)
    # A question naming nothing has no subject to find; one naming what the article never does
    # ("Microsoft's Maia chip") is about something else; and the subject must be named where the
    # answer is, in the sentence or its neighbours: SQuAD 2.0's unanswerable questions that an
    # earlier version let through ("Who was the developer of the Hamming battery?") named
    # something of the article that no sentence near the chosen one names.
    return bool(names) and names <= doc_words and bool(row[_F["names_context"]] > 0)
