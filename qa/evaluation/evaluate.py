"""``qa eval PATH``: measure retrieval, answers, citations, abstention, conflicts and latency.

Four input formats, told apart by content (:func:`detect_format`):

* **gold** JSONL (``eval/gold.jsonl``): questions over the seed articles (corpus: seeds/).
* **squad** v1.1 or v2.0 JSON: open-domain, every article one document of one corpus written under
  ``index/bench/squad-corpus`` and indexed in ``index/bench/squad`` (shared with ``qa.training.calibrate``);
  v2.0 under ``squad2-corpus`` and ``squad2``, its ``is_impossible`` questions unanswerable.
  ``--articles odd`` scores only some articles' questions (each still asked against all).
* **ramdocs** JSONL: one small corpus per question under ``index/bench/ramdocs/<qid>/``. A conflict
  is expected when a misinformation and a correct document give different answers; questions with
  misinformation but no correct document are left out of the conflict figures (as in
  ``qa.bench.conflicts``).
* **wikicontradict** JSONL: contradicting passage pairs and agreeing controls (``.wikicontradict``).

The run loop takes an ``ask`` callable (tests pass a fake); per-question scoring
(:func:`score_question`) and aggregation (:func:`aggregate`, :func:`check_bar`) are pure functions.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from .datasets import NAMESAKE_CATEGORY, Dataset, Item, detect_format, disk_text_of, load_dataset, load_gold, load_ramdocs, load_squad_items, ramdocs_label  # noqa: F401 (re-exported)
from .metrics import (
    abstention_metrics,
    contains_answer,
    exact_match,
    f1,
    median,
    mrr,
    percentile,
    precision_recall_f1,
    recall_at_k,
)
from ..results import Answer
from .dialogues import follow_up_metrics, names_subject

__all__ = ["Item", "Dataset", "detect_format", "load_dataset", "score_question", "aggregate", "check_bar", "run", "main"]

K = 10  # citations asked for: retrieval is scored on their ranked distinct documents
RECALL_KS = (1, 5, 10)
_UNSET = object()
# The quality bar of the gold set (--min-bar): (metric path, comparison, value, label)
BAR = (
    ("answers.contains_answer", ">=", 0.95, "answer contains a gold answer >= 95% of answerable questions"),
    ("abstention.precision", ">=", 0.90, "abstention precision >= 90%"),
    ("abstention.recall", ">=", 0.90, "abstention recall >= 90%"),
    ("citations.validity", ">=", 1.0, "citation validity 100%"),
    ("conflicts.recall", ">=", 0.90, "conflict recall >= 90%"),
    ("conflicts.false_alarm_rate", "<=", 0.05, "conflict false alarms <= 5%"),
)


def _ranked_docs(a: Answer) -> list[str]:
    return list(dict.fromkeys(c.doc_id for c in a.citations))


def score_question(item: Item, a: Answer, latency: float | None = None,
                   text_of: Callable[[str], str | None] | None = None,
                   paragraph_of: Callable[[str, int, int], int] | None = None) -> dict:
    """Everything measured about one answer, as a flat JSON-ready record."""
    ranked = _ranked_docs(a)
    rec: dict = {
        "id": item.qid, "question": item.question, "category": item.category, "group": item.group,
        "answerable": item.answerable, "expected": list(item.answers), "gold_docs": list(item.doc_ids),
        "answer": a.answer, "short_answer": a.short_answer, "abstained": a.abstained,
        "reason": a.reason, "score": a.score, "latency": latency, "ranked_docs": ranked[:K],
    }
    for k in RECALL_KS:
        rec[f"recall@{k}"] = recall_at_k(ranked, item.doc_ids, k) if item.doc_ids else None
    rec["mrr"] = mrr(ranked, item.doc_ids) if item.doc_ids else None
    if paragraph_of is not None and item.paragraph:
        paras = [f"{c.doc_id}#{paragraph_of(c.doc_id, c.start, c.end)}" for c in a.citations]
        for k in RECALL_KS:
            rec[f"para_recall@{k}"] = recall_at_k(paras, [item.paragraph], k)
        rec["para_mrr"] = mrr(paras, [item.paragraph])
    answered = not a.abstained and bool(a.answer)
    if item.answerable:
        short = a.short_answer or a.answer if answered else None
        rec["em"] = exact_match(short, item.answers) if answered else 0.0
        # contains_answer reads possessives itself; other punctuation that SQuAD normalisation
        # removes (hyphens joining words) still hides a gold answer the short answer matches
        # exactly, so that counts as containing it too.
        rec["contains"] = answered and (contains_answer(a.answer, item.answers) or rec["em"] == 1.0)
        rec["f1"] = f1(short, item.answers) if answered else 0.0
        if answered and a.citations:
            top = a.citations[0]
            rec["cite_doc_ok"] = top.doc_id in item.doc_ids if item.doc_ids else None
            rec["cite_supports"] = contains_answer(top.text, item.answers)
    # Citation validity: every citation (and every conflict statement) is a raw slice of its document.
    cites = list(a.citations) + [s for c in a.conflicts for s in c.statements]
    valid = invalid = 0
    for c in cites:
        text = text_of(c.doc_id) if text_of else None
        if text is not None and text[c.start:c.end] == c.text:
            valid += 1
        else:
            invalid += 1
    rec["citations_valid"], rec["citations_invalid"] = valid, invalid
    rec["answer_in_citation"] = (a.answer in a.citations[0].text) if answered and a.citations else None
    # Every entry of a.conflicts is shown as a disagreement, so every entry counts. Notes (sources
    # about different entities sharing a name) are shown apart and scored apart: right only on a
    # question whose documents do describe namesakes (RAMDocs' "ambiguity" category).
    flagged_docs = {s.doc_id for c in a.conflicts for s in c.statements}
    rec["conflict_expected"] = item.conflict
    rec["conflict_flagged"] = bool(a.conflicts)
    rec["conflict_kinds"] = sorted({c.kind for c in a.conflicts})
    rec["conflict_summaries"] = [c.summary for c in a.conflicts][:3]
    rec["notes"] = [n.summary for n in a.notes][:3]
    rec["note_expected"] = item.category == NAMESAKE_CATEGORY
    rec["note_namesakes"] = rec["note_expected"] or item.namesakes  # a note there is true, if not all
    if item.conflict and item.conflict_doc_ids:
        rec["conflict_doc_recall"] = len(flagged_docs & set(item.conflict_doc_ids)) / len(set(item.conflict_doc_ids))
    rec["why"] = _why(item, rec)
    return rec


def _why(item: Item, rec: dict) -> list[str]:
    """Causes of a miss: retrieval miss, wrong sentence, wrong abstention, answered unanswerable,
    missed conflict, false conflict, invalid citation."""
    why = []
    retrieved = rec.get("recall@10")
    if item.answerable and not rec["contains"]:
        if rec["abstained"]:
            why.append("wrong abstention" + (" (gold doc not retrieved)" if retrieved == 0 else ""))
        elif retrieved == 0:
            why.append("retrieval miss")
        else:
            why.append("wrong sentence")
    if not item.answerable and not rec["abstained"]:
        why.append("answered unanswerable")
    if item.conflict is True and not rec["conflict_flagged"]:
        why.append("missed conflict")
    if item.conflict is False and rec["conflict_flagged"]:
        why.append("false conflict")
    if rec["notes"] and not rec["note_namesakes"]:
        why.append("wrong note")
    if rec["citations_invalid"]:
        why.append("invalid citation")
    return why


def _mean(values: Iterable) -> float | None:
    vals = [float(v) for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def _correct(rec: dict) -> bool:
    return bool(rec["contains"]) if rec["answerable"] else bool(rec["abstained"])


def aggregate(records: list[dict]) -> dict:
    """All figures from the per-question records (pure)."""
    ans = [r for r in records if r["answerable"]]
    m: dict = {"questions": len(records), "answerable": len(ans), "unanswerable": len(records) - len(ans)}
    ret = {f"recall@{k}": _mean(r.get(f"recall@{k}") for r in records) for k in RECALL_KS}
    ret["mrr"] = _mean(r.get("mrr") for r in records)
    if any("para_mrr" in r for r in records):
        ret.update({f"para_recall@{k}": _mean(r.get(f"para_recall@{k}") for r in records) for k in RECALL_KS})
        ret["para_mrr"] = _mean(r.get("para_mrr") for r in records)
    m["retrieval"] = ret
    answered = [r for r in ans if not r["abstained"]]
    m["answers"] = {
        "contains_answer": _mean(r["contains"] for r in ans),
        "contains_answer_when_answered": _mean(r["contains"] for r in answered),
        "exact_match": _mean(r["em"] for r in ans),
        "f1": _mean(r["f1"] for r in ans),
        # a longer quote holds the answer more often: "contains" is read next to this
        "answer_chars_median": median(len(r["answer"]) for r in answered if r.get("answer")),
    }
    n_valid = sum(r["citations_valid"] for r in records)
    n_all = n_valid + sum(r["citations_invalid"] for r in records)
    m["citations"] = {
        "validity": n_valid / n_all if n_all else None,
        "checked": n_all,
        "invalid": n_all - n_valid,
        "precision": _mean(r.get("cite_doc_ok") for r in answered),
        "supports_answer": _mean(r.get("cite_supports") for r in answered),
        "answer_in_first_citation": _mean(r["answer_in_citation"] for r in records),
    }
    ab = abstention_metrics([r["abstained"] for r in records], [r["answerable"] for r in records])
    if not ab["unanswerable"]:  # nothing to abstain on: precision and recall are undefined
        ab.update(precision=None, recall=None, f1=None)
    m["abstention"] = ab
    m["conflicts"] = conflict_metrics(records)
    lat = [r["latency"] for r in records if r["latency"] is not None]
    m["latency"] = {"median_s": median(lat), "p95_s": percentile(lat, 95), "max_s": max(lat) if lat else None, "n": len(lat)}
    cats: dict[str, list[bool]] = {}
    for r in records:
        cats.setdefault(r["category"] or "all", []).append(_correct(r))
    m["by_category"] = {c: {"n": len(v), "accuracy": sum(v) / len(v)} for c, v in sorted(cats.items())}
    groups: dict[str, list[bool]] = {}
    for r in records:
        if r.get("group"):
            groups.setdefault(r["group"], []).append(_correct(r))
    follow = follow_up_metrics(records, _correct)
    if follow:
        m["follow_ups"] = follow
    if groups:  # one fact asked several ways: right only when every wording is
        m["paraphrase_groups"] = {"n": len(groups), "all_right": sum(all(v) for v in groups.values()),
                                  "share_all_right": sum(all(v) for v in groups.values()) / len(groups)}
    m["misses"] = {}
    for r in records:
        for w in r["why"]:
            key = w.split(" (")[0]
            m["misses"][key] = m["misses"].get(key, 0) + 1
    return m


def conflict_metrics(records: list[dict]) -> dict:
    known = [r for r in records if r["conflict_expected"] is not None]
    tp = sum(1 for r in known if r["conflict_expected"] and r["conflict_flagged"])
    fp = sum(1 for r in known if not r["conflict_expected"] and r["conflict_flagged"])
    fn = sum(1 for r in known if r["conflict_expected"] and not r["conflict_flagged"])
    negatives = sum(1 for r in known if not r["conflict_expected"])
    if not known:
        # No conflict labels (SQuAD): notes are still shown to the user, so still counted.
        return {"questions": 0, "precision": None, "recall": None, "f1": None, "false_alarm_rate": None,
                "notes": note_metrics(records)}
    prf = precision_recall_f1(tp, fp, fn)
    kinds: dict[str, dict] = {}
    for r in known:
        for kind in r["conflict_kinds"]:
            d = kinds.setdefault(kind, {"flagged": 0, "true": 0})
            d["flagged"] += 1
            d["true"] += bool(r["conflict_expected"])
    for d in kinds.values():
        d["precision"] = d["true"] / d["flagged"]
    return {
        "questions": len(known), "positives": tp + fn, "negatives": negatives,
        "tp": tp, "fp": fp, "fn": fn,
        "precision": prf.precision if tp + fp else None, "recall": prf.recall if tp + fn else None, "f1": prf.f1,
        "false_alarm_rate": fp / negatives if negatives else None,
        "doc_recall": _mean(r.get("conflict_doc_recall") for r in known if r["conflict_expected"]),
        "by_kind": kinds,
        "notes": note_metrics(records),
    }


def note_metrics(records: list[dict]) -> dict:
    """Namesake notes: on how many questions one was shown, and how many of those were right: on
    the questions whose documents describe namesakes and nothing false ("right", the category the
    note is for), and on those whose documents describe namesakes whatever else they hold
    ("true": also beside a misinformation document, where a conflict is expected as well)."""
    shown = [r for r in records if r.get("notes")]
    right = sum(1 for r in shown if r["note_expected"])
    true = sum(1 for r in shown if r.get("note_namesakes", r["note_expected"]))
    expected = sum(1 for r in records if r.get("note_expected"))
    return {"shown": len(shown), "right": right, "expected": expected, "true": true,
            "precision": right / len(shown) if shown else None,
            "true_precision": true / len(shown) if shown else None,
            "recall": right / expected if expected else None}


def _get(metrics: dict, path: str):
    for part in path.split("."):
        metrics = metrics.get(part) if isinstance(metrics, dict) else None
    return metrics


def check_bar(metrics: dict) -> list[str]:
    """The bars that fail (empty list: passed). A figure that is undefined for this data set (no
    unanswerable questions, no conflict labels) is not held against it."""
    failed = []
    for path, op, bound, label in BAR:
        v = _get(metrics, path)
        if v is None:
            continue
        if (op == ">=" and v < bound - 1e-12) or (op == "<=" and v > bound + 1e-12):
            failed.append(f"{label}: measured {v:.1%}")
    return failed


# --------------------------------------------------------------------------- running
def run(dataset: Dataset, ask: Callable[..., Answer], *, k: int = K, progress: bool = True,
        text_of: Callable[[str | None, str], str | None] | None = None,
        on_corpus_change: Callable[[], None] | None = None) -> list[dict]:
    """Ask every question (one untimed warm-up ask whenever the corpus changes) and score it."""
    from tqdm import tqdm

    records: list[dict] = []
    current: object = _UNSET
    conversations: dict[str, list[Answer]] = {}  # a dialogue's answers so far, oldest first
    for item in tqdm(dataset.items, desc=f"eval {dataset.name}", unit="q", disable=not progress, file=sys.stderr):
        if item.corpus != current:
            if on_corpus_change is not None and current is not _UNSET:
                on_corpus_change()
            current = item.corpus
            ask(item.question, k=k, corpus=item.corpus, index_dir=item.index_dir)  # warm-up (and build)
        history = conversations.setdefault(item.dialogue, []) if item.dialogue and item.turn > 1 else None
        extra = {"history": list(history)} if history else {}
        t0 = time.perf_counter()
        a = ask(item.question, k=k, corpus=item.corpus, index_dir=item.index_dir, **extra)
        latency = time.perf_counter() - t0
        if item.dialogue:
            conversations[item.dialogue] = [*(history or []), a]

        def lookup(doc_id: str, corpus=item.corpus) -> str | None:
            return text_of(corpus, doc_id) if text_of else None

        rec = score_question(item, a, latency, lookup, dataset.paragraph_of)
        if history is not None and item.standalone:
            # The ceiling: the same turn rewritten to need no context, asked alone.
            alone = ask(item.standalone, k=k, corpus=item.corpus, index_dir=item.index_dir)
            rec["standalone_contains"] = bool(alone.answer) and contains_answer(alone.answer, item.answers)
            rec["read_as"] = a.read_as
            rec["read_as_names_subject"] = names_subject(item, a)
        records.append(rec)
    return records


CASES = {"lower": str.lower, "upper": str.upper}  # how users type when they do not use the shift key


def evaluate(path: str | Path, *, limit: int | None = None, ask: Callable[..., Answer] | None = None,
             progress: bool = True, case: str | None = None, articles: str | None = None) -> tuple[Dataset, list[dict], dict]:
    """Ask every question of the dataset; ``case`` ("lower" or "upper") retypes the questions
    first, to measure how much the answers depend on the user's casing; ``articles`` (SQuAD)
    scores only those articles' questions (:func:`qa.evaluation.datasets.select_articles`)."""
    dataset = load_dataset(path, limit, articles)
    if case is not None:
        dataset.items = [replace(it, question=CASES[case](it.question)) for it in dataset.items]
    on_change = None
    if ask is None:
        from .. import api

        ask = api.ask
        if dataset.kind in ("ramdocs", "wikicontradict"):
            on_change = api.clear_cache  # one small index per question: keep only the current one
    records = run(dataset, ask, progress=progress, text_of=disk_text_of(dataset), on_corpus_change=on_change)
    metrics = aggregate(records)
    if dataset.extra_metrics is not None:  # figures of the data set's own (WikiContradict's halves)
        metrics.update(dataset.extra_metrics(records))
    metrics = {"data": str(path), "format": dataset.kind, "k": K, **({"case": case} if case else {}),
               **({"articles": articles} if articles else {}), **metrics}
    return dataset, records, metrics


