"""Conflicts merged from pairwise findings: the merge kept from one call to the next
(``MergedConflicts``, what ``find_conflicts`` uses) equals a full merge after any add, change or
removal, and re-merges only the groups a changed pair reaches."""
from __future__ import annotations

import random

from qa.conflicts.candidates import CandidateSettings
from qa.conflicts.corpus_wide import find_conflicts, merge_findings
from qa.conflicts.pairs import PairCache

from .test_conflict_cache import doc, key
from .test_conflict_candidates import PLANT, PLANT_B, PLANT_C, made_up
from .test_conflicts import fake_encode


def _full(docs, settings):
    cache = PairCache(candidates=settings)  # copies of a text are cited from their first holders' findings
    return key(merge_findings(cache.findings(docs, fake_encode), docs, cache.copy_index(docs, fake_encode)))


def _random_step(rng, docs, pool):
    """Add a spare document, remove one, or change one's text under the same id."""
    move = rng.random()
    spare = [d for d in pool if d not in docs]
    if move < 0.5 and spare:
        return sorted(docs + [rng.choice(spare)], key=lambda d: d.doc_id)
    if move < 0.75 and len(docs) > 2:
        return [d for d in docs if d is not rng.choice(docs)]
    k = rng.randrange(len(docs))
    docs = list(docs)
    docs[k] = doc(docs[k].doc_id, rng.choice([PLANT, PLANT_B, PLANT_C]))
    return docs


def test_merging_only_what_changed_equals_a_full_merge_through_adds_changes_and_removals():
    rng = random.Random(11)
    pool = made_up() + [doc(f"p{i:02d}", rng.choice([PLANT, PLANT_B, PLANT_C])) for i in range(8)]
    for settings in (CandidateSettings(), CandidateSettings(exhaustive=True)):
        cache = PairCache(candidates=settings)
        docs = pool[:6]
        for step in range(12):
            got = key(find_conflicts(docs, fake_encode, cache=cache))
            assert got == _full(docs, settings), (settings.exhaustive, step)
            docs = _random_step(rng, docs, pool)


def test_adding_an_unrelated_article_remerges_none_of_the_stored_conflicts():
    docs = made_up()
    cache = PairCache(candidates=CandidateSettings())
    first = find_conflicts(docs, fake_encode, cache=cache)
    assert first and cache.merged.remerged == sum(len(v) for v in cache.pairs.values())
    unrelated = doc("z99", "The harbour museum reopened its east wing after a long restoration.")
    again = find_conflicts(docs + [unrelated], fake_encode, cache=cache)
    assert key(again) == key(first) and cache.merged.remerged == 0
    # A planted near-copy joins the existing numeric conflict: only that group is merged again.
    grown = docs + [unrelated, doc("z98", PLANT_B)]
    assert key(find_conflicts(grown, fake_encode, cache=cache)) == _full(grown, CandidateSettings())
    assert 0 < cache.merged.remerged < sum(len(v) for v in cache.pairs.values())


def test_saving_writes_what_to_json_holds_and_serialises_only_new_pairs(tmp_path):
    import json

    from qa.conflicts.pairs import FINDINGS_FILE, PAIRS_FILE
    from qa.conflicts.stored_pairs import read_findings_file

    def saved():
        head = json.loads((tmp_path / PAIRS_FILE).read_text("utf-8"))
        findings = read_findings_file(tmp_path / FINDINGS_FILE)
        assert findings.pop("stamp") == head.pop("findings")
        return {**head, **findings}

    docs = made_up()
    cache = PairCache(candidates=CandidateSettings())
    find_conflicts(docs, fake_encode, cache=cache)
    cache.save(tmp_path)
    assert saved() == json.loads(json.dumps(cache.to_json()))
    before = {k: t for k, (_, t) in cache._pair_text.items()}
    grown = docs + [doc("z98", PLANT_B)]
    find_conflicts(grown, fake_encode, cache=cache)
    cache.save(tmp_path)
    assert saved() == json.loads(json.dumps(cache.to_json())) and len(saved()["pairs"]) > len(before)
    assert all(cache._pair_text[k][1] is t for k, t in before.items())  # kept, not written again
    loaded = PairCache.load(tmp_path, candidates=CandidateSettings())
    assert key(find_conflicts(grown, fake_encode, cache=loaded)) == _full(grown, CandidateSettings())
    assert loaded.computed == 0


