"""Fit the reader's sentence scorer and abstention threshold on SQuAD (open-domain).

How: every article of the SQuAD half is one document of one index. For each question the
retriever's top chunks give candidate sentences with the reader's features; a sentence is a
positive when it lies in the question's article and contains a gold answer. A logistic regression
over the features is trained on the questions of even-numbered articles and tested on the odd
ones (then refitted on all for the shipped weights).

Abstention: each question is asked twice, once against the full corpus (answerable) and once with
its own article removed from the results (the corpus cannot answer it). The threshold on the best
sentence's probability is the highest one that abstains on at most 5% of the answerable questions
(``--max-wrong``); abstention recall and precision are measured on the two sets. Results go to
qa/data/reader.json with the figures measured.

    python -m qa.calibrate [--squad PATH] [--limit N]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from .config import Settings, index_root, project_root
from .embedding import get_embedder
from .indexer import sync_index
from .metrics import contains_answer
from .reader import FEATURES, ExtractiveReader, ReaderConfig
from .retriever import HybridRetriever
from .squad import load_squad, write_squad_corpus

DEFAULT_SQUAD = project_root().parent / "shared" / "benchmarks" / "squad-v1.1-dev-half-a.json"
TRAIN_FEATURES = tuple(f for f in FEATURES if f != "short")


def squad_index(path: Path, settings: Settings, progress: bool = True):
    sq = load_squad(path)
    corpus_dir = write_squad_corpus(sq, index_root() / "bench" / "squad-corpus")
    data, docs, _ = sync_index(corpus_dir, index_root() / "bench" / "squad", get_embedder(settings.model), settings, progress=progress)
    return sq, data, docs


def collect(sq, data, docs, questions, qvecs, read_k: int = 8, exclude_gold: bool = False):
    """Per question: candidate features, labels, and the doc index of each candidate."""
    retriever = HybridRetriever(data)
    reader = ExtractiveReader(data, [docs[d].raw for d in data.doc_ids])
    out = []
    for q, v in zip(questions, qvecs):
        gold_doc = data.doc_ids.index(q.doc_id)
        hits = retriever.search(v, q.question, read_k + (40 if exclude_gold else 0))
        if exclude_gold:
            hits = [h for h in hits if int(data.chunks[h.row, 0]) != gold_doc][:read_k]
        cands, feats = reader.features(q.question, v, hits)
        labels = []
        for row, _ in cands:
            d, a, b = (int(x) for x in data.sentences[row])
            labels.append(d == gold_doc and contains_answer(docs[data.doc_ids[d]].raw[a:b], q.answers))
        out.append((feats, np.array(labels, bool)))
    return out


def _xy(groups):
    cols = [FEATURES.index(f) for f in TRAIN_FEATURES]
    X = np.concatenate([f[:, cols] for f, _ in groups if len(f)])
    y = np.concatenate([l for f, l in groups if len(f)])
    return X, y


def _top_accuracy(groups, w, b) -> float:
    cols = [FEATURES.index(f) for f in TRAIN_FEATURES]
    ok = sum(bool(len(f)) and bool(l[int(np.argmax(f[:, cols] @ w + b))]) for f, l in groups)
    return ok / max(1, len(groups))


def _best_prob(groups, w, b) -> np.ndarray:
    cols = [FEATURES.index(f) for f in TRAIN_FEATURES]
    return np.array([1 / (1 + np.exp(-(f[:, cols] @ w + b).max())) if len(f) else 0.0 for f, _ in groups])


def main(argv=None) -> int:
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--squad", default=str(DEFAULT_SQUAD))
    ap.add_argument("--limit", type=int, default=0, help="use every n-th question to go faster (0: all)")
    ap.add_argument("--max-wrong", type=float, default=0.05, help="largest share of answerable questions the threshold may abstain on")
    args = ap.parse_args(argv)
    settings = Settings()
    t0 = time.time()
    sq, data, docs = squad_index(Path(args.squad), settings)
    questions = sq.questions[:: args.limit] if args.limit else sq.questions
    emb = get_embedder(settings.model)
    qvecs = emb.encode([q.question for q in questions])
    groups = collect(sq, data, docs, questions, qvecs)
    article = np.array([int(q.doc_id[:3]) % 2 for q in questions])

    def fit(mask):
        X, y = _xy([g for g, m in zip(groups, mask) if m])
        model = LogisticRegression(C=1.0, class_weight=None, max_iter=1000).fit(X, y)
        return model.coef_[0], float(model.intercept_[0])

    w_even, b_even = fit(article == 0)
    held_out = _top_accuracy([g for g, m in zip(groups, article == 1) if m], w_even, b_even)
    w, b = fit(np.ones(len(groups), bool))
    trained = _top_accuracy(groups, w, b)

    neg = collect(sq, data, docs, questions, qvecs, exclude_gold=True)
    pos_p, neg_p = _best_prob(groups, w, b), _best_prob(neg, w, b)
    # The highest threshold that wrongly abstains on at most --max-wrong of the answerable
    # questions: a wrong abstention hides an answer the user could have checked, which costs more
    # than showing a weak answer with its sources.
    best_t = 0.01
    for t in np.linspace(0.01, 0.99, 99):
        if (pos_p < t).mean() <= args.max_wrong:
            best_t = float(t)
    best_bacc = float(((pos_p >= best_t).mean() + (neg_p < best_t).mean()) / 2)
    abstain_precision = (neg_p < best_t).sum() / max(1, (neg_p < best_t).sum() + (pos_p < best_t).sum())
    result = {
        "weights": {**dict(zip(TRAIN_FEATURES, map(float, w))), "short": ReaderConfig().weights["short"]},
        "bias": b,
        "threshold": round(best_t, 3),
        "measured": {
            "questions": len(questions),
            "answer_sentence_top1_held_out": round(held_out, 4),
            "answer_sentence_top1_all": round(trained, 4),
            # the ceiling for any sentence ranker over these candidates
            "answer_sentence_among_candidates": round(float(np.mean([bool(l.any()) for _, l in groups])), 4),
            "abstention_balanced_accuracy": round(best_bacc, 4),
            "abstention_recall": round(float((neg_p < best_t).mean()), 4),
            "abstention_precision": round(float(abstain_precision), 4),
            "wrong_abstention_rate": round(float((pos_p < best_t).mean()), 4),
            "seconds": round(time.time() - t0, 1),
        },
        "how": "python -m qa.calibrate: logistic regression on SQuAD half (train even articles, test odd), "
        "threshold: the highest that abstains on at most --max-wrong of answerable questions; its recall is measured on the same questions with their article removed",
    }
    out = Path(__file__).parent / "data" / "reader.json"
    out.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
