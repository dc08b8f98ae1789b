import pytest
from hypothesis import given, settings, strategies as st

from qa.ingest.text import line_spans, nfkc_with_map, normalize, sentence_spans, words


def test_nfkc_maps_math_bold_back_to_raw_offsets():
    raw = "Intro 𝗦𝗔𝗠𝗦𝗨𝗡𝗚 𝗙𝗢𝗨𝗡𝗗𝗥𝗬 end"
    norm, index = nfkc_with_map(raw)
    assert "SAMSUNG FOUNDRY" in norm
    a = norm.index("SAMSUNG")
    b = a + len("SAMSUNG FOUNDRY")
    assert raw[index[a] : index[b - 1] + 1] == "𝗦𝗔𝗠𝗦𝗨𝗡𝗚 𝗙𝗢𝗨𝗡𝗗𝗥𝗬"


def test_words_fold_case_and_unicode():
    assert words("𝗠𝗲𝘁𝗮's MTIA, 2nm!") == ["meta's", "mtia", "2nm"]
    assert normalize("  a\n\n b\t c ") == "a b c"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two.", ["One.", "Two."]),
        ("The U.S. firm grew. It sold chips.", ["The U.S. firm grew.", "It sold chips."]),
        ("Mr. Chan joined. He left.", ["Mr. Chan joined.", "He left."]),
        ("Heading without stop\nBody starts here. More.", ["Heading without stop", "Body starts here.", "More."]),
        ("Prices rose 2.5 percent. Then fell.", ["Prices rose 2.5 percent.", "Then fell."]),
        ('He said: "It works." Then left.', ['He said: "It works."', "Then left."]),
        ("lowercase. continues here", ["lowercase. continues here"]),
    ],
)
def test_sentence_spans(text, expected):
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


def test_line_spans_strip_blank_lines():
    text = "  a  \n\n\tb\n"
    assert [text[a:b] for a, b in line_spans(text)] == ["a", "b"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_sentence_spans_are_ordered_and_inside_the_text(text):
    spans = sentence_spans(text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert text[a:b].strip() == text[a:b]
        last = b


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_nfkc_map_is_monotonic_and_in_range(text):
    norm, index = nfkc_with_map(text)
    assert len(index) == len(norm) + 1
    assert index == sorted(index)
    assert all(0 <= i <= len(text) for i in index)
