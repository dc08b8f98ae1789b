"""Offset-preserving text utilities: NFKC views of raw text and sentence spans.

Everything here works on raw offsets, so that a citation can always be checked against the file:
matching happens on a normalised view, reporting happens on the raw text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "DATELINE_STATE",
    "dateline_end",
    "is_heading",
    "nfkc",
    "nfkc_with_map",
    "normalize",
    "line_spans",
    "sentence_spans",
    "words",
]


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def nfkc_with_map(text: str) -> tuple[str, list[int]]:
    """Return the NFKC form of ``text`` and, for each of its characters, the raw index it came from.

    Mathematical bold letters (U+1D400...) become ASCII, so a plain query matches them, while the
    map lets a match be cited at its raw offsets. The map has one extra entry (len(text)) so that an
    end offset maps too.
    """
    if text.isascii():
        return text, list(range(len(text) + 1))
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        norm = unicodedata.normalize("NFKC", ch) if ord(ch) > 127 else ch
        out.append(norm)
        index.extend([i] * len(norm))
    index.append(len(text))
    return "".join(out), index


def normalize(text: str) -> str:
    """NFKC plus whitespace folding: the form used for embedding and lexical matching."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


_WORD = re.compile(r"\w+(?:[.'’-]\w+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-cased NFKC word tokens (keeps 2nm, U.S, Samsung's as single words)."""
    return [w.casefold() for w in _WORD.findall(unicodedata.normalize("NFKC", text))]


def line_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text[start:end]``, stripped of surrounding whitespace."""
    end = len(text) if end is None else end
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        a, b = _strip(text, pos, stop)
        if a < b:
            spans.append((a, b))
        pos = stop + 1
    return spans


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# Abbreviations that end with a period but rarely end a sentence in news text.
_ABBREV = frozenset(
    """mr mrs ms dr prof sr jr st mt inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov
    dec no vs etc approx est dept gov gen col lt sgt rev fig al e.g i.e u.s u.k u.n a.m p.m""".split()
)
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"[.!?…。](?:[\"'”’)\]]*)(?=\s+)")


@lru_cache(maxsize=4096)
def _sentence_offsets(line: str) -> tuple[tuple[int, int], ...]:
    spans = []
    begin = 0
    for m in _BOUNDARY.finditer(line):
        stop = m.end()
        nxt = stop
        while nxt < len(line) and line[nxt].isspace():
            nxt += 1
        if nxt >= len(line):
            break
        following = line[nxt]
        # A sentence starts with a capital, digit, quote or bracket; anything else is mid-sentence.
        if not (following.isupper() or following.isdigit() or following in "\"'“‘([«"):
            continue
        if line[m.start()] == ".":
            word = re.search(r"([\w.]+)\.[\"'”’)\]]*$", line[begin:stop])
            token = word.group(1).casefold() if word else ""
            if token in _ABBREV or (len(token) == 1 and token.isalpha()):
                continue
        a, b = _strip(line, begin, stop)
        if a < b:
            spans.append((a, b))
        begin = stop
    a, b = _strip(line, begin, len(line))
    if a < b:
        spans.append((a, b))
    return tuple(spans)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as raw offsets.

    A line break always ends a sentence: news text keeps one paragraph (or heading) per line, and a
    heading without a full stop must not be glued to the paragraph after it.
    """
    spans = []
    for a, b in line_spans(text, start, end):
        spans.extend((a + s, a + e) for s, e in _sentence_offsets(text[a:b]))
    return spans


def is_heading(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a line of its own without a full stop: a title, a heading, a
    dateline. Such lines name a subject but rarely answer a question. (Not "the first sentence":
    a news article's first sentence is often its most informative one.)"""
    i, j = start, end
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    while j < len(text) and text[j] in " \t":
        j += 1
    alone = (i == 0 or text[i - 1] in "\n\r") and (j == len(text) or text[j] in "\n\r")
    return alone and not text[start:end].rstrip().endswith(_FULL_STOPS)


_FULL_STOPS = (".", "!", "?", '."', ".”", "?”", '?"', "!”", '!"', ".'", ".’")


# A news story's dateline: the city in capitals opening it, a state or country, the agency, a dash
# ("SIOUX FALLS, S.D. –", "LONDON (AP) —", "MADRID —"). It says where the story was filed.
DATELINE_STATE = r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?"  # ", S.D.", ", Ohio" after the city
_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*" + DATELINE_STATE + r"(?:\s*\([A-Z][\w ]*\))?\s*[—–-]\s")


def dateline_end(sentence: str) -> int:
    """Where a dateline opening ``sentence`` ends (0 when it opens with none)."""
    m = _DATELINE.match(sentence)
    return m.end() if m else 0
