"""How long the cross-encoder takes per question, on torch and on the int8 ONNX export, and how
far their logits differ: ``python -m qa.bench.cross [--top 2 5] [--runs 3]``.

Pairs are what the reader gives it: for each gold question on the seeds, the ``top`` candidates
the scorer without the cross-encoder ranks best. Each question is scored once per run with the
cache cleared; the figure is the median over questions of the median over runs.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from .common import gold_questions
from ..reading.readerfeatures import prerank_order


def reader_pairs(top: int) -> list[tuple[str, list[str]]]:
    from ..api import get_pipeline

    p = get_pipeline()
    r = p.reader
    out = []
    for q in gold_questions():
        qvec = p.embedder.encode_query(q)
        hits = p.retriever.search(qvec, q, p.read_k)
        cands, feats = r.features(q, qvec, hits)
        texts = r.texts_of(cands, prerank_order(feats, r.config.prerank_weights(), top))
        out.append((q, texts))
    return out


def time_backend(runner, pairs, runs: int) -> tuple[float, list[np.ndarray]]:
    per_question, scores = [], []
    for q, texts in pairs:
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            s = runner.score(q, texts)
            times.append(time.perf_counter() - t)
        per_question.append(statistics.median(times))
        scores.append(s)
    return 1000 * statistics.median(per_question), scores


def main(argv=None) -> int:
    from ..reading.cross_onnx import load_onnx_cross
    from ..reading.crossreader import DEFAULT_DIR, TorchCross, load_manifest, merged_model
    from ..indexing.embedding import resolve_model

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--top", type=int, nargs="+", default=[2, 5])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    cfg = load_manifest(DEFAULT_DIR)
    parts = merged_model(cfg, DEFAULT_DIR)
    backends = {
        "torch": TorchCross(*parts, cfg.max_length),
        "onnx-int8": load_onnx_cross(DEFAULT_DIR, Path(resolve_model(cfg.base_model)), cfg.max_length, lambda: parts,
                                      reference=TorchCross),
    }
    result = {}
    for top in args.top:
        pairs = reader_pairs(top)
        for name, runner in backends.items():
            runner.score(*pairs[0])  # warm-up
        row, scores = {}, {}
        for name, runner in backends.items():
            row[f"{name}_median_ms"], scores[name] = time_backend(runner, pairs, args.runs)
        diffs = np.concatenate([np.abs(a - b) for a, b in zip(scores["torch"], scores["onnx-int8"])])
        same_top = np.mean([int(np.argmax(a)) == int(np.argmax(b)) for a, b in zip(scores["torch"], scores["onnx-int8"])])
        row.update({"questions": len(pairs), "logit_diff_median": round(float(np.median(diffs)), 3),
                    "logit_diff_max": round(float(diffs.max()), 3), "same_best_sentence": round(float(same_top), 3)})
        result[f"top{top}"] = {k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()}
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
