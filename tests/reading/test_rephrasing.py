"""Answers that survive rephrasing (issue #20): descriptions read as names, amounts of the thing
asked about, a company named beside the question's subject. Made-up articles throughout."""
from __future__ import annotations

import numpy as np
import pytest

from qa.reading.answertype import answer_type
from qa.reading.asked_kind import asks_maker
from qa.reading.descriptions import NameLinks, may_describe
from qa.reading.measured import measured_noun
from qa.reading.subjects import lists_apart, names_another, tied_to_subject

ARTICLES = [
    "Zentra, the developer of the chat assistant Lumo, plans a lab in Oslo.",
    "Norwegian battery startup Volta raised $40 million. Norway's Volta opened a plant in Mo.",
    "Lumo is popular in schools.",
]


def test_a_product_description_reads_as_its_maker():
    links = NameLinks(ARTICLES)
    got = links.rewrite("Where will the Lumo maker's lab be?")
    assert got.question == "Where will Zentra's lab be?"
    assert got.names == (("the Lumo maker", "Zentra"),)


def test_an_origin_description_reads_as_the_company_of_that_origin():
    links = NameLinks(ARTICLES)
    assert links.rewrite("How much did the Norwegian startup raise?").question == "How much did the Volta startup raise?"


@pytest.mark.parametrize("question", [
    "Where is the Facebook parent based?",  # the articles never say whose parent
    "How much did the Norwegian government pay?",  # not a company: no reading
    "What did Zentra announce?",  # names as typed are left alone
])
def test_descriptions_the_articles_do_not_resolve_stay_as_typed(question):
    got = NameLinks(ARTICLES).rewrite(question)
    assert got.question == question and got.names == ()


def test_only_questions_shaped_like_descriptions_pay_for_the_links():
    assert may_describe("Where will the Lumo maker's lab be?") and may_describe("Is the Korean fab busy?")
    assert not may_describe("Where will Zentra's lab be?") and not may_describe("Which company makes Lumo?")


def test_a_description_linked_to_two_companies_alike_is_not_read():
    links = NameLinks(["Korean chipmaker Hanbit grew.", "Korean chipmaker Sorae shrank."])
    assert links.rewrite("Where is the Korean chipmaker based?").names == ()


@pytest.mark.parametrize("question, noun", [
    ("How much is Orvik's backlog worth?", "backlog"),
    ("What's the total value of unfilled contracts at the shipyard?", "contracts"),
    ("What's the value of the deal under which Orvik builds ferries?", "deal"),
    ("orvik backlog size", "backlog"),
    # a target of a measured kind: the thing it is a target for ("center", not "power")
    ("What is Orvik's data center power target?", "center"),
    ("What is Orvik's data center capacity target?", "center"),
    # "did" opens a clause; what its named subject spends is measured (twelfth round: "How much will
    # Meta invest?" over a sentence that only compares Meta, measured.other_owner)
    ("How much did Orvik invest in ferries?", "invest"),
    ("How much did the ferries cost?", None),
    ("How old was Orvik's founder in 1990?", None),  # an age, not a measure of a thing
    ("Who builds Orvik's ferries?", None),
])
def test_measured_noun(question, noun):
    assert measured_noun(question) == noun


@pytest.mark.parametrize("question, kind", [
    ("Which foundry will make Mirae's chips?", "ORG"),
    ("What partner did Orvik choose?", "ORG"),
    ("orvik ferry partner", "ORG"),
    ("Has Orvik's foundry backlog hit $9 billion?", "OTHER"),  # a modifier asks for nothing
    ("What's the value of the deal?", "MONEY"),
    ("other memory companies tied to orvik", "ORG"),  # keywords: the last word naming a kind
    ("nexa deployment timeline", "DATE"),
    # (seventeenth round) an amount by its name, a time by "timing", as keywords too
    ("orvik backlog", "MONEY"),
    ("orvik profit timing", "DATE"),
])
def test_company_roles_and_keywords_set_the_answer_type(question, kind):
    assert answer_type(question) == kind


