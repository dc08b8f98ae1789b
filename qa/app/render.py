"""Answers, sources, conflicts and documents as HTML strings for the web app.

Pure functions, no Gradio. Every piece of document or user text goes through ``esc`` (html.escape
plus entities for the characters Markdown would act on), so markup inside an article is shown as
text and never runs. Highlights are ``<mark>`` elements placed at raw character offsets.
"""
from __future__ import annotations

import html
import re
from typing import Iterable, Sequence

from ..results import Answer, Citation, Conflict, Note

__all__ = [
    "esc", "highlight", "reply_html", "error_html", "sources_html", "conflicts_html",
    "document_html", "documents_html", "CSS",
]

# Characters Markdown (the chat renders Markdown) or LaTeX delimiters would interpret.
_MD = str.maketrans({c: f"&#{ord(c)};" for c in "*_`[]~|\\$<>{}"})
_BLANKS = re.compile(r"\n[ \t\r]*(?:\n[ \t\r]*)+")  # blank lines in a snippet: one line break
_HASH = re.compile(r"#(?!x27;)")  # '#' but not inside the &#x27; that html.escape writes


def esc(text: str | None, breaks: bool = False) -> str:
    """``text`` as inert HTML: tags, entities and Markdown syntax all show literally."""
    out = _HASH.sub("&#35;", html.escape(text or "", quote=True)).translate(_MD)
    if breaks:
        out = out.replace("\r\n", "\n").replace("\n", "<br>")
    return out


