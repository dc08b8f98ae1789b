"""Soft word matching (qa/reading/softmatch.py) on the bundled model's word-piece table, and the reader
features built on it and on the question's counted noun and rarest word."""
from __future__ import annotations

import logging

import numpy as np
import pytest

from qa.reading.counted import counted_noun
from qa.config import DEFAULT_MODEL
from qa.reading.softmatch import WordVectors, get_word_vectors


@pytest.fixture(scope="module")
def wv() -> WordVectors:
    table = get_word_vectors(DEFAULT_MODEL)
    assert table is not None, "the bundled MiniLM ships model.safetensors and tokenizer.json"
    return table


def cos(wv: WordVectors, a: str, b: str) -> float:
    return float(wv.words(a)[0][0] @ wv.words(b)[0][0])


def test_paraphrases_are_closer_than_unrelated_words(wv):
    assert cos(wv, "bought", "purchased") > cos(wv, "bought", "river") + 0.1
    assert cos(wv, "banned", "forbidden") > cos(wv, "banned", "guitar") + 0.1


def test_words_keeps_content_words_whole(wv):
    vecs, words = wv.words("The chipmaker's revenue grew 12% in 2025, Jalapeño said.")
    # stop words, numbers and punctuation go; a word split into pieces is one row
    assert "the" not in words and "12" not in words and "2025" not in words
    assert "revenue" in words and "jalapeno" in words
    assert vecs.shape == (len(words), 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert wv.words("The chipmaker's revenue grew 12% in 2025, Jalapeño said.")[0] is vecs  # cached


@pytest.mark.parametrize(
    "question, sentence, soft, paraphrased",
    [
        ("Who bought the factory?", "Acme bought the factory.", (0.999, 1.001), (0.0, 0.0)),
        ("Who bought the factory?", "Acme purchased the plant.", (0.3, 0.999), (0.3, 0.999)),
        ("Who bought the factory?", "", (0.0, 0.0), (0.0, 0.0)),
        ("", "Acme bought the factory.", (0.0, 0.0), (0.0, 0.0)),
    ],
)
def test_coverage(wv, question, sentence, soft, paraphrased):
    q, words = wv.words(question)
    got = wv.coverage(q, np.ones(len(words)), wv.words(sentence)[0])
    assert soft[0] <= got[0] <= soft[1] and paraphrased[0] <= got[1] <= paraphrased[1]


def test_paraphrase_covers_more_than_an_unrelated_sentence(wv):
    q, words = wv.words("When was the ban on exports lifted?")
    w = np.ones(len(words))
    near = wv.coverage(q, w, wv.words("The export prohibition was removed in May.")[0])[0]
    far = wv.coverage(q, w, wv.words("The orchestra played for an hour.")[0])[0]
    assert near > far + 0.1


def test_a_model_without_a_local_table_turns_soft_matching_off(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="qa.reading.softmatch"):
        assert get_word_vectors(str(tmp_path / "no-such-model")) is None
    assert "soft word matching is off" in caplog.text


@pytest.mark.parametrize(
    "question, noun",
    [
        ("How many Jalapeño chips will OpenAI deploy by the end of 2026?", "chips"),
        ("How many people attended the game?", "people"),
        ("How many Super Bowl titles have the Broncos won?", "titles"),
        ("How many did they win?", None),
        # The counted noun ends before its prepositional phrase.
        ("How many units of MTIA will Samsung produce?", "units"),
        ("How many passengers per year does the airport handle?", "passengers"),
        ("How many of the schools are independent?", None),
        ("How many were in the expedition?", None),
        ("What is the capital of France?", None),
    ],
)
def test_counted_noun(question, noun):
    assert counted_noun(question) == noun


@pytest.mark.parametrize(
    "question, text, counts",
    [
        ("How many gigawatts will the data center draw?", "a data center of approximately 1 GW", True),
        ("How many gigawatts will the data center draw?", "locking in up to 5GW of capacity", True),
        ("How many gigawatts will the data center draw?", "a capacity of 5 gigawatts (GW)", True),
        ("How many gigawatts will the data center draw?", "it took about 9 months", False),
        ("How many kilometres long is the river?", "The river is 1,047 km long.", True),
        ("How many chips will OpenAI deploy?", "from design to tape-out in about 9 months", False),
        ("How many chips will OpenAI deploy?", "it plans to deploy 10,000 chips", True),
    ],
)
def test_counts_noun_knows_unit_abbreviations(question, text, counts):
    from qa.reading.answertype import counts_noun
    from qa.indexing.lexical import tokenize

    assert counts_noun(tokenize(text), tokenize(counted_noun(question))[0]) is counts


def _pipeline(tmp_path, name: str, text: str):
    """A pipeline over a one-article corpus under tmp_path."""
    from qa.api import get_pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / name).write_text(text, "utf-8")
    return get_pipeline(corpus=corpus, index_dir=tmp_path / "index")


def _features_by_sentence(p, question: str) -> dict[str, dict[str, float]]:
    """The reader's features of each candidate sentence, keyed by its first 12 characters."""
    from qa.reading.reader import FEATURES

    v = p.embedder.encode([question])[0]
    cands, f = p.reader.features(question, v, p.retriever.search(v, question, 8))
    out = {}
    for (row, _), x in zip(cands, f):
        d, a, b = (int(t) for t in p.data.sentences[row])
        out[p.docs[p.data.doc_ids[d]].raw[a:b][:12]] = dict(zip(FEATURES, map(float, x)))
    return out


def test_reader_features_for_counts_missing_words_and_paraphrase(tmp_path, fake_embedder):
    p = _pipeline(tmp_path, "acme.txt",
                  "Acme chip plans\n\nAcme will ship 500 chips to its customers next year. "
                  "The design of the processor took 9 months. Acme purchased a factory in Ohio.\n")

    got = _features_by_sentence(p, "How many chips will Acme ship to customers?")
    assert got["Acme will sh"]["unit_gap"] == 0.0  # "500 chips"
    assert got["The design o"]["unit_gap"] == 1.0  # "9 months" counts something else
    got = _features_by_sentence(p, "What yield did Acme reach on its chips?")
    assert all(f["missing"] == pytest.approx(1.0) for f in got.values())  # "yield" is nowhere
    got = _features_by_sentence(p, "Which company bought a factory?")
    bought = got["Acme purchas"]
    assert bought["soft_only"] > 0.3 and bought["soft_gap"] == 0.0  # "purchased" for "bought"


def test_reader_abstains_on_another_version_and_sees_names_next_door(tmp_path, fake_embedder):
    p = _pipeline(tmp_path, "cloud.txt",
                  "Cloud chips\n\nAnthropic signed a deal with Amazon. It will use up to 1 million Trainium2 chips.\n\n"
                  "Meta builds its own data centers. It plans 5 gigawatts of capacity.\n")

    a = p.ask("How many Trainium3 chips will Anthropic use?")
    assert a.abstained and a.reason == "The closest passages are about Trainium2, not Trainium3."
    a = p.ask("How many Trainium2 chips will Anthropic use?")
    assert "not Trainium2" not in (a.reason or "")  # the version asked is there

    got = _features_by_sentence(p, "How many chips will Anthropic use?")
    # "It will use ..." does not name Anthropic, the sentence before it does.
    assert got["It will use "]["names"] == 0.0 and got["It will use "]["names_context"] == 1.0
    assert got["It plans 5 g"]["names_context"] == 0.0
