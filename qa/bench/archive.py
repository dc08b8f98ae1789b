"""A newsroom's archive at 1,000 / 3,000 / 10,000 articles: build time by stage, memory, disk, cold
start, first-time questions, adding one article, planted-conflict recall, and growth exponents.

    python -m qa.bench.archive [--sizes 1000,3000,10000] [--questions 100] [--json OUT]
    python -m qa.bench.archive --remeasure [--json OUT]   # cold start, ask, add again on the built indexes
    python -m qa.bench.archive --duplicates N             # repeated sentence text in the built N archive
    python -m qa.bench.archive --profile N                # where 40 first-time questions spend their time
    python -m qa.bench.archive --held N                   # memory held after 400 first-time questions
    python -m qa.bench.archive --reuse 100000 --reuse-only  # only the 100k point, vectors of an earlier --reuse

Each size: ``qa.bench.archive_corpus`` writes the corpus (regenerated, seeded), then fresh child
processes do one thing each, so that memory and start-up are their own:

* **build**: ``qa.build_index`` from nothing, as ``qa index`` runs it. Stage times come from the
  index's own clock (``SyncReport.timings``: read, chunk, embed, entities, index, conflicts, save);
  peak memory is the process's VmHWM, models loaded before the clock starts (as on a server);
  planted-conflict recall is read from the corpus-wide conflicts it stored.
* **cold start**: a fresh ``python`` process from its start to its first answer, index built
  (median of 3; the child also prints ``caseless_s``, its next question typed in small letters).
* **ask**: first-time ``ask()`` median and p95 over ``--questions`` questions the archive answers,
  each asked once, after two warm-up questions no other question repeats.
* **add**: one new article written into the corpus, then ``qa.build_index`` (median of 3 articles).

**The 100,000-article point** (``--reuse N``, e.g. ``--sizes 1000,3000,10000 --reuse 100000``): after
the largest real size, a ``dump`` child saves that index's sentence vectors (and its titles',
embedded once) with their texts; the 100k build then takes a sentence's vector from that store when
the same text was embedded at 10k (every unit of the archive is, so nearly all are) and embeds only
the rest (planted copies). Its "embed" stage is therefore a lookup, not a measurement; every other
stage runs as it would. Vectors come from the float16 store, so they differ from fresh ones in
the fourth decimal.

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
from .archive_inspect import distinct_sentences, held_memory, planted_recall, profile_first_asks  # noqa: E402
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


# -- children ---------------------------------------------------------------------------------
def _warm_models() -> None:
    from ..config import Settings
    from ..indexing.embedding import get_embedder
    from ..indexing.entities import sentence_types
    from ..ingest.chunking import token_counter

    get_embedder(Settings().model).encode(["load the model", "and warm it up"] * 4)
    sentence_types(["Warm up spaCy in London on Monday."])
    token_counter(Settings().encoding)("warm up")


class ReusingEmbedder:
    """The embedder for the 100k point: stored vectors of texts embedded by an earlier real build,
    the real model for any other text (counted in ``missed``)."""

    def __init__(self, real, store: Path):
        import numpy as np

        self.real, self.model_id, self.dim = real, real.model_id, real.dim
        self.vecs = np.load(store / "vectors.npy", mmap_mode="r")
        self.row = {t: i for i, t in enumerate(json.loads((store / "texts.json").read_text("utf-8")))}
        self.missed = 0

    def encode(self, texts, *, show_progress: bool = False):
        import numpy as np

        out = np.empty((len(texts), self.dim), np.float32)
        hit = [i for i, t in enumerate(texts) if t in self.row]
        miss = [i for i, t in enumerate(texts) if t not in self.row]
        for start in range(0, len(hit), 65536):  # bounded temporaries
            part = hit[start:start + 65536]
            out[part] = self.vecs[[self.row[texts[i]] for i in part]]
        if miss:
            out[miss] = self.real.encode([texts[i] for i in miss], show_progress=show_progress)
            self.missed += len(miss)
        return out

    def encode_query(self, text: str):
        return self.real.encode_query(text)

    def fits(self, text: str) -> bool:
        return self.real.fits(text)


def child_dump(out: Path, index_dir: Path) -> dict:
    """Save the index's sentence vectors and its titles' (embedded here) with their texts."""
    import numpy as np

    from .. import api
    from ..indexing.indexer import title_text
    from ..ingest.text import normalize

    p = api.get_pipeline(out / "corpus", index_dir)
    data, docs = p.data, p.docs
    texts, rows = {}, []
    for r, (d, a, b) in enumerate(data.sentences.tolist()):
        t = normalize(docs[data.doc_ids[d]].raw[a:b])
        if t not in texts:
            texts[t] = len(rows)
            rows.append(r)
    vecs = np.asarray(data.sent_vectors[rows], np.float16)
    titles = sorted({t for doc in docs.values() if (t := title_text(doc))} - texts.keys())
    tvecs = np.asarray(p.embedder.encode(titles), np.float16) if titles else np.zeros((0, vecs.shape[1]), np.float16)
    store = WORK / "vectors"
    store.mkdir(parents=True, exist_ok=True)
    np.save(store / "vectors.npy", np.vstack([vecs, tvecs]))
    (store / "texts.json").write_text(json.dumps(list(texts) + titles), "utf-8")
    return {"texts": len(texts) + len(titles), "from_articles": len(docs)}


def child_build(out: Path, index_dir: Path, reuse: int = 0) -> dict:
    from .. import api

    if reuse:
        from ..config import Settings
        from ..indexing.embedding import embedder_key, get_embedder
        from ..models import set_model

        name = Settings().model
        set_model(embedder_key(name), ReusingEmbedder(get_embedder(name), WORK / "vectors"))
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
    if reuse:
        stages["embedded_for_real"] = p.embedder.missed
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
    times, cpus = [], []
    for r in range(repeats):
        new = out / "corpus" / f"zz_added_{r}.txt"
        # A real article's text under a new name, with a new first line: new bytes, known words.
        new.write_text(f"Added article {r}\n" + src[(r * 37) % len(src)].read_text("utf-8"), "utf-8")
        t, c = time.perf_counter(), time.process_time()
        report = api.build_index(out / "corpus", index_dir, progress=False)
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)  # every thread of the process: less moved by load
        assert report.added == (new.stem,), report
    for r in range(repeats):  # leave the corpus as generated (the next run rebuilds from it)
        (out / "corpus" / f"zz_added_{r}.txt").unlink()
    api.build_index(out / "corpus", index_dir, progress=False)
    return {"median_s": round(statistics.median(times), 2), "runs_s": [round(x, 2) for x in times],
            "cpu_s": [round(x, 2) for x in cpus]}


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


def measure(n: int, questions: int, seed: int = 0, reuse: bool = False) -> dict:
    from .archive_corpus import write_archive

    out = WORK / str(n)
    gen = write_archive(n, out, seed)
    index_dir = out / "index"
    row = {"articles": n, "generated": gen, "vectors_reused": reuse}
    row["build"] = _child("build", str(out), str(index_dir), *(["1"] if reuse else []))
    row.update(remeasure(out, index_dir, questions))
    row["load_avg"] = row.pop("remeasured_load_avg")
    return row


def child_current(out: Path, index_dir: Path) -> dict:
    """Bring an index built by other code up to date (stored conflicts of other rules or settings
    are recomputed on load), so that the cold starts after it measure a start, not that."""
    from .. import api

    t = time.perf_counter()
    api.get_pipeline(out / "corpus", index_dir)
    return {"seconds": round(time.perf_counter() - t, 1)}


def remeasure(out: Path, index_dir: Path, questions: int) -> dict:
    """Cold start, first-time questions and adding one article on an index already built."""
    current = _child("current", str(out), str(index_dir))
    # The first start after a build also verifies the new files' checksums (qa.indexing.verify);
    # later starts trust what it verified. All three runs are kept.
    runs = [round(cold_start(out, index_dir), 2) for _ in range(3)]
    return {"brought_up_to_date_s": current["seconds"], "cold_start_s": statistics.median(runs), "cold_start_runs_s": runs,
            "ask": _child("ask", str(out), str(index_dir), str(questions)),
            "add": _child("add", str(out), str(index_dir)), "remeasured_load_avg": _load()}


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


def table(result: dict) -> str:
    """README's scale table from the JSON this benchmark writes."""
    rows = result["rows"]
    real = [r for r in rows if not r.get("vectors_reused")]
    span = f"{real[0]['articles']:,}→{real[-1]['articles']:,}"
    head = "| | " + " | ".join(f"{r['articles']:,}" + (" (vectors reused)" if r.get("vectors_reused") else "")
                               + (f" ({r['label']})" if r.get("label") else "") for r in rows) + f" | growth exponent {span} |"
    lines = [head, "|---" * (len(rows) + 2) + "|"]
    ex = result.get("exponents", {})

    def line(label, fn, key=None):
        cells = []
        for r in rows:
            try:
                cells.append(fn(r))
            except (KeyError, TypeError):
                cells.append("n/a")
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {ex.get(key, '') if key else ''} |")

    line("full build, s", lambda r: f"{r['build']['seconds']:.0f}", "total")
    def stage(r: dict, st: str) -> float:
        # No "analyses" stage: the conflict pass handed over every analysis, none was made again.
        return r["build"]["stages"].get(st, 0.0) if st == "analyses" else r["build"]["stages"][st]

    for st in ("read", "chunk", "embed", "entities", "index", "conflicts", "analyses", "save"):
        line(f"… {st}, s", lambda r, st=st: f"{stage(r, st):.1f}", st)
    line("embedding share of the build", lambda r: f"{r['build']['stages']['embed'] / r['build']['seconds']:.0%}")
    line("peak memory, MB", lambda r: f"{r['build']['peak_mb']:,}")
    line("index on disk, MB", lambda r: f"{r['build']['disk_mb']:,.0f}")
    line("cold start to first answer, s", lambda r: f"{r['cold_start_s']:.1f}")
    line("first-time `ask()` median / p95, ms", lambda r: f"{r['ask']['median_ms']:.0f} / {r['ask']['p95_ms']:.0f}")
    line("adding one article, s", lambda r: f"{r['add']['median_s']:.1f}")
    line("planted conflicts found", lambda r: f"{r['build']['planted']['found']}/{r['build']['planted']['planted']}")
    line("… those outside the main clause's subject", lambda r: r["build"]["planted"]["by_slot"]["other"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,3000,10000")
    ap.add_argument("--questions", type=int, default=100)
    ap.add_argument("--json", type=Path, default=DEFAULT_JSON)
    ap.add_argument("--reuse", type=int, default=0,
                    help="also measure this many articles with the largest size's vectors reused (see above)")
    ap.add_argument("--reuse-only", action="store_true", help="only the --reuse point, added to --json's rows")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--table", action="store_true", help="print README's table from --json and stop")
    ap.add_argument("--duplicates", type=int, metavar="N",
                    help="print how much of the built N-article archive is repeated sentence text and stop")
    ap.add_argument("--profile", type=int, metavar="N",
                    help="profile 40 first-time questions on the built N-article archive and stop")
    ap.add_argument("--held", type=int, metavar="N",
                    help="print the memory and facts held after every 100 of 400 first-time questions and stop")
    ap.add_argument("--remeasure", action="store_true",
                    help="keep the build figures of --json and measure cold start, ask and add again on "
                         "the indexes it built (after a change to the question or sync path)")
    args = ap.parse_args(argv)
    if args.table:
        print(table(json.loads(args.json.read_text("utf-8"))))
        return
    if args.duplicates:
        out = WORK / str(args.duplicates)
        print(json.dumps(distinct_sentences(out, out / "index")))
        return
    if args.profile:
        out = WORK / str(args.profile)
        profile_first_asks(out, out / "index")
        return
    if args.held:
        out = WORK / str(args.held)
        held_memory(out, out / "index")
        return
    if args.remeasure:
        result = json.loads(args.json.read_text("utf-8"))
        for row in result["rows"]:
            out = WORK / str(row["articles"])
            if not (out / "index" / "manifest.json").exists():
                print(f"{row['articles']:>6} articles: no built index under {out}, row kept as it was", flush=True)
                continue
            row.update(remeasure(out, out / "index", args.questions))
            print(f"{row['articles']:>6} articles: cold start {row['cold_start_s']} s, ask {row['ask']}, "
                  f"add {row['add']['median_s']} s", flush=True)
        args.json.write_text(json.dumps(result, indent=1), "utf-8")
        return
    if args.child:
        kind, *rest = args.child
        if kind == "first":
            t0 = float(os.environ["QA_BENCH_T0"])
            from .. import api

            t1 = time.time()
            p = api.get_pipeline(rest[0] + "/corpus", rest[1])
            t2 = time.time()
            p.ask("What is this archive about?")
            t3 = time.time()  # parts: start and imports, loading the index and models, the first question
            p.ask("who wrote about the first president")  # then the first typed in small letters
            print(json.dumps({"seconds": round(t3 - t0, 3), "start_s": round(t1 - t0, 3), "load_s": round(t2 - t1, 3),
                              "ask_s": round(t3 - t2, 3), "caseless_s": round(time.time() - t3, 3)}))
            return
        fn = {"build": child_build, "ask": child_ask, "add": child_add, "dump": child_dump, "current": child_current}[kind]
        extra = [int(x) for x in rest[2:]]
        print(json.dumps(fn(Path(rest[0]), Path(rest[1]), *extra)))
        return
    rows, sizes = [], [int(x) for x in args.sizes.split(",")]
    if args.reuse_only:
        if not args.reuse or not (WORK / "vectors" / "vectors.npy").exists():
            raise SystemExit(f"--reuse-only needs --reuse N and {WORK / 'vectors'}: run with --reuse first")
        rows = [r for r in json.loads(args.json.read_text("utf-8"))["rows"] if not r.get("vectors_reused")]
        sizes = []
    for n in sizes + ([args.reuse] if args.reuse else []):
        if n == args.reuse and sizes:
            _child("dump", str(WORK / str(sizes[-1])), str(WORK / str(sizes[-1]) / "index"))
        row = measure(n, args.questions, reuse=n == args.reuse)
        rows.append(row)
        b = row["build"]
        print(f"{n:>6} articles: build {b['seconds']} s {b['stages']}, peak {b['peak_mb']} MB, disk {b['disk_mb']} MB, "
              f"cold start {row['cold_start_s']} s, ask {row['ask']}, add {row['add']['median_s']} s, "
              f"planted {b['planted']}", flush=True)
    real = [r for r in rows if not r["vectors_reused"]]
    result = {"rows": rows, "exponents": exponents(real), "targets": TARGETS,
              "exponents_to_reuse": exponents([real[0], rows[-1]]) if args.reuse else {}}
    print("growth exponents:", result["exponents"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1), "utf-8")


if __name__ == "__main__":
    main()
