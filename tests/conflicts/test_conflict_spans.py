"""Ages and spans of time read as such (qa.conflicts.values, issue #20, twenty-first round): on
made-up reports modelled on real news pages, what each page answers and whether they disagree."""
from __future__ import annotations

import pytest

from qa.conflicts.answer_facts import DocFacts, _question
from qa.conflicts.precision import figures_agree

from qa.results import AMBIGUITY

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find

LEAD = "Prosecutors in Sweden have dropped an investigation into Wikileaks co-founder Julian Zane."
EMBASSY = "Zane sought refuge at the Ecuadorean embassy in London in 2012 and was evicted in April."
# One page gives his age as "the 48-year-old", the other as "Zane, 47,"; the second also says he
# faces up to 175 years in prison, which states no one's age of 48.
AGED = doc("a01", LEAD, EMBASSY, "The 48-year-old Zane was sentenced to 50 weeks in jail for breaching his bail.",
           title="Sweden drops Zane case")
AGED2 = doc("b02", LEAD, EMBASSY, "The US wants the UK to extradite Julian Zane, 47, over the leak of classified material.",
            "Zane faces up to 175 years in prison if convicted in the US.", title="Zane case dropped")


def _disagreeing(question: str, docs, encode) -> list[list[str]]:
    """The statements of each disagreement found (namesake notes left out), each sorted."""
    return [sorted(s.text for s in c.statements) for c in find(question, docs, encode) if c.kind != AMBIGUITY]


def _ages(text: str) -> list[str]:
    f = DocFacts.of(doc("x01", text))
    return [v.key for vs in f.values for v in vs if v.kind == "number"]


@pytest.mark.parametrize("text, keys", [
    ("The 48-year-old Australian was evicted.", ["age:48"]),
    ("The US wants to extradite Zane, 47, over the leak.", ["age:47"]),
    ("Webb, aged 51, was convicted.", ["age:51"]),
    ("He faces up to 175 years in prison.", ["year:175"]),
    ("The jury deliberated for less than 10 minutes.", ["year:1.901e-05"]),
    ("The steroids worked within two days.", ["year:0.005476"]),
    ("On day 3 of the trial, 12 jurors sat.", [":3", ":12"]),  # "day 3" numbers a day: no span
])
def test_figures_read_as_ages_and_spans_of_time(text, keys):
    assert _ages(text) == keys


@pytest.mark.parametrize("question, span", [
    ("How old is Julian Zane?", "age"), ("At what age did she retire?", "age"),
    ("How long did the jury take to convict Webb?", "time"), ("How many days was he in hospital?", "time"),
    ("What was the age difference between Zane and Morgan?", ""), ("How many people died?", ""),
])
def test_the_span_a_question_asks_for(question, span):
    assert _question(question).span == span


@MODES
def test_two_ages_disagree(encode):
    assert _disagreeing("How old is Julian Zane?", [AGED, AGED2], encode) == [[
        "The 48-year-old Zane was sentenced to 50 weeks in jail for breaching his bail.",
        "The US wants the UK to extradite Julian Zane, 47, over the leak of classified material."]]


JURY = "A federal jury in Fort Worth convicted Michael Webb of kidnapping the girl, and he was sentenced to life in prison."
WEBB = doc("a01", JURY, "Following a two-day trial, the jury deliberated for less than 10 minutes before convicting Webb.",
           "The 8-year-old girl was found in a hotel room.", title="Webb sentenced to life")
WEBB2 = doc("b02", JURY, "Webb confessed to the crime and the jury took just 15 minutes to convict him.",
            "The 8-year-old girl was found in a hotel room.", title="Video shows rescue")


@MODES
def test_two_spans_of_time_disagree(encode):
    # Before: "10" read without its unit, which the other page's "8-year-old" was taken to state.
    assert _disagreeing("How long did the jury take to convict Michael Webb?", [WEBB, WEBB2], encode) == [[
        "Following a two-day trial, the jury deliberated for less than 10 minutes before convicting Webb.",
        "Webb confessed to the crime and the jury took just 15 minutes to convict him."]]


def test_round_figures_whose_windows_only_meet_differ():
    exact = lambda v, p=0.5: (v, v - p, v + p, False)  # noqa: E731
    assert not figures_agree(exact(47), exact(48))
    assert figures_agree(exact(47), exact(47)) and figures_agree(exact(47.5, 0.05), exact(47, 0.5))
    assert figures_agree((10, 10, float("inf"), False), exact(10))  # "more than 10" holds 10.x
    assert not figures_agree((10, 0, 10, False), (10, 10, float("inf"), False))  # "up to 10" / "more than 10"
    assert figures_agree((0, 0, 0, False), (0, 0, 0, False))


@MODES
def test_a_span_of_time_is_no_age_and_an_age_no_span(encode):
    # The first page's sentence holds both a span of time and an age: asked his age, the age is its
    # answer, which the other page's disagrees with; asked how long he spent in the embassy, the
    # span is, which the other page does not give.
    both = doc("a01", LEAD, "Julian Zane spent 7 years in the embassy before the 48-year-old was evicted.",
               title="Sweden drops Zane case")
    assert _disagreeing("What age is Julian Zane?", [both, AGED2], encode) == [[
        "Julian Zane spent 7 years in the embassy before the 48-year-old was evicted.",
        "The US wants the UK to extradite Julian Zane, 47, over the leak of classified material."]]
    assert find("How long did Julian Zane spend in the embassy?", [both, AGED2], encode) == []


# Two passages quoted on their own, a sentence each, sharing little but the subject: an excerpt has
# no text of its own to share, so sharing little says nothing of what it is about.
ONE = "Little Harbour II, the second of the expedition's bases, was established in 1934 on the ice shelf."
TWO = "Built by the crew in 1933, Little Harbour II housed fifty-six men through the winter."
BASE, BASE2 = doc("d1", ONE), doc("d2", TWO)


@MODES
def test_two_excerpts_giving_two_dates_disagree(encode):
    q = "When was Little Harbour II established?"
    assert real(find(q, [BASE, BASE2], encode)) == ["answer"]
    assert real(find(q, [BASE, BASE2], encode, excerpt_words=0)) == []
    # Longer pages sharing as little stay apart: namesakes' pages look like that.
    long1 = doc("d1", ONE, "Its crew logged the weather every morning.", "Supplies came by ship each spring.")
    long2 = doc("d2", TWO, "Dogs pulled the sledges across the ice.", "A radio linked it to the mainland.")
    assert real(find(q, [long1, long2], encode)) == []


@MODES
def test_an_excerpt_lacking_a_qualifier_is_no_other_entity(encode):
    # The page qualifies its subject ("Lake Mills, Iowa"); a one-sentence excerpt naming it first
    # thing lacks the qualifier, which an excerpt has no room for.
    page = doc("a01", "Lake Mills, Iowa Lake Mills is a city in Winnebago County, Iowa, United States.",
               "The town of Lake Mills was founded in 1857 by settlers from Norway.",
               "A gristmill was built at the site in 1864.", title="Lake Mills, Iowa")
    excerpt = doc("b02", "Lake Mills was founded by a party of farmers in 1869.")
    q = "When was Lake Mills founded?"
    assert real(find(q, [page, excerpt], encode)) == ["answer"]
    assert real(find(q, [page, excerpt], encode, excerpt_words=0)) == []
