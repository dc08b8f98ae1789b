"""Choice questions: the question lists its possible answers ("What club did Ger Browne play for:
Cashel King Cormacs club or Knockavilla–Donaskeigh Kickhams club?", "Was the site a penitentiary
or a detention center?", "apomorphine, aporphine, or neither?"), so a source's answer is the one
option it affirms, whatever kind of word it is (a common noun like "village" is no name, and the
answer-type reader has no type for it). Two sources that each affirm a different option answer
the question differently (``qa.conflicts.question``).

An option counts where its own words (those it shares with no other option: "pit" of "pit
village") stand in a sentence answering the question, unless a negation comes just before it
("a detention center, not a penitentiary", "not to be confused with apomorphine"). A source that
affirms two options, or none, has no answer.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..ingest.text import dateline_end
from .claims import _MONTHS, NEGATIONS, STOPWORDS, WEEKDAYS, Token, stem, tokenize
from .sentences import _Sentence

__all__ = ["choice_options", "affirmed_option", "stated_name"]

# Words that end a list of options and are no option ("X, Y, or neither").
_NONE_OF = frozenset("neither none both either other".split())
# Words before an option that take it back ("rather than X", "instead of X", "not a X").
_TAKEN_BACK = NEGATIONS | frozenset("rather instead unlike".split())
_NEGATION_WINDOW = 5  # tokens before an option a negation reaches ("not to be confused with X")
_MOST_WORDS = 6  # an option longer than this is a clause, not an answer
_MIN_TOKENS = 2  # "X or Y" at least


def _gap(text: str, a: Token, b: Token) -> str:
    return text[a.end:b.start].strip()


def _option_before(toks: Sequence[Token], text: str, end: int) -> tuple[int, int] | None:
    """The option ending at token ``end`` (exclusive), read backwards until a stop word (an article
    ends it: "a penitentiary"), punctuation other than a hyphen or dash, or ``_MOST_WORDS``."""
    i = end - 1
    if i < 0 or toks[i].key in STOPWORDS:
        return None
    while i > 0 and end - i < _MOST_WORDS and toks[i - 1].key not in STOPWORDS \
            and _gap(text, toks[i - 1], toks[i]) in ("", "-", "–"):
        i -= 1
    return i, end


def choice_options(text: str) -> tuple[tuple[str, ...], ...]:
    """The options a question lists at its end, each as its tokens' keys: "town or a village" gives
    (("town",), ("village",)); () when it lists none (an "or" inside a clause, options holding
    figures: "in 1969 or before 1969" is a date question)."""
    toks = tokenize(text)
    ors = [k for k, t in enumerate(toks) if t.key == "or"]
    if not ors or len(toks) < _MIN_TOKENS + 1:
        return ()
    k = ors[-1]
    last = toks[k + 1:]
    while last and last[0].key in STOPWORDS and last[0].key not in _NONE_OF:
        last = last[1:]
    if text[toks[-1].end:].strip(" ?\"'“”‘’"):
        return ()  # the options end the question
    front = _front_options(toks)
    if front:
        return front
    options: list[tuple[int, int]] = []
    if last and all(t.key not in STOPWORDS or t.key in _NONE_OF for t in last) and len(last) <= _MOST_WORDS:
        if not (len(last) == 1 and last[0].key in _NONE_OF):
            options.append((len(toks) - len(last), len(toks)))
    else:
        return ()
    end = k
    while True:
        span = _option_before(toks, text, end)
        if span is None:
            break
        options.append(span)
        # A list goes on through commas: "apomorphine, aporphine, or neither".
        if span[0] == 0 or _gap(text, toks[span[0] - 1], toks[span[0]]) != ",":
            break
        end = span[0]
        if toks[end - 1].key in STOPWORDS:
            break
    if len(options) < 2:
        return ()
    keys = tuple(tuple(t.key for t in toks[a:b]) for a, b in reversed(options))
    if any(any(w[:1].isdigit() for w in o) for o in keys) or len(set(keys)) < len(keys):
        return ()
    return keys


def _front_options(toks: Sequence[Token]) -> tuple[tuple[str, ...], ...]:
    """Two names offered right after the opening word of a yes/no question ("Did Tipperary or
    Galway play the 1961 final?"); () otherwise. Names only (capitalised runs): lower-case words
    there are as often the start of a clause ("Did farming or mining decline?")."""
    def run(k: int) -> int:
        j = k
        while j < len(toks) and toks[j].text[:1].isupper() and toks[j].key not in STOPWORDS:
            j += 1
        return j

    if len(toks) < 5 or toks[0].key not in _AUXILIARIES:
        return ()
    a = run(1)
    if a == 1 or a >= len(toks) or toks[a].key != "or":
        return ()
    b = run(a + 1)
    if b == a + 1 or b - 1 > _MOST_WORDS + a:
        return ()
    return tuple(t.key for t in toks[1:a]), tuple(t.key for t in toks[a + 1:b])


def _own_words(options: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    """Each option's stems that no other option has: what tells it apart ("pit" of "pit village")."""
    stems = [tuple(stem(w) for w in o if w not in STOPWORDS) for o in options]
    out = []
    for n, o in enumerate(stems):
        others = {w for m, x in enumerate(stems) if m != n for w in x}
        out.append(tuple(w for w in o if w not in others))
    return out


def _in_longer_name(s: _Sentence, i: int, j: int, option: frozenset[str]) -> bool:
    """Whether the capitalised words at tokens i..j are part of a longer name: "Sioux Falls" of
    "the Sioux Falls Argus Leader" names a newspaper, not the city. A date after a name ("beat
    Hungary Tuesday") is no part of it."""
    toks = s.tokens
    if not toks[i].text[:1].isupper():
        return False

    def name_word(t: Token) -> bool:  # the option's own other words ("Club" of "Cashel ... club") are its name
        return t.text[:1].isupper() and t.key not in STOPWORDS and t.key not in _MONTHS and t.key not in WEEKDAYS \
            and stem(t.key) not in option

    after = j < len(toks) and s.norm[toks[j - 1].end:toks[j].start] == " " and name_word(toks[j])
    before = i > 1 and s.norm[toks[i - 1].end:toks[i].start] == " " and name_word(toks[i - 1])
    return after or before


def _affirms(s: _Sentence, words: tuple[str, ...], option: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Where the sentence states these words in this order (the token span), not taken back by a
    negation just before; None when it does not. The dateline ("SIOUX FALLS, S.D. –") says where
    the story was filed, and a longer name holding the words names something else."""
    if not words:
        return None
    stems = [stem(k) for k in s.keys]
    n = len(words)
    filed = dateline_end(s.norm)
    for i in range(len(stems) - n + 1):
        if tuple(stems[i:i + n]) != words or s.tokens[i].start < filed or _in_longer_name(s, i, i + n, option):
            continue
        if not _TAKEN_BACK & set(s.keys[max(0, i - _NEGATION_WINDOW):i]):
            return i, i + n
    return None


def affirmed_option(options: tuple[tuple[str, ...], ...], sents: Sequence[_Sentence],
                    rows: Sequence[int]) -> tuple[int, int, int, int] | None:
    """(option, sentence row, first token, last token) of the one option the given sentences affirm
    (best first); None when they affirm none or more than one."""
    words = _own_words(options)
    full = [frozenset(stem(w) for w in o) for o in options]
    found: dict[int, tuple[int, int, int]] = {}
    for i in rows:
        for n, w in enumerate(words):
            span = _affirms(sents[i], w, full[n])
            if span is not None and n not in found:
                found[n] = (i, *span)
    if len(found) != 1:
        return None
    (n, (i, a, b)), = found.items()
    return n, i, a, b


# Words that open a yes/no question.
_AUXILIARIES = frozenset("is are was were do does did has have had can could will would should".split())
_JOINS = frozenset("of de the and von van la le du des del di da al bin y".split())


def stated_name(toks: Sequence[Token], stop: frozenset[str]) -> tuple[str, ...]:
    """The name a yes/no question states as its answer ("Do Jamshedpur FC play their home games in
    JRD Tata Sports Complex Stadium?"): the last run of capitalised words, when a lower-case word of
    what is asked ("play", "games") stands between it and the name before it (the subject). ()
    when there is none: one name only, or names side by side ("Is Rakoti the Coptic name ...").
    ``stop``: question words that are no content ("is", "the", "what")."""
    if not toks or toks[0].key not in _AUXILIARIES:
        return ()
    runs: list[tuple[int, int]] = []
    k = 1
    while k < len(toks):
        if not toks[k].text[:1].isupper() or toks[k].key in stop:
            k += 1
            continue
        j = k + 1
        while j < len(toks) and (toks[j].text[:1].isupper() or (
                toks[j].key in _JOINS and j + 1 < len(toks) and toks[j + 1].text[:1].isupper())):
            j += 1
        runs.append((k, j))
        k = j
    if len(runs) < 2:
        return ()
    (_, end), (a, b) = runs[-2], runs[-1]
    between = [t for t in toks[end:a] if t.key.isalpha() and t.key not in stop and len(t.key) > 2]
    return tuple(t.key for t in toks[a:b]) if between else ()
