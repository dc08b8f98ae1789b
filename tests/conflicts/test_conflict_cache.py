"""Corpus-wide conflicts are computed one pair of documents at a time and cached: changing, adding
or removing one document re-runs only the pairs it is in, and gives the same conflicts as a full
recomputation (unit level with made-up articles, and through qa.api's index build)."""
from __future__ import annotations

from pathlib import Path

import pytest

from qa import api
from qa.conflicts.candidates import CandidateSettings
from qa.conflicts.pairs import PAIRS_FILE, PairCache
from qa.conflicts.corpus_wide import find_conflicts, merge_findings
from qa.ingest.corpus import Document, parse_document

from .test_conflicts import fake_encode

EXHAUSTIVE = CandidateSettings(exhaustive=True)  # every pair of documents: what the counts below assume
FILLER = "Analysts say the market for these products keeps growing across the region."


def doc(doc_id: str, *sentences: str) -> Document:
    return parse_document(doc_id, "A news article\n2026-07-03\n\n" + " ".join(sentences) + "\n")


def corpus() -> list[Document]:
    return [
        doc("a01", "The Tyro plant in Kansas employs 1,200 workers on three shifts, the company said.", FILLER),
        doc("b02", "The Tyro plant in Kansas employs 3,500 workers on three shifts, the company said."),
        doc("c03", "Orion Foods opened its first bakery in Lyon in 1998, the founder recalled.", FILLER),
        doc("d04", "Orion Foods opened its first bakery in Lyon in 2004, the founder recalled."),
        doc("e05", FILLER, "Regulators have not commented on the merger of the two retailers."),
    ]


def key(conflicts) -> list:
    return [(c.kind, c.summary, tuple((s.doc_id, s.start, s.end, s.score) for s in c.statements)) for c in conflicts]


def test_changing_one_document_runs_only_its_pairs_and_matches_a_full_run():
    docs = corpus()
    cache = PairCache(candidates=EXHAUSTIVE)
    first = find_conflicts(docs, fake_encode, cache=cache)
    assert sorted(c.kind for c in first) == ["date", "numeric"]
    assert cache.computed == 10  # 5 documents: every pair once
    changed = list(docs)
    changed[1] = doc("b02", "The Tyro plant in Kansas employs 1,200 workers on three shifts, the company said.")
    ran: list[tuple[str, str]] = []
    found = cache.findings(changed, fake_encode, on_pair=lambda a, b: ran.append((a, b)))
    assert ran == [("a01", "b02"), ("b02", "c03"), ("b02", "d04"), ("b02", "e05")]
    incremental = merge_findings(found, changed)
    assert key(incremental) == key(find_conflicts(changed, fake_encode))  # a fresh, full run
    assert [c.kind for c in incremental] == ["date"]  # the plant's figures now agree


def test_adding_and_removing_documents():
    docs = corpus()
    cache = PairCache(candidates=EXHAUSTIVE)
    find_conflicts(docs[:4], fake_encode, cache=cache)
    assert cache.computed == 6
    added = find_conflicts(docs, fake_encode, cache=cache)
    assert cache.computed == 10  # only the 4 pairs of the new document
    assert key(added) == key(find_conflicts(docs, fake_encode))
    removed = find_conflicts([d for d in docs if d.doc_id != "d04"], fake_encode, cache=cache)
    assert cache.computed == 10 and len(cache.pairs) == 6  # nothing to run; its pairs forgotten
    assert [c.kind for c in removed] == ["numeric"]


def test_cache_file_round_trip_and_invalidation(tmp_path):
    docs = corpus()
    cache = PairCache(candidates=EXHAUSTIVE)
    first = find_conflicts(docs, fake_encode, cache=cache)
    cache.save(tmp_path)
    loaded = PairCache.load(tmp_path, candidates=EXHAUSTIVE)
    assert key(find_conflicts(docs, fake_encode, cache=loaded)) == key(first)
    assert loaded.computed == 0
    # Findings made with an encoder are not reused by a run without one: all 10 pairs recomputed.
    find_conflicts(docs, None, cache=loaded)
    assert loaded.computed == 10
    (tmp_path / PAIRS_FILE).write_text("{not json", "utf-8")
    assert PairCache.load(tmp_path).pairs == {}  # a damaged cache is only recomputed


def test_index_refresh_after_one_article_changes_reruns_its_pairs_only(fake_qa):
    corpus_dir: Path = fake_qa["corpus"]
    api.build_index(progress=False)
    entry = next(iter(api._CACHE.values()))
    n = len(entry.pipeline.data.doc_ids)
    before = entry.pairs.computed
    target = sorted(corpus_dir.glob("*.txt"))[2]
    target.write_text(target.read_text("utf-8") + "\nSamsung denied that it had signed any order.\n", "utf-8")
    report = api.build_index(progress=False)
    # Only the changed article's candidate pairs run (its sentences' neighbours), at most n - 1.
    assert report.changed and 0 < entry.pairs.computed - before <= n - 1
    incremental = key(api.corpus_conflicts())
    assert (fake_qa["index_root"] / "seeds" / PAIRS_FILE).exists()
    # A full build of the same corpus into a fresh index finds the same conflicts ...
    fresh = api.build_index(corpus_dir, fake_qa["tmp"] / "fresh-index", progress=False)
    assert fresh.rebuilt_reason is None and key(api.corpus_conflicts(corpus_dir, fake_qa["tmp"] / "fresh-index")) == incremental
    # ... and a restarted process reads the cache instead of running any pair again.
    api.clear_cache()
    api.get_pipeline()
    entry = next(e for e in api._CACHE.values() if e.pipeline is not None)
    assert entry.pairs.computed == 0 and key(api.corpus_conflicts()) == incremental


def test_the_question_path_reuses_the_analyses_the_pair_cache_made(monkeypatch):
    import qa.conflicts.answer_facts
    from qa.conflicts.question import QuestionConflicts

    docs = corpus()
    cache = PairCache()
    find_conflicts(docs, fake_encode, cache=cache)
    fresh = QuestionConflicts(docs)
    monkeypatch.setattr(qa.conflicts.answer_facts, "_analyse", lambda d: pytest.fail(f"{d.doc_id} analysed again"))
    reused = QuestionConflicts(docs, analysed=cache.analysed)
    assert reused.facts == fresh.facts
    q = "How many workers does the Tyro plant in Kansas employ?"
    assert reused.find(q) == fresh.find(q) and reused.find(q)
    assert PairCache().analysed(docs[0]) is None  # nothing analysed: the finder analyses itself


def test_the_pipeline_finder_reads_the_analyses_of_the_build(fake_qa, monkeypatch):
    import qa.conflicts.answer_facts

    p = api.get_pipeline()  # a fresh build: the pair cache analysed every document
    monkeypatch.setattr(qa.conflicts.answer_facts, "_analyse", lambda d: pytest.fail(f"{d.doc_id} analysed again"))
    p.conflict_finder.find("How many units of its newest MTIA chip does Meta plan to mass-produce?")
    assert len(p.conflict_finder.facts) == len(p.data.doc_ids)
