"""What happened to the people a count counts (qa.reading.casualties, issue #20, twenty-seventh
round): "how many people died" is answered by the dead, not by "30 people had been injured"."""
from __future__ import annotations

import pytest

from qa.reading.casualties import asked_event, event_of_count

from .test_kind_fit import _pipeline


@pytest.mark.parametrize("question,event", [
    ("how many people died in the protests", "dead"),
    ("What was the death toll?", "dead"),
    ("How many were injured at the plant?", "hurt"),
    ("how many protesters were arrested", "held"),
    ("How many casualties were there?", None),  # the dead and the injured together
    ("How many people were killed or injured?", None),  # two events asked
    ("When did he die?", None),  # no count asked
])
def test_the_event_a_count_question_asks(question, event):
    assert asked_event(question) == event


@pytest.mark.parametrize("sentence,count,event", [
    ("In addition to the three fatalities at a plant, the office said another 30 people had been injured.", "three", "dead"),
    ("In addition to the three fatalities at a plant, the office said another 30 people had been injured.", "30", "hurt"),
    ("The attack killed 12 people and injured 30 others.", "12", "dead"),
    ("The attack killed 12 people and injured 30 others.", "30", "hurt"),
    ("Police said 40 people were arrested, and 30 people attended the vigil.", "30", None),  # its clause has none
])
def test_each_count_takes_the_event_word_nearest_it(sentence, count, event):
    i = sentence.index(count)
    assert event_of_count(sentence, i, i + len(count)) == event


def test_asked_how_many_died_the_short_answer_counts_the_dead(tmp_path):
    text = ("Clashes at a fuel plant\n\nThree people have died during protests in Valdora against the interim "
            "government, after clashes erupted near the Senkata fuel plant. In addition to the three fatalities at "
            "the plant on Tuesday, the ombudsman's office said another 30 people had been injured in the "
            "skirmishes.\n")
    p = _pipeline(tmp_path, text)
    a = p.ask("how many people died in the clashes at the fuel plant on tuesday")
    assert not a.abstained and a.short_answer is not None and a.short_answer.lower() == "three", (a.answer, a.short_answer)
    b = p.ask("how many people were injured in the skirmishes")
    assert not b.abstained and b.short_answer == "30", (b.answer, b.short_answer)
