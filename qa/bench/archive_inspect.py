"""Looking inside a built archive (``qa.bench.archive``): how much of it is repeated text, and
where first-time questions spend their time, and which planted conflicts it shows.

    python -m qa.bench.archive --duplicates N   # repeated sentence text, largest stored conflict
    python -m qa.bench.archive --profile N      # 40 first-time questions under cProfile
"""
from __future__ import annotations

import json
from pathlib import Path

__all__ = ["distinct_sentences", "in_subject", "planted_recall", "profile_first_asks"]


def distinct_sentences(out: Path, index_dir: Path) -> dict:
    """How much of a built archive is repeated text: its indexed sentences, their distinct texts,
    the share of sentences whose text appears 5 times or more, and the most copies of one text."""
    from collections import Counter

    from ..conflicts.merge import is_template
    from ..indexing.store import load_index

    # The index and the files alone: a pipeline would also bring the stored conflicts up to date.
    data = load_index(index_dir)
    raw = [(out / "corpus" / data.doc_meta[d]["path"]).read_text("utf-8") for d in data.doc_ids]
    counts = Counter(raw[d][a:b].strip() for d, a, b in data.sentences.tolist())
    shown = [c for c in data.conflicts if not is_template(c)]
    n = int(len(data.sentences))
    return {"sentences": n, "distinct": len(counts), "copied_5_or_more": round(sum(c for c in counts.values() if c >= 5) / n, 3),
            "most_copies": max(counts.values(), default=0),
            "most_statements_in_a_stored_conflict": max((len(c.statements) for c in data.conflicts), default=0),
            # What a user is shown: templates filled in for many subjects are left out.
            "conflicts_shown": len(shown), "most_statements_in_a_shown_conflict": max((len(c.statements) for c in shown), default=0)}


def profile_first_asks(out: Path, index_dir: Path, n: int = 40) -> None:
    """cProfile of ``n`` first-time questions of the archive (after two warm-ups), and how many
    documents the question-time conflict check analysed for them."""
    from .. import api
    from .common import profile_asks

    qs = [json.loads(line)["question"] for line in (out / "questions.jsonl").read_text("utf-8").splitlines()]
    p = api.get_pipeline(out / "corpus", index_dir)
    for q in ("warm up the model", "what happened next?"):
        p.ask(q)
    before = p.conflict_finder.facts.built
    profile_asks(p, qs[200:200 + n])
    print(f"documents analysed by the conflict check for {n} questions: {p.conflict_finder.facts.built - before}")


def held_memory(out: Path, index_dir: Path, n: int = 400) -> None:
    """Resident memory and what the question-time conflict check holds (qa.conflicts.held) after
    every 100 of ``n`` first-time questions: bounded, it stops growing with the questions asked."""
    import time

    from .. import api

    def rss_mb() -> int:
        status = Path("/proc/self/status").read_text()
        return int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1]) // 1024

    qs = [json.loads(line)["question"] for line in (out / "questions.jsonl").read_text("utf-8").splitlines()]
    p = api.get_pipeline(out / "corpus", index_dir)
    p.ask("warm up the model")
    start, t = rss_mb(), time.perf_counter()
    for i, q in enumerate(qs[:n], 1):
        p.ask(q)
        if i % 100 == 0 or i == n:
            f = p.conflict_finder
            print(f"{i} questions in {time.perf_counter() - t:.1f} s: facts built {f.facts.built}, held "
                  f"{len(f.facts)} documents and {len(f._swaps)} pairs; RSS {rss_mb()} MB (+{rss_mb() - start})", flush=True)


def planted_recall(out: Path, conflicts) -> dict:
    """How many planted conflicts a corpus-wide conflict shows: one of its statements cites the
    planted sentence in its article, another one an article holding the original sentence.

    ``recall`` counts every planted change. ``recall_contradicting`` leaves out the changes inside
    the subject of the sentence's main clause (``in_subject``): "The Warsaw Citadel, an impressive
    19th-century fortification, ..." copied as "The Pittsburgh Penguins, an impressive ..." states
    something of another entity, true or false, which no reading of the two sentences can tell from
    a template filled in for two entities ("The 487th Fighter Squadron is a unit of ..." / "The
    487th Bombardment Squadron is ..."); a changed object, figure or date of the same subject is a
    contradiction."""
    truth = [json.loads(line) for line in (out / "planted.jsonl").read_text("utf-8").splitlines() if line.strip()]
    subject = in_subject([(t["planted"], t["new"]) for t in truth])
    found, by_kind, by_slot = 0, {}, {"subject": [0, 0], "other": [0, 0]}
    for t, subj in zip(truth, subject):
        hit = any(
            any(s.doc_id == t["article"] and t["new"] in s.text for s in c.statements)
            and any(s.doc_id in t["holders"] and t["old"] in s.text for s in c.statements)
            for c in conflicts)
        found += hit
        for k in (by_kind.setdefault(t["kind"], [0, 0]), by_slot["subject" if subj else "other"]):
            k[0] += hit
            k[1] += 1
    other = by_slot["other"]
    return {"planted": len(truth), "found": found, "recall": round(found / len(truth), 3) if truth else None,
            "by_kind": {k: f"{a}/{b}" for k, (a, b) in sorted(by_kind.items())},
            "by_slot": {k: f"{a}/{b}" for k, (a, b) in by_slot.items()},
            "recall_contradicting": round(other[0] / other[1], 3) if other[1] else None}


_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")


def in_subject(changes: list[tuple[str, str]]) -> list[bool]:
    """For each (sentence, changed words): whether the words sit in the subject of the sentence's
    main clause (spaCy's parse: under a subject dependent of the root)."""
    from ..reading.shortanswer import parse_many

    docs = parse_many([s for s, _ in changes])
    out = []
    for doc, (sentence, words) in zip(docs, changes):
        a = sentence.find(words)
        b = a + len(words)
        toks = [t for t in doc if a >= 0 and t.idx < b and t.idx + len(t) > a]
        out.append(any(any(u.dep_ in _SUBJECTS and u.head.dep_ == "ROOT" for u in [t, *t.ancestors]) for t in toks))
    return out
