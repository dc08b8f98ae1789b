"""Table-driven tests of answer typing and short-answer extraction (uses the spaCy model)."""
from __future__ import annotations

import json
import threading

import pytest

from qa.reading import shortanswer as sa
from qa.reading.answertype import answer_type, question_focus

TYPE_CASES = [
    ("Describe the MTIA roadmap", None),
    ("Name the memory makers partnering with Anthropic", "ORG"),  # naming is a fact, telling is not
    ("Who founded the company?", "PERSON"),
    ("Whom did the council appoint?", "PERSON"),
    ("Which player scored the winning goal?", "PERSON"),
    ("When did the factory open?", "DATE"),
    ("What year was the treaty signed?", "DATE"),
    ("In what year did Harvard President Joseph Willard die?", "DATE"),
    ("How many people died in the flood?", "NUM"),
    ("How many years did the war last?", "DURATION"),
    ("How long did the strike last?", "DURATION"),
    ("How much did Levi's Stadium cost?", "MONEY"),
    ("How much money did the startup raise?", "MONEY"),
    ("how much were the two teams fined over the fight", "MONEY"),  # not a measure
    ("how much are tickets for the band's reunion tour", "MONEY"),  # a price, not a clock time
    ("How much is the fee to enter the park?", "MONEY"),
    ("What percentage of voters backed the plan?", "PERCENT"),
    ("Where is the headquarters of the bank?", "PLACE"),
    ("What city hosted the summit?", "PLACE"),
    ("Which company bought the startup?", "ORG"),
    ("What is the name of the team that won?", "ORG"),
    ("How tall is the tower?", "QUANTITY"),
    ("What did the report recommend?", "OTHER"),
    ("Why did the talks collapse?", None),
    ("How did the company recover?", None),
    ("why is the sky blue", None),
    # a clause-opening "when" is not what is asked; what-do questions ask for no typed fact
    ("When a pathogen is eaten by a phagocyte it is trapped in what vesicle?", "OTHER"),
    ("Cost overruns occurred when the contractor did what?", "OTHER"),
    ("What does the time element in construction mean?", "OTHER"),
    ("What happened to NASA's budget after the landing?", "OTHER"),
    ("In what kind of fluid are pressure differences caused?", "OTHER"),
    ("What kind of company makes the chip?", "OTHER"),  # a category ("a Korean foundry"), not a name
    ("What type of company is Van Gend en Loos?", "OTHER"),
    ("What is the name of the company that makes the chip?", "ORG"),
    ("Which area of Khwarezmia did the army target?", "PLACE"),
    ("What is the area of the park?", "QUANTITY"),
    ("When did the war end, and what treaty ended it?", "DATE"),
    ("What is the order with Samsung worth?", "MONEY"),
    ("Over what period does the commitment run?", "DURATION"),
    ("At what interval will a new chip come out?", "DURATION"),
    ("What fraction of the investment goes to chips?", "PERCENT"),
    # an owner ("Miami's") is not the focus, except right after the wh-word or before "name"
    ("What was the given name of Miami's stadium in 2016?", "PLACE"),
    ("In what city's hotel did the team stay?", "PLACE"),
    ("At what university's facility did the team practice?", "ORG"),
    ("What was the coach's name?", "PERSON"),
    ("What strategy did Jebe's army use?", "OTHER"),
    ("Which memory maker's deal included an equity stake?", "ORG"),
    ("What increases student's motivation to learn?", "OTHER"),
    # makers, clients and rivals in the news are companies
    ("Which carmaker is named as a customer?", "ORG"),
    ("Against which rival is Samsung competing?", "ORG"),
    ("Which client's order triggered the surge?", "ORG"),
    ("Has Samsung's foundry backlog hit 50 trillion won?", "OTHER"),
    # every form of a verb of paying asks for money
    ("How much is Anthropic spending on its data center?", "MONEY"),
    ("How much is Meta investing in chips?", "MONEY"),
    ("How much power will the data center use?", "QUANTITY"),
    # a target is a value of the kind the noun before it measures
    ("what is Meta's data center power target", "QUANTITY"),
    ("What is Orvik's revenue goal for 2027?", "MONEY"),
    ("What is Orvik's sales target?", "OTHER"),  # a noun of no known kind: nothing read into it
    ("What is Orvik's data center investment?", "MONEY"),  # an investment is an amount (fourteenth round)
    # (twenty-fourth round) keywords ending in "?", "how much" after what it asks, a noun before a
    # price, a place called Fort Worth
    ("zeta lc 500 convertible price?", "MONEY"),
    ("zeta data center investment how much", "MONEY"),
    ("what's the average teacher salary in ohio", "MONEY"),
    ("what teacher won the award", "PERSON"),
    ("what is the name of the girl kidnapped in fort worth", "OTHER"),  # not MONEY ("What is X worth?")
    ("In 1990 the cup was won by?", "OTHER"),
    # (twenty-fifth round) keywords: a phrase after the thing asked qualifies it
    ("zeta aws spending commitment over ten years", "MONEY"),
    ("zeta chip launch date in 2026", "DATE"),
    ("price of the zeta lc 500", "MONEY"),
    ("date of the doctors letter asking to vaccinate migrants", "DATE"),  # not "doctors": the date is of them
    ("zeta foundry orders on the books total won amount", "MONEY"),  # not "foundry" before "on"
]


@pytest.mark.parametrize("question,expected", TYPE_CASES)
def test_answer_type(question, expected):
    assert answer_type(question) == expected


def test_question_focus_finds_the_focus_noun():
    assert question_focus("Which company bought the startup?").focus == "company"
    assert question_focus("What city did Super Bowl 50 take place in?").focus == "city"
    # The owned phrase's last noun: "rating", and "backlog", not the kind-naming "foundry".
    assert question_focus("What was Manning's passer rating?").focus == "rating"
    assert question_focus("What is Samsung's foundry backlog?").focus == "backlog"
    assert question_focus("What is Samsung's foundry backlog in Korean won?").type == "MONEY"
    assert question_focus("What is Samsung's foundry?").focus == "foundry"
    assert question_focus("What is Meta's MTIA chip made of?").focus != "made"
    assert question_focus("What is Samsung's foundry doing?").focus == "foundry"
    assert question_focus("In what city's hotel did the team stay?").focus == "city"
    # "What's" is "What is": the owner after it is not asked for as "what city's" asks for one.
    assert question_focus("What's Samsung's order backlog?").focus == "backlog"
    assert question_focus("what's meta's chip called").focus != "meta"


