"""Question-aware conflicts (qa.conflicts.question) on small made-up articles: each kind of
disagreement a question can surface, the look-alikes that must not be flagged, the ambiguity note
(different entities sharing a name), and the wiring into ask() through qa.api."""
from __future__ import annotations

from pathlib import Path

import pytest

import qa
from qa import api
from qa.conflicts.question import ANSWER, QuestionConflicts, find_conflicts_for_question
from qa.conflicts.corpus_wide import find_conflicts, select_for_question
from qa.ingest.corpus import Document, parse_document
from qa.evaluation.evaluate import NAMESAKE_CATEGORY, Item, score_question
from qa.results import AMBIGUITY, NAMESAKE

from .test_conflicts import check_offsets, fake_encode


def doc(doc_id: str, *sentences: str, title: str = "A news article") -> Document:
    return parse_document(doc_id, title + "\n2026-07-03\n\n" + " ".join(sentences) + "\n")


def ask(question: str, docs: list[Document], encode=fake_encode):
    """The finder as ask() runs it: every passage of the documents, the stored conflicts among them."""
    stored = find_conflicts(docs, encode)
    passages = [(d.doc_id, a, b) for d in docs for a, b in d.content]
    found = QuestionConflicts(docs, encode).find(question, passages, stored=select_for_question(stored, passages))
    check_offsets(found, docs)
    return found


def real(found) -> list[str]:
    return [c.kind for c in found if c.kind != AMBIGUITY]


FILM = ("{title} is a 2001 American {genre} film directed by Jordan Melamed and written by Michael "
        "Bacall. It was shown at several film festivals before its release in 2003.")


@pytest.mark.parametrize("encode", [None, fake_encode], ids=["lexical", "fake-encoder"])
def test_near_copy_swapping_a_common_noun_disagrees_on_the_answer(encode):
    docs = [doc("a01", FILM.format(title="Manic", genre="drama"), title="Manic (2001 film)"),
            doc("b02", FILM.format(title="Manic", genre="comedy"), title="Manic (2001 film)")]
    found = ask('What is the genre of the film "Manic"?', docs, encode)
    assert real(found) == [ANSWER]
    assert "drama" in found[0].summary and "comedy" in found[0].summary
    assert {s.doc_id for s in found[0].statements} == {"a01", "b02"}


def test_stored_date_and_numeric_conflicts_are_kept_for_questions_asking_for_them():
    founded = [doc("a01", "Orion Foods opened its first bakery in Lyon in 1998, the founder recalled."),
               doc("b02", "Orion Foods opened its first bakery in Lyon in 2004, the founder recalled.")]
    assert "date" in real(ask("When did Orion Foods open its first bakery in Lyon?", founded))
    staff = [doc("a01", "The Tyro plant in Kansas employs 1,200 workers on three shifts, the company said."),
             doc("b02", "The Tyro plant in Kansas employs 3,500 workers on three shifts, the company said.")]
    assert "numeric" in real(ask("How many workers does the Tyro plant in Kansas employ?", staff))


def test_a_stored_conflict_off_the_question_is_not_shown():
    docs = [doc("a01", "The Tyro plant in Kansas employs 1,200 workers on three shifts, the company said.",
                "The plant was opened by the governor after a ceremony in the town square."),
            doc("b02", "The Tyro plant in Kansas employs 3,500 workers on three shifts, the company said.",
                "The plant was opened by the governor after a ceremony in the town square.")]
    assert real(ask("Who opened the plant after the ceremony in the town square?", docs)) == []


def test_entity_in_the_same_role_through_the_question():
    docs = [doc("a01", "The Harbour Bridge was designed by the engineer Anna Kowalski for the city council."),
            doc("b02", "The Harbour Bridge was designed by the engineer Marco Ferrante for the city council.")]
    found = ask("Who designed the Harbour Bridge?", docs)
    assert real(found) and ("Kowalski" in found[0].summary or "Kowalski" in found[0].statements[0].text)


def test_two_entities_sharing_a_name_are_an_ambiguity_note_not_a_conflict():
    docs = [doc("a01", "Doug Harvey (ice hockey) Douglas Harvey was a Canadian professional ice hockey "
                "player who played in the National Hockey League from 1947.", title="Doug Harvey (ice hockey)"),
            doc("b02", "Doug Harvey (umpire) Harold Douglas Harvey was an American umpire in Major League "
                "Baseball who worked in the National League from 1962.", title="Doug Harvey (umpire)"),
            # A note needs a third page that sides with one of them (two could be a page and its rewrite).
            doc("c03", "Doug Harvey (umpire) Harvey, an American baseball umpire known as God, worked in the "
                "National League from 1962 until his retirement.", title="Doug Harvey (umpire)")]
    found = ask("When did Doug Harvey start his career in the league?", docs)
    assert real(found) == []
    assert [c.kind for c in found] == [AMBIGUITY]
    assert "different entities" in found[0].summary


