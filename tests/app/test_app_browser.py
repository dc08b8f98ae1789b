"""The web app as a person uses it: headless Chromium (Debian's) drives a live server on a copy of
the seeds with the real model. Screenshots go to tests/artifacts/ (git-ignored)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from qa.bench.server import free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
TIMEOUT = 60_000  # ms; the machine is shared and the first question loads models

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

ARTICLE = """Zorblax Robotics picks Tampere for its new factory
2026-07-05

Zorblax Robotics will build its new factory in Tampere, Finland, the company said on Monday.
<script>window.__pwned = 1; alert("pwned")</script>
<img src=x onerror="window.__pwned = 2">
The plant will employ about 400 people when it opens in 2028.
"""


WEB_PAGE = """<!doctype html><html><head><title>Quillon Shipping moves to Rotterdam | Port Daily</title>
<meta property="og:site_name" content="Port Daily"></head><body>
<nav><a href="/">Home</a> <a href="/ports">Ports</a> <a href="/login">Log in</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>Quillon Shipping moves its headquarters to Rotterdam</h1>
<p>Quillon Shipping is moving its headquarters from Hamburg to Rotterdam next spring, the company said on
Tuesday. About 300 office staff will move with it, and the company will keep a small team in Hamburg for
its German customers. The chief executive, Lars Quillon, said Rotterdam's port was the deciding reason.</p>
</article><section class="comments"><p>Comment: great move!!!</p></section></body></html>"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A live app on a free 127.0.0.1 port over a tmp copy of the seeds (and of their index)."""
    from qa import api
    from qa.app.web import build_app, launch_options

    tmp = tmp_path_factory.mktemp("app")
    corpus, index_root = tmp / "corpus", tmp / "index"
    shutil.copytree(ROOT / "seeds", corpus)
    if (ROOT / "index" / "seeds" / "manifest.json").exists():  # reused when still valid, else rebuilt
        shutil.copytree(ROOT / "index" / "seeds", index_root / "seeds")
    saved = {k: os.environ.get(k) for k in ("QA_CORPUS", "QA_INDEX_ROOT", "GRADIO_ANALYTICS_ENABLED")}
    os.environ.update(QA_CORPUS=str(corpus), QA_INDEX_ROOT=str(index_root), GRADIO_ANALYTICS_ENABLED="False")
    api.clear_cache()
    api.build_index(corpus, progress=False)
    port = free_port()
    demo = build_app(corpus)
    demo.launch(**launch_options("127.0.0.1", port), prevent_thread_lock=True, quiet=True)
    try:
        yield {"url": f"http://127.0.0.1:{port}", "corpus": corpus}
    finally:
        demo.close()
        api.clear_cache()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(browser, server, width=1366, height=768):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.set_default_timeout(TIMEOUT)
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(server["url"])
    page.wait_for_selector("#qa-question textarea")
    return page


def ask(page, question: str):
    """Type a question, press Enter, wait for the new reply; return the reply element."""
    replies = page.locator("#qa-chat .qa-reply")
    n = replies.count()
    page.fill("#qa-question textarea", question)
    page.press("#qa-question textarea", "Enter")
    page.wait_for_function(f"document.querySelectorAll('#qa-chat .qa-reply').length > {n}")
    return replies.nth(n)


def test_answer_with_highlight_sources_and_conflicts(browser, server):
    page = open_page(browser, server)
    reply = ask(page, "How large is Samsung's foundry order backlog?")
    assert "50 trillion won" in reply.inner_text()
    assert "50 trillion won" in reply.locator("mark").first.inner_text()
    assert "[1]" in reply.inner_text()
    sources = page.locator("#qa-sources")
    assert sources.locator(".qa-card").count() >= 1
    assert sources.locator("mark").count() >= 1
    assert "50 trillion won" in sources.locator("mark.qa-short").first.inner_text()
    # The sources disagree on whether the backlog is expected or reached: both statements shown.
    conflicts = page.locator("#qa-conflicts")
    assert conflicts.locator(".qa-stmt").count() >= 2
    text = conflicts.inner_text()
    assert "expected to approach 50 trillion" in text and "reached approximately 50 trillion won" in text

    reply = ask(page, "Is Anthropic using Samsung's 2nm process?")
    assert "2nm" in reply.inner_text()
    assert page.locator("#qa-conflicts .qa-conflict").count() >= 1
    assert page.locator("#qa-conflicts .qa-stmt").count() >= 2
    assert len(page.locator("#qa-chat .qa-reply").all()) == 2  # the history is kept

    # Read the first source in full, cited passage highlighted.
    page.click("#qa-read input")
    page.get_by_role("option").first.click()
    page.wait_for_selector("#qa-viewer .qa-doc mark")
    assert "2nm" in page.locator("#qa-viewer .qa-doc mark").first.inner_text()
    page.wait_for_timeout(500)  # let the option list fade out
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "app-laptop-viewer.png"))
    page.close()