def main(args) -> int:
    """Entry point of ``qa eval`` (args: path, json, limit, report, min_bar, case)."""
    case = getattr(args, "case", None)
    articles = getattr(args, "articles", None)
    _, records, metrics = evaluate(args.path, limit=getattr(args, "limit", None), case=case,
                                   **({"articles": articles} if articles else {}))
    name = Path(args.path).stem + (f"-{case}" if case else "") + (f"-{articles.replace(',', '_')}" if articles else "")
    failed = []
    if metrics.get("format") == "gold":  # the bar is the gold set's; SQuAD and RAMDocs have targets of their own
        failed = check_bar(metrics)
        metrics["bar"] = {"passed": not failed, "failed": failed}
    if getattr(args, "report", None):
        from .report import write_report

        for p in write_report(Path(args.report), name, metrics, records):
            print(f"wrote {p}", file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps(metrics, ensure_ascii=False))
    else:
        from .report import summary_lines

        print("\n".join(summary_lines(metrics)))
    if getattr(args, "min_bar", False) and failed:
        for f in failed:
            print(f"quality bar failed: {f}", file=sys.stderr)
        return 1
    return 0


def add_eval_arguments(ap: argparse.ArgumentParser) -> None:
    """The arguments of ``qa eval``, shared with ``python -m qa.evaluation.evaluate`` (qa.cli imports it: the CLI sits above evaluation)."""
    ap.add_argument("path")
    ap.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    ap.add_argument("--limit", type=int, help="evaluate only the first N questions")
    ap.add_argument("--report", help="write JSON, Markdown and plots to this folder")
    ap.add_argument("--min-bar", action="store_true", help="exit 1 when the gold-set quality bar fails")
    ap.add_argument("--case", choices=("lower", "upper"),
                    help="ask every question in small letters (or capitals), as users often type them")
    ap.add_argument("--articles", help="SQuAD: score only these articles' questions (asked against all): "
                    "'odd' or 'even' (positions in the file, from 0; 'odd' is held out from the answerability fit), "
                    "or positions and title words, comma-separated")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m qa.evaluation.evaluate", description=__doc__.splitlines()[0])
    add_eval_arguments(ap)
    return ap


if __name__ == "__main__":
    sys.exit(main(build_parser().parse_args()))
