"""Who says it (qa.reading.attribution, issue #20, sixteenth round): the source a sentence gives
for its claim answers "Who said ...?", on made-up sentences."""
from __future__ import annotations

import pytest

from qa.reading.asked_kind import holds_asked_kind
from qa.reading.attribution import attribution_tokens, says_who

from .test_kind_fit import _short, _view

MEDIA = ("According to Korean media reports, Nexa Electronics is becoming the core production base of custom chips, "
         "and its backlog of orders is expected to approach 50 trillion won.")
SOURCES = "Industry sources indicate that Nexa's foundry backlog is expected to approach 50 trillion won."
ANALYSTS = "Analysts believe this is part of Kestrel's strategy to reduce reliance on external chips."
QUOTED = "The current order backlog of Nexa's foundry business has reached approximately 50 trillion won."


@pytest.mark.parametrize("sentence,source", [
    (MEDIA, "Korean media reports"),
    (SOURCES, "Industry sources"),
    (ANALYSTS, "Analysts"),
    ("It said the backlog grew.", ""),  # a pronoun is no source
    (QUOTED, ""),  # a claim without its source
])
def test_the_source_a_sentence_gives(sentence, source):
    v = _view(sentence)
    assert " ".join(v.text[i] for i in sorted(attribution_tokens(v))) == source


@pytest.mark.parametrize("question,asks", [
    ("Who said Nexa's backlog will reach 50 trillion won?", True),
    ("who says the backlog is 50 trillion won", True),
    ("Who first reported that the talks began?", True),
    ("Who first reported the talks?", False),  # a named reporter (kind_fit.doer_tokens), or a thing reported
    ("Who wrote Freakonomics?", False),  # an author, not a source
    ("Who reported on the sideline for the broadcaster?", False),
    ("Who believes Kestrel wants its own chips?", True),
    ("Who makes Kestrel's chips?", False),
    ("Who is the chief executive of Nexa?", False),
    # (nineteenth round) news reported is a claim: its source is asked
    ("who reported the nexa laptop news", True),
    ("Who reported the story about Kestrel's order?", True),
    ("Who wrote the report?", True),
    ("Who wrote the Zentium manual?", False),
])
def test_says_who(question, asks):
    assert says_who(question) is asks


@pytest.mark.parametrize("question,sentence,short", [
    ("Who said Nexa's backlog will reach 50 trillion won?", MEDIA, "Korean media reports"),
    ("who says nexa's foundry backlog will approach 50 trillion won", SOURCES, "Industry sources"),
    ("Who believes Kestrel wants to reduce its reliance on external chips?", ANALYSTS, "Analysts"),
    ("who reported the news about nexa's backlog", MEDIA, "Korean media reports"),
])
def test_who_said_is_answered_by_the_source(question, sentence, short):
    assert _short(question, sentence) == short


def test_a_source_is_someone_for_who_said_only():
    # The reader's check that a quote names someone: a described source says who said it, and
    # names no one who heads anything.
    assert holds_asked_kind("who", "Who said Nexa's backlog will reach 50 trillion won?", [_view(SOURCES)])
    assert not holds_asked_kind("who", "Who heads Nexa's foundry business?", [_view(SOURCES)])
    assert not holds_asked_kind("who", "Who said Nexa's backlog will reach 50 trillion won?", [_view(QUOTED)])


def test_who_said_takes_a_runner_up_giving_the_source(tmp_path, fake_embedder):
    from qa.api import get_pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "nexa.txt").write_text(
        "Nexa foundry orders\n\nThe current order backlog of Nexa's foundry business has reached approximately 50 "
        "trillion won, and operating profits are expected in the fourth quarter. Shares of Nexa rose on the news. "
        "According to Korean media reports, the order book is near 50 trillion won.\n", "utf-8")
    p = get_pipeline(corpus=corpus, index_dir=tmp_path / "index")
    a = p.ask("Who said Nexa's foundry backlog has reached 50 trillion won?")
    assert not a.abstained and a.short_answer == "Korean media reports", (a.short_answer, a.reason)
