"""The reader's answer span: one sentence, or two adjacent ones when the evidence is split."""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from qa.reading.reader import ExtractiveReader, ReaderConfig

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


def test_shipped_config_has_a_merge_model():
    from qa.reading.reader import MERGE_FEATURES

    cfg = ReaderConfig.load()
    assert set(cfg.merge_weights) == set(MERGE_FEATURES) and 0 < cfg.merge_threshold < 1
    # the neighbour that holds the kind of fact the best sentence lacks is worth joining
    assert cfg.merge_weights["fills_type"] > 0 and cfg.merge_weights["gap"] < 0


def _merge_reader(**weights) -> ExtractiveReader:
    r = reader(1.0)
    r.config = replace(ReaderConfig(), merge_weights=weights, merge_bias=-2.0, merge_threshold=0.5)
    return r


@pytest.mark.parametrize(
    "fills, gap_logits, want",
    [
        (True, 3.0, (0, 40, 1)),  # far behind, but it has the date the best sentence lacks
        (False, 3.0, (0, 20, None)),  # far behind and adds nothing asked for
        (False, 0.2, (0, 40, 1)),  # close enough on score alone
    ],
)
def test_merge_model_joins_the_neighbour_that_holds_what_is_missing(fills, gap_logits, want):
    from qa.reading.reader import FEATURES

    feats = np.zeros((4, len(FEATURES)), np.float32)
    feats[0, FEATURES.index("type_gap")] = 1.0
    feats[1, FEATURES.index("type_match")] = 1.0 if fills else 0.0
    logits = np.array([2.0, 2.0 - gap_logits, -5.0, -5.0])
    r = _merge_reader(fills_type=5.0, gap=-1.0, runner_up=3.0)
    cands = [(row, 0) for row in range(len(SENTS))]
    assert r._merge_neighbour(cands, logits, 0, 0, 0, 20, feats) == want


def test_merge_model_only_looks_at_adjacent_sentences():
    from qa.reading.reader import FEATURES

    feats = np.zeros((4, len(FEATURES)), np.float32)
    r = _merge_reader(runner_up=10.0)
    # the runner-up (row 2) is not adjacent to row 0; row 1 scores low but is the only neighbour
    assert r._merge_neighbour([(0, 0), (1, 0), (2, 0), (3, 0)], np.array([2.0, -9.0, 1.9, -9.5]), 0, 0, 0, 20, feats) == (0, 20, None)


def _groups(n: int, seed: int = 0):
    """Questions whose answer sentence is the one with the highest first feature."""
    from qa.training.calibrate import TRAIN_FEATURES
    from qa.reading.reader import FEATURES

    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        f = rng.normal(size=(6, len(FEATURES))).astype(np.float32)
        labels = np.zeros(6, bool)
        labels[int(np.argmax(f[:, FEATURES.index(TRAIN_FEATURES[0])]))] = True
        out.append((f, labels))
    return out


def test_listwise_fit_learns_which_feature_picks_the_answer():
    from qa.training.calibrate import _fit_listwise, _top_accuracy

    w = _fit_listwise(_groups(200))
    assert int(np.argmax(w)) == 0 and w[0] > 0
    assert _top_accuracy(_groups(100, seed=1), w) >= 0.9  # held out
    assert _top_accuracy(_groups(100, seed=1), -w) < 0.2  # and the test can fail


def test_answerability_features_and_probability():
    from qa.reading.reader import ANSWER_FEATURES, FEATURES, answer_features

    feats = np.zeros((3, len(FEATURES)), np.float32)
    feats[:, FEATURES.index("dense")] = [0.9, 0.2, 0.1]
    logits = np.array([2.0, 0.5, -1.0])
    x = answer_features(feats, logits, 0)
    named = dict(zip(ANSWER_FEATURES, x))
    assert named["top"] == 2.0 and named["margin"] == pytest.approx(1.5) and named["dense"] == pytest.approx(0.9)
    assert named["top_prob"] == pytest.approx(np.exp(2) / np.exp(logits).sum())
    plain = ReaderConfig(answer_weights={})
    assert plain.probability(feats, logits, 0) == pytest.approx(1 / (1 + np.exp(-2.0)))
    cfg = ReaderConfig(answer_weights={"margin": 2.0}, answer_bias=-1.0)
    assert cfg.probability(feats, logits, 0) == pytest.approx(1 / (1 + np.exp(-(2.0 * 1.5 - 1.0))))
    assert cfg.probability(feats, logits, 1) < 0.05  # behind the best: unlikely to answer


