"""What counts as a document's answer when the question path compares answers (issue #20: a
conflict is shown only when each side speaks to what the question asks). Each test fails with
its rule switched off in ``QuestionSettings``; the subject rules are off by default (their cost on
RAMDocs is in ``QuestionSettings``) and are tested switched on."""
from __future__ import annotations

from dataclasses import replace

import pytest

from qa.conflicts.question import ANSWER, QuestionConflicts, QuestionSettings

from .test_conflict_question import doc
from .test_conflicts import check_offsets, fake_encode

# Text both articles of a pair share, so that the entity check reads them as one story.
SHARED = ("Chip makers are racing to secure advanced packaging capacity for the coming year. "
          "Analysts expect demand for custom accelerators to keep rising through the decade. "
          "Industry watchers say supply of high-bandwidth memory remains tight for every buyer.")


def find(question: str, docs, **settings) -> list:
    passages = [(d.doc_id, a, b) for d in docs for a, b in d.content]
    st = replace(QuestionSettings(), **settings)
    found = QuestionConflicts(docs, fake_encode).find(question, passages, settings=st)
    check_offsets(found, docs)
    return found


ROUND = [doc("a01", SHARED, "Samsung, SK Hynix and Micron joined the Series H round as strategic partners.",
             title="Memory makers back the lab"),
         doc("b02", SHARED, "The memory makers, led by Samsung Electronics, joined the Series H round as strategic partners.",
             title="Memory makers back the lab")]
ROUND_Q = "Which memory makers besides Samsung joined the Series H round?"


def test_the_rest_of_the_subjects_name_is_no_answer():
    # "Samsung Electronics" asked "besides Samsung" leaves "Electronics": the subject's own name,
    # not a second answer disagreeing with "SK Hynix and Micron".
    assert find(ROUND_Q, ROUND) == []
    # (The question asks for a set, so the set rule, off here, would hide the disagreement too.)
    loose = find(ROUND_Q, ROUND, glued_parts=False, sets=False)
    assert [c.kind for c in loose] == [ANSWER] and "Electronics" in loose[0].summary


FOUNDRY_Q = "Which foundry will make Meta's next MTIA chip?"


def test_a_name_glued_to_the_asked_kind_is_still_an_answer():
    # "Samsung Foundry" asked "which foundry": "foundry" is what is asked for, not the subject,
    # so "Samsung" stays an answer and a source naming TSMC disagrees.
    docs = [doc("a01", "Meta will have its next MTIA chip made by Samsung Foundry on a 2nm process.", SHARED,
                title="Meta picks a foundry"),
            doc("b02", "Meta will have its next MTIA chip made by TSMC on a 3nm process.", SHARED,
                title="Meta picks a foundry")]
    found = find(FOUNDRY_Q, docs)
    assert [c.kind for c in found] == [ANSWER]
    assert "Samsung" in found[0].summary and "TSMC" in found[0].summary


@pytest.mark.parametrize("where", ["sentence", "lead"])
def test_an_answer_from_a_sentence_about_another_subject_does_not_disagree(where):
    # The second article's sentence near "chip" and "make" is about OpenAI's chip; its names are
    # no answer to a question about Meta's, so nothing disagrees with "Samsung".
    docs = [doc("a01", "Meta will have its next MTIA chip made by Samsung Foundry on a 2nm process.", SHARED,
                title="Meta picks a foundry"),
            doc("b02", SHARED, "Separately, Broadcom will have the next Jalapeno chip made by TSMC for OpenAI.",
                title="Chip makers race for packaging")]
    assert find(FOUNDRY_Q, docs, answer_subject=True) == []
    assert [c.kind for c in find(FOUNDRY_Q, docs)] == [ANSWER]
    if where == "lead":
        # The same sentence in an article whose title names Meta may well be about Meta's chip
        # (the article's subject goes without saying): it is read as before.
        docs[1] = doc("b02", SHARED, "Separately, Broadcom will have the next Jalapeno chip made by TSMC for OpenAI.",
                      title="Meta and OpenAI race for packaging")
        assert [c.kind for c in find(FOUNDRY_Q, docs, answer_subject=True)] == [ANSWER]


def test_an_article_that_never_names_most_of_the_subject_gives_no_answer():
    # Asked about Clive Chan and Anthropic, an article naming only Anthropic (1 of 3 subject
    # words) has no answer to compare, however near its sentence is to the question's words.
    docs = [doc("a01", "Clive Chan, an early member of OpenAI's custom chip team, has joined Anthropic.", SHARED,
                title="Anthropic hires a chip engineer"),
            doc("b02", SHARED, "Anthropic's custom chip team is working with Samsung Electronics on packaging.",
                title="Anthropic hires a chip engineer")]
    question = "Which company's custom chip team was Clive Chan part of before he joined Anthropic?"
    assert find(question, docs, answer_subject_doc=0.5) == []
    assert [c.kind for c in find(question, docs)] == [ANSWER]
