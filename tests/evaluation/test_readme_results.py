"""README's Results block: written from the eval reports, only between its markers, and in step
with the committed reports."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.cli import main as cli_main
from qa.evaluation.readme_results import BEGIN, END, ResultsError, replace_block, results_block, update_readme

ROOT = Path(__file__).resolve().parents[2]


def _metrics(contains=0.842, precision=0.846, recall=0.55, with_bar=True) -> dict:
    m = {
        "data": "eval/gold.jsonl", "format": "gold", "questions": 96, "answerable": 76, "unanswerable": 20,
        "answers": {"contains_answer": contains, "exact_match": 0.289, "f1": 0.446},
        "citations": {"validity": 1.0, "checked": 1060, "precision": 0.905},
        "abstention": {"precision": precision, "recall": recall, "wrong_abstention_rate": 0.026,
                       "wrong_abstentions": 2, "unanswerable": 20},
        "conflicts": {"questions": 76, "positives": 7, "negatives": 69, "tp": 7, "fp": 3,
                      "recall": 1.0, "false_alarm_rate": 0.0435,
                      "notes": {"shown": 1, "right": 0, "expected": 0, "precision": 0.0, "recall": None}},
        "latency": {"median_s": 0.0177, "p95_s": 0.0343},
        "by_category": {"paraphrase": {"n": 11, "accuracy": 6 / 11}, "fact-date": {"n": 9, "accuracy": 1.0}},
    }
    if with_bar:
        from qa.evaluation.evaluate import check_bar

        failed = check_bar(m)
        m["bar"] = {"passed": not failed, "failed": failed}
    return m


def _squad() -> dict:
    m = _metrics()
    m.update(questions=4961, unanswerable=0, by_category={})
    m["abstention"] = {"precision": None, "recall": None, "wrong_abstention_rate": 0.0286,
                       "wrong_abstentions": 142, "unanswerable": 0}
    m["conflicts"] = {"questions": 0}
    return m


@pytest.mark.parametrize("row, squad_cell, gold_cell", [
    ("answer contains a gold answer", "84.2%", "84.2%"),
    ("short answer exact match / F1", "28.9% / 44.6%", "28.9% / 44.6%"),
    ("citation validity", "100% of 1,060", "100% of 1,060"),
    ("wrong abstentions", "2.9% (142)", "2.6% (2)"),
    ("abstention precision / recall", "n/a", "84.6% / 55.0%"),
    ("conflicts: recall / false alarms", "n/a", "100% (7/7) / 4.3% (3/69)"),
    ("namesake notes shown / right", "n/a", "1 / 0"),
    ("latency median / p95", "18 ms / 34 ms", "18 ms / 34 ms"),
])
def test_block_rows(row, squad_cell, gold_cell):
    block = results_block(_metrics(), _squad())
    line = next(x for x in block.splitlines() if row in x)
    assert line.endswith(f"| {squad_cell} | {gold_cell} |")


def test_block_without_squad_report_says_not_run():
    block = results_block(_metrics(), None)
    assert "| SQuAD half, open-domain | gold set" in block
    assert "| not run | 84.2% |" in block


@pytest.mark.parametrize("metrics, expected", [
    (_metrics(), "**Gold-set quality bar: not met.** Missed: answer contains a gold answer >= 95% of "
                 "answerable questions: measured 84.2%; abstention precision >= 90%: measured 84.6%; "
                 "abstention recall >= 90%: measured 55.0%. Met: citation validity 100%;"),
    (_metrics(contains=0.96, precision=0.95, recall=0.9), "**Gold-set quality bar: met**: answer contains"),
    (_metrics(with_bar=False), "**Gold-set quality bar: not checked**"),
])
def test_block_states_the_bar(metrics, expected):
    assert expected in results_block(metrics)


def test_block_has_categories_and_plot():
    block = results_block(_metrics(), reports="eval/reports")
    assert "Right by gold-set category (questions): fact-date 100.0% (9), paraphrase 54.5% (11)." in block
    assert "![Accuracy by question category on the gold set](eval/reports/gold-categories.png)" in block
    assert block.startswith(BEGIN) and block.endswith(END)


def test_replace_block_touches_nothing_else():
    readme = f"# Title\n\nintro\n\n{BEGIN}\nold table\n{END}\n\nafter\n"
    out = replace_block(readme, f"{BEGIN}\nnew\n{END}")
    assert out == f"# Title\n\nintro\n\n{BEGIN}\nnew\n{END}\n\nafter\n"
    assert replace_block(out, f"{BEGIN}\nnew\n{END}") == out  # idempotent


@pytest.mark.parametrize("readme", ["# no markers\n", f"{END}\n{BEGIN}\n", f"{BEGIN}\nonly the start\n"])
def test_replace_block_without_markers_says_how_to_fix(readme):
    with pytest.raises(ResultsError, match=r"no Results block to rewrite: put the line") as e:
        replace_block(readme, "x")
    assert isinstance(e.value, ValueError) and END in str(e.value)


def test_report_writes_the_figures_alone(tmp_path):
    from qa.evaluation.report import write_report

    full = json.loads((ROOT / "eval" / "reports" / "gold.json").read_text("utf-8"))
    m, records = full["metrics"], full["questions"][:5]
    paths = write_report(tmp_path, "gold", m, records)
    assert tmp_path / "gold-metrics.json" in paths
    assert json.loads((tmp_path / "gold-metrics.json").read_text("utf-8")) == m


def test_update_readme_needs_the_gold_report(tmp_path):
    (tmp_path / "README.md").write_text(f"{BEGIN}\n{END}\n", "utf-8")
    with pytest.raises(ResultsError, match=r"Run `make eval` to write it"):
        update_readme(tmp_path / "README.md", tmp_path / "reports")


def test_qa_results_command_rewrites_the_block(tmp_path, capsys):
    reports = tmp_path / "eval" / "reports"
    reports.mkdir(parents=True)
    (reports / "gold-metrics.json").write_text(json.dumps(_metrics()), "utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(f"# qa\n\n{BEGIN}\nstale\n{END}\n\nmore\n", "utf-8")
    assert cli_main(["results", "--readme", str(readme), "--reports", str(reports)]) == 0
    text = readme.read_text("utf-8")
    assert "stale" not in text and "| answer contains a gold answer, or its short answer matches one (answerable questions) | not run | 84.2% |" in text
    assert "](eval/reports/gold-categories.png)" in text and text.endswith(f"{END}\n\nmore\n")
    assert "rewritten" in capsys.readouterr().out
    assert cli_main(["results", "--readme", str(readme), "--reports", str(reports)]) == 0
    assert "already up to date" in capsys.readouterr().out


def test_readme_is_in_step_with_the_committed_reports():
    """README.md's block is what `qa results` writes from eval/reports/: figures copied by hand
    (or reports regenerated without `make results`) fail here."""
    readme = (ROOT / "README.md").read_text("utf-8")
    reports = ROOT / "eval" / "reports"
    gold = json.loads((reports / "gold-metrics.json").read_text("utf-8"))
    squad = json.loads((reports / "squad-v1.1-dev-half-a-metrics.json").read_text("utf-8"))
    block = results_block(gold, squad, "eval/reports")
    assert block in readme, "README.md's Results block is stale: run `make results` (or `.venv/bin/qa results`)"
