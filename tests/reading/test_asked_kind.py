"""A "who" or "where" question quoted a sentence that names no one or no place (qa.reading.asked_kind)."""
from __future__ import annotations

import pytest

from qa.reading.asked_kind import asked_kind, holds_asked_kind


def _views(text: str) -> list:
    from qa.reading.shortanswer import _nlp
    from qa.reading.spanfeatures import _View

    return [_View(_nlp()(text))]


@pytest.mark.parametrize(
    "question,kind",
    [
        ("Who heads Samsung's foundry business?", "who"),
        ("The owner typically awards a contract to whom?", "who"),
        ("Where will Meta build its data center?", "where"),
        ("Who is Clive Chan?", None),  # a description answers it
        ("who was Genghis Khan", None),
        ("Who is the chief executive of Samsung?", "who"),
        ("When did Samsung start 2nm production?", None),
    ],
)
def test_asked_kind(question, kind):
    assert asked_kind(question) == kind


@pytest.mark.parametrize(
    "question,sentence,holds",
    [
        # only the question's own name in it
        ("Who heads Samsung's foundry business?",
         "The order backlog of Samsung's foundry business has reached about 50 trillion won in the fourth quarter.", False),
        ("Who heads Samsung's foundry business?", "Samsung's foundry business is led by Han Jin-man.", True),
        ("Who heads the foundry?", "He said the backlog has reached about 50 trillion won.", True),  # named next door
        # SQuAD's "who" answers that are no names
        ("Who awards the contract?", "After the bids, the owner awards a contract to the cheapest bidder.", True),
        ("Who studies the monetary flow?", "Accountants study the expected monetary flow of the project.", True),
        ("Who analyzes rock samples in the lab?", "In the laboratory, biostratigraphers analyze rock samples.", True),
        ("Who made up 19% of the student body?", "International students made up almost 19% of the study body.", True),
        ("Who made up 19% of the student body?", "Almost 19% of the student body came in the spring.", False),
        # "where"
        ("Where will Meta build its 5 gigawatt data center?",
         "Meta aims to build a data center with a capacity of 5 gigawatts (GW) by the end of 2030.", False),
        ("Where is the plant?", "The plant was built in the fourth quarter of 2024.", False),
        ("Where is the plant?", "The plant was built in Pyeongtaek.", True),
        ("Where do thrust faults form?", "In the shallow crust, where brittle deformation can occur, thrust faults form.", True),
        ("Where did the troops stay?", "The troops remained stationed in the kingdom.", True),
        # an entity that only says what kind of thing (the small model tags "AI" a country)
        ("Where is Samsung making 2nm chips?", "Samsung is one of the world's leading chip makers, a logical "
         "partner for companies pursuing custom AI silicon.", False),
        ("Where is the plant?", "The plant was built along the Texas border.", True),
        ("Who is building the chips?", "The AI industry is entering a phase where building models is not enough.", False),
        ("Who passed the law?", "The Texas legislature passed it in May.", True),  # a body of people
    ],
)
def test_holds_asked_kind(question, sentence, holds):
    kind = asked_kind(question)
    assert holds_asked_kind(kind, question, _views(sentence)) is holds


def _pipeline(folder, text: str):
    from qa.api import get_pipeline

    corpus = folder / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "acme.txt").write_text(text, "utf-8")
    return get_pipeline(corpus=corpus, index_dir=folder / "index")


def test_reader_abstains_when_the_quote_names_no_one(tmp_path, fake_embedder):
    p = _pipeline(tmp_path / "a", "Acme foundry\n\nThe order backlog of Acme's foundry business has reached 50 billion "
                  "dollars. Acme expects its foundry business to turn a profit next year.\n")
    a = p.ask("Who heads Acme's foundry business?")
    assert a.abstained and a.reason == "The closest passages name no one for this."
    a = p.ask("Where is Acme's foundry business?")
    assert a.abstained and a.reason == "The closest passages name no place for this."

    p = _pipeline(tmp_path / "b", "Acme foundry\n\nAcme's foundry business is headed by Maria Jensen, who joined "
                  "in 2019. The order backlog of Acme's foundry business has reached 50 billion dollars.\n")
    a = p.ask("Who heads Acme's foundry business?")
    assert not a.abstained and "Maria Jensen" in a.answer