def test_a_follow_up_is_read_against_the_conversation_and_new_chat_forgets_it(browser, server):
    page = open_page(browser, server)
    reply = ask(page, "What is the name of the inference chip OpenAI disclosed?")
    assert "Jalapeño" in reply.inner_text() and reply.locator(".qa-read-as").count() == 0
    reply = ask(page, "What is it also called?")
    read_as = reply.locator(".qa-read-as").inner_text()
    assert read_as.startswith("Read as:") and "Jalapeño" in read_as, read_as
    assert "Intelligence Processor" in reply.inner_text()
    # Another visitor's page has its own conversation: the same follow-up there has nothing to follow.
    other = open_page(browser, server)
    assert ask(other, "What is it also called?").locator(".qa-read-as").count() == 0
    other.close()
    page.click("text=New chat")
    page.wait_for_function("document.querySelectorAll('#qa-chat .qa-reply').length == 0")
    assert ask(page, "What is it also called?").locator(".qa-read-as").count() == 0
    page.close()


def test_abstention_and_friendly_errors(browser, server):
    page = open_page(browser, server)
    reply = ask(page, "What is the capital of France?")
    assert "do not answer" in reply.inner_text()
    assert "Closest passages" in reply.inner_text()
    assert "Sources agree" in page.locator("#qa-conflicts").inner_text()
    reply = ask(page, "   ")
    assert "empty" in reply.inner_text() and "Traceback" not in page.content()
    page.close()


def test_example_question_click_answers(browser, server):
    page = open_page(browser, server)
    page.get_by_text("Which foundry will make Meta's MTIA chips?").first.click()
    page.wait_for_selector("#qa-chat .qa-reply")
    assert "Samsung" in page.locator("#qa-chat .qa-reply").first.inner_text()
    page.close()


def test_upload_then_ask_and_html_stays_text(browser, server, tmp_path):
    page = open_page(browser, server)
    good = tmp_path / "zorblax factory.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "slides.pdf"
    bad.write_bytes(b"%PDF-1.4 not an article")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 news".encode("latin-1"))
    saved = tmp_path / "quillon.html"  # a web page as a browser saves it: menus, ads and comments around
    saved.write_text(WEB_PAGE, encoding="utf-8")
    page.get_by_role("tab", name="Upload").click()
    page.set_input_files("#qa-files input[type=file]", [str(good), str(bad), str(latin), str(saved)])
    page.wait_for_timeout(500)
    page.click("#qa-add")
    page.wait_for_function("document.querySelector('#qa-upload-status')?.innerText.includes('Index updated')")
    status = page.locator("#qa-upload-status").inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "app-laptop-upload.png"))
    assert "zorblax_factory.txt" in status
    assert "not a readable PDF" in status and "UTF-8" in status and "quillon.html" in status
    assert (server["corpus"] / "zorblax_factory.txt").exists() and not (server["corpus"] / "slides.pdf").exists()
    assert len(list(server["corpus"].glob("*.txt"))) == 6  # the five seeds are all still there

    page.get_by_role("tab", name="Articles").click()
    assert "Zorblax Robotics picks Tampere" in page.locator("#qa-documents").inner_text()
    assert "Samsung's 2nm Foundry" in page.locator("#qa-documents").inner_text()

    page.get_by_role("tab", name="Ask").click()
    reply = ask(page, "Where will Zorblax Robotics build its new factory?")
    assert "Tampere" in reply.inner_text()
    page.click("#qa-read input")
    page.get_by_role("option").first.click()
    page.wait_for_selector("#qa-viewer .qa-doc mark")
    # The article's markup is shown as text and never ran.
    viewer = page.locator("#qa-viewer").inner_text()
    assert '<script>window.__pwned = 1; alert("pwned")</script>' in viewer
    assert '<img src=x onerror="window.__pwned = 2">' in viewer
    assert page.evaluate("window.__pwned") is None and page.dialogs == []
    assert page.locator("#qa-viewer script, #qa-sources script, #qa-viewer img, #qa-sources img").count() == 0
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "app-laptop-script-as-text.png"))
    # The saved web page is asked about like any article, by its article text only.
    reply = ask(page, "Where is Quillon Shipping moving its headquarters?")
    assert "Rotterdam" in reply.inner_text() and "Quillon" in page.locator("#qa-sources").inner_text()
    assert "cookie" not in page.locator("#qa-sources").inner_text().lower()  # the page's furniture is gone
    page.close()


