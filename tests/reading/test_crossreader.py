"""The cross-encoder: which candidates it reads, how its logit enters the reader, and (real model)
that the shipped adapters prefer the sentence that answers."""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from qa.reading.crossreader import get_cross_reader
from qa.reading.reader import FEATURES, ExtractiveReader, ReaderConfig, cross_column


@pytest.mark.parametrize(
    "n, top, scores, want",
    [
        (4, [2, 0], [1.5, -0.5], [-0.5, -0.5, 1.5, -0.5]),  # the unread get the lowest read score
        (2, [0, 1], [3.0, 2.0], [3.0, 2.0]),  # all read
        (3, [1], [0.25], [0.25, 0.25, 0.25]),
        (0, [], [], []),
    ],
)
def test_cross_column(n, top, scores, want):
    got = cross_column(n, np.array(top, int), np.array(scores, np.float32))
    assert got.tolist() == pytest.approx(want)


class RecordingScorer:
    def __init__(self, favourite: str):
        self.favourite, self.seen = favourite, []

    def score(self, question, sentences):
        self.seen.append(list(sentences))
        return np.array([4.0 if self.favourite in s else -2.0 for s in sentences], np.float32)


RAW = "Acme opened a plant. It cost $5 billion. Rain fell in Oslo. Beta sued Acme."
SENTS = np.array([(0, 0, 20), (0, 21, 40), (0, 41, 59), (0, 60, 75)], np.int64)


def _reader(scorer, top: int) -> ExtractiveReader:
    r = ExtractiveReader.__new__(ExtractiveReader)
    r.data = SimpleNamespace(sentences=SENTS)
    r.raw = [RAW]
    r.cross = scorer
    r.config = replace(ReaderConfig(), prerank={"dense": 1.0}, cross_top=top, weights={"dense": 1.0, "cross": 1.0})
    return r


def test_the_cross_encoder_reads_only_the_best_prerank_candidates():
    feats = np.zeros((4, len(FEATURES)), np.float32)
    feats[:, FEATURES.index("dense")] = [0.1, 0.9, 0.5, 0.2]
    scorer = RecordingScorer("$5 billion")
    col = _reader(scorer, top=2)._cross_scores("What did it cost?", [(r, 0) for r in range(4)], feats)
    assert scorer.seen == [["It cost $5 billion.", "Rain fell in Oslo."]]
    assert col.tolist() == [-2.0, 4.0, -2.0, -2.0]


def test_cross_logit_can_overturn_the_prerank_order():
    feats = np.zeros((4, len(FEATURES)), np.float32)
    feats[:, FEATURES.index("dense")] = [0.1, 0.5, 0.9, 0.2]  # prerank prefers "Rain fell in Oslo."
    r = _reader(RecordingScorer("$5 billion"), top=3)
    feats[:, FEATURES.index("cross")] = r._cross_scores("What did it cost?", [(i, 0) for i in range(4)], feats)
    w = np.array([r.config.weights.get(f, 0.0) for f in FEATURES], np.float32)
    assert int(np.argmax(feats @ w)) == 1


def _calibration_case(dense: list[float]):
    """(data, docs, one question's candidate group, a prerank by "dense") over RAW's sentences."""
    data = SimpleNamespace(sentences=SENTS, doc_ids=["d"])
    docs = {"d": SimpleNamespace(raw=RAW)}
    feats = np.zeros((4, len(FEATURES)), np.float32)
    feats[:, FEATURES.index("dense")] = dense
    prerank = np.zeros(len(FEATURES))
    prerank[FEATURES.index("dense")] = 1.0
    return data, docs, (feats, np.array([False, True, False, False]), np.arange(4)), prerank


def test_calibration_scores_each_question_with_the_model_of_the_other_half():
    from qa.training.calibrate import add_cross

    data, docs, group, prerank = _calibration_case([0.9, 0.8, 0.1, 0.1])
    even, odd = RecordingScorer("plant"), RecordingScorer("$5")
    qs = [SimpleNamespace(question="q?", doc_id="002_x"), SimpleNamespace(question="q?", doc_id="003_y")]
    out = add_cross([group, group], qs, data, docs, prerank, {0: even, 1: odd}, top=2)
    col = FEATURES.index("cross")
    assert out[0][0][:, col].tolist() == [4.0, -2.0, -2.0, -2.0]  # article 002: scorers[0]
    assert out[1][0][:, col].tolist() == [-2.0, 4.0, -2.0, -2.0]  # article 003: scorers[1]
    assert group[0][:, col].tolist() == [0.0] * 4  # the input is not changed


