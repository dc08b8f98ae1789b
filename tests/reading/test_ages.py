"""Questions asking an age and the ages sentences give (qa.reading.ages); the reader's use of them:
tests/reading/test_prefer.py."""
from __future__ import annotations

import pytest

from qa.reading.ages import asks_age, named_ages, states_age


@pytest.mark.parametrize("sentence, age", [
    ("The 48-year-old Australian was evicted in April.", True), ("Zane, 47, denies it.", True),
    ("He is 47 years old.", True), ("He retired at the age of 61.", True), ("(Morgan was 39, Zane was 26).", True),
    ("Revenue was 26 million.", False), ("In 2010, 5 people died.", False), ("He served 47 years.", False)])
def test_what_states_an_age(sentence, age):
    assert states_age(sentence) is age


@pytest.mark.parametrize("question, asks", [
    ("How old is Julian Assange?", True), ("how old is the new manager", True), ("At what age did she retire?", True),
    ("What was the age difference between Newton and Manning?", False), ("How much older was Manning than Newton?", False),
    ("How long did the jury take?", False)])
def test_which_questions_ask_an_age(question, asks):
    assert asks_age(question) is asks


RECORD = "The two set the record for the largest age difference (Manning was 39, Newton was 26)."


@pytest.mark.parametrize("question, sentence, ages", [
    ("How old was Newton in 2016?", RECORD, ["26"]), ("How old was Peyton Manning in 2015?", RECORD, ["39"]),
    ("How old is Julian Assange?", "The US wants the UK to extradite Assange, 47, over the leak.", ["47"]),
    ("How old is Julian Assange?", "The 48-year-old Australian was evicted.", []),  # an age, but nobody's by name
    ("How old is Julian Assange?", "The US wants to extradite Morgan, 47, over the leak.", [])])
def test_the_age_a_sentence_gives_a_question_name(question, sentence, ages):
    assert [sentence[a:b] for a, b in named_ages(question, sentence)] == ages


@pytest.mark.parametrize("question, short", [("How old was Newton in 2016?", "26"), ("How old was Peyton Manning in 2015?", "39")])
def test_the_short_answer_is_the_age_of_the_person_asked_about(question, short):
    from qa.reading.shortanswer import extract_short_answer

    a, b, _ = extract_short_answer(question, RECORD)
    assert RECORD[a:b] == short


def test_asked_of_a_person_by_a_noun_only_that_person_s_age_counts():
    q = "how old was the girl prince andrew is accused of having sex with"
    assert states_age("She was a 17-year-old girl when she met him.", q)
    assert not states_age("Prince Andrew, the nearly 60-year-old younger brother of Charles, spoke.", q)
    assert states_age("Prince Andrew, the nearly 60-year-old younger brother of Charles, spoke.", "How old is Prince Andrew?")


def test_asked_how_long_an_age_is_no_short_answer():
    from qa.reading.shortanswer import extract_short_answer

    s = "“Two months after the onset, I could not stand,” wrote 43-year-old Martin Tay of Leith."
    a, b, _ = extract_short_answer("how long did martin tay have symptoms before seeing a doctor", s)
    assert s[a:b] == "Two months"
    only = extract_short_answer("How long did the symptoms last?", "The patient, a 43-year-old man, saw his doctor.")
    assert only is None or "43" not in "The patient, a 43-year-old man, saw his doctor."[only[0]:only[1]]


@pytest.mark.parametrize("question, quote, none", [
    # (twenty-seventh round) a near miss on a news page: the quote names the cat, and no age
    ("how old is sasha the cat found in santa fe", "The shelter announced this week that Sasha the black cat was "
     "found wandering the streets; the kitty had traveled more than 1,200 miles.", True),
    ("How old was Zane?", "Zane, 47, denies it.", False),
    # (SQuAD) ages that are spans of time or years of origin answer too
    ("How old was Chopin when he moved to Warsaw?", "He moved to the city with his family when he was seven months old.",
     False),
    ("How old are the gravestones?", "Nestorian graves dating to 1338–39 have inscriptions referring to plague.", False),
    ("How old were the oldest rock samples?", "They range in age from about 3.2 billion years to 4.6 billion years.", False),
    ("At what age do immune responses decline?", "Immune responses begin to decline in the elderly.", False),  # not "how old"
])
def test_a_how_old_question_over_a_quote_giving_no_age(question, quote, none):
    from qa.reading.ages import gives_no_age

    assert gives_no_age(question, quote) is none


def test_asked_how_old_the_reader_abstains_on_a_quote_giving_no_age(tmp_path):
    from .test_kind_fit import _pipeline

    text = ("Cat found far from home\n\nThe Arden Animal Shelter announced this week that Sasha the black cat was found "
            "wandering the streets of the capital. Officials said a scan of the cat's microchip revealed that the kitty "
            "had traveled more than 1,200 miles from Oregon.\n")
    a = _pipeline(tmp_path, text).ask("how old is sasha the cat found in arden")
    assert a.abstained and "no age" in (a.reason or ""), (a.answer, a.reason)