@pytest.mark.parametrize(
    "question, first, second",
    [
        # one source adds detail: nothing the other contradicts
        ("Where did Orion Foods open its first bakery?",
         "Orion Foods opened its first bakery in Lyon in 1998.",
         "Orion Foods opened its first bakery in Lyon in 1998, with twelve employees and one oven."),
        # the same amount in two currencies
        ("How much will Anthropic invest in data centers?",
         "Anthropic plans a data center investment expected to reach about US$50 billion in total.",
         "Anthropic plans a data center investment expected to reach about RMB 339 billion in total."),
        # a misspelled name
        ("Which accelerator was mass-produced by TSMC?",
         'The first two generations of the Meta accelerator "MTIA" were mass-produced by TSMC.',
         'The first two generations of the Meta accelerator "MITA" were mass-produced by TSMC.'),
        # different subjects that look alike
        ("What total capacity will the data center have?",
         "Meta aims to build its own data center with a total capacity of 5 GW by the end of 2030.",
         "Anthropic aims to build its own data center with a total capacity of 1 GW by the end of 2030."),
    ],
    ids=["added-detail", "two-currencies", "misspelling", "different-subjects"],
)
@pytest.mark.parametrize("encode", [None, fake_encode], ids=["lexical", "fake-encoder"])
def test_lookalikes_are_not_conflicts_through_the_question(question, first, second, encode):
    docs = [doc("a01", first), doc("b02", second)]
    assert real(ask(question, docs, encode)) == [], [c.summary for c in ask(question, docs, encode)]


def test_swap_of_the_subjects_qualifier_means_two_entities():
    def branch(city: str, year: str, doc_id: str) -> Document:
        return doc(doc_id, f"Riverside Library, {city} is a public library in {city} County.",
                   f"The Riverside Library opened its reading room in {year} after a donation.",
                   title=f"Riverside Library, {city}")

    docs = [branch("Springfield", "1921", "a01"), branch("Shelbyville", "1934", "b02")]
    found = find_conflicts_for_question("When did the Riverside Library open its reading room?", docs, fake_encode)
    assert real(found) == []


# --------------------------------------------------------------------------- ask()


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")
    return folder


MANIC = ("Manic (2001 film)\n2026-07-03\n\nManic is a 2001 American {genre} film directed by Jordan "
         "Melamed. The film stars Joseph Gordon-Levitt and Zooey Deschanel as teenagers in a psychiatric "
         "ward. It was shown at several film festivals and released in 2003.\n")


def test_ask_carries_question_conflicts(fake_embedder, tmp_path):
    corpus = write_corpus(tmp_path / "films", {"a01": MANIC.format(genre="drama"),
                                                "b02": MANIC.format(genre="comedy")})
    api.clear_cache()
    try:
        a = qa.ask("What is the genre of the 2001 film Manic directed by Jordan Melamed?", corpus=corpus,
                   index_dir=tmp_path / "index")
        p = api.get_pipeline(corpus, tmp_path / "index")
        assert p.conflict_finder is not None  # handed to the pipeline by qa.api
    finally:
        api.clear_cache()
    kinds = [c.kind for c in a.conflicts]
    assert ANSWER in kinds, [c.summary for c in a.conflicts]
    c = a.conflicts[kinds.index(ANSWER)]
    raw = {d: (corpus / f"{d}.txt").read_text("utf-8") for d in ("a01", "b02")}
    assert {s.doc_id for s in c.statements} == {"a01", "b02"}
    assert all(raw[s.doc_id][s.start:s.end] == s.text for s in c.statements)
    assert "a01" in c.summary and "b02" in c.summary


def test_namesakes_are_a_note_apart_from_the_conflicts_and_scored_apart(fake_embedder, tmp_path):
    text = ("Doug Harvey ({kind})\n2026-07-03\n\nDoug Harvey ({kind}) Doug Harvey was a {what} who "
            "started his career in the league in {year}. Doug Harvey is remembered as one of the best.\n")
    corpus = write_corpus(tmp_path / "people", {
        "a01": text.format(kind="ice hockey", what="Canadian professional ice hockey defenceman", year=1947),
        "b02": text.format(kind="umpire", what="baseball umpire in Major League Baseball", year=1962),
        "c03": text.format(kind="umpire", what="National League umpire known as God", year=1962)})
    api.clear_cache()
    try:
        a = qa.ask("When did Doug Harvey start his career in the league?", corpus=corpus,
                   index_dir=tmp_path / "index")
    finally:
        api.clear_cache()
    assert a.conflicts == [], [c.summary for c in a.conflicts]
    assert [n.kind for n in a.notes] == [NAMESAKE]
    assert a.notes[0].summary.startswith("These sources may describe different entities that share a name")
    assert a.to_dict()["notes"][0]["kind"] == NAMESAKE
    rec = score_question(Item("q", a.question, ("1947",), conflict=False), a)
    assert rec["conflict_flagged"] is False and rec["notes"] and not rec["note_expected"]
    assert "wrong note" in rec["why"]  # shown to the user, so counted: these seeds-like docs are no namesake set
    rec = score_question(Item("q", a.question, ("1947",), conflict=False, category=NAMESAKE_CATEGORY), a)
    assert rec["note_expected"] and "wrong note" not in rec["why"]
    # Namesakes and a misinformation document: the note is true, though the set's category is "conflict".
    rec = score_question(Item("q", a.question, ("1947",), conflict=True, category="conflict", namesakes=True), a)
    assert not rec["note_expected"] and rec["note_namesakes"] and "wrong note" not in rec["why"]