def test_calibration_scores_each_pair_once_across_fits_with_several_tops():
    from qa.training.calibrate import add_cross

    data, docs, group, prerank = _calibration_case([0.9, 0.8, 0.7, 0.1])
    scorer = RecordingScorer("$5")
    qs = [SimpleNamespace(question="q?", doc_id="002_x")]
    cache: dict = {}
    wide = add_cross([group], qs, data, docs, prerank, {0: scorer, 1: None}, top=3, cache=cache)
    narrow = add_cross([group], qs, data, docs, prerank, {0: scorer, 1: None}, top=2, cache=cache)
    col = FEATURES.index("cross")
    assert len(scorer.seen) == 1 and len(scorer.seen[0]) == 3  # the top-2 fit read the cache only
    assert wide[0][0][:, col].tolist() == [-2.0, 4.0, -2.0, -2.0]
    assert narrow[0][0][:, col].tolist() == [-2.0, 4.0, -2.0, -2.0]


@pytest.mark.parametrize("setting", ["off", "", " OFF "])
def test_cross_reader_can_be_switched_off(setting):
    assert get_cross_reader("sentence-transformers/all-MiniLM-L6-v2", setting) is None


def test_shipped_adapters_are_not_used_with_another_model():
    assert get_cross_reader("some/other-model") is None


def test_a_folder_without_adapters_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="holds no cross-encoder.*train_crossreader.*QA_CROSS_READER=off"):
        get_cross_reader("sentence-transformers/all-MiniLM-L6-v2", tmp_path)


def test_shipped_reader_weighs_the_cross_encoder():
    cfg = ReaderConfig.load()
    assert cfg.weights.get("cross", 0.0) > 0 and cfg.prerank and "cross" not in cfg.prerank
    assert 1 <= cfg.cross_top <= 10


@pytest.mark.slow
def test_shipped_adapters_prefer_the_sentence_that_answers():
    cross = get_cross_reader("sentence-transformers/all-MiniLM-L6-v2")
    assert cross is not None
    question = "How much capacity does Meta want its data center to have by 2030?"
    scores = cross.score(question, [
        "Meta aims to build a data center with a total installed capacity of 5 gigawatts by the end of 2030.",
        "Meta's self-developed AI accelerator is moving from internal inference workloads to larger deployment.",
        "Samsung declined to comment on the reports.",
    ])
    assert scores[0] > scores[1] and scores[0] > scores[2]
    again = cross.score(question, ["Samsung declined to comment on the reports."])
    assert again[0] == pytest.approx(scores[2])  # cached, and the same either way


@pytest.mark.slow
def test_onnx_and_torch_backends_agree(tmp_path, monkeypatch):
    from qa.reading.crossreader import DEFAULT_DIR, CrossReader

    monkeypatch.setenv("QA_ONNX_CACHE", str(tmp_path))
    pairs = ["Samsung declined to comment.", "The backlog is about 50 trillion won. " * 40]
    onnx = CrossReader(DEFAULT_DIR)
    first = onnx.score("How big is the backlog?", pairs)
    assert onnx.backend == "onnx" and len(list(tmp_path.glob("cross-*.onnx"))) == 1
    again = CrossReader(DEFAULT_DIR)  # a later process: the checked export, no new one
    assert again.score("How big is the backlog?", pairs) == pytest.approx(first, abs=1e-5)
    monkeypatch.setenv("QA_EMBED_BACKEND", "torch")
    torch_reader = CrossReader(DEFAULT_DIR)
    full = torch_reader.score("How big is the backlog?", pairs)
    assert torch_reader.backend == "torch"
    # int8 weights move the logits by tenths, not the verdict
    assert full == pytest.approx(first, abs=1.0) and (full[1] > full[0]) == (first[1] > first[0])


def test_bench_cross_times_every_question_and_keeps_its_scores():
    from qa.bench.cross import time_backend

    scorer = RecordingScorer("$5")
    ms, scores = time_backend(scorer, [("q1?", ["It cost $5.", "Rain."]), ("q2?", ["Rain."])], runs=3)
    assert ms >= 0 and len(scorer.seen) == 6
    assert [s.tolist() for s in scores] == [[4.0, -2.0], [-2.0]]
