"""A newsroom's archive at 1,000 / 3,000 / 10,000 articles: build time by stage, memory, disk, cold
start, first-time questions, adding one article, planted-conflict recall, and growth exponents.

    python -m qa.bench.archive [--sizes 1000,3000,10000] [--questions 100] [--json OUT]

Each size: ``qa.bench.archive_corpus`` writes the corpus (regenerated, seeded), then fresh child
processes do one thing each, so that memory and start-up are their own:

* **build**: ``qa.build_index`` from nothing, as ``qa index`` runs it. Stage times come from the
  index's own clock (``SyncReport.timings``: read, chunk, embed, entities, index, conflicts, save);
  peak memory is the process's VmHWM, models loaded before the clock starts (as on a server);
  planted-conflict recall is read from the corpus-wide conflicts it stored.
* **cold start**: a fresh ``python`` process from its start to its first answer, index built
  (median of 3).
* **ask**: first-time ``ask()`` median and p95 over ``--questions`` questions the archive answers,
  each asked once, after two warm-up questions no other question repeats.
* **add**: one new article written into the corpus, then ``qa.build_index`` (median of 3 articles).

Growth exponent of a stage: the slope of log(seconds) against log(articles) between the smallest
and the largest size.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from ..config import index_root, project_root  # noqa: E402
from .common import _load, _ms  # noqa: E402

WORK = index_root() / "bench" / "archive"
DEFAULT_JSON = project_root() / "eval" / "reports" / "bench_archive.json"
TARGETS = {"exponent": 1.15, "embed_share": 0.75, "peak_mb": 3072, "cold_start_s": 3.0,
           "ask_median_ms": 40, "ask_p95_ms": 100, "add_s": 3.0, "planted_recall": 0.90}


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _du_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def planted_recall(out: Path, conflicts) -> dict:
    """How many planted conflicts a corpus-wide conflict shows: one of its statements cites the
    planted sentence in its article, another one an article holding the original sentence."""
    truth = [json.loads(line) for line in (out / "planted.jsonl").read_text("utf-8").splitlines() if line.strip()]
    found, by_kind = 0, {}
    for t in truth:
        hit = any(
            any(s.doc_id == t["article"] and t["new"] in s.text for s in c.statements)
            and any(s.doc_id in t["holders"] and t["old"] in s.text for s in c.statements)
            for c in conflicts)
        found += hit
        k = by_kind.setdefault(t["kind"], [0, 0])
        k[0] += hit
        k[1] += 1
    return {"planted": len(truth), "found": found, "recall": round(found / len(truth), 3) if truth else None,
            "by_kind": {k: f"{a}/{b}" for k, (a, b) in sorted(by_kind.items())}}


# -- children ---------------------------------------------------------------------------------
def _warm_models() -> None:
    from ..config import Settings
    from ..indexing.embedding import get_embedder
    from ..indexing.entities import sentence_types
    from ..ingest.chunking import token_counter

    get_embedder(Settings().model).encode(["load the model", "and warm it up"] * 4)
    sentence_types(["Warm up spaCy in London on Monday."])
    token_counter(Settings().encoding)("warm up")


def child_build(out: Path, index_dir: Path) -> dict:
    from .. import api

    _warm_models()
    shutil.rmtree(index_dir, ignore_errors=True)
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM: the models are not the build's
    t, c = time.perf_counter(), time.process_time()
    report = api.build_index(out / "corpus", index_dir, progress=False)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    peak = _peak_mb()
    conflicts = api.corpus_conflicts(out / "corpus", index_dir)
    stages = dict(report.timings)
    stages["other"] = round(max(0.0, wall - sum(v for k, v in stages.items() if k != "entities")), 3)
    p = api.get_pipeline(out / "corpus", index_dir)
    return {"seconds": round(wall, 2), "cpu_s": round(cpu, 2), "stages": stages, "peak_mb": round(peak),
            "chunks": int(len(p.data.chunks)), "sentences": int(len(p.data.sentences)),
            "conflicts": len(conflicts), "planted": planted_recall(out, conflicts),
            "disk_mb": round(_du_mb(index_dir), 1)}


def child_ask(out: Path, index_dir: Path, n: int) -> dict:
    from .. import api

    qs = [json.loads(line) for line in (out / "questions.jsonl").read_text("utf-8").splitlines()][:n]
    p = api.get_pipeline(out / "corpus", index_dir)
    for q in ("warm up the model", "what happened next?"):
        p.ask(q)
    times, right = [], 0
    for q in qs:
        t = time.perf_counter()
        a = p.ask(q["question"])
        times.append(time.perf_counter() - t)
        right += (not a.abstained) and any(x.casefold() in a.answer.casefold() for x in q["answers"])
    return {**_ms(times, 1), "answer_contains": round(right / len(qs), 3) if qs else None}


def child_add(out: Path, index_dir: Path, repeats: int = 3) -> dict:
    from .. import api

    api.get_pipeline(out / "corpus", index_dir)
    src = sorted((out / "corpus").glob("*.txt"))
    times = []
    for r in range(repeats):
        new = out / "corpus" / f"zz_added_{r}.txt"
        # A real article's text under a new name, with a new first line: new bytes, known words.
        new.write_text(f"Added article {r}\n" + src[(r * 37) % len(src)].read_text("utf-8"), "utf-8")
        t = time.perf_counter()
        report = api.build_index(out / "corpus", index_dir, progress=False)
        times.append(time.perf_counter() - t)
        assert report.added == (new.stem,), report
    for r in range(repeats):  # leave the corpus as generated (the next run rebuilds from it)
        (out / "corpus" / f"zz_added_{r}.txt").unlink()
    api.build_index(out / "corpus", index_dir, progress=False)
    return {"median_s": round(statistics.median(times), 2), "runs_s": [round(x, 2) for x in times]}


def _child(kind: str, *args: str) -> dict:
    cmd = [sys.executable, "-m", "qa.bench.archive", "--child", kind, *args]
    t = time.time()
    res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "QA_BENCH_T0": repr(t)})
    if res.returncode != 0:
        raise RuntimeError(f"{kind} child failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def cold_start(out: Path, index_dir: Path) -> float:
    """Process start (fork in the parent) to first answer, in seconds."""
    return _child("first", str(out), str(index_dir))["seconds"]


def measure(n: int, questions: int, seed: int = 0) -> dict:
    from .archive_corpus import write_archive

    out = WORK / str(n)
    gen = write_archive(n, out, seed)
    index_dir = out / "index"
    row = {"articles": n, "generated": gen}
    row["build"] = _child("build", str(out), str(index_dir))
    row["cold_start_s"] = round(statistics.median(cold_start(out, index_dir) for _ in range(3)), 2)
    row["ask"] = _child("ask", str(out), str(index_dir), str(questions))
    row["add"] = _child("add", str(out), str(index_dir))
    row["load_avg"] = _load()
    return row


def exponents(rows: list[dict]) -> dict:
    if len(rows) < 2:
        return {}
    a, b = rows[0], rows[-1]
    span = math.log(b["articles"] / a["articles"])
    out = {}
    for k in sorted(set(a["build"]["stages"]) & set(b["build"]["stages"])):
        x, y = a["build"]["stages"][k], b["build"]["stages"][k]
        if x > 0.05 and y > 0:  # below 50 ms a stage's time is noise, not growth
            out[k] = round(math.log(y / x) / span, 2)
    out["total"] = round(math.log(b["build"]["seconds"] / a["build"]["seconds"]) / span, 2)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,3000,10000")
    ap.add_argument("--questions", type=int, default=100)
    ap.add_argument("--json", type=Path, default=DEFAULT_JSON)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        if kind == "first":
            t0 = float(os.environ["QA_BENCH_T0"])
            from .. import api

            api.ask("What is this archive about?", corpus=rest[0] + "/corpus", index_dir=rest[1])
            print(json.dumps({"seconds": round(time.time() - t0, 3)}))
            return
        fn = {"build": child_build, "ask": child_ask, "add": child_add}[kind]
        extra = [int(x) for x in rest[2:]]
        print(json.dumps(fn(Path(rest[0]), Path(rest[1]), *extra)))
        return
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        row = measure(n, args.questions)
        rows.append(row)
        b = row["build"]
        print(f"{n:>6} articles: build {b['seconds']} s {b['stages']}, peak {b['peak_mb']} MB, disk {b['disk_mb']} MB, "
              f"cold start {row['cold_start_s']} s, ask {row['ask']}, add {row['add']['median_s']} s, "
              f"planted {b['planted']}", flush=True)
    result = {"rows": rows, "exponents": exponents(rows), "targets": TARGETS}
    print("growth exponents:", result["exponents"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1), "utf-8")


if __name__ == "__main__":
    main()