def _restarted(tmp_path, cache, conflicts, docs, settings):
    """Save ``cache`` as an index build does (the stored conflicts' checksum recorded), load it as
    a new process would, and seed its merge from the stored conflicts."""
    cache.conflicts_sha = "c" * 64
    cache.save(tmp_path)
    loaded = PairCache.load(tmp_path, candidates=settings)
    idents = [f"{d.doc_id}\t{d.fingerprint}" for d in docs]
    assert loaded.seed_merge(conflicts, idents, "c" * 64)
    return loaded


def test_a_merge_taken_over_from_the_stored_conflicts_after_a_restart_equals_a_full_merge(tmp_path):
    from qa.conflicts.stored_pairs import Unread

    settings = CandidateSettings()
    docs = made_up()
    cache = PairCache(candidates=settings)
    conflicts = find_conflicts(docs, fake_encode, cache=cache)
    total = sum(len(v) for v in cache.pairs.values())
    unrelated = doc("z99", "The harbour museum reopened its east wing after a long restoration.")
    loaded = _restarted(tmp_path, cache, conflicts, docs, settings)
    assert key(find_conflicts(docs + [unrelated], fake_encode, cache=loaded)) == key(conflicts)
    assert loaded.merged.remerged == 0 and all(isinstance(v, Unread) for v in loaded.pairs_as_read.values())
    # A near-copy joins a stored conflict: only what it reaches is read and merged again.
    loaded = _restarted(tmp_path, cache, conflicts, docs, settings)
    grown = docs + [doc("z98", PLANT_B)]
    assert key(find_conflicts(grown, fake_encode, cache=loaded)) == _full(grown, settings)
    assert 0 < loaded.merged.remerged < total
    assert any(isinstance(v, Unread) for v in loaded.pairs_as_read.values())
    # Conflicts the cache did not make (another checksum) are not taken over.
    other = PairCache.load(tmp_path, candidates=settings)
    assert not other.seed_merge(conflicts, [f"{d.doc_id}\t{d.fingerprint}" for d in docs], "d" * 64)
    assert other.merged.empty


def test_restarts_between_random_adds_changes_and_removals_equal_full_merges(tmp_path):
    rng = random.Random(5)
    settings = CandidateSettings()
    pool = made_up() + [doc(f"p{i:02d}", rng.choice([PLANT, PLANT_B, PLANT_C])) for i in range(8)]
    docs = pool[:6]
    cache = PairCache(candidates=settings)
    got = find_conflicts(docs, fake_encode, cache=cache)
    for step in range(8):
        cache = _restarted(tmp_path, cache, got, docs, settings)
        docs = _random_step(rng, docs, pool)
        got = find_conflicts(docs, fake_encode, cache=cache)
        assert key(got) == _full(docs, settings), step


def test_a_damaged_stored_finding_met_by_a_merge_makes_the_cache_compute_everything(tmp_path):
    from qa.conflicts.pairs import FINDINGS_FILE

    settings = CandidateSettings()
    docs = made_up()
    cache = PairCache(candidates=settings)
    conflicts = find_conflicts(docs, fake_encode, cache=cache)
    cache.conflicts_sha = "c" * 64
    cache.save(tmp_path)
    path = tmp_path / FINDINGS_FILE
    head, *lines = path.read_text("utf-8").split("\n")
    assert lines and all("\t[[" in line for line in lines)  # one line a pair, after the header
    path.write_text("\n".join([head, *(line.replace("\t[[", '\t[["not a kind", "x"], [', 1) for line in lines)]), "utf-8")
    loaded = PairCache.load(tmp_path, candidates=settings)
    assert loaded.seed_merge(conflicts, [f"{d.doc_id}\t{d.fingerprint}" for d in docs], "c" * 64)
    grown = docs + [doc("z98", PLANT_B)]
    assert key(find_conflicts(grown, fake_encode, cache=loaded)) == _full(grown, settings)
    assert loaded.computed > 0  # every pair ran again: the stored ones could not be trusted
