"""qa eval: format detection, per-question scoring and aggregation on hand-made answers, reports,
--json / --min-bar, and a small run of the real pipeline (fake embedder) on gold questions."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from qa import api
from qa.evaluation import evaluate
from qa.evaluation.evaluate import Dataset, Item, aggregate, check_bar, detect_format, run, score_question
from qa.results import Answer, Citation, Conflict

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold.jsonl"

DOC = "Acme Corp said on Monday that it sold 5 million widgets. The chief executive is Jane Roe.\n"
OTHER = "Globex reported weather news. Nothing about widgets here.\n"
TEXTS = {"acme": DOC, "globex": OTHER}


def cite(doc: str, start: int, end: int, text: str | None = None) -> Citation:
    return Citation(doc, doc, None, start, end, TEXTS[doc][start:end] if text is None else text, 1.0)


def answer(q: str, ans: str | None, cites, *, short=None, conflicts=(), score=0.9) -> Answer:
    return Answer(q, ans, short, ans is None, None if ans else "low score", list(cites), list(conflicts), score=score)


def text_of(doc_id: str) -> str | None:
    return TEXTS.get(doc_id)


# --------------------------------------------------------------------------- formats
def test_detect_format(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "x", "question": "q?", "answers": ["a"], "doc_ids": [], "answerable": True}) + "\n")
    squad = tmp_path / "s.json"
    squad.write_text(json.dumps({"version": "1.1", "data": [{"title": "T", "paragraphs": [
        {"context": "Alpha beta.", "qas": [{"id": "1", "question": "What?", "answers": [{"text": "Alpha", "answer_start": 0}]}]}]}]}))
    ram = tmp_path / "r.jsonl"
    ram.write_text(json.dumps({"question": "q?", "documents": [{"text": "t", "type": "correct", "answer": "a"}],
                               "disambig_entity": ["e"], "gold_answers": ["a"], "wrong_answers": []}) + "\n")
    other = tmp_path / "o.json"
    other.write_text('{"hello": 1}')
    assert detect_format(gold) == "gold"
    assert detect_format(squad) == "squad"
    assert detect_format(ram) == "ramdocs"
    with pytest.raises(ValueError):
        detect_format(other)


def test_load_squad_and_ramdocs(tmp_path):
    squad = tmp_path / "s.json"
    squad.write_text(json.dumps({"version": "1.1", "data": [{"title": "T", "paragraphs": [
        {"context": "Alpha beta.", "qas": [{"id": "1", "question": "What?", "answers": [{"text": "Alpha", "answer_start": 0}]}]},
        {"context": "Gamma delta.", "qas": [{"id": "2", "question": "Who?", "answers": [{"text": "Gamma", "answer_start": 0}]}]}]}]}))
    ds = evaluate.load_squad_items(squad, root=tmp_path)
    assert [i.paragraph for i in ds.items] == ["000_T#0", "000_T#1"]
    assert (tmp_path / "bench" / "squad-corpus" / "000_T.txt").exists()
    assert ds.items[0].index_dir == str(tmp_path / "bench" / "squad")

    ram = tmp_path / "r.jsonl"
    rows = [
        {"question": "Pop?", "documents": [{"text": "It has 10 people.", "type": "correct", "answer": "10"},
                                           {"text": "It has 99 people.", "type": "misinfo", "answer": "99"},
                                           {"text": "  ", "type": "noise", "answer": "unknown"}],
         "disambig_entity": ["X"], "gold_answers": ["10"], "wrong_answers": ["99"]},
        {"question": "Sport?", "documents": [{"text": "He plays golf.", "type": "correct", "answer": "golf"}],
         "disambig_entity": ["A", "B"], "gold_answers": ["golf"], "wrong_answers": []},
        {"question": "Only lies?", "documents": [{"text": "It is 5.", "type": "misinfo", "answer": "5"}],
         "disambig_entity": ["A"], "gold_answers": ["4"], "wrong_answers": ["5"]},
        {"question": "Born?", "documents": [{"text": "Born 1920.", "type": "correct", "answer": "1920"},
                                            {"text": "Born 1958.", "type": "correct", "answer": "1958"},
                                            {"text": "Born 1972.", "type": "misinfo", "answer": "1972"}],
         "disambig_entity": ["Bradshaw (1920)", "Bradshaw (1958)"], "gold_answers": ["1920", "1958"], "wrong_answers": ["1972"]},
    ]
    ram.write_text("".join(json.dumps(r) + "\n" for r in rows))
    ds = evaluate.load_ramdocs(ram, root=tmp_path)
    a, b, c, d = ds.items
    assert (a.conflict, a.doc_ids, a.conflict_doc_ids, a.category) == (True, ("d0",), ("d0", "d1"), "conflict")
    assert (b.conflict, b.category) == (False, "ambiguity")
    assert (c.conflict, c.category) == (None, "misinfo-only")
    # Namesakes beside a misinformation document: a conflict is expected, and a note is true too.
    assert (d.conflict, d.category, d.namesakes) == (True, "conflict", True)
    assert (a.namesakes, b.namesakes, c.namesakes) == (False, True, False)
    assert (tmp_path / "bench" / "ramdocs" / "r0000" / "docs" / "d1.txt").read_text() == "It has 99 people."
    assert not (tmp_path / "bench" / "ramdocs" / "r0000" / "docs" / "d2.txt").exists()
    assert a.index_dir != b.index_dir


# --------------------------------------------------------------------------- scoring
def hand_made() -> list[dict]:
    s = DOC.index("it sold")
    sent = DOC[: DOC.index(".") + 1]
    good = answer("How many widgets?", sent, [cite("acme", 0, len(sent)), cite("globex", 0, 10)],
                  short="5 million")
    wrong = answer("Who is the CEO?", "Globex reported weather news.", [cite("globex", 0, 29), cite("acme", 0, 20)])
    abst = answer("When did Acme sell?", None, [cite("acme", 0, 20)], score=0.1)
    bad_cite = answer("Hallucinated?", None, [cite("acme", s, s + 7, text="it SOLD")], score=0.05)
    unans_answered = answer("What colour?", "Globex reported weather news.", [cite("globex", 0, 29)], score=0.5)
    conflict = Conflict("numeric", "5 vs 7", (cite("acme", s, s + 20), cite("globex", 0, 10)))
    conf = answer("How many widgets sold?", sent, [cite("acme", 0, len(sent))], short="5 million widgets",
                  conflicts=[conflict])
    items = [
        (Item("q1", "How many widgets?", ("5 million",), ("acme",), True, False), good),
        (Item("q2", "Who is the CEO?", ("Jane Roe",), ("acme",), True, False), wrong),
        (Item("q3", "When did Acme sell?", ("Monday",), ("acme",), True, None), abst),
        (Item("q4", "Hallucinated?", (), (), False, None), bad_cite),
        (Item("q5", "What colour?", (), (), False, False), unans_answered),
        (Item("q6", "How many widgets sold?", ("5 million",), ("acme",), True, True, ("acme", "globex")), conf),
    ]
    return [score_question(i, a, 0.01 * (n + 1), text_of) for n, (i, a) in enumerate(items)]


def test_score_question_records():
    r1, r2, r3, r4, r5, r6 = hand_made()
    assert r1["contains"] and r1["em"] == 1.0 and r1["f1"] == 1.0 and r1["cite_doc_ok"] and r1["why"] == []
    assert r1["recall@1"] == 1.0 and r1["mrr"] == 1.0 and r1["answer_in_citation"]
    assert not r2["contains"] and r2["em"] == 0.0 and r2["cite_doc_ok"] is False
    assert r2["mrr"] == 0.5 and r2["why"] == ["wrong sentence"]
    assert r3["abstained"] and r3["why"] == ["wrong abstention"] and r3["f1"] == 0.0
    assert r4["citations_invalid"] == 1 and r4["why"] == ["invalid citation"]
    assert r5["why"] == ["answered unanswerable"]
    assert r6["conflict_flagged"] and r6["conflict_doc_recall"] == 1.0 and r6["conflict_kinds"] == ["numeric"]
    assert r6["f1"] < 1.0 and r6["contains"]


def test_possessive_sentence_with_exact_short_answer_counts():
    s = "Starting from Tesla's AI chip order last year, orders grew."
    TEXTS["tesla"] = s
    try:
        a = answer("Whose order?", s, [Citation("tesla", "t", None, 0, len(s), s, 1.0)], short="Tesla")
        r = score_question(Item("q", "Whose order?", ("Tesla",), ("tesla",)), a, None, text_of)
    finally:
        del TEXTS["tesla"]
    assert r["contains"] and r["em"] == 1.0 and r["why"] == []


def test_median_answer_length_counts_answered_answerable_questions_only():
    # q1 and q6 quote 56 characters, q2 29; the abstention (q3) and the unanswerable q5 are left out
    assert aggregate(hand_made())["answers"]["answer_chars_median"] == 56


def test_retrieval_miss_is_told_apart():
    a = answer("Who is the CEO?", "Globex reported weather news.", [cite("globex", 0, 29)])
    r = score_question(Item("q", "Who is the CEO?", ("Jane Roe",), ("acme",)), a, None, text_of)
    assert r["recall@10"] == 0.0 and r["why"] == ["retrieval miss"]


def test_aggregate_and_bar():
    m = aggregate(hand_made())
    assert m["questions"] == 6 and m["answerable"] == 4 and m["unanswerable"] == 2
    assert m["answers"]["contains_answer"] == pytest.approx(2 / 4)
    assert m["answers"]["exact_match"] == pytest.approx(1 / 4)
    assert m["citations"]["checked"] == 10 and m["citations"]["invalid"] == 1
    assert m["citations"]["validity"] == pytest.approx(9 / 10)
    assert m["citations"]["precision"] == pytest.approx(2 / 3)  # q1, q6 right; q2 cites globex
    ab = m["abstention"]
    assert (ab["correct_abstentions"], ab["wrong_abstentions"], ab["missed_abstentions"]) == (1, 1, 1)
    cf = m["conflicts"]
    assert (cf["tp"], cf["fp"], cf["fn"], cf["negatives"]) == (1, 0, 0, 3)
    assert cf["recall"] == 1.0 and cf["false_alarm_rate"] == 0.0 and cf["by_kind"]["numeric"]["precision"] == 1.0
    assert m["latency"]["median_s"] == pytest.approx(0.035)
    assert m["misses"] == {"wrong sentence": 1, "wrong abstention": 1, "invalid citation": 1, "answered unanswerable": 1}
    failed = check_bar(m)
    assert any("citation validity" in f for f in failed) and any("contains a gold answer" in f for f in failed)
    assert not any("conflict" in f for f in failed)


def test_bar_passes_and_skips_undefined():
    m = {"answers": {"contains_answer": 0.97}, "abstention": {"precision": 1.0, "recall": 0.9},
         "citations": {"validity": 1.0}, "conflicts": {"recall": None, "false_alarm_rate": None}}
    assert check_bar(m) == []
    m["conflicts"]["false_alarm_rate"] = 0.06
    assert check_bar(m) == ["conflict false alarms <= 5%: measured 6.0%"]


def test_run_warms_up_once_per_corpus():
    calls = []

    def fake_ask(q, k, corpus, index_dir):
        calls.append((q, k, corpus))
        return answer(q, None, [], score=0.0)

    changes = []
    ds = Dataset("t", "gold", [Item("a", "A?", ("x",), corpus="c1"), Item("b", "B?", ("x",), corpus="c1"),
                               Item("c", "C?", ("x",), corpus="c2")])
    recs = run(ds, fake_ask, progress=False, on_corpus_change=lambda: changes.append(1))
    assert [c[0] for c in calls] == ["A?", "A?", "B?", "C?", "C?"] and all(c[1] == 10 for c in calls)
    assert len(changes) == 1 and len(recs) == 3 and all(r["latency"] >= 0 for r in recs)


# --------------------------------------------------------------------------- command
def _args(path, **kw) -> argparse.Namespace:
    d = {"path": str(path), "json": False, "limit": None, "report": None, "min_bar": False}
    d.update(kw)
    return argparse.Namespace(**d)


@pytest.fixture
def tiny_gold(tmp_path):
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    pick = [r for r in rows if r["category"] in ("fact-number", "conflict", "unanswerable")]
    pick = pick[:2] + [r for r in pick if r["category"] == "conflict"][:1] + [r for r in pick if not r["answerable"]][:2]
    p = tmp_path / "tiny.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in pick), encoding="utf-8")
    return p


def test_json_output_and_report_with_fake_ask(tiny_gold, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(api, "ask", lambda q, k, corpus, index_dir: answer(q, None, [], score=0.2))
    out = tmp_path / "reports"
    code = evaluate.main(_args(tiny_gold, json=True, report=str(out)))
    assert code == 0
    stdout = capsys.readouterr().out
    metrics = json.loads(stdout)  # exactly one JSON object
    assert metrics["questions"] == 5 and metrics["format"] == "gold" and metrics["bar"]["passed"] is False
    for name in ("tiny.json", "tiny.md", "tiny-scores.png", "tiny-categories.png", "tiny-latency.png"):
        assert (out / name).stat().st_size > 0
    md = (out / "tiny.md").read_text()
    assert "| metric | value |" in md and "wrong abstention" in md
    assert evaluate.main(_args(tiny_gold, min_bar=True)) == 1
    assert "quality bar failed" in capsys.readouterr().err


@pytest.mark.parametrize("case", ["lower", "upper"])
def test_case_retypes_the_questions(tiny_gold, tmp_path, monkeypatch, capsys, case):
    asked = []
    monkeypatch.setattr(api, "ask", lambda q, k, corpus, index_dir: (asked.append(q), answer(q, None, [], score=0.2))[1])
    out = tmp_path / "reports"
    assert evaluate.main(_args(tiny_gold, json=True, report=str(out), case=case)) == 0
    originals = [json.loads(line)["question"] for line in tiny_gold.open(encoding="utf-8")]
    assert set(asked) == {getattr(q, case)() for q in originals}  # the first is asked twice: a warm-up
    assert json.loads(capsys.readouterr().out)["case"] == case
    assert (out / f"tiny-{case}.json").exists()  # beside, not over, the report of the questions as written


def test_real_pipeline_on_tiny_gold(fake_qa, tiny_gold):
    _, records, m = evaluate.evaluate(tiny_gold, progress=False)
    assert m["questions"] == 5 and len(records) == 5
    assert m["citations"]["validity"] == 1.0 and m["citations"]["checked"] > 0
    assert m["retrieval"]["recall@10"] is not None and m["latency"]["n"] == 5
    assert all(isinstance(r["why"], list) for r in records)


def test_the_gold_bar_is_not_applied_to_other_formats(tmp_path, capsys, monkeypatch):
    from qa.evaluation import evaluate as ev

    metrics = {"format": "squad", "answers": {"contains_answer": 0.5}}
    assert ev.check_bar(metrics)  # the gold bar would fail these figures...
    monkeypatch.setattr(ev, "evaluate", lambda path, limit=None, case=None: (None, [], dict(metrics)))
    assert ev.main(_args(tmp_path / "q.json", min_bar=True, json=True)) == 0  # ...but SQuAD has no such bar
    assert "bar" not in json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("records, shown, right, true", [
    ([], 0, 0, 0),
    ([{"notes": ["n"], "note_expected": True, "note_namesakes": True}], 1, 1, 1),
    # A note on namesakes beside misinformation: true, not in the note's own category.
    ([{"notes": ["n"], "note_expected": False, "note_namesakes": True},
      {"notes": ["n"], "note_expected": False, "note_namesakes": False},
      {"notes": [], "note_expected": True, "note_namesakes": True}], 2, 0, 1),
    # Reports written before the field: true is right.
    ([{"notes": ["n"], "note_expected": True}, {"notes": ["n"], "note_expected": False}], 2, 1, 1),
])
def test_note_metrics_count_right_and_true_notes(records, shown, right, true):
    m = evaluate.note_metrics(records)
    assert (m["shown"], m["right"], m["true"]) == (shown, right, true)
    assert m["true_precision"] == (true / shown if shown else None)
