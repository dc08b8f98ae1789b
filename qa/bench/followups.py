"""What each follow-up rule buys: the dialogues of a question file (default
../shared/benchmarks/seed_questions_b.jsonl), each follow-up asked as typed without history, with
history, and its standalone rewrite alone, grouped by the rule that read it.

    .venv/bin/python -m qa.bench.followups [PATH]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..config import project_root
from ..reading import followup as F

DEFAULT = project_root().parent / "shared" / "benchmarks" / "seed_questions_b.jsonl"


def rule_of(question: str, history) -> str:
    """Which rule of qa.reading.followup reads ``question`` (the order read_follow_up tries them)."""
    words = F._words(question)
    if F._ABOUT_LAST.search(question):
        return "about the last answer"
    if F._ABOUT.match(question) or F._AND_NAME.match(question):
        return "what about X"
    if F._is_ellipsis(words):
        return "bare question phrase"
    if F._is_fragment(words):
        return "fragment"
    if F._anaphors(question):
        return "pronoun"
    return "stands on its own"


def main(argv=None) -> int:
    from .. import api
    from ..evaluation.metrics import contains_answer

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    args = ap.parse_args(argv)
    rows = [json.loads(x) for x in Path(args.path).read_text("utf-8").splitlines() if '"dialogue"' in x]
    table: dict[str, list[int]] = {}
    history: list = []
    for r in rows:
        if int(r["turn"]) == 1:
            history = []
        a = api.ask(r["question"], history=history)
        if int(r["turn"]) > 1:
            right = lambda x: bool(x.answer) and contains_answer(x.answer, r["answers"])  # noqa: E731
            row = table.setdefault(rule_of(r["question"], history), [0, 0, 0, 0])
            row[0] += 1
            row[1] += right(api.ask(r["question"]))
            row[2] += right(a)
            row[3] += right(api.ask(r["standalone"]))
        history.append(a)
    print(f"{'rule':24} {'turns':>5} {'as typed':>9} {'history':>8} {'standalone':>10}")
    total = [0, 0, 0, 0]
    for name, row in sorted(table.items()):
        print(f"{name:24} {row[0]:5d} {row[1]:9d} {row[2]:8d} {row[3]:10d}")
        total = [t + x for t, x in zip(total, row)]
    print(f"{'all':24} {total[0]:5d} {total[1]:9d} {total[2]:8d} {total[3]:10d}  (answer contains a gold answer)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
