"""Loading an index does not touch the pairs of documents: the stored conflicts are trusted when
the conflict cache made them, a question reads only the conflicts of its retrieved documents, and
the cache file is checked plain JSON."""
from __future__ import annotations

import json

import qa
from qa import api
from qa.conflicts.corpus_wide import StoredConflicts, find_conflicts, select_for_question
from qa.conflicts.pairs import FINDINGS_FILE, PAIRS_FILE, PairCache
from qa.conflicts.stored_pairs import read_findings_file

from .test_conflict_candidates import made_up
from .test_conflicts import fake_encode


def _count_findings(monkeypatch) -> list:
    calls = []
    real = PairCache.findings

    def counted(self, *args, **kwargs):
        calls.append(len(args[0]))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(PairCache, "findings", counted)
    return calls


def test_loading_an_index_trusts_the_conflicts_its_cache_made(fake_qa, monkeypatch):
    qa.ask("Which foundry produced the first two generations of MTIA?")
    built = api.corpus_conflicts()
    index_dir = api._resolve(None, None)[1]
    assert json.loads((index_dir / PAIRS_FILE).read_text("utf-8"))["conflicts_sha"]
    api.clear_cache()  # a new process: the index and the cache are read from disk
    calls = _count_findings(monkeypatch)
    qa.ask("Which foundry produced the first two generations of MTIA?")
    assert calls == [] and api.corpus_conflicts() == built
    assert next(iter(api._CACHE.values())).pairs._stored_pairs is not None  # findings not even parsed

    # Stored conflicts the cache did not make (another checksum) are merged again, from the cache.
    data = json.loads((index_dir / PAIRS_FILE).read_text("utf-8"))
    data["conflicts_sha"] = "0" * 64
    (index_dir / PAIRS_FILE).write_text(json.dumps(data), "utf-8")
    api.clear_cache()
    qa.ask("Which foundry produced the first two generations of MTIA?")
    assert len(calls) == 1 and api.corpus_conflicts() == built


def test_conflicts_merged_again_at_load_are_saved_with_the_index(fake_qa, monkeypatch):
    """New rules on an unchanged corpus: the load merges the conflicts again and saves them, so the
    next start trusts conflicts of these rules, not the file the old ones made (its checksum was
    still the cache's: every start after an upgrade showed the old conflicts)."""
    from qa.conflicts import pairs, rules

    version, bound_moved = pairs.RULES_VERSION, rules._bound_moved
    # Built by an older release: a rule missing, another RULES_VERSION (the cache records it).
    monkeypatch.setattr(pairs, "RULES_VERSION", version + 100)
    monkeypatch.setattr(rules, "_bound_moved", lambda a, b: False)
    for name, size in (("zz_a.txt", 60), ("zz_b.txt", 100)):
        (fake_qa["corpus"] / name).write_text(
            f"Orvik farm\n2026-07-03\n\nThe Orvik farm property, more than {size} acres in size, includes a "
            "farmhouse from the 1790s near the old mill.\n", "utf-8")
    qa.ask("How big is the Orvik farm?")
    acres = lambda: [c for c in api.corpus_conflicts() if "more than 100" in c.summary]  # noqa: E731
    assert acres() == []
    # This release's rules: merged again at load ...
    monkeypatch.setattr(pairs, "RULES_VERSION", version)
    monkeypatch.setattr(rules, "_bound_moved", bound_moved)
    api.clear_cache()
    qa.ask("How big is the Orvik farm?")
    assert acres()
    # ... and still there at the next start, without merging again.
    api.clear_cache()
    calls = _count_findings(monkeypatch)
    qa.ask("How big is the Orvik farm?")
    assert acres() and calls == []


def test_a_changed_document_is_no_current_cache(tmp_path):
    docs = made_up()
    cache = PairCache()
    find_conflicts(docs, fake_encode, cache=cache)
    cache.conflicts_sha = "a" * 64
    assert cache.current(docs, "a" * 64) and not cache.current(docs, "b" * 64)
    assert not cache.current(docs[:-1], "a" * 64)  # a removed document drops its findings
    cache.save(tmp_path)
    loaded = PairCache.load(tmp_path)
    assert loaded.current(docs, "a" * 64) and loaded.pairs == cache.pairs


def test_a_cache_file_of_another_shape_is_not_trusted(tmp_path):
    docs = made_up()
    cache = PairCache()
    find_conflicts(docs, fake_encode, cache=cache)
    cache.save(tmp_path)
    data = read_findings_file(tmp_path / FINDINGS_FILE)  # written back in the earlier layout: still read
    assert data["pairs"]
    key = next(iter(data["pairs"]))
    data["pairs"][key][0][1] = "12"  # an offset that is not a number
    (tmp_path / FINDINGS_FILE).write_text(json.dumps(data), "utf-8")
    loaded = PairCache.load(tmp_path)
    assert loaded.pairs == {} and loaded.settled == set() and loaded.dirty


