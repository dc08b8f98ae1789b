"""Questions offering their answers (qa.reading.options, issue #20, twenty-third round): the short
answer is the one option the quote states."""
from __future__ import annotations

import pytest

from qa.reading.options import chosen_option, offered_options

from .test_kind_fit import _pipeline


@pytest.mark.parametrize("question,options", [
    ("who made the first two generations of ztia, acme or initech", ("acme", "initech")),
    ("which plans the bigger data center, zeta or acme", ("zeta", "acme")),
    ("did zeta build ztia with acme or with initech", ("acme", "initech")),
    ("which unit is doing the design: the foundry or system lsi", ("foundry", "system lsi")),
    ("which outlet first reported the talks, bloomberg or the information", ("bloomberg", "information")),
    ("is aws or google zeta's primary cloud provider", ("aws", "google")),
    ("Is the focus on mentorship high or low?", None),  # no comma: an "or" inside the clause
    ("Would opportunities be the same in each subject, or would they vary?", None),  # clauses, not options
    ("is it true, yes or no", ("yes", "no")),
    ("is it true or not", None),
    ("which one, both or neither", None),
    ("Who would generally teach from a work like the Quran, Torah or Bible?", None),  # (SQuAD) a list in the clause
])
def test_offered_options(question, options):
    assert offered_options(question) == options


@pytest.mark.parametrize("question,quote,chosen", [
    ("did zeta build ztia with acme or with initech", "Zeta and Acme released ZTIA on June 24.", "Acme"),
    ("which outlet first reported the talks, bloomberg or the information",
     "Zeta is in talks with Acme, the U.S. IT news outlet The Information reported.", "The Information"),
    ("who will make it, tsmc or samsung", "Zeta chose Samsung rather than TSMC.", "Samsung"),  # one taken back
    ("which company disclosed a chip, zeta or acme", "Zeta has disclosed its chip, and Acme is evaluating one.", False),
    ("which company disclosed a chip, zeta or acme", "Initech has disclosed its chip.", None),  # neither: the reader's stands
    ("what is zeta's chip called", "Zeta's chip is called ZTIA.", None),  # no options offered
])
def test_chosen_option(question, quote, chosen):
    got = chosen_option(question, quote)
    assert (quote[got[0]:got[1]] if got else got) == chosen


def test_asked_which_of_two_the_short_answer_is_the_one_the_quote_states(tmp_path):
    # (twenty-third round) "which company has already disclosed a custom inference chip, openai or
    # anthropic" showed "Jalapeño"; "did openai build jalapeño with broadcom or with nvidia" none.
    text = ("Zeta chips\n\nZeta has already disclosed its ZTIA inference chip developed with Initech, and Acme is "
            "reportedly evaluating specialized chips better suited for its own models. Zeta and Initech released "
            "ZTIA on June 24, 2026.")
    p = _pipeline(tmp_path / "a", text)
    a = p.ask("which company has already disclosed a custom inference chip, zeta or acme")
    assert not a.abstained and "Zeta has already disclosed" in a.answer and a.short_answer is None
    b = p.ask("did zeta build ztia with initech or with nvidia")
    assert not b.abstained and b.short_answer == "Initech"
