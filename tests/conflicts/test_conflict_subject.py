"""An answer conflict needs both documents to be about the question's subject: a full article that
never names a name of the question does not answer it (qa.conflicts.slots.names_subject); a short
excerpt, which may leave its subject unsaid, still may."""
from __future__ import annotations

import pytest

import qa.conflicts.question as question_module
from qa.conflicts.answer_facts import DocFacts, _question
from qa.conflicts.slots import ARTICLE_SENTENCES, name_runs

from .test_conflict_question import ask, doc, real

QUESTION = "Which company's custom chip team was Clive Chan part of before he joined Anthropic?"
# What both articles say (one story, so the entity check sees one subject).
SHARED = ["Anthropic is expanding its hardware group this year.", "The company declined to comment on hiring.",
          "Analysts expect more engineers to follow.", "Anthropic's models run on rented chips today.",
          "Its custom chip work is at an early stage.", "The move drew attention across the industry.",
          "Other labs are hiring chip designers too.", "Costs of training keep rising."]
CHAN = doc("chan", "Clive Chan, an early member of OpenAI's custom chip team, has joined Anthropic.", *SHARED,
           title="Chip Engineer Joins Anthropic")
# Names the question's company and asked words, never Clive Chan.
TALKS = "Anthropic's custom chip team is part of talks with Samsung Electronics about production."


def test_name_runs_group_adjacent_names():
    assert name_runs(_question(QUESTION)) == [("clive", "chan"), ("anthropic",)]
    assert name_runs(_question("What political party was John Harman affiliated with?")) == [("john", "harman")]


def test_an_article_that_never_names_the_subject_gives_no_answer_conflict(monkeypatch):
    article = doc("talks", TALKS, *SHARED, title="Chip Engineer Joins Anthropic")
    assert len(DocFacts.of(article).sents) >= ARTICLE_SENTENCES
    assert real(ask(QUESTION, [CHAN, article])) == []
    # Without the check the article's "Samsung Electronics" is set against "OpenAI's".
    monkeypatch.setattr(question_module, "names_subject", lambda f, q, origins=True: True)
    assert real(ask(QUESTION, [CHAN, article])) == ["answer"]


@pytest.mark.parametrize("kept", [1, 2])
def test_a_short_excerpt_is_not_held_to_naming_its_subject(kept):
    excerpt = doc("excerpt", TALKS, *SHARED[:kept], title="Chip Engineer Joins Anthropic")
    assert len(DocFacts.of(excerpt).sents) < ARTICLE_SENTENCES
    assert real(ask(QUESTION, [CHAN, excerpt])) == ["answer"]
