"""Who holds an office: "Who is the Senate president?", "who is the governor of South Dakota".

Such a question is answered by a person the sentence names with the title: "the Senate President
Bukola Saraki", "Governor Kristi Noem", "President of the Senate, Bukola Saraki", "Harvard's
president, Drew Faust". A sentence naming someone else with part of it ("President Donald Trump"
for the Senate president) is no answer; the reader's sentence choice (:mod:`qa.reading.prefer`)
moves one naming the title's holder up.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .person_names import names_person

__all__ = ["asked_title", "holders", "names_title", "title_holders"]

# "Who is the Senate president?", "who was the new governor of South Dakota" (not "Who is the
# Senate president's wife?": an owner's relative; not "Who is Kevin Mayer?": a named person).
_TITLE = re.compile(r"\s*who\s+(?:is|was)\s+the\s+(?:current\s+|new\s+|former\s+)?((?:[\w.-]+\s+){0,2}?)"
                    r"([A-Za-z][A-Za-z-]+)(?:\s+of\s+(?:the\s+)?([^?]+?))?\s*\??\s*$", re.I)
# Offices, which news copy writes before the holder's name ("Governor Kristi Noem"). Not any role:
# on SQuAD and RAMDocs, "Who was the director / founder / leader / ally of ...?" moved up sentences
# naming someone else with the word, and the reader then abstained or named the wrong one.
_OFFICES = frozenset("""president vice-president governor mayor ceo cfo coo cto chairman chairwoman chairperson chair
    minister premier chancellor secretary speaker senator commissioner spokesman spokeswoman spokesperson""".split())
# Titles as news copy shortens them before a name: "South Dakota Gov. Kristi Noem".
_ABBREVIATED = {"gov": "governor", "sen": "senator", "pres": "president", "sec": "secretary", "chmn": "chairman"}
# Words that may stand between the title and the name: "President of the Senate, Bukola Saraki".
_BETWEEN = frozenset("of the , 's ’s".split())


@lru_cache(maxsize=4096)
def asked_title(question: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """(the title a "Who is the <title>?" question asks the holder of, the words before it, the
    words of what it is "of"): ("president", {"senate"}, {}) of "Who is the Senate president?",
    ("governor", {}, {"south", "dakota"}) of "who is the governor of South Dakota"; ("", {}, {})
    for other questions."""
    m = _TITLE.match(question)
    # An office in small letters, capitalised as news copy writes it before a name ("Senate President",
    # as a caseless question is recased), or an acronym ("CEO"); not a name ("Who is the Doobie Brothers?").
    if m is None or m.group(2).casefold() not in _OFFICES or not (m.group(2).islower() or m.group(2).isupper()
                                                                  or m.group(2).istitle()):
        return "", frozenset(), frozenset()
    before, of = ({w for w in (text or "").casefold().split() if w not in _BETWEEN and len(w) > 1}
                  for text in (m.group(1), m.group(3)))
    return m.group(2).casefold(), frozenset(before), frozenset(of)


def holders(views: dict, pool, title: tuple[str, frozenset[str], frozenset[str]]) -> list:
    """The candidates of ``pool`` whose views name the title's holder: with the words of what it
    is "of" when one does ("President of the Senate, Bukola Saraki" over "President Donald Trump"
    for "Who is the president of the Senate?"); else with the words before it only ("Governor
    Kristi Noem" in a page on South Dakota)."""
    name, before, of = title
    full = [i for i in pool if title_holders(views[i], name, before | of)]
    return full or [i for i in pool if title_holders(views[i], name, before)]


def title_holders(v, title: str, qualifiers: frozenset[str] = frozenset()) -> set[int]:
    """Positions of the people view ``v`` names with ``title`` (and its ``qualifiers``) just
    before them: the title within six words before the name, only names, "of", "the", commas and
    possessives between; the qualifiers among those words or right after the title."""
    out: set[int] = set()
    for a, b, label in v.ents:
        if label != "PERSON":
            continue
        for k in range(a - 1, max(-1, a - 7), -1):
            if _writes(v.lower[k], title):
                near = {re.sub(r"['’]s$", "", v.lower[x]) for x in range(max(0, k - 3), a)}  # "Harlow's" is "harlow"
                if qualifiers <= near:
                    out.update(range(a, b))
                break
            if not (v.text[k][:1].isupper() or v.lower[k] in _BETWEEN):
                break
    return out


def names_title(v, title: str, own: set[str]) -> bool:
    """Whether view ``v`` writes the title and names a person beyond the question's words ``own``
    (:func:`qa.reading.person_names.names_person`: the small model leaves "Mohawk Chief Hendrick"
    untagged): what a quote answering who holds it needs, whatever the order ("William Rainey Harper
    became the university's first president", "Mohawk Chief Hendrick, Speaker of their tribal
    council"). "Coty acquired ... Jenner's beauty portfolio" names no CEO."""
    return any(_writes(w, title) for w in v.lower) and names_person(v, own)


def _writes(word: str, title: str) -> bool:
    """Whether a lower-cased word is the title, its plural or its abbreviation ("gov.")."""
    return title in (word, word.rstrip("s"), _ABBREVIATED.get(word.rstrip(".")))
