"""Who a sentence says makes a thing (qa.reading.makers): the maker now when the sentence also says
who made it before, not the owner of the thing asked about, and organisation names the small
parser labels as products. Made-up names, so that nothing is known from the seeds."""
from __future__ import annotations

import pytest

from qa.reading.asked_kind import maker_tokens
from qa.reading.makers import superseded_tokens
from qa.reading.shortanswer import extract_short_answer

from .test_kind_fit import _short, _view

SWITCHED = ("The first and second generations of Zeta's accelerator \"ZTIA\" were previously mass-produced by "
            "Globex, but since the third generation launched this year, the company has chosen Nokia Foundry as "
            "its partner.")
FRONTED = ("While the first two generations of ZTIA were mainly produced by Globex, the latest generation has "
           "shifted to collaboration with Initech, planning to mass-produce hundreds of thousands of units.")


@pytest.mark.parametrize("question, sentence, short", [
    ("Who will manufacture the third generation ZTIA?", SWITCHED, "Nokia Foundry"),
    ("Which company makes ZTIA now?", SWITCHED, "Nokia Foundry"),
    ("Who will manufacture the third generation ZTIA?", FRONTED, "Initech"),
    ("Which company makes ZTIA now?", FRONTED, "Initech"),
])
def test_the_maker_now_not_the_one_before(question, sentence, short):
    assert _short(question, sentence) == short


def test_a_sentence_without_a_contrast_supersedes_nothing():
    v = _view("Globex previously made ZTIA chips for Zeta in its Texas plant.")
    assert superseded_tokens("Who makes ZTIA chips?", v) == set()
    v = _view(FRONTED)
    old = superseded_tokens("Who makes ZTIA chips?", v)
    assert "Globex" in {v.text[i] for i in old} and "Initech" not in {v.text[i] for i in old}
    assert superseded_tokens("Who made the first ZTIA chips?", v) == set()


def test_the_owner_of_the_thing_asked_about_is_not_its_maker():
    s = "According to reports, Zeta’s third-generation ZTIA plans to use Nokia’s leading 2-nanometer process."
    v = _view(s)
    assert "Zeta" not in {v.text[i] for i in maker_tokens("Who will manufacture the third generation ZTIA?", v)}
    a, b, _ = extract_short_answer("Who will manufacture the third generation ZTIA?", s)
    assert s[a:b].startswith("Nokia")


def test_a_name_ending_in_an_organisations_word_is_a_maker_whatever_its_label():
    s = ("The first and second generations of the ZTIA accelerator were previously mass-produced by TSMC, but "
         "since the third generation launched this year, the company has chosen Nova Foundry as its partner.")
    v = _view(s)
    assert [label for a, b, label in v.ents if "Foundry" in v.text[a:b]] == ["LOC"]  # the small model's reading
    assert {"Nova", "Foundry"} <= {v.text[i] for i in maker_tokens("Who will manufacture the third generation ZTIA?", v)}


@pytest.mark.parametrize("question, asks", [
    ("Where will Zeta's ZTIA chips be made?", True),
    ("where are ztia chips manufactured", True),
    ("Where does Initech build its 2nm chips?", True),
    ("Where was the treaty signed?", False),
    ("Where is Initech's headquarters?", False),
    ("Who makes ZTIA chips?", False),  # a maker question of its own kind (asked_kind.asks_maker)
    ("Where will ZTIA be mass-produced?", True),
    ("where are ztia chips mass produced", True),
])
def test_where_a_thing_is_made(question, asks):
    from qa.reading.makers import asks_where_made

    assert asks_where_made(question) == asks


