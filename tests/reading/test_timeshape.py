"""A length of time is no answer to "when" (issue #20): spaCy labels "about 9 months" and "the end
of 2027" both DATE, the span features tell them apart and the shipped ranker, fitted on SQuAD,
answers "when" with the point in time and "how long" with the length. Made-up sentences."""
from __future__ import annotations

import pytest

from qa.reading import shortanswer as sa
from qa.reading.spanfeatures import _view
from qa.reading.timeshape import is_duration, names_calendar

ENGINE = ("Vexa said the engine went from first design to tape-out in about 9 months, with samples "
          "already running, and plans to begin deliveries by the end of 2027.")


def _shapes(sentence: str) -> dict[str, tuple[bool, bool]]:
    """Each candidate span's text -> (is_duration, names_calendar), as the span features see them."""
    v = _view(sa._doc(sentence))
    out = {}
    for i, j in v.spans:
        root = min((k for k in range(i, j) if not (i <= v.head[k] < j) or v.head[k] == k),
                   key=lambda k: (len(v.anc[k]), v.punct[k]))
        out[" ".join(v.text[i:j])] = (is_duration(v.lower, v.pos, v.head, root, i, j), names_calendar(v.lower, i, j))
    return out


@pytest.mark.parametrize("sentence, span, duration, calendar", [
    (ENGINE, "about 9 months", True, False),
    (ENGINE, "9", True, False),  # the count of a length is part of it
    (ENGINE, "end of 2027", False, True),
    ("The siege lasted several weeks before the town fell in March.", "several weeks", True, False),
    ("The siege lasted several weeks before the town fell in March.", "March", False, True),
    ("The treaty held for a decade.", "decade", True, False),  # the span drops its "a"
    ("Life appeared 3.5 billion years ago, on a young planet.", "3.5 billion years", False, False),
    ("The firm moved two years later to a larger site.", "two years later", False, False),
    ("The style spread in the 19th century across the region.", "19th century", False, False),
    ("The patient, a 43-year-old man, saw his doctor in November.", "43 - year", False, False),  # an age
    ("He was 47 years old when he was evicted.", "47 years", False, False),
])
def test_a_length_of_time_is_told_from_a_point(sentence, span, duration, calendar):
    shapes = _shapes(sentence)
    assert shapes[span] == (duration, calendar), shapes


def test_the_shape_is_a_feature_only_for_questions_asking_a_time():
    when = {ENGINE[a:b]: f for a, b, f in sa.candidates("When does the engine come out?", ENGINE)}
    assert when["about 9 months"].get("x.DATE.time.length") == 1.0
    assert when["end of 2027"].get("x.DATE.time.calendar") == 1.0
    who = {ENGINE[a:b]: f for a, b, f in sa.candidates("Who makes the engine?", ENGINE)}
    assert not any(k.startswith("x.PERSON.time.") for f in who.values() for k in f)


@pytest.mark.parametrize("question, expected, not_in", [
    ("When does the engine come out?", "2027", "months"),
    ("When will the engine reach buyers?", "2027", "months"),
    ("How long did the engine take from design to tape-out?", "9 months", "2027"),
])
def test_when_is_answered_by_a_point_and_how_long_by_a_length(question, expected, not_in):
    a, b, _ = sa.extract_short_answer(question, ENGINE)
    assert expected in ENGINE[a:b] and not_in not in ENGINE[a:b], ENGINE[a:b]


def test_the_shipped_ranker_learned_the_shapes():
    w = sa._model()["weights"]
    assert w.get("x.DATE.time.calendar", 0.0) > 0.0 > w.get("x.DATE.time.length", 0.0)
    assert w.get("x.DURATION.time.length", 0.0) > 0.0


# A company and a figure sit beside the question's words; the time is further off.
FOUNDRY = ("The first and second generations of the Vexa accelerator were previously mass-produced by "
           "Tellurion, but since the third generation launched this year, the company has chosen "
           "Korvo Foundry as its partner.")
NODE = ("According to reports, the third-generation Vexa accelerator plans to use Korvo's leading "
        "2-nanometer process to achieve large-scale mass production with hundreds of thousands of units.")


def test_a_sentence_stating_a_time_answers_when_with_it_not_with_a_company():
    a, b, _ = sa.extract_short_answer("When will Korvo start mass production for Vexa?", FOUNDRY)
    assert FOUNDRY[a:b] == "this year"


def test_the_figure_of_a_glued_question_word_is_no_answer():
    # "2nm" in the question: the "2" of "2-nanometer" restates it.
    spans = {NODE[a:b] for a, b, _ in sa.candidates("When will Korvo start 2nm mass production?", NODE)}
    assert "2" not in spans and "hundreds of thousands of units" in spans


RELEASE = "Vexa and Orlan released the Pollo engine on June 24, 2027, as an accelerator for inference."


@pytest.mark.parametrize("sentence, span, point", [
    (RELEASE, "June 24, 2027", True),
    (ENGINE, "end of 2027", True),
    ("The war lasted from 1754 to 1763 across three continents.", "from 1754 to 1763", False),
    ("The war lasted from 1754 to 1763 across three continents.", "1763", False),  # the end of a stretch
    ("She has led the firm since 2019, after a long career.", "2019", False),  # "since" makes it a stretch
    (ENGINE, "about 9 months", False),
    # (nineteenth round) the day of "June 24" is part of a date, no count of anything
    ("Vexa released the Pollo engine on June 24 as an accelerator for inference.", "24", True),
])
def test_one_point_of_the_calendar_is_told_from_a_stretch(sentence, span, point):
    from qa.reading.timeshape import names_one_point

    v = _view(sa._doc(sentence))
    got = {" ".join(v.text[i:j]).replace(" ,", ","): names_one_point(v.lower, i, j) for i, j in v.spans}
    assert got[span] is point, got


def test_how_long_is_never_answered_by_a_date():
    # The span model on its own ranks "June 24, 2027" first here: a sentence giving only the day
    # something happened holds no answer to "how long", so it cannot outbid one stating a length.
    spans = {RELEASE[a:b] for a, b, _ in sa.candidates("How long did the Pollo engine take to design", RELEASE)}
    assert not any("2027" in s for s in spans), spans
    when = {RELEASE[a:b] for a, b, _ in sa.candidates("When was the Pollo engine released?", RELEASE)}
    assert any("2027" in s for s in when)
    # nor by the day of the month alone ("24" was the short answer to "how long did X take to develop")
    spans = {RELEASE[a:b] for a, b, _ in sa.candidates("How long did the Pollo engine take to develop", RELEASE)}
    assert "24" not in spans, spans


PACKAGING = ("Vexa is considering the 2-nanometer (nm) process and the advanced packaging lines of "
             "Korvo's foundry division.")


def test_a_span_naming_only_what_the_question_rules_out_is_no_answer():
    # "Besides the 2nm process, ...": the process is the one thing the question says is not it.
    spans = {PACKAGING[a:b] for a, b, _ in sa.candidates("Besides the 2nm process, what Korvo technology is Vexa looking at?", PACKAGING)}
    assert not any(s.strip("() ") in ("2-nanometer (nm) process", "nm) process", "process", "2-nanometer") for s in spans), spans
    assert any("packaging" in s for s in spans)
    plain = {PACKAGING[a:b] for a, b, _ in sa.candidates("What Korvo technology is Vexa looking at?", PACKAGING)}
    assert any("process" in s and "packaging" not in s for s in plain), plain
