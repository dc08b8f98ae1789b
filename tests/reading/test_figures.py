"""A passage about another figure of the thing asked (a 1 GW data center for "the 5 GW data
center"), about another owner's thing ("orders from Meta" for "Tesla's order"), or giving only
years and lengths of time to a "how many chips" question, does not answer it
(qa.reading.versions.other_figure, qa.reading.measured.other_owner, qa.reading.units.counts_only_time)."""
from __future__ import annotations

import pytest

from qa import api
from qa.reading.measured import other_owner, own_statement
from qa.reading.units import counts_only_time
from qa.reading.versions import other_figure


@pytest.mark.parametrize("question, text, expected", [
    ("How much is Meta investing in its 5 GW data center?", "Anthropic plans a data center of approximately 1 GW.",
     ("5 GW", "1 GW")),
    ("How much is Meta investing in its 5 GW data center?", "Meta plans 5 gigawatts (GW) of capacity.", None),
    ("Is Samsung's 2nm line full?", "Samsung's 2-nanometer line is full.", None),
    ("Is Samsung's 2nm line full?", "Samsung's 3nm and 5nm lines are full.", ("2nm", "3nm and 5nm")),
    # No figure in that unit in the text, no figure in the question, or a unit written apart from a number.
    ("How much is Meta investing in its 5 GW data center?", "Meta will invest $60 billion.", None),
    ("How much is Meta investing in its data center?", "Anthropic plans a data center of approximately 1 GW.", None),
    ("How far is it, 5 m or more?", "It is 300 m away.", None),  # "m" alone may be millions
])
def test_other_figure(question, text, expected):
    assert other_figure(question, text) == expected


@pytest.mark.parametrize("text, counted, expected", [
    ("It took about 9 months and deployment begins by the end of 2026.", "chips", True),
    ("Released on June 24, 2026.", "chips", True),
    ("Samsung will make 250,000 chips by 2026.", "chips", False),
    ("In 1540 three survived.", "monks", False),  # a count in words
    ("It reported on July 2, citing multiple sources.", "sources", False),  # a vague one
    ("They won the league in 1946, and won the cup twice.", "times", False),
    ("The plague of 1649 reduced the population by half.", "residents", False),
    ("Two monks survived in 1540.", "monks", False),
    ("Nothing is counted here.", "chips", False),  # no number at all: the fact check's case
    ("It took about 9 months.", "months", False),  # a question counting months is answered by them
    ("The line is 5 km long, finished in 2020.", "kilometers", False),
    # A measure counts no thing: "how many chips has Meta ordered?" is not answered by the "2" of "2nm"
    ("Samsung's 2nm Foundry Targets AI Chip Orders from Meta and Anthropic", "chips", True),
    ("a data center of 5 gigawatts, built on a 2-nanometer process", "chips", True),
    ("It will make 250,000 chips on its 2nm process.", "chips", False),
    ("It sold 5m units in 2020.", "chips", False),  # one letter: millions as often as metres
    ("The program returned 842 pounds (382 kg) of lunar rocks.", "kgs", False),  # a measure asked for
    # An amount of money counts no employees or chips, unless money is what is counted.
    ("The backlog has reached approximately 50 trillion won.", "employees", True),
    ("SoftBank agreed to inject up to $8 billion in debt and equity.", "employees", True),
    ("It had 12,500 employees and a $3 billion tender offer.", "employees", False),
    ("It cost $5 million.", "dollars", False),
    # A multiple counts nothing (thirty-first round): "how many people died" is not "10".
    ("The city had 10 times as many cases as it first reported in 2003.", "people", True),
    ("As many as 40 people died in 2003.", "people", False),
    ("He was stabbed 10 times in 2019.", "times", False),  # a question counting times is answered by it
    ("The number aged 12 to 17 years rose by 25 percent, from 2.18% to 2.72%.", "people", True),  # shares, ages
    ("The share rose to 25 percent.", "percent", False),
    ("Catholics form the largest group with 26.7% of Victorians in 2011.", "victorians", False),  # a share of them
    # (thirty-second round) a count of people counts no settlements, a count of places no people
    # (qa.reading.counted_kinds); a word of neither kind, or a near kind ("Indians" for deportees), may
    ("More than 600,000 Israelis live in settlements, alongside more than three million Palestinians.", "settlements", True),
    ("There are about 130 settlements in the West Bank.", "settlements", False),
    ("Protests spread to more than 100 cities across the country in 2019.", "people", True),
    ("Nearly 150 Indians returned home on Wednesday.", "deportees", False),
    ("Police cut 2,000 workers in 2019.", "jobs", False),  # jobs are counted in people
    ("More than 100 games were played in 2019.", "people", False),  # "games": neither kind, clearly
])
def test_counts_only_time(text, counted, expected):
    from qa.reading.counted_kinds import counts_another_kind

    assert counts_only_time(text, counted, another_kind=counts_another_kind) is expected
    if "Israelis" in text or "cities" in text:  # without the kinds read, a count of anything may answer
        assert counts_only_time(text, counted) is False


