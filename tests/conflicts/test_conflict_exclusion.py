"""A yes/no question's object left out by one source and said by another (issue #20, thirtieth
round, ``qa.conflicts.exclusion``): "expressed on all B cells, excluding plasma cells" against
"plasma cells do express it". On small made-up documents."""
from __future__ import annotations

from qa.conflicts.answer_facts import _question
from qa.conflicts.exclusion import stance
from qa.conflicts.sentences import _analyse

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find

Q = "Is the ZX7 marker expressed in human plasma cells?"
SAYS = "Contrary to some early doubts, human plasma cells do express the ZX7 marker, as later studies confirmed."


@MODES
def test_left_out_against_said_is_a_disagreement(encode):
    a = doc("a01", "The ZX7 marker is expressed on all normal and malignant B cells, excluding plasma cells.",
            title="ZX7 marker")
    b = doc("b02", SAYS, title="ZX7 in plasma cells")
    found = find(Q, [a, b], encode)
    assert real(found) == ["answer"]
    assert "excluding plasma cells" in found[0].summary, found[0].summary


@MODES
def test_included_or_another_thing_left_out_is_none(encode):
    b = doc("b02", SAYS, title="ZX7 in plasma cells")
    including = doc("a01", "The ZX7 marker is expressed on all normal and malignant B cells, including plasma cells.",
                    title="ZX7 marker")
    assert real(find(Q, [including, b], encode)) == []
    other = doc("a01", "The ZX7 marker is expressed in human plasma cells and B cells, except memory cells.",
                title="ZX7 marker")
    assert real(find(Q, [other, b], encode)) == []


def test_stance_of_a_sentence():
    q = _question(Q)
    sents = _analyse(doc("a01", "The ZX7 marker is expressed on all B cells, excluding plasma cells.",
                         "Human plasma cells express the ZX7 marker.", "The weather was fine that day in the lab.")).sents
    assert stance(q, sents[0])[0] is True
    assert stance(q, sents[1])[0] is False
    assert stance(q, sents[2]) is None
