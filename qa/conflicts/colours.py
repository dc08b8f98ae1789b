"""Colours as answers ("What colour are the flowers?", "Is the colour of the flowers pale pink?"):
each source's colour of the thing asked, read as families of colour, so that "pale pink" and
"pinkish" agree and "slaty blue" disagrees with "pale pink". Likewise the sexes a body admits
("What gender is the student body ...?": "all-boys" against "co-ed"; ``qa.reading.gender_words``)."""
from __future__ import annotations

from .sentences import _Sentence
from .values import Value
from ..reading.colour_words import FAMILIES, SHADES, asks_colour, families, opens_name
from ..reading.gender_words import families_agree as genders_agree, gender_spans

__all__ = ["WORD_KINDS", "asks_colour", "colour_values", "colours_agree", "gender_values", "genders_agree", "stated_colours"]


def colours_agree(a: str, b: str) -> bool:
    return bool(families(a) & families(b))


def stated_colours(toks) -> frozenset[str]:
    """The colour words a yes/no question states ("Is the colour ... pale pink?"), not those of a
    name ("Is the White House ...?")."""
    return frozenset(t.key for k, t in enumerate(toks) if t.key in FAMILIES and not _opens_name(toks, k))


def _opens_name(toks, k: int) -> bool:
    return opens_name(toks[k].text, toks[k + 1].text if k + 1 < len(toks) else None)


def colour_values(s: _Sentence) -> list[Value]:
    """Each run of colour words in the sentence, with the shades before it ("pale pink", "slaty
    blue", "red and white"), as a value of kind "colour" keyed by its colour words."""
    keys, toks, out, k = s.keys, s.tokens, [], 0
    while k < len(keys):
        if keys[k] not in FAMILIES or _opens_name(toks, k):
            k += 1  # "the White House", "Orange SA": names, no colours
            continue
        first = k
        while first > 0 and keys[first - 1] in SHADES:
            first -= 1
        last, words = k, []
        while last < len(keys) and (keys[last] in FAMILIES or keys[last] in SHADES or keys[last] == "and"
                                    and last + 1 < len(keys) and keys[last + 1] in FAMILIES):
            if keys[last] in FAMILIES:
                words.append(keys[last])
            last += 1
        out.append(Value("colour", " ".join(sorted(set(words))), s.norm[toks[first].start:toks[last - 1].end], first, last))
        k = last
    return out


def gender_values(s: _Sentence) -> list[Value]:
    """Each gender word of the sentence ("all-boys", "Co-Ed") as a value of kind "gender" keyed by
    its family ("boys", "girls", "mixed", "single")."""
    out = []
    for start, end, family in gender_spans(s.norm):
        toks = [k for k, t in enumerate(s.tokens) if t.start < end and t.end > start]
        if toks:
            out.append(Value("gender", family, s.norm[start:end], toks[0], toks[-1] + 1))
    return out


# Answers read from a closed list of words, by kind: how a sentence gives them, and when two agree.
WORD_KINDS = {"colour": (colour_values, colours_agree), "gender": (gender_values, genders_agree)}
