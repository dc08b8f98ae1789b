"""The reader's answer span: one sentence, or two adjacent ones when the evidence is split."""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from qa.reader import ExtractiveReader, ReaderConfig

RAW = "Acme opened a plant. It cost $5 billion. Rain fell in Oslo. Beta sued Acme."
SENTS = np.array([(0, 0, 20), (0, 21, 40), (0, 41, 59), (0, 60, 75)], np.int64)


def reader(gap: float) -> ExtractiveReader:
    r = ExtractiveReader.__new__(ExtractiveReader)
    r.data = SimpleNamespace(sentences=SENTS)
    r.config = replace(ReaderConfig(), merge_gap=gap)
    return r


@pytest.mark.parametrize(
    "logits, best, gap, want",
    [
        ([2.0, 1.5, -3.0, -3.0], 0, 1.0, (0, 40, 1)),  # the next sentence is close: both
        ([1.5, 2.0, -3.0, -3.0], 1, 1.0, (0, 40, 0)),  # the previous one: both, in text order
        ([2.0, 0.5, -3.0, -3.0], 0, 1.0, (0, 20, None)),  # too far behind
        ([2.0, -3.0, 1.9, -3.0], 0, 1.0, (0, 20, None)),  # close but not adjacent
        ([2.0, 1.9, -3.0, -3.0], 0, 0.0, (0, 20, None)),  # merging switched off
    ],
)
def test_adjacent_runner_up_joins_the_answer(logits, best, gap, want):
    cands = [(row, 0) for row in range(len(SENTS))]
    a, b = int(SENTS[best, 1]), int(SENTS[best, 2])
    got = reader(gap)._merge_neighbour(cands, np.array(logits), best, 0, a, b)
    assert got == want


def test_sentences_of_another_document_are_never_joined():
    r = reader(1.0)
    r.data = SimpleNamespace(sentences=np.array([(0, 0, 20), (1, 0, 19)], np.int64))
    assert r._merge_neighbour([(0, 0), (1, 0)], np.array([2.0, 1.9]), 0, 0, 0, 20) == (0, 20, None)


def test_shipped_config_merges_within_one_logit():
    assert ReaderConfig.load().merge_gap == 1.0
