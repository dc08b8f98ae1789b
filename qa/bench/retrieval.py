"""Retrieval benchmark on SQuAD v1.1 dev (half) used as an open-domain corpus (not part of the tests).

Every article is one document of the corpus and every question is asked against all of them. A
question counts as found at k when its gold paragraph is among the first k *distinct* paragraphs
of the ranked chunks, a chunk standing for the paragraph that holds most of it. Reported for the
dense, lexical and hybrid modes of HybridRetriever with its default settings: R@1, R@5, R@10,
MRR (over the first 10 paragraphs) and search time per query (question encoding excluded: the
questions are encoded once, in batches, and cached). Figures are also given for the questions of
articles 0-11 ("tune", where settings were chosen) and 12-23 ("held-out").

    .venv/bin/python -m qa.bench.retrieval [--squad PATH] [--limit N] [--json OUT]
        [--chunk-tokens 96] [--overlap-tokens 24] [--alpha A] [--sentence-weight W]

The index is built (or refreshed: unchanged documents are not re-embedded) under
index/bench/squad-<chunker source digest>-<tokens>-<overlap>/; texts already embedded for another
chunking are taken from index/bench/embeddings-*.npz.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import time
from pathlib import Path

import numpy as np

from ..config import Settings, project_root

DATA = Path("../shared/benchmarks/squad-v1.1-dev-half-a.json")
REPORT = Path("eval/reports/retrieval_squad.json")
KS = (1, 5, 10)
DEPTH = 40  # chunks fetched per question: enough for 10 distinct paragraphs


def _chunker_tag() -> str:
    """A digest of the chunker's source, so an edited chunker gets a fresh bench index."""
    import inspect

    from ..ingest import chunking

    return f"paragraph-{hashlib.sha1(inspect.getsource(chunking).encode()).hexdigest()[:8]}"


