"""How many answered questions each quote-level near-miss rule of ``qa.reading.versions``, ``qa.reading.opposites``,
``qa.reading.other_names`` (a name one word away: "name"; another name or label in the asked one's place: "slot"),
``qa.reading.aligned`` (numbers beside another word, counts swapped, a figure beside another word: "value") and the purpose check of ``qa.reading.asked_kind`` would turn away,
counted on the per-question reports of ``qa eval --report`` (answerable and unanswerable apart; for answerable ones, how many of them were quoted right). This is how the
thirty-third round counted its rules on the answers the code gave before them (qa/reading/README.md):

    git worktree add /tmp/base 2e5794a && cd /tmp/base && cp -r /work/main/index/. index/
    PYTHONPATH=. /work/main/.venv/bin/python -m qa.cli eval ../shared/benchmarks/squad-v2.0-dev-half-a.json --articles odd --report /tmp/r/odd
    (the same with --articles even, and squad-v1.1-dev-half-a.json)
    .venv/bin/python -m qa.bench.near_miss_rules /tmp/r/odd/*-odd.json /tmp/r/even/*-even.json /tmp/r/sq1/squad-v1.1-dev-half-a.json

The thirty-fourth round's name rule (``other_name``) also reads the article the quote comes from,
which a report does not name: ``--articles`` gives the benchmark files to find it in (SQuAD JSON,
RAMDocs JSONL; the article holding the quote's opening), and without them it is not counted. The
thirty-fifth round's purpose rule (``no_use``) reads the quote's parse, as the reader does.

Each rule reads the question and the quote shown; the reader also reads the text just before the
quote (``other_ordinal``'s and ``other_month``'s ``near``), which a report does not keep, so the
ordinal and month counts here may name a few more questions than the reader turns away. Yes/no questions are skipped, as the reader
skips them.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..reading.aligned import other_number_beside, swapped_count, swapped_value
from ..reading.asked_kind import holds_asked_kind
from ..reading.other_names import other_holder, other_name, swapped_name
from ..reading.purposes import asks_purpose
from ..reading.readerfeatures import YES_NO
from ..reading.opposites import opposite_word
from ..reading.restated import only_asked_date
from ..reading.versions import denied_only, other_month, other_ordinal


def no_use(question: str, quote: str) -> bool | None:
    """The thirty-fifth round's purpose rule: asked what a thing is for, a quote saying nothing of its
    use (the reader reads the quote's parse, as here: spaCy is loaded for purpose questions only)."""
    if not asks_purpose(question):
        return None
    from ..reading.shortanswer import parse_many
    from ..reading.spanfeatures import _View

    return True if not holds_asked_kind("purpose", question, [_View(parse_many([quote])[0])]) else None


RULES = {"opposite": lambda q, quote, _: opposite_word(q, quote), "not": lambda q, quote, _: denied_only(q, quote),
         "ordinal": lambda q, quote, _: other_ordinal(q, quote, quote), "month": lambda q, quote, _: other_month(q, quote, quote),
         "name": lambda q, quote, article: None if article is None else other_name(q, quote, article),
         "purpose": lambda q, quote, _: no_use(q, quote), "beside": lambda q, quote, _: other_number_beside(q, quote),
         "swap": lambda q, quote, _: swapped_count(q, quote), "value": lambda q, quote, _: swapped_value(q, quote),
         "slot": lambda q, quote, _: swapped_name(q, quote), "date": lambda q, quote, _: only_asked_date(q, quote),
         "holder": lambda q, quote, article: None if article is None else other_holder(q, quote, article)}
_OPENING = 50  # characters of a quote that find its article


def articles_of(paths: list[str]) -> list[str]:
    """The article texts of benchmark files: a SQuAD JSON's articles (paragraphs joined), a RAMDocs
    or other JSONL file's ``documents`` texts."""
    out = []
    for path in paths:
        text = Path(path).read_text("utf-8")
        if path.endswith(".jsonl"):
            out += [d.get("text", "") for line in text.splitlines() if line.strip() for d in json.loads(line).get("documents", [])]
        else:
            out += ["\n".join(p["context"] for p in a["paragraphs"]) for a in json.loads(text)["data"]]
    return out


def counts(records: list[dict], articles: list[str] | None = None) -> dict[str, dict[str, int]]:
    """rule -> {"unanswerable", "answerable", "answerable_right"}: answered questions it turns away.
    ``articles``: texts to find each quote's article in (None: the name rule counts nothing)."""
    out = {name: {"unanswerable": 0, "answerable": 0, "answerable_right": 0} for name in RULES}
    for r in records:
        if r.get("abstained") or not r.get("answer") or YES_NO.match(r["question"]):
            continue
        article = None if articles is None else next((t for t in articles if r["answer"][:_OPENING] in t), None)
        for name, rule in RULES.items():
            if rule(r["question"], r["answer"], article) is not None:
                c = out[name]
                if r.get("answerable", True):
                    c["answerable"] += 1
                    c["answerable_right"] += bool(r.get("contains"))
                else:
                    c["unanswerable"] += 1
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reports", nargs="+", help="per-question JSON reports written by qa eval --report")
    ap.add_argument("--articles", nargs="+", help="benchmark files holding the quotes' articles (for the name rule)")
    args = ap.parse_args(argv)
    articles = articles_of(args.articles) if args.articles else None
    for path in args.reports:
        records = json.loads(Path(path).read_text("utf-8"))["questions"]
        print(Path(path).name)
        for name, c in counts(records, articles).items():
            print(f"  {name:9s} unanswerable {c['unanswerable']:4d}   answerable {c['answerable']:4d}"
                  f" ({c['answerable_right']} quoted right)")


if __name__ == "__main__":
    main()
