"""A number of the question that the quote writes in the same phrase with another number
(qa.reading.aligned): the quote is about another thing."""
import pytest

from qa import api
from qa.reading.aligned import other_number_beside


@pytest.mark.parametrize("question, quote, expected", [
    ("How many students did the university enrol in its five graduate divisions?",
     "It enrolled 3,468 students in its four graduate divisions and 5,984 in its schools.", ("five graduate", "four graduate")),
    ("What did Davies develop in the late 1950s?", "In the late 1960s Davies developed a network.", ("1950s", "1960s")),
    ("When did the Channel 8 documentary air?", "The Channel 4 documentary aired in 2007.", ("8 documentary", "4 documentary")),
    # The asked number is written (in words or digits): the same thing.
    ("How many students did it enrol in its 4 graduate divisions?", "It enrolled 3,468 students in its four graduate divisions.", None),
    ("How many students did it enrol in its four graduate divisions?", "It enrolled 3,468 students in its 4 graduate divisions.", None),
    # Not the same phrase: another word after the number, or only a function word.
    ("How many people lived there in 1348?", "Over 60% of the population died in 1350.", None),
    ("What were five of the causes?", "Four of the causes were famine, war, plague and flood.", None),
    # "thirty-seven" is not "seven".
    ("What thirty-seven story building was built in 1972?", "The 37-story Wells Fargo Center opened in 1983.", None),
])
def test_other_number_beside(question, quote, expected):
    assert other_number_beside(question, quote) == expected


@pytest.mark.parametrize("question, quote, expected", [
    # (thirty-seventh round) the question's number is the quote's count of the thing asked
    ("Along with 15 sororities, how many fraternities does the U of C have?",
     "There are fifteen fraternities and seven sororities at the University of Chicago.", ("15 sororities", "fifteen fraternities")),
    ("The College grants degrees in 28 majors and how many minors?",
     "The College grants degrees in 50 academic majors and 28 minors.", ("28 majors", "28 minors")),
    # the question's own pairing, a total of the things counted, "how many of", a name's number
    ("Along with 7 sororities, how many fraternities does the U of C have?",
     "There are fifteen fraternities and seven sororities at the University of Chicago.", None),
    ("Currently, how many votes out of the 352 total votes are needed for a majority?", "In total there are 352 votes.", None),
    ("How many of the four field goal attempts did McManus succeed at?", "McManus made all four of his field goals.", None),
    ("How many crew members flew on Apollo 7 missions?", "Apollo 7 crew members numbered three.", None),
])
def test_swapped_count(question, quote, expected):
    from qa.reading.aligned import swapped_count

    assert swapped_count(question, quote) == expected


@pytest.mark.parametrize("question, quote, expected", [
    # (thirty-eighth round) the question's figure is another thing's in the quote
    ("What condenses at 54.36 K?", "Oxygen condenses at 90.20 K (−182.95 °C), and freezes at 54.36 K (−218.79 °C).",
     ("condenses at 54.36", "freezes at 54.36")),
    ("What makes up 49.2% of the sun's mass?", "About 0.9% of the Sun's mass is oxygen. Oxygen constitutes 49.2% of the Earth's crust.",
     ("49.2% of the sun", "49.2% of the Earth")),
    ("What are ten of the sororities members of?",
     "Four of the sororities are members of the Conference, and ten of the fraternities form the Council.",
     ("ten of the sororities", "ten of the fraternities")),
    # The figure beside the asked word: answered.
    ("What freezes at 54.36 K?", "Oxygen condenses at 90.20 K, and freezes at 54.36 K.", None),
    # The asked word beside no other number: nothing says the figure is another's.
    ("What boils at 54.36 K?", "Oxygen condenses at 90.20 K, and freezes at 54.36 K.", None),
    # Not the same words between ("than 2" and "of 2"), plurals, ordinals, years, numbers in names.
    ("What divides all even numbers larger than 2?", "All primes larger than 5 end in 1, 3, 7 or 9; even numbers are multiples of 2.", None),
    ("Who returned a punt for 61 yards?", "Norwood's 61-yard punt return beat the old record of 45 yards.", None),
    ("How many provinces did the empire contain in the 17th century?",
     "At the beginning of the 17th century the empire contained 32 provinces.", None),
    ("How high did AS-201 reach?", "AS-201 reached 265 miles, and AS-202 reached 300 miles.", None),
])
def test_swapped_value(question, quote, expected):
    from qa.reading.aligned import swapped_value

    assert swapped_value(question, quote) == expected


