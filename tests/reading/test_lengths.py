"""Lengths of time (qa.reading.timeshape, issue #20, twenty-third round): what a question asking how
long takes for an answer, and the length a quote states when the reader's own span was a point in
time ("last night" of "... sacked last night after five-and-a-half years in charge")."""
from __future__ import annotations

import pytest

from qa.reading.shortanswer import shown_short
from qa.reading.timeshape import a_length_asked, length_in, lengths_of_time, states_length

from .test_kind_fit import _pipeline


@pytest.mark.parametrize("text,lengths", [
    ("Lee was sacked last night after five-and-a-half years in charge", ["five-and-a-half years"]),
    ("sentenced to 50 weeks in jail", ["50 weeks"]),
    ("a 90-day license", ["90-day"]),
    ("the 53-day-long festival", ["53-day-long"]),
    ("the tie lasted nearly eight hours", ["nearly eight hours"]),
    ("a show half an hour long", ["half an hour"]),
    ("half an hour later", []),  # a point
    ("the twenty-four hours before", []),  # a point counted from another ("before")
    ("the 43-year-old man", []),  # an age
    ("two years ago", []),
    ("less than six months after the final", []),
    ("in 2016, this week, last night", []),
    ("the two countries", []),
])
def test_lengths_of_time_as_written(text, lengths):
    assert [text[a:b] for a, b in lengths_of_time(text)] == lengths


@pytest.mark.parametrize("question,before,short,after,ok", [
    ("how long was Lee in charge", "sacked ", "last night", " after", False),  # a point
    ("how long did the tie take", "debuting ", "this year", ",", False),
    ("how many days does the festival run", "until ", "20 January 2019", ".", False),
    ("How long does the boost last?", "by a total of ", "3-inches", ".", False),  # a length, not of time
    ("how long was Lee in charge", "after ", "five-and-a-half years", " in charge", True),
    ("how long has he led it", "since ", "2016", ".", True),  # the point it runs from
    ("Over what period does the deal run?", "commitment over the ", "next decade", ".", True),  # a stretch
    ("how long is the bridge", "spans ", "1,200 metres", " across", True),
    ("how long ago did it open", "opened ", "last year", ".", True),
    ("how many years did it last", "lasted ", "30", " years", True),  # the unit after the span
    # (SQuAD) a length counted from a point, a point bounding the stretch asked about
    ("How long did it take Johnson to respond?", "", "approximately one week later", ".", True),
    ("How long was Warsaw the capital?", "the capital until ", "1796", ".", True),
    ("How long has it been a principle of EU law?", "recognised since the ", "1950s", ".", True),
    ("How long are students required to learn Welsh?", "until the ", "age of 16", ".", True),
    ("How long has free movement been central?", "since the ", "Treaty", " of Rome 1957", False),  # no time in it
])
def test_what_a_question_asking_how_long_takes(question, before, short, after, ok):
    assert a_length_asked(question, short, before, after) is ok
    assert (shown_short(question, short, before, after) == short) is ok


def test_the_length_beside_the_question_s_words():
    quote = "He spent 3 years at Ajax and 5 years in charge of Spurs."
    a, b = length_in("how long was he in charge of spurs", quote)
    assert quote[a:b] == "5 years"
    assert length_in("how long was he there", "He left last night.") is None
    assert length_in("how long was the trip", "It took 3 days out and 5 days back.") is None  # neither stands out
    quote = "In 1979, less than a year after becoming pope, he said Mass in Warsaw."  # (SQuAD) counted from a point, alone
    a, b = length_in("How long had he been the pope in 1979?", quote)
    assert quote[a:b] == "less than a year"


def test_a_sentence_stating_a_length():
    assert states_length("how long had the cat been missing", "A cat who has been missing for five years was found.")
    assert not states_length("how long had the cat been missing", "The shelter announced this week that the cat was found.")
    assert not states_length("how long did the boost last", "It can lower the car by a total of 3-inches.")
    assert states_length("How long did plague last in the empire?", "Plague remained until the second quarter of the 19th century.")
    assert states_length("How long ago did oxygen reach 10%?", "It happened around 1.7 billion years ago.")
    assert not states_length("How long did oxygen stay at 10%?", "It happened around 1.7 billion years ago.")


