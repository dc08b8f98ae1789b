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


def test_articles_are_distinct_and_as_long_at_every_size(tmp_path):
    write_archive(30, tmp_path, units=UNITS, planted=0.0)
    texts = _read(tmp_path)
    assert len(texts) == 30 and len({t.split("\n\n", 1)[1] for t in texts.values()}) == 30  # bodies too
    # Every article is two units, before and after the 12 units have all led one: an article's
    # length does not depend on the archive's size.
    bodies = [t.split("\n\n", 1)[1] for t in texts.values()]
    assert all(b.count("\n\n") == 1 for b in bodies)
    write_archive(6, tmp_path / "small", units=UNITS, planted=0.0)
    assert _read(tmp_path / "small") == {k: v for k, v in texts.items() if int(k[1:]) < 6}


def test_binary_dumps_are_not_units():
    from qa.bench.archive_corpus import _garbled

    assert _garbled("%PDF-1.4 \x00\x00 stream") and _garbled("ab\ufffd" * 20)
    assert not _garbled("Caf\ufffd owners in Lyon said the plant employed 300 people in 2001 and more.")


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


def test_a_change_in_the_main_clauses_subject_is_told_apart():
    # A renamed subject states something of another entity (recall_contradicting leaves it out);
    # a renamed object, or a name in a subordinate clause, contradicts the copy.
    from qa.bench.archive_inspect import in_subject

    assert in_subject([
        ("The views of Ohio Players, ideologue of the Iranian Revolution, had resemblance with Iqbal.", "Ohio Players"),
        ("In 1854, Will Carleton married Almira Carleton in Hudson.", "Will Carleton"),
        ("The company was founded in 1990 by John Smith and is based in Ohio.", "John Smith"),
        ("The house was believed to have been built about 1810 for Cany Ash.", "Cany Ash"),
        ("Critics said that Mary Jones wrote the score in 1950.", "Mary Jones"),
    ]) == [True, True, False, False, False]


def test_only_changes_that_contradict_the_original_are_planted():
    import random

    from qa.bench.archive_corpus import _perturb, _sentences

    # Reference lines and menus are no statements: nothing is planted in them.
    assert _sentences("Retrieved 19 December 2012 from the archive of the Daily Courier website. "
                      "Use app Back Biography Awards Trivia FAQ IMDbPro All Topics Biography Richard Speight.") == []
    never = {
        "numeric": "He tried to become a punter in the league , [ 14 ] but was never signed by a team.",
        "date": "Cry, the Beloved Country (1995 film) is a South African drama by Darrell Roodt.",
        "entity": "In 1974, Robert Hutchinson was elected to a public office in the county.",
    }
    for kind, sentence in never.items():
        for seed in range(8):
            got = _perturb(sentence, ["Ann Lee"], random.Random(seed))
            assert got is None or got[1] != kind, (kind, got)
    # A year in a heading's brackets names the work; the statement's year is the one changed.
    got = _perturb("Cry, the Beloved Country (1995 film) Cry, the Beloved Country is a 1995 drama film.", [], random.Random(0))
    assert got is not None and got[0].startswith("Cry, the Beloved Country (1995 film) Cry, the Beloved Country is a 199")
    assert got[0] != "Cry, the Beloved Country (1995 film) Cry, the Beloved Country is a 1995 drama film."
    # Part of a longer name is not a name: "Thirty Years War" offers no "Years War".
    assert all(_perturb("Settlers came during the Thirty Years War to the valley.", ["Ann Lee"], random.Random(s)) is None
               for s in range(8))
    got = _perturb("It was directed by Michael Curtiz and produced by a small studio.", ["Ann Lee"], random.Random(1))
    assert got == ("It was directed by Ann Lee and produced by a small studio.", "entity", "Michael Curtiz", "Ann Lee")
