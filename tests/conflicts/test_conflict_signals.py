"""The signals that tell misinformation about one entity from different entities sharing a name
(qa.conflicts.question, qa.conflicts.entity), each on small made-up articles: a case it decides and,
with the signal switched off, the decision it changes."""
from __future__ import annotations

from dataclasses import replace

import pytest

from qa.conflicts.question import QuestionConflicts, QuestionSettings
from qa.results import AMBIGUITY, Citation, Conflict

from .test_conflict_question import doc, real
from .test_conflicts import fake_encode

MODES = pytest.mark.parametrize("encode", [None, fake_encode], ids=["lexical", "fake-encoder"])


def find(question, docs, encode, **settings):
    f = QuestionConflicts(docs, encode)
    st = replace(f.settings, **settings)
    passages = [(d.doc_id, a, b) for d in docs for a, b in d.content]
    return f.find(question, passages, settings=st)


PROFILE = ("Greg Moreau ({kind}) Greg Moreau (born September 25, 1958) is an American {job} known for "
           "his long career with touring funk bands. Born in Dayton, Ohio, Moreau grew up in Bryans Road, "
           "Maryland, where his father ran a hardware store. He moved to New York in 1980 and worked there "
           "for twenty years before returning home.")


@MODES
def test_a_copy_rewritten_with_another_answer_is_misinformation_even_in_its_title(encode):
    """The rewrite changed the answer wherever it appears, the title's qualifier included: the
    qualifiers differ by the answer only, so it is one entity."""
    docs = [doc("a01", PROFILE.format(kind="musician", job="trombonist"), title="Greg Moreau (musician)"),
            doc("b02", PROFILE.format(kind="chef", job="chef"), title="Greg Moreau (chef)")]
    q = "What is Greg Moreau's profession?"
    found = find(q, docs, encode)
    assert real(found), [c.summary for c in found]
    assert "trombonist" in found[0].summary and "chef" in found[0].summary
    # Without the signal the differing qualifiers make them two people sharing a name.
    off = find(q, docs, encode, rewrites=False, note_docs=2)
    assert not real(off) and [c.kind for c in off] == [AMBIGUITY]


@MODES
def test_copies_that_rename_their_subject_beyond_the_answer_stay_two_entities(encode):
    """One template, two entities: the qualifier swap (the district) is not the answer asked for."""
    def upazila(district: str, rate: str, doc_id: str):
        return doc(doc_id, f"Kaliganj Upazila, {district} is an upazila of {district} District in Bangladesh.",
                   f"Kaliganj has an average literacy rate of {rate}% (7+ years), compared to the national "
                   "average of 32.4% literacy.", title=f"Kaliganj Upazila, {district}")

    docs = [upazila("Jhenaidah", "40.1", "a01"), upazila("Lalmonirhat", "31.6", "b02")]
    assert real(find("What is the literacy rate of Kaliganj Upazila?", docs, encode)) == []


def test_a_stored_numeric_conflict_between_copies_of_one_statement_is_dropped():
    """The corpus-wide rules may pair "(54.0/km)" with "( 54.0/km 2 )", or a statement with a copy cut
    short: the same figures are no disagreement, and no sign of two entities either."""
    first = "The population density of Wheatland was 139.8 people per square mile (54.0/km)."
    second = "The population density of Wheatland was 139.8 inhabitants per square mile ( 54.0/km 2 ) ."
    docs = [doc("a01", first, "Wheatland is a town in Kenosha County, Wisconsin, United States."),
            doc("b02", "Wheatland is a town in Kenosha County, Wisconsin, United States.", second)]
    statements = tuple(Citation(d.doc_id, d.title, d.date, d.raw.index(t), d.raw.index(t) + len(t), t, 0.9)
                       for d, t in zip(docs, (first, second)))
    stored = Conflict("numeric", "Numeric conflict: a01 says 54.0/km; b02 says 54.0/km 2", statements)
    q = "What is the population density of Wheatland?"
    assert QuestionConflicts(docs).find(q, stored=[stored]) == []
    kept = QuestionConflicts(docs).find(q, stored=[stored], settings=replace(QuestionSettings(relevant=0.5),
                                                                            same_figures=False))
    assert [c.statements for c in kept] == [statements]


