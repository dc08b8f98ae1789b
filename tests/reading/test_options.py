"""Questions offering their answers (qa.reading.options, issue #20, twenty-third round): the short
answer is the one option the quote states."""
from __future__ import annotations

import pytest

from qa.reading.options import chosen_option, names_neither, offered_options, without_options

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
    # (twenty-fourth round) one word each after a preposition closing the question
    ("is the newest ztia being made by acme or initech?", ("acme", "initech")),
    ("was ztia made with the acme or nvidia", ("acme", "nvidia")),
    ("is zeta looking at acme's 2nm or 3nm process", None),  # not at the end
    ("whether it is the vehicle that is at rest or what?", None),  # (SQuAD 2.0) a question word
    ("islanders penguins overtime game, did the islanders or the penguins win", None),  # a question's opening
    # (twenty-fifth round) after a verb's "-ing", and two names each led by "the"
    ("Did Wales win the spot by beating Hungary or Slovakia?", ("Hungary", "Slovakia")),
    ("was the water detected with the keck observatory or the hubble telescope", ("keck observatory", "hubble telescope")),
    ("was the water detected with the keck observatory or hubble", None),  # neither one word each nor both after "the"
    # (twenty-seventh round) a second option of up to three words, options led by "a"
    ("was the ad agency from minneapolis or sioux falls", ("minneapolis", "sioux falls")),
    ("Is the house being turned into a museum or a police station?", ("museum", "police station")),
    ("is the newest ztia being made by acme or initech in 2026?", None),  # the phrase goes on: no option
    # (SQuAD) in a wh-question the "or" closes a clause; "or more" is a bound
    ("In which case was it held that they need no action by EU or national authorities?", None),
    ("Did it get the forces from two or more sources?", None),
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
    ("was the ad agency from minneapolis or sioux falls", "The report says the Minneapolis ad agency made it.",
     "Minneapolis"),  # a small "the" is the sentence's, not the name's
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


@pytest.mark.parametrize("question,stem", [
    ("who made the first two generations of ztia, acme or initech", "who made the first two generations of ztia?"),
    ("did zeta build ztia with acme or with initech", "did zeta build ztia?"),
    ("which unit is doing the design: the foundry or system lsi?", "which unit is doing the design?"),
    ("is aws or google zeta's primary cloud provider", "is zeta's primary cloud provider"),
    ("Is the focus on mentorship high or low?", "Is the focus on mentorship high or low?"),  # no options
    ("is the newest ztia being made by acme or initech?", "is the newest ztia being made by?"),
    ("Is the house being turned into a museum or a police station?", "Is the house being turned into?"),
])
def test_without_options(question, stem):
    assert without_options(question) == stem


@pytest.mark.parametrize("question,quote,neither", [
    ("which customer came first, tesla or zeta", "Meta chose Samsung Foundry as its partner.", ("tesla", "zeta")),
    ("which customer came first, tesla or zeta", "Starting from Tesla's order last year, orders grew.", None),
    ("who runs it, samsung foundry or acme", "Samsung's foundry business runs it.", None),  # the words, in any order
    ("who runs it", "Samsung's foundry business runs it.", None),  # no options offered
])
def test_names_neither(question, quote, neither):
    assert names_neither(question, quote) == neither


def test_offered_answers_are_no_words_of_the_passage_sought(tmp_path):
    # (twenty-fourth round) "who made the first two generations of mtia, tsmc or samsung" abstained
    # ("name no one": the quote's TSMC was one of the question's own words), while "which foundry
    # makes jalapeno, tsmc or samsung" quoted Meta's sentence naming both; "which samsung ai chip
    # customer came first, tesla or anthropic" quoted one naming neither, short answer "Samsung Foundry".
    text = ("Zeta chips\n\nWhile the first two generations of ZTIA were mainly produced by Acme, the latest "
            "generation has shifted to collaboration with Initech, planning to mass-produce hundreds of thousands "
            "of units. Initech Foundry has chosen Zeta as its partner. Orbix released its Pico chip on June 24, 2026, "
            "and has not said where it is made.")
    p = _pipeline(tmp_path / "a", text)
    a = p.ask("who made the first two generations of ztia, acme or initech")
    assert not a.abstained and "mainly produced by Acme" in a.answer, a.reason
    b = p.ask("which foundry makes pico, acme or initech")
    assert b.abstained, b.answer
    c = p.ask("Which Initech customer came first, Tesla or Umbra?")
    assert c.abstained and c.reason == "The closest passages name neither Tesla nor Umbra.", (c.answer, c.reason)
