"""The gold-set evaluation runs in CI with the real model on the seeds.

It enforces floors a little below what the current pipeline measures (README, Results), so any
change that makes answers, citations or conflicts worse fails CI. The issue's target bar (answers
>= 95%, abstention precision/recall >= 90%) is reported by ``qa eval --min-bar`` and is not met
yet; these floors are raised as the pipeline improves.
"""
from pathlib import Path

import pytest

from qa.evaluate import evaluate

GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold.jsonl"

FLOORS = {
    ("answers", "contains_answer"): 0.80,
    ("citations", "validity"): 1.0,
    ("citations", "precision"): 0.87,
    ("citations", "answer_in_first_citation"): 1.0,
    ("abstention", "recall"): 0.50,
    ("abstention", "precision"): 0.75,
    ("conflicts", "recall"): 0.85,
    ("conflicts", "doc_recall"): 0.85,
}
CEILINGS = {
    ("conflicts", "false_alarm_rate"): 0.05,
    ("abstention", "wrong_abstention_rate"): 0.06,
}


@pytest.mark.slow
def test_gold_set_quality_floors(monkeypatch, tmp_path):
    monkeypatch.setenv("QA_INDEX_ROOT", str(tmp_path / "index"))  # a fresh index, as on a clean clone
    _, records, metrics = evaluate(GOLD, progress=False)
    assert metrics["questions"] == len(records) >= 60
    for (group, name), floor in FLOORS.items():
        assert metrics[group][name] >= floor, f"{group}.{name} = {metrics[group][name]:.3f} < {floor}"
    for (group, name), ceiling in CEILINGS.items():
        assert metrics[group][name] <= ceiling, f"{group}.{name} = {metrics[group][name]:.3f} > {ceiling}"
