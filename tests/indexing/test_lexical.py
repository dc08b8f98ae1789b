"""The question's terms (qa.indexing.lexical.question_terms): what a passage is expected to use."""
from __future__ import annotations

import pytest

from qa.indexing.lexical import question_terms, tokenize


@pytest.mark.parametrize("question, terms", [
    ("What's the name of the giant's chip family?", ["name", "giant", "chip", "famili"]),
    ("What’s Meta's plan?", ["meta", "plan"]),  # the typographic apostrophe too
    ("Who's building the fab?", ["build", "fab"]),
    ("Where'd the chips go?", ["chip", "go"]),
    ("What is Samsung's plan?", ["samsung", "plan"]),
    ("How many units will Meta make?", ["unit", "meta", "make"]),
    ("Whatsapp founders?", ["whatsapp", "founder"]),  # a word starting with a wh-word is kept
])
def test_question_terms(question, terms):
    assert question_terms(question) == terms


def test_no_term_of_a_question_is_one_no_passage_can_have():
    # Possessives are cut from passages ("Samsung's" -> "samsung"): a question's contraction must
    # leave no "s" behind, which every passage would lack.
    passage = set(tokenize("Samsung's foundry backlog is what's left of the orders."))
    assert "s" not in passage
    assert "s" not in question_terms("What's Samsung's foundry backlog?")
