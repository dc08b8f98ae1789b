"""What a definition says the subject is ("Manic is a 2001 American drama film" gives "drama
film"), the answer to "what genre/sport/medium" questions (``qa.conflicts.answers``)."""
from __future__ import annotations

from .answer_facts import Value, _Question
from .claims import STOPWORDS, is_year
from .sentences import _Sentence

__all__ = ["_defined_as"]


_COPULA = frozenset("is was are were".split())
_DEFINITE = frozenset("a an the one".split())
# Words that end what a definition says the subject is ("a 2001 American drama film directed by").
_DEF_END = frozenset("by of in from that which who whose where with for on at to as and or but "
                     "directed written released based starring produced located founded known "
                     "published recorded composed".split())


def _defined_as(s: _Sentence, q: _Question, span: int = 12) -> Value | None:
    """What a definition says the subject is: "Manic is a 2001 American drama film directed by"
    gives "drama film", asked for the genre. Years and capitalised words (nationalities) before
    the words are skipped; it ends at a preposition, a relative pronoun or a participle."""
    subject = set(q.subject)
    toks = s.tokens
    for c, key in enumerate(s.keys):
        if key not in _COPULA:
            continue
        if not subject & set(s.keys[max(0, c - span):c]):
            continue
        i = c + 1
        if i >= len(toks) or s.keys[i] not in _DEFINITE:
            return None  # "was shot down", "is located": no definition
        while i < len(toks) and (s.keys[i] in _DEFINITE or is_year(toks[i]) or toks[i].key[:1].isdigit()
                                 or toks[i].text[:1].isupper() or s.keys[i] in ("also", "now", "currently")):
            i += 1
        j = i
        while j < len(toks) and j - i < 4 and toks[j].text.isalpha() and toks[j].text.islower() \
                and s.keys[j] not in _DEF_END and s.keys[j] not in STOPWORDS:
            j += 1
        if j > i:
            return Value("name", " ".join(s.keys[i:j]), s.norm[toks[i].start:toks[j - 1].end], i, j)
        return None
    return None