@pytest.mark.parametrize("text, expected", [
    # "How fast is it?", "How big is it?": a quantity is not answered by dates and lengths of time
    ("OpenAI released Jalapeño on June 24, 2026, and tape-out took about 9 months.", True),
    ("Meta plans a data center of 5 gigawatts by the end of 2030.", False),
    ("The chip runs at 2 GHz.", False),
    ("Nothing is measured here.", False),  # no number at all: the fact check's case
])
def test_a_quantity_is_not_answered_by_time_alone(text, expected):
    assert counts_only_time(text, None, measured=True) is expected
    assert counts_only_time(text, None) is False  # nothing counted, nothing measured: not asked


@pytest.mark.parametrize("text, expected", [
    # (thirty-second round) "How high / tall / deep / wide ...?": a figure in a unit, a share or storeys
    ("Researchers have now detected one such plume's water vapor directly for the first time.", True),
    ("The plumes reach 200 km above the surface.", False),
    ("The tower is 1,063 ft high.", False),
    ("It rises to 20 storeys.", False),
    ("These buildings are predominantly four stories high.", False),  # a count in words
    ("Rates rose to 5% this year.", False),
])
def test_a_length_is_answered_by_a_figure_in_a_unit(text, expected):
    assert counts_only_time(text, None, measured="length") is expected


def test_reader_abstains_on_a_height_given_as_no_figure(fake_embedder, write_corpus):
    corpus = write_corpus({"moon.txt": "Plumes on Vesta-9\n\nThe water vapor plumes of the moon Vesta-9 were seen again. "
                                       "Researchers have now detected one such plume's water vapor directly for the first time.\n"})
    a = api.ask("How high above Vesta-9 do the water vapor plumes reach?", corpus=corpus)
    assert a.abstained and a.reason == "The articles discuss this but give no figure for it.", (a.answer, a.reason)


def test_measures_size():
    from qa.reading.units import measures_size

    assert measures_size("How high do the plumes reach?") == "length" and measures_size("How fast is it?") == "size"

    assert measures_size("How fast is Jalapeño?") and measures_size("how big is meta's data center")
    # progress and accounts, which dates may answer
    assert not measures_size("How far has Jalapeño got in the lab?") and not measures_size("How much has it changed?")
    # (sixteenth round) a count that names no thing ("how many will they deploy" read after "it")
    assert measures_size("How many will Jalapeño deploy?") and measures_size("how many were sold")
    assert not measures_size("How many chips will OpenAI deploy?")  # counts chips: counted_noun reads it
    # (thirty-sixth round) a population asked, as a question or in keywords; not one it asks another thing of
    assert measures_size("what's the population of south korea") and measures_size("warsaw population")
    assert not measures_size("When did the population of Warsaw peak?") and not measures_size("What happened to the population?")


def test_a_population_is_no_day_of_a_dateline(fake_embedder, write_corpus):
    corpus = write_corpus({"wire.txt": "Kelta Chips\n\nSeoul, July 3 news - South Korea's Kelta Electronics is emerging "
                                       "as a key foundry for chip makers in South Korea.\n"})
    a = api.ask("what's the population of south korea", corpus=corpus)
    assert a.abstained and a.reason == "The articles discuss this but give no figure for it.", a


def test_a_population_is_no_sum_of_money(fake_embedder, write_corpus):
    # (thirty-seventh round) "50 trillion Korean won" counts no people, nor does a share or a node size
    corpus = write_corpus({"wire.txt": "Kelta Chips\n\nSouth Korea's Kelta Electronics expects its backlog to approach "
                                       "50 trillion Korean won, with orders from South Korea up 20 percent.\n"})
    a = api.ask("what's the population of south korea", corpus=corpus)
    assert a.abstained and a.reason == "The articles discuss this but give no figure for it.", a
    assert counts_only_time("approach 50 trillion Korean won", None, "population")
    assert not counts_only_time("a population of 51.7 million", None, "population")
    assert not counts_only_time("approach 50 trillion Korean won", None, "size")  # a size may be money


