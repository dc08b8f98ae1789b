"""A year or a count the question states, replaced in the quote by another (issue #20: near
misses): `qa.reading.versions.other_stated`, on made-up questions and quotes."""
from __future__ import annotations

import pytest

from qa.reading.versions import other_stated

from .test_asked_kind import _pipeline

ARTICLE = "Harbour Town\n\nHarbour Town is a port on the north coast, founded in 1802 and rebuilt after the 1931 storm. "


def _other(question: str, quote: str, before: str = "") -> tuple[str, str] | None:
    raw = ARTICLE + "x " * 200 + before + quote
    start = len(raw) - len(quote)
    return other_stated(question, raw, start, len(raw))


@pytest.mark.parametrize("question, quote, expected", [
    # Another year, another rank: the quote is about something else.
    ("What did the mayor open in 1996?", "In 1994 the mayor opened a new ferry terminal.", ("1996", "1994")),
    ("When was the port ranked the 12th busiest in the country?", "In 2010 a survey ranked the port the 15th busiest.",
     ("12th", "15th")),
    ("How many ships docked in the 1960s?", "In 1975 about 400 ships docked there.", ("1960s", "1975")),
    ("What did the council decide in March 1996?", "In March 1994 the council closed the old quay.", ("1996", "1994")),
    ("What did the port build in the 1980's?", "In the 1990s the port built a second quay.", ("1980's", "1990s")),
    ("Nearly 900 dockers worked where?", "About 1,200 dockers worked at the north quay.", ("900", "1,200")),
    ("How many cranes were installed after the 40 berths opened?", "The port added 35 berths and 12 cranes.", ("40", "35 and 12")),
    # Thirty-third round: the same bound with another figure; another day of the asked month.
    ("What has the port held since 1987?", "Since 1963 the port has held a regatta every summer.", ("1987", "1963")),
    ("Who surveyed the harbour on August 4, 1996?", "On August 1, 1996, a survey of the harbour was made by Ann Roe.",
     ("August 4", "August 1")),
    ("What was signed on the 4th of March?", "The treaty was signed on 9 March in the town hall.", ("4th of March", "9 March")),
    ("Who was the port's third harbour master?", "The second harbour master, Ann Roe, took office in 1901.", ("third", "second")),
    # Thirty-sixth round: another month, the asked one nowhere near (keywords, no figure asked).
    ("harbour town September ferry timetable", "The October timetable adds a late ferry.", ("September", "October")),
])
def test_a_figure_replaced_by_another_is_named(question, quote, expected):
    assert _other(question, quote) == expected


