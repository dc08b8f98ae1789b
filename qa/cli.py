"""``qa`` command line: parses arguments, calls the library, prints. Nothing else lives here."""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
import warnings
from pathlib import Path

from .errors import QAError


def _print_answer(a, width: int = 100) -> None:
    if a.read_as:
        print(f"Read as: {a.read_as}")
    if a.abstained:
        print(f"No answer: {a.reason}")
        print("Closest passages:")
    else:
        print(f"Answer: {a.answer}")
        if a.short_answer:
            print(f"Short answer: {a.short_answer}")
        print("Sources:")
    for i, c in enumerate(a.citations, 1):
        meta = " · ".join(x for x in (c.outlet, c.date, f"p. {c.page}" if c.page else None) if x)
        print(f"  [{i}] {c.title[:80]}" + (f" ({meta})" if meta else "") + f"  {c.doc_id} {c.start}-{c.end}  score {c.score:.3f}")
        snippet = " ".join(c.text.split())
        print(textwrap.indent(textwrap.fill(snippet[:400] + ("…" if len(snippet) > 400 else ""), width - 6), "      "))
    if a.conflicts:
        print("Sources disagree:")
        for conflict in a.conflicts:
            print(f"  - [{conflict.kind}] {conflict.summary}")
    else:
        print("Conflicts: none found among the passages on this subject.")
    for note in a.notes:
        print(f"Note: {note.summary}")


# Earlier answers a follow-up is read against: a conversation is bounded, as in the app.
CHAT_TURNS = 10


def _cmd_chat(args, read=input) -> int:
    """A small REPL over ask(history=...): ``:new`` starts over, ``:quit`` or Ctrl-D leaves."""
    from .api import ask

    try:
        import readline  # noqa: F401  (line editing and history for input())
    except ImportError:
        pass
    print("Ask about the articles; follow-ups are read against the conversation. :new starts over, :quit leaves.")
    history: list = []
    while True:
        try:
            line = read("qa> ").strip()
        except EOFError:
            print()
            return 0
        except KeyboardInterrupt:
            print()
            continue
        if not line:
            continue
        if line in (":quit", ":q", ":exit"):
            return 0
        if line == ":new":
            history = []
            print("New conversation.")
            continue
        try:
            a = ask(line, history=history[-CHAT_TURNS:], corpus=args.corpus, index_dir=args.index_dir)
        except (QAError, TypeError) as exc:
            print(f"error: {exc}")
            continue
        history.append(a)
        _print_answer(a)
        print()


def _cmd_ask(args) -> int:
    from .api import ask

    a = ask(args.question, k=args.k, corpus=args.corpus, index_dir=args.index_dir)
    if args.json:
        print(json.dumps(a.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_answer(a)
    return 0


def _cmd_index(args) -> int:
    from .api import build_index

    report = build_index(args.corpus, args.index_dir, progress=not args.quiet)
    if report.touched:
        print(
            f"Index updated: {len(report.added)} added, {len(report.changed)} changed, "
            f"{len(report.removed)} removed, {report.reused} reused, {report.embedded_chunks} chunks embedded."
        )
    else:
        print(f"Index is up to date ({report.reused} documents).")
    return 0


def _cmd_conflicts(args) -> int:
    from .api import corpus_conflicts

    conflicts = corpus_conflicts(args.corpus, args.index_dir)
    if args.json:
        print(json.dumps([c.to_dict() for c in conflicts], ensure_ascii=False, indent=2))
        return 0
    if not conflicts:
        print("No conflicting statements found between the articles.")
    for i, c in enumerate(conflicts, 1):
        print(f"{i}. [{c.kind}] {c.summary}")
        for s in c.statements:
            print(f"     {s.doc_id} {s.start}-{s.end}: {' '.join(s.text.split())[:200]}")
    return 0


def _cmd_serve(args) -> int:
    from .app.web import serve

    serve(host=args.host, port=args.port, corpus=args.corpus, auth=args.auth)
    return 0


def _cmd_eval(args) -> int:
    from .evaluation.evaluate import main as eval_main

    return eval_main(args)


def _cmd_results(args) -> int:
    from .evaluation.readme_results import update_readme

    changed = update_readme(Path(args.readme), Path(args.reports))
    print(f"{args.readme}: Results block {'rewritten' if changed else 'already up to date'} from {args.reports}/")
    return 0


def build_parser() -> argparse.ArgumentParser:
    from .evaluation.evaluate import add_eval_arguments

    p = argparse.ArgumentParser(prog="qa", description="Cited, extractive answers from news articles.")
    sub = p.add_subparsers(dest="command", required=True)

    def corpus_args(sp):
        sp.add_argument("--corpus", help="folder of .txt/.md articles (default: seeds/)")
        sp.add_argument("--index-dir", help="where the index lives (default: a folder under index/)")

    sp = sub.add_parser("ask", help="answer a question")
    sp.add_argument("question")
    sp.add_argument("-k", type=int, default=5, help="number of sources to show (default 5)")
    sp.add_argument("--json", action="store_true", help="print the answer as JSON")
    corpus_args(sp)
    sp.set_defaults(func=_cmd_ask)

    sp = sub.add_parser("chat", help="a conversation: follow-up questions read against the earlier ones")
    corpus_args(sp)
    sp.set_defaults(func=_cmd_chat)

    sp = sub.add_parser("index", help="build or refresh the index")
    sp.add_argument("--quiet", action="store_true", help="no progress bars")
    corpus_args(sp)
    sp.set_defaults(func=_cmd_index)

    sp = sub.add_parser("conflicts", help="list conflicting statements across the corpus")
    sp.add_argument("--json", action="store_true")
    corpus_args(sp)
    sp.set_defaults(func=_cmd_conflicts)

    sp = sub.add_parser("serve", help="start the web app")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=7860)
    sp.add_argument("--auth", help="username:password required to use the app")
    sp.add_argument("--corpus")
    sp.set_defaults(func=_cmd_serve)

    sp = sub.add_parser("eval", help="evaluate against a gold set (gold JSONL, SQuAD JSON or RAMDocs JSONL)")
    add_eval_arguments(sp)
    sp.set_defaults(func=_cmd_eval)

    sp = sub.add_parser("results", help="rewrite README.md's Results block from the reports of qa eval")
    sp.add_argument("--readme", default="README.md")
    sp.add_argument("--reports", default="eval/reports", help="folder of the JSON reports (qa eval --report)")
    sp.set_defaults(func=_cmd_results)
    return p


# Commands whose output is an answer: a library's warning (a deprecation inside torch, say) is not
# the user's to act on there; the project's own (an article skipped, a damaged index) still is.
_ANSWERING = ("ask", "chat")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    warnings.simplefilter("default")
    if args.command in _ANSWERING:
        warnings.filterwarnings("ignore")
        warnings.filterwarnings("default", module=r"(qa|__main__)(\.|$)")
    warnings.formatwarning = lambda msg, cat, *a, **k: f"warning: {msg}\n"
    try:
        return args.func(args)
    except (QAError, TypeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
