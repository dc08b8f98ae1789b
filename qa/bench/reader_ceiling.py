"""Which scorer puts the answer sentence first, among the reader's candidates, on the second seed
set: the reader's own score, the dense (question/sentence cosine) feature, the cross-encoder
feature (the reader scores its two best candidates with it), the cross-encoder reading every
candidate, and whether any candidate holds a gold answer at all (the ceiling of re-ranking).

    python -m qa.bench.reader_ceiling [--path ../shared/benchmarks/seed_questions_b.jsonl]

Rows by wording (paraphrase groups: a plain, b few shared words, c casual; "other" for the rest)
and by whether the best candidate covers a quarter of the question's weighted terms
(``reworded.LOW_COVERAGE``): how far a better ranking of the same candidates could go.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..config import project_root


def main(argv: list[str] | None = None) -> None:
    import numpy as np

    from ..api import get_pipeline
    from ..evaluation.metrics import normalize_answer
    from ..ingest.text import normalize
    from ..reading.readerfeatures import _F, FEATURES
    from ..reading.reworded import LOW_COVERAGE

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--path", type=Path, default=project_root().parent / "shared" / "benchmarks" / "seed_questions_b.jsonl")
    args = ap.parse_args(argv)
    p = get_pipeline()
    r = p.reader
    w = np.array([r.config.weights.get(f, 0.0) for f in FEATURES], np.float32)
    tally: dict[tuple[str, str], list[int]] = {}
    for line in args.path.read_text("utf-8").splitlines():
        item = json.loads(line) if line.strip() else {}
        q, golds = item.get("question"), item.get("answers") or []
        if not q or not golds:
            continue
        form = item["id"][-1] if item["id"].startswith("p") else "other"
        qvec = p.embedder.encode_query(normalize(q))
        cands, feats = r.features(q, qvec, p.retriever.search(qvec, q, 30)[:8])
        if r.cross is not None and r.config.weights.get("cross"):
            feats[:, _F["cross"]] = r._cross_scores(q, cands, feats)
        logits = feats @ w + r.config.bias

        def holds(i: int) -> bool:
            d, a, b = (int(x) for x in r.data.sentences[cands[i][0]])
            text = normalize_answer(r.raw[d][a:b])
            return any(normalize_answer(g) in text for g in golds)

        cov = "low coverage" if float(feats[:, _F["coverage"]].max()) < LOW_COVERAGE else "coverage"
        every = r.cross.score(q, r.texts_of(cands, range(len(cands)))) if r.cross is not None else feats[:, _F["cross"]]
        row = tally.setdefault((form, cov), [0, 0, 0, 0, 0, 0])
        for k, i in enumerate((None, int(np.argmax(logits)), int(np.argmax(feats[:, _F["dense"]])),
                               int(np.argmax(feats[:, _F["cross"]])), int(np.argmax(every)))):
            row[k] += 1 if i is None else holds(i)
        row[5] += any(holds(i) for i in range(len(cands)))
    print("| wording | coverage | questions | reader's best | dense best | cross-encoder best | cross-encoder over every candidate | any candidate |")
    print("|---|---|---|---|---|---|---|---|")
    for (form, cov), row in sorted(tally.items()):
        print(f"| {form} | {cov} | " + " | ".join(map(str, row)) + " |")


if __name__ == "__main__":
    main()
