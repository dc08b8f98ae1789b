"""First-time against repeated ``ask()`` on the seeds: what a question costs when none of its
sentences was read before in this process, and what it costs the second time.

    python -m qa.bench.firstask [--runs 3] [--questions gold|seed_b] [--profile] [--json OUT]
    python -m qa.bench.firstask --index-cost 1000   # index-time cost of the stored analyses

Each run is a fresh child process (empty caches): after two warm-up questions that share no
sentence work with the rest is impossible on five articles, so the warm-up is the same in every
run; then every question is asked once ("first") and then again ("repeated"). Reported: median
and p95 per run, and the median of the runs (the machine is shared; the load average is kept).
``--profile`` runs cProfile over the first-time pass in this process and prints the top entries.
``--index-cost N`` times, on N sentences of the SQuAD half, what indexing spends per 1,000
sentences on the NER-only pass it ran before, on the reader's analyses (qa.reading.analysis,
which now also give the entity types) at two batch sizes, and on embedding them.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from ..config import project_root  # noqa: E402
from .common import _load, _ms, gold_questions  # noqa: E402

WARM_UP = ("warm up the model", "what happened next?")


def seed_b_questions() -> list[str]:
    path = project_root().parent / "shared" / "benchmarks" / "seed_questions_b.jsonl"
    out = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            for turn in row.get("turns", [row]):
                q = turn.get("standalone") or turn.get("question")
                if q:
                    out.append(q)
    return list(dict.fromkeys(out))


def questions(which: str) -> list[str]:
    return gold_questions() if which == "gold" else seed_b_questions()


def child(which: str) -> dict:
    from ..api import get_pipeline

    t = time.perf_counter()
    p = get_pipeline()
    load_s = time.perf_counter() - t
    for q in WARM_UP:
        p.ask(q)
    qs = questions(which)
    out: dict = {"load_s": round(load_s, 2)}
    for name in ("first", "repeated"):
        wall, cpu = [], []
        for q in qs:
            t0, c0 = time.perf_counter(), time.process_time()
            p.ask(q)
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        # CPU time of the process (all its threads, onnxruntime's too): less sensitive than wall
        # time to the other jobs on a shared machine.
        out[name] = {**_ms(wall), "cpu_median_ms": round(1000 * statistics.median(cpu), 2)}
    return out


def profile(which: str, top: int) -> None:
    from ..api import get_pipeline
    from .common import profile_asks

    p = get_pipeline()
    for q in WARM_UP:
        p.ask(q)
    profile_asks(p, questions(which), top, "first-time asks")


def index_cost(n: int) -> dict:
    from ..config import Settings, squad_half
    from ..evaluation.squad import load_squad
    from ..indexing.embedding import get_embedder
    from ..indexing.entities import sentence_types
    from ..ingest.chunking import document_sentences
    from ..ingest.corpus import Document
    from ..reading.analysis import SpacyAnalyser
    from ..reading.shortanswer import _nlp

    sq = load_squad(squad_half())
    contexts = [text[a:b] for d, text in sq.texts.items() for a, b in sq.paragraphs[d]]
    texts: list[str] = []
    for i, c in enumerate(contexts):
        doc = Document(doc_id=str(i), path="", raw=c, title="", date=None, outlet=None, content=((0, len(c)),),
                       fingerprint=str(i))
        texts += [c[a:b] for a, b, _ in document_sentences(doc)]
        if len(texts) >= n:
            break
    texts = texts[:n]
    _nlp(), sentence_types(texts[:10]), get_embedder(Settings().model).encode(texts[:10])  # models loaded
    out = {"sentences": len(texts), "load_avg": _load()}
    runs = {"ner_only_pass_before": lambda: sentence_types(texts),
            "analyses_batch_64": lambda: SpacyAnalyser(batch_size=64)(texts),
            "analyses_batch_256": lambda: SpacyAnalyser(batch_size=256)(texts),
            "embedding": lambda: get_embedder(Settings().model).encode(texts)}
    for name, fn in runs.items():
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        out[name] = {"wall_s_per_1000": round(1000 * wall / len(texts), 2), "cpu_s_per_1000": round(1000 * cpu / len(texts), 2)}
        print(name, out[name])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--questions", choices=("gold", "seed_b"), default="gold")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--json", default=None)
    ap.add_argument("--index-cost", type=int, default=0, metavar="N")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.questions)))
        return 0
    if args.profile:
        profile(args.questions, args.top)
        return 0
    if args.index_cost:
        res = index_cost(args.index_cost)
        if args.json:
            Path(args.json).write_text(json.dumps(res, indent=1) + "\n")
        return 0
    from ..api import build_index

    build_index(progress=False)
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-m", "qa.bench.firstask", "--child", "--questions", args.questions],
                             capture_output=True, text=True, cwd=project_root(), env=dict(os.environ), check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = runs[-1]
        print(f"run {len(runs)}: first median {r['first']['median_ms']} p95 {r['first']['p95_ms']} "
              f"(CPU {r['first']['cpu_median_ms']}) ms; repeated median {r['repeated']['median_ms']} "
              f"p95 {r['repeated']['p95_ms']} (CPU {r['repeated']['cpu_median_ms']}) ms; load {_load()}")
    summary = {k: {s: round(statistics.median(r[k][s] for r in runs), 2) for s in ("median_ms", "p95_ms", "cpu_median_ms")}
               for k in ("first", "repeated")}
    print(f"median of {len(runs)} runs ({len(questions(args.questions))} {args.questions} questions): "
          f"first {summary['first']}, repeated {summary['repeated']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"runs": runs, "summary": summary, "load_avg": _load()}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
