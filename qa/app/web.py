"""The web app (``qa serve``): Gradio wiring only. Answers come from qa.api, HTML from qa.app.render,
uploads from qa.app.uploads. Gradio is imported inside the functions, never when ``qa`` is imported."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from . import render
from ..errors import BadDocumentError, QAError

__all__ = ["build_app", "serve", "launch_options", "EXAMPLES"]

log = logging.getLogger(__name__)

EXAMPLES = [
    "Which foundry will make Meta's MTIA chips?",
    "How large is Samsung's foundry order backlog?",
    "Is Anthropic using Samsung's 2nm process?",
    "When does OpenAI plan to deploy its Jalapeño inference chip?",
    "What is the capital of France?",
]
CONCURRENCY = 2  # questions answered at once; the rest wait in the queue
MAX_QUEUE = 32  # beyond this many waiting events a visitor is told the app is busy
MAX_TURNS = 10  # earlier answers a follow-up is read against (a conversation is bounded)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
INTRO = (
    "## Ask the news\n"
    "Answers are quoted word for word from the articles, with their sources. "
    "When the articles disagree you see both sides; when they do not answer, the app says so."
)


def _corpus_dir(corpus) -> Path:
    from ..config import default_corpus

    return (Path(corpus) if corpus is not None else default_corpus()).resolve()


def build_app(corpus=None):
    """The Blocks app over ``corpus`` (default: QA_CORPUS or seeds/). Styling comes with
    ``launch_options()``; ``serve()`` does both."""
    import gradio as gr

    from .. import api
    from .uploads import DEFAULT_UPLOAD_BYTES, save_upload

    corpus_dir = _corpus_dir(corpus)
    where = str(corpus_dir)

    def view_state(a):
        """What the document viewer may show for this reply: indexed ids and spans, no paths."""
        items = []
        for i, c in enumerate(a.citations):
            spans = [(c.start, c.end, "qa-cite")]
            if i == 0 and not a.abstained and a.answer_start is not None:
                spans = [(a.answer_start, a.answer_end, "qa-ans")]
                if a.short_start is not None:
                    spans.append((a.short_start, a.short_end, "qa-short"))
            meta = " · ".join(x for x in (c.outlet, c.date, f"page {c.page}" if c.page else None, c.doc_id) if x)
            items.append({"doc_id": c.doc_id, "title": c.title, "meta": meta, "spans": spans})
        return items

    def respond(question, history, conversation):
        history = list(history or [])
        conversation = list(conversation or [])
        text = question if isinstance(question, str) else ""
        if text.strip():
            history.append({"role": "user", "content": render.esc(text, breaks=True)})
        try:
            # Follow-ups are read against this visitor's own earlier answers (gr.State is per
            # browser session), the last few only.
            a = api.ask(text, corpus=where, history=conversation[-MAX_TURNS:])
            texts = {c.doc_id: api.document_text(c.doc_id, corpus=where) for c in a.citations}
        except QAError as exc:
            history.append({"role": "assistant", "content": render.error_html(str(exc))})
            return history, text, *([gr.skip()] * 6)
        except Exception:  # never a traceback in the page
            log.exception("answering %r failed", text)
            msg = "something went wrong while answering. Please try again, or rephrase the question."
            history.append({"role": "assistant", "content": render.error_html(msg)})
            return history, text, *([gr.skip()] * 6)
        history.append({"role": "assistant", "content": render.reply_html(a)})
        items = view_state(a)
        choices = [(f"[{i}] {render._short(it['title'], 70)}", i) for i, it in enumerate(items, 1)]
        return (
            history,
            "",
            render.sources_html(a, texts),
            render.conflicts_html(a.conflicts, notes=a.notes),
            gr.update(choices=choices, value=None, interactive=bool(choices)),
            items,
            render.VIEWER_HINT,
            (conversation + [a])[-MAX_TURNS:],
        )

    def show_source(choice, items):
        if not choice or not items or not (1 <= int(choice) <= len(items)):
            return render.VIEWER_HINT
        it = items[int(choice) - 1]
        try:
            text = api.document_text(it["doc_id"], corpus=where)
        except KeyError:
            return render.error_html("that article is no longer in the index (it was removed or changed).")
        return render.document_html(it["title"], text, [tuple(s) for s in it["spans"]], it["meta"])

    def show_document(doc_id):
        if not doc_id:
            return ""
        try:
            text = api.document_text(doc_id, corpus=where)
        except KeyError:
            return render.error_html("that article is no longer in the index.")
        info = {d.doc_id: d for d in api.documents(corpus=where)}.get(doc_id)
        meta = " · ".join(x for x in (info.outlet, info.date, doc_id) if x) if info else doc_id
        return render.document_html(info.title if info else doc_id, text, (), meta)

    def corpus_views():
        docs = api.documents(corpus=where)
        return (
            render.documents_html(docs),
            render.conflicts_html(
                api.corpus_conflicts(corpus=where), "No conflicting statements found between the articles."
            ),
            gr.update(choices=[(f"{render._short(d.title, 70)} ({d.doc_id})", d.doc_id) for d in docs]),
        )

    def add_articles(files, progress=gr.Progress(track_tqdm=True)):
        files = files or []
        if not isinstance(files, list):
            files = [files]
        if not files:
            return (render.error_html("choose one or more .txt or .md files first."), *([gr.skip()] * 3), gr.skip())
        saved, lines = [], []
        for k, f in enumerate(files):
            path = Path(getattr(f, "name", f))
            progress((k, len(files) + 1), desc=f"Checking {path.name}")
            try:
                if path.stat().st_size > DEFAULT_UPLOAD_BYTES:  # don't read a huge file to refuse it
                    raise BadDocumentError(
                        f"{path.name}: {path.stat().st_size / 1e6:.2f} MB is over the "
                        f"{DEFAULT_UPLOAD_BYTES / 1e6:.2f} MB limit for an uploaded article; split it."
                    )
                target = save_upload(corpus_dir, path.name, path.read_bytes())
                saved.append(target)
                lines.append(f"✓ {render.esc(path.name)} → saved as <code>{render.esc(target.name)}</code>")
            except BadDocumentError as exc:
                lines.append(f'<span class="qa-error">✗ {render.esc(str(exc))}</span>')
            except OSError as exc:
                lines.append(f'<span class="qa-error">✗ {render.esc(path.name)}: could not be saved ({render.esc(exc.strerror or str(exc))}).</span>')
        if saved:
            progress((len(files), len(files) + 1), desc="Indexing the new articles")
            try:
                report = api.build_index(corpus_dir, progress=True)
                lines.append(
                    f"Index updated: {len(report.added)} added, {len(report.changed)} changed, "
                    f"{report.reused} kept as they were, {report.embedded_chunks} passages embedded."
                )
            except Exception as exc:
                log.exception("indexing after upload failed")
                lines.append(
                    '<span class="qa-error">The files are saved in the corpus but indexing failed '
                    f"({render.esc(str(exc))}); they will be indexed on the next start.</span>"
                )
        status = '<div class="qa-reply">' + "<br>".join(lines) + "</div>"
        return (status, *corpus_views(), None)

    with gr.Blocks(title="News QA", analytics_enabled=False) as demo:
        gr.Markdown(INTRO)
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"):
                items = gr.State([])
                conversation = gr.State([])  # this visitor's earlier Answers, for follow-ups
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=300):
                        chatbot = gr.Chatbot(
                            label="Chat", show_label=False, height=480, elem_id="qa-chat", latex_delimiters=[],
                            feedback_options=None, sanitize_html=True, layout="bubble",
                            placeholder="Ask a question about the articles, or click an example below.",
                        )
                        question = gr.Textbox(
                            show_label=False, placeholder="Ask a question and press Enter", lines=1,
                            max_lines=4, submit_btn="Ask", elem_id="qa-question", autofocus=True,
                        )
                        examples = gr.Examples(EXAMPLES, inputs=[question], label="Example questions")
                        clear = gr.Button("New chat", size="sm", variant="secondary")
                    with gr.Column(scale=2, min_width=300):
                        gr.Markdown("### Do the sources agree?")
                        conflicts = gr.HTML(render.conflicts_html(None), elem_id="qa-conflicts")
                        gr.Markdown("### Sources")
                        read = gr.Dropdown(
                            label="Read a source in full", choices=[], value=None,
                            interactive=False, elem_id="qa-read",
                        )
                        viewer = gr.HTML(render.VIEWER_HINT, elem_id="qa-viewer")
                        sources = gr.HTML(render.sources_html(None), elem_id="qa-sources")
            with gr.Tab("Articles", id="documents"):
                docs_table = gr.HTML(elem_id="qa-documents")
                doc_pick = gr.Dropdown(label="Read an article", choices=[], value=None, elem_id="qa-doc-pick")
                doc_view = gr.HTML("", elem_id="qa-doc-view")
            with gr.Tab("Conflicts", id="conflicts"):
                gr.Markdown("Statements in different articles that cannot all be true, or differ in certainty.")
                all_conflicts = gr.HTML(elem_id="qa-all-conflicts")
            with gr.Tab("Upload", id="upload"):
                gr.Markdown(
                    f"Add news articles as UTF-8 **.txt**/**.md**, saved web pages (**.html**, **.htm**, "
                    f"**.html.gz**) or **PDF** (up to {DEFAULT_UPLOAD_BYTES / 2**20:g} MB each). "
                    "They are indexed right away; articles already indexed are kept as they are."
                )
                files = gr.File(label="Articles", file_count="multiple", elem_id="qa-files")
                add = gr.Button("Add to the corpus", variant="primary", elem_id="qa-add")
                upload_status = gr.HTML(elem_id="qa-upload-status")

        ask_outputs = [chatbot, question, sources, conflicts, read, items, viewer, conversation]
        scroll = (  # bring the highlight into view inside the article box, not the whole page
            "() => { const m = document.querySelector('#qa-viewer mark'); const box = m && m.closest('.qa-doc');"
            " if (box) box.scrollTop = Math.max(0, m.offsetTop - box.clientHeight / 3); }"
        )
        question.submit(respond, [question, chatbot, conversation], ask_outputs, api_name="ask")
        examples.load_input_event.then(respond, [question, chatbot, conversation], ask_outputs, api_name=False)
        read.change(show_source, [read, items], viewer, api_name=False).then(None, js=scroll)
        clear.click(
            lambda: ([], "", render.sources_html(None), render.conflicts_html(None),
                     gr.update(choices=[], value=None, interactive=False), [], render.VIEWER_HINT, []),
            None, ask_outputs, api_name=False, queue=False,
        )
        doc_pick.change(show_document, doc_pick, doc_view, api_name=False)
        add.click(
            add_articles, files, [upload_status, docs_table, all_conflicts, doc_pick, files],
            api_name=False, concurrency_limit=1,
        )
        demo.load(corpus_views, None, [docs_table, all_conflicts, doc_pick], api_name=False)
    demo.queue(default_concurrency_limit=CONCURRENCY, max_size=MAX_QUEUE)
    return demo


def launch_options(host: str = "127.0.0.1", port: int = 7860, auth: str | None = None) -> dict:
    """Keyword arguments for ``demo.launch``: address, login, styling, upload limit, offline."""
    import gradio as gr

    from .uploads import DEFAULT_UPLOAD_BYTES

    login = None
    if auth:
        user, sep, password = auth.partition(":")
        if not sep or not user or not password:
            raise QAError("--auth must look like username:password (both non-empty).")
        login = (user, password)
    system_fonts = ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"]
    return {
        "server_name": host,
        "server_port": port,
        "auth": login,
        "auth_message": "This app asks for the username and password it was started with." if login else None,
        "css": render.CSS,
        "theme": gr.themes.Soft(font=system_fonts, font_mono=["ui-monospace", "monospace"]),
        # Gradio refuses bigger files before they are received; qa.app.uploads would refuse them after.
        "max_file_size": DEFAULT_UPLOAD_BYTES,
        "show_error": False,
        "ssr_mode": False,
        "footer_links": [],
        "run_history": False,
        # Gradio keeps each session's state (every API call is a session) up to this many; the
        # default 10,000 let memory grow by about 1 GB under the load test before levelling off.
        "state_session_capacity": 300,
    }


def serve(host: str = "127.0.0.1", port: int = 7860, corpus=None, auth: str | None = None) -> None:
    """Build the index if needed (with progress in the terminal), then serve the app until ^C."""
    import os

    import warnings

    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    warnings.filterwarnings("ignore", category=ResourceWarning)  # Gradio's event loops, on every request
    from .. import api

    options = launch_options(host, port, auth)
    if host not in LOCAL_HOSTS and not auth:
        print(
            f"warning: listening on {host} without a password: anyone who can reach this machine can "
            "use the app and add articles. Pass --auth username:password.",
            file=sys.stderr,
        )
    corpus_dir = _corpus_dir(corpus)
    print(f"Loading the index of {corpus_dir} (the first start embeds every article; this can take a minute)…")
    report = api.build_index(corpus_dir, progress=True)
    n = len(api.documents(corpus=corpus_dir))
    api.ask(EXAMPLES[0], corpus=corpus_dir)  # load the reader's models now, not on the first question
    print(f"Index ready: {n} articles ({report.embedded_chunks} passages embedded now).")
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"Open http://{shown}:{port} in a browser (Ctrl+C to stop).")
    build_app(corpus_dir).launch(**options, quiet=True)
