"""Whom a side beat, lost to or played (qa.reading.opponents), and answers that restate who the
question says acted (qa.reading.restated): the pure rules on made-up sentences, then the short
answer they change (spaCy model), which without them is another name of the sentence."""
from __future__ import annotations

import pytest

from qa.reading import shortanswer as sa
from qa.reading.opponents import opponent
from qa.reading.restated import restates_subject

RESULT = ("LISBON — Ana Costa kept Portugal's hopes alive, then Rui Lobo completed the comeback in the "
          "decisive match to give the hosts a 2-1 win over Norway in the opening round.")


def _spans(sentence: str, *names: str) -> list[tuple[float, int, int]]:
    return [(float(-n), sentence.index(x), sentence.index(x) + len(x)) for n, x in enumerate(names)]


@pytest.mark.parametrize("question, sentence, names, expected", [
    ("who did Portugal beat in the opening round", RESULT, ("Ana Costa", "Norway"), "Norway"),
    ("which team did Leeds defeat", "Leeds edged Bristol on Sunday.", ("Leeds", "Bristol"), "Bristol"),
    ("who did Ghana lose to", "Ghana lost to Peru on Monday.", ("Ghana", "Peru"), "Peru"),
    ("who did Denver beat", "Denver defeated the defending champion New England Patriots.",
     ("defending champion New England Patriots",), "New England Patriots"),
    # A record or score alone names no side; of two spans from one place, the better scored.
    ("who did the Broncos play", "the Broncos were losing 13–7 against the 4–11 San Diego Chargers.",
     ("4–11", "4–11 San Diego Chargers"), "San Diego Chargers"),
    ("who did the Hawks play", "The Hawks played against the Owls at home.", ("Hawks", "Owls"), "Owls"),
    # Of two results, the one following the question's side; the score after a name is no part of it.
    ("who did Chile beat", "Chile beat Oman 6-0 behind Luis Vera's win over Omar Said.",
     ("Omar Said", "Oman 6-0"), "Oman"),
])
def test_the_side_named_after_the_words_of_the_result(question, sentence, names, expected):
    a, b = opponent(question, sentence, _spans(sentence, *names))
    assert sentence[a:b] == expected


@pytest.mark.parametrize("question", ["who scored for Portugal", "who did Portugal hire", "What did Portugal win?"])
def test_other_questions_have_no_opponent(question):
    assert opponent(question, RESULT, _spans(RESULT, "Ana Costa", "Norway")) is None


def test_the_short_answer_is_the_beaten_side_not_the_star():
    a, b, _ = sa.extract_short_answer("who did Portugal beat in the opening round", RESULT)
    assert RESULT[a:b] == "Norway"


@pytest.mark.parametrize("question, sentence, span, restates", [
    ("what were analysts expecting per share", "Wall Street analysts surveyed by FactSet were expecting $1.10 a share.",
     "Wall Street analysts surveyed by FactSet", True),
    ("what were analysts expecting per share", "Analysts' forecast was $1.10 a share.", "Analysts' forecast", False),
    ("what did Qantas buy from Airbus", "Australia's flagship carrier Qantas Airways agreed to purchase 12 jets.",
     "Australia's flagship carrier", False),  # the words before a name often hold the answer
    ("What did Sir Omar Vale invent?", "inventor of the arc lamp Sir Omar Vale", "arc lamp", False),
    ("what does civil disobedience protest against", "Civil disobedience is a protest against unfair laws.",
     "Civil disobedience", False),  # a subject of two small words is not read
    ("what did the company announce", "The company announced a new chip.", "The company", True),
    ("What have the two different movements been described as oscillating between?",
     "The two movements oscillate between two poles.", "two poles", False),  # "two" opens a longer subject
    ("what did Qantas buy from Airbus", "Australia's flagship carrier Qantas Airways agreed to purchase 12 jets.",
     "Australia's flagship carrier Qantas Airways", True),
    ("what did Qantas buy from Airbus", "Qantas's new jets arrive in May.", "Qantas's new jets", False),
    # Not a question asking what its subject did.
    ("who are the analysts", "Wall Street analysts surveyed by FactSet were expecting $1.10 a share.",
     "Wall Street analysts surveyed by FactSet", False),
])
def test_a_span_restating_the_subject(question, sentence, span, restates):
    a = sentence.index(span)
    assert restates_subject(question, sentence, a, a + len(span)) is restates


def test_the_short_answer_is_what_the_subject_expected_not_the_subject():
    sentence = "Wall Street analysts surveyed by FactSet were expecting $1.10 a share on revenue of $9.2 billion."
    a, b, _ = sa.extract_short_answer("what were analysts expecting per share from Acme", sentence)
    assert "$1.10" in sentence[a:b]


def test_a_name_is_restated_only_whole():
    sentence = "In 2000 the school won the Sunday Times University of the Year award."
    span = "Sunday Times University of the Year award"
    a = sentence.index(span)
    assert not restates_subject("What did Newcastle University win in 2000?", sentence, a, a + len(span))
    assert restates_subject("What did Times University win?", "Sunday Times University won.", 0, len("Sunday Times University"))
