"""The name a sentence sets in apposition to the thing a question asks for by its owner
(qa.reading.appositions, issue #20, twenty-fifth round)."""
from __future__ import annotations

import pytest

from qa.reading import shortanswer as sa
from qa.reading.appositions import owned_apposition


@pytest.mark.parametrize("question, sentence, name", [
    ("What company is Zeta's parent?", "Zeta’s parent company, The Orla Company, announced on Sept. 30 that it "
     "was withdrawing its filing, shortly after Neumann stepped down.", "The Orla Company"),
    ("Who is Acme's CEO?", "Acme's CEO, Dana Reyes, said on Monday that sales rose.", "Dana Reyes"),
    ("Who are Zeta's partners?", "Zeta's partners, Acme and Initech, said they would help.", "Acme and Initech"),
    # the sentence's full stop is not the name's, an abbreviation's is
    ("Who is Zeta's CEO?", "Officials will look at Zeta's founder and former CEO, Adam Ruud.", "Adam Ruud"),
    ("What company is Zeta's parent?", "The deal was signed by Zeta's parent company, Orla Holdings Inc.", "Orla Holdings Inc."),
    ("Who are Zeta's partners?", "Zeta's partners, Acme, Initech and Orvik, said so.", None),  # a list: no one name
    ("What is Zeta's plan?", "Zeta's plan, announced in May, is to build a fab.", None),  # no name asked
    ("What company is Zeta's parent?", "Zeta's parent company said on Monday it would cut jobs.", None),
    ("What company is Zeta's parent?", "Acme's parent company, Orla Group, said so.", None),  # another owner
    # (twenty-sixth round) the role as a title before a person's name
    ("Who is Zeta's CEO?", "Like Acme head Ann Ross, Zeta CEO Jack Dorr has spoken out about the counts.", "Jack Dorr"),
    ("Who is Zeta's CEO?", "Like Zeta head Ann Ross, Acme CEO Jack Dorr has spoken out.", None),  # another owner's
    ("What company is Zeta's parent?", "Zeta parent Orla Group said so.", None),  # a title names a person
])
def test_the_name_in_apposition_to_the_asked_thing(question, sentence, name):
    found = owned_apposition(question, sentence)
    assert (sentence[found[0]:found[1]] if found else None) == name


def test_the_short_answer_is_the_apposition_not_another_organisation():
    # The span scorer took "Neumann" (tagged an organisation) from the end of the sentence.
    q = "What company is Zeta's parent?"
    s = "Zeta’s parent company, The Orla Company, announced on Sept. 30 that it was withdrawing its filing."
    a, b, _ = sa.extract_short_answer(q, s)
    assert s[a:b] == "The Orla Company"


def test_who_is_an_owner_s_role_asks_for_a_name():
    # "Who is Twitter's CEO?" was read as asking who "Twitter's CEO" is (a description): no span
    # answered it, and no short answer was shown.
    from qa.reading.asked_spans import described_person

    assert described_person("Who is Zeta's CEO?") == "" and described_person("Who is Marc Benioff?") == "Marc Benioff"
    q, s = "Who is Zeta's CEO?", "Like Acme head Ann Ross, Zeta CEO Jack Dorr has spoken out about the counts."
    got = sa.extract_short_answer(q, s)
    assert got is not None and s[got[0]:got[1]] == "Jack Dorr"
