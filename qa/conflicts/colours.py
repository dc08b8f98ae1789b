"""Colours as answers ("What colour are the flowers?", "Is the colour of the flowers pale pink?"):
each source's colour of the thing asked, read as families of colour, so that "pale pink" and
"pinkish" agree and "slaty blue" disagrees with "pale pink"."""
from __future__ import annotations

from .sentences import _Sentence
from .values import Value

# Each colour word's families: two colours agree when they share one ("violet" is a purple,
# "turquoise" a blue and a green; "slaty" a grey).
_FAMILIES: dict[str, frozenset[str]] = {w: frozenset(f.split("|")) for w, f in (
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
for _w, _f in list(_FAMILIES.items()):  # "reddish", "bluish", "greyish"
    if _w in ("red", "pink", "purple", "blue", "green", "yellow", "orange", "brown", "white", "black", "grey", "gray"):
        _FAMILIES[(_w[:-1] if _w.endswith("e") else _w + ("d" if _w == "red" else "")) + "ish"] = _f
# Words of a shade, part of the colour they stand before ("pale pink", "deep red").
_SHADES = frozenset("pale light dark deep bright vivid dull soft pastel rich dusky".split())
_ASKED = frozenset("colour color colours colors coloured colored hue".split())


def families(key: str) -> frozenset[str]:
    """The families of a colour value's key (its colour words, space-separated)."""
    return frozenset().union(*(_FAMILIES.get(w, frozenset()) for w in key.split()))


def colours_agree(a: str, b: str) -> bool:
    return bool(families(a) & families(b))


def stated_colours(toks) -> frozenset[str]:
    """The colour words a yes/no question states ("Is the colour ... pale pink?"), not those of a
    name ("Is the White House ...?")."""
    return frozenset(t.key for t in toks if t.key in _FAMILIES and not t.text[:1].isupper())


def asks_colour(focus: str | None) -> bool:
    """Whether a wh-question's focus ("colour", "color of the flag") asks for a colour."""
    return bool(focus) and focus.split()[0].casefold() in _ASKED


def colour_values(s: _Sentence) -> list[Value]:
    """Each run of colour words in the sentence, with the shades before it ("pale pink", "slaty
    blue", "red and white"), as a value of kind "colour" keyed by its colour words."""
    keys, toks, out, k = s.keys, s.tokens, [], 0
    while k < len(keys):
        if keys[k] not in _FAMILIES or k and toks[k].text[:1].isupper():
            k += 1  # "the White House", "Orange SA": names, no colours
            continue
        first = k
        while first > 0 and keys[first - 1] in _SHADES:
            first -= 1
        last, words = k, []
        while last < len(keys) and (keys[last] in _FAMILIES or keys[last] in _SHADES or keys[last] == "and"
                                    and last + 1 < len(keys) and keys[last + 1] in _FAMILIES):
            if keys[last] in _FAMILIES:
                words.append(keys[last])
            last += 1
        out.append(Value("colour", " ".join(sorted(set(words))), s.norm[toks[first].start:toks[last - 1].end], first, last))
        k = last
    return out
