"""Fit the near-miss gate (qa.reading.answerable) on SQuAD 2.0's unanswerable questions.

How: the SQuAD 2.0 half is one open-domain corpus (every article one document, as ``qa eval``
reads it). Every question is asked through the pipeline exactly as ``qa eval`` asks it (10
passages), with the gate off, and the reader's GATE_FEATURES of its chosen sentence are kept.
Questions the reader already abstains on are left out (the gate never sees them). A logistic
regression of "the question is answerable" is fitted on the even-numbered articles (position in
the file, from 0); its threshold is the highest for which, on those same articles, the answerable
questions lose at most ``--max-contains-drop`` of "answer contains a gold answer" and the gate adds
at most ``--max-added-wrong`` abstentions on them (a share of the answerable questions). Budgets
relative to the reader without the gate, not absolute: the two halves differ (wrong abstentions
without the gate: 1.3% on the even articles, 5.0% on the odd), and an absolute cap fitted on the
easy half spends the whole margin on the hard one. The odd
articles are held out: ``qa eval squad-v2.0-dev-half-a.json --articles odd`` measures the shipped
gate on them. The script also fits on the odd articles and measures on the even ones, for a
second held-out figure; both go under "measured" in qa/reading/data/answerable.json.

    python -m qa.training.fit_answerable [--squad2 PATH] [--limit N] [--refresh]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from ..config import index_root
from ..evaluation.metrics import contains_answer, exact_match
from ..evaluation.squad import load_squad, write_squad_corpus
from ..reading.answerable import GATE_FEATURES, GATE_PATH
from .manifest import record

DEFAULT_SQUAD2 = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks" / "squad-v2.0-dev-half-a.json"
K = 10  # passages asked for, as qa eval asks
MADE_BY = "python -m qa.training.fit_answerable"


def collect(path: Path, limit: int = 0) -> dict[str, np.ndarray]:
    """Per question: GATE_FEATURES (gate off), whether the reader abstained, whether the answer
    contains a gold answer, whether it is answerable, and its article's position in the file."""
    from .. import api

    sq = load_squad(path)
    corpus = write_squad_corpus(sq, index_root() / "bench" / f"{sq.name}-corpus")
    pipe = api.get_pipeline(corpus, index_root() / "bench" / sq.name, progress=True)
    reader = pipe.reader
    gate, reader.gate = reader.gate, None  # the features the gate would see; it is applied after everything else
    seen = []
    plain_read = reader.read

    def read(*a, **kw):
        seen.append(plain_read(*a, **kw))
        return seen[-1]

    reader.read = read
    position = {d: i for i, d in enumerate(sq.texts)}
    qs = sq.questions[::limit] if limit else sq.questions
    rows = {"x": [], "abstained": [], "contains": [], "answerable": [], "article": []}
    try:
        for n, q in enumerate(qs):
            a = pipe.ask(q.question, k=K)
            reading = seen[-1]
            rows["x"].append(reading.gate or (0.0,) * len(GATE_FEATURES))
            rows["abstained"].append(a.abstained)
            ok = (not a.abstained and q.answerable
                  and (contains_answer(a.answer, q.answers) or exact_match(a.short_answer or a.answer, q.answers) == 1.0))
            rows["contains"].append(ok)
            rows["answerable"].append(q.answerable)
            rows["article"].append(position[q.doc_id])
            if n % 500 == 0:
                print(f"{n}/{len(qs)}", flush=True)
    finally:
        reader.read = plain_read
        reader.gate = gate
        api.clear_cache()  # the cached pipeline must not keep the wrapped reader
    return {k: np.array(v) for k, v in rows.items()}


def _fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    mu, sd = x.mean(0), x.std(0) + 1e-9
    model = LogisticRegression(C=c, max_iter=5000).fit((x - mu) / sd, y)
    w = model.coef_[0] / sd
    return w, float(model.intercept_[0] - (model.coef_[0] * mu / sd).sum())


def _prob(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(x @ w + b, -50, 50)))


