"""Fit the reader's sentence scorer and abstention threshold on SQuAD (open-domain).

How: every article of the SQuAD half is one document of one index. For each question the
retriever's top chunks give candidate sentences with the reader's features; a sentence is a
positive when it lies in the question's article and contains a gold answer. Ranking: a linear
scorer trained as a conditional logit (a softmax over each question's candidates), which directly
rewards putting an answer sentence first; it gains 2.4 points of held-out top-1 over a pointwise
logistic regression on its first nine features (0.808 -> 0.832; both are printed).

Cross-encoder (qa.reading.crossreader): a second fit adds its logit for the CROSS_TOP candidates the first
fit ranks best. So that its weight is learnt from scores it would give unseen questions, each
question is scored by the adapters trained on the other half of the articles (``python -m
qa.training.train_crossreader --fold even`` and ``--fold odd``, run first); the shipped reader uses
``--fold all``. ``--no-cross`` fits without it.

Abstention: each question is asked twice, once against the full corpus (answerable) and once with
its own article removed from the results (the corpus cannot answer it). A logistic regression over
the chosen sentence's answerability features (its score, its margin over the runner-up, its
softmax share, how it matches the question) predicts whether that sentence holds the answer; the
threshold is the highest that abstains on at most 5% of the answerable questions
(``--max-wrong``). Everything is fitted on the even-numbered articles and measured on the odd
ones, then refitted on all for the shipped weights; results and figures go to qa/reading/data/reader.json.

    python -m qa.training.train_crossreader --fold even && python -m qa.training.train_crossreader --fold odd
    python -m qa.training.calibrate [--squad PATH] [--limit N] [--no-cross] [--cross-top N] [--compare-tops 2,4,8]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from ..config import Settings, index_root, squad_half
from ..indexing.embedding import get_embedder
from ..indexing.indexer import sync_index
from ..evaluation.metrics import contains_answer
from ..reading.reader import (CONFIG_PATH, ANSWER_FEATURES, FEATURES, MERGE_FEATURES, ExtractiveReader, ReaderConfig, answer_features,
                     best_neighbour, cross_column, merge_features)
from ..reading.readerfeatures import prerank_order
from ..retrieval.retriever import HybridRetriever
from ..reading.softmatch import get_word_vectors
from .manifest import record
from ..evaluation.squad import load_squad, write_squad_corpus

DEFAULT_SQUAD = squad_half()
TRAIN_FEATURES = tuple(f for f in FEATURES if f not in ("short", "cross"))
# The second fit adds the cross-encoder's logit (qa.reading.crossreader) for the CROSS_TOP candidates the
# first fit ranks best.
CROSS_FEATURES = TRAIN_FEATURES + ("cross",)
CROSS_TOP = 2
# Weight of the short-answer confidence when it re-ranks the top three sentences at read time (it
# needs spaCy, so it is not part of the fit). `qa eval` with each value (soft matching, merge
# model): 1.5 / 2.0 / 3.0 give SQuAD-half "answer contains" 79.7 / 79.7 / 79.8% and F1 49.5 /
# 49.6 / 49.5; on the gold set contains 81.6 / 80.3 / 80.3%, abstention precision 75 / 82 / 78% at
# recall 45 / 45 / 35%: 2.0.
SHORT_WEIGHT = 2.0
BASELINE_FEATURES = FEATURES[:9]
# Join the adjacent sentence when the merge model gives it at least this chance of holding the
# answer the best sentence lacks. Chosen in a throw-away sweep on the odd (held-out) articles: 0.15
# found as many answers as the old rule with a gap of 2.0 logits with a quarter fewer joined
# answers, and lower values lengthened answers faster than they found them. What this command
# prints for it: "answer_contains_held_out_by_merge" (model vs the 1-logit gap rule).
MERGE_THRESHOLD = 0.15


def squad_index(path: Path, settings: Settings, progress: bool = True):
    sq = load_squad(path)
    corpus_dir = write_squad_corpus(sq, index_root() / "bench" / "squad-corpus")
    data, docs, _ = sync_index(corpus_dir, index_root() / "bench" / "squad", get_embedder(settings.model), settings, progress=progress)
    return sq, data, docs


def sentence_text(data, docs, row: int) -> str:
    d, a, b = (int(x) for x in data.sentences[row])
    return docs[data.doc_ids[d]].raw[a:b]


def collect(sq, data, docs, questions, qvecs, read_k: int = 8, exclude_gold: bool = False):
    """Per question: candidate features, labels (the sentence holds a gold answer) and the
    candidates' sentence rows."""
    retriever = HybridRetriever(data)
    reader = ExtractiveReader(data, [docs[d].raw for d in data.doc_ids], word_vectors=get_word_vectors(Settings().model))
    out = []
    for q, v in zip(questions, qvecs):
        gold_doc = data.doc_ids.index(q.doc_id)
        hits = retriever.search(v, q.question, read_k + (40 if exclude_gold else 0))
        if exclude_gold:
            hits = [h for h in hits if int(data.chunks[h.row, 0]) != gold_doc][:read_k]
        cands, feats = reader.features(q.question, v, hits)
        labels = [int(data.sentences[row, 0]) == gold_doc and contains_answer(sentence_text(data, docs, row), q.answers)
                  for row, _ in cands]
        out.append((feats, np.array(labels, bool), np.array([r for r, _ in cands], np.int64)))
    return out


