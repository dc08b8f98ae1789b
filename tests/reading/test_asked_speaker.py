"""Questions asking what one party said, as a verb ("How did Nexa respond?"), a noun ("What was
Nexa's response?") or keywords ("nexa response acme report"): the answer is that party's own
statement, found beside another party's when reports put them together, never the other's."""
from __future__ import annotations

import pytest

from qa import api
from qa.reading.measured import about_own_thing, asks_what_said, other_speaker


@pytest.mark.parametrize("question, asks", [
    ("What did Nexa say about the chip?", True),
    ("How did Nexa respond to the report?", True),
    ("How did the Nexa chipmaker respond when asked?", True),  # a description read as the name
    ("What was Nexa's response to the report?", True),
    ("Nexa response Acme report", True),  # keywords, truecased before they are read
    ("Nexa comments", True),
    ("Whose response was it?", False),
    ("What response did Nexa give?", False),
    ("Nexa foundry backlog size", False),
    ("What is the response time of the chip?", False),
])
def test_which_questions_ask_what_a_party_said(question, asks):
    assert asks_what_said(question) is asks


def test_another_partys_statement_is_not_the_asked_partys_response():
    quote = "In response to a request for comment, Acme stated that GPUs would remain the core of its compute."
    assert other_speaker("What was Nexa's response to the report?", quote) == ("what Nexa said", "what Acme said")
    assert other_speaker("What was Acme's response to the report?", quote) is None


# The asked party's statement is a paragraph of its own, as in the seed article it comes from, and
# the report's other paragraphs share more of the question's words: it is not among the passages
# read, only beside the best of them.
_OTHERS = "".join(f"The report on the Nexa chip drew request number {i} for comment on the report from investors "
                  f"of the report.\n\n" for i in range(12))
DOCS = {
    "chips.txt": "Acme Weighs Nexa for Chips\n\n" + _OTHERS + "In response to a request for comment on the report, "
                 "Acme stated that GPUs would remain the core of its computing resources.\nNexa declined to comment "
                 "on the matter.\n",
    "other.txt": "Bolt Expands\n\nBolt opened a second plant in May. Its chips ship in the autumn.\n",
}


@pytest.fixture
def made_up(fake_embedder, write_corpus):
    return write_corpus(DOCS)


@pytest.mark.parametrize("question", [
    "What was Nexa's response to the request for comment on the report?",
    "Nexa response request for comment report",
])
def test_the_asked_partys_statement_beside_another_is_the_answer(made_up, question):
    a = api.ask(question, corpus=made_up)
    assert not a.abstained and a.answer == "Nexa declined to comment on the matter.", a
    assert a.short_answer is None  # what was said is the answer, not a span of it


@pytest.mark.parametrize("question, own", [
    ("What did Nexa say about its computing resources?", True),
    ("What was Nexa's response to their report?", True),
    ("What was Nexa's response to the Acme report?", False),
    ("Nexa response Acme report", False),
    ("What is its response?", False),  # no party asked about
])
def test_which_questions_ask_about_the_partys_own_thing(question, own):
    assert about_own_thing(question) is own
# On the seeds: tests/test_examples.py, "what did samsung say about its compute" (no answer).


def test_a_speaker_named_by_surname_is_the_asked_one():
    """(twenty-eighth round, news) "what did tim cook say about dreamers" abstained: "The closest
    passages are about what Cook said, not what Tim Cook said."."""
    quote = "Cook said Acme employs about 450 Dreamers, and he sees their commitment first hand."
    assert other_speaker("what did Tim Cook say about Dreamers", quote) is None
    assert other_speaker("what did Dana Wu say about Dreamers", quote) == ("what Dana Wu said", "what Cook said")