def test_an_upload_over_the_library_limit_is_refused_by_the_widget(browser, server, tmp_path):
    from qa.app.uploads import DEFAULT_UPLOAD_BYTES

    page = open_page(browser, server)
    big = tmp_path / "big.txt"
    big.write_text("Big article\n2026-07-05\n\n" + "word " * (DEFAULT_UPLOAD_BYTES // 5 + 1), encoding="utf-8")
    before = sorted(server["corpus"].iterdir())
    page.get_by_role("tab", name="Upload").click()
    page.set_input_files("#qa-files input[type=file]", [str(big)])
    page.wait_for_function("document.body.innerText.includes('exceed the maximum allowed size')")
    assert "big.txt" in page.locator("body").inner_text()
    assert sorted(server["corpus"].iterdir()) == before
    page.close()


@pytest.mark.parametrize("name, width, height", [("laptop", 1366, 768), ("phone", 390, 844)])
def test_screenshots(browser, server, name, width, height):
    page = open_page(browser, server, width, height)
    ask(page, "How large is Samsung's foundry order backlog?")
    page.wait_for_timeout(300)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"app-{name}.png"))
    page.screenshot(path=str(ARTIFACTS / f"app-{name}-full.png"), full_page=True)
    # Nothing wider than the screen: the page does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.close()


def test_overload_says_busy_and_recovers(browser, server, monkeypatch):
    """With one worker and a queue of one, extra visitors get Gradio's 'busy' message, not a crash."""
    import time

    from qa import api
    from qa.app import web as app

    real_ask = api.ask
    # Slow enough that all four questions arrive while the first is still being answered.
    monkeypatch.setattr(api, "ask", lambda *a, **k: (time.sleep(4), real_ask(*a, **k))[1])
    monkeypatch.setattr(app, "CONCURRENCY", 1)
    monkeypatch.setattr(app, "MAX_QUEUE", 1)
    port = free_port()
    demo = app.build_app(server["corpus"])
    demo.launch(**app.launch_options("127.0.0.1", port), prevent_thread_lock=True, quiet=True)
    pages = []
    try:
        pages += [open_page(browser, {"url": f"http://127.0.0.1:{port}"}) for _ in range(4)]
        for page in pages:
            page.fill("#qa-question textarea", "Which foundry will make Meta's MTIA chips?")
            page.press("#qa-question textarea", "Enter")
        # Which two visitors get in depends on the order their requests reach the server, not on the
        # order of the key presses; and the busy notice fades after a while. So all four pages are
        # watched at once, each until it shows one outcome or the other.
        outcomes: dict[int, str] = {}
        deadline = time.monotonic() + TIMEOUT / 1000
        while len(outcomes) < len(pages) and time.monotonic() < deadline:
            for i, page in enumerate(pages):
                if i not in outcomes and page.get_by_text("currently busy").count():
                    outcomes[i] = "busy"
                elif i not in outcomes and page.locator("#qa-chat .qa-reply").count():
                    outcomes[i] = "answered"
            pages[0].wait_for_timeout(100)
        assert sorted(outcomes.values()) == ["answered", "answered", "busy", "busy"], outcomes
        monkeypatch.setattr(api, "ask", real_ask)
        turned_away = pages[min(i for i, o in outcomes.items() if o == "busy")]
        reply = ask(turned_away, "Which foundry will make Meta's MTIA chips?")  # and the app still works
        assert "Samsung" in reply.inner_text() or "Meta" in reply.inner_text()
    finally:
        for page in pages:
            page.close()
        demo.close()
