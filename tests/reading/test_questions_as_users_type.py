"""Thirty-third round: a heading asking the question answers nothing; "which judge" asks for a
person's name; "What does HBM mean?" asks to spell an acronym; "60,000₩" is an amount of money; a
dateline's place is no side of a conflict (qa.reading.prefer.asks_only,
qa.reading.person_names.asks_which_person, qa.reading.acronyms, qa.reading.units,
qa.conflicts.answer_facts._junk). Each on made-up text, and through ask() on made-up articles with
the fake model."""
from __future__ import annotations

import pytest

from qa import api
from qa.reading.acronyms import asked_acronym
from qa.reading.asked_kind import KIND_REASONS, asked_kind
from qa.reading.prefer import ASKS_ONLY, asks_only
from qa.reading.answertype import states_fact
from qa.reading.units import counts_only_time


@pytest.mark.parametrize("quote, only", [
    ("Why have some Belgian fans boycotted the event?", True),
    ("Who knows? Who cares?", True),
    ("The finals begin on Monday. Why have some fans boycotted the event?", True),  # the answer is not in it
    ("Why? Because the tickets cost too much.", False),  # the answer follows the question
    ("Is it 3nm? Yes.", False),
    ("Belgian fans boycotted the event over ticket prices.", False),
    ("“What now?” he asked the crowd.", False),
])
def test_a_quote_that_only_asks(quote, only):
    assert asks_only(quote) is only


@pytest.mark.parametrize("question, kind", [
    ("Which federal judge sentenced Michael Webb to life", "someone"),
    ("What actor played Bond?", "someone"),
    ("which player scored the winning goal", "someone"),
    ("Which people first used the tactic?", None),  # a people answers ("Egyptians")
    ("What have scientists proposed?", None),  # a verb between: asks for a proposal
    ("What's the name of the MCC warden that Barr reassigned", "person"),
    ("What company makes MTIA?", "who"),  # a maker: a company answers
    ("Which owner sold the club?", None),  # a fund or a company may own it
    ("What is the owner of the club?", None),  # the person noun is not right after "what"
])
def test_which_person(question, kind):
    assert asked_kind(question) == kind


@pytest.mark.parametrize("question, quote, holds", [
    ("Which federal judge sentenced Michael Webb to life?",
     "The suspect, Michael Webb, was convicted and sentenced to life last Thursday.", False),  # only the question's name
    ("Which federal judge sentenced Michael Webb to life?", "Judge Ann Roe sentenced Michael Webb to life.", True),
    ("What author argues for the conscience?", "This is disputed by Thoreau's philosophy of the conscience.", True),  # tagged ORG
    ("Which player was criticized for not jumping into the pile?",
     "Although several players dove into the pile to attempt to recover it, Newton did not.", True),  # tagged GPE
])
def test_which_person_needs_a_name(question, quote, holds):
    from qa.reading.asked_kind import holds_asked_kind
    from qa.reading.shortanswer import _nlp
    from qa.reading.spanfeatures import _View

    assert holds_asked_kind("someone", question, [_View(_nlp()(quote))]) is holds


@pytest.mark.parametrize("question, acronym", [
    ("What does HBM mean?", "HBM"),
    ("HBM meaning", "HBM"),
    ("meaning of HBM", "HBM"),
    ("what is the full form of HBM?", "HBM"),
    ("HBM full form", "HBM"),
    ("HBM stands for?", "HBM"),
    ("What does the ruling mean?", None),  # what follows from it: no acronym
    ("What does Paris mean to her?", None),
])
def test_acronym_asked_as_users_type_it(question, acronym):
    assert asked_acronym(question) == acronym


@pytest.mark.parametrize("text, money", [
    ("VIP : 60,000₩", True),
    ("Tickets: 25€ at the door", True),
    ("The hall has 60,000 seats.", False),
])
def test_a_currency_sign_after_the_figure(text, money):
    assert states_fact("how much does a vip seat cost", text) is money
    # ... and an amount of money counts no seats.
    assert counts_only_time(text, "seats") is money


DOCS = {
    "tennis.txt": (
        "Davis Cup Finals open in Madrid\n\n"
        "The Davis Cup Finals begin on Monday with eighteen teams playing in a single week. "
        "Why have some Belgian fans boycotted the event?\n\n"
        "Belgium plays Colombia on Tuesday. Steve Darcis will lead the Belgian team.\n"),
    "court.txt": (
        "Kidnapper sentenced\n\n"
        "The suspect, Michael Webb, was convicted and sentenced to life in federal prison last Thursday. "
        "Prosecutors said the girl was found unharmed in a laundry basket.\n"),
    "memory.txt": (
        "Chip packaging\n\n"
        "AI chip projects involve wafer manufacturing, advanced packaging and high-bandwidth memory (HBM). "
        "Packaging decides how fast compute chips and HBM exchange data.\n"),
}


