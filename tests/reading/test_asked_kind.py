"""A "who" or "where" question quoted a sentence that names no one or no place (qa.reading.asked_kind)."""
from __future__ import annotations

import pytest

from qa.reading.asked_kind import asked_kind, holds_asked_kind, name_tokens, named_owner


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
        ("What is OpenAI's inference chip called?", "name"),
        ("What is the name of Anthropic's custom AI chip?", "name"),
        ("What's OpenAI's chip's name?", "name"),
        ("What was Jacksonville's fire later known as?", "name"),
        ("What was the name of Theodore Roosevelt’s policy", "name"),
        # (sixteenth round) what someone calls a named owner's thing
        ("What do analysts call Kestrel and Orbit's strategy?", "name"),
        ("what did critics dub Nexa's chip", "name"),
        ("What do analysts think of Kestrel's strategy?", None),
        # a described thing without a named owner may be called by a term in small letters
        ("What's the chip's name?", None),
        ("What is the bad air theory officially known as?", None),
        ("What is MTIA?", None),  # a description answers it
        ("Who named the chip?", "who"),
        ("How often does Samsung report earnings?", "often"),
        ("how frequently are elections held", "often"),
        ("At what cadence does Acme release chips?", "often"),
        ("acme chip release cadence", "often"),
        ("What colour are the flowers of the shrub?", "colour"),
        ("what color is the Jalapeño chip", "colour"),
        ("Is the colour of the flowers pale pink?", None),  # yes/no: the quote says yes or no
        ("How many color analysts were involved with Super Bowl 50?", None),  # commentators
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
        # an activity after "in" is no place (fifteenth round); a building is one
        ("Where is Acme based?", "However, based on public information, whether Acme is involved in "
         "manufacturing has not been confirmed.", False),
        ("Where is Acme based?", "Acme works in the old building by the river bank.", True),
        ("Who is building the chips?", "The AI industry is entering a phase where building models is not enough.", False),
        ("Who passed the law?", "The Texas legislature passed it in May.", True),  # a body of people
        # a country or city something happens in names no one (twenty-ninth round); one that acts does
        ("Who is the lawyer for the tenant in the Harlow case?", "After the landlord's arrest in Spain, a "
         "lawyer for the tenant asked for the hearing to be resumed.", False),
        ("Who is the lawyer for the tenant in the Harlow case?", "After the landlord's arrest in Spain, the "
         "tenant's lawyer Ruth Ames asked for the hearing to be resumed.", True),
        ("Who imposed the sanctions?", "Last year France imposed the sanctions on the company.", True),
        # a headline's capitals name no one; its named entities still do
        ("Who left Globex for Acme", "Globex Takes the Lead, Inference Cost Pressure is More Direct", False),
        ("Who left Globex for Acme", "Acme Hires Former Globex Engineer Maria Jensen", True),
        # "name": a name beyond the question's words, a quoted term or a naming verb
        ("What is Anthropic's custom AI chip called?", "While the project is still in its early planning stages, "
         "it reflects the growing importance of custom hardware in the future of artificial intelligence.", False),
        ("What is Anthropic's custom AI chip called?", "Anthropic's chip project started in 2025 with 40 engineers.", False),
        ("What is OpenAI's inference chip called?", "OpenAI has disclosed its Jalapeño inference chip.", True),
        ("What is Harvard's basketball facility called?", "Lavietes Pavilion hosts the basketball games.", True),
        ("What is Kew's process called?", "Plants lose water vapour through a process called transpiration.", True),
        ("What is Meta's chip called?", "Meta's accelerator, “MITA”, is made by Samsung.", True),
        # "often": a word stating how often
        ("How often does Samsung report earnings?", "Samsung Electronics is a core production base of AI chips.", False),
        ("How often does Meta release chips?", "A new generation of chips is launched every six months.", True),
        ("How often are elections held?", "Elections are held biennially in the state.", True),
        ("How often do the rivers flood?", "The rivers rarely flood in summer.", True),
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


def test_reader_takes_the_sentence_that_gives_the_name(tmp_path, fake_embedder):
    # The first sentence shares more of the question's words but names nothing: quoting it would
    # abstain ("give no name"); the sentence giving the name is among the top three.
    text = ("Acme chips\n\nAcme's own inference chip initiative is expanding fast, as competition in inference "
            "chips grows. The company hired forty engineers for it.\n\nPrices of memory rose in May. Acme "
            "disclosed its Quasar inference chip in June.\n")
    a = _pipeline(tmp_path / "a", text).ask("What is Acme's inference chip called?")
    assert not a.abstained and a.answer == "Acme disclosed its Quasar inference chip in June."
    assert a.short_answer == "Quasar"


def test_reader_abstains_when_no_passage_gives_a_name(tmp_path, fake_embedder):
    text = ("Acme chips\n\nAcme's custom chip project is still in its early planning stages. It reflects the "
            "growing importance of custom hardware for the company's models.\n")
    a = _pipeline(tmp_path / "a", text).ask("What is Acme's custom chip called?")
    assert a.abstained and a.reason == "The closest passages give no name for this."