@pytest.mark.parametrize("sentence, short", [(SWITCHED, "Nokia Foundry"), (FRONTED, "Initech")])
def test_where_a_thing_will_be_made_is_answered_by_its_maker_now(sentence, short):
    # The maker answers "where" as the place of its plant would; and "will be made", "are made"
    # ask about now, so the maker before is superseded as for "Who makes ...?".
    for question in ("Where will Zeta's ZTIA chips be made?", "Where are ZTIA chips produced?"):
        assert _short(question, sentence) == short, question
    assert superseded_tokens("Where are ZTIA chips made?", _view(FRONTED))
    assert superseded_tokens("Who made ZTIA chips?", _view(FRONTED)) == set()


def test_the_place_of_the_plant_still_answers_where():
    s = "Initech makes ZTIA chips for Zeta at its plant in Austin, Texas."
    a, b, _ = extract_short_answer("Where are Zeta's ZTIA chips made?", s)
    assert "Austin" in s[a:b]


@pytest.mark.parametrize("sentence, name, tied", [
    ("Zorbex and Initech stated that the chip went from design to manufacturing tape-out in nine months.", "Initech", False),
    ("Zorbex released the ZTIA accelerator on June 24, naming it an Intelligence Processor.", "Zorbex", False),
    ("Initech manufactures the ZTIA accelerator for Zeta.", "Initech", True),
    ("The ZTIA accelerator is fabricated by Initech Corp.", "Initech", True),
    ("Zeta's ZTIA plans to use Nokia's leading 2-nanometer process.", "Nokia", True),
    ("Zeta is advancing collaboration with Initech Corp. to design and produce next-generation accelerators.", "Initech", True),
    ("Zeta is advancing collaboration with Initech Corp. on its software roadmap.", "Initech", False),
    # The word of making is one of what "with" joins: nothing is made with Kovra.
    ("If a single chip's performance cannot integrate with packaging, Kovra, and system architecture, it is "
     "difficult to deliver stable computing output in data centers.", "Kovra", False),
])
def test_asked_where_made_a_company_answers_only_as_its_maker(sentence, name, tied):
    from qa.reading.makers import makes_there

    v = _view(sentence)
    at = next(i for i in range(v.n) if v.text[i] == name)
    assert makes_there(v, at, at + 1) == tied
    question = "Where is the ZTIA accelerator made?"
    assert (name in {v.text[i] for i in maker_tokens(question, v)}) == tied


@pytest.mark.parametrize("sentence, holds", [
    # A company that only announces, and places where no making happens, say nothing of where.
    ("Zorbex and Initech stated that the chip went from design to manufacturing tape-out in nine months, "
     "with samples already running in the lab.", False),
    ("The ZTIA accelerator has been released, but it is not yet in large-scale commercial use.", False),
    ("The ZTIA accelerator is produced at a plant outside the city.", True),
    ("Initech manufactures the ZTIA accelerator for Zeta.", True),
])
def test_where_made_is_answered_only_by_a_place_or_maker_of_the_making(sentence, holds):
    from qa.reading.asked_kind import holds_asked_kind

    assert holds_asked_kind("where", "Where is the ZTIA accelerator made?", [_view(sentence)]) == holds


def test_a_place_a_thing_is_used_in_is_no_place_of_any_where():
    # "in use", "in production": states, not places, whatever the question.
    from qa.reading.asked_kind import holds_asked_kind

    s = "The ZTIA accelerator has been released, but it is not yet in large-scale commercial use."
    assert not holds_asked_kind("where", "Where is the ZTIA accelerator?", [_view(s)])


@pytest.mark.parametrize("question, asks", [
    ("Which foundry manufactures Zeta's ZTIA chip?", True),
    ("Who makes ZTIA chips?", True),
    ("which company will mass-produce the ztia", True),
    ("Who designed ZTIA with Zeta?", False),  # designing is not making: a partner question
    ("Who makes up the ZTIA team?", False),
    ("Who was made head of the ZTIA team?", False),  # the one made something
    ("Which company funds Zeta?", False),
    ("Who packages Zeta's chips?", True),
    # (twenty-second round) making it with someone asks for a partner
    ("Which company is building ZTIA with Zeta?", False),
    ("which company is zeta making ztia with", False),
    # (twenty-fourth round) "who's" as typed ("whos" is read as "who's")
    ("who's making zeta's new chips", True),
    ("who’s building the ztia", True),
    ("who's made up the ztia team", False),
])
def test_who_makes_a_thing_by_a_verb_of_making(question, asks):
    from qa.reading.makers import asks_who_makes

    assert asks_who_makes(question) == asks


