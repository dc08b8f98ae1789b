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
from functools import lru_cache
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from ..indexing.lexical import stopwords

__all__ = ["CaseMap", "is_caseless", "accent_map", "restore_accents", "question_pairs", "question_words", "forms_of"]

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


# Small letters with accents that fold to one ASCII letter ("ñ" -> "n"): a text's small letters
# translated by this table keep their positions, and a word typed without accents is found in it.
_PLAIN: dict[int, str] = {}
for _c in map(chr, range(0xC0, 0x250)):
    _f = _fold(_c.lower()) if _c.isalpha() and len(_c.lower()) == 1 else ""
    if len(_f) == 1 and _f.isascii() and _f.isalpha():
        _PLAIN[ord(_c.lower())] = _f
_ACCENTED = re.compile("[\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")


def question_words(question: str) -> dict[str, str]:
    """The question's words as a case map looks them up (folded small letters, a compound's parts
    too: ``CaseMap.usual`` falls back to them), each with the run of the question between spaces it
    is part of ("t" of "don't", "mara" of "o'mara"): a lexical index lists the run, not the word."""
    out: dict[str, str] = {}
    for run in re.finditer(r"\S+", question):
        for m in _WORD.finditer(run.group(0)):
            low = _fold(m.group(0).lower())
            for w in (low, *low.split("-"), *_owner_of(low)):
                out.setdefault(w, run.group(0))
    return out


def _owner_of(low: str) -> tuple[str, ...]:
    """The name a word may be the possessive of, typed without its apostrophe ("teslas" -> "tesla")."""
    return (low[:-1],) if len(low) > 3 and low.endswith("s") and not low.endswith("ss") and "-" not in low else ()


# Words that join no name's parts in a caseless question: "what did home depot report" pairs
# "home depot", not "did home".
_FUNCTION = frozenset("""a an the of and or but in on at to for from by with about as into than then
    is are was were be been being do does did has have had will would can could should may might must
    what which who whom whose when where why how this that these those it its their his her our your my
    not no there here""".split())


def question_pairs(question: str) -> dict[str, str]:
    """The question's adjacent pairs of words, neither a function word ("home depot", "attorney
    general"), as a case map looks them up (folded small letters, one space), each with itself as
    typed: a name of two words may be written in capitals where either word alone is not ("Home
    Depot" beside "at home")."""
    words = [_fold(m.group(0).lower()) for m in _WORD.finditer(question)]
    return {f"{a} {b}": f"{a} {b}" for a, b in zip(words, words[1:])
            if a not in _FUNCTION and b not in _FUNCTION and "-" not in a + b and min(len(a), len(b)) > 1}


# Words before a plural, not an owner: "the teslas", "many teslas", "two teslas".
_COUNTING = frozenset("""the a an these those many few several some all both two three four five six seven
    eight nine ten dozens hundreds thousands millions more most other""".split())
_ENDINGS = frozenset("s t re ll ve d m".split())  # of "Meta's", "hasn't", "they're", "we'll", "I've", "he'd", "I'm"
# An initial's full stop ends no sentence: "Keck" of "W. M. Keck Observatory" is counted.
_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]\.\s$")


def _counted(text: str, at: int, start: int = 0) -> bool:
    """Whether an occurrence at ``at`` of the text starting at ``start`` counts: not the text's
    first word, not a sentence's."""
    before = text[max(start, at - 8) : at]
    return at > start and (not _START.search(before) or _INITIAL.search(before) is not None)


@lru_cache(maxsize=4096)
def _finder(word: str) -> re.Pattern:
    """The folded word in a text's folded small letters, not inside a longer run of letters."""
    return re.compile(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])")


def forms_of(words: set[str], pieces: Iterable[tuple[str, int, int, int, int]]) -> dict[str, Counter]:
    """The forms of ``words`` (folded small letters) in the pieces, counted exactly as a CaseMap
    over the pieces' texts counts them, but only for these words. A piece ``(raw, a, b, lo, hi)``
    is the part ``lo:hi`` of the text ``raw[a:b]`` (a paragraph of an article: what precedes a word
    there decides whether it opens a sentence), so that a paragraph is not read whole for each
    chunk of it. Each word is searched for in the piece's folded small letters, then held to the
    word boundaries of ``_WORD`` (not inside a longer word or a hyphenated compound)."""
    forms: dict[str, Counter] = defaultdict(Counter)
    finders = [(w, _finder(w)) for w in sorted(words) if w]
    for raw, a, b, lo, hi in pieces:
        low = raw[lo:hi].lower()
        if len(low) != hi - lo:  # a letter whose small form is longer ("İ"): fold letter by letter
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in raw[lo:hi])
        if not low.isascii() and _ACCENTED.search(low):
            low = low.translate(_PLAIN)
        for word, finder in finders:
            if word not in low:
                continue
            for c in finder.finditer(low):
                at = lo + c.start()
                if at > a and (_LETTER.match(raw[at - 1]) or raw[at - 1] == "-" and at - 1 > a and _LETTER.match(raw[at - 2])):
                    continue  # inside a longer word, or the second part of a compound
                if " " in word:  # a pair of words ("home depot"): its letters as written, one space between
                    got = raw[at:at + len(word)] if at + len(word) <= b else ""
                else:
                    m = _WORD.match(raw, at, b)
                    got = m.group(0) if m else ""
                small = got.lower()
                if (small if small.isascii() else _fold(small)) == word and _counted(raw, at, a):
                    forms[word][got] += 1
    return forms


