"""The near-miss gate (qa.reading.answerable): a question about the articles' subject that asks
for something they never say is abstained on; one they answer is not."""
from __future__ import annotations

import json

import numpy as np
import pytest

from qa import api
from qa.reading.answerable import GATE_FEATURES, GATE_PATH, AnswerGate, DocTerms, gate_features, missing_words
from qa.indexing.lexical import question_terms, sentence_tokens, tokenize

DOCS = {
    "harbour.txt": "Harbour Town was founded in 1821 by fishermen from Cornwall. The town's lighthouse was "
                   "built in 1850 and still guides ships. Harbour Town has a population of 4,200 people.",
    "copper.txt": "Copper is a soft metal that conducts heat and electricity well. Most copper is mined in "
                  "Chile and Peru. Copper pipes are used in plumbing.",
}


def _features(question: str, sentence: str, doc: str) -> dict:
    x = gate_features(question, {"names": 0.5}, q_terms=question_terms(question), idf=lambda t: 1.0,
                      sentence=sentence, context_terms=set(sentence_tokens(sentence)),
                      doc_terms=frozenset(tokenize(doc)), read_terms=set(tokenize(doc)),
                      doc_words=DocTerms([doc]).words(0))
    assert len(x) == len(GATE_FEATURES)
    return dict(zip(GATE_FEATURES, x))


def test_a_word_the_article_never_uses_is_measured():
    doc = DOCS["harbour.txt"]
    asked = _features("When was Harbour Town founded?", doc.split(". ")[0], doc)
    near_miss = _features("What is the salary of Harbour Town's mayor?", doc.split(". ")[0], doc)
    assert asked["doc_missing"] == 0 and asked["doc_missing_rarest"] == 0
    assert near_miss["doc_missing"] == 0.5 and near_miss["doc_missing_rarest"] == 1.0
    assert near_miss["ctx_missing_terms"] > asked["ctx_missing_terms"]
    assert near_miss["names"] == 0.5  # the reader's own feature, passed through
    # A name the article lacks; a negation the sentence lacks; a number it never states.
    assert _features("When was Port Town founded?", doc, doc)["names_doc"] == pytest.approx(0.5)
    assert _features("When was Harbour Town not founded?", doc, doc)["negation_gap"] == 1.0
    assert _features("What was founded in 1822?", doc, doc)["number_doc"] == 1.0
    assert _features("What was founded in 1821?", doc, doc)["number_doc"] == 0.0


def test_numbers_turned_words_and_light_verbs():
    doc = DOCS["harbour.txt"]
    first = doc.split(". ")[0]
    # 1850 is in the article but not near the founding sentence; 1821 is in it.
    assert _features("What was founded in 1850?", first, doc)["number_context"] == 1.0
    assert _features("What was founded in 1821?", first, doc)["number_context"] == 0.0
    assert _features("Who was Harbour Town unfounded by?", first, doc)["prefix_antonym"] == 1.0
    assert _features("Who was Harbour Town founded by?", first, doc)["prefix_antonym"] == 0.0
    # "got" names no attribute the passage could lack.
    assert _features("When has Harbour Town got founded?", first, doc)["ctx_missing_terms"] == 0.0
    assert missing_words("What has the mayor of Harbour Town got?", frozenset(tokenize(doc)), tokenize) == ["mayor"]


def test_a_dotted_acronym_is_the_name_typed_without_dots():
    doc = "All parties are battling to win the U.K.’s Dec. 12 election, as the U.S. watches."
    assert {"uk", "us"} <= DocTerms([doc]).words(0)
    assert _features("When is the UK general election?", doc, doc)["names_doc"] == 0.0


def test_the_gate_can_be_switched_off(monkeypatch, tmp_path):
    path = tmp_path / "gate.json"
    path.write_text(json.dumps({"weights": {}, "bias": 0.0, "threshold": 0.5}))
    assert AnswerGate.load(path) is not None
    monkeypatch.setenv("QA_ANSWER_GATE", "off")
    assert AnswerGate.load(path) is None


def test_missing_words_name_what_the_passage_lacks():
    present = frozenset(tokenize(DOCS["harbour.txt"]))
    assert missing_words("What is the salary of Harbour Town's mayor?", present, tokenize) == ["salary", "mayor"]


def test_gate_probability_and_threshold():
    gate = AnswerGate({"doc_missing": -4.0}, 1.0, 0.5)
    x = np.zeros(len(GATE_FEATURES))
    assert gate.answerable(x)
    x[GATE_FEATURES.index("doc_missing")] = 1.0
    assert gate.probability(x) == pytest.approx(1 / (1 + np.exp(3.0))) and not gate.answerable(x)


@pytest.fixture
def made_up_corpus(fake_embedder, write_corpus):
    return write_corpus(DOCS)


