"""Fitting the short-answer ranker (qa.reading.shortanswer): SQuAD loading, candidate sets with their F1
against the gold answers, the sparse design matrix, the conditional-logit fit and the
cross-validation over articles. ``python -m qa.training.train_shortanswer`` runs the experiments with these.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from ..reading import shortanswer as sa
from ..reading.answertype import question_focus
from ..evaluation.metrics import exact_match, f1 as squad_f1
from ..reading.spanfeatures import WORD, question_info, stem
from ..ingest.text import sentence_spans

__all__ = ["em_f1", "load", "lexical_scores", "CandSet", "GROUPS", "select", "build", "fit", "predict", "folds",
           "answered", "learned_picks", "fit_calibration"]

def em_f1(pred: str | None, golds: list[str]) -> tuple[float, float]:
    """Official SQuAD v1.1 EM and F1, max over the gold answers (qa.evaluation.metrics; None scores 0)."""
    return exact_match(pred or "", golds), squad_f1(pred or "", golds)


# -- data ---------------------------------------------------------------------------------------
def load(path: Path, max_questions: int | None = None):
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    items = []
    for ai, art in enumerate(data):
        for para in art["paragraphs"]:
            ctx = para["context"]
            spans = sentence_spans(ctx)
            sents = [ctx[a:b] for a, b in spans]
            for qa in para["qas"]:
                start = qa["answers"][0]["answer_start"]
                gold_k = next((k for k, (a, b) in enumerate(spans) if a <= start < b),
                              len(spans) - 1)
                items.append({"article": ai, "q": qa["question"], "golds":
                              [a["text"] for a in qa["answers"]], "sents": sents, "gold_k": gold_k})
    if max_questions:
        rng = np.random.default_rng(0)
        keep = sorted(rng.choice(len(items), size=min(max_questions, len(items)), replace=False))
        items = [items[i] for i in keep]
    return data, items


def lexical_scores(question: str, sents: list[str]) -> list[float]:
    """idf-weighted overlap of question stems with each sentence (idf over the paragraph)."""
    qs = question_info(question)["stems"]
    bags = [{stem(w) for w in WORD.findall(s)} for s in sents]
    n = len(sents)
    return [sum(math.log(1 + n / sum(1 for b2 in bags if w in b2)) for w in qs if w in b)
            for b in bags]


# -- candidate sets ------------------------------------------------------------------------------
class CandSet:
    """Candidates of one (question, sentence): offsets, feature dicts, kinds, F1/EM vs gold."""

    __slots__ = ("spans", "feats", "kinds", "f1", "em", "sent")

    def __init__(self, item, sent: str):
        self.sent = sent
        cands = sa.candidates(item["q"], sent, kinds=sa.KINDS)
        self.spans = [(a, b) for a, b, _ in cands]
        self.feats = [f for _, _, f in cands]
        self.kinds = [{k[5:] for k in f if k.startswith("kind.")} for f in self.feats]
        scores = [em_f1(sent[a:b], item["golds"]) for a, b in self.spans]
        self.em = np.array([s[0] for s in scores])
        self.f1 = np.array([s[1] for s in scores])


GROUPS = {  # feature-name prefixes of each idea, for the "minus X" rows
    "type": ("type.", "ent.", "x."),
    "overlap": ("ovl.",),
    "distance": ("dist.",),
    "syntax": ("syn.", "bnd."),
    "dependency path": ("path.", "tree.", "x.PERSON.path1", "x.ORG.path1", "x.PLACE.path1",
                        "x.DATE.path1", "x.TIME.path1", "x.DURATION.path1", "x.NUM.path1",
                        "x.MONEY.path1", "x.PERCENT.path1", "x.QUANTITY.path1", "x.OTHER.path1",
                        "x.NONE.path1"),
    "focus": ("foc.",),
}


def keep_feature(name: str, drop: tuple[str, ...]) -> bool:
    return not any(name.startswith(p) for g in drop for p in GROUPS[g])


def select(cs: CandSet, kinds: set[str]) -> list[int]:
    return [c for c, ks in enumerate(cs.kinds) if ks & kinds]


def build(sets: list[CandSet], kinds: set[str], drop: tuple[str, ...], vocab: dict | None):
    """Sparse design matrix over the selected candidates of ``sets`` plus group offsets."""
    grow = vocab is None
    vocab = {} if vocab is None else vocab
    rows, cols, vals, offsets, targets = [], [], [], [0], []
    r = 0
    for cs in sets:
        sel = select(cs, kinds)
        for c in sel:
            for k, v in cs.feats[c].items():
                # a kind feature only counts for the kinds allowed in this row
                if k.startswith("kind.") and k[5:] not in kinds:
                    continue
                if not keep_feature(k, drop):
                    continue
                j = vocab.get(k)
                if j is None and grow:
                    j = vocab[k] = len(vocab)
                if j is not None:
                    rows.append(r), cols.append(j), vals.append(v)
            r += 1
        offsets.append(r)
        f1 = cs.f1[sel] if sel else np.zeros(0)
        targets.append(f1)
    X = sparse.csr_matrix((vals, (rows, cols)), shape=(r, len(vocab)))
    return X, np.array(offsets), targets, vocab


def fit(X, offsets, targets, l2: float = 3.0, power: float = 8.0) -> np.ndarray:
    """Conditional logit (softmax over each question's candidates) with soft F1^power targets."""
    t = np.zeros(X.shape[0])
    use = np.zeros(len(offsets) - 1, dtype=bool)
    for g, f1 in enumerate(targets):
        if len(f1) and f1.max() > 0:
            w = f1 ** power
            t[offsets[g]:offsets[g + 1]] = w / w.sum()
            use[g] = True
    starts = offsets[:-1]
    gid = np.repeat(np.arange(len(starts)), np.diff(offsets))
    row_use = use[gid]

    def loss(w):
        s = X @ w
        mx = np.full(len(starts), -np.inf)
        np.maximum.at(mx, gid, s)
        e = np.exp(s - mx[gid])
        z = np.zeros(len(starts))
        np.add.at(z, gid, e)
        logp = s - mx[gid] - np.log(z[gid])
        p = e / z[gid]
        tt = np.where(row_use, t, 0.0)
        nll = -(tt * logp).sum()
        grad_rows = np.where(row_use, p - t, 0.0)
        g = X.T @ grad_rows + 2 * l2 * w
        return nll + l2 * (w @ w), g

    res = minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B",
                   options={"maxiter": 500})
    return res.x