def test_a_population_asked_with_a_possessive(fake_embedder, write_corpus):
    # (thirty-eighth round, after the thirty-seventh round's own question) "what's korea's population"
    from qa.reading.units import measures_size

    corpus = write_corpus({"wire.txt": "Kelta Chips\n\nJuly 3 news - South Korea's Kelta Electronics expects its backlog "
                                       "to approach 50 trillion Korean won.\n"})
    for question in ("what's south korea's population", "what is korea's population"):
        a = api.ask(question, corpus=corpus)
        assert a.abstained and a.reason == "The articles discuss this but give no figure for it.", (question, a)
    assert measures_size("What was the city's population in 1900?") == "population"
    assert not measures_size("what is the population")  # no place named: left to the other checks


def test_a_temperature_asked_is_a_figure_in_degrees(fake_embedder, write_corpus):
    # (thirty-eighth round, own question) "at what temperature does the 2nm process run": not "2nm"
    from qa.reading.units import measures_size

    corpus = write_corpus({"fab.txt": "Kelta Foundry\n\nThe 2nm process is the most advanced chip manufacturing technology, "
                                      "with higher density and better power efficiency.\n"})
    a = api.ask("at what temperature does kelta's 2nm process run", corpus=corpus)
    assert a.abstained and a.reason == "The articles discuss this but give no figure for it.", a
    corpus = write_corpus({"gas.txt": "Kelta Gas\n\nKelta gas condenses at 90.20 K (−182.95 °C).\n"}, "gas")
    a = api.ask("At what temperature does kelta gas condense?", corpus=corpus)
    assert not a.abstained and "90.20 K" in a.answer, a
    assert measures_size("What is Victoria's highest monthly temperature?") == "temperature"
    assert measures_size("how cold does it get in winter") == "temperature"
    assert not measures_size("When was the coldest temperature recorded?")  # a date asked
    assert counts_only_time("a mortality rate of 90 to 95 percent", None, "temperature")  # no share answers
    assert not counts_only_time("highs of 48.8 °C (119.8 °F)", None, "temperature")
    assert not counts_only_time("about 1015 kelvins", None, "temperature")


def test_power_asked_is_a_figure_in_watts(fake_embedder, write_corpus):
    # (thirty-seventh round) "how much power does it draw" is not answered by the "2" of "2-nanometer"
    from qa.reading.units import measures_size

    corpus = write_corpus({"chip.txt": "Kelta Accelerator\n\nThe third-generation Kelta accelerator uses a 2-nanometer "
                                       "process and will ship in hundreds of thousands of units.\n"})
    a = api.ask("how much power does the third-gen kelta accelerator draw", corpus=corpus)
    assert a.abstained and a.reason == "The articles discuss this but give no figure for it.", a
    corpus = write_corpus({"dc.txt": "Kelta Data Center\n\nKelta's data center will draw about 1 GW of power.\n"}, "dc")
    a = api.ask("how much power will kelta's data center draw", corpus=corpus)
    assert not a.abstained and "1 GW" in a.answer, a
    assert measures_size("how much electricity does the plant use") == "power"
    assert not measures_size("how much power does the president have")  # power of another kind
    assert counts_only_time("uses a 2-nanometer process in hundreds of thousands of units", None, "power")
    assert not counts_only_time("draws 700 W at full load", None, "power")
    assert not counts_only_time("uses about 5GW", None, "power")


def test_memory_asked_is_a_figure_in_bytes(fake_embedder, write_corpus):
    # (thirty-seventh round, after reading heldout-38's s19) a launch date gives no memory size
    from qa.reading.units import measures_size

    corpus = write_corpus({"chip.txt": "Kelta Accelerator\n\nOrnix and Kelta released the Kelta accelerator on June 24, "
                                       "2026, positioning it for language model inference.\n"})
    a = api.ask("how much hbm memory does the kelta accelerator have", corpus=corpus)
    assert a.abstained and a.reason == "The articles discuss this but give no figure for it.", a
    assert measures_size("how much memory does it have") == "memory" and not measures_size("how much water is stored")
    assert counts_only_time("released on June 24, 2026", None, "memory")
    assert not counts_only_time("with 288GB of HBM3E", None, "memory")