@pytest.mark.parametrize("question, focus", [
    # An owner described in several words, after a determiner or a copula, is whose thing is asked.
    ("What is the Korean chipmaker's backlog?", "backlog"),
    ("what is the korean chipmaker's backlog", "backlog"),
    ("What is the Kelta Electronics chipmaker's backlog?", "backlog"),  # its description read as a name
    ("What was Peyton Manning's passer rating?", "rating"),
    ("What is Kelta Electronics' backlog?", "backlog"),  # the possessive of a name ending in s
    # (sixteenth round) after "What's", an owner's name of two words, typed in any case
    ("What's Kelta Foundry's backlog?", "backlog"),
    ("what's kelta foundry's backlog", "backlog"),
    ("Which memory maker's deal is biggest?", "maker"),  # after "which", the owner is asked for
    # ... but not where the owner is asked for, or a verb may open the words.
    ("What was the coach's name?", "coach"),
    ("In what city's hotel did the team stay?", "city"),
    ("What increases student's motivation?", "increases"),
    ("What does 'chips' mean?", ""),
    ("What feature of the Shah's army enabled early victories?", "feature"),  # an owner after the focus
    ("What total installed capacity is Nexa targeting?", "capacity"),  # "total" only qualifies it
    ("What is the total?", "total"),
    # (nineteenth round) an owner of three words after "the name of" (it was "john")
    ("What is the name of John Henry Seadlund's father?", "father"),
    ("What is the name of Meta's chip?", "chip"),
])
def test_the_focus_is_not_what_only_qualifies_it(question, focus):
    assert question_focus(question).focus == focus


@pytest.mark.parametrize("question", [
    "What's Samsung's 2nm backlog?", "What was the company's profit?", "What were Kelta's earnings?",
    "What is the country's debt?", "What is the startup's valuation?",
])
def test_nouns_that_are_amounts_of_money_ask_for_money(question):
    assert question_focus(question).type == "MONEY"


SB = ("The Denver Broncos defeated the Carolina Panthers 24–10 to win Super Bowl 50 "
      "on February 7, 2016, at Levi's Stadium in Santa Clara.")
EXTRACT_CASES = [
    # "how often": a frequency, not the sentence's other phrases
    ("How often does Meta want to release new chips?", "To this end, Meta plans to establish an ultra-high-speed "
     "development system, and a new generation of chips is launched every six months.", "every six months"),
    ("How often is the AV Festival held?", "The AV Festival is a biennial festival held in Newcastle.", "biennial"),
    # a partner: the company beside the question's subject, not another name of the sentence
    ("Who did OpenAI build Jalapeño with?", "Broadcom's announcement shows that OpenAI and Broadcom released "
     "Jalapeño on June 24, 2026, also referred to as an Intelligence Processor.", "Broadcom"),
    ("When was Super Bowl 50 played?", SB, "February 7, 2016"),
    ("In which city was Super Bowl 50 played?", SB, "Santa Clara"),
    ("How much did Levi's Stadium cost to build?",
     "Levi's Stadium, which opened in 2014, cost $1.2 billion to build.", "$1.2 billion"),
    ("What percentage of voters backed the plan?",
     "In the referendum, 62% of voters backed the plan, officials said.", "62%"),
    ("How many workers did the plant employ?",
     "At its peak the plant employed 4,500 workers, according to the union.", "4,500"),
    ("Which company bought the startup?",
     "The startup was acquired by Microsoft for $2 billion in 2019.", "Microsoft"),
    ("Who is the chief executive of Acme Corp?",
     "Acme Corp's chief executive, Jane Smith, announced the merger on Monday.", "Jane Smith"),
    ("Where did the company move its headquarters?",
     "In 2018 the company moved its headquarters to Austin, Texas.", "Austin"),
    ("What year did the bridge open?",
     "The bridge, which cost 40 million pounds, opened in 1998 after long delays.", "1998"),
    # Only an amount in the currency asked for, and only a number of the thing counted.
    ("What is the backlog worth in Chinese yuan?",
     "Its backlog is expected to approach 50 trillion won (approximately RMB 221.5 billion).", "RMB 221.5 billion"),
    ("What is the backlog worth in Korean won?",
     "Its backlog is expected to approach 50 trillion won (approximately RMB 221.5 billion).", "50 trillion won"),
    ("How many units of the chip will Meta make on the 2nm node?",
     "Meta plans to mass-produce hundreds of thousands of units using advanced 2nm process technology.",
     "hundreds of thousands"),
    # An amount keeps its currency: not "approximately 50 trillion" (spaCy's MONEY entity).
    ("What is the value of Samsung's backlog?",
     "The current order backlog of Samsung's foundry business has reached approximately 50 trillion won, "
     "and operating profits are expected to be achieved in the fourth quarter of this year.", "50 trillion won"),
    # A percentage question takes a share, even one in words, over the sentence's amount of money.
    ("What percentage of the investment goes to chips?",
     "The industry expects that about half of this total investment will be used for chips, which means "
     "that its investment in semiconductor fields will reach approximately US$25 billion.", "about half"),
    # A question asking for money takes an amount of money, not the capacity beside it.
    ("Orvik data center cost",
     "Orvik also plans a data center of approximately 2 GW, with an investment expected to reach "
     "approximately US$40 billion (approximately RMB 270 billion).", "US$40 billion"),
    # A bracketed amount restating the one before it for other readers is not what the source stated.
    ("What is the size of the ASIC deal between Orvik and Nexa?",
     "According to industry sources, Orvik is cooperating with Nexa OEM to promote the design and production "
     "of next-generation ASICs worth more than 10 trillion won (approximately RMB 44.3 billion).",
     "more than 10 trillion won"),
    # asked for a target of a measured kind, the figure, not the phrase naming the measure
    ("what is Orvik's data center power target",
     "Orvik aims to build a data center with a total installed capacity of 5 gigawatts (GW) by the end of 2030.",
     "5 gigawatts"),
    # A capital "The" inside a sentence is part of a name.
    ("Which outlet first reported Anthropic's chip plans?",
     "Anthropic has begun early-stage work on developing its own AI chips and is in talks with Samsung "
     "Electronics as a potential manufacturing partner, the U.S. IT news outlet The Information reported "
     "on July 2 (local time), citing multiple sources.", "The Information"),
    # A short answer's owner in the question ("Meta's") is a question word, so it is not the answer.
    ("Who makes Meta's third-generation MTIA?",
     "According to reports, Meta’s third-generation MTIA plans to use Samsung’s leading 2-nanometer "
     "process to achieve large-scale mass production.", "Samsung"),
]


