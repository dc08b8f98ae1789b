"""Performance benchmark: cold start, warm ask() latency, index build, and txtai on the same corpus.

    python -m qa.bench [--quick] [--json OUT] [--profile]

One run prints a table and writes JSON (default eval/reports/bench.json):

* cold start: a fresh ``python`` process from its start to its first answer, the index already
  built (median of 5 processes; 3 with --quick);
* warm ``ask()``: median and p95 over the gold questions on the seeds and over a sample of
  questions on the SQuAD half (every article one document), each question asked once (no
  cache hits); the other half of the questions is timed stage by stage (embed, retrieve, read,
  conflicts) to show where the time goes;
* index build, in a child process per corpus: chunks per second and peak memory (VmHWM, reset
  after the model is loaded) from scratch and after changing one of the N documents, plus the
  corpus-wide conflict detection that ``qa index`` runs after indexing;
* txtai (benchmark-only extra: ``pip install txtai``) indexing the same chunk texts with the same
  MiniLM model and FAISS, and searching the same questions: ratios ours/txtai.

Timings on shared machines are noisy: the load average is recorded with every run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from ..config import default_corpus, index_root, project_root, squad_half  # noqa: E402
from .common import _load, _ms, gold_questions  # noqa: E402

DEFAULT_SQUAD = squad_half()
DEFAULT_JSON = project_root() / "eval" / "reports" / "bench.json"
WORK = index_root() / "bench" / "perf"
TARGETS = {"seeds_median_ms": 20, "seeds_p95_ms": 60, "cold_start_s": 5.0}


def squad_setup(path: Path, n: int) -> tuple[Path, list[str]]:
    from ..evaluation.squad import load_squad, write_squad_corpus

    sq = load_squad(path)
    corpus = write_squad_corpus(sq, index_root() / "bench" / "squad-corpus")
    step = max(1, len(sq.questions) // n)
    return corpus, [q.question for q in sq.questions[::step][:n]]


# -- warm latency ---------------------------------------------------------------------------
def warm_latency(corpus: Path, index_dir: Path, questions: list[str]) -> dict:
    """Every question is asked once: a repeated question would hit the query-vector cache and the
    reader's parse cache. Even-numbered questions go through ask(); odd-numbered ones through the
    same steps timed one by one (embed, retrieve, read, conflicts)."""
    from ..api import get_pipeline
    from ..ingest.text import normalize

    t = time.perf_counter()
    p = get_pipeline(corpus, index_dir)
    load_s = time.perf_counter() - t
    for q in ("warm up the model", "what happened next?"):
        p.ask(q)
    total, cpu, staged, stages = [], [], [], {"embed": [], "retrieve": [], "read": [], "conflicts": []}
    for i, q in enumerate(questions):
        if i % 2 == 0:
            t0, c0 = time.perf_counter(), time.process_time()
            p.ask(q)
            total.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            continue
        t0 = time.perf_counter()
        v = p.embedder.encode_query(normalize(q))
        t1 = time.perf_counter()
        hits = p.retriever.search(v, q, max(5, p.read_k, p.subject_k))
        t2 = time.perf_counter()
        p.reader.read(q, v, hits[: max(5, p.read_k)])
        t3 = time.perf_counter()
        p._conflicts(v, hits, q)
        t4 = time.perf_counter()
        for name, a, b in (("embed", t0, t1), ("retrieve", t1, t2), ("read", t2, t3), ("conflicts", t3, t4)):
            stages[name].append(b - a)
        staged.append(t4 - t0)
    return {
        "corpus": str(corpus),
        "chunks": int(len(p.data.chunks)),
        "documents": len(p.data.doc_ids),
        "questions": len(questions),
        "load_s": round(load_s, 2),
        **_ms(total),
        "cpu_median_ms": round(1000 * statistics.median(cpu), 2),
        "staged_total": _ms(staged),
        "stage_median_ms": {k: round(1000 * statistics.median(v), 2) for k, v in stages.items() if v},
        "load_avg": _load(),
    }


# -- cold start -------------------------------------------------------------------------------
_COLD = (
    "import sys, time\n"
    "from qa.api import ask\n"
    "a = ask(sys.argv[2])\n"
    "print(time.time() - float(sys.argv[1]), int(a.abstained))\n"
)


def cold_start(runs: int, question: str) -> dict:
    from ..api import build_index

    build_index(progress=False)  # the index exists before the first process starts
    import resource

    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", _COLD, repr(t0), question],
            capture_output=True, text=True, cwd=project_root(), env=dict(os.environ), check=True,
        )
        times.append(float(out.stdout.split()[-2]))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # CPU of the whole child, exit included
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return {"runs": runs, "median_s": round(statistics.median(times), 2), "all_s": [round(t, 2) for t in times],
            "cpu_median_s": round(statistics.median(cpu), 2), "load_avg": _load()}


def _run_child(kind: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "qa.bench", "--child", kind, *args], capture_output=True,
                         text=True, cwd=project_root(), env=dict(os.environ))
    if out.returncode:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"exit {out.returncode}"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def build_and_txtai(name: str, corpus: Path, questions: list[str], with_txtai: bool) -> dict:
    work = WORK / name
    work.mkdir(parents=True, exist_ok=True)
    (work.parent / f"{name}-questions.json").write_text(json.dumps(questions), "utf-8")
    qfile = str(work.parent / f"{name}-questions.json")
    res = {"ours": _run_child("build", str(corpus), str(work), qfile)}
    try:
        import txtai  # noqa: F401
    except ImportError:
        with_txtai = False
        res["txtai"] = {"skipped": "txtai is not installed: pip install txtai"}
    if with_txtai and "error" not in res["ours"]:
        res["txtai"] = t = _run_child("txtai", str(work), qfile)
        o = res["ours"]
        if "error" not in t:
            res["ratio_ours_over_txtai"] = {
                "build_time": round(o["full"]["seconds"] / t["seconds"], 2),
                "build_cpu": round(o["full"]["cpu_s"] / t["cpu_s"], 2),
                "search_latency_hybrid": round(o["search_hybrid"]["median_ms"] / t["search"]["median_ms"], 2),
                "search_latency_dense": round(o["search_dense"]["median_ms"] / t["search"]["median_ms"], 2),
            }
    return res


# -- report -----------------------------------------------------------------------------------
def table(r: dict) -> str:
    rows = [("metric", "value", "target")]
    c = r.get("cold_start", {})
    rows.append(("cold start (median of %s), s" % c.get("runs"), c.get("median_s"), "<= 5"))
    rows.append(("cold start CPU time (median), s", c.get("cpu_median_s"), ""))
    for name in ("seeds", "squad"):
        w = r.get("warm", {}).get(name)
        if w:
            tgt = ("<= 20", "<= 60") if name == "seeds" else ("", "")
            rows.append((f"ask() {name} ({w['chunks']} chunks, {w['n']} questions) median ms", w["median_ms"], tgt[0]))
            rows.append((f"ask() {name} p95 ms", w["p95_ms"], tgt[1]))
            rows.append((f"ask() {name} CPU time per ask, median ms", w["cpu_median_ms"], ""))
            rows.append((f"  stages {name}, other {w['staged_total']['n']} questions (median ms)", " ".join(f"{k}={v}" for k, v in w["stage_median_ms"].items()), ""))
    for name, b in r.get("build", {}).items():
        o = b.get("ours", {})
        if "error" in o:
            rows.append((f"build {name}", "error: " + o["error"], ""))
            continue
        f, i = o["full"], o["one_changed"]
        rows.append((f"build {name} from scratch ({o['chunks']} chunks + {o['sentences']} sentences): s / CPU s / chunks/s / sentences/s / peak MB",
                     f"{f['seconds']} / {f['cpu_s']} / {f['chunks_per_s']} / {f['sentences_per_s']} / {f['peak_mb']}", ""))
        rows.append(("  + corpus-wide conflicts s: full / after one changed", f"{f['conflicts_s']} / {i['conflicts_s']}", ""))
        rows.append((f"build {name} one of {o['documents']} changed: s, CPU s (fractions of full)",
                     f"{i['seconds']}, {i['cpu_s']} ({i['fraction_of_full']}, {i['cpu_fraction_of_full']}; 1/N = {i['ideal_fraction']})", "~1/N"))
        rows.append((f"search {name} embed+hybrid / embed+dense median ms (CPU ms)",
                     f"{o['search_hybrid']['median_ms']} / {o['search_dense']['median_ms']} ({o['search_cpu_ms']})", ""))
        t = b.get("txtai", {})
        if "seconds" in t:
            rows.append((f"txtai {name}: build s / CPU s / chunks/s / peak MB", f"{t['seconds']} / {t['cpu_s']} / {t['chunks_per_s']} / {t['peak_mb']}", ""))
            rows.append((f"txtai {name}: search median ms, default threads / 1 thread (CPU ms)",
                         f"{t['search_default_threads']['median_ms']} / {t['search_1_thread']['median_ms']} ({t['search_1_thread']['cpu_median_ms']})", ""))
            ratio = b["ratio_ours_over_txtai"]
            rows.append((f"ours/txtai {name}: build wall, build CPU, search(hybrid), search(dense)",
                         f"{ratio['build_time']}, {ratio['build_cpu']}, {ratio['search_latency_hybrid']}, {ratio['search_latency_dense']}", "build <= 1"))
        elif t:
            rows.append((f"txtai {name}", t.get("skipped") or t.get("error"), ""))
    width = [max(len(str(x[i])) for x in rows) for i in range(3)]
    lines = [" | ".join(str(x[i]).ljust(width[i]) for i in range(3)) for x in rows]
    lines.insert(1, "-+-".join("-" * w for w in width))
    return "\n".join(lines) + f"\nload average (1, 5, 15 min) at start/end: {r['load_avg_start']} / {r['load_avg_end']}"


def profile_ask(n: int = 96) -> None:
    from ..api import get_pipeline
    from .common import profile_asks

    p = get_pipeline()
    p.ask("warm up")
    profile_asks(p, gold_questions()[:n])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs and questions (about a minute)")
    ap.add_argument("--json", default=str(DEFAULT_JSON), help="where to write the results")
    ap.add_argument("--squad", default=str(DEFAULT_SQUAD))
    ap.add_argument("--no-txtai", action="store_true")
    ap.add_argument("--no-squad", action="store_true")
    ap.add_argument("--profile", action="store_true", help="cProfile ask() on the seeds and exit")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        from .build import child_build, child_txtai

        if kind == "build":
            res = child_build(Path(rest[0]), Path(rest[1]), json.loads(Path(rest[2]).read_text()))
        else:
            res = child_txtai(Path(rest[0]), json.loads(Path(rest[1]).read_text()))
        print(json.dumps(res))
        return 0
    if args.profile:
        profile_ask()
        return 0
    quick = args.quick
    r: dict = {"quick": quick, "load_avg_start": _load(), "cpus": os.cpu_count(), "started": time.strftime("%Y-%m-%dT%H:%M:%S")}
    gold = gold_questions()
    r["cold_start"] = cold_start(3 if quick else 5, gold[0])
    r["warm"] = {"seeds": warm_latency(default_corpus(), index_root() / "seeds", gold)}
    r["build"] = {"seeds": build_and_txtai("seeds", default_corpus(), gold, not args.no_txtai)}
    if not args.no_squad and Path(args.squad).exists():
        corpus, qs = squad_setup(Path(args.squad), 100 if quick else 400)
        ask_index = WORK / "squad-ask"
        if not ask_index.exists() and (index_root() / "bench" / "squad" / "manifest.json").exists():
            shutil.copytree(index_root() / "bench" / "squad", ask_index)  # built by qa.training.calibrate: reuse
        r["warm"]["squad"] = warm_latency(corpus, ask_index, qs)
        if quick:  # a quarter of the articles: the full build takes minutes on a loaded machine
            sub = WORK / "squad-corpus-quarter"
            sub.mkdir(parents=True, exist_ok=True)
            for f in sorted(corpus.glob("*.txt"))[::4]:
                shutil.copy2(f, sub / f.name)
            corpus = sub
        r["build"]["squad"] = build_and_txtai("squad", corpus, qs[:100], not args.no_txtai)
    r["load_avg_end"] = _load()
    print(table(r))
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(r, indent=1) + "\n", "utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