def test_reader_abstains_on_a_quantity_given_only_as_dates(made_up):
    a = api.ask("How fast is the Jalapeño chip?", corpus=made_up)
    assert a.abstained and a.reason == "The articles discuss this but give no figure for it."
    a = api.ask("How many will the Jalapeño chip deploy?", corpus=made_up)
    assert a.abstained, a.short_answer


@pytest.mark.parametrize("question, quote, expected", [
    ("How much was Tesla's AI chip order with Samsung worth?", "Samsung receives 10 trillion won OEM orders from Meta",
     ("Tesla's order", "Meta's order")),
    ("How much was Tesla's AI chip order with Samsung worth?", "Meta's order was worth 10 trillion won.",
     ("Tesla's order", "Meta's order")),
    # (thirty-third round) the owner's name right before the thing: "the Tesla order"
    ("How big is the Tesla order?", "Samsung receives 10 trillion won OEM orders from Meta", ("Tesla's order", "Meta's order")),
    # The asked owner named, no owner given, or the question gives none.
    ("How much was Tesla's AI chip order with Samsung worth?", "Orders from Meta and Tesla reached 10 trillion won.", None),
    ("How much was Tesla's AI chip order with Samsung worth?", "The order was worth 10 trillion won.", None),
    ("How much was the AI chip order worth?", "Samsung receives 10 trillion won OEM orders from Meta", None),
    ("How much is Samsung's backlog worth?", "The order backlog of Samsung's foundry business reached 50 trillion won.", None),
    # The asked owner only compared with the company the clause is about.
    ("How big is Meta's planned data center?", "Similar to Meta, Anthropic also plans a data center of about 1 GW.",
     ("Meta's center", "Anthropic's center")),
    ("How much is Meta spending on AI?", "Anthropic, like Meta, plans a data center, spending US$50 billion.",
     ("Meta's spending", "Anthropic's spending")),
    # "How much will X invest?": what X spends (twelfth round)
    ("How much will Meta invest in AI this year?", "Similar to Meta, Anthropic also plans a data center, with an "
     "investment of about US$50 billion.", ("Meta's investment", "Anthropic's investment")),
    ("How much will Anthropic invest in its data center?", "Similar to Meta, Anthropic also plans a data center, "
     "with an investment of about US$50 billion.", None),
    ("How big is Anthropic's planned data center?", "Similar to Meta, Anthropic also plans a data center of 1 GW.", None),
    ("How big is Meta's data center?", "Like Meta, Anthropic plans a data center of 1 GW, while Meta plans 5 GW.", None),
    ("How big is Meta's data center?", "Similar to Meta's 5 GW plan, Anthropic plans 1 GW.", None),
    # the sentence's subject owns what it plans
    ("What is the capacity of Anthropic's data center?", "Meta aims to build a data center of 5 GW.",
     ("Anthropic's center", "Meta's center")),
    ("What is the capacity of Anthropic's data center?", "According to reports, Meta plans a data center of 5 GW.",
     ("Anthropic's center", "Meta's center")),
    ("What is the capacity of Anthropic's data center?", "The data center will have 5 GW.", None),
    # ... and what it is doing, though the sentence never names the thing asked about
    ("How much was Tesla's AI chip order with Samsung worth?", "According to industry sources, Meta is "
     "cooperating with Samsung to produce ASICs worth more than 10 trillion won.", ("Tesla's order", "Meta's order")),
    ("How much was Tesla's AI chip order with Samsung worth?", "Samsung is producing chips worth 10 trillion won "
     "for Tesla.", None),
    # "What is X's thing?" (fourteenth round): another owner's thing, or the asked owner only compared
    ("What is Orvane's role?", "The facts are limited: Tamsin's role is unconfirmed.", ("Orvane's role", "Tamsin's role")),
    ("What is Orvane's role?", "Orvane's role is to produce the first two generations.", None),
    ("What is Kestrel's data center plan?", "Similar to Kestrel, Volta also has plans to build a data center of 1 GW.",
     ("Kestrel's plan", "Volta's plan")),
    ("What is Kestrel's chip called?", "Volta's chip is called Zentium.", None),  # a name asked for, not a thing
    ("What is Kestrel's spending on AI?", "Similar to Kestrel, Volta also plans a data center, with an investment of "
     "about US$50 billion.", ("Kestrel's spending", "Volta's spending")),  # the thing before a phrase on it
    # The asked owner only one of a list of clients: the amount is the sentence's subject's.
    ("How much is Kestrel's order with Tamsin?", "Tamsin Electronics is becoming the production base for technology "
     "giants (including Kestrel, Volta and Orion), and its backlog of orders will reach 50 trillion won.",
     ("Kestrel's order", "Tamsin's order")),
    ("How much is Kestrel's order with Tamsin?", "Tamsin's clients include Kestrel, and Kestrel's order is worth 5 "
     "trillion won.", None),
    # ... and another owner's thing named with a word between ("the order backlog of Tamsin's foundry").
    ("How much is Kestrel's order with Tamsin?", "The current order backlog of Tamsin's foundry business has reached "
     "50 trillion won.", ("Kestrel's order", "Tamsin's order")),
    # "How many <units> is X's thing?", the owner's thing up to four words on (fifteenth round)
    ("How many gigawatts is Kestrel's own planned AI data center?", "Volta aims to build a data center of 5 gigawatts.",
     ("Kestrel's center", "Volta's center")),
    ("How many gigawatts is Kestrel's own planned AI data center?", "Kestrel aims to build a data center of 1 GW.", None),
    # The thing a named subject does something with, by "its" (fifteenth round): another's plan is not its date.
    ("When will Kestrel finish its data center?", "Volta aims to build a data center of 5 GW by the end of 2030.",
     ("Kestrel's data center", "Volta's data center")),
    ("When will Kestrel finish its data center?", "Kestrel aims to finish its data center by 2030.", None),
    ("When did the team lose its funding?", "Volta's funding ended in 2020.", None),  # no named subject
    # (sixteenth round) the subject after a short opening phrase, and "X's thing" with what happens to it
    ("When will Kestrel launch its chip?", "To this end, Volta plans a faster design system, and a new generation of "
     "chips is launched every six months.", ("Kestrel's chip", "Volta's chip")),
    ("When will Kestrel's chip launch?", "To this end, Volta plans a faster design system, and a new generation of "
     "chips is launched every six months.", ("Kestrel's chip", "Volta's chip")),
    ("When will Kestrel's data center be finished?", "Volta aims to build a data center of 5 GW by 2030.",
     ("Kestrel's data center", "Volta's data center")),
    ("When will Volta's chip launch?", "To this end, Volta plans a new generation of chips every six months.", None),
    # (thirty-sixth round) "could ... be worth", an amount asked in a currency, a past verb, a company's own worth
    ("How much in won could Kestrel's chip order be worth to Tamsin?", "According to industry sources, Volta is "
     "cooperating with Tamsin on ASICs worth more than 10 trillion won.", ("Kestrel's order", "Volta's order")),
    ("How much had Kestrel spent?", "According to reports, Tamsin Electronics is becoming the production base for "
     "chips, with its backlog reaching 50 trillion won.", ("Kestrel's spending", "Tamsin's spending")),
    ("whats Kestrel worth", "According to industry sources, Volta is cooperating with Tamsin on ASICs worth more than "
     "10 trillion won.", ("Kestrel's worth", "Volta's worth")),
    ("whats Kestrel worth", "Kestrel is now worth US$183 billion.", None),
])
def test_other_owner(question, quote, expected):
    assert other_owner(question, quote) == expected


