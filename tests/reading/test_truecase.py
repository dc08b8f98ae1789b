import pytest

import qa
from qa import api
from qa.reading.truecase import CaseMap, is_caseless

CORPUS = [
    "Meta is moving MTIA to Samsung. The chips are made on a 2nm process.\n"
    "Chips from TSMC came first, and Meta's team said the AI-server business grew as AI spread.",
    "In May, Meta and OpenAI spoke. Information about the deal was scarce, The Information said, "
    "and the information was thin.",
    "Shares of Home Depot fell. More people worked from home, and the new store opened in New York. "
    "A new home was built.",
]


@pytest.mark.parametrize("text, caseless", [
    ("who makes meta's chips?", True),
    ("WHO MAKES META'S CHIPS?", True),
    ("Who makes Meta's chips?", False),
    ("who makes Meta's chips?", False),  # any capital among small letters is the user's casing
    ("2026?", False),                      # no letters: nothing to restore
    ("", False),
    ("jalapeño", True),
])
def test_is_caseless(text, caseless):
    assert is_caseless(text) is caseless


@pytest.mark.parametrize("question, expected", [
    ("who makes meta's mtia chips?", "Who makes Meta's MTIA chips?"),
    ("WHO MAKES META'S MTIA CHIPS?", "Who makes Meta's MTIA chips?"),
    # "Chips" and "Information" open sentences; elsewhere they are common words (ties stay small).
    ("what information did tsmc give?", "What information did TSMC give?"),
    ("did the ai-server business grow?", "Did the AI-server business grow?"),
    ("is the ai-chip business growing?", "Is the AI-chip business growing?"),  # parts of an unknown compound
    ("what about nvidia?", "What about nvidia?"),  # not in the corpus: left in small letters
    ("Who makes meta's chips?", "Who makes meta's chips?"),  # cased by the user: unchanged
    # (twenty-second round) a pair of words the corpus writes as a name, though each alone is small
    ("what did home depot report?", "What did Home Depot report?"),
    ("is the new york store new?", "Is the New York store new?"),
    ("who works from home?", "Who works from home?"),
    # (twenty-sixth round) an owner typed without its apostrophe ("teslas order"): read as one, so that
    # the reader holds the answer to that owner ("Meta's order" answered "how much was teslas order worth").
    ("how much was metas order worth", "How much was Meta's order worth"),
    ("what did tsmcs team say", "What did TSMC's team say"),
    # Not a plural: before a function word, after "the" or a count, or a word the corpus writes.
    ("how many metas were sold", "How many metas were sold"),
    ("did the metas team win", "Did the metas team win"),
    ("how many chips did meta make", "How many chips did Meta make"),
])
def test_truecase(question, expected):
    assert CaseMap(CORPUS).truecase(question) == expected


def test_sentence_starts_do_not_count_as_names():
    cm = CaseMap(["Chips are cheap. Chips are small. The chips sold out."])
    assert cm.usual("chips") == "chips"
    assert cm.usual("CHIPS") == "chips"


def test_caseless_question_reads_as_the_cased_one(fake_qa, monkeypatch):
    pipeline = api.get_pipeline()
    read, seen = pipeline.reader.read, []
    monkeypatch.setattr(pipeline.reader, "read", lambda q, *a, **kw: (seen.append(q), read(q, *a, **kw))[1])
    cased = qa.ask("Which foundry produced the first two generations of Meta's MTIA?")
    for typed in ("which foundry produced the first two generations of meta's mtia?",
                  "WHICH FOUNDRY PRODUCED THE FIRST TWO GENERATIONS OF META'S MTIA?"):
        got = qa.ask(typed)
        assert seen[-1] == cased.question
        assert got.question == typed  # the answer keeps the user's words
        assert (got.answer, got.short_answer, got.citations) == (cased.answer, cased.short_answer, cased.citations)


def test_recasing_can_be_turned_off(fake_qa, monkeypatch):
    from qa.config import Settings

    pipeline = api.get_pipeline(settings=Settings(truecase=False))
    read, seen = pipeline.reader.read, []
    monkeypatch.setattr(pipeline.reader, "read", lambda q, *a, **kw: (seen.append(q), read(q, *a, **kw))[1])
    typed = "which foundry produced the first two generations of meta's mtia?"
    pipeline.ask(typed)
    assert seen == [typed]
    monkeypatch.setenv("QA_TRUECASE", "0")
    assert Settings().truecase is False


@pytest.mark.parametrize("question, expected", [
    ("Who designed Jalapeno?", "Who designed Jalapeño?"),
    ("who designed Jalapeno?", "who designed Jalapeño?"),  # only the accents: the case stays as typed
    ("WHO DESIGNED JALAPENO?", "WHO DESIGNED JALAPEÑO?"),
    ("Who designed Jalapeño?", "Who designed Jalapeño?"),
    ("Who sells jalapenos?", "Who sells jalapenos?"),  # a word the vocabulary does not have is left alone
    # (twenty-seventh round) the article "a" beside a French "à": stop words are no vocabulary entries
    ("Is it a museum or a police station?", "Is it a museum or a police station?"),
])
def test_accents_come_back_from_the_vocabulary(question, expected):
    from qa.reading.truecase import accent_map, restore_accents

    accents = accent_map(["the", "jalapeño", "chip", "broadcom", "café", "général", "general", "à"])
    assert accents == {"jalapeno": "jalapeño", "cafe": "café"}  # "general" is written as typed too
    assert restore_accents(question, accents) == expected


def test_a_word_written_small_nearly_as_often_stays_small():
    # (twenty-fifth round) "how many nights did paganini's team watch europa ..." was read with
    # "Watch" (13 times in "Apple Watch" and a product name, 10 times small): no name.
    texts = ["It sells the Apple Watch and the Patient Watch. Fans watch it, watch it and watch it. The Apple Watch and "
             "the Smart Watch sold out."]  # 4 to 3
    assert CaseMap(texts).usual("watch") == "watch"
    assert CaseMap(["It sells the Apple Watch. The Apple Watch sold. Fans watch it."]).usual("watch") == "Watch"  # twice as often
    assert CaseMap(["In the US and the US, tell us so."]).usual("us") == "US"  # in capitals: an acronym


def test_an_initial_s_full_stop_ends_no_sentence():
    # "Keck" of "the W. M. Keck Observatory" was never counted, so "keck" stayed small.
    assert CaseMap(["It used the W. M. Keck Observatory in Hawaii."]).usual("keck") == "Keck"
    assert CaseMap(["The team used the W.M. Keck Observatory."]).usual("keck") == "Keck"


def test_letters_after_an_apostrophe_keep_their_case():
    # "T" (a name elsewhere) made "hasn't" read "hasn'T" in an abstention's reason.
    cm = CaseMap(["Mr. T and T said so. The T team won, and T left."])
    assert cm.usual("t") == "T" and cm.truecase("why hasn't it won") == "Why hasn't it won"


def test_the_owner_s_name_is_counted_for_a_question_typed_without_the_apostrophe():
    from qa.reading.truecase import question_words

    assert "tesla" in question_words("how much was teslas order worth") and "cla" not in question_words("a class")
