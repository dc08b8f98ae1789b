"""Load: ask() from many threads while the corpus changes, and the short form of the load test
(python -m qa.bench.load) against the real app on 127.0.0.1 with the hashing model.

The HTTP tests start one server (about 5 s) and run 4 clients for QA_LOAD_SECONDS (default 10);
set QA_SKIP_LOAD=1 to leave them out, e.g. on a very slow machine.
"""
from __future__ import annotations

import os
import threading
import time

import pytest

import qa
from qa import api
from qa.bench.load import Server, ask_once, check_local, make_questions, rss_bytes, run

from ..test_api import check_contract, texts

SECONDS = float(os.environ.get("QA_LOAD_SECONDS", "10"))
skip_http = pytest.mark.skipif(bool(os.environ.get("QA_SKIP_LOAD")), reason="QA_SKIP_LOAD is set")


def test_ask_from_many_threads_while_articles_are_added_and_removed(fake_qa, monkeypatch):
    monkeypatch.setattr(api, "FRESHNESS_INTERVAL", 0.0)
    qa.ask("warm up")
    corpus = fake_qa["corpus"]
    questions = make_questions(96, seed=1)
    errors, answers = [], []
    stop = threading.Event()

    def asker(qs):
        for q in qs:
            try:
                answers.append(qa.ask(q, k=3))
            except Exception as exc:  # pragma: no cover - reported by the assertion
                errors.append(repr(exc))

    def editor():  # the corpus changes under the askers: every ask may trigger a rebuild
        n = 0
        while not stop.is_set() and n < 4:
            p = corpus / f"zz_{n}.txt"
            p.write_text(f"Update {n}\nGlobex said on Monday it will build plant number {n} in Oslo.\n")
            time.sleep(0.05)
            if n % 2:
                p.unlink()
            n += 1

    threads = [threading.Thread(target=asker, args=(questions[i::16],)) for i in range(16)]
    ed = threading.Thread(target=editor)
    for t in threads + [ed]:
        t.start()
    for t in threads:
        t.join(timeout=120)
    stop.set()
    ed.join(timeout=30)
    assert not any(t.is_alive() for t in threads), "ask() hung under concurrency"
    assert not errors and len(answers) == len(questions)
    # Every citation points at text that is (or was, for a removed update) in the corpus.
    final = texts(corpus)
    for a in answers:
        for c in a.citations:
            assert c.text and (c.doc_id.startswith("zz_") or final[c.doc_id][c.start : c.end] == c.text)
    check_contract(qa.ask("Who makes MTIA?"), texts(corpus))


def test_load_test_talks_only_to_localhost():
    assert check_local("http://127.0.0.1:7860/") == "http://127.0.0.1:7860"
    assert check_local("http://localhost:7861") == "http://127.0.0.1:7861"
    for url in ("http://0.0.0.0:7860", "http://10.0.0.5:7860", "https://127.0.0.1:7860", "http://example.com:80",
                "http://127.0.0.1", "http://127.0.0.1.example.com:80"):
        with pytest.raises(ValueError, match="only talks to"):
            check_local(url)


def test_questions_are_varied():
    qs = make_questions(1000)
    assert len(set(qs)) > 900 and all(q.endswith("?") for q in qs)


@pytest.fixture(scope="module")
def server():
    if os.environ.get("QA_SKIP_LOAD"):
        pytest.skip("QA_SKIP_LOAD is set")
    pytest.importorskip("qa.app.web", reason="the web app (qa/app/web.py) is not there")
    with Server(fake_model=True, startup_timeout=180) as s:
        yield s


@skip_http
def test_short_load_has_no_errors(server, record_property):
    before = rss_bytes(server.pid)
    r = run(server.base, clients=4, seconds=SECONDS, questions=0, pid=server.pid, progress=lambda m: None)
    after = rss_bytes(server.pid)
    t = r.timed
    figures = (
        f"4 clients x {t.seconds} s: {t.requests} questions, p50 {t.p50_ms} ms, p95 {t.p95_ms} ms, "
        f"{t.throughput_qps} q/s; RSS {before / 2**20:.0f} -> {after / 2**20:.0f} MB"
    )
    record_property("load", figures)
    print(figures)
    assert r.warmup.errors == 0 and t.errors == 0, t.error_samples
    assert t.busy == 0  # 4 clients never fill a queue of 32
    assert t.requests >= 4 and t.answers + t.abstentions == t.requests
    assert t.p95_ms is not None and t.p95_ms < 10_000
    assert server.proc.poll() is None


@skip_http
def test_overload_is_refused_as_busy_and_the_server_keeps_answering(server):
    import httpx

    from qa.app.web import MAX_QUEUE

    n = MAX_QUEUE * 3
    statuses: list[tuple[int, str]] = []
    lock = threading.Lock()
    barrier = threading.Barrier(n)

    def post(q):
        with httpx.Client() as c:
            barrier.wait(timeout=30)
            r = c.post(server.base + "/gradio_api/call/ask", json={"data": [q, []]}, timeout=60)
            with lock:
                statuses.append((r.status_code, r.text[:200]))

    threads = [threading.Thread(target=post, args=(q,)) for q in make_questions(n, seed=7)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    codes = sorted({s for s, _ in statuses})
    assert len(statuses) == n and set(codes) <= {200, 503}, statuses[:5]
    busy = [text for s, text in statuses if s == 503]
    assert busy and all("Queue is full" in text for text in busy)
    assert sum(s == 200 for s, _ in statuses) >= MAX_QUEUE  # the queue itself was filled
    # The refused visitors can ask again: the server is alive and answers once the queue drains.
    with httpx.Client() as c:
        deadline = time.monotonic() + 60
        while True:
            kind, _, detail = ask_once(c, server.base, "Who makes MTIA?")
            if kind != "busy" or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    assert kind in ("answer", "abstain"), detail
    assert server.proc.poll() is None