# Through ask() on a made-up article: the near miss turned away with its reason, the question the
# article answers kept. Each rule of this module once (other_number_beside, swapped_count, swapped_value).
@pytest.mark.parametrize("text, away, reason, kept, phrase", [
    ("Freedonia University\n\nIn 2014 Freedonia University enrolled 3,468 students in its four graduate divisions.\n",
     "How many students did Freedonia University enroll in its five graduate divisions?",
     "The closest passages are about four graduate, not five graduate.",
     "How many students did Freedonia University enroll in its four graduate divisions?", "3,468"),
    ("Freedonia University\n\nThere are fifteen fraternities and seven sororities at Freedonia University, as well as one "
     "co-ed service fraternity.\n",
     "Along with 15 sororities, how many fraternities does Freedonia University have?",
     "The closest passages are about fifteen fraternities, not 15 sororities.",
     "Along with 7 sororities, how many fraternities does Freedonia University have?", "fifteen fraternities"),
    ("Kelta Gas\n\nKelta gas condenses at 90.20 K, and freezes at 54.36 K.\n",
     "What condenses at 54.36 K?", "The closest passages are about freezes at 54.36, not condenses at 54.36.",
     "What freezes at 54.36 K?", "Kelta gas"),
])
def test_the_reader_abstains_on_a_number_of_another_thing(fake_embedder, write_corpus, text, away, reason, kept, phrase):
    corpus = write_corpus({"made-up.txt": text})
    a = api.ask(away, corpus=corpus)
    assert a.abstained and a.reason == reason, a
    a = api.ask(kept, corpus=corpus)
    assert not a.abstained and phrase in a.answer, a


WHEN = ("when", "the date the question gives")


@pytest.mark.parametrize("question, quote, found", [
    # (thirty-ninth round) asked when, the quote's only date is the question's
    ("In what year did Pearson Friedman donate $300 million to the school?",
     "During the same year, investor David Booth donated $300 million to the school.", None),  # no date: a sum
    ("when will kelta make the 2-nanometer chips", "Kelta chose the 2-nanometer process this year.", None),
    ("When did Polonia win the championship prior to 2000?", "Polonia managed to win the Championship in 2000.",
     WHEN),
    ("When did it open after the 4 July parade?", "It opened after the parade of 4 July.", WHEN),
    ("when was the transcript of trump's july 25 call released", "Once Trump released the transcript of his July 25th call, ...",
     WHEN),
    ("When did Polonia win the championship prior to 2000?", "Polonia won the Championship in 1946 and in 2000.", None),
    ("When did Booth donate $300 million?", "Booth donated $300 million in 2008.", None),
    ("How much did Booth donate in 2008?", "Booth donated $300 million in 2008.", None),  # not asked when
])
def test_only_asked_date(question, quote, found):
    from qa.reading.restated import only_asked_date


    assert only_asked_date(question, quote) == found


def test_a_short_answer_is_no_date_the_question_states():
    from qa.reading.restated import states_asked_figures

    sentence = "Once Trump released the transcript of his July 25th call, the nation learned more."
    at = sentence.index("July 25th")
    assert states_asked_figures("when was the transcript of trump's july 25 call released", sentence[at:at + 9])
    assert not states_asked_figures("when was the transcript of trump's july call released", sentence[at:at + 9])
