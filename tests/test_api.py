import json
import threading
import time

import pytest

import qa
from qa import api
from qa.cli import main as cli_main
from qa.errors import EmptyCorpusError, EmptyQuestionError, QuestionTooLongError


def check_contract(a: qa.Answer, corpus_texts: dict[str, str]):
    assert isinstance(a.citations, list) and a.citations
    for c in a.citations:
        assert corpus_texts[c.doc_id][c.start : c.end] == c.text
    if a.abstained:
        assert a.answer is None and a.reason
    else:
        assert a.answer in a.citations[0].text
        assert corpus_texts[a.citations[0].doc_id][a.answer_start : a.answer_end] == a.answer
        if a.short_answer is not None:
            assert a.short_answer in a.answer
    json.dumps(a.to_dict())  # JSON-serialisable
    assert set(a.to_dict()) >= {"question", "answer", "short_answer", "abstained", "reason", "citations", "conflicts"}


def texts(corpus):
    return {p.stem: p.read_text() for p in corpus.iterdir()}


def test_ask_contract_on_seeds(fake_qa):
    corpus = texts(fake_qa["corpus"])
    a = qa.ask("Which foundry produced the first two generations of MTIA?")
    check_contract(a, corpus)
    assert len(a.citations) == 5
    assert all(isinstance(c, qa.Conflict) for c in a.conflicts)
    assert len(qa.ask("Samsung backlog", k=2).citations) <= 2


def test_the_answer_does_not_depend_on_how_many_sources_are_shown(fake_qa, monkeypatch):
    # `qa eval` asks for ten sources, the app and `qa ask` for five: the reader must read the same
    # passages for both, or the evaluation measures answers no user sees.
    from qa.reading.reader import ExtractiveReader

    read, original = [], ExtractiveReader.read
    monkeypatch.setattr(ExtractiveReader, "read", lambda self, q, qvec, hits: read.append(len(hits)) or original(self, q, qvec, hits))
    answers = [qa.ask("Which foundry produced the first two generations of MTIA?", k=k) for k in (2, 5, 10, 12)]
    assert len(set(read)) == 1
    assert len({(a.answer, a.short_answer, a.abstained) for a in answers}) == 1


def test_ask_on_another_corpus_with_its_own_index(fake_embedder, data_dirs):
    other = data_dirs["tmp"] / "other"
    other.mkdir()
    (other / "a.txt").write_text("Chip news\n2026-01-05\nTSMC will open a 3nm fab in Arizona in 2027.\n")
    ix = data_dirs["tmp"] / "other-index"
    a = qa.ask("Where will TSMC open a fab?", corpus=other, index_dir=ix)
    assert a.citations[0].doc_id == "a" and (ix / "manifest.json").exists()
    assert a.citations[0].date == "2026-01-05"


def test_bad_questions(fake_qa):
    with pytest.raises(EmptyQuestionError, match="question is empty"):
        qa.ask("   \n\t")
    with pytest.raises(TypeError, match="must be a str"):
        qa.ask(42)  # type: ignore[arg-type]
    t = time.perf_counter()
    with pytest.raises(QuestionTooLongError, match="Ask a shorter question"):
        qa.ask("why " * 250_000)
    assert time.perf_counter() - t < 1.0
    with pytest.raises(ValueError, match="positive whole number"):
        qa.ask("Samsung?", k=0)
    assert isinstance(EmptyQuestionError(), ValueError)


def test_control_and_bidi_characters_are_ignored(fake_qa):
    a = qa.ask("\u202eWho\x00 makes\u200f MTIA?\x07")
    assert a.question == "Who makes MTIA?"


def test_empty_corpus_is_a_clear_error(fake_embedder, data_dirs):
    empty = data_dirs["tmp"] / "empty"
    empty.mkdir()
    with pytest.raises(EmptyCorpusError, match="empty"):
        qa.ask("anything?", corpus=empty)


def test_ask_refreshes_when_an_article_is_added(fake_qa, monkeypatch):
    monkeypatch.setattr(api, "FRESHNESS_INTERVAL", 0.0)
    qa.ask("warm up")
    (fake_qa["corpus"] / "zz_new.txt").write_text("Quantum news\nIonQ unveiled the Tempest quantum chip in Oslo.\n")
    a = qa.ask("IonQ Tempest quantum chip Oslo")
    assert a.citations[0].doc_id == "zz_new"


def test_ask_is_thread_safe(fake_qa):
    qa.ask("warm up")
    questions = ["Who makes MTIA?", "Samsung backlog", "Clive Chan", "Jalapeño chip", "2nm process"] * 4
    results, errors = [], []

    def worker(q):
        try:
            results.append(qa.ask(q))
        except Exception as exc:  # pragma: no cover - the assertion reports it
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(q,)) for q in questions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == len(questions)
    corpus = texts(fake_qa["corpus"])
    for a in results:
        check_contract(a, corpus)


