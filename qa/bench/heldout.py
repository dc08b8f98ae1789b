"""Held-out question sets (``eval/heldout-*.jsonl``): questions typed as users type them about the
181 news pages of ../shared/benchmarks/article-extraction/ and the five seeds, written by a helper
from the articles without running the system; answerable ones with their answers, near misses
the articles do not answer. Each round asks a new set before and after its changes; once its
answers are read, a set is no longer held out for the rules written from them (eval/README.md).

Prints, per set (news, seeds) and kind (answerable, near miss): how many are right (an answerable
question's quote or short answer holds a gold answer, a yes/no one is answered at all; a near miss
is abstained on), abstained on, and shown with an entry (a conflict or a namesake note: every
entry the user sees counts; the sets do not say where sources disagree, so each entry is read by
hand: on eval/heldout-30.jsonl's seeds, two true certainty conflicts).

    .venv/bin/python -m qa.bench.heldout eval/heldout-31.jsonl [--json OUT]

The news pages are unpacked once into index/bench/news/corpus (their index beside it).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from ..config import index_root, project_root

__all__ = ["right", "tally"]

NEWS_PAGES = project_root().parent / "shared" / "benchmarks" / "article-extraction" / "html"


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "").casefold())


def right(row: dict, answer: dict) -> bool:
    """Whether ``answer`` (abstained, answer, short) is right for question ``row`` (kind, answers)."""
    if row["kind"] != "answerable":
        return answer["abstained"]
    if answer["abstained"]:
        return False
    if row["answers"] in (["yes"], ["no"]):
        return True
    return any(_norm(a) in _norm(answer["answer"]) or _norm(a) in _norm(answer["short"])
               or _same_number(a, answer["answer"]) for a in row["answers"])


_SEPARATOR = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _same_number(expected: str, text: str | None) -> bool:
    """Whether ``text`` writes an expected answer holding a number without (or with) its thousands
    separators: "3248 cases" states "3,248"; "$2,500,000" does not state "250,000"."""
    if not any(c.isdigit() for c in expected):
        return False
    bare = re.escape(_SEPARATOR.sub("", _norm(expected)))
    return re.search(rf"(?<!\d){bare}(?!\d)", _SEPARATOR.sub("", _norm(text))) is not None


def tally(rows: list[dict], answers: dict[str, dict]) -> dict[str, dict[str, int]]:
    """Per "set/kind": questions, right, abstained, with an entry."""
    out: dict[str, Counter] = {}
    for row in rows:
        a = answers[row["id"]]
        t = out.setdefault(f"{row['set']}/{row['kind']}", Counter())
        t["questions"] += 1
        t["right"] += right(row, a)
        t["abstained"] += a["abstained"]
        t["entries"] += bool(a["conflicts"] or a["notes"])
    return {k: dict(v) for k, v in sorted(out.items())}


def _news_corpus() -> Path:
    corpus = index_root() / "bench" / "news" / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for page in sorted(NEWS_PAGES.glob("*.html.gz")):
        target = corpus / page.name[:-3]
        if not target.exists():
            target.write_bytes(gzip.decompress(page.read_bytes()))
    return corpus


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m qa.bench.heldout", description=__doc__.split("\n\n")[0])
    ap.add_argument("questions", type=Path)
    ap.add_argument("--json", type=Path, help="write each question's answer here")
    args = ap.parse_args(argv)
    from ..api import ask

    rows = [json.loads(line) for line in args.questions.read_text("utf-8").splitlines() if line.strip()]
    news = dict(corpus=str(_news_corpus()), index_dir=str(index_root() / "bench" / "news" / "index"))
    answers = {}
    for row in rows:
        a = ask(row["question"], **(news if row["set"] == "news" else {}))
        answers[row["id"]] = {"question": row["question"], "abstained": a.abstained, "reason": a.reason,
                              "answer": a.answer, "short": a.short_answer,
                              "conflicts": [c.summary for c in a.conflicts], "notes": [str(n) for n in a.notes]}
    for key, t in tally(rows, answers).items():
        print(f"{key:20} {t['right']:3} right of {t['questions']:3}   abstained {t['abstained']:3}   with an entry {t['entries']:3}")
    if args.json:
        args.json.write_text(json.dumps(answers, indent=1, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
