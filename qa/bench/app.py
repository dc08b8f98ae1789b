"""Latency of the web app as a person feels it: from pressing Enter to the answer rendered.

    .venv/bin/python -m qa.bench.app [--questions 20] [--browser /usr/bin/chromium]

Starts the app in this process on a free 127.0.0.1 port over a temporary copy of the seeds (and of
their index), drives Debian's Chromium with Playwright, asks one warm-up question, then 20 different
questions from eval/gold.jsonl. Timing is taken inside the page: performance.now() at the Enter
keydown, and again in the first animation frame after the reply appears in the chat (so it includes
the queue round trip, ask(), HTML rendering, Gradio's Markdown/sanitising and layout). The library's
own ask() time for the same questions is printed afterwards for comparison (its query-embedding
cache is warm by then, so it is a lower bound).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .common import gold_questions, percentile
from .server import free_port
from ..config import project_root

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
TARGET_MS = 300.0

# Installed once per page: stamps Enter on the question box and the frame after a new reply.
PROBE = """() => {
  const box = document.querySelector('#qa-question textarea');
  box.addEventListener('keydown', e => { if (e.key === 'Enter') { window.__t0 = performance.now(); window.__t1 = null; } }, true);
  const chat = document.querySelector('#qa-chat');
  window.__seen = chat.querySelectorAll('.qa-reply').length;
  new MutationObserver(() => {
    const n = chat.querySelectorAll('.qa-reply').length;
    if (n > window.__seen) { window.__seen = n; requestAnimationFrame(() => { window.__t1 = performance.now(); }); }
  }).observe(chat, {childList: true, subtree: true});
}"""


def _questions(n: int) -> list[str]:
    return list(dict.fromkeys(gold_questions()))[:n]


def _stats(ms: list[float]) -> str:
    return (f"median {statistics.median(ms):7.1f} ms   p90 {percentile(ms, 0.9):7.1f} ms   min {min(ms):7.1f}   "
            f"max {max(ms):7.1f}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m qa.bench.app", description=__doc__.split("\n\n")[0])
    p.add_argument("--questions", type=int, default=20)
    p.add_argument("--browser", default="/usr/bin/chromium")
    args = p.parse_args(argv)
    if not os.path.exists(args.browser):
        print(f"error: {args.browser} is missing; install Debian's chromium (apt-get install -y chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="qa-bench-app-"))
    corpus, index_root = tmp / "corpus", tmp / "index"
    shutil.copytree(project_root() / "seeds", corpus)
    if (project_root() / "index" / "seeds" / "manifest.json").exists():
        shutil.copytree(project_root() / "index" / "seeds", index_root / "seeds")
    os.environ.update(QA_CORPUS=str(corpus), QA_INDEX_ROOT=str(index_root), GRADIO_ANALYTICS_ENABLED="False")

    from .. import api
    from ..app.web import build_app, launch_options

    questions = _questions(args.questions)
    print(f"Indexing a copy of the seeds in {tmp} …", flush=True)
    api.build_index(corpus, progress=False)
    warm = api.ask("Which foundry will make Meta's MTIA chips?", corpus=corpus)  # load every model

    port = free_port()
    demo = build_app(corpus)
    demo.launch(**launch_options("127.0.0.1", port), prevent_thread_lock=True, quiet=True)
    ui_ms, answered = [], 0
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.browser, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.set_default_timeout(120_000)
            page.goto(f"http://127.0.0.1:{port}")
            page.wait_for_selector("#qa-question textarea")
            page.evaluate(PROBE)

            def timed(question: str) -> tuple[float, str]:
                page.fill("#qa-question textarea", question)
                page.press("#qa-question textarea", "Enter")
                page.wait_for_function("window.__t1 != null", polling=10)
                ms = page.evaluate("window.__t1 - window.__t0")
                return ms, page.locator("#qa-chat .qa-reply").last.inner_text()

            timed(warm.question)  # warm-up: first render, fonts, queue connection
            for i, q in enumerate(questions, 1):
                ms, text = timed(q)
                ui_ms.append(ms)
                answered += "do not answer" not in text
                print(f"  {i:2d}. {ms:7.1f} ms  {q[:70]}", flush=True)
            browser.close()
        # The library alone, after the browser pass (so the browser never profits from a cache).
        lib_ms = []
        for q in questions:
            t = time.perf_counter()
            api.ask(q, corpus=corpus)
            lib_ms.append((time.perf_counter() - t) * 1000)
    finally:
        demo.close()
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    print(f"Questions: {len(questions)} different (eval/gold.jsonl), warm, one at a time; {answered} answered.")
    print(f"Enter -> answer rendered in Chromium: {_stats(ui_ms)}")
    print(f"qa.api.ask() alone, same questions:  {_stats(lib_ms)}  (its caches are warm by then: a lower bound)")
    med = statistics.median(ui_ms)
    print(f"Target <= {TARGET_MS:.0f} ms median: {'met' if med <= TARGET_MS else 'NOT met'} ({med:.1f} ms).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
