"""Sentence analyses stored at index time (``qa.conflicts.stored_analyses``): read back as the very
objects ``_analyse`` makes, kept in step with the corpus, never trusted for another text, and what
the question-time conflict check reads instead of analysing a document."""
from __future__ import annotations

import json

import pytest

from qa.conflicts import answer_facts, sentences
from qa.conflicts.question import QuestionConflicts
from qa.conflicts.sentences import _analyse
from qa.conflicts.stored_analyses import (
    ANALYSES_FILE,
    ANALYSES_TABLE,
    StoredAnalyses,
    decode_analysis,
    encode_analysis,
)
from qa.ingest.corpus import parse_document

from .test_conflict_cache import doc
from .test_conflicts import fake_encode

TEXTS = [
    ("a01", "Shares of Tyro Foods rose more than 10 percent to $4.5 billion on May 3, 2024, analysts said. "
            "The company may open a plant in Lyon next year, according to Reuters. "
            "It did not confirm the report, and No. 2 supplier Orion declined to comment."),
    ("b02", "The population was 2,220 at the 2000 census. The median age in the town was 42.7 years. "
            "About 12.8% of families were below the poverty line, including 4.0% of those aged 65 or over."),
    ("c03", "Meta’s MTIA chips will be made by TSMC on a 2 nm process, up to 5 GW of capacity, sources said."),
]


def _docs():
    return [doc(i, t) for i, t in TEXTS]


def test_a_stored_analysis_reads_back_equal_to_a_fresh_one():
    for d in _docs():
        a = _analyse(d)
        assert a.sents and any(s.quantities for s in a.sents)
        assert decode_analysis(d, encode_analysis(d, a)) == a


def test_a_line_is_not_used_for_another_document_or_another_text():
    a, b = _docs()[:2]
    line = encode_analysis(a, _analyse(a))
    assert decode_analysis(b, line) is None
    # Same bytes' fingerprint, text read differently (an extractor that changed): refused too.
    other = parse_document(a.doc_id, a.raw.replace("Lyon", "Lille"), fingerprint=a.fingerprint)
    assert decode_analysis(other, line) is None
    assert decode_analysis(a, line[:-5]) is None  # a cut line


def test_update_stores_new_documents_forgets_removed_ones_and_a_new_process_reads_them(tmp_path):
    docs = _docs()
    store = StoredAnalyses(tmp_path)
    assert store.update(docs, _analyse) == 3
    assert store.update(docs, _analyse) == 0  # nothing new: nothing made
    again = StoredAnalyses(tmp_path)
    for d in docs:
        assert again.get(d) == _analyse(d)
    changed = doc("a01", "The Tyro plant in Kansas employs 3,500 workers on three shifts, the company said.")
    assert again.update([changed, docs[1]], _analyse) == 1
    assert again.get(docs[0]) is None and again.get(docs[2]) is None
    assert StoredAnalyses(tmp_path).get(changed) == _analyse(changed)


def test_analyses_the_conflict_pass_hands_over_are_not_made_again(tmp_path):
    """The corpus-wide pass analyses every new document once, in bounded memory: handed over as it
    goes (``SentenceReader.on_analysis`` -> ``StoredAnalyses.add``), none is analysed again when the
    store is brought up to date, even once the pass's memory has let them go."""
    from qa.conflicts.pair_reader import SentenceReader

    docs = _docs()
    store = StoredAnalyses(tmp_path)
    reader = SentenceReader(budget=1)  # keeps only the newest analysis
    reader.on_analysis = store.add
    for d in docs:
        reader.analysis(d)
    assert len(reader.analysed) == 1

    def forbidden(d):
        raise AssertionError(f"{d.doc_id} analysed again")

    assert store.update(docs, forbidden) == 0
    for d in docs:
        assert StoredAnalyses(tmp_path).get(d) == _analyse(d)  # the table was saved by update
    reader.analysis(docs[0])  # analysed again by the pass (dropped from its memory): stored once
    assert StoredAnalyses(tmp_path).update(docs, forbidden) == 0


def test_dead_lines_are_compacted_away_and_the_live_ones_still_read(tmp_path, monkeypatch):
    import qa.conflicts.stored_analyses as sa

    monkeypatch.setattr(sa, "_COMPACT_BYTES", 0)
    docs = _docs()
    store = StoredAnalyses(tmp_path)
    store.update(docs, _analyse)
    big = (tmp_path / ANALYSES_FILE).stat().st_size
    store.update(docs[2:], _analyse)  # two of three removed
    store.update(docs[2:] + [doc("d04", "A new plant in Ohio will employ 300 workers from 2027, the mayor said.")],
                 _analyse)
    assert (tmp_path / ANALYSES_FILE).stat().st_size < big
    fresh = StoredAnalyses(tmp_path)
    assert set(fresh.table) == {docs[2].fingerprint, doc("d04", "A new plant in Ohio will employ 300 workers "
                                                              "from 2027, the mayor said.").fingerprint}
    assert fresh.get(docs[2]) == _analyse(docs[2])


