"""Corpus-wide conflicts at scale: every pair of documents against candidate pairs (nearest
sentences and figures in the same unit, ``qa.conflicts.candidates``), on N articles.

The articles are SQuAD paragraphs, each saved as one article (913 from the v1.1 half, plus the 27
paragraphs of the v2.0 half that differ from them: 940); ``--copies C`` adds C - 1 further sets of
940 articles recombined from random sentences of the real ones (every sentence then appears in C
articles, as wire copies do in news). Sentence vectors are the real model's, embedded once and
kept under index/bench/scale/ (the times are those of the conflict pass alone, as an index build
that reuses its sentence vectors sees them). Each (mode, N) runs in its own process so that its
peak memory can be read: the growth of the peak RSS over the RSS before the pass.

    .venv/bin/python -m qa.bench.conflict_scale [--sizes 100,200,400,940] [--exhaustive-max 940]
                                                [--copies 4] [--json PATH]
    .venv/bin/python -m qa.bench.conflict_scale --check     # candidates vs every pair
    .venv/bin/python -m qa.bench.conflict_scale --planted OUT [--exhaustive-max 300]
    .venv/bin/python -m qa.bench.conflict_scale --archive N [--contained]   # the pass alone on a built archive

``--archive N`` runs the candidate pass from nothing on the ``qa.bench.archive`` archive of N
articles, with the sentence vectors a built archive index stores (as a build does:
``reusing_encoder``), and prints its time, pairs and planted-conflict recall: the conflicts stage
of a build without re-embedding or re-parsing the archive. Without an index of N articles (e.g.
20,000, 100,000), the corpus is written (``qa.bench.archive_corpus``) and the vectors are looked up
by text in the largest built index, which holds every unit of the archive; only sentences it does
not hold (planted ones) are embedded.

``--check`` compares the conflicts of both passes on the seeds, the SQuAD half (24 articles, one
document each) and every RAMDocs question's documents, and prints what the candidates lose.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from .common import SCALE_WORK
from ..config import project_root

BENCH = Path("../shared/benchmarks")
SQUAD1 = BENCH / "squad-v1.1-dev-half-a.json"
SQUAD2 = BENCH / "squad-v2.0-dev-half-a.json"
RAMDOCS = BENCH / "ramdocs_test.jsonl"
VECTORS = SCALE_WORK / "conflict_scale_vectors.npz"
CHECK_VECTORS = SCALE_WORK / "conflict_check_vectors.npz"


def _paragraph_articles() -> list[tuple[str, str]]:
    seen: dict[str, tuple[str, str]] = {}
    for path in (SQUAD1, SQUAD2):
        for article in json.loads((project_root() / path).read_text("utf-8"))["data"]:
            title = article["title"].replace("_", " ")
            for p in article["paragraphs"]:
                ctx = p["context"].strip()
                if ctx not in seen:
                    seen[ctx] = (f"p{len(seen):05d}", f"{title} ({len(seen)})\n\n{ctx}\n")
    return list(seen.values())


def articles(copies: int = 1) -> list[tuple[str, str]]:
    """(doc_id, text) of the paragraph articles, then ``copies - 1`` recombined sets."""
    base = _paragraph_articles()
    out = list(base)
    rng = random.Random(0)
    sentences = [s for _, t in base for s in re.split(r"(?<=[.!?])\s+", t.split("\n\n", 1)[1].strip()) if s]
    for c in range(1, copies):
        for i in range(len(base)):
            picked = rng.sample(sentences, 5)
            out.append((f"c{c}_{i:05d}", f"Recombined article {c}.{i}\n\n{' '.join(picked)}\n"))
    return out


class VectorStore:
    """Sentence vectors by text, embedded once with the real model and kept on disk."""

    def __init__(self, path: Path = VECTORS):
        self.path = path
        self.known: dict[str, np.ndarray] = {}
        if path.exists():
            z = np.load(path, allow_pickle=False)
            self.known = dict(zip(z["texts"].tolist(), z["vecs"]))
        self.dim = 384

    def ensure(self, texts) -> None:
        missing = [t for t in dict.fromkeys(texts) if t not in self.known]
        if not missing:
            return
        from ..config import Settings
        from ..indexing.embedding import get_embedder

        emb = get_embedder(Settings().model)
        print(f"embedding {len(missing)} sentences", file=sys.stderr, flush=True)
        self.known.update(zip(missing, np.asarray(emb.encode(missing), np.float32)))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        texts = list(self.known)
        np.savez(self.path, texts=np.array(texts), vecs=np.stack([self.known[t] for t in texts]))

    def encode(self, texts) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return np.stack([self.known[t] for t in texts]).astype(np.float32)


def _docs(rows):
    from ..errors import QAError
    from ..ingest.corpus import parse_document

    out = []
    for d, t in rows:
        try:
            out.append(parse_document(d, t))
        except QAError:
            continue  # page furniture only: the indexer skips it too
    return out


def _prepare(docs, store: VectorStore) -> None:
    from ..conflicts.sentences import _analyse

    store.ensure(s.norm for d in docs for s in _analyse(d).sents)


def _rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


def one(mode: str, n: int, copies: int) -> dict:
    """One full conflict pass over the first ``n`` articles, then one article added."""
    import gc

    from ..conflicts.candidates import CandidateSettings
    from ..conflicts.corpus_wide import find_conflicts
    from ..conflicts.pairs import PairCache

    rows = articles(copies)
    docs = _docs(rows[: n + 1])
    store = VectorStore()
    docs, extra = docs[:n], docs[n]
    gc.collect()
    before = _rss_mb()
    cache = PairCache(candidates=CandidateSettings(exhaustive=mode == "exhaustive"))
    t, cpu = time.perf_counter(), time.process_time()
    found = find_conflicts(docs, store.encode, cache=cache)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pairs, examined, capped, search = cache.computed, cache.examined, cache.stats.capped, cache.stats.seconds
    t = time.perf_counter()
    find_conflicts(docs + [extra], store.encode, cache=cache)
    return {"mode": mode, "n": n, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
            "load": [round(x, 2) for x in os.getloadavg()], "doc_pairs": pairs,
            "sentence_pairs": examined, "analyses": cache.analyses, "sentence_analyses": cache.sentence_analyses, "conflicts": len(found),
            "conflicts_sha": hashlib.sha256(json.dumps([c.to_dict() for c in found]).encode()).hexdigest()[:12],
            "peak_rss_growth_mb": round(max(0.0, peak - before), 1),
            "add_one": {"seconds": round(time.perf_counter() - t, 4), "doc_pairs": cache.computed - pairs,
                        "sentence_pairs": cache.examined - examined},
            "capped_sentences": capped if mode == "candidate" else None,
            "search_cpu_seconds": round(search, 3) if mode == "candidate" else None,
            "sentences": int(sum(len(r) for r in cache._records.values())) or None}


def recall(n: int, copies: int, ks=(8, 16, 32, 64, 128), exact_k: int = 1000) -> dict:
    """Candidate sentence pairs against every pair the exhaustive pass would hand the rules (the
    search with a cap no sentence fills finds exactly those: checked by ``capped``), by ``k``;
    and float16 vectors against float32."""
    from ..conflicts.candidates import CandidateSettings, CandidateStats, CorpusCandidates, record_of
    from ..conflicts.corpus_wide import find_conflicts
    from ..conflicts.pairs import PairCache
    from ..conflicts.rules import Thresholds
    from ..conflicts.sentences import _analyse

    docs = _docs(articles(copies)[:n])
    store = VectorStore()
    th = Thresholds()
    analyses = [_analyse(d) for d in docs]

    def pairs(settings: CandidateSettings, stats: CandidateStats | None = None) -> set:
        records = [record_of(a, store.encode([s.norm for s in a.sents]), settings.float16) for a in analyses]
        found = CorpusCandidates(records, settings).search(range(len(docs)), th.candidate_embedding,
                                                           th.denial_similar, stats)
        return {(k, p) for k, f in found.items() for p in f.pairs} | {(k, "denial") for k, f in found.items() if f.denial}

    stats = CandidateStats()
    exact = pairs(CandidateSettings(k=exact_k, denial_k=exact_k, figure_cap=10**6), stats)
    by_k = {}
    for k in ks:
        got = pairs(CandidateSettings(k=k))
        by_k[k] = {"pairs": len(got), "recall": round(len(got & exact) / max(1, len(exact)), 5)}
    p16 = pairs(CandidateSettings(float16=True))
    p32 = pairs(CandidateSettings())
    c32 = find_conflicts(docs, store.encode, cache=PairCache(candidates=CandidateSettings()))
    c16 = find_conflicts(docs, store.encode, cache=PairCache(candidates=CandidateSettings(float16=True)))
    return {"n": n, "copies": copies, "exact_pairs": len(exact), "exact_capped": stats.capped, "by_k": by_k,
            "float16": {"pairs_float32": len(p32), "pairs_float16": len(p16),
                        "recall_vs_float32": round(len(p16 & p32) / max(1, len(p32)), 5),
                        "recall_vs_exact": round(len(p16 & exact) / max(1, len(exact)), 5),
                        "conflicts_equal": [c.to_dict() for c in c32] == [c.to_dict() for c in c16]}}


def _compare(docs, store: VectorStore) -> tuple[int, list[dict], list[dict]]:
    from ..conflicts.candidates import CandidateSettings
    from ..conflicts.corpus_wide import find_conflicts
    from ..conflicts.pairs import PairCache

    every = [c.to_dict() for c in find_conflicts(docs, store.encode, cache=PairCache(candidates=CandidateSettings(exhaustive=True)))]
    cand = [c.to_dict() for c in find_conflicts(docs, store.encode, cache=PairCache())]
    return len(every), [c for c in every if c not in cand], [c for c in cand if c not in every]


def check() -> dict:
    from ..evaluation.squad import load_squad
    from ..ingest.corpus import load_corpus

    store = VectorStore(CHECK_VECTORS)
    corpora = {"seeds": [load_corpus(project_root() / "seeds")]}
    sq = load_squad((project_root() / SQUAD1).resolve())
    corpora["squad-v1.1-half (24 articles)"] = [_docs(sq.texts.items())]
    ram = [json.loads(line) for line in (project_root() / RAMDOCS).open(encoding="utf-8") if line.strip()]
    corpora["ramdocs (500 corpora)"] = [
        _docs([(f"d{k}", d["text"]) for k, d in enumerate(r["documents"]) if d["text"].strip()]) for r in ram]
    _prepare([d for parts in corpora.values() for docs in parts for d in docs], store)  # one batch
    report = {}
    for name, parts in corpora.items():
        total, lost, extra = 0, [], []
        t = time.perf_counter()
        for docs in parts:
            n, lo, ex = _compare(docs, store)
            total, lost, extra = total + n, lost + lo, extra + ex
        report[name] = {"corpora": len(parts), "conflicts_exhaustive": total, "lost": len(lost),
                        "extra": len(extra), "lost_summaries": [c["summary"] for c in lost][:20],
                        "seconds_both": round(time.perf_counter() - t, 1)}
        print(name, json.dumps(report[name]), flush=True)
    return report


def planted(out: Path, exhaustive_max: int) -> dict:
    """Planted-conflict recall of the conflict pass on an archive written by
    ``qa.bench.archive_corpus`` (counted as ``qa.bench.archive`` counts it): candidate pairs in
    float32 and float16 and, up to ``exhaustive_max`` articles, every pair."""
    from ..conflicts.candidates import CandidateSettings
    from ..conflicts.corpus_wide import find_conflicts
    from ..conflicts.pairs import PairCache
    from ..ingest.corpus import load_corpus
    from .archive import planted_recall

    docs = load_corpus(out / "corpus")
    store = VectorStore(SCALE_WORK / "archive_vectors.npz")
    _prepare(docs, store)
    modes = {"candidate": CandidateSettings(), "candidate_float16": CandidateSettings(float16=True)}
    if len(docs) <= exhaustive_max:
        modes["exhaustive"] = CandidateSettings(exhaustive=True)
    report: dict = {"articles": len(docs)}
    for name, settings in modes.items():
        cache = PairCache(candidates=settings)
        t, cpu = time.perf_counter(), time.process_time()
        found = find_conflicts(docs, store.encode, cache=cache)
        report[name] = {"seconds": round(time.perf_counter() - t, 2), "cpu_seconds": round(time.process_time() - cpu, 2),
                        "doc_pairs": cache.computed, "conflicts": len(found), "planted": planted_recall(out, found)}
        print(name, json.dumps(report[name]), flush=True)
    return report


def archive(n: int, float16: bool = False, k: int | None = None, contained: bool = False) -> dict:
    """The conflicts stage alone on the archive of ``n`` articles (see the module notes); ``contained``:
    with ``Thresholds.contained`` (copies one splitter cut short aligned), off in the product."""
    import warnings

    from ..conflicts.candidates import CandidateSettings
    from ..conflicts.corpus_wide import find_conflicts
    from ..conflicts.merge import is_template
    from ..conflicts.pairs import PairCache
    from ..conflicts.rules import Thresholds
    from ..config import Settings
    from ..indexing.embedding import get_embedder
    from ..indexing.reuse import reusing_encoder
    from ..indexing.store import load_index
    from ..ingest.corpus import load_corpus
    from .archive import WORK, planted_recall
    from .archive_corpus import write_archive

    warnings.simplefilter("ignore")  # the archive's unreadable files, skipped as a build skips them
    out = WORK / str(n)
    built = sorted((int(p.parent.parent.name) for p in WORK.glob("*/index/manifest.json")), key=lambda m: (m != n, -m))
    if not built:
        raise SystemExit("no built archive index: run python -m qa.bench.archive --sizes 1000 first")
    src = WORK / str(built[0])
    if not (out / "planted.jsonl").exists():
        write_archive(n, out)
    data = load_index(src / "index")
    docs = {d.doc_id: d for d in load_corpus(src / "corpus")}
    ordered = load_corpus(out / "corpus") if src != out else [docs[d] for d in data.doc_ids]
    embedder = get_embedder(Settings().model)
    # Another size's index: its sentences' vectors by text (every unit of the archive is in the
    # largest one), the model for the rest (the planted sentences of this size).
    encode = reusing_encoder(embedder, data, docs)
    cand = CandidateSettings(float16=float16) if k is None else CandidateSettings(float16=float16, k=k)
    planted = {json.loads(line)["article"] for line in (out / "planted.jsonl").read_text("utf-8").splitlines() if line.strip()}
    cache = PairCache(Thresholds(contained=True) if contained else None, model=embedder.model_id, candidates=cand)
    rss = _rss_mb()
    t, cpu = time.perf_counter(), time.process_time()
    found = find_conflicts(ordered, encode, cache=cache)
    shown = [c for c in found if not is_template(c)]
    st = cache.stats
    report = {"articles": len(ordered), "vectors_from": built[0], "float16": float16, "k": cand.k,
              "seconds": round(time.perf_counter() - t, 1), "cpu_seconds": round(time.process_time() - cpu, 1),
              "search_cpu_seconds": round(st.seconds, 1), "rss_growth_mb": round(_rss_mb() - rss),
              "doc_pairs": cache.computed, "sentence_pairs": cache.examined,
              "findings": sum(len(v) for v in cache.pairs.values()), "capped": st.capped, "conflicts": len(found),
              "statements": sum(len(c.statements) for c in found), "planted": planted_recall(out, found),
              # None of these is planted: each one not a real disagreement is a false alarm.
              "outside_planted": sum(not any(s.doc_id in planted for s in c.statements) for c in found),
              # What `qa conflicts` and the app show: not templates filled in for many subjects.
              "shown": len(shown), "shown_outside_planted": sum(not any(s.doc_id in planted for s in c.statements)
                                                                for c in shown),
              "load_avg": [round(x, 2) for x in os.getloadavg()]}
    print(json.dumps(report), flush=True)
    return report


def _slope(rows: list[dict], key: str = "seconds") -> float | None:
    pts = [(r["n"], r[key]) for r in rows if r[key]]
    if len(pts) < 2:
        return None
    x, y = np.log([p[0] for p in pts]), np.log([p[1] for p in pts])
    return round(float(np.polyfit(x, y, 1)[0]), 2)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,200,400,940")
    ap.add_argument("--exhaustive-max", type=int, default=940, help="largest N the exhaustive pass runs on")
    ap.add_argument("--copies", type=int, default=4, help="sets of articles (1: the real paragraphs only)")
    ap.add_argument("--check", action="store_true", help="candidates vs every pair on seeds, SQuAD, RAMDocs")
    ap.add_argument("--planted", type=Path, metavar="OUT", help="planted-conflict recall on an archive_corpus folder")
    ap.add_argument("--archive", type=int, metavar="N", help="the conflicts stage alone on the N archive")
    ap.add_argument("--float16", action="store_true", help="with --archive: float16 candidate vectors")
    ap.add_argument("--k", type=int, default=None, help="with --archive: nearest texts per sentence text")
    ap.add_argument("--contained", action="store_true",
                    help="with --archive: also align copies one splitter cut short (Thresholds.contained)")
    ap.add_argument("--one", nargs=2, metavar=("MODE", "N"), help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, default=None, help="also write the report here")
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]), args.copies)))
        return {}
    if args.archive:
        report = archive(args.archive, args.float16, args.k, args.contained)
    elif args.planted:
        report = planted(args.planted, args.exhaustive_max)
    elif args.check:
        report = check()
    else:
        rows = articles(args.copies)
        sizes = [int(s) for s in args.sizes.split(",")]
        if args.copies > 1:
            sizes.append(len(rows) - 1)  # the last article is the one added
        _prepare(_docs(rows[: max(sizes) + 1]), VectorStore())
        runs = []
        for mode in ("candidate", "exhaustive"):
            for n in sizes:
                if mode == "exhaustive" and n > args.exhaustive_max:
                    continue
                cmd = [sys.executable, "-m", "qa.bench.conflict_scale", "--one", mode, str(n), "--copies", str(args.copies)]
                out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=project_root())
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
                print(json.dumps(runs[-1]), flush=True)
        real = [r for r in runs if r["n"] <= 940]  # the recombined sets repeat every sentence
        report = {"runs": runs, "slopes_real_paragraphs": {
            m: {k: _slope([r for r in real if r["mode"] == m], k) for k in ("seconds", "cpu_seconds", "sentence_pairs", "doc_pairs")}
            for m in ("candidate", "exhaustive")},
            "recall": recall(940, 1), "recall_with_copies": recall(len(rows), args.copies, (32, 64), 400)}
        print(json.dumps({k: v for k, v in report.items() if k != "runs"}, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2), "utf-8")
    return report


if __name__ == "__main__":
    main()
