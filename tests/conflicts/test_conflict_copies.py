"""A sentence copied from another source with one figure or name changed: what the near-copy rule
reads as a disagreement (two counts whose rounding intervals touch, a bound moved under the same
qualifier, a copy cut short by another splitter) and what it leaves alone (footnote marks)."""
from __future__ import annotations

import pytest

from qa.conflicts.corpus_wide import find_conflicts
from qa.conflicts.rules import Thresholds
from qa.ingest.corpus import parse_document

from .test_conflicts import check_offsets, fake_encode


def doc(doc_id: str, text: str, title: str = "A news article"):
    return parse_document(doc_id, title + "\n2026-07-03\n\n" + text + "\n")


def pair(first: str, second: str):
    return [doc("a01", first), doc("b02", second)]


@pytest.mark.parametrize("encode", [None, fake_encode], ids=["lexical", "fake-encoder"])
@pytest.mark.parametrize(
    ("first", "second", "phrases"),
    [
        # "2" covers 1.5-2.5 and "1" 0.5-1.5: the intervals touch, yet they are two chart places.
        ("In the United States the album peaked at number 2 on the Billboard chart in March.",
         "In the United States the album peaked at number 1 on the Billboard chart in March.", ("2", "1")),
        ("The Nordvik wind farm in Kansas now runs 3 turbines on the ridge above the town.",
         "The Nordvik wind farm in Kansas now runs 4 turbines on the ridge above the town.", ("3", "4")),
        ("The Tyro plant in Kansas recorded a defect rate of 3.5 percent during the last audit.",
         "The Tyro plant in Kansas recorded a defect rate of 3.6 percent during the last audit.", ("3.5", "3.6")),
        # Both may hold, but two copies of one sentence report different figures for one claim.
        ("The Smith property, more than 60 acres in size, includes a farmhouse from the 1790s.",
         "The Smith property, more than 100 acres in size, includes a farmhouse from the 1790s.", ("60", "100")),
    ],
)
def test_a_copy_with_another_figure_is_a_numeric_conflict(encode, first, second, phrases):
    docs = pair(first, second)
    found = find_conflicts(docs, encode)
    assert [c.kind for c in found] == ["numeric"]
    said = " | ".join(s.text for s in found[0].statements)
    assert all(p in said for p in phrases)
    check_offsets(found, docs)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("more than 60 acres", "about 100 acres"),  # another qualifier: the intervals decide, and they meet
        ("3 turbines", "3.0 turbines"),  # one value written two ways
    ],
)
def test_compatible_figures_in_a_copy_are_not_a_conflict(first, second):
    docs = pair(f"The Nordvik wind farm in Kansas covers {first} on the ridge above the town.",
                f"The Nordvik wind farm in Kansas covers {second} on the ridge above the town.")
    assert find_conflicts(docs, fake_encode) == []


def test_ordinals_one_apart_name_two_of_a_series():
    docs = pair("Walter Erskine, the 12th Earl of Kellie, sat in the House of Lords for many years.",
                "Walter Erskine, the 13th Earl of Kellie, sat in the House of Lords for many years.")
    assert find_conflicts(docs, fake_encode) == []


def test_figures_one_apart_in_loosely_similar_sentences_are_not_a_conflict():
    # Not copies of one sentence: the touching intervals of 15 and 16 meet (read as apart, as in a
    # copy, these two would be a numeric conflict).
    docs = pair("Acme Power said its Nordvik wind farm in Kansas has 15 turbines on the ridge.",
                "Acme Power's Nordvik wind farm in Kansas will have 16 turbines on the ridge, the company said.")
    assert find_conflicts(docs, fake_encode) == []


def test_renumbered_footnote_marks_are_not_a_conflict():
    docs = pair("The building has a colossal Ionic ten-column colonnade on its main front. [1]",
                "The building has a colossal Ionic ten-column colonnade on its main front. [2]")
    assert find_conflicts(docs, fake_encode) == []


