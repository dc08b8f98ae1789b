"""The gold-set evaluation runs in CI with the real model on the seeds.

It enforces floors a little below what the current pipeline measures (README, Results), so any
change that makes answers, citations or conflicts worse fails CI. The issue's target bar (answers
>= 95%, abstention precision/recall >= 90%) is reported by ``qa eval --min-bar`` and is not met
yet; these floors are raised as the pipeline improves.
"""
import json
from pathlib import Path

import pytest

from qa.evaluation.evaluate import evaluate

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold.jsonl"
COMMITTED = GOLD.parent / "reports" / "gold-metrics.json"  # what README's Results block shows

FLOORS = {
    ("answers", "contains_answer"): 0.80,
    ("citations", "validity"): 1.0,
    ("citations", "precision"): 0.87,
    ("citations", "answer_in_first_citation"): 1.0,
    ("abstention", "recall"): 0.85,  # 90% (18/20) since the sixteenth round's named rates
    ("abstention", "precision"): 0.85,  # 90%
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
    # The README's figures are what this code measures on a clean clone: the committed report
    # may differ by one question per count (a near tie can fall either way on another CPU).
    committed = json.loads(COMMITTED.read_text("utf-8"))
    right = round(metrics["answers"]["contains_answer"] * metrics["answerable"])
    assert abs(right - round(committed["answers"]["contains_answer"] * committed["answerable"])) <= 1, \
        "eval/reports/gold-metrics.json is stale: run `make results` and commit the reports and README.md"
    # A namesake note is never right on the seeds (five articles about different things).
    assert metrics["conflicts"]["notes"]["shown"] <= 1, metrics["conflicts"]["notes"]
    for group, name in (("abstention", "correct_abstentions"), ("abstention", "wrong_abstentions"),
                        ("conflicts", "tp"), ("conflicts", "fp")):
        assert abs(metrics[group][name] - committed[group][name]) <= 1, \
            f"{group}.{name}: measured {metrics[group][name]}, committed {committed[group][name]}: run `make results`"


# The second question set about the seeds, written outside this team (../shared/benchmarks/, never
# copied here). Floors a little below what this code measures (`qa eval
# ../shared/benchmarks/seed_questions_b.jsonl`); the targets are far above them.
SEED_B = Path(__file__).resolve().parents[3] / "shared" / "benchmarks" / "seed_questions_b.jsonl"


@pytest.mark.slow
def test_second_seed_question_set_floors(monkeypatch, tmp_path):
    if not SEED_B.exists():
        pytest.skip(f"{SEED_B} not found (it lives beside the project, in ../shared/benchmarks/)")
    monkeypatch.setenv("QA_INDEX_ROOT", str(tmp_path / "index"))
    _, records, m = evaluate(SEED_B, progress=False)
    cats = m["by_category"]
    assert m["questions"] == len(records) >= 140
    assert m["answers"]["contains_answer"] >= 0.86, m["answers"]  # 87.3% (twenty-eighth round; 85.7% from the fifteenth)
    assert cats["paraphrase: plain"]["accuracy"] >= 0.93, cats  # 96.9%
    assert cats["paraphrase: casual or keywords"]["accuracy"] >= 0.84, cats  # 87.5%
    assert cats["paraphrase: few shared words"]["accuracy"] >= 0.62, cats  # 65.6%, 21/32 (twenty-eighth round; 59.4% before)
    # 13 of 15: rescuing reworded questions (qa.reading.reworded) must not cost one; "who"/"where"
    # answered by a sentence naming no one/no place, and "what is X's thing called" by one naming
    # nothing (qa.reading.asked_kind), add three; a foundry asked for answered only by a maker
    # (qa.reading.makers.makes_there, twelfth round), one.
    # 14 of 15 since the sixteenth round (a yield asked for, amounts.RATE_NAMES).
    assert cats["near miss"]["accuracy"] >= 0.86, cats
    assert m["paraphrase_groups"]["all_right"] >= 33, m["paraphrase_groups"]  # 34 of 47 (twenty-eighth round; 32 from the seventeenth)
    assert m["abstention"]["wrong_abstentions"] <= 7, m["abstention"]  # 6
    # Every entry shown counts: conflicts of any kind where the sources agree, and notes.
    assert m["conflicts"]["fp"] <= 1, m["conflicts"]
    assert m["conflicts"]["tp"] >= 6, m["conflicts"]  # certainty conflicts on the question's slot: 7 of 7 (twenty-eighth round)
    assert m["conflicts"]["notes"]["shown"] <= 1, m["conflicts"]["notes"]
    assert m["citations"]["validity"] == 1.0
    # Follow-ups asked with their dialogue's history (100%, 18/18; 88.9% their standalone rewrites alone).
    assert m["follow_ups"]["n"] == 18 and m["follow_ups"]["with_history"] >= 0.94, m["follow_ups"]
