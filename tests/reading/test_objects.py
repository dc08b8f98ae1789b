"""The object of the asked verb (qa.reading.objects, issue #20, sixteenth round): the thing the
question's named subject has, and the object of a preposition the question leaves after its verb."""
from __future__ import annotations

import pytest

from qa.reading.objects import held_tokens, stranded_tokens
from qa.reading.shortanswer import extract_short_answer

LIST = ("Globex has Nova, Acme has Quasar and Pulsar, Initech is advancing Zeta, and model companies like Hooli "
        "are also evaluating custom boards better suited to their workloads.")
UPGRADE = ("To this end, Acme plans a faster development system, and will upgrade from second-generation boards to "
           "fourth-generation boards next year.")


def _view(text: str):
    from qa.reading.shortanswer import _nlp
    from qa.reading.spanfeatures import _View

    return _View(_nlp()(text))


def _words(v, positions) -> str:
    return " ".join(v.text[i] for i in sorted(positions))


@pytest.mark.parametrize("question,sentence,held,short", [
    # the object of the verb whose subject is the asked name, not the list the span model prefers
    ("What chip does Globex have?", LIST, "Nova", "Nova"),
    ("what board does Acme have", LIST, "Quasar and Pulsar", "Quasar and Pulsar"),
])
def test_the_thing_a_named_party_has(question, sentence, held, short):
    v = _view(sentence)
    assert _words(v, held_tokens(question, v)) == held
    a, b, _ = extract_short_answer(question, sentence)
    assert sentence[a:b] == short


@pytest.mark.parametrize("question,sentence,obj,short", [
    ("What will Acme upgrade to next year?", UPGRADE, "fourth - generation boards", "fourth-generation boards"),
    ("What will Acme upgrade from?", UPGRADE, "second - generation boards", "second-generation boards"),
])
def test_a_preposition_left_after_the_verb_asks_for_its_object(question, sentence, obj, short):
    v = _view(sentence)
    got = stranded_tokens(question, v)
    assert _words(v, got) == obj
    a, b, _ = extract_short_answer(question, sentence)
    assert sentence[a:b] == short


@pytest.mark.parametrize("question", [
    "What does Globex say?",  # what a party says has its own reader
    "What was Nova designed for?",  # the name is what was acted on, not the subject
    "Which company has Quasar?",  # asks for the subject, not the object
    "What does Initech make?",  # no verb of that stem in the sentence
])
def test_no_object_when_the_question_does_not_ask_for_it(question):
    v = _view(LIST)
    assert held_tokens(question, v) == set()


@pytest.mark.parametrize("question", [
    "What is the share of boards in 2026?",  # "share of" is a noun's phrase, no verb's
    "With whom will Acme upgrade?",  # the preposition opens the question
    "What will Acme upgrade?",  # no preposition left
])
def test_no_stranded_object(question):
    v = _view(UPGRADE)
    assert stranded_tokens(question, v) == set()
