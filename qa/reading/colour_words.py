"""Colour words, for questions asking a colour ("What colour are the flowers?"): which colour
family each belongs to ("slaty" is a grey, "pinkish" a pink), read by the reader (a quote giving
no colour does not answer) and by the conflict finder (``qa.conflicts.colours``)."""
from __future__ import annotations

import re

# Each colour word's families: two colours agree when they share one ("violet" is a purple,
# "turquoise" a blue and a green; "slaty" a grey).
FAMILIES: dict[str, frozenset[str]] = {w: frozenset(f.split("|")) for w, f in (
    ("red", "red"), ("crimson", "red"), ("scarlet", "red"), ("maroon", "red|brown"), ("ruby", "red"),
    ("pink", "pink"), ("magenta", "pink|purple"), ("salmon", "pink|orange"),
    ("purple", "purple"), ("violet", "purple"), ("lilac", "purple"), ("lavender", "purple"), ("mauve", "purple|pink"),
    ("indigo", "purple|blue"), ("blue", "blue"), ("navy", "blue"), ("azure", "blue"), ("cyan", "blue|green"),
    ("turquoise", "blue|green"), ("teal", "blue|green"), ("green", "green"), ("olive", "green|brown"),
    ("emerald", "green"), ("yellow", "yellow"), ("gold", "yellow"), ("golden", "yellow"), ("amber", "yellow|orange"),
    ("orange", "orange"), ("ochre", "orange|brown|yellow"), ("brown", "brown"), ("tan", "brown"), ("bronze", "brown"),
    ("chestnut", "brown|red"), ("beige", "brown|white"), ("cream", "white|yellow"), ("ivory", "white"),
    ("white", "white"), ("black", "black"), ("grey", "grey"), ("gray", "grey"), ("silver", "grey"), ("slaty", "grey"),
    ("ashen", "grey"))}
for _w, _f in list(FAMILIES.items()):  # "reddish", "bluish", "greyish"
    if _w in ("red", "pink", "purple", "blue", "green", "yellow", "orange", "brown", "white", "black", "grey", "gray"):
        FAMILIES[(_w[:-1] if _w.endswith("e") else _w + ("d" if _w == "red" else "")) + "ish"] = _f
# Words of a shade, part of the colour they stand before ("pale pink", "deep red").
SHADES = frozenset("pale light dark deep bright vivid dull soft pastel rich dusky".split())
_ASKED = frozenset("colour color colours colors coloured colored hue".split())


def families(key: str) -> frozenset[str]:
    """The families of a colour value's key (its colour words, space-separated)."""
    return frozenset().union(*(FAMILIES.get(w, frozenset()) for w in key.split()))


def asks_colour(wh: str, focus: str | None) -> bool:
    """Whether a "what/which <focus>" question asks for a colour ("What color pants ...?", "what
    colour is ..."; not "How many color analysts ...?")."""
    return wh in ("what", "which") and bool(focus) and focus.split()[0].casefold() in _ASKED


def names_a_colour(words, own: frozenset[str] = frozenset()) -> bool:
    """Whether lower-cased ``words`` hold a colour word beyond the question's ``own`` words."""
    return any(w in FAMILIES and w not in own for w in words)


_WORD = re.compile(r"[^\W\d_]+")


def opens_name(word: str, following: str | None) -> bool:
    """A capitalised colour word before another capitalised word opens a name ("the White House",
    "Black Friday", "Blue Origin"); "Plasma Blue paint" and "Gold footballs" give colours."""
    return word[:1].isupper() and following is not None and following[:1].isupper()


def colour_span(sentence: str, own=frozenset()) -> tuple[int, int] | None:
    """Offsets of the first colour the sentence gives beyond the question's ``own`` words, with its
    shades ("pale pink", "slaty blue") or the capitalised words naming it ("Plasma Blue"); None when
    it gives none. A capitalised colour word before another capitalised word opens a name ("the
    White House", "Black Friday", "Blue Origin")."""
    words = list(_WORD.finditer(sentence))
    for k, m in enumerate(words):
        w = m.group().casefold()
        named = m.group()[:1].isupper()
        if w not in FAMILIES or w in own or opens_name(m.group(), words[k + 1].group() if k + 1 < len(words) else None):
            continue
        first, last = k, k
        while first > 0 and (words[first - 1].group().casefold() in SHADES or named and k - first < 2
                             and words[first - 1].group()[:1].isupper() and first - 1 > 0):
            first -= 1
        while last + 1 < len(words) and words[last + 1].group().casefold() in FAMILIES:
            last += 1
        return words[first].start(), words[last].end()
    return None
