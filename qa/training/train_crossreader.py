"""Train the cross-encoder of :mod:`qa.reading.crossreader` on the SQuAD half.

Pairs come from what the reader sees at run time: for each question, the candidate sentences of
the retrieved chunks, ranked by the shipped linear scorer. Positives: the candidates that hold a
gold answer in the question's own article. Negatives: the best-ranked other candidates (often the
same paragraph: on the subject, without the answer) and, with the question's article removed
from the results, the best candidates of the other articles (near misses: the corpus cannot
answer). Loss: binary cross-entropy on the pair's logit; only the LoRA adapters and the head learn.

``--fold even`` trains on the even-numbered articles and measures on the odd ones (and ``odd``
the reverse): ``qa.training.calibrate`` uses the two to give every question a score from a model that never
saw it. ``--fold all`` writes the shipped adapters to ``qa/reading/data/crossreader/``.

    python -m qa.training.train_crossreader --fold all [--epochs 1] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np

from .calibrate import DEFAULT_SQUAD, collect, sentence_text, squad_index
from .manifest import record
from ..config import Settings
from ..reading.crossreader import DEFAULT_DIR, CrossConfig, TorchCross, adapter_state, build_model, fold_dir, forward
from ..indexing.embedding import get_embedder
from ..reading.reader import ReaderConfig
from ..reading.readerfeatures import prerank_order

TOP_NEGATIVES = 6  # best-ranked wrong candidates per question
NEAR_MISSES = 3  # best candidates per question once its own article is gone
SEED = 13


def make_pairs(questions, groups, near, data, docs, prerank: np.ndarray) -> list[tuple[str, str, float]]:
    """(question, sentence, label) pairs; candidates are ranked by ``prerank``, the reader's
    scorer without the cross-encoder (the one that picks what it reads)."""
    pairs = []
    for q, (f, labels, rows), (nf, _, nrows) in zip(questions, groups, near):
        if len(f):
            order = prerank_order(f, prerank)
            pos = [i for i in order if labels[i]][:2]
            negs = [i for i in order if not labels[i]][:TOP_NEGATIVES]
            pairs += [(q.question, sentence_text(data, docs, int(rows[i])), 1.0) for i in pos]
            pairs += [(q.question, sentence_text(data, docs, int(rows[i])), 0.0) for i in negs]
        if len(nf):
            order = prerank_order(nf, prerank, NEAR_MISSES)
            pairs += [(q.question, sentence_text(data, docs, int(nrows[i])), 0.0) for i in order]
    return pairs


def train(pairs, cfg: CrossConfig, epochs: int = 1, batch_size: int = 32, lr: float = 5e-4, log=print):
    import torch

    torch.manual_seed(SEED)
    random.seed(SEED)
    tok, enc, head = build_model(cfg, trainable=True)
    enc.train()
    params = [p for p in enc.parameters() if p.requires_grad] + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    # Batches of similar length waste less time on padding; their order is shuffled.
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    batches = [order[k : k + batch_size] for k in range(0, len(order), batch_size)]
    steps = epochs * len(batches)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, 1 - s / steps))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    t0, step = time.time(), 0
    for _ in range(epochs):
        random.shuffle(batches)
        for idx in batches:
            batch = tok([pairs[i][0] for i in idx], [pairs[i][1] for i in idx], truncation="longest_first",
                        max_length=cfg.max_length, padding=True, return_tensors="pt")
            y = torch.tensor([pairs[i][2] for i in idx])
            loss = loss_fn(forward(enc, head, batch), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            if step % 100 == 0:
                log(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s")
    enc.eval()
    return tok, enc, head


def score_groups(scorer: TorchCross, questions, groups, data, docs, prerank: np.ndarray, top: int = 5):
    """Cross logits of each question's ``top`` candidates under ``prerank``: (index, logits)."""
    out = []
    for q, (f, _, rows) in zip(questions, groups):
        if not len(f):
            out.append((np.zeros(0, int), np.zeros(0)))
            continue
        idx = prerank_order(f, prerank, top)
        out.append((idx, scorer.score(q.question, [sentence_text(data, docs, int(rows[i])) for i in idx])))
    return out