DOCS = {
    "meta.txt": "Meta Plans Its Data Center\n\nMeta aims to build a data center of 5 GW by the end of 2030. "
                "Similar to Meta, Anthropic plans a data center of approximately 1 GW, with an investment of "
                "about US$50 billion.\n",
    "orders.txt": "Samsung Wins Orders\n\nSamsung receives orders from Meta worth 10 trillion won. Tesla's order "
                  "came first, last year.\n",
    "chip.txt": "The Jalapeño Chip\n\nOpenAI said the Jalapeño chip went from design to tape-out in about 9 months, "
                "and deployment of the Jalapeño chip begins by the end of 2026.\n",
}


@pytest.fixture
def made_up(fake_embedder, write_corpus):
    return write_corpus(DOCS)


def test_the_value_of_an_order_is_an_amount(fake_embedder, write_corpus):
    corpus = write_corpus({
        "orders.txt": "Globex Orders Grow\n\nStarting from Acme's chip order last year, orders received by Globex's "
                      "foundry have entered a stage of rapid growth.\n",
        "deal.txt": "Initech Signs\n\nInitech signed a contract with Globex worth 3 trillion won.\n"})
    # Not "last year" of the sentence on Acme's order, which gives no amount (the gold set's g077).
    a = api.ask("What was the value of Acme's chip order with Globex?", corpus=corpus)
    assert a.abstained and a.reason == "The articles discuss this but give no amount of money for it."
    a = api.ask("initech globex contract value", corpus=corpus)
    assert not a.abstained and "3 trillion won" in a.answer