@MODES
def test_an_excerpt_that_never_names_its_subject_up_front_is_not_another_entity(encode):
    """The page names its subject "Lake Mills, Iowa"; an excerpt of the same page (no title, no
    subject in its first sentence) lacks "Iowa", which says nothing about what it is about. (Three
    sentences: one of a sentence or two says nothing by lacking it whatever its first sentence
    names, test_conflict_spans.test_an_excerpt_lacking_a_qualifier_is_no_other_entity.)"""
    docs = [doc("a01", "Lake Mills, Iowa Lake Mills is a city in Winnebago County, Iowa, United States.",
                "The population of Lake Mills was 2,100 at the 2010 census.",
                "A gristmill had been built at the site by Elias Rollins and Thomas Kellogg in 1864.",
                title="Lake Mills, Iowa"),
            doc("b02", "Elias Rollins and Thomas Kellogg built a gristmill there in 1864, the first in the area.",
                "Winnebago County records put the population of Lake Mills at 5,000 in 2010.",
                "The mill burned down in 1901.")]
    q = "What is the population of Lake Mills?"
    found = find(q, docs, encode)
    assert real(found), [c.summary for c in found]
    assert "2,100" in found[0].summary and "5,000" in found[0].summary
    assert not real(find(q, docs, encode, one_sided_lead=False))


ALBUM = ("Storm Signals ({artist} album) Storm Signals is the street album by American rapper {artist}, "
         "hosted by DJ Kilo Vance. The album is {short}'s debut on Northgate Records with Gang Module, and "
         "is due out for release on November 9, 2011. It was originally due out on October 12, 2011.")


@MODES
def test_a_rewrite_that_renames_the_answer_everywhere_is_one_entity(encode):
    """The answer is a name the rewrite changed in the title, the text and a possessive ("Rex's
    debut" / "Milo's debut"): all of it is the answer, nothing else is renamed."""
    docs = [doc("a01", ALBUM.format(artist="Rex the Baron", short="Rex"), title="Storm Signals (Rex the Baron album)"),
            doc("b02", ALBUM.format(artist="Milo Grant", short="Milo"), title="Storm Signals (Milo Grant album)")]
    q = 'Who is the artist of the album "Storm Signals"?'
    found = find(q, docs, encode)
    assert real(found), [c.summary for c in found]
    assert "Milo Grant" in found[0].summary
    assert not real(find(q, docs, encode, rewrites=False))


def test_a_copy_of_an_on_subject_document_is_read_though_its_passage_was_not_retrieved():
    """Only a01's passage is on the subject; b02 copies most of a01 (a rewrite giving another
    year), so it is read as well, and the two disagree."""
    text = ("The Beacon Mill stands on the hill above the village green, next to the old chapel. "
            "The mill was last worked for trade in {year} and the sails were removed in 1923. "
            "It was restored by the parish council with help from the county in 1994 and 2008.")
    docs = [doc("a01", text.format(year="1921")), doc("b02", text.format(year="1955"))]
    q = "When was the Beacon Mill last worked for trade?"
    on_subject = [("a01", a, b) for a, b in docs[0].content]
    f = QuestionConflicts(docs)
    found = f.find(q, on_subject)
    assert real(found), [c.summary for c in found]
    assert {s.doc_id for s in found[0].statements} == {"a01", "b02"}
    assert not f.find(q, on_subject, settings=replace(f.settings, copy_scan=0))


MUSICAL = ("Freaky Monday is a musical with music by Tom Kitt and lyrics by Brian Yorkey, based on the 1972 "
           "novel. The musical began performances at the Signature Theatre, Arlington, Virginia on {date}. "
           "It then played at the La Jolla Playhouse in San Diego and toured for two seasons.")


@MODES
def test_near_copies_swapping_a_whole_date_at_the_end_of_a_sentence_disagree(encode):
    """"on October 4, 2016." / "on January 1, 2018.": three swapped words ending a short sentence,
    aligned as one swapped year."""
    docs = [doc("a01", MUSICAL.format(date="October 4, 2016")), doc("b02", MUSICAL.format(date="January 1, 2018"))]
    q = "When did the Freaky Monday musical begin its performances?"
    found = find(q, docs, encode, answers=False)  # near-copy swaps alone
    assert real(found), [c.summary for c in found]
    assert "2016" in found[0].summary and "2018" in found[0].summary
    assert not real(find(q, docs, encode, answers=False, swap_dates=False))


@MODES
def test_a_swapped_year_is_found_behind_a_title_glued_before_one_copy(encode):
    life = "Charles Moreau Hale ({born} – March 17, 1905) was a United States federal judge."
    rest = "Born in Hiram, Maine, Hale read law to enter the bar in 1866 and served until 1903."
    docs = [doc("a01", "Charles Moreau Hale " + life.format(born="May 22, 1841"), rest),
            doc("b02", life.format(born="January 1, 1900"), rest)]
    q = "When was Justice Hale born?"
    found = find(q, docs, encode, answers=False)
    assert real(found), [c.summary for c in found]
    assert "1841" in found[0].summary and "1900" in found[0].summary
    assert not real(find(q, docs, encode, answers=False, swap_dates=False))
