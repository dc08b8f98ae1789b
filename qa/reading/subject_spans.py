"""Spans that are the question's own subject, no answer to it: "Arvind Kejriwal" asked "what did
Kejriwal call Delhi", "Walt Disney Co. executive Kevin Mayer" asked who Kevin Mayer is (moved out of
``shortanswer``, which reads :func:`_is_subject` on every candidate span)."""
from __future__ import annotations

import re
from functools import lru_cache

from .asked_spans import described_person

__all__ = ["_is_subject"]

_TOKEN = re.compile(r"[^\W_][\w'’.-]*", re.U)
_POSS = re.compile(r"['’]s?$")


def _words(text: str) -> list[str]:
    return [_POSS.sub("", w) for w in _TOKEN.findall(text)]


_NOT_NAMES = frozenset("what which who whom whose when where why how is are was were do does did has have had "
                       "can could will would should i".split())


# ... unless what it owns is another party: "Who is Samsung's biggest foundry rival?" is not answered
# by "Samsung Electronics", as "Who was Tesla's father?" may be by "Milutin Tesla".
_OTHER_PARTY = frozenset("rival competitor opponent partner customer client supplier ally enemy buyer acquirer".split())


@lru_cache(maxsize=4096)
def _name_runs(question: str) -> tuple[tuple[str, ...], ...]:
    """The runs of capitalised words of a (recased) question ("Kejriwal" of "what did Kejriwal call
    Delhi"); not a run right after "which" / "what" ("Which Kennedy ...?" asks for a Kennedy), nor
    an owner's ("Who was Tesla's father?": his father may bear the name)."""
    raw = _TOKEN.findall(question)
    runs, run, after_wh = [], [], False
    for k, w in enumerate(raw + [""]):
        word = _POSS.sub("", w)
        if word[:1].isupper() and word.casefold() not in _NOT_NAMES:
            run.append(word.casefold())
            if word != w and not _OTHER_PARTY.intersection(x.casefold().rstrip("s") for x in raw[k + 1:k + 4]):
                run, after_wh = [], False  # a possessive: the run names an owner, and is dropped ...
            continue
        if run and not after_wh:
            runs.append(tuple(run))
        run, after_wh = [], word.casefold() in ("which", "what")
    return tuple(runs)


# "What is Trainium?", "who is Marc Benioff", "what's MTIA": the name and nothing after it (wider than ``asked_spans.
# defined_name`` and ``described_person``, which the sentence choice reads: kept for "what's" and "who are" too).
_DEFINE = re.compile(r"\s*(?i:what|who)(?i:\s+(?:is|are|was|were)|['’]s)\s+(?i:the\s+|an?\s+)?[A-Z][\w'’.&-]*"
                     r"(?:\s+[A-Z][\w'’.&-]*){0,3}\s*\??\s*$")


def _is_subject(question: str, span: str) -> bool:
    """Whether a span is a name the question already holds, in full or longer ("Arvind Kejriwal",
    "Delhi’s Chief Minister Arvind Kejriwal" asked "what did Kejriwal call Delhi"), or, asked who
    someone is, that name after words describing it when :func:`_described` could not cut it off:
    the question's subject, no answer. A relative of the same surname ("Janet Jackson" asked about
    Michael Jackson's sister) is not: the question's run is not inside the span; nor is the run
    alone, nor a longer name asked to be defined ("AWS Trainium" for "What is Trainium?" says
    whose it is)."""
    all_runs, person, defining = _subject_reading(question)
    if not all_runs:
        return False
    words = _words(span)
    if not words:
        return False
    low = [w.casefold() for w in words]
    # The run alone is left to the overlap features: "Who owns Meta's MTIA?" may be answered "Meta".
    runs = [r for r in all_runs if len(r) < len(low)]
    if person and any(low[-len(r):] == list(r) for r in runs):
        return True
    if defining or not all(w[:1].isupper() or w.isdigit() for w in words):
        return False
    return any(low[i:i + len(r)] == list(r) for r in runs for i in range(len(low) - len(r) + 1))


@lru_cache(maxsize=4096)
def _subject_reading(question: str) -> tuple[tuple[tuple[str, ...], ...], bool, bool]:
    """What :func:`_is_subject` reads of the question, once per question: its name runs (none when
    it asks for a name), whether it asks who a named person is, whether it asks to define a name."""
    runs = () if re.search(r"\bname\b", question, re.I) else _name_runs(question)
    return runs, bool(described_person(question)), _DEFINE.match(question) is not None