def test_asked_who_makes_a_thing_a_company_that_only_names_it_does_not_answer():
    # "... released ZTIA, also referred to as an Intelligence Processor": a name of the thing, tagged
    # ORG, is no maker; a company tied to making it is.
    from qa.reading.asked_kind import holds_asked_kind

    named = _view("Broadcom released the ZTIA accelerator on June 24, also referred to as an Intelligence Processor.")
    assert [label for a, b, label in named.ents if named.text[a] == "Intelligence"] == ["ORG"]  # the small model's
    made = _view("The ZTIA accelerator is fabricated by Initech Corp. in large volumes.")
    for question in ("Which foundry manufactures Zeta's ZTIA chip?", "Who manufactures the ZTIA accelerator?"):
        assert not holds_asked_kind("who", question, [named]), question
        assert holds_asked_kind("who", question, [made]), question
    # Asked who designed it, a company that released it may answer (not a question of making).
    assert holds_asked_kind("who", "Who designed the ZTIA accelerator?", [named])


def test_asked_which_company_builds_a_thing_with_someone_its_partner_answers():
    # (twenty-second round) "Which company is building Jalapeño with OpenAI?" abstained: read as a
    # question of making, only a maker answered, and "developed with Broadcom" names a partner.
    from qa.reading.asked_kind import holds_asked_kind

    partner = _view("Zeta has disclosed its ZTIA inference chip developed with Initech, and Kelta is evaluating "
                    "chips of its own.")
    assert holds_asked_kind("who", "Which company is building ZTIA with Zeta?", [partner])
    assert holds_asked_kind("who", "which company is zeta making ztia with", [partner])
    assert not holds_asked_kind("who", "Which company is building ZTIA?", [partner])  # a maker asked: not a partner


def test_asked_who_makes_an_owners_thing_a_sentence_on_another_companys_does_not_say():
    # "Who makes Zeta's chips?" over a sentence about Kelta's chips: the process's owner would make
    # Kelta's, not Zeta's. A sentence whose subject is the maker, or that names Zeta, still answers.
    question = "Who manufactures Zeta's chips?"
    other = _view("Kelta is also evaluating the use of Initech's 2nm process to develop AI chips.")
    assert maker_tokens(question, other) == set()
    assert "Initech" in {other.text[i] for i in maker_tokens("Who manufactures Kelta's chips?", other)}
    maker = _view("Initech manufactures the chips at its Texas plant.")
    assert "Initech" in {maker.text[i] for i in maker_tokens(question, maker)}


def test_asked_where_a_named_maker_makes_a_thing_only_a_place_answers():
    # "Where does Initech build ...?" names the maker: another company made by ("... mainly produced by
    # Globex") is no answer; the plant's place is.
    from qa.reading.asked_kind import holds_asked_kind
    from qa.reading.makers import maker_given

    question = "Where does Initech build its 2nm chips?"
    assert maker_given(question) and not maker_given("Where are Zeta's ZTIA chips made?")
    # Passive: the subject is the thing made, not its maker.
    assert not maker_given("Where will ZTIA be produced?") and not maker_given("Where will ZTIA be mass-produced?")
    other = _view("While the first ZTIA chips were mainly produced by Globex Corp., Initech will build the next ones.")
    assert not holds_asked_kind("where", question, [other])
    assert maker_tokens(question, other) == set()
    assert holds_asked_kind("where", "Where are Zeta's ZTIA chips made?", [other])  # the maker answers there
    plant = _view("Initech builds its 2nm chips at its plant in Austin, Texas.")
    assert holds_asked_kind("where", question, [plant])
    assert "Austin" in {plant.text[i] for i in maker_tokens(question, plant)}