def test_sources_giving_the_same_answer_are_no_rivals():
    from qa.reading.readerfeatures import ANSWER_FEATURES, FEATURES, agreeing, answer_features, same_answer

    feats = np.zeros((3, len(FEATURES)), np.float32)
    logits = np.array([2.0, 1.9, -1.0])
    alone = dict(zip(ANSWER_FEATURES, answer_features(feats, logits, 0)))
    backed = dict(zip(ANSWER_FEATURES, answer_features(feats, logits, 0, (1,))))
    assert alone["margin"] == pytest.approx(0.1) and backed["margin"] == pytest.approx(3.0)
    assert backed["top_prob"] == pytest.approx((np.exp(2) + np.exp(1.9)) / np.exp(logits).sum())
    cfg = ReaderConfig(answer_weights={"margin": 1.0, "top_prob": 1.0}, answer_bias=-2.0)
    assert cfg.probability(feats, logits, 0, (1,)) > cfg.probability(feats, logits, 0) + 0.3

    assert same_answer("50 trillion won", "approximately 50 trillion Korean won")
    assert same_answer("Meta", "Meta Platforms") and same_answer("more than 10 trillion won", "10 trillion won")
    assert not same_answer("10 trillion won", "50 trillion won") and not same_answer("the", "Meta")
    # Sentences of one article are one source.
    assert agreeing({0: (5, "50 trillion won"), 1: (7, "about 50 trillion won"), 2: (5, "50 trillion won"),
                     3: (7, "2nm")}) == {0: (1,), 1: (0, 2), 2: (1,), 3: ()}


def test_shipped_reader_has_an_answerability_model():
    cfg = ReaderConfig.load()
    from qa.reading.reader import ANSWER_FEATURES

    assert set(cfg.answer_weights) == set(ANSWER_FEATURES) and 0 < cfg.threshold < 1


@pytest.mark.parametrize(
    "text, line, heading",
    [
        ("Super Bowl 50\n\nSuper Bowl 50 was a game. It was played in 2016.", "Super Bowl 50", True),
        ("Super Bowl 50\n\nSuper Bowl 50 was a game. It was played in 2016.", "Super Bowl 50 was a game.", False),
        # A news article's first sentence is its lead, not a title.
        ("According to reports, Samsung's backlog nears 50 trillion won.\n\nMore.", "According to reports, Samsung's backlog nears 50 trillion won.", False),
        ("Intro text.\nSamsung receives OEM orders from Meta  \nBody.", "Samsung receives OEM orders from Meta", True),
        ("Title\n2026-07-03 16:37\nBody.", "2026-07-03 16:37", True),
        ("He said: \u201cWe will ship it.\u201d\nNext.", "He said: \u201cWe will ship it.\u201d", False),
    ],
)
def test_is_heading(text, line, heading):
    from qa.ingest.text import is_heading

    a = text.index(line)
    assert is_heading(text, a, a + len(line)) is heading


def _rows(raw: str, sentences: list[str], doc: int = 0) -> np.ndarray:
    out, pos = [], 0
    for s in sentences:
        a = raw.index(s, pos)
        out.append((doc, a, a + len(s)))
        pos = a + len(s)
    return np.array(out, np.int64)


COLON = ['A Korean industry official said:', '"Orders have grown fast."', "The backlog is large."]


@pytest.mark.parametrize("row, want", [
    (0, (0, 1)),  # the introduction takes what it introduces
    (1, (0, 1)),  # what is introduced takes its introduction: who said it
    (2, (2, 2)),  # no colon on either side
])
def test_a_sentence_ending_in_a_colon_is_quoted_with_the_next(row, want):
    from qa.reading.readerfeatures import colon_joined

    raw = "\n\n".join(COLON)
    rows = _rows(raw, COLON)
    a, b = colon_joined(rows, raw, row, int(rows[row, 1]), int(rows[row, 2]))
    assert (a, b) == (int(rows[want[0], 1]), int(rows[want[1], 2]))


def test_a_colon_joins_the_next_paragraph_only_when_it_opens_a_quote():
    from qa.reading.readerfeatures import colon_joined

    parts = ["The aims of the agreement are:", "Following the election in 1997, the UK signed it."]
    raw = "\n\n".join(parts)
    rows = _rows(raw, parts)
    assert colon_joined(rows, raw, 1, int(rows[1, 1]), int(rows[1, 2])) == (int(rows[1, 1]), int(rows[1, 2]))
    raw = " ".join(parts)  # on one line: the list it introduces
    rows = _rows(raw, parts)
    assert colon_joined(rows, raw, 1, int(rows[1, 1]), int(rows[1, 2])) == (0, len(raw))


def test_a_colon_never_joins_another_article():
    from qa.reading.readerfeatures import colon_joined

    raw = "One said:"
    rows = np.array([(0, 0, len(raw)), (1, 0, 5)], np.int64)
    assert colon_joined(rows, raw, 0, 0, len(raw)) == (0, len(raw))
