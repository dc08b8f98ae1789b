"""`qa eval` reads SQuAD 2.0: ``is_impossible`` questions are unanswerable, asked open-domain
against every article like the v1.1 half, and ``--articles`` scores only some articles."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from qa.evaluation import evaluate
from qa.evaluation.datasets import detect_format, load_squad_items, select_articles
from qa.evaluation.squad import load_squad
from qa.results import Answer

TINY = Path(__file__).parent / "data" / "tiny_squad2.json"


def test_squad2_questions_are_unanswerable_when_impossible(tmp_path):
    assert detect_format(TINY) == "squad"
    sq = load_squad(TINY)
    assert sq.version == "v2.0" and sq.name == "squad2"
    by_id = {q.qid: q for q in sq.questions}
    assert by_id["a1"].answerable and by_id["a1"].answers == ("1821",)
    # The annotators' plausible answer is a wrong answer: never a gold one.
    assert not by_id["u1"].answerable and by_id["u1"].answers == ()
    ds = load_squad_items(TINY, root=tmp_path)
    items = {i.qid: i for i in ds.items}
    assert [items[q].answerable for q in ("a1", "u1", "a2", "u2")] == [True, False, True, False]
    assert items["u1"].category == "unanswerable" and items["a1"].category == "answerable"
    assert items["u1"].doc_ids == () and items["u1"].paragraph is None
    # Its own corpus and index: the v1.1 half holds other articles under the same positions.
    assert items["a1"].corpus == str(tmp_path / "bench" / "squad2-corpus")
    assert items["a1"].index_dir == str(tmp_path / "bench" / "squad2")
    assert sorted(p.name for p in (tmp_path / "bench" / "squad2-corpus").iterdir()) == ["000_Harbour_Town.txt", "001_Copper.txt"]


def test_articles_are_selected_by_parity_position_or_title(tmp_path):
    ids = ["000_Harbour_Town", "001_Copper", "002_Force"]
    assert select_articles(ids, "odd") == {"001_Copper"}
    assert select_articles(ids, "even") == {"000_Harbour_Town", "002_Force"}
    assert select_articles(ids, "0,copper") == {"000_Harbour_Town", "001_Copper"}
    with pytest.raises(ValueError, match="no article"):
        select_articles(ids, "Tin")
    ds = load_squad_items(TINY, root=tmp_path, articles="odd")
    assert [i.qid for i in ds.items] == ["a2", "u2"]
    # ...each still asked against the whole corpus
    assert ds.items[0].corpus == str(tmp_path / "bench" / "squad2-corpus")


def test_eval_reports_abstention_on_unanswerable_and_wrong_abstentions(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QA_INDEX_ROOT", str(tmp_path))

    def ask(question, **kw):  # answers the answerable ones, abstains on the airport only
        if "airport" in question:
            return Answer(question, None, None, True, "no", [], [])
        return Answer(question, "Copper is a soft metal that conducts heat well." if "copper" in question.lower()
                      else "Harbour Town was founded in 1821 by fishermen.", None, False, None, [], [])

    monkeypatch.setattr("qa.api.ask", ask)
    args = argparse.Namespace(path=str(TINY), json=True, limit=None, report=None, min_bar=False, case=None, articles=None)
    assert evaluate.main(args) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["unanswerable"] == 2 and m["answerable"] == 2
    assert m["abstention"]["recall"] == 0.5 and m["abstention"]["wrong_abstention_rate"] == 0.0
    assert m["answers"]["contains_answer"] == 1.0
    args = argparse.Namespace(**{**vars(args), "articles": "odd"})
    assert evaluate.main(args) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["questions"] == 2 and m["articles"] == "odd" and m["abstention"]["recall"] == 0.0


def test_articles_needs_a_squad_file(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "1", "question": "Q?", "answers": ["a"]}) + "\n")
    with pytest.raises(ValueError, match="--articles"):
        evaluate.load_dataset(gold, articles="odd")
