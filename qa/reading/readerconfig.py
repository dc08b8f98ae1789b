"""The reader's fitted configuration: the sentence scorer's weights, the answerability model, the
merge model and the cross-encoder's prerank, read from ``qa/reading/data/reader.json`` (written by
``python -m qa.training.calibrate``). Kept apart from :mod:`qa.reading.reader`, which re-exports it.
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .readerfeatures import ANSWER_FEATURES, FEATURES, MERGE_FEATURES, answer_features

__all__ = ["CONFIG_PATH", "ReaderConfig", "sigmoid"]

CONFIG_PATH = Path(__file__).parent / "data" / "reader.json"


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@dataclass(frozen=True)
class ReaderConfig:
    weights: dict[str, float] = field(default_factory=lambda: {"dense": 3.0, "coverage": 3.0, "chunk": 2.0, "first_rank": 0.5, "short": 0.5})
    bias: float = -4.0
    # Answerability: a logistic model over ANSWER_FEATURES of the chosen sentence (empty: the
    # ranking logit itself is read as the probability).
    answer_weights: dict[str, float] = field(default_factory=dict)
    answer_bias: float = 0.0
    threshold: float = 0.35  # probability below which the reader abstains
    max_candidates: int = 60
    short_answers: bool = True
    # The answer takes in the next or previous sentence too when that sentence scores within this
    # many logits of the best one (0: never): the evidence is split between them. `qa eval` on the
    # SQuAD half with each value (listwise ranker): 0.5 / 1.0 / 2.0 give "answer contains" 76.2 /
    # 77.1 / 78.1% for a median answer of 166 / 172 / 182 characters: past 1.0 answers grow faster
    # than they improve.
    merge_gap: float = 1.0
    # When fitted (``python -m qa.training.calibrate``), a logistic model of "the adjacent sentence holds the
    # answer the best one lacks" replaces the gap rule: it merges when that is at least this likely.
    merge_weights: dict[str, float] = field(default_factory=dict)
    merge_bias: float = 0.0
    merge_threshold: float = 0.15
    # With the cross-encoder (qa.reading.crossreader): the candidates ranked best by ``prerank`` (the
    # scorer without it) are read by it, and ``weights["cross"]`` weighs its logit.
    prerank: dict[str, float] = field(default_factory=dict)
    cross_top: int = 2
    # Optional neural reader: a Hugging Face extractive-QA model (name or local path). When set,
    # it picks the short answer inside the top chunks and its sentence becomes the answer.
    hf_model: str | None = None

    @classmethod
    def load(cls, path: Path = CONFIG_PATH, hf_model: str | None = None) -> "ReaderConfig":
        if not path.exists():
            return cls(hf_model=hf_model)
        d = json.loads(path.read_text("utf-8"))
        ans, merge = d.get("answerable", {}), d.get("merge", {})
        return cls(weights=d["weights"], bias=d["bias"], answer_weights=ans.get("weights", {}),
                   answer_bias=ans.get("bias", 0.0), threshold=d["threshold"], hf_model=hf_model,
                   merge_weights=merge.get("weights", {}), merge_bias=merge.get("bias", 0.0),
                   merge_threshold=merge.get("threshold", cls.merge_threshold),
                   prerank=d.get("prerank", {}), cross_top=d.get("cross_top", cls.cross_top))

    def probability(self, feats: np.ndarray, logits: np.ndarray, best: int, agree: Sequence[int] = ()) -> float:
        """How likely candidate ``best`` answers the question (``agree``: as in ``answer_features``)."""
        if not self.answer_weights:
            z = float(logits[best])
        else:
            x = answer_features(feats, logits, best, agree)
            z = self.answer_bias + sum(self.answer_weights.get(f, 0.0) * v for f, v in zip(ANSWER_FEATURES, x))
        return sigmoid(z)

    def prerank_weights(self) -> np.ndarray:
        """One weight per FEATURES of the scorer without the cross-encoder: ``prerank``, or
        (a config fitted without it) the weights with "cross" left out."""
        pre = self.prerank or {f: v for f, v in self.weights.items() if f != "cross"}
        return np.array([pre.get(f, 0.0) for f in FEATURES], np.float32)

    def merge_probability(self, x: np.ndarray) -> float:
        """How likely the neighbour with MERGE_FEATURES ``x`` holds what the best sentence lacks."""
        return sigmoid(self.merge_bias + sum(self.merge_weights.get(n, 0.0) * v for n, v in zip(MERGE_FEATURES, x)))