@pytest.mark.parametrize(
    "question,sentence,name",
    [
        # the name nearest the owner in the parse, not in words ("Inferentia" stands as near)
        ("What is Meta's AI chip called?", "Google has TPU, Amazon has Trainium and Inferentia, Meta is advancing "
         "MTIA, and model companies like OpenAI are evaluating custom chips.", "MTIA"),
        ("What is OpenAI's inference chip called?", "OpenAI has already disclosed its Jalapeño inference chip "
         "developed with Broadcom.", "Jalapeño"),
        ("What is Amazon's chip called?", "Google has TPU, Amazon has Trainium, Meta is advancing MTIA.", "Trainium"),
    ],
)
def test_name_tokens_take_the_name_nearest_the_owner(question, sentence, name):
    v = _views(sentence)[0]
    assert named_owner(question) in sentence
    assert " ".join(v.text[i] for i in sorted(name_tokens(question, v))) == name


def test_short_answer_is_the_owners_name(tmp_path, fake_embedder):
    text = ("Acme chips\n\nGlobex has Zenith and Orbit, Acme is advancing Quasar, and smaller companies are "
            "evaluating custom chips.\n")
    a = _pipeline(tmp_path / "a", text).ask("What is Acme's chip called?")
    assert not a.abstained and a.short_answer == "Quasar"


def test_reader_abstains_when_no_passage_says_how_often(tmp_path, fake_embedder):
    text = ("Acme results\n\nAcme reports its earnings in Seoul, where its foundry business is based. "
            "Acme releases a new chip every six months.\n")
    p = _pipeline(tmp_path / "a", text)
    a = p.ask("How often does Acme report earnings?")
    assert a.abstained and a.reason == "The closest passages say nothing of how often."
    a = p.ask("How often does Acme release a new chip?")
    assert not a.abstained and a.short_answer == "every six months"


def test_a_partner_is_not_the_subject_under_its_full_name(tmp_path, fake_embedder):
    # "Who is Acme working with on 2nm?": not "Acme Electronics", the subject itself.
    text = ("Acme partners\n\nAccording to reports, Nexa is discussing a manufacturing partnership on 2nm "
            "chips with Acme Electronics.\n")
    a = _pipeline(tmp_path / "a", text).ask("Who is Acme working with on 2nm?")
    assert not a.abstained and a.short_answer == "Nexa"


def test_a_source_is_no_place(tmp_path, fake_embedder):
    # "According to reports" is where the claim comes from, not where the chip is made.
    from qa.reading import shortanswer as sa

    s = "According to reports, Acme's next chip will use Orvik's leading 2-nanometer process to reach mass production."
    a, b, _ = sa.extract_short_answer("Where will Acme's next chip be made?", s)
    # ... and asked where a thing is made, its maker answers (qa.reading.makers.asks_where_made).
    assert s[a:b] == "Orvik"


@pytest.mark.parametrize("question,partner", [
    ("Who did OpenAI build Jalapeño with?", True),
    ("Who is Samsung working with on 2nm?", True),  # a short phrase after "with"
    ("Who did the attacks resonate with?", False),  # no verb of making or working together
    # a long phrase after "with" is the question's own matter, not a partner's slot: "the Soviet
    # Union", not the name nearest "U.S."
    ("Who did the U.S. collaborate with on an Earth orbit mission in 1975?", False),
    # the partner named after "with", the verb before it
    ("Who designed Jalapeño with OpenAI?", True),
    ("Which company worked with OpenAI on Jalapeño?", True),
    ("Who worked with him?", False),  # no name after "with"
    ("Who played with the Beatles in 1962?", False),  # no verb of making or working together
])
def test_partner_questions(question, partner):
    from qa.reading.asked_kind import asks_maker

    assert asks_maker(question) is partner



def test_reader_abstains_when_no_passage_gives_a_colour(tmp_path, fake_embedder):
    text = ("Acme chips\n\nAcme released its Quasar chip in June. The Quasar chip is built on a 2nm process "
            "and ships in a sealed package.\n")
    a = _pipeline(tmp_path / "a", text).ask("What colour is the Quasar chip?")
    assert a.abstained and a.reason == "The closest passages give no colour for this."
    text = text.replace("a sealed package", "a matte black package")
    a = _pipeline(tmp_path / "b", text).ask("What colour is the Quasar chip package?")
    assert not a.abstained and "black" in a.answer


def test_a_colour_question_takes_the_sentence_giving_a_colour(tmp_path, fake_embedder):
    """The sentence sharing most words with the question gives no colour; the runner-up giving one
    is quoted, and its colour is the short answer."""
    text = ("Cat found\n\nA cat who has been missing for five years in Portland has been found in Santa Fe. "
            "The shelter said this week that Sasha the black cat was wandering the streets.\n")
    a = _pipeline(tmp_path / "a", text).ask("What colour was the cat missing for five years and found in Santa Fe?")
    assert not a.abstained and "black cat" in a.answer and a.short_answer == "black"


def test_preferred_puts_a_sentence_giving_a_colour_first():
    from qa.reading.prefer import preferred

    q = "what colour was the cat that turned up in santa fe after 5 years missing"
    text = {0: "A cat who has been missing for five years in Portland, Oregon, has been found in Santa Fe, New Mexico.",
            1: "The Santa Fe Animal Shelter announced this week that Sasha the black cat was recently found wandering."}
    views = {i: _views(t)[0] for i, t in text.items()}
    names = {0: (1.0, 1.0, 1.0), 1: (1.0, 1.0, 1.0)}
    assert preferred(q, [0, 1], text, names, lambda: views)[0] == 1