def measure(d: dict, mask: np.ndarray, p: np.ndarray, t: float) -> dict:
    """Figures of the gate at threshold ``t`` on the questions in ``mask`` (p: its probability of
    answerable, for every question)."""
    gated = ~d["abstained"] & (p < t)
    ab = d["abstained"] | gated
    ans, un = mask & d["answerable"], mask & ~d["answerable"]
    n_ans, n_un = max(1, ans.sum()), max(1, un.sum())
    return {
        "unanswerable_abstained": round(float(ab[un].sum() / n_un), 4),
        "unanswerable_abstained_without_gate": round(float(d["abstained"][un].sum() / n_un), 4),
        "answerable_contains": round(float((d["contains"] & ~gated)[ans].sum() / n_ans), 4),
        "answerable_contains_without_gate": round(float(d["contains"][ans].sum() / n_ans), 4),
        "wrong_abstentions": round(float(ab[ans].sum() / n_ans), 4),
        "wrong_abstentions_without_gate": round(float(d["abstained"][ans].sum() / n_ans), 4),
        "questions": int(mask.sum()),
    }


def choose_threshold(d: dict, mask: np.ndarray, p: np.ndarray, max_added_wrong: float, max_drop: float) -> float:
    """The highest threshold within both budgets on the questions in ``mask``: abstaining hides
    an answer the user could have checked, so the gate may cost answerable questions only so much."""
    best = 0.0
    for t in np.linspace(0.01, 0.99, 197):
        m = measure(d, mask, p, float(t))
        if (m["wrong_abstentions"] - m["wrong_abstentions_without_gate"] <= max_added_wrong
                and m["answerable_contains_without_gate"] - m["answerable_contains"] <= max_drop):
            best = float(t)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--squad2", default=str(DEFAULT_SQUAD2))
    ap.add_argument("--limit", type=int, default=0, help="use every n-th question (0: all)")
    ap.add_argument("--max-added-wrong", type=float, default=0.01, help="largest share of answerable questions the gate may abstain on")
    ap.add_argument("--max-contains-drop", type=float, default=0.005, help="largest loss of 'answer contains' the gate may cost")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the logistic regression")
    ap.add_argument("--refresh", action="store_true", help="ask every question again instead of reading the cached features")
    ap.add_argument("--out", default=str(GATE_PATH))
    args = ap.parse_args(argv)
    t0 = time.time()
    cache = index_root() / "bench" / f"answerable-features{'-' + str(args.limit) if args.limit else ''}.npz"
    if cache.exists() and not args.refresh:
        d = dict(np.load(cache))
        if d["x"].shape[1] != len(GATE_FEATURES):
            raise SystemExit(f"{cache} holds other features: run with --refresh")
    else:
        d = collect(Path(args.squad2), args.limit)
        np.savez(cache, **d)
    x, y = d["x"].astype(np.float64), d["answerable"].astype(bool)
    use = ~d["abstained"].astype(bool)
    d = {k: v.astype(bool) if k != "x" and k != "article" else v for k, v in d.items()}
    odd = d["article"] % 2 == 1
    folds = {}
    for name, train in (("fit_even_measure_odd", ~odd), ("fit_odd_measure_even", odd)):
        w, b = _fit(x[train & use], y[train & use], args.c)
        p = _prob(x, w, b)
        t = choose_threshold(d, train, p, args.max_added_wrong, args.max_contains_drop)
        folds[name] = {"threshold": round(t, 3), "held_out": measure(d, ~train, p, t), "fitted_on": measure(d, train, p, t)}
        if name == "fit_even_measure_odd":
            shipped = (w, b, t)
    w, b, t = shipped
    result = {
        "weights": dict(zip(GATE_FEATURES, map(float, w))),
        "bias": b,
        "threshold": round(t, 3),
        "measured": {**folds, "seconds": round(time.time() - t0, 1)},
        "how": f"{MADE_BY}: logistic regression of 'answerable' over GATE_FEATURES of the reader's chosen sentence, "
        "on the SQuAD 2.0 half asked open-domain (questions the reader abstains on left out); fitted on the "
        f"even-numbered articles, threshold the highest there within {args.max_added_wrong} added wrong abstentions and "
        f"{args.max_contains_drop} lost 'answer contains'; the odd articles are held out (qa eval ... --articles odd)",
    }
    out = Path(args.out)
    out.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    record(out, MADE_BY, read_by="qa/reading/answerable.py (AnswerGate.load)",
           data="../shared/benchmarks/squad-v2.0-dev-half-a.json (SQuAD 2.0 dev, the 19 articles of the v1.1 half; even-numbered "
                "articles only, the odd ones held out; CC BY-SA 4.0)",
           what="the near-miss gate: logistic-regression weights over GATE_FEATURES and its threshold; held-out figures under 'measured'")
    print(json.dumps(result["measured"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
