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


def test_a_place_answers_only_a_kind_of_place():
    # (twenty-second round) "what disease was found in china" showed "sources disagree": "Inner
    # Mongolia Autonomous Region" / "Ziketan", where each page's case was found, not a disease.
    from dataclasses import replace

    from qa.conflicts.answer_facts import _question
    from qa.conflicts.answers import _answers
    from qa.conflicts.question import QuestionConflicts

    d = doc("a01", "A new case was reported on Sunday.", "The case was found in Kelvia, in the Ostra Autonomous "
            "Region, officials said.", title="A new case")
    f = QuestionConflicts([d])
    facts, rows = f.facts["a01"], [0, 1]

    def answers(question, **settings):
        return [v.text for _, _, v in _answers(_question(question), facts, rows, None, replace(f.settings, **settings))]

    assert answers("What disease was found in Kelvia?") == []
    assert answers("What disease was found in Kelvia?", places_asked=False) == ["Ostra Autonomous Region"]
    assert answers("What region was the case found in?") == ["Kelvia"]  # a kind of place: places answer