def test_cli_ask_json_and_errors(fake_qa, capsys):
    assert cli_main(["ask", "Who makes MTIA?", "--json", "-k", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["question"] == "Who makes MTIA?" and len(out["citations"]) == 3
    assert cli_main(["ask", "   "]) == 2
    err = capsys.readouterr().err
    assert "question is empty" in err and "Traceback" not in err


def test_cli_readable_output_and_index(fake_qa, capsys):
    assert cli_main(["index", "--quiet"]) == 0
    assert "Index" in capsys.readouterr().out
    assert cli_main(["ask", "Who makes MTIA?"]) == 0
    out = capsys.readouterr().out
    assert "Sources:" in out or "Closest passages:" in out
    assert "[1]" in out


def test_a_follow_up_is_read_against_the_history_and_says_how(fake_qa):
    first = qa.ask("Who does Anthropic rely on most for training and cloud services?")
    assert first.read_as is None and first.to_dict()["read_as"] is None
    follow = qa.ask("how much capacity did it lock in with them", history=[first])
    assert follow.read_as and "Anthropic" in follow.read_as, follow.read_as
    assert follow.question == "how much capacity did it lock in with them"  # the user's words kept
    assert follow.to_dict()["read_as"] == follow.read_as
    check_contract(follow, texts(fake_qa["corpus"]))
    # A question that stands on its own is read as typed, whatever came before.
    alone = qa.ask("Which foundry produced the first two generations of Meta's MTIA?", history=[first, follow])
    assert alone.read_as is None
    with pytest.raises(TypeError, match="history must be the earlier Answers"):
        qa.ask("When?", history=["Who does Anthropic rely on?"])


def test_qa_chat_reads_follow_ups_and_starts_over(fake_qa, capsys):
    import argparse

    from qa.cli import _cmd_chat

    lines = iter(["Who does Anthropic rely on most for training and cloud services?",
                  "how much capacity did it lock in with them", ":new", "how much capacity did it lock in with them",
                  ":quit"])
    assert _cmd_chat(argparse.Namespace(corpus=None, index_dir=None), read=lambda _: next(lines)) == 0
    out = capsys.readouterr().out
    assert out.count("Read as:") == 1 and "New conversation." in out
    assert out.index("Read as:") < out.index("New conversation.")  # after :new the follow-up has no history

    def ctrl_d(_prompt):
        raise EOFError

    assert _cmd_chat(argparse.Namespace(corpus=None, index_dir=None), read=ctrl_d) == 0  # Ctrl-D leaves


def test_ask_and_chat_print_no_library_warnings_but_the_project_s_own(fake_qa, capsys, monkeypatch):
    import warnings

    from qa import api as qa_api

    real_ask = qa_api.ask

    def noisy_ask(*args, **kwargs):
        # as torch or transformers would warn from inside a load, and as qa.ingest warns
        warnings.warn_explicit("TypedStorage is deprecated", UserWarning, "torch/storage.py", 1, module="torch.storage")
        warnings.warn_explicit("skipped broken.txt: not UTF-8", UserWarning, "qa/ingest/corpus.py", 1,
                               module="qa.ingest.corpus")
        return real_ask(*args, **kwargs)

    monkeypatch.setattr(qa_api, "ask", noisy_ask)
    for argv in (["ask", "Who makes MTIA?"], ["index", "--quiet"]):
        with warnings.catch_warnings(record=True) as shown:  # what main() lets through is shown
            assert cli_main(argv) == 0
            if argv[0] == "index":
                noisy_ask("Who makes MTIA?")
        said = " ".join(str(w.message) for w in shown)
        assert "skipped broken.txt" in said
        assert ("TypedStorage" in said) == (argv[0] == "index"), said  # other commands: left as they were


def test_an_article_edited_between_freshness_checks_is_answered_from_its_new_text(fake_embedder, write_corpus):
    import os
    import time

    import qa

    corpus = write_corpus({"a.txt": "Port news\n\nThe Harbin crane lifted 40 boxes on Monday.\n",
                           "b.txt": "Farm news\n\nThe Orla farm sold 12 cows on Friday.\n"})
    old = time.time() - 60
    for p in corpus.iterdir():
        os.utime(p, (old, old))
    qa.api.get_pipeline(corpus, corpus.parent / "ix")  # builds and stamps the files
    qa.api.clear_cache()
    qa.api.get_pipeline(corpus, corpus.parent / "ix")  # a cold start: texts not read yet
    (corpus / "a.txt").write_text("Port news\n\nThe Harbin crane lifted 90 boxes on Monday.\n", "utf-8")
    a = qa.ask("How many boxes did the Harbin crane lift?", corpus=corpus, index_dir=corpus.parent / "ix")
    assert "90 boxes" in a.citations[0].text and "40" not in a.citations[0].text
