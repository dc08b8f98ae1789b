"""A "what <thing>" question is answered, in a sentence that names that kind of thing, by a name of
one (qa.conflicts.answers._tied_to_focus): "What chips does Anthropic use?" showed "sources
disagree" between "... self-developed chips is that OpenAI has already set a precedent" and
"... Samsung Electronics was highly likely to win orders for Anthropic's AI chips", where neither
names a chip Anthropic uses."""
from __future__ import annotations

from qa.conflicts.answers import _focus_stem

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find

LEAD = "Acme Labs trains large language models for businesses in Europe and Asia."


@MODES
def test_names_beside_the_asked_kind_of_thing_are_not_its_answers(encode):
    docs = [doc("a01", LEAD, "One important backdrop to Acme Labs being placed in the discussion of self-developed "
                "chips is that Globex has already set a precedent.", title="Acme Labs and its chips"),
            doc("b02", LEAD, "The mention of logic chips by Acme Labs led to industry speculation that Initech "
                "was highly likely to win orders for Acme Labs chips.", title="Acme Labs and its chips")]
    q = "What chips does Acme Labs use?"
    assert real(find(q, docs, encode)) == []
    # Without the tie (and the set rule: "chips" asks for a set), the two companies were the two
    # sources' answers.
    assert real(find(q, docs, encode, focus_tied=False, sets=False)) == ["answer"]


@MODES
def test_names_of_the_asked_kind_still_disagree(encode):
    text = LEAD + " Acme Labs uses {chip} chips to train and serve its models, the company said."
    docs = [doc("a01", text.format(chip="Trainium"), title="Acme Labs and its chips"),
            doc("b02", text.format(chip="Maia"), title="Acme Labs and its chips")]
    found = find("What chips does Acme Labs use?", docs, encode)
    assert real(found) == ["answer"] and "Trainium" in found[0].summary and "Maia" in found[0].summary


def test_the_asked_kind_of_thing():
    assert _focus_stem("What chips does Anthropic use?") == "chip"
    assert _focus_stem("What sport is Altrincham associated with?") == "sport"