def test_findings_from_another_save_or_missing_are_not_trusted(tmp_path):
    docs = made_up()
    cache = PairCache()
    find_conflicts(docs, fake_encode, cache=cache)
    cache.save(tmp_path)
    older = (tmp_path / FINDINGS_FILE).read_text("utf-8")
    assert PairCache.load(tmp_path).pairs == cache.pairs
    cache.pairs = dict(cache.pairs)  # as after a change: the next save writes the findings again
    cache.save(tmp_path)
    (tmp_path / FINDINGS_FILE).write_text(older, "utf-8")  # a crash between the two files' writes
    stale = PairCache.load(tmp_path)
    assert stale.pairs == {} and stale.settled == set() and stale.dirty
    (tmp_path / FINDINGS_FILE).unlink()
    gone = PairCache.load(tmp_path)
    assert gone.pairs == {} and gone.settled == set()
    assert find_conflicts(docs, fake_encode, cache=gone) == find_conflicts(docs, fake_encode)


class _Counted(list):
    def __init__(self, items):
        super().__init__(items)
        self.read: set[int] = set()

    def __getitem__(self, k):
        self.read.add(k)
        return super().__getitem__(k)


def test_a_question_reads_only_the_conflicts_of_its_documents():
    docs = made_up()
    found = _Counted(find_conflicts(docs, fake_encode))
    assert len({s.doc_id for c in found for s in c.statements}) >= 4
    one = found[0]
    found.read.clear()
    passages = [(s.doc_id, s.start, s.end) for s in one.statements]
    got = StoredConflicts(found)(found, passages)
    assert got == select_for_question(list(found), passages) and one in got
    retrieved = {d for d, _, _ in passages}
    assert found.read and all(retrieved & {s.doc_id for s in list.__getitem__(found, k).statements} for k in found.read)


def test_after_a_restart_adding_one_document_analyses_only_it_and_its_neighbours(tmp_path):
    from .test_conflict_candidates import PLANT, PLANT_B, PLANT_C, _small_corpus
    import random

    from .test_conflict_cache import doc, key

    docs = _small_corpus(200, random.Random(7)) + [doc("a01", PLANT_B), doc("c03", PLANT_C)]
    new = doc("zzz", PLANT, "Orion Foods opened its first bakery in Lyon in 1998, the founder recalled.")
    cache = PairCache()
    find_conflicts(docs, fake_encode, cache=cache)
    cache.save(tmp_path)
    loaded = PairCache.load(tmp_path)  # a new process: no record in memory
    got = key(find_conflicts(docs + [new], fake_encode, cache=loaded))
    assert got == key(find_conflicts(docs + [new], fake_encode))
    # The new document, then a few sentences of its two neighbours for the rules: not the 202
    # others, and neither neighbour analysed whole.
    assert loaded.computed == 2 and loaded.analyses == 1 and 0 < loaded.sentence_analyses < 10
    # A stored record file that does not hold what it says is ignored: every document analysed.
    (tmp_path / "conflict_records.npz").write_bytes(b"not a numpy file")
    again = PairCache.load(tmp_path)
    assert key(find_conflicts(docs + [new], fake_encode, cache=again)) == got and again.analyses > 200


def test_stored_records_read_at_once_equal_those_read_one_at_a_time(tmp_path):
    """After a restart the first add needs every document's record: ``get_many`` reads them with
    one look-up of their sentences, and gives what ``get`` gives document by document."""
    import random

    import numpy as np

    from qa.conflicts.pairs import ANALYSIS_VERSION
    from qa.conflicts.records import RecordTable

    from .test_conflict_candidates import _small_corpus

    docs = _small_corpus(40, random.Random(3))
    cache = PairCache()
    find_conflicts(docs, fake_encode, cache=cache)
    cache.save(tmp_path)
    table = RecordTable.load(tmp_path, ANALYSIS_VERSION)
    calls = []

    def encode(texts):
        calls.append(len(texts))
        return fake_encode(texts)

    encode.held = encode  # every text "held" by the index
    many = table.get_many([(d.fingerprint, d.raw) for d in docs], encode)
    assert len(calls) == 1  # one look-up for all the documents' sentences
    for d, got in zip(docs, many):
        one = table.get(d.fingerprint, d.raw, fake_encode)
        assert got is not None and one is not None
        assert np.array_equal(got.vecs, one.vecs) and np.array_equal(got.spans, one.spans)
        assert np.array_equal(got.same, one.same) and np.array_equal(got.claim, one.claim)
        assert np.array_equal(got.denial, one.denial)
        assert got.figures.keys() == one.figures.keys()
        assert all(np.array_equal(got.figures[k], one.figures[k]) for k in one.figures)
    # An encoder that cannot look every text up: the caller reads the records one at a time.
    encode.held = lambda texts: None
    assert table.get_many([(d.fingerprint, d.raw) for d in docs], encode) is None
    assert table.get_many([(d.fingerprint, d.raw) for d in docs], fake_encode) is None
