"""A question worded apart from its article is not abstained on for its weak lexical match alone
(qa.reading.reworded, issue #20). Made-up articles and features throughout."""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from qa.reading.answerable import DocTerms
from qa.reading.reader import FEATURES, ExtractiveReader, ReaderConfig
from qa.reading.reworded import reworded

RAW = "Ivo Lind, an early member of Lumo's silicon group, has joined Zentra. Zentra also sells tea in Oslo."
SENTS = np.array([(0, 0, 68), (0, 69, 99)], np.int64)
WORDS = DocTerms([RAW]).words(0)


def feats(coverage=(0.1, 0.05), dense=(0.5, 0.2), type_gap=(0.0, 1.0), names_context=(0.5, 0.5)) -> np.ndarray:
    f = np.zeros((2, len(FEATURES)), np.float32)
    f[:, FEATURES.index("names_context")] = names_context
    f[:, FEATURES.index("coverage")] = coverage
    f[:, FEATURES.index("dense")] = dense
    f[:, FEATURES.index("dense_gap")] = np.array(dense) - max(dense)
    f[:, FEATURES.index("type_gap")] = type_gap
    f[:, FEATURES.index("type_match")] = 1.0 - np.array(type_gap)
    return f


QUESTION = "Who jumped from Lumo's chip team to Zentra?"


@pytest.mark.parametrize("question, f, best, want", [
    (QUESTION, feats(), 0, True),
    (QUESTION, feats(coverage=(0.6, 0.1)), 0, False),  # words shared: the answerability model's own ground
    ("Who jumped from Maia's chip team to Zentra?", feats(), 0, False),  # a name the article never uses
    ("who jumped ship to the tea seller", feats(), 0, False),  # no name: no subject found
    (QUESTION, feats(type_gap=(1.0, 1.0)), 0, False),  # not even a person named
    (QUESTION, feats(dense=(0.2, 0.5), type_gap=(0.0, 0.0)), 0, False),  # the embedding model prefers another
    (QUESTION, feats(names_context=(0.0, 0.5)), 0, False),  # no name of the question near the sentence
])
def test_reworded(question, f, best, want):
    assert reworded(question, f, best, WORDS) is want


def _reader(f: np.ndarray) -> ExtractiveReader:
    """A reader over RAW whose features are ``f`` and whose answerability model finds every
    match too weak (probability about e-10)."""
    r = ExtractiveReader.__new__(ExtractiveReader)
    r.data = SimpleNamespace(sentences=SENTS)
    r.raw, r.cross, r.gate = [RAW], None, None
    r.config = replace(ReaderConfig(), weights={"dense": 10.0}, bias=0.0, answer_weights={"dense": 1.0},
                       answer_bias=-10.0, threshold=0.5, short_answers=False)
    r._doc_terms = DocTerms([RAW])
    r._idf = lambda term: 1.0
    r.features = lambda question, qvec, hits: ([(0, 0), (1, 0)], f.copy())
    return r


def test_the_reader_answers_a_reworded_question_the_answerability_model_doubts(monkeypatch):
    got = _reader(feats()).read(QUESTION, np.zeros(4, np.float32), [])
    assert not got.abstained and (got.start, got.end) == (0, 68)
    monkeypatch.setenv("QA_REWORDED", "0")  # the mechanism off: the weak match alone abstains
    assert _reader(feats()).read(QUESTION, np.zeros(4, np.float32), []).abstained


def test_the_reader_still_abstains_on_a_subject_the_article_lacks():
    got = _reader(feats()).read("Who jumped from Maia's chip team to Zentra?", np.zeros(4, np.float32), [])
    assert got.abstained
