"""Headings. On namesake pages, a heading glued to the page's first sentence, its name told apart
from another entity's of the same name inside the brackets after it ("Deadfall (2012 film)
Deadfall is ..." / "Deadfall (1993 film) ..."): two near-copies that differ there describe two
entities, so the near-copy rules (``qa.conflicts.rules``) compare nothing of them. On news pages, a
line that is a heading (in capitals, or in title case without a full stop) states no answer
(``qa.conflicts.answer_facts._junk``)."""
from __future__ import annotations

import re
from functools import lru_cache

from .claims import STOPWORDS
from .sentences import _Sentence

__all__ = ["disambiguated", "shouted", "titled"]


def _in_title_brackets(s: _Sentence, first: int, last: int) -> bool:
    """Tokens ``first:last`` sit inside brackets that follow the name a sentence opens with: a
    page's disambiguator ("Deadfall (2012 film) Deadfall is ...", "Kevin Lewis (footballer, born
    1940)")."""
    if last <= first:
        return False
    start, end = s.tokens[first].start, s.tokens[last - 1].end
    opened = max(s.norm.rfind("(", 0, start), s.norm.rfind(")", 0, start))
    if opened < 0 or s.norm[opened] != "(":
        return False
    closes = [k for k in (s.norm.find(")", end), s.norm.find("(", end)) if k >= 0]
    if not closes or s.norm[min(closes)] != ")":
        return False
    before = [t for t in s.tokens if t.end <= opened]
    title = [t.key for t in before if t.key.isalpha() and t.key not in STOPWORDS]
    after = [t.key for t in s.tokens if t.start > min(closes)][:3]
    # The heading's name again after the brackets: a title glued to the page's first sentence, not
    # a birth date or an aside in brackets ("Kevin Lewis (born 19 September 1940) is ...").
    return 0 < len(before) <= 8 and before[0].text[:1].isupper() and bool(title) and title[0] in after


def disambiguated(a: _Sentence, b: _Sentence, ops: list) -> bool:
    """Whether two near-copies differ inside the brackets after the name they open with: two
    entities sharing a name, told apart there ("Music of the Spheres (Ian Brown album)" / "(Mike
    Oldfield album)"), not one entity described two ways."""
    # The first word of each side's stretch: a stretch may run on past the bracket ("Mozart) The").
    return any(op == "replace" and _in_title_brackets(a, a0, a0 + 1) and _in_title_brackets(b, b0, b0 + 1)
               for op, a0, a1, b0, b1 in ops)


@lru_cache(maxsize=8192)  # read for every name value of a sentence: once per line
def shouted(text: str) -> bool:
    """A line set in capitals (a headline): its capitals say nothing about what is a name."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]
    return len(words) >= 3 and sum(w.isupper() for w in words) >= 0.8 * len(words)


@lru_cache(maxsize=8192)
def titled(text: str) -> bool:
    """A line in title case without a full stop ("The Doobie Brothers Tour Dates"): a heading,
    which states nothing of what it names."""
    words = [w for w in re.findall(r"[^\W_][\w'’-]*", text) if w.casefold() not in STOPWORDS and not w[0].isdigit()]
    # A comma makes a listing ("June 9 – Tampa, FL"), which states a place and a day.
    return (0 < len(words) <= 8 and all(w[:1].isupper() for w in words) and "," not in text
            and not re.search(r"[.!?:;)\]\"”']\s*$", text.strip()))