def test_a_conflict_entry_of_any_kind_counts_as_a_false_alarm_where_sources_agree():
    from qa.results import Answer, Citation, Conflict

    cite = Citation("d1", "t", None, 0, 4, "text", 1.0)
    a = Answer("q?", "text", None, False, None, [cite], [Conflict("entity", "s", (cite, cite))])
    rec = score_question(Item("q", "q?", ("text",), conflict=False), a)
    assert rec["conflict_flagged"] is True and "false conflict" in rec["why"]


def test_articles_on_other_subjects_that_mention_the_name_are_neither_a_conflict_nor_a_note():
    # Each answer sentence is said of its own subject (Globex's chip, Initech's chip): two
    # statements that read alike, no evidence of two entities called "Acme".
    docs = [doc("a01", "Acme Corp said its new inference chip, called Falcon, will ship to data centres in May.",
                title="Acme unveils an inference chip"),
            doc("b02", "Globex said its own inference chip, called Osprey, will rival the chips of Acme Corp.",
                "Initech and Globex plan to ship inference chips next year.", title="Globex joins the chip race")]
    found = ask("What is Acme Corp's new inference chip called?", docs)
    assert found == [], [c.summary for c in found]


def test_a_headline_in_capitals_gives_no_name_to_disagree_on():
    from qa.conflicts.answer_facts import DocFacts, Value, _junk
    from qa.conflicts.headings import shouted as _shouted

    assert _shouted("ANTHROPIC ENTERS THE AI CHIP RACE: WHY CUSTOM HARDWARE COULD BECOME")
    assert not _shouted("Meta's MTIA is made by TSMC and Samsung Foundry (SF2) in Korea.")
    f = DocFacts.of(doc("b02", "GLOBEX ENTERS THE CHIP RACE AS ACME STUMBLES.",
                        "Globex said on Monday that Acme would ship in May.", title="Chips"), None)
    shouted, plain = f.sents
    k = next(i for i, t in enumerate(shouted.tokens) if t.key == "acme")
    # One capitalised word of the headline ("ACME") is no more a name than "ENTERS" is.
    assert _junk(Value("name", "acme", "ACME", k, k + 1), shouted)
    assert all(_junk(v, shouted) for v in f.values[0])
    assert not any(_junk(v, plain) for v in f.values[1])  # "Acme", "Monday" in a plain sentence


def test_i_and_a_letter_glued_to_a_figure_are_no_names():
    # (issue #20, nineteenth round) "I’m" opening a quote and "K" of "$449K" disagreed as the two
    # sources' answers to "what is South Dakota's new anti-drug slogan".
    from qa.conflicts.answer_facts import DocFacts, _junk

    f = DocFacts.of(doc("a01", "One video shows adults and children saying, “I’m on meth.”",
                        "Kestrel State spends $449K on a new campaign run by Harlow Media.", title="Slogans"), None)
    said, spent = f.sents
    names = lambda k, s: [v.text for v in f.values[k] if v.kind == "name" and not _junk(v, s)]  # noqa: E731
    assert names(0, said) == [] and names(1, spent) == ["Kestrel State", "Harlow Media"]


@pytest.mark.parametrize("question, cause", [
    ("what could make kelta stick mainly with outside chips even if it builds its own", True),
    ("What caused the delay?", True), ("what led Varna to win the order", True), ("What made Ohio Country safe?", True),
    ("What makes up 11.6% of the city?", False),  # what it is made of: a name may answer
    ("What forces are responsible for it?", False), ("What is the cause?", False), ("Which company made the chip?", False),
])
def test_asks_cause(question, cause):
    from qa.reading.reasons import asks_cause

    assert asks_cause(question) == cause


def test_a_cause_asked_is_no_name_each_source_gives():
    # (thirty-seventh round) "what could make X ...?" asks a cause, as "why" does: the names two
    # sources' sentences give ("OpenAI" has set a precedent; speculation that "Samsung Electronics"
    # would win orders) are no answers to disagree on, so the question has no answer kind.
    from qa.conflicts.answer_facts import _question

    assert _question("what could make anthropic stick mainly with outside chips even if it builds its own").kind is None
    assert _question("What caused the delay of the Kelta chip?").kind is None
    assert _question("Which company will make Kelta's chip?").kind == "name"
    assert _question("What makes up most of Kelta's revenue?").kind == "name"
