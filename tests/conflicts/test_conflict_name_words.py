"""Which word of a sentence is a source's answer (issue #20, thirty-first round): an origin word
describing the name after it ("American singer Lena Marsh") is no answer to "who"; a dateline's
spaced dash ends a name ("SIOUX FALLS, S.D. – People ..."); "what did X pay for Y" asks for money,
so a dateline and a byline are no answers to it. On small made-up documents."""
from __future__ import annotations

import pytest

from qa.conflicts.answer_facts import DocFacts, _question
from qa.conflicts import answers
from qa.conflicts.question import QuestionConflicts
from qa.conflicts.values import _values, origin_of

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find

ALBUM = ("Bright Hours is the third studio album by {who}, released by Harbor Records on "
         "November 6, 2001. It peaked at number 14 on the national chart.")


def _answers(question: str, *sentences: str) -> list[str]:
    d = doc("a01", *sentences, title="Bright Hours")
    f = QuestionConflicts([d])
    return [v.text for _, _, v in answers._answers(_question(question), f.facts["a01"], list(range(len(sentences))),
                                                   None, f.settings)]


def test_the_singer_not_her_origin_word_is_the_answer():
    # (thirty-first round) RAMDocs' "Faithfully is the third studio album by American singer Michael
    # Jackson" gave "American", so a copy naming another singer agreed with it ("American").
    q = 'Who is the artist of the album "Bright Hours"?'
    assert _answers(q, ALBUM.format(who="American singer Lena Marsh")) == ["Lena Marsh"]


@MODES
def test_two_singers_of_one_album_disagree(encode):
    a = doc("a01", ALBUM.format(who="American singer Lena Marsh"), title="Bright Hours")
    b = doc("b02", ALBUM.format(who="American singer Dora Vance"), title="Bright Hours")
    found = find('Who is the artist of the album "Bright Hours"?', [a, b], encode)
    assert real(found) == ["answer"]
    assert "Lena Marsh" in found[0].summary and "Dora Vance" in found[0].summary, found[0].summary


@pytest.mark.parametrize("text, word, describes", [
    ("The album is by American singer Lena Marsh.", "American", True),
    ("The prize went to Japanese technology company Sorano.", "Japanese", True),
    ("The film by Italian director Renzo Ferri opened.", "Italian", True),
    ("In 1956 Kazan directed Baby Doll.", "Kazan", False),  # a verb, not a role, before the next name
    ("She is an American singer.", "American", False),  # no name follows: the origin is said of her
])
def test_origin_of(text, word, describes):
    f = DocFacts.of(doc("x01", text), None, None)
    s = next(s for s in f.sents if word in s.raw)
    v = next(v for v in _values(s) if v.kind == "name" and v.text.startswith(word))
    assert origin_of(s, v) is describes


def test_a_spaced_dash_ends_a_name():
    f = DocFacts.of(doc("x01", "SIOUX FALLS, S.D. – People across the state will see new ads this week."), None, None)
    s = f.sents[0]
    names = [v.text for v in _values(s) if v.kind == "name"]
    assert not any("People" in n and "FALLS" in n for n in names), names


@pytest.mark.parametrize("question, money", [
    ("what did south dakota pay for the ad campaign", True),
    ("What does the service cost?", True),
    ("What did France offer?", False),
    ("What did they spend the money on?", False),  # the thing bought
    ("What do the teachers spend more time doing?", False),  # time, not money
])
def test_what_did_x_pay_asks_money(question, money):
    assert (_question(question).answer_kind == "number") is money


def test_a_citations_access_date_is_no_answer():
    # (thirty-first round) RAMDocs "When did Louis Alexandre die?" noted “2017” of a page's
    # "retrieved 15 December 2017", and "When was the Criterion Theatre built?" showed "1886" against
    # "2019" of a citation: an access date is page furniture, not a source's answer.
    q = "When was the Vale Theatre built?"
    assert _answers(q, "The Vale Theatre was built by Acme (retrieved 15 December 2019 from the archive).") == []
    assert _answers(q, "The Vale Theatre was built by Acme in 1886 (retrieved 15 December 2019).") == ["1886"]


def test_a_number_of_things_is_a_count_not_an_amount():
    # (thirty-first round) the pattern for "number of"/"count of" held a backspace where "\b" was
    # meant (since 04d80c2), so "the number of people ..." took amounts of money as answers.
    from qa.conflicts.slots import _value_fits

    f = DocFacts.of(doc("x01", "The survey of 505,796 people cost $5 million in 2016."), None, None)
    s = f.sents[0]
    fits = _value_fits(_question("What was the number of people in the survey?"))
    kept = [v.text for v in _values(s) if v.kind == "number" and fits(v, s.raw)]
    assert kept == ["505,796"], kept