@pytest.fixture
def made_up(fake_embedder, write_corpus):
    return write_corpus(DOCS)


def test_a_heading_asking_the_question_is_no_answer(made_up):
    a = api.ask("why did belgian fans boycott the davis cup finals", corpus=made_up)
    assert a.abstained and a.reason == ASKS_ONLY, a


def test_which_judge_is_not_answered_by_a_sentence_naming_only_the_defendant(made_up):
    a = api.ask("Which federal judge sentenced Michael Webb to life?", corpus=made_up)
    assert a.abstained and a.reason == KIND_REASONS["someone"], a


def test_what_an_acronym_means_is_its_expansion(made_up):
    for question in ("What does HBM stand for?", "What does HBM mean?", "hbm meaning", "HBM full form"):
        a = api.ask(question, corpus=made_up)
        assert not a.abstained and "high-bandwidth memory" in (a.short_answer or ""), (question, a)


@pytest.mark.parametrize("sentence, dateline", [
    ("CLEVELAND, Ohio – The Doobie Brothers will tour in 2020.", "CLEVELAND, Ohio – "),
    ("PARIS (AP) — The French senate voted on Monday.", "PARIS (AP) — "),
    ("NASA said on Monday that the launch would slip.", None),
    ("Cleveland - the band's home - hosts the first show.", None),  # no capitals: no dateline
    ("US - China trade talks resume.", None),
])
def test_a_dateline_opening_a_report(sentence, dateline):
    from qa.conflicts.answer_facts import _DATELINE

    m = _DATELINE.match(sentence)
    assert (m.group() if m else None) == dateline


TOUR = {
    "cleveland.txt": ("Doobie Brothers to tour with Michael McDonald\n\n"
                      "CLEVELAND, Ohio – The Doobie Brothers will start their 50th anniversary tour in 2020.\n"),
    "billboard.txt": ("The Doobie Brothers set 50th anniversary tour\n\n"
                      "The Doobie Brothers will start their 50th anniversary tour at the Coral Sky Amphitheatre "
                      "in West Palm Beach on June 9.\n"),
}


def test_where_a_report_was_filed_is_no_side_of_a_conflict(fake_embedder, write_corpus):
    corpus = write_corpus(TOUR)
    a = api.ask("Where does the Doobie Brothers 50th anniversary tour start?", corpus=corpus)
    assert "CLEVELAND" not in (a.short_answer or ""), a
    assert not any("CLEVELAND" in c.summary for c in a.conflicts), a.conflicts



@pytest.mark.parametrize("question, quote, found", [
    ("What is the lowest court in the Union?", "The Court of Justice is the highest court of the Union.", ("lowest", "highest")),
    ("Which is the smallest county?", "Harris is the largest county in the state.", ("smallest", "largest")),
    ("What lies south of the river?", "North of the river lie the old docks.", ("south", "north")),
    ("What is the highest court in the Union?", "The Court of Justice is the highest court of the Union.", None),
    ("Which courts are the highest and the lowest?", "The Court of Justice is the highest court.", None),  # both asked
    ("What happened after the war?", "Before the peace, the war ruined the port.", None),  # a paraphrase swaps these
    ("Is it the lowest court?", "It is the highest court.", ("lowest", "highest")),  # the reader skips yes/no itself
    ("What are some of the minor factors in the local economy?",
     "Significant factors in the local economy include banking and logistics.", ("minor", "significant")),
    ("What cells mount a weak response to a pathogen?", "Memory cells mount a strong response to a pathogen.", ("weak", "strong")),
    ("What is a rare cytokine?", "Interferon is a common cytokine.", ("rare", "common")),
    ("What led to the city's rise?", "Floods led to the city's fall.", ("rise", "fall")),
    ("When did the store open?", "The store opened in 1990 and closed in 2000.", None),  # "open" is no pair: a verb as well
    # (thirty-seventh round) more pairs, counted on SQuAD 2.0's answers
    ("How many women did Duquesne send to the fort?", "Contrecoeur led 500 men south to the fort.", ("women", "men")),
    ("What triggers a slow killing response?", "This recognition signal triggers a rapid killing response.", ("slow", "rapid")),
    ("What did the band play in summer?", "In the winter the band played in the old hall.", ("summer", "winter")),
    ("Who was the king of Freedonia in 1900?", "The queen of Freedonia in 1900 was Anna.", ("king", "queen")),
    ("What did the band play in summer and winter?", "In the winter the band played in the old hall.", None),  # both asked
    # (thirty-eighth round) the asked word with a prefix denying it
    ("What did the health authorities regard as necessary?", "Health authorities regarded the ban as unnecessary.",
     ("necessary", "unnecessary")),
    ("What do self molecules bind to?", "Receptors bind to non-self molecules on the cell.", ("self", "nonself")),
    ("The two states are considered physically distinguishable?", "The two states are physically indistinguishable.",
     ("distinguishable", "indistinguishable")),
    ("Why must the protest be non violent?", "The protest must be non-violent, its leaders said.", None),  # asked so
    ("Who are the un-elected officials?", "The unelected officials serve the ministers.", None),
    ("When did he come to the city?", "His income grew after he moved to the city.", None),  # "in-" only before -able/-ible
    ("What happens unless the less common form is used?", "Nothing is done unless asked.", None),
    ("Which census was taken in 1900?", "The census undertaken in 1900 counted 3,000 people.", None),  # not "under-"
    ("In what year was Pontanus born?", "After Pontanus's death in 1639 his son took the post.", ("born", "death")),
    ("How many non paid holidays do workers get?", "Every worker has at least 4 weeks paid holiday.", ("nonpaid", "paid")),
    ("How are non-local networks set up?", "Local area networks are set up with hubs.", ("nonlocal", "local")),
    ("How many non paid holidays do workers get?", "Workers get no paid holiday at all.", None),  # the quote denies it
    ("What happens unless it rains?", "Less rain fell in May.", None),
    ("What happens to rock under vertical pressure?", "Under horizontal pressure, rock folds.", ("vertical", "horizontal")),
    # (thirty-ninth round) a verb asked in one tense, its opposite quoted in another
    ("Why did the raids succeed in 1755?", "The raids of 1755 all failed, due to poor management.", ("succeed", "failed")),
    ("Who did agree to sign the charter?", "The UK refused to sign the charter.", ("agree", "refused")),
    ("What are graduate courses known for?", "Undergraduate courses are known for their workload.", ("graduate", "undergraduate")),
    ("What are graduate courses known for?", "Undergraduate and graduate courses are demanding.", None),
])
def test_the_opposite_of_the_asked_word(question, quote, found):
    from qa.reading.opposites import opposite_word

    assert opposite_word(question, quote) == found


