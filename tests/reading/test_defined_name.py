"""A "What is X?" question is not answered by a thing listed beside X (qa.reading.asked_spans.
listed_beside): the short answer of "AWS Trainium, Google TPU, and NVIDIA GPUs remain ..." is
not "Google TPU". Made-up sentences, the real parser."""
from __future__ import annotations

import pytest

from qa.reading import shortanswer as sa
from qa.reading.asked_spans import defined_name

LIST = "AWS Zentium, Google Ventor, and Nexa GPUs remain important components of Acme's computing system."
APPOSITION = "Zentium, Amazon's training chip, is built in Oregon."


@pytest.mark.parametrize("question, name", [
    ("What is Trainium?", "Trainium"),
    ("what is MTIA", "MTIA"),
    ("What are the Google TPUs?", "Google TPUs"),
    ("What is Meta's chip called?", ""),  # asks for a name, not what a named thing is
    ("What is the capital of France?", ""),
    ("Who is Clive Chan?", ""),
])
def test_which_questions_ask_what_a_named_thing_is(question, name):
    assert defined_name(question) == name


def _spans(question: str, sentence: str) -> set[str]:
    return {sentence[a:b] for a, b, _ in sa.candidates(question, sentence)}


def test_things_listed_beside_it_are_no_answer():
    spans = _spans("What is Zentium?", LIST)
    assert not any("Ventor" in s or "GPUs" in s for s in spans), spans
    # Asked about another thing, the list's items are candidates again.
    assert any("Ventor" in s for s in _spans("What does Acme rely on?", LIST))


def test_a_sentence_only_listing_it_gives_no_short_answer():
    # (seventeenth round) "what is inferentia" got "Meta" of "Google has TPU, Amazon has Trainium and
    # Inferentia, Meta is advancing MTIA, ...": the sentence says what it is listed with, not what it is
    sentence = "Globex has Nova, Amazon has Quasar and Zentium, Initech is advancing Zeta, and others wait."
    assert sa.extract_short_answer("What is Zentium?", sentence) is None
    assert sa.extract_short_answer("What does Initech advance?", sentence) is not None


def test_an_apposition_alone_says_what_it_is():
    spans = _spans("What is Zentium?", APPOSITION)
    assert any("training chip" in s for s in spans), spans


@pytest.mark.parametrize("sentence, says", [
    (APPOSITION, "chip"),  # "Zentium, Amazon's training chip, ..."
    ("Zentium is Amazon's training chip.", "chip"),
    ("Nexa has already disclosed the Zentium inference chip and begun testing.", None),  # qualifies it only
    ("Nexa and Corvin released Zentium on June 24, positioning it as an accelerator for inference.", "accelerator"),
    ("Zentium has been released and entered testing, but it is not in commercial use.", None),  # what happened to it
    ("Kelta is an accelerator maker.", None),  # another thing defined
])
def test_what_a_sentence_says_the_asked_thing_is(sentence, says):
    from qa.reading.asked_spans import definition_tokens

    from .test_kind_fit import _view

    v = _view(sentence)
    assert {v.text[i] for i in definition_tokens(v, "Zentium")} == ({says} if says else set())


def test_what_is_x_is_answered_by_what_the_sentence_says_it_is():
    s = "Nexa and Corvin released Zentium on June 24, 2026, positioning it as an accelerator for inference."
    a, b, _ = sa.extract_short_answer("What is Zentium?", s)
    assert "accelerator" in s[a:b]  # not the date it was released


def test_a_name_of_several_tokens_and_a_noun_it_qualifies():
    from qa.reading.asked_spans import definition_tokens

    from .test_kind_fit import _view

    # The parser splits "News-Record"; the bracketed acronym restates the name; "engineering" of
    # "civil engineering construction" is another word spelled like one of the name's.
    v = _view("Engineering News-Record (ENR), a trade magazine for the construction industry, ranks "
              "heavy and civil engineering construction firms.")
    assert {v.text[i] for i in definition_tokens(v, "Engineering News-Record")} == {"magazine"}
    # A noun the name qualifies says nothing of what it is.
    v = _view("The Zentium community works with Kelta.")
    assert definition_tokens(v, "Zentium") == set()


def test_an_acronym_is_what_its_spelt_out_phrase_says_though_listed():
    # "What is HBM?" over a list holding "high-bandwidth memory (HBM)": the phrase spelling the
    # acronym says what it is; the other items of the list still do not.
    sentence = "Chip projects involve wafer making, advanced packaging, quick-access buffer memory (QABM), and power management."
    got = sa.extract_short_answer("What is QABM?", sentence)
    assert got is not None and sentence[got[0]:got[1]] == "quick-access buffer memory"
    assert not any("packaging" in s for s in _spans("What is QABM?", sentence))
    # A name that is no acronym is spelt out by nothing.
    from qa.reading.acronyms import acronym_spelt
    from qa.reading.spanfeatures import _View

    assert not acronym_spelt("Zentium", _View(sa.parse_many(["Zentium is a chip."])[0]))


def test_a_quote_of_two_sentences_keeps_the_one_saying_what_it_is(tmp_path):
    # The next sentence's "Zeta's AI recommendations" is the more confident span, but says what
    # NOVA serves, not what it is (qa.reading.asked_spans.defines, eighteenth round).
    from .test_kind_fit import _pipeline

    text = ("Kelta unveils its new accelerator plans\n\n"
            "Zeta's self-developed AI accelerator, NOVA, is moving from internal inference workloads to larger-scale "
            "deployment. NOVA primarily serves Zeta's AI recommendations, advertising, content understanding, and "
            "generative AI applications, aiming to reduce full reliance on general-purpose GPUs.\n\n"
            "Zeta aims to build a data center with 5 gigawatts of capacity by 2030.\n\n"
            "Kelta makes memory chips in its plants in Texas and sells them to phone makers.\n")
    p = _pipeline(tmp_path, text)
    for question in ("What is NOVA?", "what is nova"):
        a = p.ask(question)
        assert "NOVA primarily serves" in a.answer  # the quote holds both sentences
        assert a.short_answer == "Zeta's self-developed AI accelerator"


