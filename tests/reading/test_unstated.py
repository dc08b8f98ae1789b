"""Where an article says the asked thing is not known (qa.reading.unstated, issue #20, twenty-third
round): the user is told so, with the sentence, instead of the nearest figure or phrase."""
from __future__ import annotations

import pytest

from qa.reading.unstated import asked_slot, unstated_in

from .test_kind_fit import _pipeline


@pytest.mark.parametrize("question,sentence,said", [
    ("us price of the zeta e-van", "US pricing has not been confirmed at this stage, but the 2020 Zeta e-van is "
     "expected to go on sale next year.", True),
    ("release date for the new star quest film", "No release date for the fourth Star Quest film has yet been announced.", True),
    ("what were the names of the two soldiers killed in the crash", "It did not reveal the crash location and said it "
     "was withholding the names of those killed until next of kin could be told.", True),
    ("when will the zeta lander be ready", "He declined to say when his company's lander would be ready.", True),
    ("what is the overall cost of the luna program", "The committee wants more information about the overall cost "
     "of the Luna program that the agency has yet to disclose.", True),
    ("how many rockets are needed for the zeta lander", "The companies have not disclosed how many rockets would be "
     "needed to launch the Zeta lander.", True),
    # another subject: the sentence shares no word of the question's beyond what is asked
    ("how much will the zeta e-van cost", "Price and gas mileage were not announced.", False),
    # what is not told is not what is asked
    ("how much did Zeta pay for Acme", "Zeta declined to comment on the report.", False),
    ("who is investigating Zeta", "A spokesperson for the attorney general declined to comment.", False),
    ("when was the zeta e-van launched", "US pricing of the Zeta e-van has not been confirmed.", False),
    # a narrower thing unknown: the article gives the European price
    ("price of the zeta e-van", "US pricing of the Zeta e-van has not been confirmed at this stage.", False),
    ("how much will the zeta e-van cost in europe", "US pricing of the Zeta e-van has not been confirmed.", False),
    # (SQuAD) none exist, which is no unknown number; one word of the subject is not enough
    ("how many digits does the largest known prime have", "In fact no further Fermat numbers are known to be prime.", False),
    ("How many of the remaining launches were successful?", "Each step had to be successfully accomplished, and it "
     "was unknown how many tries of each mission would be necessary.", False),
    # (twenty-fourth round) a thing asked by its kind, withheld as such
    ("what injury did kip ruud suffer against the hawks", "The Wild lost defenseman Kip Ruud, who sat out the third "
     "period, to an undisclosed injury.", True),
    ("what injury did kip ruud suffer against the hawks", "Kip Ruud, who sat out the third period, said the injury "
     "was not announced.", False),  # only "an undisclosed injury": a phrase of not telling near the word is not enough
    ("what injury did kip ruud suffer against the hawks", "Kip Ruud sat out the third period after an undisclosed "
     "incident with a fan.", False),  # another thing withheld
    ("which buyers bid for the zeta jet", "Zeta attracted bids for the zeta jet from SunAir, Astra Air and a third "
     "undisclosed buyer.", False),  # a set asked: the sentence names two of them
    ("what buyer bid for the zeta jet besides sunair and astra air", "Zeta attracted bids for the zeta jet from "
     "SunAir, Astra Air and a third undisclosed buyer.", True),
])
def test_a_sentence_saying_the_asked_thing_is_not_known(question, sentence, said):
    assert (unstated_in(question, [sentence]) == sentence) is said


def test_beside_the_quote_a_sentence_needs_not_name_the_subject():
    assert unstated_in("how much will the zeta e-van cost", [], ["Price and gas mileage were not announced."])
    assert unstated_in("how much will the zeta e-van cost", [], ["Gas mileage was not announced."]) is None


@pytest.mark.parametrize("question,slot", [
    ("how much will it cost", "MONEY"), ("zeta e-van price", "MONEY"), ("when will it open", "DATE"),
    ("what is the name of the victim", "NAME"), ("who won", "NAME"), ("how many jobs will be cut", "NUM"),
    ("why did it fail", None), ("what is zeta", None),
    ("what injury did kip suffer", "OTHER"),  # (twenty-fourth round) a thing asked by its kind
])
def test_what_an_article_may_say_it_does_not_know(question, slot):
    assert asked_slot(question) == slot


def test_asked_a_price_the_article_says_is_not_known_the_user_is_told_so(tmp_path):
    # (twenty-third round) "us price of the audi e-tron sportback" got "2020" of "US pricing has not
    # been confirmed at this stage, but the 2020 Audi e-tron Sportback is expected to go on sale ...".
    text = ("Zeta reveals the e-van\n\nZeta has revealed the e-van at the city's auto show. US pricing has not been "
            "confirmed at this stage, but the 2020 Zeta e-van is expected to go on sale in North America midway "
            "through next year. The e-van will have four-wheel drive as standard.")
    p = _pipeline(tmp_path / "a", text)
    a = p.ask("us price of the zeta e-van")
    assert a.abstained and a.short_answer is None
    assert a.reason == "The articles say this is not known: “US pricing has not been confirmed at this stage, but the " \
                       "2020 Zeta e-van is expected to go on sale in North America midway through next year.”"
    b = p.ask("when will the zeta e-van go on sale in north america")  # what the article does tell
    assert not b.abstained and "midway through next year" in b.answer


def test_a_count_asked_is_not_stated_by_how_many_inside_the_quote(tmp_path):
    # (twenty-fourth round) "how many disney+ free trial users converted to paid subscribers" quoted
    # "... it is not clear how many have converted ...": its "many" counted as a vague count stated.
    from qa.reading.answertype import states_fact

    q = "how many zeta+ free trial users converted to paid subscribers"
    quote = ("An undisclosed number of customers signed up for the free weeklong trial, although it is not clear how "
             "many have converted to paid subscribers.")
    assert not states_fact(q, quote) and states_fact(q, "Many have converted to paid subscribers.")
    text = "Zeta+ trial\n\nZeta+ launched on Tuesday in the United States. " + quote
    a = _pipeline(tmp_path / "a", text).ask(q)
    assert a.abstained and a.reason == f"The articles say this is not known: “{quote}”", (a.answer, a.reason)
