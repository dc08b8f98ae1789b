"""Which of the top three sentences the reader quotes when the best one is no answer
(qa.reading.prefer), as a pure function and on the seeds with the real models."""
from __future__ import annotations

import pytest

import qa
from qa.reading.prefer import preferred

ALL = (1.0, 1.0)  # a sentence naming all the question's names (or a question naming none)


def _views(texts: dict[int, str]):
    from qa.reading.shortanswer import _nlp
    from qa.reading.spanfeatures import _View

    return lambda: {i: _View(_nlp()(t)) for i, t in texts.items()}


def test_a_runner_up_naming_the_question_names_goes_first():
    text = {0: "Meta's MTIA plans to use Samsung's 2nm process.", 1: "Anthropic is exploring chips.",
            2: "OpenAI has begun testing the Jalapeño chip."}
    names = {0: (0.0, 0.0), 1: (0.0, 0.0), 2: ALL}
    assert preferred("Is Jalapeño in mass production?", [0, 1, 2], text, names, _views(text))[0] == 2
    # Named beside it (the sentence before says Jalapeño): the best stays.
    names[0] = (0.0, 1.0)
    assert preferred("Is Jalapeño in mass production?", [0, 1, 2], text, names, _views(text))[0] == 0


def test_a_name_question_takes_the_runner_up_that_gives_the_owners_name():
    text = {0: "OpenAI unveiled its own custom inference chip initiative.",
            1: "This development comes after a shift in the semiconductor layer for Anthropic.",
            2: "OpenAI has already disclosed its Jalapeño inference chip."}
    names = {i: ALL for i in text}
    assert preferred("What is OpenAI's inference chip called?", [0, 1, 2], text, names, _views(text))[0] == 2
    # No runner-up naming the owner gives a name: the best stays (and the reader abstains on it).
    text[2] = "Anthropic has disclosed its Quasar chip."
    assert preferred("What is OpenAI's inference chip called?", [0, 1, 2], text, names, _views(text))[0] == 0


def test_an_amount_compared_with_the_asked_owners_gives_way_to_the_owners_own():
    text = {0: "Similar to Meta, Anthropic also plans a data center of about 1 GW.",
            1: "Meta aims to build a data center of 5 GW by 2030.", 2: "Data centers need power."}
    names = {i: ALL for i in text}
    q = "How big is Meta's planned data center?"
    assert preferred(q, [0, 1, 2], text, names, _views(text))[0] == 1
    # The best never names the asked owner: no runner-up is taken for it (the reader abstains).
    text[0] = "Samsung receives orders from Anthropic for a data center of 1 GW."
    assert preferred("How big is Tesla's planned data center?", [0, 1, 2], text, names, _views(text))[0] == 0


# Questions typed as a user would, found answered wrongly by hand (issue #20), with the real models:
# question -> (short answer or None, a phrase of the answer); None: the reader abstains.
SEEDS = {
    "Is Jalapeño in mass production?": (None, "OpenAI has already disclosed the Jalapeño inference chip"),
    "How big is Meta's planned data center?": ("5 gigawatts", "Meta aims to build a data center"),
    "What is Meta's AI chip called?": ("MTIA", "Meta is advancing MTIA"),
    "What is OpenAI's inference chip called?": ("Jalapeño", "disclosed its Jalapeño inference chip"),
    "What is the name of Anthropic's custom AI chip?": None,
    "How much was Tesla's AI chip order with Samsung worth?": None,
    "who did openai build jalapeño with": ("Broadcom", "developed with Broadcom"),
    "How often does Meta want to release new MTIA chips?": ("every six months", "launched every six months"),
}


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("QA_INDEX_ROOT", str(tmp_path_factory.mktemp("index")))
    qa.api.clear_cache()
    yield
    qa.api.clear_cache()
    mp.undo()


@pytest.mark.slow
@pytest.mark.parametrize("question", list(SEEDS))
def test_seed_answers(seeds_index, question):
    a = qa.ask(question)
    want = SEEDS[question]
    if want is None:
        assert a.abstained, a.answer
        return
    short, phrase = want
    assert not a.abstained, a.reason
    assert a.short_answer == short and phrase in a.answer, (a.short_answer, a.answer)
