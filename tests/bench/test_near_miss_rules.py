"""`python -m qa.bench.near_miss_rules`: the counts the thirty-third round's near-miss rules are
documented with, on made-up report records."""
from __future__ import annotations

import json

from qa.bench.near_miss_rules import articles_of, counts, main

RECORDS = [
    {"question": "What is the lowest court?", "answer": "It is the highest court.", "abstained": False,
     "answerable": False},
    {"question": "Which actions were not subject to review?", "answer": "All actions can be subject to review.",
     "abstained": False, "answerable": False},
    {"question": "Who was the second president?", "answer": "The first president was Ann Roe.", "abstained": False,
     "answerable": True, "contains": True},
    {"question": "What is the lowest court?", "answer": None, "abstained": True, "answerable": False},  # abstained
    {"question": "Is it the lowest court?", "answer": "It is the highest court.", "abstained": False,
     "answerable": True, "contains": True},  # yes/no: the reader skips it
    {"question": "What is the highest court?", "answer": "It is the highest court.", "abstained": False,
     "answerable": True, "contains": True},
]


def test_counts_by_rule_and_kind():
    got = counts(RECORDS)
    assert got["opposite"] == {"unanswerable": 1, "answerable": 0, "answerable_right": 0}
    assert got["not"] == {"unanswerable": 1, "answerable": 0, "answerable_right": 0}
    assert got["ordinal"] == {"unanswerable": 0, "answerable": 1, "answerable_right": 1}


def test_prints_each_report(tmp_path, capsys):
    path = tmp_path / "report.json"
    path.write_text(json.dumps({"questions": RECORDS}), "utf-8")
    main([str(path)])
    out = capsys.readouterr().out
    assert "report.json" in out and "opposite  unanswerable    1" in out


def test_the_name_rule_reads_each_quotes_article(tmp_path):
    article = "Oxygen and combustion. In the late 17th century, Robert Boyle proved that air is necessary for combustion."
    squad = tmp_path / "squad.json"
    squad.write_text(json.dumps({"data": [{"title": "Oxygen", "paragraphs": [{"context": article, "qas": []}]}]}), "utf-8")
    quote = "In the late 17th century, Robert Boyle proved that air is necessary for combustion."
    records = [{"question": "What years was chemist John Boyle alive?", "answer": quote, "answerable": False},
               {"question": "What did Robert Boyle prove?", "answer": quote, "answerable": True, "contains": True}]
    assert counts(records, articles_of([str(squad)]))["name"] == {
        "unanswerable": 1, "answerable": 0, "answerable_right": 0}
    assert counts(records)["name"]["unanswerable"] == 0  # no article to read


def test_the_purpose_rule_reads_each_quotes_parse():
    records = [{"question": "What is ZTIA used for?", "answer": "Zeta has ZTIA, Initech has the Media Processor.",
                "answerable": False},
               {"question": "What is ZTIA used for?", "answer": "Zeta plans to use ZTIA to run its search ranking.", "answerable": True,
                "contains": True},
               {"question": "Who makes ZTIA?", "answer": "Zeta has ZTIA.", "answerable": True, "contains": True}]
    assert counts(records)["purpose"] == {"unanswerable": 1, "answerable": 0, "answerable_right": 0}


def test_the_thirty_sixth_rounds_rules_are_counted():
    records = [{"question": "How many students are in its five graduate divisions?",
                "answer": "It enrolled 3,468 students in its four graduate divisions.", "answerable": False},
               {"question": "harbour September timetable", "answer": "The October timetable adds a ferry.", "answerable": False},
               {"question": "How many students are in its four graduate divisions?",
                "answer": "It enrolled 3,468 students in its four graduate divisions.", "answerable": True, "contains": True}]
    got = counts(records)
    assert got["beside"] == {"unanswerable": 1, "answerable": 0, "answerable_right": 0}
    assert got["month"] == {"unanswerable": 1, "answerable": 0, "answerable_right": 0}


def test_the_thirty_seventh_rounds_swap_is_counted():
    records = [{"question": "Along with 15 sororities, how many fraternities does Freedonia have?",
                "answer": "There are fifteen fraternities and seven sororities at Freedonia.", "answerable": False},
               {"question": "Along with 7 sororities, how many fraternities does Freedonia have?",
                "answer": "There are fifteen fraternities and seven sororities at Freedonia.", "answerable": True, "contains": True}]
    assert counts(records)["swap"] == {"unanswerable": 1, "answerable": 0, "answerable_right": 0}


def test_the_thirty_eighth_rounds_value_rule_is_counted():
    quote = "Oxygen condenses at 90.20 K, and freezes at 54.36 K."
    records = [{"question": "What condenses at 54.36 K?", "answer": quote, "answerable": False},
               {"question": "What freezes at 54.36 K?", "answer": quote, "answerable": True, "contains": True}]
    assert counts(records)["value"] == {"unanswerable": 1, "answerable": 0, "answerable_right": 0}


def test_the_thirty_eighth_rounds_slot_rule_is_counted():
    quote = "In 1759 General Wolfe won the battle at Quebec."
    records = [{"question": "Who won the battle at Montreal?", "answer": quote, "answerable": False},
               {"question": "Who won the battle at Quebec?", "answer": quote, "answerable": True, "contains": True}]
    assert counts(records)["slot"] == {"unanswerable": 1, "answerable": 0, "answerable_right": 0}


def test_the_thirty_ninth_rounds_holder_and_date_rules_are_counted(tmp_path):
    quote = "Walter Camp (former captain of the Yale football team) suggested rule changes."
    article = "Harvard and Yale. " + quote
    squad = tmp_path / "squad.json"
    squad.write_text(json.dumps({"data": [{"title": "Ivy", "paragraphs": [{"context": article, "qas": []}]}]}), "utf-8")
    records = [{"question": "What position was Walter Camp on Harvard's football team?", "answer": quote, "answerable": False},
               {"question": "What position was Walter Camp on Yale's football team?", "answer": quote, "answerable": True,
                "contains": True}]
    assert counts(records, articles_of([str(squad)]))["holder"] == {"unanswerable": 1, "answerable": 0, "answerable_right": 0}
    assert counts(records)["holder"]["unanswerable"] == 0  # no article to read
    quote = "Polonia managed to win the Ekstraklasa Championship in 2000."
    records = [{"question": "When did Polonia win the championship prior to 2000?", "answer": quote, "answerable": False},
               {"question": "What did Polonia win in 2000?", "answer": quote, "answerable": True, "contains": True}]
    assert counts(records)["date"] == {"unanswerable": 1, "answerable": 0, "answerable_right": 0}
