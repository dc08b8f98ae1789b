"""The reader's stored sentence analyses (qa.reading.analysis) against fresh spaCy parses: the
same view of every seed sentence, the same entity types, the same answers, and no parse at
question time."""
from __future__ import annotations

import copy

import numpy as np
import pytest

from qa import api
from qa.bench.common import gold_questions
from qa.indexing.entities import sentence_types, types_from_analyses
from qa.ingest.corpus import load_corpus
from qa.ingest.chunking import document_sentences
from qa.ingest.text import normalize
from qa.reading import shortanswer
from qa.reading.analysis import SpacyAnalyser, analysis_recipe, stored_view
from qa.reading.spanfeatures import _View

from ..conftest import SEEDS


@pytest.fixture(scope="module")
def seed_sentences() -> list[str]:
    return [d.raw[a:b] for d in load_corpus(SEEDS) for a, b, _ in document_sentences(d)]


def test_stored_views_equal_fresh_parses(seed_sentences):
    analyses = SpacyAnalyser(batch_size=7)(seed_sentences)  # batches unlike the reader's
    nlp = shortanswer._nlp()
    for row, text in enumerate(seed_sentences):
        fresh, stored = _View(nlp(text)), stored_view(analyses, row, text)
        for slot in _View.__slots__:
            assert getattr(stored, slot) == getattr(fresh, slot), (slot, text)


def test_entity_types_from_the_parse_equal_the_ner_pass(seed_sentences):
    same_form = [s for s in seed_sentences if normalize(s) == s]
    assert len(same_form) > 0.8 * len(seed_sentences)
    analyses = SpacyAnalyser()(same_form)
    assert np.array_equal(types_from_analyses(same_form, analyses), sentence_types(same_form))


def test_recipe_is_read_without_importing_spacy_models():
    r = analysis_recipe()
    assert r["model"] == shortanswer.SPACY_MODEL and r["spacy"] and len(r["code"]) == 16


def test_answers_are_the_same_with_stored_analyses_and_fresh_parses(fake_qa):
    p = api.get_pipeline()
    assert p.data.analyses is not None and len(p.data.analyses) == len(p.data.sentences)
    questions = gold_questions()
    stored = [p.ask(q).to_dict() for q in questions]
    bare = copy.copy(p.data)
    bare.analyses = None
    p.reader.data = bare
    fresh = [p.ask(q).to_dict() for q in questions]
    assert stored == fresh
    assert sum(a["short_answer"] is not None for a in stored) > 10


def test_no_parse_at_question_time_when_analyses_are_stored(fake_qa, monkeypatch):
    p = api.get_pipeline()

    def refuse(*_a, **_k):
        raise AssertionError("spaCy parse at question time")

    monkeypatch.setattr(shortanswer, "parse_many", refuse)
    monkeypatch.setattr(shortanswer, "_nlp", refuse)
    answers = [p.ask(q) for q in gold_questions()[:40]]
    assert any(a.short_answer for a in answers)
