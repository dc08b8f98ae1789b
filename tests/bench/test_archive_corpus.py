"""The scale corpus: the same arguments write the same bytes, and every planted conflict is a
changed copy of a sentence that an article named as its holder really contains."""
from __future__ import annotations

import json

from qa.bench.archive_corpus import Unit, write_archive

UNITS = [
    Unit("news", str(i), f"Report {i} opened in Lisbon. The plant in Porto employed {100 + i} workers in {2001 + i}. "
         f"It was run by Maria Santos until the sale to Helena Costa in the spring of that year.",
         ((f"How many workers did plant {i} employ?", (str(100 + i),)),))
    for i in range(12)
]


def _read(out):
    files = sorted((out / "corpus").glob("*.txt"))
    return {f.stem: f.read_text("utf-8") for f in files}


def test_same_arguments_same_bytes(tmp_path):
    a = write_archive(30, tmp_path / "a", seed=3, planted=0.2, units=UNITS)
    b = write_archive(30, tmp_path / "b", seed=3, planted=0.2, units=UNITS)
    assert a == b and _read(tmp_path / "a") == _read(tmp_path / "b")
    assert (tmp_path / "a" / "planted.jsonl").read_bytes() == (tmp_path / "b" / "planted.jsonl").read_bytes()
    write_archive(30, tmp_path / "c", seed=4, planted=0.2, units=UNITS)
    assert _read(tmp_path / "a") != _read(tmp_path / "c")


def test_articles_are_distinct_and_reuse_units_after_all_are_used(tmp_path):
    write_archive(30, tmp_path, units=UNITS, planted=0.0)
    texts = _read(tmp_path)
    assert len(texts) == 30 and len(set(texts.values())) == 30
    # Past the 12 units an article is two of them: its body has two paragraphs.
    bodies = [t.split("\n\n", 1)[1] for t in texts.values()]
    assert sum(b.count("\n\n") == 1 for b in bodies) == 18


def test_planted_conflicts_are_changed_copies_held_elsewhere(tmp_path):
    got = write_archive(40, tmp_path, seed=1, planted=0.25, units=UNITS)
    texts = _read(tmp_path)
    rows = [json.loads(line) for line in (tmp_path / "planted.jsonl").read_text("utf-8").splitlines()]
    assert got["planted"] == len(rows) == 10
    for r in rows:
        assert r["planted"] != r["original"] and r["old"] in r["original"] and r["new"] in r["planted"]
        assert r["planted"] in texts[r["article"]]
        assert r["holders"] and all(r["original"] in texts[h] and h != r["article"] for h in r["holders"])
        assert r["kind"] in {"date", "numeric", "entity"}


def test_shrinking_removes_articles_past_n(tmp_path):
    write_archive(20, tmp_path, units=UNITS)
    write_archive(5, tmp_path, units=UNITS)
    assert sorted(_read(tmp_path)) == [f"a{i:06d}" for i in range(5)]
    qs = [json.loads(line) for line in (tmp_path / "questions.jsonl").read_text("utf-8").splitlines()]
    assert qs and all(q["article"] in _read(tmp_path) for q in qs)
