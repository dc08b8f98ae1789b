"""The Results block of README.md, written from the JSON reports of ``qa eval``.

Hand-copied figures drift from what the code measures; this block is only ever written by
``qa results`` (``make results`` runs the evaluations first), between two marker lines, so the
README shows what the last evaluation measured and nothing else in the README is touched.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import QAError
from .evaluate import BAR
from .report import _ms, _pct

__all__ = ["BEGIN", "END", "ResultsError", "results_block", "replace_block", "update_readme"]

BEGIN = "<!-- results:begin (written by `make results` from eval/reports/*.json; edits here are overwritten) -->"
END = "<!-- results:end -->"
# The figures alone (qa eval --report writes them beside the full reports; these are committed).
GOLD_REPORT = "gold-metrics.json"
SQUAD_REPORT = "squad-v1.1-dev-half-a-metrics.json"


class ResultsError(QAError):
    """The README or the reports are not in a state the Results block can be written from."""


_ROWS = (
    "answer contains a gold answer, or its short answer matches one (answerable questions)",
    "short answer exact match / F1",
    "citation validity (`raw[start:end] == text`)",
    "first citation from a supporting document",
    "wrong abstentions (answerable questions)",
    "abstention precision / recall (unanswerable questions)",
    "conflicts: recall / false alarms (every entry shown counts)",
    "namesake notes shown / right",
    "`ask()` latency median / p95 (warm, in `qa eval`)",
)


def _column(m: dict | None) -> list[str]:
    """One column of the Answers table: the figures of one report's metrics (None: not run)."""
    if m is None:
        return ["not run"] * len(_ROWS)
    a, c, ab, cf, lat = m["answers"], m["citations"], m["abstention"], m.get("conflicts") or {}, m["latency"]
    has_unanswerable = bool(ab.get("unanswerable"))
    return [
        _pct(a["contains_answer"]),
        f"{_pct(a['exact_match'])} / {_pct(a['f1'])}",
        f"{_pct(c['validity'], 0 if c['validity'] == 1 else 1)} of {c['checked']:,}",
        _pct(c["precision"]),
        f"{_pct(ab['wrong_abstention_rate'])} ({ab['wrong_abstentions']:,})",
        f"{_pct(ab['precision'])} / {_pct(ab['recall'])}" if has_unanswerable else "n/a",
        (f"{_pct(cf['recall'], 0)} ({cf['tp']}/{cf['positives']}) / {_pct(cf['false_alarm_rate'])} "
         f"({cf['fp']}/{cf['negatives']})") if cf.get("questions") and cf.get("positives") else "n/a",
        f"{cf['notes']['shown']} / {cf['notes']['right']}" if cf.get("notes") else "n/a",
        f"{_ms(lat['median_s'])} / {_ms(lat['p95_s'])}",
    ]


def results_block(gold: dict, squad: dict | None = None, reports: str = "eval/reports") -> str:
    """The Markdown between the markers: the Answers table (SQuAD half and gold set), the gold
    set's quality bar with what fails, accuracy by category and the category plot."""
    squad_head = f"SQuAD half, open-domain ({squad['questions']:,} q.)" if squad else "SQuAD half, open-domain"
    lines = [BEGIN, "", f"| | {squad_head} | gold set `{gold.get('data', 'eval/gold.jsonl')}` ({gold['questions']} q.) |",
             "|---|---|---|"]
    lines += [f"| {label} | {s} | {g} |" for label, s, g in zip(_ROWS, _column(squad), _column(gold))]
    bar = gold.get("bar")
    failed = (bar or {}).get("failed", [])
    met = [label for *_, label in BAR if not any(f.startswith(label) for f in failed)]
    if bar is None:
        verdict = "**Gold-set quality bar: not checked** (the report has no bar: is it a gold-format run?)."
    elif bar.get("passed"):
        verdict = "**Gold-set quality bar: met**: " + "; ".join(met) + "."
    else:
        verdict = ("**Gold-set quality bar: not met.** Missed: " + "; ".join(failed) + ". Met: " + "; ".join(met) + ".")
    lines += ["", verdict]
    cats = gold.get("by_category") or {}
    if cats:
        # One line, not a table: the README stays short and the plot below shows the same.
        lines += ["", "Right by gold-set category (questions): " + ", ".join(
            f"{name} {_pct(d['accuracy'])} ({d['n']})" for name, d in sorted(cats.items())) + "."]
    lines += ["", f"![Accuracy by question category on the gold set]({reports}/gold-categories.png)", "", END]
    return "\n".join(lines)


def replace_block(readme: str, block: str) -> str:
    """``readme`` with the text from the BEGIN line to the END line replaced by ``block``."""
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < 0 or end < start:
        raise ResultsError(
            "README.md has no Results block to rewrite: put the line\n"
            f"{BEGIN}\nand, below it, the line\n{END}\nwhere the results table belongs, then run `make results` again."
        )
    return readme[:start] + block + readme[end + len(END):]


def _metrics(path: Path) -> dict:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as e:
        raise ResultsError(f"Cannot read the evaluation report {path} ({e}). Run `make eval` to write it.") from e


def update_readme(readme: Path, reports: Path) -> bool:
    """Rewrite the Results block of ``readme`` from the gold set's figures in ``reports`` (required)
    and the SQuAD half's (shown as "not run" when absent). True when the file changed."""
    gold = _metrics(reports / GOLD_REPORT)
    squad = _metrics(reports / SQUAD_REPORT) if (reports / SQUAD_REPORT).exists() else None
    try:
        rel = reports.resolve().relative_to(readme.resolve().parent).as_posix()
    except ValueError:
        rel = reports.as_posix()
    old = readme.read_text("utf-8")
    new = replace_block(old, results_block(gold, squad, rel))
    if new != old:
        readme.write_text(new, "utf-8")
    return new != old
