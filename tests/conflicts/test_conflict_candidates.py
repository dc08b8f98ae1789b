"""Corpus-wide conflicts without comparing every pair of documents: candidate sentence pairs from
nearest neighbours and from figures in the same unit find what the exhaustive pass finds, an
incremental update equals a full rebuild, and adding one document costs the same in a corpus of
20 or 200."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from qa.conflicts.candidates import CandidateSettings, CorpusCandidates
from qa.conflicts.corpus_wide import find_conflicts
from qa.conflicts.pairs import PairCache
from qa.conflicts.rules import Thresholds
from qa.ingest.corpus import load_corpus

from .test_conflict_cache import corpus, doc, key
from .test_conflicts import fake_encode

EXHAUSTIVE = CandidateSettings(exhaustive=True)
PLANT = "The Tyro plant in Kansas employs 1,200 workers on three shifts, the company said."
# One figure swapped in a near-copy: a numeric conflict the aligned rules find.
PLANT_B = "The Tyro plant in Kansas employs 3,500 workers on three shifts, the company said."
PLANT_C = "Tyro's Kansas plant has 1,200 workers on its three shifts, the company said in May."


def made_up() -> list:
    return corpus() + [
        doc("f06", "Regulators denied that Orion Foods had contacted Tyro about the merger of the two retailers."),
        doc("g07", "Orion Foods is in talks with Tyro about a merger of the two retailers, people said."),
        doc("h08", PLANT_C, "Orion Foods opened its first bakery in Lyon in 1998, the founder recalled."),
        doc("i09", "Shares of the grocer rose 4% on Monday after the results were published."),
    ]


def run(docs, settings: CandidateSettings, th: Thresholds | None = None, cache: PairCache | None = None):
    cache = cache or PairCache(th, candidates=settings)
    return key(find_conflicts(docs, fake_encode, th, cache=cache)), cache


def test_candidates_find_what_every_pair_finds_and_run_fewer_pairs():
    docs = made_up()
    exhaustive, every = run(docs, EXHAUSTIVE)
    candidates, cand = run(docs, CandidateSettings())
    assert candidates == exhaustive
    assert {k for k, *_ in exhaustive} >= {"numeric", "date", "certainty"}
    assert every.computed == 36 and cand.computed < every.computed
    # The same sentence pairs reach the rules, but for verbatim copies (FILLER), which they skip.
    assert every.examined - cand.examined == 4 and cand.examined > 0


def test_a_pair_only_the_unit_index_finds():
    # The same sum with another certainty, in sentences less similar than the threshold: only the
    # (unit, value) index pairs them, and the certainty rule (which needs less similarity) fires.
    docs = [doc("a01", "Orion Foods is expected to reach $5 billion in sales next year, analysts said."),
            doc("b02", "Orion Foods reached $5 billion in sales last year, the company said in its report.")]
    th = Thresholds(candidate_embedding=0.9)
    cache = PairCache(th, candidates=CandidateSettings())
    records = [cache._record(d, fake_encode) for d in docs]
    assert float(records[0].vecs[0] @ records[1].vecs[0]) < th.candidate_embedding
    found = CorpusCandidates(records, CandidateSettings()).search([0], th.candidate_embedding, 2.0)
    assert found[(0, 1)].pairs == {(0, 0)}
    exhaustive, _ = run(docs, EXHAUSTIVE, th)
    assert [k for k, *_ in exhaustive] == ["certainty"]
    assert run(docs, CandidateSettings(), th)[0] == exhaustive
    assert run(docs, CandidateSettings(figure_cap=0), th)[0] == []  # without the unit index: lost


def test_a_pair_only_the_neighbour_search_finds():
    # A swapped year is no figure with a unit: only the similarity of the sentences pairs them.
    docs = [doc("c03", "Orion Foods opened its first bakery in Lyon in 1998, the founder recalled."),
            doc("d04", "Orion Foods opened its first bakery in Lyon in 2004, the founder recalled.")]
    cache = PairCache(candidates=CandidateSettings())
    records = [cache._record(d, fake_encode) for d in docs]
    assert not records[0].figures and not records[1].figures
    exhaustive, _ = run(docs, EXHAUSTIVE)
    assert [k for k, *_ in exhaustive] == ["date"]
    assert run(docs, CandidateSettings())[0] == exhaustive


def test_a_denial_is_paired_below_the_similarity_threshold():
    docs = made_up()
    th = Thresholds(candidate_embedding=0.95)  # no neighbours: only denials and figures pair
    exhaustive, _ = run(docs, EXHAUSTIVE, th)
    assert any(k == "certainty" for k, *_ in exhaustive)
    assert run(docs, CandidateSettings(), th)[0] == exhaustive


def test_copies_of_a_denial_and_of_its_claim_run_the_rules_on_their_first_holders_only():
    denial = "Regulators denied that Orion Foods had contacted Tyro about the merger of the two retailers."
    claim = "Orion Foods is in talks with Tyro about a merger of the two retailers, people said."
    docs = _copies("a", denial, 5) + _copies("b", claim, 5)
    th = Thresholds(candidate_embedding=0.95)  # only the denial search pairs them
    exhaustive, every = run(docs, EXHAUSTIVE, th)
    assert any(k == "certainty" for k, *_ in exhaustive) and len(exhaustive[0][2]) == 10
    got, cache = run(docs, CandidateSettings(), th)
    assert got == exhaustive
    assert cache.computed == 4 and every.computed == 45  # 2 x 2 first holders, not 5 x 5


@pytest.mark.parametrize("float16", [False, True], ids=["float32", "float16"])
def test_incremental_add_change_remove_equals_a_full_rebuild(float16, tmp_path):
    settings = CandidateSettings(float16=float16)
    docs = made_up()
    cache = PairCache(candidates=settings)
    find_conflicts(docs[:5], fake_encode, cache=cache)
    added, _ = run(docs, settings, cache=cache)  # four documents added
    assert added == run(docs, settings)[0] == run(docs, EXHAUSTIVE)[0]
    changed = list(docs)
    changed[1] = doc("b02", PLANT)  # now agrees with a01 and h08
    ran: list[tuple[str, str]] = []
    merged = cache.findings(changed, fake_encode, on_pair=lambda a, b: ran.append((a, b)))
    assert ran and all("b02" in p for p in ran)  # only the changed document's neighbours
    assert merged and key(find_conflicts(changed, fake_encode, cache=cache)) == run(changed, settings)[0]
    removed = [d for d in changed if d.doc_id != "d04"]
    before = cache.computed
    assert run(removed, settings, cache=cache)[0] == run(removed, EXHAUSTIVE)[0]
    assert cache.computed == before  # nothing to run; its pairs forgotten
    assert not any("d04" in k for k in cache.pairs)
    # A restarted process reads what was searched from the file and runs nothing.
    cache.save(tmp_path)
    loaded = PairCache.load(tmp_path, candidates=settings)
    assert run(removed, settings, cache=loaded)[0] == run(removed, settings)[0] and loaded.computed == 0


def _small_corpus(n: int, rng: random.Random) -> list:
    words = [f"w{k}x" for k in range(5000)]
    out = []
    for i in range(n):
        subject = " ".join(rng.sample(words, 6))
        out.append(doc(f"n{i:04d}", f"Acme {subject} reported {rng.randint(10, 10**6)} tonnes this year.",
                       f"Officials {' '.join(rng.sample(words, 8))} said nothing more."))
    return out


def test_adding_one_document_costs_the_same_in_a_corpus_of_20_or_200():
    new = doc("zzz", PLANT, "Orion Foods opened its first bakery in Lyon in 1998, the founder recalled.")
    cost = {}
    for n in (20, 200):
        docs = _small_corpus(n, random.Random(7)) + [doc("a01", PLANT_B), doc("c03", PLANT_C)]
        cache = PairCache(candidates=CandidateSettings())
        find_conflicts(docs, fake_encode, cache=cache)
        pairs, examined = cache.computed, cache.examined
        find_conflicts(docs + [new], fake_encode, cache=cache)
        cost[n] = (cache.computed - pairs, cache.examined - examined, cache.stats.searched)
        exhaustive = PairCache(candidates=EXHAUSTIVE)
        find_conflicts(docs, fake_encode, cache=exhaustive)
        pairs, examined = exhaustive.computed, exhaustive.examined
        find_conflicts(docs + [new], fake_encode, cache=exhaustive)
        assert exhaustive.computed - pairs == len(docs)  # every pair: grows with the corpus
    assert cost[20] == cost[200] and cost[20][0] == 2  # its two neighbours, whatever the corpus size


def _copies(prefix: str, sentence: str, n: int) -> list:
    return [doc(f"{prefix}{i:02d}", sentence) for i in range(n)]


def test_copies_of_a_sentence_do_not_crowd_out_its_neighbours_and_the_conflict_cites_every_copy():
    # Wire copies: each text in six articles. Searched one row each, a sentence's top k were its
    # own copies (which never pair), so with k=3 the swapped figure was never a candidate.
    docs = _copies("a", PLANT, 6) + _copies("b", PLANT_B, 6)
    exhaustive, every = run(docs, EXHAUSTIVE)
    assert len(exhaustive) == 1 and len(exhaustive[0][2]) == 12  # one conflict citing all twelve
    got, cache = run(docs, CandidateSettings(k=3, copy_cap=1))
    assert got == exhaustive
    # The rules run on the first holder of each text; the merge cites the other copies.
    assert cache.computed == 1 and every.computed == 66
    # Two first holders a text: four pairs of documents, whatever the number of copies.
    assert run(docs, CandidateSettings(k=3, copy_cap=2))[1].computed == 4
    assert run(_copies("a", PLANT, 20) + _copies("b", PLANT_B, 20), CandidateSettings(k=3))[1].computed == 4


def test_adding_a_copy_links_it_into_the_conflict_as_a_full_rebuild_does():
    docs = _copies("a", PLANT, 4) + _copies("b", PLANT_B, 3)
    settings = CandidateSettings(k=3, copy_cap=1)
    cache = PairCache(candidates=settings)
    find_conflicts(docs, fake_encode, cache=cache)
    grown = docs + _copies("c", PLANT_B, 1) + _copies("d", PLANT, 1)
    added = key(find_conflicts(grown, fake_encode, cache=cache))
    assert added == run(grown, settings)[0] == run(grown, EXHAUSTIVE)[0]
    assert len(added) == 1 and {s[0] for s in added[0][2]} == {d.doc_id for d in grown}
    # A copy that was never in a pair of its own, removed: the conflict no longer cites it.
    shrunk = [d for d in grown if d.doc_id != "a02"]
    removed = key(find_conflicts(shrunk, fake_encode, cache=cache))
    assert removed == run(shrunk, settings)[0] == run(shrunk, EXHAUSTIVE)[0]
    assert "a02" not in {s[0] for s in removed[0][2]} and len(removed[0][2]) == len(shrunk)


@pytest.mark.slow
def test_seed_conflicts_candidates_equal_every_pair_with_the_real_model():
    from qa.config import Settings
    from qa.indexing.embedding import get_embedder

    embedder = get_embedder(Settings().model)
    docs = load_corpus(Path(__file__).resolve().parents[2] / "seeds")
    every = find_conflicts(docs, embedder.encode, cache=PairCache(candidates=EXHAUSTIVE))
    assert every and find_conflicts(docs, embedder.encode) == every


def test_a_document_without_content_sentences_is_no_candidate():
    docs = made_up()[:2] + [doc("z99", "Too short.")]
    assert run(docs, CandidateSettings())[0] == run(docs, EXHAUSTIVE)[0]


def test_a_full_pass_over_a_large_corpus_searches_inverted_lists_and_one_document_stays_exact():
    docs = _small_corpus(120, random.Random(3)) + [doc("a01", PLANT_B), doc("c03", PLANT_C), doc("zzz", PLANT)]
    exact, _ = run(docs, CandidateSettings())
    # A "large" corpus for this test: inverted lists of ~4 sentences, every list probed, so the
    # approximate search must find exactly what the exact one finds.
    big = CandidateSettings(ivf_rows=50, ivf_list=4, ivf_probe=10_000)
    approx, _ = run(docs, big)
    assert approx == exact and exact
    import numpy as np

    from qa.conflicts.candidates import record_of
    from qa.conflicts.sentences import _analyse

    analyses = [_analyse(d) for d in docs]
    records = [record_of(a, np.asarray(fake_encode([s.norm for s in a.sents]), np.float32)) for a in analyses]
    cands = CorpusCandidates(records, big)
    assert cands._bulk(sum(len(r) for r in records)) is not cands.index  # a full pass: inverted lists
    assert cands._bulk(len(records[-1])) is cands.index  # one document's search: exact
    small = CorpusCandidates(records, CandidateSettings())
    assert small._bulk(sum(len(r) for r in records)) is small.index  # below ivf_rows: exact


def test_the_analyses_kept_are_bounded_by_their_sentences_and_findings_do_not_change():
    # Analyses hold Python objects per sentence: a bound by documents would let a corpus of long
    # articles hold any number of sentences.
    docs = made_up()
    small = PairCache(candidates=CandidateSettings(lru_sentences=4))
    got, _ = run(docs, small.candidates, cache=small)
    assert got == run(docs, CandidateSettings())[0]
    kept = sum(len(a.sents) for a in small.reader.analysed.values()) + len(small.reader._sentences)
    assert kept <= 4 or len(small.reader.analysed) == 1
    # What the bound dropped is read again sentence by sentence, never as a whole analysis.
    assert small.analyses == len(docs) and small.sentence_analyses > 0


def test_a_pass_with_a_small_lru_analyses_each_document_about_once_and_finds_the_same():
    # Pairs join documents far apart in any order: re-analysing a whole document per pair made
    # 1,747 analyses of these 131 documents with room for 16 sentences. A pair now analyses only
    # its candidate sentences, one by one.
    docs = _small_corpus(120, random.Random(5)) + made_up() + [
        doc("p1", PLANT_B, "Acme w1x w2x w3x reported 12 tonnes this year."), doc("p2", PLANT_C)]
    small = PairCache(candidates=CandidateSettings(lru_sentences=16))
    got, _ = run(docs, small.candidates, cache=small)
    unbounded = PairCache(candidates=CandidateSettings(lru_sentences=10**9))
    # The plants' four conflicts (the random filler's figures conflict nowhere).
    assert got == run(docs, unbounded.candidates, cache=unbounded)[0] and len(got) >= 4
    assert small.computed == unbounded.computed > 10 * len(docs)
    assert small.analyses <= 1.5 * len(docs)
    assert sum(len(a.sents) for a in small.reader.analysed.values()) + len(small.reader._sentences) <= 16 + 2


def test_a_sentence_analysed_alone_is_the_one_of_its_documents_analysis():
    from dataclasses import replace

    from qa.conflicts.sentences import _analyse, lower_words, sentence_at

    for d in made_up() + _small_corpus(5, random.Random(1)):
        whole = _analyse(d)
        assert lower_words(d, [(s.start, s.end) for s in whole.sents]) == whole.lower
        for s, cap in zip(whole.sents, whole.caps):
            alone, alone_cap = sentence_at(d, s.start, s.end)
            assert alone_cap == cap and replace(alone, names=cap - whole.lower) == s


def test_sentences_sharing_words_are_paired_as_a_full_comparison_pairs_them():
    """The inverted index behind swaps_between's word-sharing pairs finds exactly the pairs that
    comparing every two sentences' word sets finds, empty sentences included."""
    import random
    from types import SimpleNamespace

    from qa.conflicts.swaps import SHARED, _sharing_pairs, sharing_index

    rng = random.Random(7)
    words = [f"w{k}" for k in range(12)]
    for _ in range(200):
        a = [SimpleNamespace(content=frozenset(rng.sample(words, rng.randint(0, 6)))) for _ in range(rng.randint(0, 6))]
        b = [SimpleNamespace(content=frozenset(rng.sample(words, rng.randint(0, 6)))) for _ in range(rng.randint(0, 6))]
        full = {(i, j) for i, x in enumerate(a) for j, y in enumerate(b)
                if len(x.content & y.content) >= SHARED * min(len(x.content), len(y.content))}
        assert _sharing_pairs(a, b) == full
        assert _sharing_pairs(a, b, sharing_index(b)) == full  # b's index made once, as DocFacts keeps it