def test_reader_abstains_on_another_figure_and_on_years_for_a_count(made_up):
    a = api.ask("How much is Anthropic investing in its 3 GW data center?", corpus=made_up)
    assert a.abstained and a.reason == "The closest passages are about 1 GW, not 3 GW."
    # Not Anthropic's sentence, which names Meta only to compare: Meta's own, which gives no
    # investment ("investing" asks for one: since the thirty-fifth round a named amount, whose
    # check comes before the one for any amount of money).
    a = api.ask("How much is Meta investing in its 5 GW data center?", corpus=made_up)
    assert a.abstained and a.reason == "The closest passages are about other amounts, not the investment."
    # (twenty-sixth round) typed without the apostrophe, the owner is still read.
    a = api.ask("how much was anthropics order worth", corpus=made_up)
    assert a.abstained and a.reason == "The closest passages are about Meta's order, not Anthropic's order."
    a = api.ask("How big is Meta's planned data center?", corpus=made_up)
    assert not a.abstained and a.answer == "Meta aims to build a data center of 5 GW by the end of 2030."
    a = api.ask("How much is Anthropic investing in its 1 GW data center?", corpus=made_up)
    assert not a.abstained and "US$50 billion" in a.answer
    # A yes/no question is answered by the passage on the other figure: it says no.
    a = api.ask("Does Anthropic plan a 5 GW data center?", corpus=made_up)
    assert not a.abstained and "1 GW" in a.answer
    a = api.ask("How much was Tesla's order worth?", corpus=made_up)
    assert a.abstained and a.reason == "The closest passages are about Meta's order, not Tesla's order."
    a = api.ask("How many Jalapeño chips will OpenAI deploy first?", corpus=made_up)
    assert a.abstained and "no number" in a.reason
    # Not Meta's "by the end of 2030": the articles give no date for Anthropic's data center.
    a = api.ask("When will Anthropic finish its data center?", corpus=made_up)
    assert a.abstained


@pytest.mark.parametrize("question, quote, other, said", [
    # another party's statement, the asked one never named: not what it said
    ("What did Nexa say about its compute?", "In response to a request for comment, Acme stated that GPUs would "
     "remain the core of its computing resources.", ("what Nexa said", "what Acme said"), False),
    ("What did Acme say about its compute?", "In response to a request for comment, Acme stated that GPUs would "
     "remain the core of its computing resources.", None, True),
    # named: no other; declining to comment is how it responded
    ("How did Nexa respond?", "Nexa declined to comment on the matter.", None, True),
    ("What did Nexa build?", "Acme stated that Nexa builds chips.", None, False),  # no question of saying
    # a speaker described, not named, is not the asked party, though the quote names it
    ("What did Nexa say about Tesla?", 'A Korean industry official said: "Since Tesla\'s order, Nexa\'s orders grew."',
     ("what Nexa said", "what a Korean industry official said"), False),
    ("What did Nexa say about Acme?", "According to industry sources, Acme is cooperating with Nexa.",
     ("what Nexa said", "what industry sources said"), False),
    ("What did Nexa say?", "People familiar with the matter said Nexa won.", ("what Nexa said", "what people said"), False),
    ("What did Nexa say?", "A Nexa spokesperson said the order was large.", None, False),  # its own official
])
def test_other_speaker_and_speaker_said(question, quote, other, said):
    from qa.reading.measured import other_speaker, speaker_said

    assert other_speaker(question, quote) == other
    assert speaker_said(question, quote, ["say"] if "say" in question else []) is said
    assert not speaker_said(question, quote, ["ipo"])  # a word of the question it never gives


