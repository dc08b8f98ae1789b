"""SQuAD files holding only the questions a reader rule can touch, every paragraph kept (so the
corpus ``qa eval`` builds from them is the whole half's): a rule limited to some questions is then
measured on all of those, before and after, in minutes instead of a full run.

    python -m qa.bench.question_subset OUT_DIR [--kind timed|excluding|money|maker|name|present]
    .venv/bin/qa eval OUT_DIR/timed-squad-v2.0-dev-half-a.json --report R

``timed``: questions whose answer type is a time (DATE, TIME, DURATION: "when", "what year",
"how long") or that write a figure glued to its unit ("2nm"), the questions the short-answer rules
of qa/reading/spanfeatures.py for times and glued figures apply to. ``excluding``: questions that
rule a thing out ("Besides the 2nm process, what ...?", qa/reading/asked_spans.py) or write a glued
figure, whose unit is a question word too. ``money``: questions asking for an amount of money
(qa/reading/asked_spans.py keeps the spans stating one). ``maker``: "who makes / who with / which
company makes" questions (qa/reading/asked_kind.py: makers and partners). ``name``: "what is X called / the name
of X's thing" questions (qa/reading/kind_fit.py). ``present``: questions saying "now",
"currently" ... (leaving those words out of a question's terms was measured on them and dropped).
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from ..config import project_root

BENCH = Path("../shared/benchmarks")
FILES = ("squad-v1.1-dev-half-a.json", "squad-v2.0-dev-half-a.json")


def _has_glued_figure(question: str) -> bool:
    """A figure written against its unit ("2nm"), as the short-answer rules read question words."""
    from ..reading.spanfeatures import _GLUED_FIGURE

    return any(_GLUED_FIGURE.fullmatch(w) for w in re.findall(r"\w+", question))


def is_timed(question: str) -> bool:
    from ..reading.answertype import question_focus

    return question_focus(question).type in ("DATE", "TIME", "DURATION") or _has_glued_figure(question)


def is_excluding(question: str) -> bool:
    from ..reading.asked_spans import excluded_phrase

    return bool(excluded_phrase(question)) or _has_glued_figure(question)


def is_money(question: str) -> bool:
    from ..reading.answertype import answer_type

    return answer_type(question) == "MONEY"


def is_maker(question: str) -> bool:
    from ..reading.asked_kind import asks_maker
    from ..reading.kind_fit import which_company_verb

    return asks_maker(question) or which_company_verb(question) is not None


def is_named(question: str) -> bool:
    from ..reading.asked_kind import asked_kind

    return asked_kind(question) == "name"


_NOW = re.compile(r"\b(?:right\s+now|now|currently|nowadays|these\s+days|at\s+present|at\s+the\s+moment)\b", re.I)


def is_present(question: str) -> bool:
    return bool(_NOW.search(question))


KINDS = {"timed": is_timed, "excluding": is_excluding, "money": is_money, "maker": is_maker, "name": is_named,
         "present": is_present}


def write_subset(src: Path, out: Path, keep=is_timed) -> tuple[int, int]:
    """Write ``src`` with only the questions ``keep`` accepts to ``out``; (kept, total)."""
    data = json.loads(src.read_text("utf-8"))
    kept = total = 0
    for article in data["data"]:
        for para in article["paragraphs"]:
            total += len(para["qas"])
            para["qas"] = [q for q in para["qas"] if keep(q["question"])]
            kept += len(para["qas"])
    out.write_text(json.dumps(data), "utf-8")
    return kept, total


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--kind", choices=tuple(KINDS), default="timed")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        kept, total = write_subset(project_root() / BENCH / name, args.out / f"{args.kind}-{name}", KINDS[args.kind])
        print(f"{args.kind}-{name}: {kept} of {total} questions")


if __name__ == "__main__":
    main()
