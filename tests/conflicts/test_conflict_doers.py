"""Who did it, and a name a yes/no question states, read only where the question's verb and
subject are (qa.conflicts.answers, issue #20, sixteenth round): on made-up articles, what each
rule decides and, switched off, the false conflict it kept out."""
from __future__ import annotations

import pytest

from .test_conflict_question import doc, real
from .test_conflict_signals import MODES, find

# Two articles on one story: they share its names, so their answers are compared.
STORY = "Nexa Foundry makes chips for Helix Motors, Quill Systems and Pemberly at its Ardent plant."
TALKS = doc("a01", "Kestrel has begun early work on its own AI chips and is in talks with Nexa Foundry as a "
                   "manufacturing partner, the news outlet The Ledger reported on July 2, citing sources.", STORY,
            title="Kestrel in talks with Nexa")
PARTNERS = doc("b02", "What can be confirmed is that Nexa, Orbit Memory, Vela and other companies have appeared in "
                      "discussions about Kestrel's infrastructure partners.", STORY,
               title="Kestrel weighs its chip suppliers")
MADE = doc("a01", "While the first two generations of Zeta were mainly produced by Foundrix, the latest generation "
                  "has shifted to collaboration with Nexa, planning to mass-produce hundreds of thousands of units.", STORY,
           title="Zeta moves to Nexa")
OTHER_CHIP = doc("b02", "Orbit and Vela make the first inference chips of their own, with samples already running in "
                        "the lab.", STORY,
                 title="Orbit releases its inference chip")


@pytest.mark.parametrize("question, docs, setting", [
    # Without it, the partners' sentence, which reports nothing, answered "Orbit Memory, Vela".
    ("Who reported that Kestrel is talking to Nexa?", [TALKS, PARTNERS], "who_anchored"),
    # Without it, a sentence on another company's chip, never naming Foundrix, answered "Orbit and Vela".
    ("Did Foundrix make the first Zeta chips?", [MADE, OTHER_CHIP], "named_subject"),
])
@MODES
def test_an_answer_is_read_where_the_question_s_verb_and_subject_are(question, docs, setting, encode):
    assert real(find(question, docs, encode)) == []
    assert real(find(question, docs, encode, **{setting: False}))