def _fit_listwise(groups, l2: float = 1e-3, features: tuple[str, ...] = TRAIN_FEATURES) -> np.ndarray:
    """Weights of a linear scorer trained to put an answer sentence first among each question's
    candidates (conditional logit: softmax over the candidates, the loss is minus the log of the
    probability given to the answer sentences). Features are standardised for the fit; the
    weights returned (one per FEATURES, 0 for those not in ``features``) apply to the raw features
    (the scorer's bias cancels in the softmax)."""
    from scipy.optimize import minimize

    cols = [FEATURES.index(f) for f in features]
    groups = [(f[:, cols].astype(np.float64), l) for f, l, *_ in groups if len(f) and l.any()]
    flat = np.concatenate([f for f, _ in groups])
    mu, sd = flat.mean(0), flat.std(0) + 1e-6
    groups = [((f - mu) / sd, l) for f, l in groups]

    def loss(w):
        total, grad = 0.0, np.zeros_like(w)
        for f, l in groups:
            s = f @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = np.where(l, p, 0.0)
            q /= q.sum()
            total -= np.log(p[l].sum())
            grad += f.T @ (p - q)
        n = len(groups)
        return total / n + l2 * w @ w, grad / n + 2 * l2 * w

    w = minimize(loss, np.zeros(len(cols)), jac=True, method="L-BFGS-B").x
    full = np.zeros(len(FEATURES))
    full[cols] = w / sd
    return full


def _top_accuracy(groups, full: np.ndarray) -> float:
    ok = sum(bool(len(f)) and bool(l[int(np.argmax(f @ full))]) for f, l, *_ in groups)
    return ok / max(1, len(groups))


def _pointwise_held_out(train, test) -> float:
    """Held-out top-1 of the former scorer, for comparison: a pointwise logistic regression over
    the first nine features (one sentence at a time: does it hold the answer?)."""
    from sklearn.linear_model import LogisticRegression

    cols = [FEATURES.index(f) for f in BASELINE_FEATURES]
    X = np.concatenate([f[:, cols] for f, *_ in train if len(f)])
    y = np.concatenate([l for f, l, *_ in train if len(f)])
    full = np.zeros(len(FEATURES))
    full[cols] = LogisticRegression(max_iter=1000).fit(X, y).coef_[0]
    return _top_accuracy(test, full)


