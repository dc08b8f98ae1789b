"""Which sexes a body of people admits (issue #20, thirty-second round; qa.reading.gender_words):
asked "What gender is the student body of ...?", the quote must say it ("all-boys", "co-ed"), the
short answer is that word, and two sources giving different ones disagree (qa.conflicts). On small
made-up documents and sentences."""
from __future__ import annotations

import pytest

import qa.reading.asked_kind as asked_kind_module
from qa.conflicts.answer_facts import _question
from qa.reading.asked_kind import asked_kind
from qa.reading.gender_words import asks_gender, families_agree, gender_spans
from qa.reading.shortanswer import extract_short_answer

from ..conflicts.test_conflict_question import doc, real
from ..conflicts.test_conflict_signals import MODES, find
from .test_asked_kind import _pipeline


@pytest.mark.parametrize("question, asks", [
    ("What gender is the student body of St. Anselm Academy?", True),
    ("What is the gender composition of Harwood Grammar School?", True),
    ("gender of students at harwood grammar school", True),
    ("What is the gender pay gap at Acme?", False),
    ("Which sex chromosomes does the fly have?", False),
    ("What was the sex of the student body?", True),
    ("Who runs the boys' club?", False),
])
def test_asks_gender(question, asks):
    assert asks_gender(question) is asks
    assert (asked_kind(question) == "gender") is asks or question.startswith("Who")


@pytest.mark.parametrize("sentence, found", [
    ("Mount Anselm Academy is an all-boys Roman Catholic high school.", [("all-boys", "boys")]),
    ("Private, Catholic, Co-Ed 6-12, Bronx, NY.", [("Co-Ed", "mixed")]),
    ("It became co-educational in 1972.", [("co-educational", "mixed")]),
    ("Gender Girls Age 11 to 18", [("Girls", "girls")]),
    ("For every 100 females there were 94.1 males.", [("females", "girls"), ("males", "boys")]),
    ("A boys-only dorm", []),  # glued to another word by a hyphen: not read
])
def test_gender_spans(sentence, found):
    assert [(sentence[a:b], f) for a, b, f in gender_spans(sentence)] == found


def test_families_agree():
    assert families_agree("boys", "boys") and families_agree("single", "girls")
    assert not families_agree("boys", "mixed") and not families_agree("boys", "girls")


def test_the_short_answer_is_the_gender_word():
    s = "St. Anselm Academy was an all-girls, private, Roman Catholic high school in Manhattan."
    a, b, _ = extract_short_answer("What gender is the student body of St. Anselm Academy?", s)
    assert s[a:b] == "all-girls"


def test_a_quote_without_a_gender_word_does_not_answer(tmp_path, fake_embedder, monkeypatch):
    text = ("St. Anselm Academy\n\nSt. Anselm Academy recognized that its students and staff were members of a "
            "larger world family. The academy held a service week every spring.\n")
    a = _pipeline(tmp_path / "a", text).ask("What gender is the student body of St. Anselm Academy?")
    assert a.abstained and a.reason == "The closest passages give no gender for this."
    monkeypatch.setattr(asked_kind_module, "asks_gender", lambda q: False)
    a = _pipeline(tmp_path / "b", text).ask("What gender is the student body of St. Anselm Academy?")
    assert a.reason != "The closest passages give no gender for this."


def test_a_gender_question_reads_gender_values():
    assert _question("What gender is the student body of St. Anselm Academy?").kind == "gender"


SCHOOL = ("Mount Anselm Academy, also known as Mount, is an {gender} Roman Catholic high school in the Wakefield "
          "neighborhood of the Bronx. It was founded in 1926 by the Marist Brothers.")


@MODES
def test_two_genders_of_one_school_disagree(encode):
    q = "What gender is the student body of Mount Anselm Academy?"
    a = doc("a01", SCHOOL.format(gender="all-boys"), title="Mount Anselm Academy")
    b = doc("b02", SCHOOL.format(gender="co-ed"), title="Mount Anselm Academy")
    found = find(q, [a, b], encode)
    assert real(found) == ["answer"]
    assert "all-boys" in found[0].summary and "co-ed" in found[0].summary, found[0].summary
    c = doc("c03", SCHOOL.format(gender="boys'"), title="Mount Anselm Academy")
    assert real(find(q, [a, c], encode)) == []


def test_a_gender_question_takes_the_sentence_giving_one(tmp_path, fake_embedder):
    """The sentence sharing most words with the question gives no gender; the runner-up giving one
    is quoted (qa.reading.prefer), its gender word the short answer."""
    text = ("St. Anselm Academy\n\nThe student body of St. Anselm Academy joined a service week. "
            "Trips abroad took pupils to Italy and Greece in recent years. The library opened a new reading room. "
            "St. Anselm Academy was an all-girls, private, Roman Catholic high school.\n")
    a = _pipeline(tmp_path / "a", text).ask("What gender is the student body of St. Anselm Academy?")
    assert not a.abstained and "all-girls" in a.answer and a.short_answer == "all-girls"
