"""A focus noun read with its neighbours: "the span between design and tape-out" asks for a length
of time, a production "volume" for a number of units (qa.reading.targets.sense_type,
qa.reading.counted.counted_noun)."""
from __future__ import annotations

import pytest

from qa import api
from qa.reading.answertype import answer_type
from qa.reading.counted import counted_noun


@pytest.mark.parametrize("question, expected", [
    ("What was the span between first blueprint and hand-off for the Nexa chip?", "DURATION"),
    ("what was the time span from design to tapeout", "DURATION"),
    ("What is the timespan between the two launches?", "DURATION"),
    ("What time span does the war cover?", "TIME"),  # its years, as often as a length: as before
    ("What is the span of the Golden Gate Bridge?", "QUANTITY"),  # a length
    ("What volume of the Zeta accelerator is slated for high-volume output?", "NUM"),
    ("what production volume is planned for zeta", "NUM"),
    ("What volume of water does the lake hold?", "QUANTITY"),  # nothing made: a quantity
    ("What quantity of chips will Samsung produce?", "NUM"),
    ("What time does the train leave?", "TIME"),
])
def test_answer_type_of_a_noun_read_with_its_neighbours(question, expected):
    assert answer_type(question) == expected


@pytest.mark.parametrize("question, noun", [
    ("What volume of Zeta chips will Samsung produce?", "chips"),
    ("What volume of the latest Zeta accelerator is slated for output?", "units"),
    ("what production volume is planned for zeta", "units"),
    ("What volume of water does the lake hold?", None),
    ("How many Zeta chips will Samsung make?", "chips"),
    ("What number of chips will Samsung make?", "chips"),
    ("What quantity of Zeta chips will Samsung ship?", "chips"),
    ("What number of the schools are public?", None),
])
def test_a_production_volume_counts_units(question, noun):
    assert counted_noun(question) == noun


DOCS = {
    "zeta.txt": "Acme's Zeta Accelerator\n\n"
                "While the first two generations of Zeta were made by Foundry One, the latest generation "
                "moves to Foundry Two, planning to mass-produce hundreds of thousands of units using its advanced 2nm process.\n\n"
                "Acme has not disclosed the accelerator's performance.\n",
    "nexa.txt": "The Nexa Chip\n\n"
                "Nexa said the chip's design remains under review and that formal design has not been confirmed.\n\n"
                "Nexa and Broadline stated that this chip went from initial design to manufacturing tape-out "
                "in about 9 months, with engineering samples running in the lab.\n",
}


@pytest.fixture
def made_up(fake_embedder, write_corpus):
    return write_corpus(DOCS)


def test_the_reader_answers_a_span_with_a_length(made_up):
    a = api.ask("What was the span between first blueprint and manufacturing hand-off for the Nexa chip?", corpus=made_up)
    assert not a.abstained and "9 months" in a.short_answer


def test_the_reader_answers_a_production_volume_with_a_count(made_up):
    a = api.ask("What volume of the latest Zeta accelerator is slated for high-volume output?", corpus=made_up)
    assert not a.abstained and a.short_answer == "hundreds of thousands"