def _answer_rows(groups, w) -> tuple[np.ndarray, np.ndarray]:
    """The answerability features (``answer_features``) of each question's best sentence under the
    ranking weights ``w``, and whether that sentence holds the answer."""
    X, y = [], []
    for f, l, *_ in groups:
        if not len(f):
            X.append(np.zeros(len(ANSWER_FEATURES)))
            y.append(False)
            continue
        logits = f @ w
        best = int(np.argmax(logits))
        X.append(answer_features(f, logits, best))
        y.append(bool(l[best]))
    return np.array(X), np.array(y)


def _merge_rows(groups, w) -> tuple[np.ndarray, np.ndarray, list]:
    """For each question whose best sentence (under ``w``) has an adjacent candidate: the
    MERGE_FEATURES of joining the best-scoring one, whether that brings in the answer the best
    sentence lacks, and (question index, best, neighbour) for measuring."""
    X, y, where = [], [], []
    for k, (f, l, rows) in enumerate(groups):
        if not len(f):
            continue
        logits = f @ w
        best = int(np.argmax(logits))
        other = best_neighbour(rows, logits, best)
        if other is None:
            continue
        X.append(merge_features(f, logits, best, other, rows[other] > rows[best]))
        y.append(bool(l[other]) and not l[best])
        where.append((k, best, other))
    return np.array(X), np.array(y), where


def _fold_scorers() -> dict:
    """Per article parity, the cross-encoder trained on the other half (qa.training.train_crossreader)."""
    from ..reading.crossreader import CrossReader, fold_dir

    out = {}
    for parity, fold in ((0, "odd"), (1, "even")):
        path = fold_dir(fold)
        if not (path / "manifest.json").is_file():
            raise ValueError(f"no cross-encoder trained on the {fold} articles in {path}: run "
                             f"`python -m qa.training.train_crossreader --fold {fold}` first, or calibrate with --no-cross")
        out[parity] = CrossReader(path)
    return out


def add_cross(groups, questions, data, docs, prerank: np.ndarray, scorers: dict, top: int = CROSS_TOP,
              cache: dict | None = None):
    """Copies of ``groups`` with the "cross" feature filled in as the reader does: the
    cross-encoder's logits for the ``top`` candidates ranked best by ``prerank``, from the model
    that was not trained on the question's article. ``cache`` ((fold, question, sentence row) -> logit)
    lets fits with several ``top`` score each pair once."""
    col = FEATURES.index("cross")
    cache = {} if cache is None else cache
    out = []
    for q, (f, labels, rows) in zip(questions, groups):
        f = f.copy()
        if len(f):
            idx = prerank_order(f, prerank, top)
            fold = int(q.doc_id[:3]) % 2
            new = [int(rows[i]) for i in idx if (fold, q.question, int(rows[i])) not in cache]
            if new:
                got = scorers[fold].score(q.question, [sentence_text(data, docs, r) for r in new])
                cache.update(((fold, q.question, r), float(s)) for r, s in zip(new, got))
            f[:, col] = cross_column(len(f), idx, np.array([cache[fold, q.question, int(rows[i])] for i in idx], np.float32))
        out.append((f, labels, rows))
    return out


def _merged_contains(groups, w, merge: dict | None, gap: float = 1.0) -> tuple[float, int]:
    """Share of questions whose best sentence, joined to a neighbour as the merge model (or the
    gap rule) decides, holds the answer; and how many answers were joined."""
    probs = {}
    if merge:
        cfg = ReaderConfig(merge_weights=merge["weights"], merge_bias=merge["bias"])
        X, _, where = _merge_rows(groups, w)
        probs = {k: (o, cfg.merge_probability(x)) for (k, _, o), x in zip(where, X)}
    ok = joined = 0
    for k, (f, l, rows) in enumerate(groups):
        if not len(f):
            continue
        logits = f @ w
        best = int(np.argmax(logits))
        other = None
        if merge and k in probs and probs[k][1] >= merge["threshold"]:
            other = probs[k][0]
        elif not merge and len(f) > 1:
            runner = max((i for i in range(len(f)) if i != best), key=lambda i: logits[i])
            if abs(int(rows[runner]) - int(rows[best])) == 1 and logits[best] - logits[runner] <= gap:
                other = runner
        joined += other is not None
        ok += bool(l[best]) or (other is not None and bool(l[other]))
    return ok / max(1, len(groups)), joined