def highlight(text: str, spans: Iterable[tuple[int, int, str]], breaks: bool = False) -> str:
    """Escape ``text`` and wrap each span (start, end, css class; offsets into ``text``) in <mark>.

    Spans are clipped to the text; where spans overlap, the later one in the list wins (list the
    wide span first and the narrow one inside it after).
    """
    n = len(text)
    clipped = [(max(0, s), min(n, e), cls) for s, e, cls in spans if s is not None and e is not None]
    clipped = [(s, e, cls) for s, e, cls in clipped if s < e]
    if not clipped:
        return esc(text, breaks)
    cuts = sorted({0, n, *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        cls = None
        for s, e, c in clipped:
            if s <= a and b <= e:
                cls = c
        piece = esc(text[a:b], breaks)
        parts.append(f'<mark class="{esc(cls)}">{piece}</mark>' if cls else piece)
    return "".join(parts)


def _meta(c: Citation) -> str:
    return " · ".join(esc(x) for x in (c.outlet, c.date, f"page {c.page}" if c.page else None) if x)


def _short(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _source_line(i: int, c: Citation, limit: int = 110) -> str:
    meta = _meta(c)
    return (
        f'<div class="qa-src"><span class="qa-ref">[{i}]</span> <b>{esc(_short(c.title, limit))}</b>'
        + (f' <span class="qa-meta">{meta}</span>' if meta else "")
        + "</div>"
    )


def reply_html(a: Answer, max_sources: int = 3) -> str:
    """The chat reply: how a follow-up was read, short answer, the quoted answer with it
    highlighted, numbered sources."""
    html = _reply_html(a, max_sources)
    if a.read_as:
        read = f'<div class="qa-read-as">Read as: {esc(a.read_as)}</div>'
        html = html.replace(">", ">" + read, 1)  # inside the reply's own box, first
    return html


def _reply_html(a: Answer, max_sources: int) -> str:
    if a.abstained or not a.answer or not a.citations:
        parts = [
            '<div class="qa-reply qa-abstain"><p><b>The articles do not answer this question.</b>',
            f" {esc(a.reason)}</p>" if a.reason else "</p>",
        ]
        if a.citations:
            parts.append('<div class="qa-sub">Closest passages:</div>')
            for i, c in enumerate(a.citations[:max_sources], 1):
                parts.append(
                    _source_line(i, c, 80)
                    + f'<div class="qa-near">“{esc(_short(c.text, 220))}”</div>'
                )
        parts.append("</div>")
        return "".join(parts)

    first = a.citations[0]
    spans = []
    if a.short_start is not None and a.short_end is not None and a.answer_start is not None:
        spans.append((a.short_start - a.answer_start, a.short_end - a.answer_start, "qa-short"))
    quote = highlight(a.answer, spans, breaks=True)
    parts = ['<div class="qa-reply">']
    if a.short_answer:
        parts.append(f'<div class="qa-answer">{esc(a.short_answer)} <sup class="qa-ref">[1]</sup></div>')
    parts.append(f'<blockquote class="qa-quote">{quote} <sup class="qa-ref">[1]</sup></blockquote>')
    parts.append(_source_line(1, first))
    for i, c in enumerate(a.citations[1:max_sources], 2):
        parts.append(_source_line(i, c, 80).replace('class="qa-src"', 'class="qa-src qa-extra"', 1))
    if a.conflicts:
        n = len(a.conflicts)
        parts.append(
            f'<div class="qa-flag">⚠ The sources disagree ({n} conflict{"s" if n > 1 else ""}): '
            "see “Do the sources agree?”.</div>"
        )
    parts.append("</div>")
    return "".join(parts)


def error_html(message: str) -> str:
    return f'<div class="qa-reply qa-error"><b>Sorry:</b> {esc(message)}</div>'


def _snippet(i: int, a: Answer, c: Citation, doc_text: str | None, context: int) -> str:
    """The citation's passage with what it supports highlighted, plus a little context."""
    if i == 0 and not a.abstained and a.answer_start is not None and a.answer_end is not None:
        spans = [(a.answer_start - c.start, a.answer_end - c.start, "qa-ans")]
        if a.short_start is not None and a.short_end is not None:
            spans.append((a.short_start - c.start, a.short_end - c.start, "qa-short"))
        body = highlight(c.text, spans)
    else:
        body = f'<mark class="qa-cite">{esc(c.text)}</mark>'
    if doc_text is None or doc_text[c.start:c.end] != c.text:
        return _BLANKS.sub("\n", body)
    before = doc_text[max(0, c.start - context):c.start]
    after = doc_text[c.end:c.end + context]
    if c.start - context > 0 and " " in before:  # whole words only
        before = before[before.index(" ") + 1:]
    if c.end + context < len(doc_text) and " " in after:
        after = after[:after.rindex(" ")]
    lead = "…" if c.start - context > 0 else ""
    tail = "…" if c.end + context < len(doc_text) else ""
    out = f'<span class="qa-ctx">{lead}{esc(before)}</span>{body}<span class="qa-ctx">{esc(after)}{tail}</span>'
    return _BLANKS.sub("\n", out)


def sources_html(a: Answer | None, doc_texts: dict[str, str] | None = None, context: int = 120) -> str:
    """The sources panel: every citation with title, outlet, date, score and highlighted snippet."""
    if a is None:
        return '<div class="qa-empty">Ask a question to see its sources here.</div>'
    if not a.citations:
        return '<div class="qa-empty">No passage of the articles is close to this question.</div>'
    head = "Closest passages (no answer)" if a.abstained else "Sources"
    parts = [f'<div class="qa-sources"><div class="qa-sub">{head} for “{esc(_short(a.question, 120))}”</div>']
    for i, c in enumerate(a.citations):
        meta = " · ".join(x for x in (_meta(c), f"score {c.score:.3f}", esc(c.doc_id), f"chars {c.start}–{c.end}") if x)
        text = (doc_texts or {}).get(c.doc_id)
        parts.append(
            f'<div class="qa-card" data-doc="{esc(c.doc_id)}"><div class="qa-card-h"><span class="qa-ref">[{i + 1}]</span> '
            f'<b>{esc(_short(c.title, 140))}</b></div><div class="qa-meta">{meta}</div>'
            f'<div class="qa-snippet">{_snippet(i, a, c, text, context)}</div></div>'
        )
    parts.append("</div>")
    return "".join(parts)


def _statement(s: Citation) -> str:
    meta = _meta(s)
    return (
        f'<div class="qa-stmt"><blockquote class="qa-quote">{esc(s.text)}</blockquote>'
        f'<div class="qa-src"><b>{esc(_short(s.title, 70))}</b></div>'
        f'<div class="qa-meta">{meta + " · " if meta else ""}{esc(s.doc_id)}</div></div>'
    )


def conflicts_html(conflicts: Sequence[Conflict] | None, none_message: str | None = None,
                   notes: Sequence[Note] = ()) -> str:
    """Each conflict's summary with its statements side by side (stacked on a narrow screen), then
    the notes (sources about different entities of one name) apart, worded as notes."""
    if conflicts is None:
        return '<div class="qa-empty">Ask a question to see whether its sources disagree.</div>'
    parts = []
    if not conflicts:
        msg = none_message or (
            "Sources agree: no conflicting statements were found among the passages on this subject."
        )
        parts.append(f'<div class="qa-agree">✓ {esc(msg)}</div>')
    else:
        parts.append('<div class="qa-conflicts">')
        for c in conflicts:
            parts.append(
                f'<div class="qa-conflict"><div><span class="qa-kind">{esc(c.kind)}</span> {esc(c.summary)}</div>'
                f'<div class="qa-side">{"".join(_statement(s) for s in c.statements)}</div></div>'
            )
        parts.append("</div>")
    if notes:
        parts.append('<div class="qa-notes">')
        for n in notes:
            parts.append(
                f'<div class="qa-note"><div><span class="qa-kind">note</span> {esc(n.summary)}</div>'
                f'<div class="qa-side">{"".join(_statement(s) for s in n.statements)}</div></div>'
            )
        parts.append("</div>")
    return "".join(parts)


VIEWER_HINT = '<div class="qa-empty">Pick a source above to read the whole article, cited passage highlighted.</div>'


def document_html(
    title: str, text: str, spans: Iterable[tuple[int, int, str]] = (), meta: str = ""
) -> str:
    """A whole document as text, with the cited span(s) highlighted."""
    return (
        f'<div class="qa-viewer"><div class="qa-card-h"><b>{esc(title)}</b></div>'
        + (f'<div class="qa-meta">{esc(meta)}</div>' if meta else "")
        + f'<div class="qa-doc">{highlight(text, spans)}</div></div>'
    )


def documents_html(docs: Sequence) -> str:
    """The corpus as a table (objects with doc_id, title, date, outlet, chars, chunks)."""
    if not docs:
        return '<div class="qa-empty">The corpus holds no indexed article.</div>'
    rows = "".join(
        f"<tr><td>{esc(_short(d.title, 120))}</td><td>{esc(d.date or '–')}</td><td>{esc(d.outlet or '–')}</td>"
        f'<td class="qa-num">{d.chars:,}</td><td class="qa-num">{d.chunks}</td><td><code>{esc(d.doc_id)}</code></td></tr>'
        for d in docs
    )
    total = sum(d.chars for d in docs)
    return (
        f'<div class="qa-sub">{len(docs)} articles, {total:,} characters</div>'
        '<div class="qa-table"><table><thead><tr><th>Title</th><th>Date</th><th>Outlet</th>'
        f"<th>Length (chars)</th><th>Chunks</th><th>ID</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


CSS = """
.qa-reply { line-height: 1.45; }
.qa-answer { font-size: 1.1em; font-weight: 600; margin-bottom: .3em; }
.qa-quote { margin: .3em 0 .5em; padding: .3em .7em; border-left: 3px solid #7c9cbf; color: inherit; font-style: normal; }
.qa-ref { color: #2563eb; font-weight: 600; font-size: .85em; }
.qa-src { font-size: .9em; margin: .1em 0; }
.qa-meta { color: #6b7280; font-size: .85em; }
.qa-read-as { color: #4b5563; font-size: .85em; font-style: italic; margin-bottom: .3em; }
.qa-sub { font-weight: 600; margin: .2em 0 .4em; }
.qa-near { font-size: .88em; color: #4b5563; margin: 0 0 .4em 1.6em; }
.qa-flag { margin-top: .5em; padding: .3em .6em; border-radius: 6px; background: #fff4e5; color: #8a4b00; font-size: .9em; }
.qa-error { color: #9b1c1c; }
mark.qa-short { background: #fde047; color: #111; padding: 0 .1em; border-radius: 3px; font-weight: 600; }
mark.qa-ans { background: #fef9c3; color: #111; }
mark.qa-cite { background: #e0f2fe; color: #111; }
.qa-card, .qa-stmt, .qa-conflict, .qa-note, .qa-viewer { border: 1px solid #e5e7eb; border-radius: 8px; padding: .6em .8em; margin-bottom: .6em; overflow-wrap: anywhere; }
.qa-snippet { margin-top: .3em; font-size: .92em; white-space: pre-wrap; }
.qa-ctx { color: #6b7280; }
.qa-kind { display: inline-block; background: #fee2e2; color: #991b1b; border-radius: 4px; padding: 0 .4em; font-size: .8em; font-weight: 600; text-transform: uppercase; }
.qa-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: .6em; margin-top: .5em; }
.qa-stmt { margin-bottom: 0; font-size: .9em; padding: .4em .6em; }
.qa-stmt blockquote.qa-quote { margin: 0 0 .4em !important; }
.qa-agree { padding: .5em .8em; border-radius: 8px; background: #ecfdf5; color: #065f46; }
.qa-empty { color: #6b7280; padding: .5em 0; }
.qa-doc { position: relative; white-space: pre-wrap; max-height: 60vh; overflow-y: auto; font-size: .93em; margin-top: .4em; }
.qa-table { overflow-x: auto; }
.qa-table table { border-collapse: collapse; width: 100%; font-size: .9em; }
.qa-table th, .qa-table td { border-bottom: 1px solid #e5e7eb; padding: .35em .5em; text-align: left; vertical-align: top; }
.qa-table td.qa-num { text-align: right; }
@media (max-width: 640px) { .qa-src.qa-extra { display: none; } .qa-doc { max-height: 70vh; } }
"""
