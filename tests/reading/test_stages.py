"""How far along a thing is (qa.reading.stages, issue #20, twenty-eighth round): asked so, the reader
quotes a sentence saying at what stage it is, read below the top three as well, and does not abstain
on such a sentence where it or its neighbours name the question's names."""
from __future__ import annotations

import pytest

from qa.reading.answertype import answer_type
from qa.reading.prefer import found_asked, preferred, reads_lower
from qa.reading.stages import asks_stage, states_stage

from .test_prefer import ALL, _views


@pytest.mark.parametrize("question, asks", [
    ("How far along is the Claude maker's in-house silicon effort?", True),
    ("what stage is project zeta in", True),
    ("At which phase is the bridge repair?", True),
    ("how advanced is acme's 2nm process", True),
    ("How far is the moon?", False),
    ("What is the next stage of the Tour?", False),  # no "what stage"
])
def test_asks_stage(question, asks):
    assert asks_stage(question) is asks


def test_how_far_along_is_no_distance():
    assert answer_type("How far along is Acme's chip effort?") is None  # was QUANTITY: short answer "AI"
    assert answer_type("How far is the moon?") == "QUANTITY"


@pytest.mark.parametrize("sentence, states", [
    ("Acme has begun early-stage work on developing its own chips.", True),
    ("Although the project remains in its planning phase, the move signals a shift.", True),
    ("Construction of the bridge is under way.", True),
    ("Globex is one of the world's leading manufacturers of chips.", False),
])
def test_states_stage(sentence, states):
    assert states_stage(sentence) is states


def test_asked_how_far_along_a_sentence_saying_so_goes_first():
    text = {0: "Globex is one of the world's leading manufacturers, a logical partner for companies pursuing custom silicon.",
            1: "In the coming years, silicon could become just as strategic as algorithms.",
            2: "Chips need power.",
            3: "Acme has begun early-stage work on developing its own chips."}
    q = "How far along is Acme's in-house silicon effort?"
    assert reads_lower(q)
    names = {i: ALL for i in text}
    assert preferred(q, [0, 1, 2], text, names, _views(text), extra=[3])[0] == 3
    # One naming fewer of the question's names than the best does not.
    names[3] = (0.0, 1.0)
    assert preferred(q, [0, 1, 2], text, names, _views(text), extra=[3])[0] == 0


def test_a_stage_stated_beside_the_subject_answers_though_it_scores_low():
    q = "How far along is Acme's in-house silicon effort?"
    v = _views({0: "Although the project remains in its planning phase, the move signals a shift."})()[0]
    assert found_asked(q, v, {"names": 0.0, "names_context": 1.0})
    assert not found_asked(q, v, {"names": 0.0, "names_context": 0.0})  # nothing there names Acme
    v = _views({0: "Globex is one of the world's leading manufacturers of chips."})()[0]
    assert not found_asked(q, v, {"names": 1.0, "names_context": 1.0})
