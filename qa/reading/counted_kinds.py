"""Whether a number counts the kind of thing a "how many" question counts: people, places or
other things (issue #20, thirty-second round). "How many Israeli settlements are there in the
West Bank?" is not answered by "More than 600,000 Israelis live in settlements ..." (a count of
people), nor "How many people have been arrested?" by "protests in more than 100 cities" (a count
of places). Read by ``qa.reading.units.counts_only_time`` (given by the reader); only clear cases count: a word of
neither kind, or an asked thing that people are counted in ("jobs", "votes", "cases"), never does.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .answertype import _FOCUS
from .asked_kind import PLACES, _people_noun
from .ownwords import among

_ORGS = frozenset(_FOCUS["ORG"].split())  # bodies a "who" question may mean, counted as no people
_PLACE_WORDS = frozenset(_FOCUS["PLACE"].split())

__all__ = ["count_kind", "counts_another_kind"]

# Things counted in people, or people in them: "2,000 workers" answers how many jobs went.
_COUNTED_IN_PEOPLE = frozenset("""job jobs seat seats position positions vote votes role roles post posts household
    households life lives death deaths case cases injury injuries casualty casualties fatality fatalities arrest
    arrests birth births signature signatures ticket tickets visit visits application applications account accounts
    subscription subscriptions member members place places spot spots slot slots bed beds home homes house houses
    family families head heads hand hands""".split())
# Words for people that never name things (unlike "finalists", "winners", "members"), as numbers count them.
_HUMANS = frozenset("""people persons men women children kids boys girls adults babies residents citizens inhabitants
    workers employees staff soldiers troops students pupils teachers patients victims protesters demonstrators
    migrants immigrants refugees tourists visitors passengers voters fans spectators civilians prisoners inmates
    detainees officers policemen doctors nurses journalists settlers farmers miners volunteers survivors""".split())
# Plural demonyms in -is and -ian ("Israelis", "Palestinians") and nouns in -ee ("deportees"): people.
_PERSON_FORM = re.compile(r"[a-z]{3,}(?:[^aeiousx]is|ians?|ees?)$")
# Nouns that name no person or place by their ending: "settlements", "demonstrations", "facilities".
_THING_FORM = re.compile(r"[a-z]{3,}(?:ments?|tions?|sions?|ances?|ences?|ity|ities|ness|ships?|isms?)$")


def _singular(w: str) -> str:
    # ``ownwords.singular`` leaves "cities" as "citie"; its callers match against word lists that
    # hold plurals too, these lists hold singulars ("city").
    return w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") else w


def count_kind(word: str, as_asked: bool = False) -> str:
    """"person", "place", "thing" or "" (none clearly) for a word after a number or, ``as_asked``,
    after "how many": there any word for people ("how many finalists"), after a number only words
    that never name things ("the two finalists were Sun Life Stadium and Levi's Stadium")."""
    w = word.casefold()
    if w in _COUNTED_IN_PEOPLE or not w.isalpha():
        return ""
    if among(w, _ORGS) or among(_singular(w), _ORGS):
        return "place" if among(_singular(w), PLACES) else ""  # "schools": places; "companies": neither
    if among(_singular(w), _PLACE_WORDS):
        return "place"  # "countries", "states": places, though a "who" question may mean their people
    if w in _HUMANS or _PERSON_FORM.match(w) or as_asked and _people_noun(w):
        return "person"
    if among(w, PLACES) or among(_singular(w), PLACES):
        return "place"
    return "thing" if _THING_FORM.match(w) else ""


def counts_another_kind(asked: str, found: str | Sequence[str]) -> bool:
    """Whether a number followed by ``found`` (a word, or the words after it: the first of a known
    kind is what it counts, "three million Sundish people", not "south" of "500 men south") counts
    another kind of thing than the ``asked`` noun of a "how many" question: people for places or
    things, places or things for people."""
    words = [found] if isinstance(found, str) else found
    a, f = count_kind(asked, as_asked=True), next((k for w in words if (k := count_kind(w))), "")
    return bool(a and f) and a != f and "person" in (a, f)