@pytest.mark.parametrize("question, quote, before", [
    # Written in another form: words, ordinals, Roman numerals, a range of years, a decade.
    ("Who built the 2 piers?", "In 1890 a local firm built both piers, the two longest on the coast.", ""),
    ("Who was the port's 5th harbour master?", "In 1901 the fifth harbour master, Ann Roe, took office.", ""),
    ("What did Phase 2 of the works add?", "Phase II, finished in 1999, added a dry dock.", ""),
    ("How much did trade grow in 2004?", "During 2003–04 trade grew by 17% to $8 billion.", ""),
    ("How did trade change in the 1970s?", "After 1974 trade fell by a third.", ""),
    # The sentence before names the year; the article's opening names the year the article is about.
    ("How many ships docked in 1985?", "That year 412 ships docked there.", "The new quay opened in 1985. "),
    ("What was rebuilt after the 1931 storm?", "In 1933 the sea wall was rebuilt and raised by 2 metres.", ""),
    # A name's number, a product's size: no stated figure.
    ("What did Super Bowl 50 cost?", "In 2016 the game cost $1.2 billion to stage.", ""),
    ("Who makes the 2nm chips?", "In 2025 the foundry began making the chips.", ""),
    # A bound is no figure of a fact; a year abbreviated after a full one is that year.
    ("Which berths take ships of more than 40 metres?", "The 12 outer berths take the largest ships.", ""),
    ("Which piers have 3 or more cranes?", "Pier 1 has 2 cranes and a dry dock.", ""),
    ("Why did the harvests fail in 1845, 46 and 47?", "The harvests of 1845, 1846 and 1847 failed for want of rain.", ""),
    ("Who held the fort from 1646 through 1647?", "A Scottish garrison held the fort in 1646–7, 200 men strong.", ""),
    ("What did a 1/2 page advert cost?", "A half-page advert cost 30 pounds in the 12 weekly issues.", ""),
    # An ordinal of a name; a rank is not replaced by a count; a range "c2014-c.2018" holds 2017;
    # a figure typed with a space after its thousands comma.
    ("Who won the 5th Regatta Cup?", "The Harbour Rowers won the match 2–0 and were crowned champions.", ""),
    ("When was the port ranked the 12th busiest?", "The port handled 400 ships and 12,000 containers.", ""),
    ("Who managed the port in 2017?", "The manager of the port in the period c2014-c.2018 was Ann Roe.", ""),
    ("Are more than 47, 195 stores in the port?", "Of its 15,000 shops, 12,000 are stores.", ""),
    # A day of a month is no count; "before 2013" is a bound; a sentence before the question describes
    # its subject; a yes/no question is answered by the quote either way.
    ("What opened on 8 December 1967?", "On 12 August 1967 the ferry terminal opened, 56 years ago.", ""),
    ("Did the pier open before 2013?", "The pier opened in 2001.", ""),
    ("What has the port held since 1987?", "In 1990 the port held its first regatta.", ""),  # another bound's figure
    # An ordinal: "first" asked is often said otherwise; a list of ordinals may answer by its order;
    # the sentence before names the asked one.
    ("Who was the port's first harbour master?", "The second harbour master, Ann Roe, took office in 1901.", ""),
    ("Which quay was built third?", "The quays were built in turn: first the north, second the east, and last the west.", ""),
    ("Who was the port's third harbour master?", "The second harbour master, Ann Roe, took office in 1901.",
     "Ann Roe's son became the third in 1930. "),
    ("What was signed on 4 August 1996?", "On 4 August 1996 the treaty was signed; on August 9 it was ratified.", ""),
    ("Ann Roe (1781–1845) was the port's first harbour master. When was she married?", "She married in 1802.", ""),
    ("Was the pier opened in 1996?", "The pier was opened in 1994.", ""),
    # Options offered, one of them written; an age saying who is meant.
    ("How deep is the new quay, 5 metres or 10 metres?", "The new quay is 5 metres deep at low tide, 2 more than the old.", ""),
    ("What day was the 8 year old girl found on the quay?", "The girl was found at 6:38 p.m. on Saturday.", ""),
    # The asked month written before the quote; "May", a verb too.
    ("harbour town September ferry timetable", "The October timetable adds a late ferry.", "In September the port kept two ferries. "),
    ("What May ferry does the port add?", "In July the port adds a ferry.", ""),
    # The quote states no other figure of the kind: left to the other checks.
    ("What did the mayor open in 1996?", "The mayor opened a new ferry terminal.", ""),
])
def test_a_figure_written_otherwise_or_no_figure_at_all_is_no_replacement(question, quote, before):
    assert _other(question, quote, before) is None


def test_the_reader_abstains_on_a_quote_about_another_year(tmp_path, fake_embedder):
    text = ("Harbour Town port\n\nHarbour Town is a small port on the north coast. In 1994 the mayor opened a new "
            "ferry terminal beside the old quay. The terminal handles two ferries a day.\n")
    p = _pipeline(tmp_path / "a", text)
    a = p.ask("What did the mayor open in 1996?")
    assert a.abstained and a.reason == "The closest passages are about 1994, not 1996.", (a.answer, a.reason)
    a = p.ask("What did the mayor open in 1994?")
    assert not a.abstained and "ferry terminal" in a.answer
