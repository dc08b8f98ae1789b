"""A question asking for a chip's process node (qa.reading.units.asks_process_node) is answered by a
size in nanometres, which no entity type marks: the reader prefers a sentence stating one, the short
answer is one, and a quote stating none is no answer. Made-up articles, the fake embedding model."""
from __future__ import annotations

import pytest

from qa import api
from qa.reading.asked_spans import as_asked
from qa.reading.units import asks_process_node, states_process_node


@pytest.mark.parametrize("question, asks", [
    ("what node will the zeta chip use", True),
    ("What process node is the Zeta chip on?", True),
    ("On which manufacturing node is the newest Zeta chip going to be fabbed?", True),
    ("What process technology will the Zeta chip be built on?", True),
    ("zeta chip new gen node", True),  # keywords ending in the kind asked for
    # networks have nodes too; and "node" that is not what the wh-word asks for
    ("What are intermediate forwarding nodes?", False),
    ("What does the node read?", False),
    ("When is the address information not transferred to each node?", False),
    ("How many units will Zeta make on its 2nm node?", False),
    ("What process converts sugar into alcohol?", False),
    # (thirty-eighth round, own questions) a process asked of a chip, or a manufacturing process
    ("what process will zeta's chip use", True),
    ("what manufacturing process will the new zeta accelerator use", True),
    ("What process do plants use to make oxygen?", False),
    ("What process did the chip's designers follow?", False),  # no process it is made on or uses
])
def test_which_questions_ask_for_a_process_node(question, asks):
    assert asks_process_node(question) is asks


@pytest.mark.parametrize("text, states", [
    ("using advanced 2nm process technology", True),
    ("the 2-nanometer (nm) manufacturing process", True),
    ("on a 3 nm node", True),
    ("1.8nm", True),
    ("by the end of 2026", False),
    ("the Samsung Foundry", False),
    ("2 nmol of the enzyme", False),
])
def test_what_states_a_process_node(text, states):
    assert states_process_node(text) is states


def test_the_short_answer_is_the_size_in_nanometres():
    sentence = "Zeta Foundry will make the chip using its advanced 3nm process."
    cands = [(0, 12, {}), (sentence.index("its"), len(sentence) - 1, {})]
    assert as_asked("Which node will the chip use?", "OTHER", sentence, cands) == [cands[1]]
    assert as_asked("Which foundry will make the chip?", "ORG", sentence, cands) == cands


DOCS = {
    "zeta.txt": "The Zeta Chip\n\nAcme designed the Zeta chip for data centers, and the Zeta chip will be made by "
                "Nexa Foundry for Acme's data centers. Nexa will build the Zeta chip on its 3nm process next year.\n",
    "omega.txt": "The Omega Chip\n\nBolt released the Omega chip in June as an accelerator for language models. "
                 "The Omega chip entered testing in July.\n",
}


@pytest.fixture
def made_up(fake_embedder, write_corpus):
    return write_corpus(DOCS)


def test_the_reader_answers_with_a_node_or_not_at_all(made_up):
    a = api.ask("What node will the Zeta chip be made on?", corpus=made_up)
    assert not a.abstained and "3nm" in a.answer and "3nm" in (a.short_answer or ""), a
    # The articles say when the Omega chip came out, never on what node.
    a = api.ask("What process node is the Omega chip on?", corpus=made_up)
    assert a.abstained and a.reason == "The articles discuss this but give no process node for it.", a
