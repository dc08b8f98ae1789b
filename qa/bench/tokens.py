"""BM25 tokens of a built archive's chunks: every chunk tokenized (``ChunkTokens.from_lists``)
against each distinct chunk text tokenized once (``ChunkTokens.from_texts``, what the index uses).

    python -m qa.bench.tokens [--articles 10000] [--runs 2]

Each measurement runs in a fresh child process, alternating the two ways, on the chunks of
``index/bench/archive/N`` (built by ``python -m qa.bench.archive``); prints CPU seconds, chunks and
tokens, and a digest of the table made (the same for both ways).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time

from .archive import WORK


def child(n: int, way: str) -> dict:
    from .. import api
    from ..indexing.indexer import chunk_text
    from ..indexing.lexical import tokenize
    from ..indexing.tokens import ChunkTokens

    out = WORK / str(n)
    p = api.get_pipeline(out / "corpus", out / "index")
    docs, ids, rows = p.docs, p.data.doc_ids, p.data.chunks.tolist()
    tokenize("warm up the stemmer")
    t = time.process_time()
    if way == "lists":
        made = ChunkTokens.from_lists([tokenize(chunk_text(docs[ids[i]], a, b)) for i, a, b in rows])
    else:
        made = ChunkTokens.from_texts((chunk_text(docs[ids[i]], a, b) for i, a, b in rows), tokenize)
    cpu = time.process_time() - t
    digest = hashlib.sha256(made.ids.tobytes() + made.offsets.tobytes() + "\n".join(made.vocab).encode()).hexdigest()
    return {"way": way, "cpu_s": round(cpu, 2), "chunks": len(rows), "tokens": int(len(made.ids)), "table": digest[:16]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(int(args.child[0]), args.child[1])))
        return
    if not (WORK / str(args.articles) / "index" / "manifest.json").exists():
        raise SystemExit(f"no archive index under {WORK / str(args.articles)}: run python -m qa.bench.archive "
                         f"--sizes {args.articles} first")
    for _ in range(args.runs):
        for way in ("lists", "texts"):
            res = subprocess.run([sys.executable, "-m", "qa.bench.tokens", "--child", str(args.articles), way],
                                 capture_output=True, text=True, check=True)
            print(res.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