LIST = "Kelta has Orb, Dravo has Pike and Quill, Mirae is advancing Nexa, and firms like Tovi make chips."
TIED = "Mirae's Nexa will be made by Solvik in Texas."


def test_a_name_beside_the_subject_counts_a_list_of_others_does_not():
    subject = frozenset({"mirae", "nexa"})
    assert names_another(TIED, subject) and not lists_apart(TIED, subject)
    assert not names_another(LIST, subject) and lists_apart(LIST, subject)
    # Not naming the subject at all is no list about it: the article's subject may go unsaid.
    assert not lists_apart("The anthem was sung by Gaga, and Matlin signed it.", frozenset({"super", "bowl"}))


def test_tied_to_subject_by_question_kind():
    q = "Which foundry will make Mirae's Nexa chips?"
    assert tied_to_subject(q, "ORG", frozenset({"mirae", "nexa"}), [LIST, TIED]).tolist() == [False, True]
    amounts = ["Orvik's new ferries are worth more than $2 billion.", "Orvik's order backlog reached $9 billion."]
    q = "How much is Orvik's backlog worth?"
    assert tied_to_subject(q, "MONEY", frozenset({"orvik"}), amounts).tolist() == [False, True]
    assert not tied_to_subject("Why did Orvik grow?", None, frozenset({"orvik"}), amounts).any()


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "news"
    d.mkdir()
    (d / "a.txt").write_text("Ferry news\n2026-01-05\nOrvik's new ferries are worth more than $2 billion, "
                             "Orvik said on Monday. Orvik's order backlog has reached about $9 billion.\n")
    (d / "b.txt").write_text("Chip news\n2026-01-06\n" + LIST + " " + TIED + "\n")
    (d / "c.txt").write_text("Assistant news\n2026-01-07\nZentra, the developer of the chat assistant Lumo, "
                             "will open a lab in Bergen next year.\n")
    return d


def _type_match(question: str, corpus, tmp_path, sentence: str) -> float:
    from qa import api
    from qa.ingest.text import normalize
    from qa.reading.readerfeatures import _F

    p = api.get_pipeline(corpus, tmp_path / "ix")
    qvec = p.embedder.encode_query(normalize(question))
    hits = p.retriever.search(qvec, question, 10)
    cands, feats = p.reader.features(question, qvec, hits)
    texts = p.reader.texts_of(cands, range(len(cands)))
    return float(feats[next(i for i, t in enumerate(texts) if t.startswith(sentence)), _F["type_match"]])


def test_reader_takes_the_amount_of_the_thing_asked_about(fake_embedder, corpus, tmp_path):
    q = "How much is Orvik's backlog worth?"
    assert _type_match(q, corpus, tmp_path, "Orvik's order backlog") == 1.0
    assert _type_match(q, corpus, tmp_path, "Orvik's new ferries") == 0.0


def test_reader_takes_the_company_named_beside_the_subject(fake_embedder, corpus, tmp_path):
    q = "Which foundry will make Mirae's Nexa chips?"
    assert _type_match(q, corpus, tmp_path, "Mirae's Nexa will") == 1.0
    assert _type_match(q, corpus, tmp_path, "Kelta has Orb") == 0.0


@pytest.mark.parametrize("question, maker", [
    ("Who makes Mirae's Nexa chips?", True),
    ("who is building orvik's ferries", True),
    ("Who fabricated the first two generations?", True),
    ("Who will supply the memory?", True),
    ("Who has bought the team?", True),
    ("Who won the Super Bowl?", False),  # a winner: a team or a person, as "who" always asks
    ("Who is the maker of Nexa?", False),  # the focus noun "maker" says it already
    ("Who manages the fund?", False),
    # "which foundry makes" asks who makes it by a verb of making (makers.asks_who_makes, twelfth round)
    ("Which foundry makes Nexa?", True),
    ("Which foundry did Nexa choose?", False),
    # with whom the subject does it: a partner, a company as often as a person
    ("Who did OpenAI build Jalapeño with?", True),
    ("who is samsung working with", True),
    ("Who is Meta developing MTIA with?", True),
    ("Who did the teachers focus on, in order to prioritize attention?", False),
    ("Who did the attacks resonate most with?", False),  # no partner in making or working
])
def test_asks_maker(question, maker):
    assert asks_maker(question) is maker