def predict(X, offsets, w) -> list[tuple[int, float]]:
    """Per group: (index of the best row within the group or -1, its logit)."""
    s = X @ w if X.shape[0] else np.zeros(0)
    out = []
    for g in range(len(offsets) - 1):
        a, b = offsets[g], offsets[g + 1]
        if b > a:
            k = int(np.argmax(s[a:b]))
            out.append((k, float(s[a + k])))
        else:
            out.append((-1, -1e9))
    return out


def folds(items):
    arts = sorted({it["article"] for it in items})
    half = set(arts[: len(arts) // 2])
    a = [i for i, it in enumerate(items) if it["article"] in half]
    b = [i for i, it in enumerate(items) if it["article"] not in half]
    return [(a, b), (b, a)]


def answered(it) -> bool:
    return question_focus(it["q"]).type is not None


def learned_picks(items, sets, kinds, drop, all_types=False, calib=None):
    """Cross-validated picks; if ``calib`` is a list, (logit, softmax prob, F1) are appended."""
    picks = [None] * len(items)
    for train, test in folds(items):
        Xtr, otr, ttr, vocab = build([sets[i] for i in train], kinds, drop, None)
        w = fit(Xtr, otr, ttr)
        Xte, ote, _, _ = build([sets[i] for i in test], kinds, drop, vocab)
        scores = Xte @ w
        for g, (i, (k, logit)) in enumerate(zip(test, predict(Xte, ote, w))):
            cs = sets[i]
            if k >= 0 and (all_types or answered(items[i])):
                a, b = cs.spans[select(cs, kinds)[k]]
                picks[i] = cs.sent[a:b]
                if calib is not None:
                    grp = scores[ote[g]:ote[g + 1]]
                    prob = 1.0 / np.exp(grp - logit).sum()
                    calib.append((logit, prob, em_f1(picks[i], items[i]["golds"])[1]))
    return picks


def fit_calibration(calib) -> dict:
    """P(F1 >= 0.5) from the top logit and its softmax probability (1-D features, logistic)."""
    from sklearn.linear_model import LogisticRegression

    X = np.array([[lg, pr] for lg, pr, _ in calib])
    y = np.array([f1 >= 0.5 for *_, f1 in calib])
    lr = LogisticRegression(C=1.0).fit(X, y)
    return {"logit": float(lr.coef_[0][0]), "prob": float(lr.coef_[0][1]),
            "bias": float(lr.intercept_[0]), "target": "P(F1 >= 0.5)"}