def held_out_report(scored, groups, near_scored) -> dict:
    """Top-1 over the top candidates by the linear scorer alone and by the cross-encoder, and how
    well the best cross logit separates answerable questions from near misses (ROC AUC)."""
    lin = cross = n = 0
    pos_best = []
    for (idx, s), (f, labels, _) in zip(scored, groups):
        if not len(idx):
            continue
        n += 1
        lin += bool(labels[idx[0]])
        cross += bool(labels[idx[int(np.argmax(s))]])
        pos_best.append(float(s.max()))
    neg_best = [float(s.max()) for idx, s in near_scored if len(idx)]
    p, q = np.array(pos_best), np.array(neg_best)
    auc = float((p[:, None] > q[None, :]).mean() + 0.5 * (p[:, None] == q[None, :]).mean())
    return {"questions": n, "top1_linear": round(lin / n, 4), "top1_cross": round(cross / n, 4),
            "answerable_vs_near_miss_auc": round(auc, 4)}


def main(argv=None) -> int:
    import torch
    from safetensors.torch import save_file

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--squad", default=str(DEFAULT_SQUAD))
    ap.add_argument("--fold", choices=("even", "odd", "all"), default="all")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="every n-th question (0: all)")
    ap.add_argument("--out", default=None, help=f"output directory (default for --fold all: {DEFAULT_DIR})")
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    settings = Settings()
    t0 = time.time()
    sq, data, docs = squad_index(Path(args.squad), settings, progress=False)
    questions = sq.questions[:: args.limit] if args.limit else sq.questions
    qvecs = get_embedder(settings.model).encode([q.question for q in questions])
    groups = collect(sq, data, docs, questions, qvecs)
    near = collect(sq, data, docs, questions, qvecs, exclude_gold=True)
    odd = np.array([int(q.doc_id[:3]) % 2 == 1 for q in questions])
    train_mask = {"even": ~odd, "odd": odd, "all": np.ones(len(questions), bool)}[args.fold]
    pick = lambda xs, m: [x for x, k in zip(xs, m) if k]  # noqa: E731
    prerank = ReaderConfig.load().prerank_weights()
    pairs = make_pairs(pick(questions, train_mask), pick(groups, train_mask), pick(near, train_mask), data, docs, prerank)
    cfg = CrossConfig(settings.model)
    print(f"{len(pairs)} pairs ({sum(p[2] for p in pairs):.0f} positive) from {int(train_mask.sum())} questions")
    tok, enc, head = train(pairs, cfg, epochs=args.epochs)
    measured = {"fold": args.fold, "pairs": len(pairs), "epochs": args.epochs}
    if args.fold != "all":
        test = ~train_mask
        scorer = TorchCross(tok, enc, head, cfg.max_length)
        scored = score_groups(scorer, pick(questions, test), pick(groups, test), data, docs, prerank)
        near_scored = score_groups(scorer, pick(questions, test), pick(near, test), data, docs, prerank)
        measured["held_out"] = held_out_report(scored, pick(groups, test), near_scored)
    measured["seconds"] = round(time.time() - t0, 1)
    out = Path(args.out) if args.out else (DEFAULT_DIR if args.fold == "all" else fold_dir(args.fold))
    out.mkdir(parents=True, exist_ok=True)
    save_file(adapter_state(enc, head), str(out / "adapters.safetensors"))
    manifest = {"format": 1, "config": {"base_model": cfg.base_model, "rank": cfg.rank, "alpha": cfg.alpha,
                                        "max_length": cfg.max_length},
                "trained_on": Path(args.squad).name, "measured": measured,
                "how": "python -m qa.training.train_crossreader --fold " + args.fold}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    for name in ("adapters.safetensors", "manifest.json"):
        record(out / name, manifest["how"])
    print(json.dumps(measured, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