def test_reader_takes_a_company_for_who_makes(fake_embedder, corpus, tmp_path, monkeypatch):
    # "Who makes X?" is answered by a company as often as by a person: a sentence naming the
    # maker company beside the subject fits it; the list of other companies' chips still does not.
    q = "Who will make Mirae's Nexa chips?"
    assert _type_match(q, corpus, tmp_path, "Mirae's Nexa will") == 1.0
    assert _type_match(q, corpus, tmp_path, "Kelta has Orb") == 0.0
    monkeypatch.setattr("qa.reading.reader.asks_maker", lambda question: False)
    assert _type_match(q, corpus, tmp_path, "Mirae's Nexa will") == 0.0


def test_ask_reads_a_description_as_the_name_and_says_so(fake_embedder, corpus, tmp_path, monkeypatch):
    import qa

    a = qa.ask("Where will the Lumo maker open a lab?", corpus=corpus, index_dir=tmp_path / "ix")
    assert a.read_as == "Where will Zentra open a lab?"
    assert a.question == "Where will the Lumo maker open a lab?"
    monkeypatch.setenv("QA_DESCRIPTIONS", "0")
    qa.api.clear_cache()
    assert qa.ask("Where will the Lumo maker open a lab?", corpus=corpus, index_dir=tmp_path / "ix").read_as is None


def test_a_caseless_question_gets_the_corpus_accents_back():
    from qa.reading.truecase import CaseMap

    cm = CaseMap(["Mirae released the Jalapeño chip. A new Jalapeño board ships soon."])
    assert cm.truecase("jalapeno chip partner") == "Jalapeño chip partner"


def test_an_owner_of_two_words_is_named_by_its_first_word_s_possessive():
    # (twenty-third round) "how big is samsung foundry's expected long-term order backlog" abstained:
    # "The closest passages are about Samsung's backlog, not Samsung Foundry's backlog".
    from qa.reading.measured import other_owner

    question = "How big is Zeta Foundry's backlog?"
    assert other_owner(question, "The current order backlog of Zeta's foundry business has reached 50 trillion won.") is None
    assert other_owner(question, "The order backlog of Acme's foundry business has reached 5 billion.") == (
        "Zeta Foundry's backlog", "Acme's backlog")


def test_a_contraction_opening_the_question_is_no_owner():
    # (twenty-seventh round) "What's the value of the deal under which the Korean fab will build
    # Meta's next custom accelerators?" abstained: "The closest passages are about Meta's deal, not What's deal."
    from qa.reading.measured import other_owner

    quote = "Zeta is cooperating with Acme to build next-generation chips worth more than 10 trillion won."
    assert other_owner("What's the value of the deal under which Acme will build Zeta's next chips?", quote) is None
    assert other_owner("What's the value of Initech's deal?", "Zeta's deal with Acme is worth 10 trillion won.") == (
        "Initech's deal", "Zeta's deal")


@pytest.mark.parametrize("question, before, found", [
    # (thirty-fifth round) "how much has samsung invested in 2nm" showed Anthropic's "its investment ... US$25 billion"
    ("How much has Zeta invested in 3nm?", "Similar to Acme, Initech also plans a 1 GW data center worth US$50 billion. ",
     ("Zeta's investment", "Initech's investment")),
    ("How much will Zeta invest in its plants?", "Similar to Acme, Initech also plans a 1 GW data center worth US$50 billion. ",
     ("Zeta's investment", "Initech's investment")),
    # the sentence before is the asked owner's, or there is none: "its" may be the asked owner's
    ("How much has Zeta invested in 3nm?", "Zeta also plans a 1 GW data center worth US$50 billion. ", None),
    ("How much has Zeta invested in 3nm?", "", None),
])
def test_its_amount_after_a_sentence_on_another_owner_is_that_owner_s(question, before, found):
    from qa.reading.measured import other_owner

    quote = "Half of this will be used for chips, which means that its investment in chips will reach US$25 billion."
    assert other_owner(question, quote, before) == found
