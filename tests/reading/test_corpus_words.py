"""A question's words counted over the passages that hold them (qa.reading.corpus_words), not over
every article: the same case forms and description links as a count over the whole corpus."""
from __future__ import annotations

from collections.abc import Mapping

import pytest

from qa.reading.truecase import CaseMap, forms_of, question_pairs, question_words

TEXTS = [
    "Mirae released the Jalapeño chip. A new Jalapeño board ships soon.",
    "The MTIA chips of Kelta ship. Analysts said mtia-based servers and MTIA boards sell.",
    "Stephen O'Mara said the us market and the US market differ. Chips are cheap.",
    "AI-server demand grew; the ai-server line is Kelta's. Metadata is not Meta, says Meta.",
    "Bellweather sold chips.\nChips sold out. “Chips” is a Bellweather word.",
    "Kelta's AI-Server, X-Server and Y-Server lines grew, and TransMeta grew.",
    "Shares of Home Depot fell as people worked from home. New York chips and new chips sold.",
]


@pytest.mark.parametrize("question", [
    "jalapeno board partner", "who sells mtia chips", "what did stephen o'mara say about the us market",
    "who makes ai-server parts", "does meta hold metadata", "chips bellweather", "who makes the server",
    "what is meta", "what did home depot report", "new york chips",
])
def test_a_questions_words_counted_alone_get_the_forms_a_whole_count_gives(question):
    whole = CaseMap(TEXTS)
    pieces = []  # each text cut in two, as chunks cut a paragraph: no occurrence counted twice
    for t in TEXTS:
        cut = t.index(" ", len(t) // 2)
        pieces += [(t, 0, len(t), 0, cut), (t, 0, len(t), cut, len(t))]
    alone = CaseMap.of_forms(forms_of(set(question_words(question)) | set(question_pairs(question)), pieces))
    assert alone.truecase(question) == whole.truecase(question)
    for w in question_words(question):
        assert alone.usual(w) == whole.usual(w)


def test_a_word_is_looked_up_with_the_run_it_was_typed_in():
    assert question_words("when was stephen o'mara born")["mara"] == "o'mara"
    assert question_words("ai-server parts")["server"] == "ai-server"


class _Counting(Mapping):
    """The pipeline's documents, recording which are read."""

    def __init__(self, docs):
        self.docs, self.read = docs, set()

    def __getitem__(self, key):
        self.read.add(key)
        return self.docs[key]

    def __iter__(self):
        self.read.update(self.docs)
        return iter(self.docs)

    def __len__(self):
        return len(self.docs)


def _pipeline(write_corpus, n_other=30):
    import qa

    docs = {f"other{i:02d}.txt": f"Report {i}\n\nHarbour cranes moved {i} boxes on Tuesday. The port stayed open."
            for i in range(n_other)}
    docs["lumo.txt"] = "Lumo news\n\nZentra, the maker of Lumo, said the Lumo chip ships in May. Zentra's Lumo is fast."
    docs["nexa.txt"] = "Nexa news\n\nMirae's MTIA-like Nexa chip uses HBM. Analysts like Nexa."
    docs["jalapeno.txt"] = "Chip news\n\nMirae released the Jalapeño chip. A new Jalapeño board ships soon."
    corpus = write_corpus(docs)
    return qa.api.get_pipeline(corpus, corpus.parent / "ix")


def test_a_caseless_question_reads_only_the_articles_holding_its_words(fake_embedder, write_corpus):
    from qa.reading.corpus_words import CorpusWords

    p = _pipeline(write_corpus)
    counting = _Counting(p.docs)
    p.docs = counting
    p.words = CorpusWords(p.data, counting, cap=4)
    assert p.casemap("what does nexa use").truecase("what does nexa use") == "What does Nexa use"
    # "does" and "use" are in no chunk; "what" is a stop word, counted over 4 chunks spread over the index
    assert "nexa" in counting.read and len(counting.read) <= 1 + 4


def test_a_description_reads_only_the_articles_naming_the_product(fake_embedder, write_corpus):
    p = _pipeline(write_corpus)
    counting = _Counting(p.docs)
    p.docs = counting
    p.words.docs = counting
    got = p.name_links("Where will the Lumo maker ship?").rewrite("Where will the Lumo maker ship?")
    assert got.question == "Where will Zentra ship?"
    assert counting.read == {"lumo"}


def test_a_word_typed_without_its_accent_finds_the_articles_writing_it(fake_embedder, write_corpus):
    p = _pipeline(write_corpus)
    # the lexical index lists "jalapeño", not "jalapeno"
    assert p.casemap("who makes jalapeno chips").truecase("who makes jalapeno chips") == "Who makes Jalapeño chips"


@pytest.mark.slow
def test_on_the_seeds_every_gold_and_seed_b_question_is_cased_as_by_the_whole_corpus(tmp_path, monkeypatch):
    import json
    from pathlib import Path

    import qa

    monkeypatch.setenv("QA_INDEX_ROOT", str(tmp_path / "index"))
    qa.api.clear_cache()
    p = qa.api.get_pipeline()
    whole = CaseMap(d.raw[a:b] for d in p.docs.values() for a, b in d.content)
    root = Path(__file__).resolve().parents[2]
    files = [root / "eval" / "gold.jsonl", root.parent / "shared" / "benchmarks" / "seed_questions_b.jsonl"]
    questions = [json.loads(line).get("question") for f in files if f.exists()
                 for line in f.read_text("utf-8").splitlines() if line.strip()]
    questions = [q.lower() for q in questions if q]
    assert len(questions) >= 96
    for q in questions:
        assert p.casemap(q).truecase(q) == whole.truecase(q), q
    qa.api.clear_cache()
