"""Restore the casing of a question typed all in lower case or all in capitals.

The reader reads names from capitals ("Meta", "MTIA"), the short-answer model tells a name from a
common word by its case, and spaCy's entities depend on it; "who makes meta's mtia chips" would be
read as a question about no one. Each word of a caseless question takes the form it most often has
in the corpus where it is not the first word of a sentence (where any word is capitalised), so
"meta" becomes "Meta", "mtia" "MTIA" and "chips" stays "chips". A question with any capital in it
and any small letter is left as the user cased it. Accents count as case: a user typing in small
letters rarely types them, so "jalapeno" becomes "Jalapeño" when that is how the corpus writes it;
in a question cased as typed, only the accents are restored ("Who designed Jalapeno?").
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

__all__ = ["CaseMap", "is_caseless", "accent_map", "restore_accents"]

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A word starts a sentence when only quotes, brackets or bullets stand between it and the end of
# the previous sentence or the start of a line.
_START = re.compile(r"(?:^|[.!?:]\s|\n)[\s\"'“‘(\[▲•*#-]*$")


def is_caseless(text: str) -> bool:
    """Whether the text has letters all of one case (so its case says nothing)."""
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return bool(letters) and (all(c.islower() for c in letters) or all(c.isupper() for c in letters))


def _fold(word: str) -> str:
    """The word without its accents ("jalapeño" -> "jalapeno")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


class CaseMap:
    """Each word's usual form in a corpus, from the occurrences that do not start a sentence."""

    def __init__(self, texts: Iterable[str]):
        forms: dict[str, Counter] = defaultdict(Counter)
        for text in texts:
            for m in _WORD.finditer(text):
                if not _START.search(text[max(0, m.start() - 8) : m.start()]) and m.start() > 0:
                    forms[_fold(m.group(0).lower())][m.group(0)] += 1
        # Ties go to the lower-case form: a word is recased only on evidence that it is a name.
        self._usual = {low: max(c.items(), key=lambda kv: (kv[1], kv[0] == kv[0].lower()))[0]
                       for low, c in forms.items()}

    def usual(self, word: str) -> str:
        """The word's usual form in the corpus; lower case when the corpus does not have it. A
        compound the corpus lacks takes its parts' forms ("ai-server" -> "AI-server")."""
        low = word.lower()
        if _fold(low) in self._usual or "-" not in low:
            return self._usual.get(_fold(low), low)
        return "-".join(self.usual(part) for part in low.split("-"))

    def truecase(self, question: str) -> str:
        """The question with each word in its usual form, if the question is caseless; the first
        word capitalised as a question's is. Otherwise the question unchanged."""
        if not is_caseless(question):
            return question
        out = _WORD.sub(lambda m: self.usual(m.group(0)), question)
        k = next((i for i, c in enumerate(out) if c.isalpha()), None)
        return out if k is None else out[:k] + out[k].upper() + out[k + 1:]


def accent_map(words: Iterable[str]) -> dict[str, str]:
    """For each word of a vocabulary written with accents, its form without them -> the word
    ("jalapeno" -> "jalapeño"), unless the vocabulary has that form too: "general" stays itself
    beside a French "général". Read off the lexical index's vocabulary, not the texts, so that the
    first question of a 10,000-article corpus does not wait for a scan of every article."""
    words = set(words)
    return {f: w for w in words if not w.isascii() and (f := _fold(w)) != w and f not in words}


def restore_accents(question: str, accents: Mapping[str, str]) -> str:
    """The question with the corpus's accents on words typed without them ("Who designed
    Jalapeno?" -> "Who designed Jalapeño?"), each letter in the case it was typed in."""
    def fix(m: re.Match) -> str:
        w = m.group(0)
        u = accents.get(w.lower()) if w.isascii() else None
        if u is None or len(u) != len(w):
            return w
        return "".join(c.upper() if t.isupper() else c for c, t in zip(u, w))

    return _WORD.sub(fix, question)