@pytest.mark.parametrize("question,stem", [("Who makes Meta's chip?", "meta"), ("What is the city’s size?", "city"),
                                           ("Who leads the NFL'S team?", "nfl")])
def test_possessive_question_words_match_the_bare_name(question, stem):
    from qa.reading.spanfeatures import question_info
    assert stem in question_info(question)["stems"]


@pytest.mark.parametrize("question,sentence,expected", EXTRACT_CASES)
def test_extract_short_answer(question, sentence, expected):
    out = sa.extract_short_answer(question, sentence)
    assert out is not None
    a, b, conf = out
    got = sentence[a:b]
    # the span must hold the expected fact and be short (at most 3 words more than expected)
    assert expected in got, got
    assert len(got.split()) <= len(expected.split()) + 3, got
    assert got == got.strip(" ,.;:") and 0.0 < conf <= 1.0


@pytest.mark.parametrize("sentence, start, kept", [
    ("the outlet The Information reported", 15, "The Information reported"),
    ("The Information reported", 4, "Information reported"),  # a sentence's first word: any "The"
    ("at the Broncos", 7, "Broncos"),
    ("xThe Information", 5, "Information"),
])
def test_a_capital_the_inside_a_sentence_stays_with_the_name(sentence, start, kept):
    assert sentence[sa._with_title_the(sentence, start):] == kept


PROFIT = ("The backlog has reached approximately 50 trillion won, and operating profits are expected "
          "to be achieved in the fourth quarter of this year.")


@pytest.mark.parametrize("span,feature", [
    ("fourth quarter of this year", "type.exact"),  # the entity starts at "the", dropped from spans
    ("50 trillion won", "type.mismatch_ent"),        # straddles the MONEY "approximately 50 trillion"
])
def test_entity_labels_count_entities_that_cover_most_of_the_span(span, feature):
    q = "When is the business expected to turn an operating profit?"
    feats = {PROFIT[a:b]: f for a, b, f in sa.candidates(q, PROFIT)}
    assert feats[span].get(feature) == 1.0, feats[span]
    got = sa.extract_short_answer(q, PROFIT)
    assert PROFIT[got[0]:got[1]] == "fourth quarter of this year"


@pytest.mark.parametrize("question,sentence", [
    ("Why did the talks collapse?", "The talks collapsed because neither side would move."),
    ("How did the company recover?", "The company recovered by cutting costs in 2009."),
    ("Who won?", ""),
    ("Tell me about Jalapeño", "Jalapeño has been released and entered testing in 2026."),
    ("Compare Meta's and Anthropic's data center plans",
     "Similar to Meta, Anthropic plans a self-owned AI data center of approximately 1 GW."),
    # (seventeenth round) an account of how two things differ, not "internal cloud platforms"
    ("what is the difference between gpus and asics", "ASICs will not immediately replace GPUs, but they will take "
     "on more computing power in specific inference tasks and internal cloud platforms."),
    ("What are the main differences between Zeta and Nova?", "Zeta trains models in 2026, while Nova serves them."),
    # (eighteenth round) what is said is the quote itself, not "local time"
    ("what do reports say about acme and globex", "Acme is in talks with Globex, according to reports on Monday, "
     "local time."),
    ("What did analysts think of Zeta?", "Analysts said Zeta trains models in 2026."),
    # (nineteenth round) how two things are tied, not "latest generation"
    ("what does foundrix have to do with zeta", "While the first two generations of Zeta were mainly produced by "
     "Foundrix, the latest generation has shifted to collaboration with Nexa."),
    # keywords asking for a time are answered by one, not by the noun restated
    ("acme chip timeline", "Acme has not disclosed performance metrics, partner lists, or mass production timelines."),
    # names alone ask for no fact: not "Trainium and Inferentia" for "google tpu"
    ("Globex NPU", "Globex has NPU, Acme has Quasar and Pulsar, Initech is advancing Zeta."),
    ("Zeta", "Initech and Hooli released Zeta on June 24, 2026."),
])
def test_no_short_answer_for_explanations(question, sentence):
    assert sa.extract_short_answer(question, sentence) is None


@pytest.mark.parametrize("question,sentence,short", [
    # (eighteenth round) not "9" of "787-9": a span cutting a hyphenated word names part of a designation;
    # the count before a partitive "of" counts the noun after it
    ("How many Dreamliners did Emirates buy?", "Dubai's carrier Emirates Airline finalized a deal to purchase 30 of "
     "Boeing's 787-9 Dreamliner jets, executives announced Wednesday.", "30"),
    ("How many jets did Globex order?", "Globex ordered 12 of the A350-900 jets at the show.", "12"),
    # the counted noun six words on, after "of Initech 's" (spaced as the page wrote it)
    ("How many Zetas did Globex buy?", "Globex Airline finalized a deal to purchase 30 of Initech 's 787-9 Zeta jets, "
     "executives of both companies announced Wednesday at the air show.", "30"),
    # (nineteenth round) nor a count cut from the word multiplying it
    ("How many masks did Arden give out?", "Through schools, we have started distributing 50 lakh masks today.",
     "50 lakh"),
])
def test_a_count_is_no_part_of_a_model_number(question, sentence, short):
    got = sa.extract_short_answer(question, sentence)
    assert got is not None and sentence[got[0]:got[1]] == short


def test_keywords_asking_for_a_time_get_one():
    got = sa.extract_short_answer("zeta deployment timeline", "Acme will begin deploying Zeta by the end of 2026.")
    assert got is not None and "2026" in "Acme will begin deploying Zeta by the end of 2026."[got[0]:got[1]]


def test_a_difference_of_a_measure_is_a_fact():
    got = sa.extract_short_answer("What was the age difference between Newton and Manning?",
                                  "Manning was 39, and the age difference between him and Newton was 13 years.")
    assert got is not None


def test_best_short_answer_prefers_the_sentence_with_a_fitting_candidate():
    sents = ["The mayor spoke about the stadium at length.",
             "Construction of the stadium cost $1.3 billion, city records show."]
    out = sa.best_short_answer("How much did the stadium cost?", sents, [1.0, 0.95])
    assert out is not None
    k, a, b, _ = out
    assert k == 1 and "$1.3 billion" in sents[1][a:b]
    assert sa.best_short_answer("Why was it built?", sents, [1.0, 0.9]) is None