def _one_article(write_corpus, text: str):
    """A corpus of one made-up article on Freedonia's courts."""
    return write_corpus({"courts.txt": "Courts of Freedonia\n\n" + text + "\n"})


def test_the_reader_abstains_on_a_quote_saying_the_opposite(fake_embedder, write_corpus):
    corpus = _one_article(write_corpus, "The Supreme Court is the highest court of Freedonia. It sits in the capital "
                                        "and hears appeals.")
    a = api.ask("What is the lowest court of Freedonia?", corpus=corpus)
    assert a.abstained and a.reason == "The closest passages are about highest, not lowest.", a
    a = api.ask("What is the highest court of Freedonia?", corpus=corpus)
    assert not a.abstained and "Supreme Court" in a.answer, a


@pytest.mark.parametrize("question, quote, found", [
    ("What did not follow the election of the Labour Party?",
     "Following the election of the Labour Party in 1997, the country signed the charter.", ("what did not follow", "what did follow")),
    ("Which actions were not subject to review?", "All actions can be subject to judicial review.",
     ("what were not subject", "what were subject")),
    ("Which country did not join the union?", "Norway did not join the union.", None),  # the quote denies too
    ("Which country did not join the union?", "Norway refused to join the union in 1994.", None),  # ... in other words
    ("Which country did not join the union?", "Sweden voted for membership in 1994.", None),  # the asked word is not there
    # A denial elsewhere in the quote does not deny the asked word: only its clause counts ...
    ("What did the court not acknowledge?", "The court quickly acknowledged that the duty of national courts to "
     "interpret a statute cannot contradict its plain words.", ("what does not acknowledge", "what does acknowledge")),
    ("What did the government not fail to do?", "The government had failed to set up an insurance fund for workers.",
     ("what does not fail", "what does fail")),
    ("Which cities were not destroyed?", "The army destroyed every city of the plain, burning them to the ground, "
     "but the walled town of Asper was never taken.", None),  # ... but a contrast may deny it in its own clause,
    # as an exception may, or, asked "why", a reason: then a denial anywhere in the quote counts.
    ("Which cities were not destroyed by the invasion?", "Over three years the invaders destroyed all the major cities of "
     "the east with the exceptions of Novgorod and Pskov.", None),
    ("Why were the leafleters not arrested?", "Many escaped prosecution because prosecutors reasoned that if they "
     "arrested them, the leaflets would become evidence; none were charged.", None),
])
def test_asked_what_is_not_so_a_quote_saying_only_what_is(question, quote, found):
    from qa.reading.versions import denied_only

    assert denied_only(question, quote) == found


def test_the_reader_abstains_on_a_quote_without_the_asked_not(fake_embedder, write_corpus):
    corpus = _one_article(write_corpus, "All acts of the ministries are subject to judicial review by the Supreme Court "
                                        "of Freedonia.")
    a = api.ask("Which acts of the ministries are not subject to judicial review?", corpus=corpus)
    assert a.abstained and a.reason == "The closest passages are about what are subject, not what are not subject.", a
