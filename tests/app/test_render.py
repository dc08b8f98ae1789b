"""qa.app.render: article text is always inert HTML; highlights land on the right characters."""
from __future__ import annotations

import html
import re
import sys
from types import SimpleNamespace

from qa.app.render import (
    conflicts_html, document_html, documents_html, error_html, esc, highlight, reply_html, sources_html,
)
from qa.results import Answer, Citation, Conflict

EVIL = 'Breaking <script>alert("pwned")</script> <img src=x onerror=alert(1)> & <b>bold</b>'
DOC = "Acme opens a plant\n\nAcme said the plant in Lyon will cost 2 billion euros. It opens in 2027.\n"


def visible(markup: str) -> str:
    """The text a browser shows for ``markup`` (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def cite(text=DOC, start=20, end=None, doc_id="acme", title="Acme opens a plant", **kw) -> Citation:
    end = end if end is not None else len(text.rstrip())
    return Citation(doc_id, title, kw.get("date", "2026-07-04"), start, end, text[start:end], 0.71, kw.get("outlet", "Example News"))


def answer(**kw) -> Answer:
    c = cite()
    a_start = DOC.index("Acme said")
    a_end = DOC.index("euros.") + len("euros.")
    s_start = DOC.index("2 billion euros")
    base = dict(
        question="How much will the plant cost?", answer=DOC[a_start:a_end], short_answer="2 billion euros",
        abstained=False, reason=None, citations=[c], conflicts=[], answer_start=a_start, answer_end=a_end,
        short_start=s_start, short_end=s_start + len("2 billion euros"), score=0.9,
    )
    base.update(kw)
    return Answer(**base)


def test_esc_makes_markup_and_markdown_inert():
    out = esc(EVIL + " *x* _y_ `z` [l](u) # h $m$ it's")
    assert "<" not in out and ">" not in out
    for ch in "*_`[]$":
        assert ch not in out
    assert visible(out) == EVIL + " *x* _y_ `z` [l](u) # h $m$ it's"


def test_esc_keeps_entity_like_text_literal():
    assert visible(esc("&amp; &#x27; &lt;")) == "&amp; &#x27; &lt;"


def test_highlight_offsets_and_nesting():
    text = "Samsung has a backlog of 50 trillion won today"
    s = text.index("50 trillion won")
    out = highlight(text, [(0, len(text) - 6, "qa-ans"), (s, s + 15, "qa-short")])
    assert re.findall(r'<mark class="qa-short">(.*?)</mark>', out) == ["50 trillion won"]
    assert visible(out) == text


def test_highlight_clips_and_ignores_empty_spans():
    out = highlight("abcdef", [(-5, 2, "a"), (4, 99, "b"), (3, 3, "c"), (None, 2, "d")])
    assert out == '<mark class="a">ab</mark>cd<mark class="b">ef</mark>'


def test_highlight_escapes_inside_marks():
    out = highlight("x <script>y</script>", [(2, 20, "hit")])
    assert "<script>" not in out and visible(out) == "x <script>y</script>"


def test_reply_quotes_answer_with_short_answer_marked_and_sources():
    out = reply_html(answer())
    assert re.search(r'<mark class="qa-short">2 billion euros</mark>', out)
    assert "[1]" in out and "Acme opens a plant" in out and "Example News" in out and "2026-07-04" in out
    assert "disagree" not in out


def test_reply_flags_conflicts():
    c = cite()
    out = reply_html(answer(conflicts=[Conflict("numeric", "2 vs 3 billion", (c, c))]))
    assert "disagree" in out and "1 conflict" in out


def test_abstention_says_so_and_shows_closest_passages():
    a = answer(answer=None, short_answer=None, abstained=True, reason="The articles do not mention it.",
               answer_start=None, answer_end=None, short_start=None, short_end=None)
    out = reply_html(a)
    assert "do not answer" in out and "Closest passages" in out and "Lyon" in out
    assert "Closest passages" in sources_html(a)


def test_script_in_an_article_is_text_everywhere():
    doc = "Evil headline\n" + EVIL + "\nMore text here about the plant."
    c = Citation("evil", "Evil <script>x()</script>", None, 14, 14 + len(EVIL), EVIL, 0.5, "<i>outlet</i>")
    a = Answer("q <script>", EVIL, "pwned", False, None, [c], [Conflict("entity", "<b>x</b>", (c, c))],
               14, 14 + len(EVIL), 14 + EVIL.index("pwned"), 14 + EVIL.index("pwned") + 5)
    outs = [
        reply_html(a), sources_html(a, {"evil": doc}), conflicts_html(a.conflicts),
        document_html(c.title, doc, [(c.start, c.end, "qa-cite")], "<meta>"), error_html("<script>bad()</script>"),
        documents_html([SimpleNamespace(doc_id="evil", title=c.title, date=None, outlet="<i>", chars=10, chunks=1)]),
    ]
    for out in outs:
        assert "<script" not in out.lower() and "<img" not in out.lower() and "<i>" not in out
    assert "&lt;b&gt;x&lt;/b&gt;" in outs[2]  # the summary's markup too
    assert "<script>" in visible(outs[1]) and "onerror=alert(1)" in visible(outs[1])


def test_sources_mark_the_answer_in_citation_one_and_show_context():
    a = answer(citations=[cite(), cite(start=0, end=18, doc_id="other", title="Other")])
    out = sources_html(a, {"acme": DOC, "other": DOC})
    assert out.count('class="qa-card"') == 2
    assert '<mark class="qa-short">2 billion euros</mark>' in out
    assert '<mark class="qa-cite">Acme opens a plant</mark>' in out
    assert "score 0.710" in out and "Example News" in out


def test_sources_without_an_answer_yet():
    assert "Ask a question" in sources_html(None)


def test_conflicts_side_by_side_and_agreement():
    a = cite(title="Paper A")
    b = cite(title="Paper B", doc_id="b")
    out = conflicts_html([Conflict("numeric", "A says 2, B says 3", (a, b))])
    assert out.count('class="qa-stmt"') == 2 and "qa-side" in out and "Paper A" in out and "Paper B" in out
    assert "Sources agree" in conflicts_html([])
    assert "Ask a question" in conflicts_html(None)


def test_document_viewer_highlights_the_span():
    s = DOC.index("Lyon")
    out = document_html("Acme", DOC, [(s, s + 4, "qa-cite")])
    assert '<mark class="qa-cite">Lyon</mark>' in out and visible(out).endswith(DOC)


def test_documents_table():
    d = SimpleNamespace(doc_id="a1", title="T", date="2026-01-01", outlet=None, chars=12345, chunks=3)
    out = documents_html([d])
    assert "12,345" in out and "2026-01-01" in out and "<td>–</td>" in out
    assert "no indexed article" in documents_html([])


def test_importing_the_app_does_not_import_gradio():
    # In a fresh interpreter: in this one another test may already have imported both.
    import subprocess

    code = "import sys, qa.app.web; print('gradio' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_launch_options_login_and_limits():
    import pytest

    from qa.app.web import launch_options
    from qa.errors import QAError
    from qa.app.uploads import DEFAULT_UPLOAD_BYTES

    opts = launch_options("0.0.0.0", 8000, "ann:s3cret:x")
    assert opts["auth"] == ("ann", "s3cret:x") and opts["server_name"] == "0.0.0.0" and opts["server_port"] == 8000
    assert opts["css"] and opts["show_error"] is False
    assert opts["max_file_size"] == DEFAULT_UPLOAD_BYTES  # the app lets through what the library accepts
    assert launch_options()["auth"] is None
    for bad in ("nopassword", ":pw", "user:"):
        with pytest.raises(QAError, match="username:password"):
            launch_options(auth=bad)