def test_reader_quotes_what_the_asked_party_said_and_no_one_else(fake_embedder, write_corpus):
    """"What did Samsung say about its compute?" (a follow-up after Anthropic) quoted "Anthropic
    stated that ... the core of its computing resources"."""
    corpus = write_corpus({"acme.txt": "Acme and its compute\n\nIn response to a request for comment, Acme stated "
                                       "that Nvidia GPUs would continue to serve as the core of its computing "
                                       "resources. Nexa builds memory for data centers in Korea.\n"})
    a = api.ask("What did Nexa say about its compute?", corpus=corpus)
    assert a.abstained and a.reason == "The closest passages are about what Acme said, not what Nexa said."
    a = api.ask("What did Acme say about its compute?", corpus=corpus)
    assert not a.abstained and "Acme stated" in a.answer


ACME_SAID = ("In response to a request for comment, Acme stated that Globex chips would continue to serve as the "
             "core of its computing resources.")
NEXA_DECLINED = "Nexa Electronics declined to comment on the matter."
CHALLENGE = "The real challenge is getting thousands of chips to stay central to compute in a data center."


@pytest.mark.parametrize("question, quotes, expected", [
    ("Did Nexa comment on Acme's chip plans?", [ACME_SAID, NEXA_DECLINED], 1),
    ("What did Nexa say about Acme?", [ACME_SAID, "Nexa is a foundry.", NEXA_DECLINED], 2),
    ("Did Nexa comment on Acme's chip plans?", [NEXA_DECLINED, ACME_SAID], None),  # the best is its own already
    ("Did Acme comment on its chip plans?", [ACME_SAID, NEXA_DECLINED], None),  # the best is the asked party's
    ("Did Nexa comment on Acme's chip plans?", [ACME_SAID, "Nexa makes chips."], None),  # no statement of Nexa's
    ("Is Nexa making Acme's chips?", [ACME_SAID, NEXA_DECLINED], None),  # not a question of what was said
    # asked which thing a party says, over a sentence that is no one's statement and not about the
    # party: the party's own statement (fifteenth round)
    ("Which chips does Acme say will stay central to its compute?", [CHALLENGE, ACME_SAID], 1),
    ("Which chips does Acme say will stay central?", ["Acme is building a data center.", ACME_SAID], None),
    ("Which chips does Acme say will stay central?", [CHALLENGE, "Nexa makes chips."], None),
    # what a party expects or believes is what it says (as "think" was)
    ("What hardware does Acme expect to keep leaning on for its compute?", [CHALLENGE, ACME_SAID], 1),
])
def test_own_statement(question, quotes, expected):
    assert own_statement(question, quotes) == expected


def test_reader_quotes_the_asked_partys_statement_over_a_sentence_of_no_one(fake_embedder, write_corpus):
    corpus = write_corpus({"acme.txt": "Acme and its compute\n\n" + CHALLENGE + " Chips stay central to compute "
                                       "when thousands of chips work together. " + ACME_SAID + "\n"})
    a = api.ask("Which chips does Acme say will stay central to its compute?", corpus=corpus)
    assert not a.abstained and "Acme stated" in a.answer
    # Below the reader's top eight: its top twelve are read for the party's statement.
    crowd = " ".join(f"Chips of kind {k} stay central to compute in data centers." for k in "ABCDEFGHIJ")
    corpus = write_corpus({"acme.txt": "Acme and its compute\n\n" + crowd + " " + ACME_SAID + "\n"}, "crowded")
    a = api.ask("Which chips does Acme say will stay central to its compute?", corpus=corpus)
    assert not a.abstained and "Acme stated" in a.answer


def test_an_introduction_ending_in_a_colon_is_quoted_with_what_it_introduces(fake_embedder, write_corpus, monkeypatch):
    from qa.reading.reader import ExtractiveReader

    # Whatever the merge model would join: the colon alone joins the two.
    monkeypatch.setattr(ExtractiveReader, "_merge_neighbour", lambda self, cands, logits, best, doc, a, b, feats=None: (a, b, None))
    corpus = write_corpus({"nexa.txt": "Nexa's orders\n\nA Korean industry official said:\n\n\"Starting from Acme's "
                                       "chip order last year, orders received by Nexa's foundry grew fast.\"\n"})
    a = api.ask("What did the Korean industry official say about Nexa's orders?", corpus=corpus)
    assert not a.abstained and a.answer.startswith("A Korean industry official said:") and "grew fast" in a.answer
    a = api.ask("What did Nexa say about Acme?", corpus=corpus)
    assert a.abstained and a.reason == ("The closest passages are about what a Korean industry official said, "
                                        "not what Nexa said.")