class CaseMap:
    """Each word's usual form in a corpus, from the occurrences that do not start a sentence."""

    def __init__(self, texts: Iterable[str]):
        forms: dict[str, Counter] = defaultdict(Counter)
        for text in texts:
            last = None
            for m in _WORD.finditer(text):
                if not _counted(text, m.start()):
                    last = None
                    continue
                forms[_fold(m.group(0).lower())][m.group(0)] += 1
                if last is not None and text[last.end():m.start()] == " ":
                    # A pair as ``question_pairs`` reads one, written in letters ``forms_of`` finds
                    # (not "𝗔𝗜 𝗖𝗛𝗜𝗣", which only folds to "ai chip").
                    pair = f"{last.group(0)} {m.group(0)}"
                    for key in question_pairs(pair):
                        if pair.lower().translate(_PLAIN) == key:
                            forms[key][pair] += 1
                last = m
        self._set(forms)

    @classmethod
    def of_forms(cls, forms: Mapping[str, Counter]) -> "CaseMap":
        """A case map from counted forms (``forms_of``): a question's words alone, counted over
        the passages that hold them (``qa.reading.corpus_words``), not over every article."""
        out = cls.__new__(cls)
        out._set(forms)
        return out

    def _set(self, forms: Mapping[str, Counter]) -> None:
        # A word is recased only on evidence that it is a name: ties go to the lower-case form, and
        # so does a word capitalised (not in capitals: "US") under 4 times for 3 small ("watch": 13
        # times in "Apple Watch" or a product's name, 10 times small), which names nothing typed alone.
        self._usual = {low: self._name_or_small(c) for low, c in forms.items() if c}

    @staticmethod
    def _name_or_small(counts: Counter) -> str:
        usual, n = max(counts.items(), key=lambda kv: (kv[1], kv[0] == kv[0].lower()))
        small = next((w for w in counts if w == w.lower()), None)
        return small if small is not None and usual != small and not usual.isupper() and 4 * counts[small] >= 3 * n else usual

    def usual(self, word: str) -> str:
        """The word's usual form in the corpus; lower case when the corpus does not have it. A
        compound the corpus lacks takes its parts' forms ("ai-server" -> "AI-server")."""
        low = word.lower()
        if _fold(low) in self._usual or "-" not in low:
            return self._usual.get(_fold(low), low)
        return "-".join(self.usual(part) for part in low.split("-"))

    def _possessive(self, question: str, m: re.Match) -> str | None:
        """A name's possessive typed without its apostrophe, "Tesla's" for "teslas" of "how much was
        teslas order worth": a word the corpus never writes whose stem it writes as a name, before a
        word that is no function word ("how many teslas were sold" counts cars) and not after "the",
        "a" or a count. Read as typed, the question named no owner, and Meta's order answered it."""
        low = _fold(m.group(0).lower())
        owner = _owner_of(low)
        if not owner or low in self._usual or not self._usual.get(owner[0], "")[:1].isupper():
            return None
        after = _WORD.match(question, m.end() + 1) if question[m.end():m.end() + 1] == " " else None
        before = _WORD.findall(question[:m.start()])[-1:]
        if after is None or after.group(0).lower() in _FUNCTION or before and before[0].lower() in _COUNTING:
            return None
        return self._usual[owner[0]] + "'s"

    def truecase(self, question: str) -> str:
        """The question with each word in its usual form, if the question is caseless; the first
        word capitalised as a question's is. Otherwise the question unchanged."""
        if not is_caseless(question):
            return question
        # A contraction's ending stays small ("hasn't" was read "hasn'T", "T" being a name elsewhere).
        out = _WORD.sub(lambda m: m.group(0).lower() if question[m.start() - 1:m.start()] in ("'", "’") and m.group(
            0).lower() in _ENDINGS else self._possessive(question, m) or self.usual(m.group(0)), question)
        # A pair of words the corpus writes as a name ("Home Depot", "New York") takes that form,
        # though a word alone is more often small ("home", "new").
        for pair in question_pairs(question):
            form = self._usual.get(pair, pair)
            if all(w[:1].isupper() for w in form.split()):
                out = re.sub(rf"(?<![^\W\d_]){re.escape(pair)}(?![^\W\d_])", form, out, flags=re.I)
        k = next((i for i, c in enumerate(out) if c.isalpha()), None)
        return out if k is None else out[:k] + out[k].upper() + out[k + 1:]


def accent_map(words: Iterable[str]) -> dict[str, str]:
    """For each word of a vocabulary written with accents, its form without them -> the word
    ("jalapeno" -> "jalapeño"), unless the vocabulary has that form too: "general" stays itself
    beside a French "général", and the article "a" beside a French "à" (stop words are no entries
    of the vocabulary). Read off the lexical index's vocabulary, not the texts, so that the
    first question of a 10,000-article corpus does not wait for a scan of every article."""
    words = set(words)
    stop = stopwords()
    return {f: w for w in words if not w.isascii() and (f := _fold(w)) != w and f not in words and f not in stop}


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
