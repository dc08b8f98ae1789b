"""What the benchmarks share: percentiles and millisecond summaries (one definition of p95 for
all of them), the load average recorded beside every timing, and the question sets they time."""
from __future__ import annotations

import json
import os
import statistics
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from ..config import index_root, project_root

__all__ = ["percentile", "gold_questions", "squad_questions", "SCALE_WORK"]

# Scratch folder of the scale and embedding benchmarks (cached vectors, ONNX exports).
SCALE_WORK = index_root() / "bench" / "scale"


def percentile(xs: Iterable[float], q: float) -> float | None:
    """The ``q`` quantile (0..1) of ``xs`` by nearest rank, None when there is none: the one
    definition of every benchmark's p95 (p90, p99), so that their figures compare."""
    xs = sorted(xs)
    if not xs:
        return None
    return xs[min(len(xs) - 1, max(0, round(q * (len(xs) - 1))))]


def _ms(xs: Iterable[float], digits: int = 2) -> dict:
    """Count, median and p95 of durations in seconds, in milliseconds."""
    xs = list(xs)
    if not xs:
        return {"n": 0}
    return {"n": len(xs), "median_ms": round(1000 * statistics.median(xs), digits),
            "p95_ms": round(1000 * percentile(xs, 0.95), digits)}


def profile_asks(pipe, questions: list[str], top: int = 35, label: str = "asks") -> None:
    """cProfile of ``pipe.ask`` over ``questions`` (each asked once), printed by cumulative and
    by own time; totals are divided by the count to read them per question."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for q in questions:
        pipe.ask(q)
    prof.disable()
    print(f"{len(questions)} {label}; times below are totals, divide by {len(questions)} per question")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(top)
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def gold_questions() -> list[str]:
    path = project_root() / "eval" / "gold.jsonl"
    return [json.loads(line)["question"] for line in path.read_text("utf-8").splitlines() if line.strip()]


def squad_questions(path: Path, n: int, seed: int = 0):
    from ..evaluation.squad import load_squad

    sq = load_squad(path)
    pick = np.random.default_rng(seed).choice(len(sq.questions), min(n, len(sq.questions)), replace=False)
    return sq, [sq.questions[i] for i in sorted(pick)]