@pytest.mark.parametrize("text, quote, speaker", [
    ("Korean industry official", 'A Korean industry official said: "Orders grew."', True),
    ("Nexa", "Nexa said that orders grew.", True),
    ("orders grew", "Nexa said that orders grew.", False),
    ("Acme", "According to industry sources, Acme is cooperating with Nexa.", False),
])
def test_names_the_speaker(text, quote, speaker):
    from qa.reading.measured import names_the_speaker

    assert names_the_speaker(text, quote) is speaker


def test_the_asked_partys_statement_is_found_in_the_articles_read():
    # "What did Zeta say about Kelta?" over a sentence only listing Zeta among others: Zeta's own
    # statement in another sentence of the articles read answers (qa.reading.measured.said_in), when
    # what it is about is in it or the sentence before ("the matter" it declines to comment on).
    from qa.reading.measured import said_in

    listed = "Zeta, Initech and Globex have appeared in discussions about Kelta's partners."
    kelta = "In response to a request for comment, Kelta stated that its plans are unchanged."
    declined = "Zeta Electronics declined to comment on the matter."
    sentences = [(4, listed, ""), (9, kelta, listed), (10, declined, kelta)]
    assert said_in("What did Zeta say about Kelta?", sentences) == 10
    assert said_in("What did Zeta say about Orvik?", sentences) is None  # "the matter" is Kelta's
    assert said_in("What did Zeta say about its chips?", sentences) is None  # its own thing
    assert said_in("what did zeta say about kelta", sentences) is None  # caseless: read after truecasing
    assert said_in("What is Kelta's plan?", sentences) is None
    assert said_in("What did Orvik say about Kelta?", sentences) is None
    # Asked about a named party's thing in other words ("silicon" for the report's "chips"): the
    # names say what the matter is (fifteenth round).
    assert said_in("How did Zeta respond when asked about Kelta's silicon plans?", sentences) == 10
    assert said_in("How did Zeta respond when asked about Orvik's silicon plans?", sentences) is None
    assert said_in("What did Zeta say about chip prices?", sentences) is None  # no name: every word


def test_reader_abstains_on_a_count_of_another_kind(fake_embedder, write_corpus):
    # (thirty-second round, news) "how many israeli settlements are there in the west bank" got
    # "600,000" of "More than 600,000 Israelis live in settlements ...", a count of people.
    corpus = write_corpus({"valley.txt": "Settlers in the valley\n\nMore than 600,000 Norlandians live in settlements in "
                                         "the Ostra valley, alongside more than three million Sundish people.\n"})
    a = api.ask("How many Norlander settlements are there in the Ostra valley?", corpus=corpus)
    assert a.abstained and a.reason == "The articles discuss this but give no number for it.", (a.answer, a.reason)
    a = api.ask("How many Norlandians live in the Ostra valley?", corpus=corpus)
    assert not a.abstained and "600,000" in (a.short_answer or ""), (a.answer, a.reason)


def test_a_length_in_light_years_after_a_scale(fake_embedder, write_corpus):
    # (thirty-ninth round, held-out heldout-40 n11) "how wide is the simulated universe": "some 230
    # million light-years wide" is a figure in a unit, its scale between them.
    from qa.reading.units import counts_only_time

    text = "Their virtual universe, some 230 million light-years wide, contains thousands of galaxies."
    assert not counts_only_time(text, None, "length")
    assert counts_only_time("Their virtual universe contains one such galaxy.", None, "length")
    corpus = write_corpus({"sky.txt": "Kelta Simulation\n\n" + text + "\n"})
    a = api.ask("how wide is the kelta simulated universe", corpus=corpus)
    assert not a.abstained and "230 million light-years" in a.answer, a


def test_a_fraction_counts_nothing():
    # (thirty-ninth round, SQuAD 2.0 odd articles) "How many times did the plague visit Baghdad?" took
    # "two" of "two-thirds of its population"; "What was the population of Stockholm?" "a third".
    from qa.reading.units import counts_only_time

    assert counts_only_time("Sometimes two-thirds of its population has been wiped out.", "times")
    assert counts_only_time("The plague claimed a third of Stockholm's population.", None, "population")
    assert not counts_only_time("Of its 3 million cattle, two-thirds are in Victoria.", "cattle")
