"""Two documents that both write two of the same exact days (born, died) describe one entity, though
they share little other text (qa.conflicts.shared_days): their different answers are a conflict,
not documents left unjudged (RAMDocs: an infobox rewritten with another rank)."""
from __future__ import annotations

from dataclasses import replace

import qa.conflicts.entity as entity_module
from qa.conflicts.answer_facts import DocFacts, QuestionSettings, _question
from qa.conflicts.entity import SAME, UNRELATED, entity_relation
from qa.conflicts.shared_days import days_of, shared_days

from .test_conflict_question import ask, doc, real

QUESTION = "When was Paul Weber promoted to colonel?"
PROSE = doc("prose", "Paul Weber was a German officer from Welzheim, born 30 October 1891, who died 15 September 1964.",
            "He trained Luftwaffe pilots at an aviation school near Berlin and Dresden during the first winter.",
            "Paul Weber was promoted to colonel in 1938 after the manoeuvres.",
            title="Paul Weber")
RECORD = doc("record", "Service record kept by the Bundesarchiv for the Kriegsmarine and the Reichswehr.",
             "He was born on 30 October 1891 in Hamburg and died on 15 September 1964 in Kiel.",
             "Weber was promoted to colonel in 1941, according to the file.",
             title="Weber, Paul: personnel file")
# The same two pages about a namesake: other days of record.
OTHER = doc("other", "Service record kept by the Bundesarchiv for the Kriegsmarine and the Reichswehr.",
            "He was born on 2 March 1920 in Hamburg and died on 11 May 1999 in Kiel.",
            "Weber was promoted to colonel in 1941, according to the file.",
            title="Weber, Paul: personnel file")


def test_days_written_out_are_read_with_day_and_month():
    assert days_of(DocFacts.of(PROSE)) == {"1891-10-30", "1964-09-15"}
    assert shared_days(DocFacts.of(PROSE), DocFacts.of(RECORD), set()) == 2
    assert shared_days(DocFacts.of(PROSE), DocFacts.of(OTHER), set()) == 0
    # A day in the year of an answer is what is disputed, not evidence.
    assert shared_days(DocFacts.of(PROSE), DocFacts.of(RECORD), {"1891"}) == 1


def test_two_shared_days_make_one_entity():
    q, st = _question(QUESTION), QuestionSettings(relevant=0.5)
    a, b = DocFacts.of(PROSE), DocFacts.of(RECORD)
    assert entity_relation(a, b, q, st) == SAME
    assert entity_relation(a, b, q, replace(st, shared_days=0)) == UNRELATED
    assert entity_relation(a, DocFacts.of(OTHER), q, st) == UNRELATED


def test_shared_days_turn_unjudged_answers_into_a_conflict(monkeypatch):
    assert real(ask(QUESTION, [PROSE, RECORD])) == ["answer"]
    assert real(ask(QUESTION, [PROSE, OTHER])) == []
    monkeypatch.setattr(entity_module, "shared_days", lambda a, b, said: 0)  # the mechanism off
    assert real(ask(QUESTION, [PROSE, RECORD])) == []