def test_offsets_follow_the_sentence_text_with_unicode():
    s = "Le café’s owner, Zoë Müller, said revenue rose 12% in 2023."
    a, b, _ = sa.extract_short_answer("What percentage did revenue rise?", s)
    assert s[a:b] == "12%"


def test_model_json_is_plain_and_consistent():
    if not sa.MODEL_PATH.exists():
        pytest.skip("no learned model stored; hand weights are used")
    raw = json.loads(sa.MODEL_PATH.read_text(encoding="utf-8"))
    assert len(raw["features"]) == len(raw["coef"]) == len(set(raw["features"]))
    assert all(isinstance(c, (int, float)) for c in raw["coef"])
    assert set(raw["joint"]) == {"sent_w", "cand_w"}
    assert set(raw["kinds"]) <= set(sa.KINDS)
    assert {"logit", "prob", "bias"} <= set(raw["calibration"])


def test_confidence_is_higher_where_a_fitting_span_exists():
    q = "How much did the stadium cost?"
    with_money = sa.extract_short_answer(q, "The stadium cost $1.3 billion to build.")
    without = sa.extract_short_answer(q, "The stadium was praised by the mayor and the fans.")
    assert with_money is not None and without is not None
    assert with_money[2] > without[2]


def test_concurrent_calls_agree():
    q, s = EXTRACT_CASES[0][0], EXTRACT_CASES[0][1] + " Extra clause for a fresh parse."
    results = []
    threads = [threading.Thread(target=lambda: results.append(sa.extract_short_answer(q, s)))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and len(set(results)) == 1


@pytest.mark.parametrize(
    "question, asks",
    [
        ("How many chips did Acme ship?", True),
        ("How much did Micron invest in Anthropic?", True),
        ("When will the chip enter mass production?", True),
        ("When does immunodeficiency occur?", False),  # a condition, not a date
        ("When large groups boycott a system, it can be considered what?", False),
        ("In what year was the plant opened?", True),
        ("What percentage of schools teach Welsh?", True),
        ("In what area is mentorship most valued?", False),  # a focus noun that only may be a figure
        ("What value does the split depend on?", False),
        ("Who founded Acme?", False),
        ("What is the backlog worth in US dollars?", True),  # an amount in a named currency
        ("Why did the price fall in euros?", False),
        # (twenty-fifth round) a price or a salary is a figure
        ("What's the starting price of the 2020 Zeta Sentra?", True),
        ("What is the average teacher salary in Ohio right now?", True),
        # (twenty-sixth round) the value of an order or a deal is an amount; a value alone may not be
        ("acme chip order value", True),
        ("What was the value of Globex's contract with Acme?", True),
        ("What is the value of education?", False),
        # (thirty-first round) a number of things is a figure; "what do they have to pay for" may ask
        # what they pay for ("some extra costs", SQuAD): money is its type, and no amount is required
        ("number of people surveyed in the study", True),
        ("What type of number generators use primes?", False),
        ("Since students do not pay tuition, what do they have to pay for schooling?", False),
        # a unit of measure asked in ("size in gigawatts of the data center anthropic plans"): a figure
        ("size in gigawatts of the data center acme plans", True),
        ("What is the area of the park in square miles?", True),
        ("What was the film in 1990?", False),
        # (thirty-second round) "when does X start / expire" asks a date, as "when will" does; keywords
        # with a clause after their kind word ask for that kind ("exact date the ... license expires",
        # not "general" of "general license")
        ("when does the trial of the two jail guards start", True),
        ("When does the rainy season begin?", True),
        ("When do treaties apply?", False),
        ("exact date the acme temporary general license now expires", True),
        ("year the acme plant opened", True),
        # (thirty-fifth round) a score, a cost, a share, a valuation ask for a figure; a rate or a time may not
        ("acme 3 review score", True),
        ("What was the final score of the cup final?", True),
        ("What was the average cost of a 30-second ad?", True),
        ("acme foundry market share compared with globex", True),
        ("what is acme valued at after its series h round", True),
        ("What is the name of the company valued at $5 billion?", False),  # the valuation is given
        ("What is Acme's heart rate monitor called?", False),
        ("What did Acme share with investors?", False),  # a verb
        ("What is the size of the ASIC deal between Zeta and Acme?", False),  # the size of a deal is money, typed QUANTITY
        ("What was the population of Zetaville in 2010?", True),
        ("What is the average temperature in Zetaville in July?", True),
        ("What area of Zetaville was flooded?", False),  # a region, not a figure
    ],
)
def test_asks_fact_only_when_the_question_words_ask_for_a_figure_or_date(question, asks):
    from qa.reading.answertype import asks_fact

    assert asks_fact(question) is asks


@pytest.mark.parametrize(
    "question, text, states",
    [
        ("When was Warsaw razed?", "During the Second World War, Warsaw was razed.", True),
        ("When does the fair take place?", "The fair takes place on the Town Moor every June.", True),
        ("When was immunity first described?", "It was first described in Athens in 430 BC.", True),
        ("When will the chip enter production?", "The project remains in early planning stages.", False),
        # An opening "While" sets two things side by side; inside a sentence it may date something.
        ("When will Nexa mass-produce the chip?", "While the first chips were made by Orbit, Nexa will make the next.", False),
        ("When did he write the novel?", "He wrote the novel while living in Paris.", True),
        ("How many chips were shipped?", "During the war, chips were shipped.", False),  # not a when-question
        ("How many lakes are there in Warsaw?", "There are also several lakes in Warsaw.", True),
        ("How many lakes are there in Warsaw?", "Warsaw has lakes and parks.", False),
        ("What percentage of schools teach Welsh?", "In 2008, 22 per cent of schools taught it.", True),
        ("What share of the investment goes to chips?", "About half of this total will be used for chips.", True),
        ("What percentage of sales came late?", "Sales grew in the second half of the year.", False),
        ("How much money was Francovich allowed to claim?", "He could claim 6 million Lira.", True),
        ("How much money did Anthropic raise?", "Three memory makers took part in the round.", False),
        # Asked in a currency: only an amount in that one answers.
        ("What is the backlog worth in US dollars?", "The backlog is about 50 trillion won.", False),
        ("What is the backlog worth in US dollars?", "The backlog is about $36 billion.", True),
        ("What is the backlog worth in Chinese yuan?", "It nears 50 trillion won (about RMB 221.5 billion).", True),
        ("What is the backlog worth in Chinese yuan?", "It nears 50 trillion won.", False),
    ],
)
def test_states_fact(question, text, states):
    from qa.reading.answertype import states_fact

    assert states_fact(question, text) is states


@pytest.mark.parametrize(
    "question, currency",
    [
        ("What is the order worth in US dollars?", "US dollars"),
        ("How many dollars did the stadium cost?", "US dollars"),
        ("What is the backlog worth in Chinese yuan?", "yuan"),
        ("How much is that in RMB?", "yuan"),
        ("What is it worth in Korean won?", "won"),
        ("How much did it raise in euros?", "euros"),
        ("Who won the Super Bowl?", None),  # the verb
        ("What did the team win in 2015?", None),
        ("What will the trophy weigh in pounds?", None),  # weight, not money
        ("How much did the order cost?", None),  # money, in no named currency
        ("Who was paid in euros?", None),  # asks for a person
        ("When did Germany switch into euros?", None),  # asks for a date
        ("Who invested in dollar-denominated bonds?", None),
        ("How many South Korean won medals?", None),  # the verb again
        ("What is the yuan equivalent of the deal?", "yuan"),
        ("What is the dollar value of the backlog?", "US dollars"),
        ("How big is the backlog in yuan?", "yuan"),  # the size of an amount (fourteenth round)
    ],
)
def test_asked_currency(question, currency):
    from qa.reading.answertype import asked_currency, question_focus

    assert asked_currency(question) == currency
    if currency is not None:
        assert question_focus(question).type == "MONEY"


@pytest.mark.parametrize(
    "text, currency, states",
    [
        ("about 50 trillion Korean won", "won", True),
        ("approximately 50 trillion won", "won", True),
        ("Samsung won the order", "won", False),
        ("US$ 5 million", "US dollars", True),
        ("36 billion dollars", "US dollars", True),
        ("the dollar fell", "US dollars", False),
        ("RMB 44.3 billion", "yuan", True),
        ("€2bn", "euros", True),
        ("5 USD", "US dollars", True),
        ("100 million CNY", "yuan", True),
        ("HK$5", "US dollars", False),  # Hong Kong dollars
        ("Kim, 25, won gold", "won", False),
    ],
)
def test_states_currency(text, currency, states):
    from qa.reading.answertype import states_currency

    assert states_currency(currency, text) is states


@pytest.mark.parametrize(
    "question, text, found",
    [
        ("How many Trainium3 chips does Anthropic use?", "It will use up to 1 million Trainium2 chips.", ("Trainium3", "Trainium2")),
        ("How many Trainium3 chips does Anthropic use?", "It uses Trainium2 and Trainium3 chips.", None),
        ("When did Meta's fourth-generation MTIA launch?", "Since the third generation launched this year",
         ("the fourth generation", "the third generation")),
        ("When did the third-generation MTIA launch?", "The third generation launched this year.", None),
        ("What does GPT-5 cost?", "OpenAI sells GPT-5 and GPT-4.", None),
        ("What does GPT-5 cost?", "The company did not say.", None),  # no version of anything
        ("What does the H100 cost?", "Nvidia sells the H200.", None),  # one-letter bases are left out
        ("How many Trainium3 chips?", "Trainium 3 will replace the Trainium2 chips.", None),  # written apart
        ("When did the fourth-generation MTIA launch?", "The 4th-generation MTIA followed the third generation.", None),
        ("What happened in mid-2025?", "In mid-2024 it did.", None),  # a period, not a product
        ("Who won Super Bowl 50?", "Super Bowl XLIX was won by the Patriots.", None),  # "Bowl 50" has a space
        ("What is COVID-19?", "COVID-19 is a disease.", None),
    ],
)
def test_other_version(question, text, found):
    from qa.reading.versions import other_version

    assert other_version(question, text) == found


def test_a_maker_question_takes_the_named_maker():
    # "who designed" asks for a company or a person: not the noun phrase "manufacturing tape-out".
    q = "who designed Nexa?"
    s = "Mirae and Orvik Systems stated that this chip went from initial design to manufacturing tape-out in 9 months."
    a, b, _ = sa.extract_short_answer(q, s)
    assert "Orvik" in s[a:b] or "Mirae" in s[a:b], s[a:b]


def test_a_count_in_units_answers_how_many_things():
    # News counts products in "units": that count, not the "two" of "the first two generations".
    q = "how many Nexa chips will Orvik make?"
    s = ("While the first two generations of Nexa were made by Kelta, the latest shifted to Orvik, "
         "planning to mass-produce hundreds of thousands of units.")
    a, b, _ = sa.extract_short_answer(q, s)
    assert "hundreds of thousands" in s[a:b], s[a:b]
    # ... but a measure is not counted in units
    from qa.reading.units import counts_any_thing, is_measure
    assert is_measure("gigawatt") and not is_measure("chip") and counts_any_thing(["100", "unit"])


def test_how_often_has_no_short_answer_in_a_sentence_stating_no_frequency():
    # Else its phrases would outscore a sentence saying "every four years" in the re-rank.
    assert sa.extract_short_answer("How often are elections held?",
                                   "In November 2006, the Legislative Council election was held.") is None


def test_a_short_answer_is_not_the_asked_thing_itself():
    # "total installed capacity" restates what "What is the capacity ...?" asks; the figure answers.
    q = "What is the capacity of Nexa's data center?"
    s = "Nexa aims to build a data center with a total installed capacity of 5 gigawatts (GW) by the end of 2030."
    a, b, _ = sa.extract_short_answer(q, s)
    assert s[a:b] == "5 gigawatts"
    # ... but a kind of the asked thing answers "what kind of"
    from qa.reading.spanfeatures import question_info

    assert question_info("What kind of government does Nexa have?")["kind_of"]
    assert question_info("Which areas were least vulnerable to disease?")["kind_of"]  # "most isolated areas"
    assert question_info("What are numbers divisible by 3 called?")["kind_of"]  # "composite number"
    assert not question_info("What is the capacity of Nexa's data center?")["kind_of"]


def test_no_candidate_span_ends_inside_parentheses():
    from qa.reading.spanfeatures import KINDS, span_candidates

    s = "Nexa aims to build a data center with a total installed capacity of 5 gigawatts (GW) by the end of 2030."
    spans = [s[a:b] for a, b, _ in span_candidates("What is Nexa building?", s, sa._nlp()(s), KINDS)]
    assert any("(GW)" in x for x in spans) and all(x.count("(") == x.count(")") for x in spans)


@pytest.mark.parametrize("sentence, span, expected", [
    ('enter the "cloud service" business, that is', 'cloud service" business', '"cloud service" business'),
    ('enter the "cloud service" business, that is', '"cloud service', '"cloud service"'),
    ("a “cloud service” business", "cloud service” business", "“cloud service” business"),
    ('the "cloud service" business', '"cloud service"', '"cloud service"'),  # closed: left alone
    ("the cloud service business", "cloud service", "cloud service"),
])
def test_a_short_answer_takes_in_the_quotation_mark_it_leaves_open(sentence, span, expected):
    from qa.reading.asked_spans import quotes_closed

    a = sentence.index(span)
    x, y = quotes_closed(sentence, a, a + len(span))
    assert sentence[x:y] == expected


@pytest.mark.parametrize("question, sentence, only", [
    ("When will Orion's robot be ready?", "Orion has begun work on a robot, the Boston Globe reported on July 2.", True),
    ("When is Orion's robot expected to ship?", "Orion began work on a robot, the company said on Monday.", True),
    # A date of the event itself answers.
    ("When will Orion's robot be ready?", "Orion plans to ship the robot by the end of 2027, the company said on Monday.", False),
    # Asked when it was reported, or with no date at all: not this check's.
    ("When did the Globe report on Orion's robot?", "Orion has begun work on a robot, the Boston Globe reported on July 2.", False),
    ("When will Orion's robot be ready?", "Orion has begun work on a robot.", False),
    # The date of another thing that happened: a release is no mass production.
    ("When will the Zeta chip be mass produced?", "Acme released the Zeta chip on June 24, 2026.", True),
    ("When will the Zeta chip be released?", "Acme released the Zeta chip on June 24, 2026.", False),  # the same verb
    ("When will the Zeta chip be mass produced?", "Acme will release the Zeta chip on June 24, 2027.", False),  # coming
    # (thirty-ninth round, own question) asked when a past thing happened: the report's date does not say
    ("When did Orion start working on robots?", "Orion has begun work on a robot, the Boston Globe reported on July 2.", True),
    ("When did Orion start working on robots?", "Orion began work on a robot in 2019, the Globe reported on July 2.", False),
    ("When was Orion's robot reported?", "Orion has begun work on a robot, the Boston Globe reported on July 2.", False),
    # ... and a past event in other words may be the asked one.
    ("When did Orion launch the robot?", "Orion released the robot on June 24, 2026.", False),
    # The date of the asked thing, whatever verb it hangs from (SQuAD 1.1, quoted right before).
    ("When did rebels seize the mosque?", "Unrest was revealed in the seizure of the mosque by rebels during November 1979.",
     False),
    ("When did he make the remarks about the game?", "In early 2012, Roger Goodell stated that the game would be big.", False),
])
def test_a_reports_date_is_no_answer_to_when_a_thing_will_happen(question, sentence, only):
    from qa.reading.spanfeatures import _View
    from qa.reading.timeshape import report_dates_only

    assert report_dates_only(question, [_View(sa._nlp()(sentence))]) is only


def test_what_the_asked_thing_is_for_does_not_name_it():
    # "an accelerator for large language model inference" says what the accelerator is for; asked
    # "which accelerator", that phrase is no answer, and the question's focus must head the "for".
    q = "Which accelerator did Nexa build with Corvin?"
    s = ("Corvin's announcement shows that Nexa and Corvin released Zentium on June 24, 2026, "
         "positioning it as an accelerator for large language model inference.")
    spans = {s[a:b] for a, b, _ in sa.candidates(q, s)}
    assert "Zentium" in spans
    assert not any(x.endswith("language model inference") and "accelerator" not in x for x in spans), spans
    # Another question, or another head of the "for", keeps the phrase.
    assert any(x.endswith("language model inference") for x in
               {s[a:b] for a, b, _ in sa.candidates("What did Nexa and Corvin release?", s)})
    t = "Nexa released Zentium, a chip built for large language model inference."
    assert any(x.endswith("language model inference") and "chip" not in x for x in
               {t[a:b] for a, b, _ in sa.candidates("Which chip is built for training?", t)})


def test_a_range_of_years_is_no_designation():
    from qa.reading.shortanswer import _cuts_designation

    s = "Globex bought 787-9 and A350-900 jets in 2004-2009 and 2013-14."
    assert _cuts_designation(s, s.index("787") + 3) and _cuts_designation(s, s.index("A350") + 4)
    assert not _cuts_designation(s, s.index("2004") + 4) and not _cuts_designation(s, s.index("2013") + 4)


@pytest.mark.parametrize("question,sentence,short", [
    # (nineteenth round) not "Anton Varga": a longer form of a name the question holds is its subject
    ("What did Varga call Lisbon?", "Lisbon’s Mayor Anton Varga turned to the radio last month to describe his "
     "city as a “slow oven.”", "slow oven"),
    # a relative of the same surname is not the subject; nor a name the question asks to define
    ("Who is Michael Jackson's sister?", "Michael Jackson's sister, Janet Jackson, sang at the show.", "Janet Jackson"),
])
def test_the_question_s_own_name_is_no_answer(question, sentence, short):
    got = sa.extract_short_answer(question, sentence)
    assert got is not None and sentence[got[0]:got[1]] == short


@pytest.mark.parametrize("question,span,subject", [
    ("what did Kejriwal call Delhi", "Arvind Kejriwal", True),
    ("what did Kejriwal call Delhi", "Delhi’s Chief Minister Arvind Kejriwal", True),
    ("who is Kepa replacing", "Kepa Arrizabalaga", True),
    ("what did Kejriwal call Delhi", "gas chamber", False),
    ("Who is Michael Jackson's sister?", "Janet Jackson", False),  # the question's run is not inside it
    ("Who was Tesla's father?", "Milutin Tesla", False),  # an owner's name: his people may bear it
    ("Which Kennedy was shot in Dallas?", "John F. Kennedy", False),  # asks for a Kennedy
    ("What is the full name of Kejriwal?", "Arvind Kejriwal", False),
    ("What is Trainium?", "AWS Trainium", False),  # says whose it is
    ("Who owns Meta's MTIA?", "Meta", False),  # the name alone: left to the overlap features
    # (thirty-ninth round, own question) an owner's other party never bears its name
    ("Who is Kelta's biggest foundry rival?", "Kelta Electronics", True),
    ("Who is Kelta's partner?", "Kelta Electronics", True),
])
def test_a_longer_form_of_the_question_s_name_is_its_subject(question, span, subject):
    assert sa._is_subject(question, span) is subject


@pytest.mark.parametrize("question, short, shown", [
    ("how old is governor kristi noem", "@govkristinoem", None),  # a figure asked: a span without one is no short answer
    ("How many lakes are there in Warsaw?", "mainly the oxbow lakes", None),
    ("How many sources did it cite?", "multiple sources", "multiple sources"),
    ("How many teams have done it?", "seventh", "seventh"),
    ("How much does it cost?", "free", "free"),
    ("How old is Julian Zane?", "47", "47"),
    ("how far along is anthropic's chip", "early-stage work", "early-stage work"),  # progress, not a figure
    ("Who designed the chip?", "Broadcom", "Broadcom"),
])
def test_the_short_answer_shown_for_a_figure_question_holds_one(question, short, shown):
    from qa.reading.shortanswer import shown_short

    assert shown_short(question, short) == shown


@pytest.mark.parametrize("question, short, shown", [
    # (twenty-sixth round) asked who, a span naming no one is no short answer
    ("who is moderating the democratic debate in atlanta", "primary voting", None),
    ("The design team is most commonly employed by who?", "contract with", None),
    ("Which Austrian minister announced the plan?", "birth house", None),
    # small letters that may name someone stay: people nouns, agents, pronouns, names, counts
    ("Who made up 19% of the student body?", "international students", "international students"),
    ("Who is most commonly the employer?", "the property owner", "the property owner"),
    ("Who may seek exemptions?", "attorney", "attorney"),
    ("Who did the reforms help?", "his supporters", "his supporters"),
    ("Who was made rich before the war?", "many imperial powers", "many imperial powers"),
    ("Who won the doubles?", "the hosts", "the hosts"),
    ("Who was elected?", "Nadal", "Nadal"),
    ("Who topped the poll?", "2 candidates", "2 candidates"),
    ("What can a teacher use to help students?", "lesson plan", "lesson plan"),  # a thing asked, not a person
])
def test_the_short_answer_shown_to_who_names_someone(question, short, shown):
    from qa.reading.shortanswer import shown_short

    assert shown_short(question, short) == shown


@pytest.mark.parametrize("question, before, short, after, shown", [
    # (twenty-second round) asked someone's age, a figure that cannot be one
    ("what age is Dan Vorel", "Vorel won ", "three", " Premier League titles over two spells", False),  # a count
    ("how old is Sam Ketter", "noted there should be “", "zero", " shame” involved", False),
    ("Kate Orrin age", "Kate Orrin, who in ", "2008", ", won the award", False),  # a year
    ("how old was Kip when Zeta signed him", "paid the £", "71.6million", " fee to the league", False),
    ("how old is the man who threatened Ilhan Omar", "Ilhan Omar (@Ilhan) November ", "19", ", 2019", False),  # a day
    ("how old is Alex Stal", "goalie Alex Stal made ", "30", " saves and Minnesota beat Buffalo", False),
    ("how old is the Zeta program", "using advanced ", "2", "nm process technology", False),  # a unit glued on
    ("what age was Jed Epps when he died", "Heads needed to roll the ", "day", " Jed Epps died", False),  # no figure
    ("how old is Julian Zane", "extradite Zane, ", "47", ", to the United States", True),
    ("How old was Newton?", "(Manning was 39, Newton was ", "26", ")", True),
    ("how old is the suspect", "police arrested a ", "55-year-old", " man", True),
    ("how old is Ana Ruiz", "Ana Ruiz, ", "29", " years old, said", True),
    ("How old were the oldest rock samples?", "to about ", "4.6 billion", " years for the highland samples", True),
    # asked who, a time alone is no one; asked when, an age is no time; a pronoun answers nothing
    ("who takes over from Dan Lee at Vexa", "Vexa CEO Dan Lee is stepping down in ", "May 2020", ".", False),
    # (twenty-fourth round) asked a place, a day is no place; a price typed as keywords with "?" asks money
    ("In which county was the plague patient hospitalized?", "reported its third case of plague on ", "Sunday",
     " after two other cases", False),
    ("where did the zeta team play", "The Zeta team played ", "last week", "", False),
    ("In which county was the plague patient hospitalized?", "was hospitalized in ", "Huade County", "", True),
    ("zeta lc 500 convertible price?", "The Zeta LC 500 Convertible will go on ", "sale", " in summer 2020.", False),
    ("zeta own data center investment how much", "a self-owned AI data center of ", "approximately 1 GW", ", with an "
     "investment scale expected to reach approximately US$50 billion", False),  # money asked before "how much"
    ("zeta own data center investment how much", "expected to reach ", "approximately US$50 billion", "", True),
    ("how much power will the zeta data center use", "a data center of ", "approximately 1 GW", "", True),
    ("zeta cup finals prize money", "sponsored by the ", "Zeta Cup Finals, which takes place 18-24 November", "", False),
    # (twenty-fifth round) a count of things is no price (the entity model tags it money); what
    # happened is told by the quote; asked a person's name, not the one the question names
    ("what's the starting price of the 2020 zeta sentra", "With more than ", "6 million", " Sentra vehicles sold, we", False),
    ("what is the zeta backlog worth", "expected to approach ", "50 trillion", " Korean won", True),
    ("what happened to hong kong's face mask ban in the courts", "has also served the ", "opposite effect", "", False),
    ("What's the name of the man who stabbed Fritz von Weizsacker", "Richard von Weizsacker, ",
     "Fritz Eckart von Weizsacker", " was stabbed", False),
    ("What is the largest general further education college in the North East?", "", "Newcastle College", "", True),
    ("How much money was Zeta allowed to claim in damages?", "was able to claim ", "6 million Lira", " in damages", True),
    ("zeta cup finals prize money", "the winners share ", "$20 million", "", True),
    ("whats the average teacher salary in ohio", "a study showing Ohio as the ",
     "state with the lowest teacher salary increases since 2002", "", False),  # a year is no amount
    ("how much does the zeta laptop cost", "it sells for ", "$1999", "", True),
    # asked when, a length of time alone is no point in time
    ("release date for the new zeta trek film", "After a ", "three-year silence", ", there has been news", False),
    ("when did zeta close the plant", "Zeta closed the plant ", "two years ago", "", True),
    ("when will the zeta plant open", "the plant opens ", "in three years", "", True),
    ("when will the zeta plant open", "the plant opens in ", "three years", "", True),
    ("Other than 7 and 13, what other year interval do zeta cicadas pupate?", "", "17 years", "", True),
    # asked who, not the one asked about or the role asked, restated (a relative may share the name)
    ("austrian minister who announced hitler's birth house will be a police station", "The house where ",
     "Adolf Hitler", " was born will be turned into a police station", False),
    ("who is the NY attorney general investigating zeta", "Zeta is being investigated by the ",
     "New York State Attorney General", ".", False),
    ("who is kip ruud's wife", "Kip Ruud and his wife ", "Ana Ruud", " attended", True),
    ("Who founded Ruud & Company?", "", "Jon O. Ruud", " founded the firm in 1926", True),  # a name the firm bears
    ("Who gave money to the Brel School of Business?", "", "David G. Brel", " gave $300 million", True),
    ("Who did Tamur Khan name as his successor?", "He named ", "Ogan Khan", " his successor", True),  # another given name
    ("Who made up 19% of the student body?", "", "international students", " made up 19%", True),  # no name
    ("who replaced kip ruud at zeta", "", "Jon Brel", " has agreed a deal to replace Kip Ruud", True),
    ("Who led the band in 1990?", "In 1990 the band was led by ", "Jim Kerr", ".", True),
    ("what date did the patient eat the rabbit", "a ", "55", "-year old man had eaten a wild rabbit", False),
    ("When did the patient eat the rabbit?", "he ate it on ", "Nov. 5", ", officials said", True),
    ("what is the name of the oxygen bar in Delhi", "So now ", "you", " know there is a bar", False),
    ("How many teams entered?", "only ", "one", " team entered", True),
    # asked how long, a figure or a unit, since when, not a name or a time of day
    ("how long since the band toured with him", "will unite with ", "former frontman Michael McDonald", " for a tour", False),
    ("how long did the final take", "ended ", "close to 2 a.m.", " on Sunday", False),
    ("how long has the radio been running", "the service has run since ", "1951", ".", True),
    ("How long will the event last?", "will run for a ", "week", " at the convention center", True),
    ("how long did the match take", "lasted ", "nearly eight hours", ".", True),
    ("how long is the show", "a ", "75-minute", " show", True),
    ("how long is the bridge", "spans ", "1,200 metres", " across the bay", True),
    ("how long has the band been touring", "for ", "decades", ".", True),
    # (twenty-third round) asked for money, a time is none
    ("zeta e-van convertible price", "will go on sale in ", "summer 2020", ".", False),
    ("how much was the fine", "both teams received ", "$250,000", " fines", True),
    ("What was the idealized value of imperialism?", "a policy of ", "idealism and philanthropy", ".", True),  # (SQuAD)
    # a dateline says where the story was filed: no answer but to a question asking for a place
    ("what team does Zach Parise play for", "", "BUFFALO, N.Y.", " — Hours before Zach Parise's two-goal game", False),
    ("what city hosted the finals", "\n", "MADRID", " — Rafael Nadal kept Spain's hopes alive", True),
    ("who reported the deal", "", "NASA", " said on Tuesday that the deal was signed", True),
])
def test_a_short_answer_of_the_wrong_kind_is_not_shown(question, before, short, after, shown):
    from qa.reading.shortanswer import shown_short

    assert (shown_short(question, short, before, after) == short) is shown


@pytest.mark.parametrize("question, sentence, time", [
    # (twenty-fifth round) asked when a thing happened, the time said of the question's verb, not
    # of another verb of the sentence
    ("when was the plague case reported in zetania", "A case of the bubonic plague was reported in Zetania over the "
     "weekend — after two people there were diagnosed with the pneumonic plague last week.", "weekend"),
    ("When were the two people diagnosed with plague?", "A case of the bubonic plague was reported in Zetania over "
     "the weekend — after two people there were diagnosed with the pneumonic plague last week.", "last week"),
    # only the sentence's main verb: not when Israel should withdraw (SQuAD)
    ("When did Zetania release a statement to tell Israelis to withdraw?", "On November 22, 1973, Zetania issued a "
     "statement demanding Israel withdraw from all of the 1967 territories.", "November 22"),
])
def test_asked_when_the_time_of_the_asked_verb(question, sentence, time):
    a, b, _ = sa.extract_short_answer(question, sentence)
    assert time in sentence[a:b], sentence[a:b]


@pytest.mark.parametrize("question, sentence, short", [
    # (twenty-sixth round) a question ending on its preposition asks for that preposition's object
    ("Who did Micron sign a deal with?", "Micron announced on June 22, 2026, a strategic agreement with Anthropic that "
     "includes memory and storage AI architecture design, supply agreements, internal adoption of Claude at Micron, "
     "and a strategic investment in Anthropic's Series H.", "Anthropic"),
    ("who did micron sign a deal with in june 2026", "Micron announced on June 22, 2026, a strategic agreement with "
     "Anthropic that includes memory and storage AI architecture design, supply agreements, internal adoption of Claude "
     "at Micron, and a strategic investment in Anthropic's Series H.", "Anthropic"),  # a time may close the question
    ("What did a 1610 royal decree limit exports of?", "A royal decree of 1610 limited all exports of salt from "
     "Varna to the Lower Harbour, giving a monopoly in the salt trade to a guild of Varna merchants.", "salt"),
    # (thirty-ninth round, own question) a date after the preposition says when, not on what ...
    ("what did zeta and kelta agree on", "Zeta announced on June 22, 2026, a strategic agreement with Kelta that "
     "includes memory design.", "!June 22, 2026"),
    # ... unless a time is asked.
    ("what day did zeta and kelta sign the deal on", "Zeta announced on June 22, 2026, a strategic agreement with Kelta.",
     "June 22, 2026"),
])
def test_a_stranded_preposition_asks_for_its_object(question, sentence, short):
    got = sa.extract_short_answer(question, sentence)
    if short.startswith("!"):
        assert got is None or short[1:] not in sentence[got[0]:got[1]], sentence[got[0]:got[1]]
        return
    assert got is not None and sentence[got[0]:got[1]] == short
