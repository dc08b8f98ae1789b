"""Recall of a dense index whose training is reused while the corpus grows (``RETRAIN_GROWTH``).

    python -m qa.bench.dense_reuse INDEX_DIR [--queries 1000]

Trains ``IVF,SQ8`` (as ``build_dense_index`` does) on the first 1/g of an index's chunk vectors
(rows are in document order, so the later documents are the ones "added" after training), adds
all of them, and reports recall@10 against exact search for 1,000 chunk vectors as queries, next
to an index trained on every row.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np


def recall(index, x: np.ndarray, q: np.ndarray, k: int = 10) -> float:
    import faiss

    _, truth = faiss.knn(q, x, k, metric=faiss.METRIC_INNER_PRODUCT)
    _, found = index.search(q, k)
    return round(float(np.mean([len(set(a) & set(b)) / k for a, b in zip(found, truth)])), 4)


def main(argv: list[str] | None = None) -> None:
    import faiss

    from ..indexing.dense import build_dense_index, choose_index, refill_dense_index

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("index_dir", type=Path)
    ap.add_argument("--queries", type=int, default=1000)
    args = ap.parse_args(argv)
    manifest = json.loads((args.index_dir / "manifest.json").read_text("utf-8"))
    x = np.load(args.index_dir / manifest["roles"]["vectors"]).astype(np.float32)
    q = x[np.random.default_rng(0).choice(len(x), args.queries, replace=False)]
    out = {"rows": len(x)}
    for growth in (1.0, 1.5, 2.0, 4.0):
        part = x[: int(len(x) / growth)]
        trained = build_dense_index(part, spec=choose_index(len(x), x.shape[1]))  # the full size's lists
        index, _ = refill_dense_index(x, trained, len(x))  # len(x): always reuse, whatever the growth
        out[f"trained_on_1/{growth:g}"] = {"spec_nlist": faiss.extract_index_ivf(index).nlist, "recall@10": recall(index, x, q)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