def test_asked_how_long_the_length_the_quote_states_is_shown(tmp_path):
    # (twenty-third round) "how long was pochettino in charge at tottenham" got "last night" of
    # "Pochettino was sacked last night after five-and-a-half years in charge, ...".
    text = ("Rovers sack Lindqvist\n\nLindqvist was sacked last night after five-and-a-half years in charge, and less "
            "than six months after leading Rovers to their first ever cup final. The club said a new manager "
            "would be named soon.")
    p = _pipeline(tmp_path / "a", text)
    a = p.ask("how long was lindqvist in charge at rovers before he got sacked")
    assert not a.abstained and "five-and-a-half years" in a.answer
    assert a.short_answer == "five-and-a-half years"


@pytest.mark.parametrize("question, quote, gives_none", [
    # (twenty-eighth round, news) an age and a day are no length of the contract
    ("how many years is kepa's contract at chelsea", "The 23-year-old flew to London yesterday evening and will "
     "spend the day completing his move.", True),
    ("how many years is kepa's contract at chelsea", "He signed a seven-year contract on Wednesday.", False),
    ("How long did the strike last?", "The strike lasted from March to June.", False),  # a stretch bounded by points
    ("How old is the bridge?", "The 23-year-old flew to London.", False),  # not asked how long
    ("how long did he avoid extradition", "He has avoided extradition for seven years after seeking refuge.", False),
    # (SQuAD) lengths without a figure, and a stretch whose end stands a clause later
    ("How long did it take for the arrest to be known?", "It was not covered in the days, weeks and months after it happened.", False),
    ("How long did Phillips manage Apollo?", "Phillips managed Apollo from January 1964, until it achieved the first "
     "manned landing in July 1969.", False),
    # (thirty-first round, news) asked the sentence given, what he "could face" is none
    ("how long was carlineo sentenced to", "Carlineo, 55, could face up to 10 years in prison and have to pay "
     "$250,000 after pleading guilty.", True),
    ("how long was carlineo sentenced to", "He was sentenced to 10 years; he could have faced up to 20 years.", False),
    ("how long could carlineo face in prison", "Carlineo could face up to 10 years in prison.", False),
])
def test_asked_how_long_a_quote_stating_no_length_gives_none(question, quote, gives_none):
    from qa.reading.timeshape import gives_no_length

    assert gives_no_length(question, quote) is gives_none


@pytest.mark.parametrize("question, quote, gives_none", [
    # (thirty-second round, news) asked when a thing starts, a quote whose only time is a length
    ("when does the trial of the two jail guards start", "Prosecutors alleged that the two guards appeared to sleep "
     "for two hours when they should have been conducting inmate checks.", True),
    ("when does the trial of the two jail guards start", "The trial is set to begin in April.", False),
    ("when does the trial of the two jail guards start", "The trial will start after the holidays.", False),
    ("When did the war end?", "The war ended after six years of fighting.", False),  # "after": a point, loosely
    ("How many guards slept?", "Two guards slept for two hours.", False),  # no date asked
    ("In what year were the rule changes introduced?", "Camp supported new rules for the 1906 season.", False),  # a year, not a length
    ("On what day were the pictures sent?", "They made 10 orbits in 20 hours, sending pictures on Christmas Eve.", False),
    ("On what day were the pictures sent?", "They made 10 orbits in 20 hours, sending pictures of the surface.", True),
    ("What makes day length constant on Earth?", "Its inertia fixes the length of a day and of a year.", False),  # no date asked
])
def test_asked_a_date_a_quote_giving_only_lengths_gives_none(question, quote, gives_none):
    from qa.reading.answertype import answer_type
    from qa.reading.timeshape import gives_no_time

    assert gives_no_time(question, quote, answer_type(question)) is gives_none


def test_asked_when_a_trial_starts_a_length_is_no_date(tmp_path):
    text = ("Guards charged\n\nProsecutors alleged that Tova Reyes and Mark Olin, assigned to the special housing "
            "unit, browsed the Internet and appeared to sleep for two hours when they should have been "
            "conducting inmate checks. Both pleaded not guilty.")
    a = _pipeline(tmp_path / "a", text).ask("when does the trial of the guards tova reyes and mark olin start")
    assert a.abstained and a.reason == "The articles discuss this but give no date for it.", (a.answer, a.reason)
