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


def test_a_name_does_not_run_on_across_a_quote_a_colon_or_a_closed_bracket():
    """"(by Verta Kali Smart) ‘the Beat Hotel’" names a person and a hotel, and "Winner:\tOrrin Vale"
    a table's label and its value: one name run over them was no answer to "Who gave its nickname to
    the Beat Hotel?" and hid the person. A name inside brackets still runs on ("Orrin Vale (FRA)")."""
    from .test_conflict_cache import doc

    f = DocFacts.of(doc("w01", "He lived in a guesthouse in Paris later nicknamed (by Verta Kali Smart) ‘the Beat Hotel’. "
                        "Race details Winner:\tOrrin Vale (FRA) Second:\tJon Brel (ESP)"))
    names = [v.text for vs in f.values for v in vs if v.kind == "name"]
    assert "Verta Kali Smart" in names and "Beat Hotel" in names, names
    assert any(n.startswith("Orrin Vale (FRA") for n in names) and not any("Winner" in n and "Orrin" in n for n in names), names