@pytest.mark.parametrize("damage", ["table", "recipe", "file"])
def test_a_damaged_or_foreign_store_is_not_trusted(tmp_path, damage):
    docs = _docs()
    StoredAnalyses(tmp_path).update(docs, _analyse)
    if damage == "table":
        (tmp_path / ANALYSES_TABLE).write_text("{not json", "utf-8")
    elif damage == "recipe":
        t = json.loads((tmp_path / ANALYSES_TABLE).read_text("utf-8"))
        t["recipe"] = -1
        (tmp_path / ANALYSES_TABLE).write_text(json.dumps(t), "utf-8")
    else:  # the lines shifted under the table: each line names its document, so none is misread
        (tmp_path / ANALYSES_FILE).write_bytes(b"x" * 7 + (tmp_path / ANALYSES_FILE).read_bytes())
    store = StoredAnalyses(tmp_path)
    assert all(store.get(d) is None for d in docs)
    # Nothing of a damaged store is used, and the next update makes it whole again.
    assert store.update(docs, _analyse) == 3
    assert all(StoredAnalyses(tmp_path).get(d) == _analyse(d) for d in docs)


def test_entries_pointing_into_other_lines_are_dropped_and_made_again(tmp_path):
    docs = _docs()
    StoredAnalyses(tmp_path).update(docs, _analyse)
    t = json.loads((tmp_path / ANALYSES_TABLE).read_text("utf-8"))
    o, n = t["docs"][docs[1].fingerprint]
    t["docs"][docs[1].fingerprint] = [o + 5, n]  # a table saved over lines another process wrote
    (tmp_path / ANALYSES_TABLE).write_text(json.dumps(t), "utf-8")
    store = StoredAnalyses(tmp_path)
    assert set(store.table) == {docs[0].fingerprint, docs[2].fingerprint}
    assert store.update(docs, _analyse) == 1  # only the one dropped
    again = StoredAnalyses(tmp_path)
    assert all(again.get(d) == _analyse(d) for d in docs)


def test_a_line_cut_short_leaves_the_next_lines_readable(tmp_path):
    docs = _docs()
    StoredAnalyses(tmp_path).update(docs[:2], _analyse)
    with open(tmp_path / ANALYSES_FILE, "ab") as f:
        f.write(b'{"cut short by a crash')
    StoredAnalyses(tmp_path).update(docs, _analyse)
    assert all(StoredAnalyses(tmp_path).get(d) == _analyse(d) for d in docs)


def test_two_writers_appending_at_once_keep_their_offsets(tmp_path):
    """Two starts of one index (two processes) append their analyses at the same time."""
    import threading
    import time

    many = [doc(f"x{i:02d}", f"Plant {i} in Ohio will employ {100 + i} workers from 2027, the mayor said.")
            for i in range(40)]
    StoredAnalyses(tmp_path).update(many[:1], _analyse)
    stores = [StoredAnalyses(tmp_path), StoredAnalyses(tmp_path)]

    def slow(d):
        time.sleep(0.002)
        return _analyse(d)

    threads = [threading.Thread(target=s.update, args=(many[k::2], slow)) for k, s in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k, store in enumerate(stores):
        assert all(store.get(d) == _analyse(d) for d in many[k::2])


def test_a_change_of_rules_keeps_the_stored_analyses(tmp_path, monkeypatch):
    """The analyses are made from the text alone: new conflict rules (``RULES_VERSION``) redo the
    pairs' findings, not the analyses; a new analysis (``ANALYSIS_VERSION``) redoes them."""
    from qa.conflicts import pairs

    docs = _docs()
    StoredAnalyses(tmp_path).update(docs, _analyse)
    monkeypatch.setattr(pairs, "RULES_VERSION", pairs.RULES_VERSION + 1)
    assert all(StoredAnalyses(tmp_path).get(d) == _analyse(d) for d in docs)
    monkeypatch.setattr(pairs, "ANALYSIS_VERSION", pairs.ANALYSIS_VERSION + 1)
    assert all(StoredAnalyses(tmp_path).get(d) is None for d in docs)


def test_the_question_check_reads_stored_analyses_instead_of_analysing(tmp_path, monkeypatch):
    docs = [doc("a01", "The Tyro plant in Kansas employs 1,200 workers on three shifts, the company said."),
            doc("b02", "The Tyro plant in Kansas employs 3,500 workers on three shifts, the company said.")]
    question = "How many workers does the Tyro plant in Kansas employ?"
    expected = QuestionConflicts(docs, fake_encode).find(question)
    assert expected
    store = StoredAnalyses(tmp_path)
    store.update(docs, _analyse)

    def refuse(d):
        raise AssertionError(f"analysed {d.doc_id} at question time")

    monkeypatch.setattr(answer_facts, "_analyse", refuse)
    monkeypatch.setattr(sentences, "_analyse", refuse)
    finder = QuestionConflicts(encode=fake_encode, lazy={d.doc_id: d for d in docs}, analysed=store.get)
    assert [(c.kind, c.summary) for c in finder.find(question)] == [(c.kind, c.summary) for c in expected]