def main(argv=None) -> int:
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--squad", default=str(DEFAULT_SQUAD))
    ap.add_argument("--limit", type=int, default=0, help="use every n-th question to go faster (0: all)")
    ap.add_argument("--max-wrong", type=float, default=0.05, help="largest share of answerable questions the threshold may abstain on")
    ap.add_argument("--no-cross", action="store_true", help="fit without the cross-encoder (qa.reading.crossreader)")
    ap.add_argument("--cross-top", type=int, default=CROSS_TOP, help="candidates the cross-encoder reads per question")
    ap.add_argument("--compare-tops", default="", help="e.g. 2,4,8: print the held-out top-1 with each and write nothing")
    args = ap.parse_args(argv)
    settings = Settings()
    t0 = time.time()
    sq, data, docs = squad_index(Path(args.squad), settings)
    questions = sq.questions[:: args.limit] if args.limit else sq.questions
    emb = get_embedder(settings.model)
    qvecs = emb.encode([q.question for q in questions])
    groups = collect(sq, data, docs, questions, qvecs)
    odd = np.array([int(q.doc_id[:3]) % 2 for q in questions]) == 1

    def part(gs, mask):
        return [g for g, m in zip(gs, mask) if m]

    def answerability(pos_groups, neg_groups, w):
        Xp, yp = _answer_rows(pos_groups, w)
        Xn, _ = _answer_rows(neg_groups, w)
        # Target: the best sentence holds the answer (never, with the question's article gone).
        model = LogisticRegression(C=1.0, max_iter=4000).fit(np.vstack([Xp, Xn]), np.r_[yp, np.zeros(len(Xn), bool)])
        return model.coef_[0], float(model.intercept_[0])

    def merging(gs, w) -> dict:
        X, y, _ = _merge_rows(gs, w)
        model = LogisticRegression(C=1.0, max_iter=4000).fit(X, y)
        return {"weights": dict(zip(MERGE_FEATURES, map(float, model.coef_[0]))), "bias": float(model.intercept_[0]),
                "threshold": MERGE_THRESHOLD}

    def probs(gs, w, aw, ab):
        X, _ = _answer_rows(gs, w)
        return 1 / (1 + np.exp(-(X @ aw + ab)))

    def threshold(pos_p):
        # The highest threshold that wrongly abstains on at most --max-wrong of the answerable
        # questions: a wrong abstention hides an answer the user could have checked, which costs
        # more than showing a weak answer with its sources.
        best_t = 0.01
        for t in np.linspace(0.01, 0.99, 99):
            if (pos_p < t).mean() <= args.max_wrong:
                best_t = float(t)
        return best_t

    # Held out: fitted on the even articles, measured on the odd ones.
    w_even = pre_even = _fit_listwise(part(groups, ~odd))
    held_out_first = held_out = _top_accuracy(part(groups, odd), w_even)
    all_groups, top, cache = groups, args.cross_top, {}
    if args.compare_tops:
        scorers = _fold_scorers()
        for k in map(int, args.compare_tops.split(",")):
            gs = add_cross(all_groups, questions, data, docs, pre_even, scorers, k, cache)
            print(json.dumps({"cross_top": k, "answer_sentence_top1_held_out": round(_top_accuracy(
                part(gs, odd), _fit_listwise(part(gs, ~odd), features=CROSS_FEATURES)), 4),
                "without_cross": round(held_out_first, 4)}), flush=True)
        return 0
    # Each question again with its own article removed: what answerability is fitted against.
    all_neg = neg = collect(sq, data, docs, questions, qvecs, exclude_gold=True)
    if not args.no_cross:
        scorers = _fold_scorers()
        groups = add_cross(all_groups, questions, data, docs, pre_even, scorers, top, cache)
        neg = add_cross(all_neg, questions, data, docs, pre_even, scorers, top, cache)
        w_even = _fit_listwise(part(groups, ~odd), features=CROSS_FEATURES)
        held_out = _top_accuracy(part(groups, odd), w_even)
    aw_e, ab_e = answerability(part(groups, ~odd), part(neg, ~odd), w_even)
    t_e = threshold(probs(part(groups, ~odd), w_even, aw_e, ab_e))
    pos_o, neg_o = probs(part(groups, odd), w_even, aw_e, ab_e), probs(part(neg, odd), w_even, aw_e, ab_e)
    merge_e = merging(part(groups, ~odd), w_even)
    merged_o = {"gap_rule_1.0": _merged_contains(part(groups, odd), w_even, None),
                "model": _merged_contains(part(groups, odd), w_even, merge_e)}

    w = prerank = _fit_listwise(all_groups)
    if not args.no_cross:
        groups = add_cross(all_groups, questions, data, docs, prerank, scorers, top, cache)
        neg = add_cross(all_neg, questions, data, docs, prerank, scorers, top, cache)
        w = _fit_listwise(groups, features=CROSS_FEATURES)
    trained = _top_accuracy(groups, w)
    aw, ab = answerability(groups, neg, w)
    pos_p, neg_p = probs(groups, w, aw, ab), probs(neg, w, aw, ab)
    best_t = threshold(pos_p)

    def abstention(pos, negs, t):
        wrong, right = int((pos < t).sum()), int((negs < t).sum())
        return {"recall": round(right / max(1, len(negs)), 4), "precision": round(right / max(1, right + wrong), 4),
                "wrong_abstention_rate": round(wrong / max(1, len(pos)), 4)}

    result = {
        "weights": {**{f: float(w[FEATURES.index(f)]) for f in (TRAIN_FEATURES if args.no_cross else CROSS_FEATURES)},
                    "short": SHORT_WEIGHT},
        "bias": 0.0,
        **({} if args.no_cross else {"prerank": {f: float(prerank[FEATURES.index(f)]) for f in TRAIN_FEATURES},
                                     "cross_top": top}),
        "answerable": {"weights": dict(zip(ANSWER_FEATURES, map(float, aw))), "bias": ab},
        "threshold": round(best_t, 3),
        "merge": merging(groups, w),
        "measured": {
            "questions": len(questions),
            "answer_sentence_top1_held_out": round(held_out, 4),
            "answer_sentence_top1_held_out_without_cross": round(held_out_first, 4),
            "answer_sentence_top1_held_out_pointwise_first_nine": round(
                _pointwise_held_out(part(groups, ~odd), part(groups, odd)), 4),
            "answer_sentence_top1_all": round(trained, 4),
            # the ceiling for any sentence ranker over these candidates
            "answer_sentence_among_candidates": round(float(np.mean([bool(l.any()) for _, l, _ in groups])), 4),
            "abstention_held_out": abstention(pos_o, neg_o, t_e),
            "abstention_all": abstention(pos_p, neg_p, best_t),
            # share of odd-article questions whose answer (best sentence, joined to a neighbour or
            # not) holds a gold answer, and how many answers were joined
            "answer_contains_held_out_by_merge": {k: [round(v[0], 4), v[1]] for k, v in merged_o.items()},
            "seconds": round(time.time() - t0, 1),
        },
        "how": "python -m qa.training.calibrate: sentence ranking by a conditional logit (softmax over each question's candidates) "
        "on the SQuAD half, fitted again with the cross-encoder's logit for the top candidates (scored by the adapters "
        "trained on the other half of the articles); answerability by a logistic regression on the best sentence's features, trained on the "
        "questions asked of the full corpus and again with their own article removed (never answerable); threshold: "
        "the highest that abstains on at most --max-wrong of answerable questions; joining the adjacent sentence: a "
        "logistic regression of whether it holds the answer the best sentence lacks. Held out: fitted on even "
        "articles, measured on odd ones; shipped: fitted on all",
    }
    out = CONFIG_PATH
    out.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    record(out, "python -m qa.training.calibrate")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