def test_only_the_first_of_two_quoted_sentences_says_what_it_is():
    from qa.reading.asked_spans import defines_alone

    from .test_kind_fit import _view

    first = "Zeta's self-developed AI accelerator, NOVA, is moving to larger-scale deployment."
    serves = "NOVA primarily serves Zeta's AI recommendations and advertising."
    both = "The Nova Operations Vector Array (NOVA) was a program of coordinated projects."  # spelt out
    assert defines_alone("What is NOVA?", lambda: [_view(first), _view(serves)])
    assert not defines_alone("What is NOVA?", lambda: [_view(first), _view(both)])  # both say: the more confident
    assert not defines_alone("What is NOVA?", lambda: [_view(serves), _view(first)])
    assert not defines_alone("Who makes NOVA?", lambda: [_view(first), _view(serves)])


def test_a_naming_verb_says_what_its_object_is_not_what_its_subject_is():
    # (eighteenth round) "What is Hooli?" was answered "Intelligence Board", what Zeta is called.
    from qa.reading.asked_spans import definition_tokens

    from .test_kind_fit import _view

    v = _view("Vandelay's announcement shows that Initech and Hooli released Zeta on June 24, 2026, positioning "
              "it as an accelerator for model inference, also referred to as an Intelligence Board.")
    assert {v.text[k] for k in definition_tokens(v, "Zeta")} >= {"accelerator"}
    assert definition_tokens(v, "Hooli") == set() and definition_tokens(v, "Initech") == set()


def test_a_name_listed_after_a_noun_is_not_defined_by_it():
    # The parser reads "cloud providers, Broadcom, Samsung, ..." as an apposition: a list, not what Broadcom is.
    from qa.reading.asked_spans import definition_tokens

    from .test_kind_fit import _view

    v = _view("Leading model companies want more options for computing power, and cloud providers, Broadcom, Samsung, "
              "TSMC, memory manufacturers, and advanced packaging supply chains could all benefit from this trend.")
    assert "providers" not in {v.text[k] for k in definition_tokens(v, "Broadcom")}
    v = _view("Zentium, Amazon's training chip, ships in May.")
    assert "chip" in {v.text[k] for k in definition_tokens(v, "Zentium")}


@pytest.mark.parametrize("question, name", [
    ("Who is Kevin Mayer?", "Kevin Mayer"),
    ("who is Marc Benioff", "Marc Benioff"),
    ("Who is Kepa replacing?", ""),  # asks for someone else
    ("Who is the CEO of Nexa?", ""),
    ("What is Trainium?", ""),
])
def test_which_questions_ask_who_a_named_person_is(question, name):
    from qa.reading.asked_spans import described_person

    assert described_person(question) == name


@pytest.mark.parametrize("sentence, says", [
    # (nineteenth round) a title before the name, a surname alone with its apposition
    ("Walt Disney Co. executive Kevin Mayer said overwhelming demand led to problems.", "executive"),
    ('Apple was "pulled into the enterprise," CEO Tim Cook said in a chat with Salesforce founder and co-CEO '
     'Marc Benioff.', "founder"),
    ("“We had some issues,” Mayer, Disney’s chairman of direct-to-consumer and international, said Tuesday.", "chairman"),
])
def test_who_a_sentence_says_the_asked_person_is(sentence, says):
    from qa.reading.asked_spans import definition_tokens, described_person
    from qa.reading.spanfeatures import _View

    q = "Who is Kevin Mayer?" if "Mayer" in sentence else "Who is Marc Benioff?"
    v = _View(sa._nlp()(sentence))
    assert {v.text[i] for i in definition_tokens(v, described_person(q), True)} == {says}
    # Read as a thing's name, neither the title nor the surname alone says what it is.
    assert says not in {v.text[i] for i in definition_tokens(v, described_person(q))}


@pytest.mark.parametrize("question, sentence, short", [
    ("Who is Kevin Mayer?", "Walt Disney Co. executive Kevin Mayer said overwhelming demand and a computer-coding "
     "glitch led to widespread problems last week.", "Walt Disney Co. executive"),
    ("Who is Marc Benioff?", 'Apple was "pulled into the enterprise," CEO Tim Cook said Tuesday in a fireside chat '
     "with Salesforce founder and co-CEO Marc Benioff.", "Salesforce founder"),
])
def test_who_is_x_is_answered_by_the_title_not_the_name(question, sentence, short):
    got = sa.extract_short_answer(question, sentence)
    assert got is not None and sentence[got[0]:got[1]] == short


@pytest.mark.parametrize("question, sentence", [
    # Before: "OpenAI" (the subject of the sentence's verb), as if Broadcom were OpenAI.
    ("Who is Broadcom?", "OpenAI and Broadcom released Jalapeño on June 24, 2026."),
    # Before: "testing": what happened to it, not what it is.
    ("What is Jalapeño?", "Jalapeño has been released and entered testing, but it is not in commercial use."),
])
def test_a_sentence_saying_nothing_of_what_x_is_has_no_short_answer(question, sentence):
    assert sa.extract_short_answer(question, sentence) is None


def test_a_full_name_before_the_bracketed_name_says_what_it_is():
    sentence = "The Computer Science Network (CSNET) was a computer network that began operation in 1981."
    got = sa.extract_short_answer("What is CSNET?", sentence)
    assert got is not None and sentence[got[0]:got[1]] == "Computer Science Network"