# --- embedding cache --------------------------------------------------------------------------
class CachingEmbedder:
    """Wraps an embedder with a text -> vector cache kept in one .npz file, so that indexes of the
    same corpus under other chunkings re-embed only the chunk texts they have not seen (every
    sentence, and most chunks, are shared). Keys are SHA-1 digests of the texts."""

    def __init__(self, inner, path: Path):
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.path = path
        self.cache: dict[str, np.ndarray] = {}
        self.new = 0
        if path.exists():
            try:
                with np.load(path, allow_pickle=False) as z:
                    keys, vecs = z["keys"], z["vectors"]
                if vecs.ndim == 2 and vecs.shape[1] == self.dim:
                    if keys.dtype.kind == "S":  # raw 20-byte digests (numpy strips trailing NULs)
                        keys = np.array([bytes(k).ljust(20, b"\0").hex() for k in keys])
                    self.cache = {str(k): v for k, v in zip(keys, vecs)}
            except (OSError, ValueError, KeyError):
                self.cache = {}

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def fits(self, text: str) -> bool:
        return self.inner.fits(text)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]

    def encode(self, texts, *, show_progress: bool = False) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        todo = {}
        for k, t in zip(keys, texts):
            if k not in self.cache:
                todo.setdefault(k, t)
        if todo:
            vecs = self.inner.encode(list(todo.values()), show_progress=show_progress)
            self.cache.update(zip(todo, np.asarray(vecs, np.float32)))
            self.new += len(todo)
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return np.stack([self.cache[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        if not self.new:
            return
        keys = np.array(list(self.cache), dtype="U40")
        vecs = np.stack(list(self.cache.values())).astype(np.float32)
        tmp = self.path.with_name(self.path.name + ".tmp.npz")
        np.savez(tmp, keys=keys, vectors=vecs)
        tmp.replace(self.path)
        self.new = 0


# --- evaluation -------------------------------------------------------------------------------
def _question_vectors(embedder, questions: list[str], cache_dir: Path) -> np.ndarray:
    key = hashlib.sha1((embedder.model_id + "\n" + "\n".join(questions)).encode()).hexdigest()[:16]
    path = cache_dir / f"questions-{key}.npy"
    if path.exists():
        vecs = np.load(path, allow_pickle=False)
        if vecs.shape == (len(questions), embedder.dim):
            return vecs
    vecs = embedder.encode(questions)
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.save(path, vecs.astype(np.float32), allow_pickle=False)
    return vecs


def paragraph_ranks(hits_rows: list[int], chunk_para: np.ndarray, gold: int, depth: int = max(KS)) -> int | None:
    """0-based rank of ``gold`` among the distinct paragraphs of ``hits_rows`` (None if absent)."""
    seen: list[int] = []
    for r in hits_rows:
        p = int(chunk_para[r])
        if p not in seen:
            if p == gold:
                return len(seen)
            seen.append(p)
            if len(seen) >= depth:
                break
    return None


def _summary(ranks: list[int | None]) -> dict:
    n = max(1, len(ranks))
    out = {f"R@{k}": round(sum(r is not None and r < k for r in ranks) / n, 4) for k in KS}
    out["MRR@10"] = round(sum(1 / (r + 1) for r in ranks if r is not None and r < 10) / n, 4)
    out["questions"] = len(ranks)
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--squad", default=str(DATA), help="SQuAD v1.1 json (relative to the repo root)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N questions")
    ap.add_argument("--json", default=str(REPORT), help="where to write the report")
    ap.add_argument("--chunk-tokens", type=int, default=Settings().chunk_tokens)
    ap.add_argument("--overlap-tokens", type=int, default=Settings().overlap_tokens)
    ap.add_argument("--alpha", type=float, default=None, help="fusion weight of the dense part (default: the retriever's)")
    ap.add_argument("--sentence-weight", type=float, default=None,
                    help="share of the dense part taken from the best sentence in a chunk (default: the retriever's)")
    args = ap.parse_args(argv)

    from ..indexing.embedding import get_embedder
    from ..indexing.indexer import sync_index
    from ..retrieval.retriever import HybridRetriever
    from ..evaluation.squad import load_squad, write_squad_corpus

    root = project_root()
    squad_path = (root / args.squad).resolve() if not Path(args.squad).is_absolute() else Path(args.squad)
    squad = load_squad(squad_path)
    bench_dir = root / "index" / "bench"
    corpus_dir = write_squad_corpus(squad, bench_dir / "squad-corpus")
    settings = Settings(chunk_tokens=args.chunk_tokens, overlap_tokens=args.overlap_tokens)
    model = get_embedder(settings.model)
    cache_name = hashlib.sha1(model.model_id.encode()).hexdigest()[:12]
    embedder = CachingEmbedder(model, bench_dir / f"embeddings-{cache_name}.npz")
    index_dir = bench_dir / f"squad-{_chunker_tag()}-{settings.chunk_tokens}-{settings.overlap_tokens}"
    t0 = time.perf_counter()
    data, _, report = sync_index(corpus_dir, index_dir, embedder, settings, progress=False)
    build_s = time.perf_counter() - t0
    fresh = embedder.new
    embedder.save()

    questions = squad.questions[: args.limit] if args.limit else squad.questions
    qvecs = _question_vectors(model, [q.question for q in questions], bench_dir)
    para_ids: dict[tuple[str, int], int] = {}
    chunk_para = np.array(
        [
            para_ids.setdefault((data.doc_ids[d], squad.paragraph_of(data.doc_ids[d], a, b)), len(para_ids))
            for d, a, b in data.chunks.tolist()
        ],
        dtype=np.int64,
    )
    gold = [para_ids.get((q.doc_id, q.paragraph), -1) for q in questions]
    article = np.array([int(q.doc_id.split("_", 1)[0]) for q in questions])
    n_articles = len(squad.texts)
    tune = article < n_articles // 2

    tuning = {k: v for k, v in (("alpha", args.alpha), ("sentence_weight", args.sentence_weight)) if v is not None}
    retriever = HybridRetriever(data, **tuning)
    results: dict[str, dict] = {}
    for mode in ("dense", "lexical", "hybrid"):
        ranks: list[int | None] = []
        t = time.perf_counter()
        for q, v, g in zip(questions, qvecs, gold):
            hits = retriever.search(v, q.question, DEPTH, mode)
            ranks.append(paragraph_ranks([h.row for h in hits], chunk_para, g))
        ms = (time.perf_counter() - t) * 1000 / max(1, len(questions))
        results[mode] = {
            "all": _summary(ranks),
            "tune (articles < %d)" % (n_articles // 2): _summary([r for r, m in zip(ranks, tune) if m]),
            "held-out (articles >= %d)" % (n_articles // 2): _summary([r for r, m in zip(ranks, tune) if not m]),
            "ms_per_query": round(ms, 2),
        }

    print(f"SQuAD {squad_path.name}: {len(questions)} questions, {n_articles} articles, "
          f"{sum(len(p) for p in squad.paragraphs.values())} paragraphs; {len(data.chunks)} chunks "
          f"({settings.chunk_tokens}/{settings.overlap_tokens} tokens); "
          f"index ready in {build_s:.1f}s ({report.embedded_chunks} chunks indexed anew, {fresh} texts embedded)")
    print(f"unreachable (gold paragraph is no chunk's main paragraph): {sum(g < 0 for g in gold)}")
    head = f"{'mode':8s} {'split':10s} {'R@1':>6s} {'R@5':>6s} {'R@10':>6s} {'MRR':>6s} {'ms/q':>6s}"
    print(head)
    print("-" * len(head))
    for mode, res in results.items():
        for split, label in zip(list(res)[:3], ("all", "tune", "held-out")):
            s = res[split]
            ms = f"{res['ms_per_query']:6.2f}" if label == "all" else ""
            print(f"{mode:8s} {label:10s} {s['R@1']:6.3f} {s['R@5']:6.3f} {s['R@10']:6.3f} {s['MRR@10']:6.3f} {ms:>6s}")

    out = {
        "benchmark": str(args.squad),
        "questions": len(questions),
        "metric": "paragraph recall: gold paragraph among the first k distinct paragraphs of the ranked chunks",
        "model": embedder.model_id,
        "chunking": settings.chunking(),
        "chunks": int(len(data.chunks)),
        "unreachable_questions": int(sum(g < 0 for g in gold)),
        "retriever": {"alpha": retriever.alpha, "pool": retriever.pool, "lex_floor": retriever.lex_floor,
                      "sentence_weight": retriever.sentence_weight},
        "results": results,
    }
    path = root / args.json if not Path(args.json).is_absolute() else Path(args.json)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    return out


if __name__ == "__main__":
    main()
