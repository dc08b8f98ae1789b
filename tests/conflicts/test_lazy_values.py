"""A document's candidate answers (``DocFacts.values``) are made per sentence on first use; the
years and counts in words the facts hold up front are the ones the full values give."""
from __future__ import annotations

from qa.conflicts.answer_facts import DocFacts
from qa.conflicts.values import _values

from .test_stored_analyses import _docs


def test_values_made_on_use_equal_the_full_ones_and_the_summaries_agree():
    for d in _docs():
        f = DocFacts.of(d)
        full = [tuple(_values(s)) for s in f.sents]
        assert f.values._made == [None] * len(f.sents)  # nothing made before it is read
        assert f.values[len(f.sents) - 1] == full[-1]
        assert list(f.values) == full and f.values == full and len(f.values) == len(full)
        assert f.values[:2] == full[:2]
        assert f.years == frozenset(v.key for vs in full for v in vs if v.kind == "date")
        assert f.numbers[len(f.numbers) - sum(1 for vs in full for v in vs if v.kind == "number" and v.text.isalpha()):] \
            == tuple((v.low, v.high, "", v.low, False) for vs in full for v in vs if v.kind == "number" and v.text.isalpha())


def test_counts_in_words_are_among_the_figures():
    from .test_conflict_cache import doc

    f = DocFacts.of(doc("w01", "Only three monks survived the fire of 1887, the abbot wrote."))
    assert "1887" in f.years
    assert any(n[0] == 3.0 and n[2] == "" for n in f.numbers)


def test_a_documents_sharing_index_is_made_once_and_gives_the_same_swaps():
    from qa.conflicts.swaps import swaps_between

    from .test_conflict_question import FILM, doc

    fa, fb = (DocFacts.of(doc(i, FILM.format(title="Manic", genre=g))) for i, g in (("a01", "drama"), ("b02", "comedy")))
    assert fb.sharing() is fb.sharing()
    assert swaps_between(fa.sents, fb.sents, None, None, True, fb.sharing()) == swaps_between(fa.sents, fb.sents, None, None)
    assert swaps_between(fa.sents, fb.sents, None, None).swaps  # the genre is swapped
