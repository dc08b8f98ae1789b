"""The SQuAD subsets a limited reader rule is measured on keep every paragraph (the corpus) and
only the questions the rule can touch."""
from __future__ import annotations

import json

from qa.bench.question_subset import is_timed, write_subset


def test_every_paragraph_is_kept_and_only_time_or_glued_figure_questions(tmp_path):
    src = tmp_path / "s.json"
    src.write_text(json.dumps({"data": [{"title": "T", "paragraphs": [
        {"context": "Acme was founded in 1990.", "qas": [
            {"id": "1", "question": "When was Acme founded?", "answers": []},
            {"id": "2", "question": "Who founded Acme?", "answers": []}]},
        {"context": "Acme builds 2nm chips.", "qas": [
            {"id": "3", "question": "What does Acme build on 2nm?", "answers": []}]},
        {"context": "Nothing asked here.", "qas": [
            {"id": "4", "question": "Which company is it?", "answers": []}]}]}]}))
    assert write_subset(src, tmp_path / "out.json") == (2, 4)
    paras = json.loads((tmp_path / "out.json").read_text())["data"][0]["paragraphs"]
    assert [p["context"] for p in paras] == ["Acme was founded in 1990.", "Acme builds 2nm chips.", "Nothing asked here."]
    assert [[q["id"] for q in p["qas"]] for p in paras] == [["1"], ["3"], []]
    assert is_timed("How long did it take?") and not is_timed("Who founded Acme?")


def test_questions_ruling_something_out_are_their_own_subset():
    from qa.bench.question_subset import is_excluding

    assert is_excluding("Besides the 2nm process, what does Acme use?")
    assert is_excluding("What was the other finalist besides Levi's Stadium?")
    assert is_excluding("Which node, 3nm, is used?")  # a glued figure: its unit is a question word
    assert not is_excluding("What does Acme use?")


def test_money_maker_and_name_questions_are_subsets_of_their_own():
    from qa.bench.question_subset import is_maker, is_money, is_named

    assert is_money("How much did the stadium cost?") and not is_money("How big is the stadium?")
    assert is_maker("Who designed Quasar with Acme?") and not is_maker("Who won the cup?")
    assert is_named("What is Acme's chip called?") and not is_named("What does Acme make?")
    from qa.bench.question_subset import is_present

    assert is_present("Who currently makes Acme's chips?") and not is_present("What is the current?")