def test_reader_abstains_when_the_gate_finds_a_near_miss(made_up_corpus):
    pipe = api.get_pipeline(made_up_corpus)
    # A gate that reads one thing: how much of the question the article never mentions.
    pipe.reader.gate = AnswerGate({"doc_missing": -12.0}, 3.0, 0.5)
    a = pipe.ask("When was Harbour Town's airport founded?")
    assert a.abstained and "“airport”" in a.reason
    assert a.citations  # the closest passages are still shown
    a = pipe.ask("When was Harbour Town founded?")
    assert not a.abstained and "1821" in a.answer
    # Without the gate the near miss gets an answer: the gate is what abstains.
    pipe.reader.gate = None
    assert not pipe.ask("When was Harbour Town's airport founded?").abstained


def test_shipped_gate_is_recorded_in_the_manifest():
    from qa.training.manifest import MANIFEST, stale

    entry = json.loads(MANIFEST.read_text("utf-8"))["files"]["answerable.json"]
    assert entry["made_by"].startswith("python -m qa.training.fit_answerable")
    assert entry["read_by"].startswith("qa/reading/answerable.py")
    assert "squad-v2.0" in entry["data"]
    assert stale() == []
    gate = AnswerGate.load(GATE_PATH)
    assert gate is not None and set(gate.weights) == set(GATE_FEATURES) and 0 < gate.threshold < 1


@pytest.mark.slow
def test_shipped_gate_on_made_up_articles(write_corpus):
    """The real models and the shipped gate: the near miss finds it less likely answerable than
    the question the article answers, which is answered. (Whether the near miss is abstained on
    depends on the threshold, chosen to cost answerable questions little.)"""
    corpus = write_corpus(DOCS)
    pipe = api.get_pipeline(corpus)
    gate = pipe.reader.gate
    assert gate is not None
    a = pipe.ask("When was Harbour Town founded?")
    assert not a.abstained and "1821" in a.answer
    pipe.reader.gate = None  # read the features the gate sees
    seen = []
    read = pipe.reader.read
    pipe.reader.read = lambda *args, **kw: seen.append(read(*args, **kw)) or seen[-1]
    pipe.ask("When was Harbour Town founded?")
    pipe.ask("What is the annual salary of the mayor of Harbour Town?")
    answered, near_miss = (gate.probability(np.array(r.gate)) for r in seen)
    assert near_miss < answered


@pytest.mark.parametrize("question, names", [
    ("MTIA gen 1 and 2 foundry", {"mtia"}),  # an acronym first is a name; never its tail "TIA"
    ("OpenAI's chip partner", {"openai"}),
    ("Samsung foundry backlog size", set()),  # any first word is capitalised: no sign of a name
    ("What does Meta want from Samsung?", {"meta", "samsung"}),
    ("When was Harbour Town founded?", {"harbour", "town"}),
    ("", set()),
])
def test_question_names(question, names):
    from qa.reading.readerfeatures import question_names

    assert question_names(question) == names


def test_an_acronym_opening_the_question_is_a_name_the_article_has():
    doc = "Acme designs the MTIA chip. TSMC produced the first MTIA chips in 2023."
    assert _features("MTIA gen 1 foundry", doc.split(". ")[1], doc)["names_doc"] == 0.0
    assert _features("MTIA gen 1 foundry at Zeta", doc.split(". ")[1], doc)["names_doc"] == 0.5


def test_the_word_naming_the_kind_asked_for_is_not_expected_in_the_answer():
    from qa.reading.answerable import asked_terms

    q = "Which foundry produced the first MTIA chips?"
    assert "foundri" in question_terms(q)
    # "TSMC produced ...": a company, where the question asks for one; the blank needs no word.
    assert "foundri" not in asked_terms(q, {"type_match": 1.0})
    assert asked_terms(q, {"type_match": 0.0}) == question_terms(q)
    assert "foundri" not in asked_terms("MTIA gen 1 foundry", {"type_match": 1.0})
    # A year is no company: the focus of a date question stays expected.
    q = "Which year did the foundry open?"
    assert asked_terms(q, {"type_match": 1.0}) == question_terms(q)


MTIA = {"mtia.txt": "The MTIA Chip\n\nAcme designs the MTIA chip for its data centers. The first MTIA chips "
                    "were produced by TSMC in 2023. Later chips came from Nexa.\n"}


def test_the_gate_reads_an_acronym_first_and_the_blank_as_asked(fake_embedder, write_corpus):
    pipe = api.get_pipeline(write_corpus(MTIA))
    # A gate reading only whether the question's names are missing from the article.
    pipe.reader.gate = AnswerGate({"names_doc": -12.0}, 3.0, 0.5)
    a = pipe.ask("MTIA first chips producer company")
    assert not a.abstained and "TSMC" in a.answer, a
    # One reading only how many of the question's words the passage lacks.
    pipe.reader.gate = AnswerGate({"ctx_missing_terms": -12.0}, 3.0, 0.5)
    a = pipe.ask("Which company produced the first MTIA chips?")
    assert not a.abstained and "TSMC" in a.answer, a
    a = pipe.ask("Which company produced the first MTIA wafers?")
    assert a.abstained and "“wafers”" in a.reason, a
