"""Benchmark of conflict detection on RAMDocs, through the question path of ``ask()`` (not part of
the test suite).

Each RAMDocs question comes with documents typed correct / misinfo / noise. It becomes one small
corpus, indexed exactly as ``qa eval`` does (``qa.evaluation.evaluate.load_ramdocs``: the articles under
``index/bench/ramdocs/<qid>/docs``, the index beside them, built by ``qa.api`` with the real model),
and is asked through the pipeline ``qa.api`` builds. A question is a positive when a
misinformation document's answer disagrees with a correct one (``qa.evaluation.evaluate.ramdocs_label``: 241
of 500), a negative when it has no misinformation (257: 213 where the documents describe different
entities sharing a name, 44 clean); it is flagged when ``ask()`` returns a conflict that is not an
``ambiguity`` note. Figures are given for all questions and for the even (0-based index, used for
tuning) and odd (held out) halves.

Ablation rows run the same conflict stage (``Pipeline._conflicts``: the on-subject passages of the
question's retrieval, the stored corpus-wide conflicts among them, the question-aware finder) with
one signal switched off, on the same retrieval; the first row is checked against ``ask()`` itself.
The conflict stage's cost is also timed on the seeds, over the 96 questions of eval/gold.jsonl.

    .venv/bin/python -m qa.bench.conflicts [--limit N] [--quick] [--half even|odd]
    .venv/bin/python -m qa.bench.conflicts --incremental

prints a table and writes eval/reports/ramdocs_conflicts.json (a partial run: ..._partial.json);
``--incremental`` times the corpus-wide search on the SQuAD half, in full and after one article
changes (eval/reports/conflicts_incremental.json). The first run builds the 500 small
indexes (about 15 minutes on 2 cores); later runs reuse them (about 2 minutes).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from .common import percentile
from ..config import project_root
from ..conflicts.question import QuestionSettings
from ..results import AMBIGUITY, Conflict

DATA = Path("../shared/benchmarks/ramdocs_test.jsonl")
GOLD = Path("eval/gold.jsonl")
REPORT = Path("eval/reports/ramdocs_conflicts.json")
FULL = "ask() (all signals)"


def _variants(base: QuestionSettings) -> dict[str, tuple[QuestionSettings | None, str]]:
    """name -> (finder settings, passages): the first row is what ask() does; each other row
    switches one signal off. None settings is the pipeline without a finder (stored conflicts kept
    when a statement has cosine >= 0.7 with the question: the behaviour before the finder)."""
    return {
        FULL: (base, "subject"),
        "no stored conflicts": (replace(base, stored=False), "subject"),
        "no answer comparison": (replace(base, answers=False), "subject"),
        "no near-copy swaps": (replace(base, swaps=False), "subject"),
        "stored conflicts only": (replace(base, answers=False, swaps=False), "subject"),
        "no entity check (every disagreement counts)": (replace(base, entity_check=False), "subject"),
        "namesake note without evidence of two entities (before)": (replace(base, namesake_evidence=False), "subject"),
        "no qualifier veto": (replace(base, qualifier=False), "subject"),
        "no shared-qualifier evidence": (replace(base, qualified_same=False), "subject"),
        "no trust in copies of one article": (replace(base, copy_grams=1.01), "subject"),
        "no multi-swap veto": (replace(base, multi_swap=0), "subject"),
        "no definitions (genre/sport answers)": (replace(base, definitions=False), "subject"),
        "no rewrite check (copies renaming only the answer)": (replace(base, rewrites=False), "subject"),
        "qualifier lacked counts without subject up front": (replace(base, one_sided_lead=False), "subject"),
        "no same-figures check of stored numeric conflicts": (replace(base, same_figures=False), "subject"),
        "no copies of on-subject documents": (replace(base, copy_scan=0), "subject"),
        "near-copies aligned with days and months": (replace(base, swap_dates=False), "subject"),
        "no yes/no value slot": (replace(base, yes_no_values=False), "subject"),
        "certainty conflicts kept by closeness (no slot check)": (replace(base, certainty_slot=False), "subject"),
        "namesake notes beside conflicts too": (replace(base, notes_alone=False), "subject"),
        "namesake notes from two documents": (replace(base, note_docs=2), "subject"),
        "stored conflicts noted as namesakes without evidence": (replace(base, stored_note_evidence=False), "subject"),
        "pinned questions: 4 shared content words are one entity": (replace(base, pinned=4), "subject"),
        "no choice options (read by answer type)": (replace(base, choices=False), "subject"),
        "no near misses of a stated value": (replace(base, close_values=False), "subject"),
        "no denied slot (one value is agreement)": (replace(base, negated_slot=False), "subject"),
        "answers only from sentences about the subject": (replace(base, answer_subject=True), "subject"),
        "answers only from documents naming half the subject": (replace(base, answer_subject_doc=0.5), "subject"),
        "both of the two above": (replace(base, answer_subject=True, answer_subject_doc=0.5), "subject"),
        "one-word name parts glued to the subject's name read": (replace(base, glued_parts=False), "subject"),
        "answers only next to a word of the predicate": (replace(base, anchored=True), "subject"),
        "close certainty conflicts kept without the asked words": (replace(base, explain_docs=0), "subject"),
        "every passage of every document": (base, "all"),
        "before: stored conflicts, statement cosine >= 0.7": (None, "subject"),
    }


def _score(flags: list[tuple[int, str, bool, bool, bool]], split: str = "all") -> dict:
    """Every entry of ``a.conflicts`` is shown as a disagreement, so any entry flags a question;
    namesake notes are scored apart: right on the 213 questions labelled ambiguity (no
    misinformation, several entities), and, more leniently, on any question whose documents
    describe several entities of the name (``disambig_entity``), misinformation or not."""
    chosen = [x for x in flags if split == "all" or (split == "even") == (x[0] % 2 == 0)]
    keep = [(label, f) for _, label, f, _, _ in chosen]
    noted = [label for _, label, _, note, _ in chosen if note]
    noted_multi = [multi for _, _, _, note, multi in chosen if note]
    tp = sum(1 for label, f in keep if label == "conflict" and f)
    fp = sum(1 for label, f in keep if label != "conflict" and f)
    pos = sum(1 for label, _ in keep if label == "conflict")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / pos if pos else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tp": tp, "fp": fp, "positives": pos,
            "flagged_ambiguity": sum(1 for label, f in keep if label == "ambiguity" and f),
            "ambiguity_questions": sum(1 for label, _ in keep if label == "ambiguity"),
            "flagged_clean": sum(1 for label, f in keep if label == "clean" and f),
            "notes_shown": len(noted), "notes_right": sum(1 for label in noted if label == "ambiguity"),
            "notes_precision": round(sum(1 for label in noted if label == "ambiguity") / len(noted), 4) if noted else None,
            "notes_on_namesake_documents": sum(noted_multi),
            "namesake_document_questions": sum(1 for *_, multi in chosen if multi)}


def _stage(p, question: str, qvec, hits, settings: QuestionSettings | None, passages: str) -> list[Conflict]:
    """``Pipeline._conflicts`` with other finder settings (or none) and optionally every passage."""
    finder = p.conflict_finder
    if settings is None:
        p.conflict_finder = None
        try:
            return p._conflicts(qvec, hits, question)
        finally:
            p.conflict_finder = finder
    spans = p.subject_spans(hits)
    if passages == "all":
        spans = [(d, a, b) for d in p.data.doc_ids for a, b in p.docs[d].content]
    if len({s[0] for s in spans}) < 2:
        return []
    stored = p.select_conflicts(p.data.conflicts, spans) if p.data.conflicts else []
    return finder.find(question, spans, qvec, settings=settings, stored=stored)


def seed_cost(runs: int = 3) -> dict:
    """Median time of the conflict stage over the gold questions on the seeds (median of runs)."""
    from ..api import get_pipeline
    from ..ingest.text import normalize

    p = get_pipeline()
    questions = [json.loads(line)["question"] for line in (project_root() / GOLD).open(encoding="utf-8")
                 if line.strip()]
    prepared = []
    for q in questions:
        v = p.embedder.encode_query(normalize(q))
        prepared.append((q, v, p.retriever.search(v, q, max(5, p.read_k, p.subject_k))))
    for q, v, hits in prepared:  # warm: facts of every document are built on first use
        p._conflicts(v, hits, q)
    medians, p95s = [], []
    for _ in range(runs):
        ms = []
        for q, v, hits in prepared:
            t = time.perf_counter()
            p._conflicts(v, hits, q)
            ms.append((time.perf_counter() - t) * 1000)
        medians.append(statistics.median(ms))
        p95s.append(percentile(ms, 0.95))
    return {"questions": len(prepared), "runs": runs, "median_ms": round(statistics.median(medians), 3),
            "p95_ms": round(statistics.median(p95s), 3)}


SQUAD = Path("../shared/benchmarks/squad-v1.1-dev-half-a.json")
INCREMENTAL_REPORT = Path("eval/reports/conflicts_incremental.json")


def incremental() -> dict:
    """Corpus-wide conflicts on the SQuAD half (24 articles, one document each): a full run, then
    one article changed. Sentence vectors come from a cache filled beforehand (an index build
    reuses the index's own), so the times are those of the conflict search alone."""
    from ..config import Settings
    from ..conflicts.pairs import PairCache
    from ..conflicts.sentences import _analyse
    from ..conflicts.corpus_wide import find_conflicts
    from ..ingest.corpus import parse_document
    from ..indexing.embedding import get_embedder
    from ..evaluation.squad import load_squad

    sq = load_squad((project_root() / SQUAD).resolve())
    docs = [parse_document(d, t) for d, t in sq.texts.items()]
    k = len(docs) // 2
    changed = list(docs)
    changed[k] = parse_document(docs[k].doc_id, docs[k].raw.rstrip() + "\n\nOfficials said attendance "
                                "reached 70,000 people that year, more than in any year before.\n")
    embedder = get_embedder(Settings().model)
    vectors: dict[str, object] = {}
    t = time.perf_counter()
    texts = list(dict.fromkeys(s.norm for d in docs + [changed[k]] for s in _analyse(d).sents))
    vectors.update(zip(texts, embedder.encode(texts)))
    embed_s = time.perf_counter() - t

    def encode(batch: list[str]):
        import numpy as np

        return np.stack([vectors[x] for x in batch]) if batch else np.zeros((0, embedder.dim), np.float32)

    cache = PairCache()
    t = time.perf_counter()
    full = find_conflicts(docs, encode, cache=cache)
    full_s, full_pairs = time.perf_counter() - t, cache.computed
    saved = json.loads(json.dumps(cache.to_json()))  # what conflict_pairs.json holds after the build
    t = time.perf_counter()
    after = find_conflicts(changed, encode, cache=cache)
    inc_s, inc_pairs = time.perf_counter() - t, cache.computed - full_pairs
    # After a restart the cache comes from conflict_pairs.json: no document analysed in memory.
    reloaded = PairCache.from_json(saved)
    t = time.perf_counter()
    find_conflicts(changed, encode, cache=reloaded)
    restart_s = time.perf_counter() - t
    t = time.perf_counter()
    fresh = find_conflicts(changed, encode)
    fresh_s = time.perf_counter() - t
    same = [c.to_dict() for c in after] == [c.to_dict() for c in fresh]
    report = {"corpus": str(SQUAD), "documents": len(docs), "sentence_embedding_s": round(embed_s, 2),
              "full": {"seconds": round(full_s, 3), "pairs": full_pairs, "conflicts": len(full)},
              "one_changed": {"seconds": round(inc_s, 3), "pairs": inc_pairs, "conflicts": len(after),
                              "fraction_of_full": round(inc_s / full_s, 3)},
              "one_changed_after_restart": {"seconds": round(restart_s, 3), "pairs": reloaded.computed},
              "full_recompute_after_change_s": round(fresh_s, 3), "incremental_equals_full": same}
    print(json.dumps(report, indent=2))
    out = project_root() / INCREMENTAL_REPORT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> dict:
    from .. import api
    from ..evaluation.evaluate import load_ramdocs, ramdocs_label
    from ..ingest.text import normalize

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N questions")
    ap.add_argument("--quick", action="store_true", help="only the first row (what ask() does)")
    ap.add_argument("--half", choices=("even", "odd"), help="only the even (tuning) or odd (held-out) questions")
    ap.add_argument("--no-seeds", action="store_true", help="skip timing the conflict stage on the seeds")
    ap.add_argument("--incremental", action="store_true",
                    help="only time corpus-wide conflicts on the SQuAD half: full vs one article changed")
    args = ap.parse_args(argv)
    if args.incremental:
        return incremental()
    path = (project_root() / DATA).resolve()
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = rows[: args.limit] if args.limit else rows
    dataset = load_ramdocs(path, args.limit)
    variants = _variants(QuestionSettings())
    if args.quick:
        variants = {FULL: variants[FULL]}
    flags: dict[str, list[tuple[int, str, bool]]] = {name: [] for name in variants}
    pair_ok: dict[str, list[bool]] = {name: [] for name in variants}
    stage_ms: list[float] = []
    mismatched, skipped, examples = 0, 0, []
    started = time.perf_counter()
    for n, (row, item) in enumerate(zip(rows, dataset.items)):
        if n and n % 50 == 0:
            print(f"  {n}/{len(rows)} questions, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        if args.half and (n % 2 == 0) != (args.half == "even"):
            continue
        label = ramdocs_label(row)
        if label == "misinfo-only":
            skipped += 1  # misinformation with nothing correct to disagree with
            continue
        types = {f"d{k}": d["type"] for k, d in enumerate(row["documents"])}
        p = api.get_pipeline(item.corpus, item.index_dir)
        answer = p.ask(item.question)
        qvec = p.embedder.encode_query(normalize(item.question))
        hits = p.retriever.search(qvec, item.question, max(5, p.read_k, p.subject_k))
        for name, (settings, passages) in variants.items():
            t = time.perf_counter()
            found = _stage(p, item.question, qvec, hits, settings, passages)
            if name == FULL:
                stage_ms.append((time.perf_counter() - t) * 1000)
                mismatched += [c for c in found if c.kind != AMBIGUITY] != answer.conflicts
                if found and len(examples) < 60:
                    examples.append({"question": item.question, "label": label,
                                     "conflicts": [c.to_dict() for c in found[:3]]})
            real = [c for c in found if c.kind != AMBIGUITY]
            flags[name].append((n, label, bool(real), len(real) < len(found), len(row.get("disambig_entity") or ()) > 1))
            # Stricter: does a flagged conflict set a misinformation document against a correct one?
            pair_ok[name].extend({"correct", "misinfo"} <= {types.get(s.doc_id) for s in c.statements}
                                 for c in real)
        api.clear_cache()  # one small index per question: keep only the current one
    results = {}
    for name in variants:
        res = {split: _score(flags[name], split) for split in ("all", "even", "odd")}
        ok = pair_ok[name]
        res["conflicts_flagged"] = len(ok)
        res["share_misinfo_vs_correct"] = round(sum(ok) / len(ok), 4) if ok else 0.0
        results[name] = res
    cost = {"ramdocs_stage_median_ms": round(statistics.median(stage_ms), 3),
            "ramdocs_stage_p95_ms": round(percentile(stage_ms, 0.95), 3),
            "seeds": seed_cost() if not args.no_seeds else None}
    report = {"data": str(DATA), "questions": len(rows), "skipped_misinfo_without_correct": skipped,
              "path": "Pipeline._conflicts as ask() runs it (real index, real model)",
              "splits": "tuned on even question indices (0-based), odd held out",
              "first_row_differs_from_ask": mismatched, "results": results, "cost_ms": cost,
              "examples": examples}
    _print(report)
    out = project_root() / REPORT
    if args.half or args.limit or args.quick:  # a partial run does not replace the full report
        out = out.with_name(out.stem + "_partial.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out}")
    return report


def _print(report: dict) -> None:
    header = (f"{'setting':52} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'amb.FP':>7} {'notes right(lenient)/shown':>12} {'note P':>6} "
              f"{'mis-vs-cor':>10} | {'odd P':>6} {'odd R':>6} | {'even P':>6} {'even R':>6}")
    print(header)
    print("-" * len(header))
    for name, res in report["results"].items():
        r, o, e = res["all"], res["odd"], res["even"]
        print(f"{name:52} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['tp']:4d} {r['fp']:4d} "
              f"{r['flagged_ambiguity']:3d}/{r['ambiguity_questions']:<3d} {r['notes_right']:3d}({r['notes_on_namesake_documents']:3d})/{r['notes_shown']:<3d} "
              f"{r['notes_precision'] if r['notes_precision'] is not None else 0:6.3f} {res['share_misinfo_vs_correct']:10.3f} | "
              f"{o['precision']:6.3f} {o['recall']:6.3f} | {e['precision']:6.3f} {e['recall']:6.3f}")
    c = report["cost_ms"]
    print(f"questions {report['questions']} (skipped {report['skipped_misinfo_without_correct']} with "
          f"misinformation but no correct document); first row differs from ask() on "
          f"{report['first_row_differs_from_ask']}; conflict stage median {c['ramdocs_stage_median_ms']} ms "
          f"(p95 {c['ramdocs_stage_p95_ms']}) on RAMDocs"
          + (f", {c['seeds']['median_ms']} ms (p95 {c['seeds']['p95_ms']}) on the seeds" if c["seeds"] else ""))


if __name__ == "__main__":
    main()