def test_asked_who_makes_a_thing_companies_answer_only_as_its_makers_people_still_do():
    # "Who is building Zeta's next ZTIA?": the companies Zeta leases its computing to build nothing.
    from qa.reading.asked_kind import holds_asked_kind

    question = "Who is building Zeta's next ZTIA?"
    leased = _view("Currently, Zeta is evaluating plans to lease its AI computing infrastructure to external "
                   "companies, and ZTIA is expected to serve as the core chip of this business.")
    assert not holds_asked_kind("who", question, [leased])
    assert holds_asked_kind("who", "Who leases Zeta's computing?", [leased])  # no making asked: they answer
    assert holds_asked_kind("who", question, [_view("The ZTIA chips are made by contractors in Asia.")])
    # "manufacturers" names companies too (fourteenth round): what Orvane is, not that it makes ZTIA.
    leading = _view("Orvane is one of the world's leading semiconductor manufacturers, and its advanced "
                    "capabilities make it a logical potential partner for companies pursuing custom silicon.")
    assert not holds_asked_kind("who", question, [leading])
    assert holds_asked_kind("who", question, [_view("ZTIA chips are built by contract manufacturers in Asia.")])
    # Nor do a buyer and an "airliner" (read as agent nouns) make anything (a real news page).
    buyer = _view("Kestrel Air is the number one buyer of Zeta's iconic Z380, the world's largest airliner, with 123 in its fleet.")
    assert not holds_asked_kind("who", "Who builds Zeta planes?", [buyer])
    assert holds_asked_kind("who", "Who flies Zeta planes?", [buyer])  # no making asked: the buyer answers
    # People are not restricted: "made" may be "appointed" ("Who made Temujin khan?").
    council = _view("At a Khuruldai, a council of Mongol chiefs, Temujin was acknowledged as Khan of the tribes.")
    assert holds_asked_kind("who", "Who made Temujin khan of the Mongols?", [council])


def test_asked_which_company_makes_a_chip_its_owner_answers():
    # "Amazon has Trainium": a company's own chip (it had it made); not asked where it is made.
    from qa.reading.asked_kind import holds_asked_kind

    has = _view("Google has TPU, Initech has Kelta and Inferentia, and model companies are also accelerating.")
    assert holds_asked_kind("who", "Which company makes Kelta?", [has])
    assert not holds_asked_kind("who", "Which company makes Zorva?", [has])
    assert not holds_asked_kind("where", "Where is Kelta made?", [has])


def test_a_maker_tied_to_making_is_a_company_that_makes_not_its_partner_owner_or_a_person_tag():
    from qa.reading.makers import tied_maker
    from qa.reading.ownwords import own_words

    def tied(question: str, sentence: str) -> bool:
        return tied_maker(question, _view(sentence), own_words(question))

    assert tied("Who makes Kelta?", "Kelta chips are produced by Orvane Foundry.")
    assert tied("Who makes Zeta's chips?", "Zeta's chips are made in Orvane Electronics' new fab in Texas.")
    # The owner of the thing ("Initech has Kelta") and a partner "with" whom are no makers.
    assert not tied("Who makes Kelta?", "Google has TPU, Initech has Kelta and Inferentia, and others are accelerating.")
    partner = ("For Tamsin, if projects with Zeta and Orvane Electronics continue to materialize, it will help its "
               "foundry business improve 2nm production line utilization.")
    assert not tied("Who makes Zeta's chips?", partner)
    # Asked where a named maker makes a thing: a place, not the maker again.
    assert not tied("Where does Orvane make Kelta?", "Kelta chips are produced by Orvane Foundry.")
