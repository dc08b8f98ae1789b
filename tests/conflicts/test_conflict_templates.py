"""A figure filled into one template for many subjects ("The population was 240 at the 2000
census." in one article per town) is not a conflict; the same disagreement between a few sources,
or between sentences that name their subject, still is."""
from __future__ import annotations

from qa.conflicts.candidates import CandidateSettings
from qa.conflicts.corpus_wide import StoredConflicts, find_conflicts
from qa.conflicts.merge import TEMPLATE_TEXTS, is_template
from qa.conflicts.pairs import PairCache

from .test_conflict_cache import doc
from .test_conflicts import fake_encode

TOWNS = ["Lawrence", "Shawnee Hills", "Adel", "Orrick", "Kaliganj", "Packs Mills"]
FIGURES = ["240", "2,220", "1,473", "861", "3,168", "956"]


def _census(template: str, n: int, named: bool = False) -> list:
    out = []
    for k in range(n):
        town, figure = TOWNS[k], FIGURES[k]
        sentence = template.format(figure=figure, town=town if named else "the town")
        out.append(doc(f"t{k:02d}", f"{town} is a small place in the county.", sentence))
    return out


def _numeric(docs, exhaustive: bool) -> list:
    """The numeric conflicts a question about the whole corpus is shown (``StoredConflicts``)."""
    cache = PairCache(candidates=CandidateSettings(exhaustive=exhaustive))
    stored = find_conflicts(docs, fake_encode, cache=cache)
    shown = StoredConflicts(stored)(stored, [(d.doc_id, 0, len(d.raw)) for d in docs])
    return [c for c in shown if c.kind == "numeric"]


def test_a_template_filled_in_for_many_towns_is_no_conflict():
    docs = _census("The population of {town} was {figure} people at the 2000 census, the survey found.", 6)
    for exhaustive in (True, False):
        assert _numeric(docs, exhaustive) == []
    # The merge keeps the group (adds then merge as a full merge does); it is not shown.
    stored = find_conflicts(docs, fake_encode, cache=PairCache(candidates=CandidateSettings()))
    assert [c.kind for c in stored] == ["numeric"] and is_template(stored[0])


def test_a_few_sources_giving_different_figures_still_disagree():
    docs = _census("The population of {town} was {figure} people at the 2000 census, the survey found.",
                   TEMPLATE_TEXTS - 1)
    for exhaustive in (True, False):
        found = _numeric(docs, exhaustive)
        assert len(found) == 1 and len({s.doc_id for s in found[0].statements}) == TEMPLATE_TEXTS - 1


def test_sentences_that_name_their_subject_are_not_a_template():
    # Each names one town: the rules see different subjects or one named subject; the template
    # rule leaves named statements alone (here all name "Lawrence", one subject, many figures).
    docs = [doc(f"t{k:02d}", f"The population of Lawrence was {FIGURES[k]} people at the 2000 census, the survey found.")
            for k in range(6)]
    for exhaustive in (True, False):
        found = _numeric(docs, exhaustive)
        assert found and len({s.doc_id for s in found[0].statements}) >= TEMPLATE_TEXTS
