"""qa eval on a tiny WikiContradict file: each pair a two-document corpus expecting a conflict, an
agreeing control beside it (a passage and the longer passage it came from), and the figures per
contradiction type and per half."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from qa import api
from qa.evaluation import evaluate
from qa.evaluation.datasets import detect_format
from qa.evaluation.wikicontradict import DEV, HELD_OUT, half_of, load_wikicontradict
from qa.results import Answer, Citation, Conflict

ROWS = [
    {"question": "When was the bridge opened?", "context1": "The bridge was opened in 1901 by the mayor.",
     "context2": "The bridge opened to traffic in 1907.", "answer1": "1901", "answer2": "1907",
     "contradiction_type": "Explicit",
     "context1_info": "History. The bridge was opened in 1901 by the mayor. It spans the river.",
     "context2_info": "The bridge opened to traffic in 1907. It was rebuilt later."},
    {"question": "How many people survived?", "context1": "Three of the crew survived the wreck.",
     "context2": "He was one of the last four survivors of the expedition.", "answer1": "Three",
     "answer2": "Four", "contradiction_type": "Implicit (reasoning required)",
     "context1_info": "The ship sank in a storm. Three of the crew survived the wreck.",
     "context2_info": "He was one of the last four survivors of the expedition, with three others."},
    # Both passages come from one paragraph: neither longer passage agrees with its excerpt alone.
    {"question": "Who founded the club?", "context1": "The club was founded by John Smith in the spring.",
     "context2": "The club was founded by Mary Jones after the war.", "answer1": "John Smith",
     "answer2": "Mary Jones", "contradiction_type": "Explicit",
     "context1_info": "The club was founded by John Smith in the spring. The club was founded by Mary Jones after the war.",
     "context2_info": "The club was founded by John Smith in the spring. The club was founded by Mary Jones after the war."},
]


def _write(tmp_path: Path) -> Path:
    p = tmp_path / "wc.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    return p


def test_format_and_items(tmp_path):
    path = _write(tmp_path)
    assert detect_format(path) == "wikicontradict"
    ds = load_wikicontradict(path, root=tmp_path)
    ids = [i.qid for i in ds.items]
    assert ids == ["w000", "w000c", "w001", "w001c", "w002"]  # the third row has no agreeing control
    pair, control = ds.items[0], ds.items[1]
    assert pair.conflict is True and pair.category.startswith("explicit (")
    assert control.conflict is False and control.category.startswith("control (")
    docs = Path(control.corpus)
    assert (docs / "d1.txt").read_text() == ROWS[0]["context1"]
    assert (docs / "d1i.txt").read_text() == ROWS[0]["context1_info"]
    assert (Path(pair.corpus) / "d2.txt").read_text() == ROWS[0]["context2"]
    assert ds.items[2].category.startswith("implicit (")
    # The half depends on the two passages only: the same pair asked another question stays put.
    assert half_of(ROWS[0]) == half_of(dict(ROWS[0], question="Who opened the bridge?")) in (DEV, HELD_OUT)


def _conflict(corpus: str) -> Conflict:
    c1 = Citation("d1", "d1", None, 0, 5, Path(corpus, "d1.txt").read_text()[:5], 1.0)
    return Conflict("answer", "differs", (c1, c1))


def test_qa_eval_reads_wikicontradict(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QA_INDEX_ROOT", str(tmp_path / "index"))
    path = _write(tmp_path)

    def fake_ask(q, k, corpus, index_dir):
        # A conflict on the first pair and on the second row's control (a false alarm).
        flag = corpus.endswith("w000/docs") or corpus.endswith("w001c/docs")
        return Answer(q, None, None, True, "low", [], [_conflict(corpus)] if flag else [], score=0.1)

    monkeypatch.setattr(api, "ask", fake_ask)
    args = argparse.Namespace(path=str(path), json=True, limit=None, report=None, min_bar=False, case=None)
    assert evaluate.main(args) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["format"] == "wikicontradict"
    fig = m["wikicontradict"]["all"]
    assert (fig["explicit"]["flagged"], fig["explicit"]["n"]) == (1, 2)
    assert (fig["implicit"]["flagged"], fig["implicit"]["n"]) == (0, 1)
    assert (fig["control"]["flagged"], fig["control"]["n"]) == (1, 2)
    halves = m["wikicontradict"][DEV], m["wikicontradict"][HELD_OUT]
    assert sum(h["explicit"]["n"] + h["implicit"]["n"] + h["control"]["n"] for h in halves) == 5
    assert m["conflicts"]["fp"] == 1 and m["conflicts"]["tp"] == 1
    args.json = False
    evaluate.main(args)
    assert "WikiContradict, all" in capsys.readouterr().out