def test_a_copy_cut_short_by_another_splitter_shows_its_swapped_name_when_asked_to():
    # One page's splitter stopped at "Hal B." (an initial), the other's ran on: with
    # ``Thresholds.contained`` the shorter copy is compared with the stretch of the longer one it
    # repeats. Off by default: on the 10,000-article archive it also aligned headings of namesakes
    # ("Deadfall (2012 film) Deadfall is ..." / "Deadfall (1993 film) ...").
    docs = pair("The film was directed by Sally Stratton and produced by Samuel Bischoff, with Hal B.",
                "The film was directed by Michael Curtiz and produced by Samuel Bischoff, with Hal B. Wallis as "
                "executive producer, from a screenplay by Michael Jacoby and Rowland Leigh.")
    assert find_conflicts(docs, fake_encode) == []
    found = find_conflicts(docs, fake_encode, thresholds=Thresholds(contained=True))
    assert [c.kind for c in found] == ["entity"]
    said = " | ".join(s.text for s in found[0].statements)
    assert "Sally Stratton" in said and "Michael Curtiz" in said
    check_offsets(found, docs)


def test_words_only_the_longer_sentence_has_are_not_compared():
    # The longer sentence adds a clause with its own negation: it has no counterpart in the shorter
    # one, so aligning the shared stretch does not read it as a denial.
    docs = pair("Samsung Electronics will manufacture the new accelerator chips for Meta at its Texas plant.",
                "Samsung Electronics will manufacture the new accelerator chips for Meta at its Texas plant, a site "
                "that did not make chips for any other customer before this year, the company said on Monday.")
    assert find_conflicts(docs, fake_encode, thresholds=Thresholds(contained=True)) == []


@pytest.mark.parametrize("contained", [False, True])
def test_namesakes_told_apart_in_the_brackets_after_their_heading_are_not_a_conflict(contained):
    # Two pages on two albums sharing a title: the heading glued to the first sentence differs inside
    # its brackets, and so does what follows; two entities, not one described two ways.
    # (Headings as an archive's title lines cut them, with no verb to end a subject at.)
    for first, second in [("Music of the Spheres (Ian Brown album) Music of the Spheres third solo ...",
                           "Music of the Spheres (Mike Oldfield album) Music of the Spheres third solo ..."),
                          ("Chola invasion of Kalinga (1110) The Chola invasion of Kalinga ...",
                           "Chola invasion of Kalinga (1097) The Chola invasion of Kalinga ..."),
                          # the changed stretch runs on past the bracket ("Mozart) The")
                          ("String Quintet No. 2 (Brahms) String Quintet No. 2 in G major ...",
                           "String Quintet No. 2 (Mozart) The String Quintet No. 2 in G major ...")]:
        docs = pair(first, second)
        assert find_conflicts(docs, fake_encode, thresholds=Thresholds(contained=contained)) == [], first


def test_a_date_in_brackets_after_a_name_is_still_a_claim():
    # "(born ...)" is no disambiguator: the name does not follow the brackets again.
    docs = pair("Kevin Lewis (born 19 September 1940 in Ellesmere Port) is an English former footballer who "
                "played as a winger.",
                "Kevin Lewis (born 19 September 1950 in Ellesmere Port) is an English former footballer who "
                "played as a winger.")
    found = find_conflicts(docs, fake_encode)
    assert [c.kind for c in found] == ["date"]


def test_a_negation_only_one_copy_adds_after_all_they_share_is_no_denial():
    # The longer copy goes on with a clause of its own ("but Earle never owned ..."): that clause has
    # no counterpart, so the copy's swapped name is read alone, not as a name and a negation at once
    # (two kinds of change, which would mean two subjects).
    built = "Until the end of the 20th century, the house was widely believed to have been built about 1810 for "
    docs = pair(built + "Congressman Elias Earle.", built + "Congressman Elias Earle; but Earle never owned the property.")
    assert find_conflicts(docs, fake_encode) == []
    docs = pair(built + "Governor Cany T. Earle.", built + "Congressman Elias T. Earle; but Earle never owned the property.")
    found = find_conflicts(docs, fake_encode)
    assert [c.kind for c in found] == ["entity"]


def test_the_subject_of_a_copy_cut_short_is_not_compared():
    # One splitter stopped at the initial "G.": the shorter copy starts mid-sentence, so its first
    # words are no subject to compare with the longer one's.
    docs = pair("Angan and has three daughters: Patricia Janelli, Francis Heisler, and Nina Francesca.",
                'Hilario "Junjun" Davide III is married to Jobella G. Angan and has three daughters: Patricia '
                "Janelli, Dana Giannina, and Nina Francesca.")
    found = find_conflicts(docs, fake_encode, thresholds=Thresholds(contained=True))
    assert [c.kind for c in found] == ["entity"]
    said = " | ".join(s.text for s in found[0].statements)
    assert "Francis Heisler" in said and "Dana Giannina" in said
