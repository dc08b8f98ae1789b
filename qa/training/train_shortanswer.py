"""Train and evaluate the short-answer ranker on SQuAD v1.1 dev (half), with an ablation table.

    .venv/bin/python -m qa.training.train_shortanswer [--squad PATH] [--no-save] [--max-questions N]

Settings: (a) the gold sentence is given (the sentence of the gold paragraph holding the first gold
answer's start); (b) the gold paragraph is given and the sentence is chosen too. Every learned row
is cross-validated over articles: train on 12 articles, test on the other 12, then swap; the
figures are over all questions. The shipped model (qa/reading/data/shortanswer_model.json) is then trained
on all articles of the half. Metric: official SQuAD v1.1 EM/F1 (max over gold answers); a None
short answer scores 0.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from ..reading import shortanswer as sa
from ..config import squad_half
from ..models import set_model
from .manifest import record
from .shortanswer_fit import (CandSet, GROUPS, answered, build, em_f1, fit, fit_calibration, folds, learned_picks,
                              lexical_scores, load, predict, select)

# Span kinds of the shipped model (chosen from the cross-validated rows below).
SHIP_KINDS = {"ENT", "NUM", "NP", "SUB", "LEFT"}
DEFAULT_SQUAD = squad_half()


def eval_rows(items, sets, picks) -> tuple[float, float]:
    """picks[i] = predicted string or None, for every item."""
    em = f1 = 0.0
    for it, p in zip(items, picks):
        e, f = em_f1(p, it["golds"])
        em += e
        f1 += f
    return 100 * em / len(items), 100 * f1 / len(items)


def weighted_picks(items, sets, weights):
    picks = []
    for it, cs in zip(items, sets):
        if not cs.spans or not answered(it):
            picks.append(None)
            continue
        k = max(range(len(cs.spans)), key=lambda c: sa.score(cs.feats[c], weights))
        picks.append(cs.sent[cs.spans[k][0]:cs.spans[k][1]])
    return picks


def first_entity_picks(items, sets):
    """Baseline: the first entity/number of the expected type not made of question words."""
    picks = []
    for it, cs in zip(items, sets):
        p = None
        if answered(it):
            for c in sorted(range(len(cs.spans)), key=lambda c: cs.spans[c]):
                f = cs.feats[c]
                if ({"ENT", "NUM"} & cs.kinds[c]) and f.get("type.match") and not f.get("ovl.all"):
                    p = cs.sent[cs.spans[c][0]:cs.spans[c][1]]
                    break
            if p is None:  # any entity not in the question
                for c in sorted(range(len(cs.spans)), key=lambda c: cs.spans[c]):
                    if "ENT" in cs.kinds[c] and not cs.feats[c].get("ovl.all"):
                        p = cs.sent[cs.spans[c][0]:cs.spans[c][1]]
                        break
        picks.append(p)
    return picks


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--squad", type=Path, default=DEFAULT_SQUAD)
    ap.add_argument("--no-save", action="store_true", help="do not write the model JSON")
    ap.add_argument("--max-questions", type=int, default=None, help="subsample questions")
    ap.add_argument("--para-questions", type=int, default=1000,
                    help="questions subsampled for the gold-paragraph setting (slow)")
    args = ap.parse_args(argv)
    t0 = time.time()
    _, items = load(args.squad, args.max_questions)
    print(f"{len(items)} questions, {len({i['article'] for i in items})} articles; "
          f"{sum(not answered(i) for i in items)} typed None (why/how) and left unanswered")
    all_sents = sorted({s for it in items for s in it["sents"]})
    sa.parse_many(all_sents)  # noqa: parse everything once (cached)
    print(f"parsed {len(all_sents)} sentences in {time.time() - t0:.0f}s", flush=True)
    gold = [CandSet(it, it["sents"][it["gold_k"]]) for it in items]
    print(f"candidates built in {time.time() - t0:.0f}s; mean {np.mean([len(c.spans) for c in gold]):.1f}"
          " per sentence", flush=True)
    ALL = set(sa.KINDS)
    rows = []

    def row(name, picks):
        em, f1 = eval_rows(items, gold, picks)
        rows.append((name, em, f1))
        print(f"  {name:<58} EM {em:5.1f}  F1 {f1:5.1f}", flush=True)

    print("\n(a) gold sentence given")
    row("whole sentence as the short answer", [it["sents"][it["gold_k"]] for it in items])
    row("oracle: best candidate (upper bound, all span kinds)",
        [cs.sent[slice(*cs.spans[int(np.argmax(cs.f1))])] if cs.spans else None for cs in gold])
    row("oracle: best ENT/NUM candidate",
        [cs.sent[slice(*cs.spans[max(select(cs, {'ENT', 'NUM'}), key=lambda c: cs.f1[c])])]
         if select(cs, {"ENT", "NUM"}) else None for cs in gold])
    row("first type-matched entity/number (NER+regex, answer type)", first_entity_picks(items, gold))
    row("hand weights, all span kinds", weighted_picks(items, gold, sa.HAND_WEIGHTS))
    row("learned, ENT+NUM candidates only", learned_picks(items, gold, {"ENT", "NUM"}, ()))
    row("learned, ENT+NUM+noun chunks", learned_picks(items, gold, {"ENT", "NUM", "NP"}, ()))
    row("learned, + syntactic spans (after is/was, appos, objects)",
        learned_picks(items, gold, {"ENT", "NUM", "NP", "SUB", "LEFT"}, ()))
    row("learned, + single tokens (nouns/adjectives/numbers)",
        learned_picks(items, gold, ALL - {"PP"}, ()))
    row("learned, all span kinds (+PP, single tokens) = FULL", learned_picks(items, gold, ALL, ()))
    for g in GROUPS:
        row(f"FULL minus {g} features", learned_picks(items, gold, ALL, (g,)))
    calib: list = []
    row("SHIPPED: FULL with span kinds " + "+".join(sorted(SHIP_KINDS)),
        learned_picks(items, gold, SHIP_KINDS, (), calib=calib))
    calibration = fit_calibration(calib)
    print(f"  confidence calibration (on cross-validated picks): {calibration}")
    row("FULL, also answering why/how (type None) questions",
        learned_picks(items, gold, ALL, (), all_types=True))

    # (b) gold paragraph: choose the sentence too
    rng = np.random.default_rng(1)
    sub = sorted(rng.choice(len(items), size=min(args.para_questions, len(items)), replace=False))
    print(f"\n(b) gold paragraph given ({len(sub)} questions subsampled; candidates for every "
          "sentence of the paragraph)", flush=True)
    sub_items = [items[i] for i in sub]
    para_sets = [[CandSet(it, s) for s in it["sents"]] for it in sub_items]
    lex = [lexical_scores(it["q"], it["sents"]) for it in sub_items]
    print(f"  built in {time.time() - t0:.0f}s", flush=True)
    sel_acc = np.mean([int(np.argmax(l)) == it["gold_k"] for l, it in zip(lex, sub_items)])
    print(f"  lexical sentence choice accuracy: {100 * sel_acc:.1f}%")
    prow = []

    def prow_add(name, picks):
        em, f1 = eval_rows(sub_items, None, picks)
        prow.append((name, em, f1))
        print(f"  {name:<58} EM {em:5.1f}  F1 {f1:5.1f}", flush=True)

    sub_gold_full = learned_picks(items, gold, SHIP_KINDS, ())
    prow_add("reference: gold sentence + SHIPPED ranker (same subsample)", [sub_gold_full[i] for i in sub])
    prow_add("lexical sentence, whole sentence as answer",
             [it["sents"][int(np.argmax(l))] for l, it in zip(lex, sub_items)])
    # cross-validated: train ranker on gold sentences of the train articles, apply to paragraphs
    picks_lex, picks_joint, picks_first = [None] * len(sub), [None] * len(sub), [None] * len(sub)
    joint_ws = []
    sub_pos = {i: n for n, i in enumerate(sub)}
    for train, test in folds(items):
        Xtr, otr, ttr, vocab = build([gold[i] for i in train], SHIP_KINDS, (), None)
        w = fit(Xtr, otr, ttr)
        # per (question, sentence) best candidate and its logit
        def best_per_sentence(n):
            sets = para_sets[n]
            X, off, _, _ = build(sets, SHIP_KINDS, (), vocab)
            out = []
            for k, (c, logit) in enumerate(predict(X, off, w)):
                cs = sets[k]
                span = cs.spans[select(cs, SHIP_KINDS)[c]] if c >= 0 else None
                out.append((span, logit))
            return out
        tr_sub = [sub_pos[i] for i in train if i in sub_pos]
        te_sub = [sub_pos[i] for i in test if i in sub_pos]
        cache = {n: best_per_sentence(n) for n in tr_sub + te_sub}
        # fit joint weights (sentence z-score vs candidate logit) on the train articles by grid
        def joint_pick(n, sw, cw):
            l = np.array(lex[n])
            z = (l - l.max()) / (l.std() or 1.0)
            tot = [sw * z[k] + cw * lg if sp is not None else -1e9
                   for k, (sp, lg) in enumerate(cache[n])]
            k = int(np.argmax(tot))
            sp = cache[n][k][0]
            return sub_items[n]["sents"][k][sp[0]:sp[1]] if sp and answered(sub_items[n]) else None
        grid = [(1.0, cw) for cw in (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)]
        best = max(grid, key=lambda g: sum(em_f1(joint_pick(n, *g), sub_items[n]["golds"])[1]
                                           for n in tr_sub))
        joint_ws.append(best)
        for n in te_sub:
            picks_lex[n] = joint_pick(n, 1.0, 0.0)
            picks_joint[n] = joint_pick(n, *best)
            k = int(np.argmax(lex[n]))
            picks_first[n] = first_entity_picks([sub_items[n]], [para_sets[n][k]])[0]
    prow_add("lexical sentence + first type-matched entity", picks_first)
    prow_add("lexical sentence + SHIPPED ranker", picks_lex)
    prow_add(f"joint sentence+candidate (weights {joint_ws})", picks_joint)

    # final model on all articles
    X, off, tt, vocab = build(gold, SHIP_KINDS, (), None)
    w = fit(X, off, tt)
    names = sorted(vocab, key=vocab.get)
    cw = float(np.mean([c for _, c in joint_ws]))
    model = {"version": 1, "trained_on": args.squad.name, "n_questions": len(items),
             "note": "conditional logit over candidate spans; cross-validated figures in "
                     "qa/training/train_shortanswer.py output",
             "kinds": sorted(SHIP_KINDS), "features": names, "coef": [round(float(x), 5) for x in w],
             "joint": {"sent_w": 1.0, "cand_w": cw}, "calibration": calibration}
    if not args.no_save:
        sa.MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        sa.MODEL_PATH.write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")
        record(sa.MODEL_PATH, "python -m qa.training.train_shortanswer")
        print(f"\nsaved {sa.MODEL_PATH} ({len(names)} features)")

    # latency of extract_short_answer on sentences not parsed before (cache cleared)
    with sa._CACHE_LOCK:
        sa._DOCS.clear()
    set_model(sa.MODEL_KEY, {**model, "weights": dict(zip(names, model["coef"]))})
    sample = [it for it in items[::max(1, len(items) // 300)][:300] if answered(it)]

    def timed(fn):
        wall, cpu = [], []
        for it in sample:
            t, c = time.perf_counter(), time.process_time()
            fn(it)
            wall.append(1000 * (time.perf_counter() - t))
            cpu.append(1000 * (time.process_time() - c))
        return (f"median {np.median(wall):.1f} ms wall / {np.median(cpu):.1f} ms CPU, "
                f"p90 {np.percentile(wall, 90):.1f} ms wall / {np.percentile(cpu, 90):.1f} ms CPU")

    print(f"latency of extract_short_answer over {len(sample)} gold sentences "
          f"(wall time depends on machine load; CPU time is this process's):")
    print("  uncached sentence (spaCy parse + features):",
          timed(lambda it: sa.extract_short_answer(it["q"], it["sents"][it["gold_k"]])))
    print("  cached sentence (features + scoring only):  ",
          timed(lambda it: sa.extract_short_answer(it["q"], it["sents"][it["gold_k"]])))
    print("  best_short_answer over the paragraph's sentences, uncached:",
          timed(lambda it: (sa._DOCS.clear(), sa.best_short_answer(
              it["q"], it["sents"], lexical_scores(it["q"], it["sents"])))))
    print(f"total {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
