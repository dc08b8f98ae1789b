"""Load test of the web app through its HTTP API, on 127.0.0.1 only.

    python -m qa.bench.load [--clients 16] [--seconds 60] [--questions 5000] [--fake-model]

Starts ``qa serve`` (the real app, its queue and concurrency limit) on a free local port in a
child process, then:

1. warm-up: every client asks a few questions (model, spaCy and index loaded, caches primed);
   the server's RSS is read (``/proc/<pid>/status``);
2. timed phase: ``--clients`` threads ask as fast as they are answered for ``--seconds``;
   errors, "busy" refusals (HTTP 503 when the queue is full), p50/p95/p99 latency and throughput
   are reported;
3. memory phase: the clients go on until ``--questions`` questions were asked after the warm-up,
   reading the server's RSS at every fifth; the growth over the second half, when every cache
   with a fixed bound (query vectors, sentence splits, spaCy docs) is already full, must stay
   under ``--max-growth-mb``.

Questions are built from templates so that almost all are distinct (a cache cannot hide a leak).
Each request is the Gradio HTTP API: ``POST /gradio_api/call/ask`` then the server-sent events of
``GET /gradio_api/call/ask/<event_id>``; a reply counts as an error when the request fails, the
event is an error, or the app answers with its own error message (``qa-error``).

The server gets a fresh index in a temporary folder (it never touches index/). ``--fake-model``
swaps the sentence-transformers model for a hashing embedder, to measure the app and the server
without the model, as CI does.
``--url http://127.0.0.1:PORT`` uses a server that is already running (RSS only with --pid).
Exit status: 0 when there were no errors and memory stayed bounded, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .common import percentile
from .server import Server, serve_child

__all__ = ["run", "main", "Result", "ask_once", "make_questions", "Server"]

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
API = "/gradio_api/call/ask"

_SUBJECTS = ["Samsung", "TSMC", "Meta", "Anthropic", "OpenAI", "Nvidia", "Broadcom", "Intel", "SK Hynix",
             "MTIA", "the 2nm process", "the Jalapeño chip", "the foundry", "HBM memory", "Clive Chan"]
_TEMPLATES = [
    "Who made {s}'s chips in {y}?", "What did {s} announce in {y}?", "How large was {s}'s order backlog in {y}?",
    "Will {s} start mass production in {y}?", "Was {s} using Samsung's {n}nm process in {y}?",
    "Where will {s} build its fab number {n}?", "Which foundry produced {s} chips in {y}?",
    "What is the yield of {s} at {n} nm?", "Why did {s} shares rise {n}%?", "Did {s} sign a deal worth ${n} billion?",
    "What was the capital of {s} in {y}?", "How many of {s}'s {n} engineers work on AI chips?",
]


def make_questions(n: int, seed: int = 0) -> list[str]:
    """``n`` questions, nearly all distinct, about the seed articles' subjects (some unanswerable)."""
    rng = random.Random(seed)
    return [
        rng.choice(_TEMPLATES).format(s=rng.choice(_SUBJECTS), y=rng.randint(1980, 2039), n=rng.randint(2, 999))
        for _ in range(n)
    ]


def check_local(url: str) -> str:
    """The base URL, or ValueError when it is not plain HTTP on 127.0.0.1/localhost."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in LOCAL_HOSTS or not parts.port:
        raise ValueError(f"{url!r}: the load test only talks to http://127.0.0.1:PORT")
    return f"http://127.0.0.1:{parts.port}"


def rss_bytes(pid: int | None) -> int | None:
    """Resident memory of a process (Linux /proc), or None."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


# ------------------------------------------------------------------------------ one request


def ask_once(client, base: str, question: str, timeout: float = 120.0) -> tuple[str, float, str]:
    """Ask through the HTTP API. Returns (outcome, seconds, detail); outcome is "answer",
    "abstain", "busy" (queue full) or "error"."""
    t0 = time.perf_counter()
    try:
        r = client.post(base + API, json={"data": [question, []]}, timeout=timeout)
        if r.status_code == 503:
            return "busy", time.perf_counter() - t0, r.text[:200]
        if r.status_code != 200:
            return "error", time.perf_counter() - t0, f"POST {r.status_code}: {r.text[:200]}"
        event_id = r.json()["event_id"]
        event, data = None, None
        with client.stream("GET", f"{base}{API}/{event_id}", timeout=timeout) as s:
            for line in s.iter_lines():
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:") and event in ("complete", "error"):
                    data = line[5:].strip()
                    break
        elapsed = time.perf_counter() - t0
    except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
        return "error", time.perf_counter() - t0, f"{type(exc).__name__}: {exc}"[:300]
    if event != "complete" or data is None:
        return "error", elapsed, f"event {event}: {str(data)[:200]}"
    try:
        outputs = json.loads(data)
        last = json.dumps(outputs[0][-1], ensure_ascii=False)  # the chatbot's last message
    except (ValueError, IndexError, TypeError, KeyError):
        return "error", elapsed, f"unexpected reply: {data[:200]}"
    if "qa-error" in last:
        return "error", elapsed, f"app error: {last[:300]}"
    return ("abstain" if "qa-abstain" in last else "answer"), elapsed, ""


# ------------------------------------------------------------------------------ the load


@dataclass
class Phase:
    name: str
    clients: int
    seconds: float
    requests: int = 0
    answers: int = 0
    abstentions: int = 0
    busy: int = 0
    errors: int = 0
    p50_ms: float | None = None
    p95_ms: float | None = None
    p99_ms: float | None = None
    max_ms: float | None = None
    throughput_qps: float = 0.0
    error_samples: list[str] = field(default_factory=list)


@dataclass
class Result:
    base: str
    clients: int
    warmup: Phase
    timed: Phase
    memory: Phase | None
    rss_mb: list[tuple[int, float]]  # (questions asked after warm-up, server RSS in MB)
    growth_second_half_mb: float | None
    max_growth_mb: float
    ok: bool

    def to_dict(self) -> dict:
        return asdict(self)


def _drive(base, questions, clients, *, seconds=None, count=None, on_count=None, name="") -> Phase:
    """``clients`` threads asking until ``seconds`` elapsed or ``count`` questions were asked."""
    import httpx

    lock = threading.Lock()
    latencies: list[float] = []
    outcome = {"answer": 0, "abstain": 0, "busy": 0, "error": 0}
    samples: list[str] = []
    asked = [0]
    t0 = time.perf_counter()
    deadline = t0 + seconds if seconds else None

    def worker() -> None:
        with httpx.Client(headers={"Connection": "keep-alive"}) as client:
            while True:
                with lock:
                    if (count is not None and asked[0] >= count) or (deadline and time.perf_counter() >= deadline):
                        return
                    q = questions[asked[0] % len(questions)]
                    asked[0] += 1
                kind, secs, detail = ask_once(client, base, q)
                with lock:
                    outcome[kind] += 1
                    if kind in ("answer", "abstain"):
                        latencies.append(secs)
                    elif kind == "error" and len(samples) < 5:
                        samples.append(f"{q!r}: {detail}")
                    done = sum(outcome.values())
                if on_count is not None:
                    on_count(done)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    ms = [x * 1000 for x in latencies]
    return Phase(
        name, clients, round(elapsed, 2), sum(outcome.values()), outcome["answer"], outcome["abstain"],
        outcome["busy"], outcome["error"],
        *(round(v, 1) if v is not None else None for v in (percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 0.99), max(ms, default=None))),
        round(len(latencies) / elapsed, 2) if elapsed else 0.0, samples,
    )


def run(base: str, *, clients: int = 16, seconds: float = 60.0, questions: int = 5000, pid: int | None = None,
        max_growth_mb: float = 32.0, warmup_per_client: int = 3, progress=print) -> Result:
    """Warm up, run the timed phase, then the memory phase (see the module docstring)."""
    base = check_local(base)
    pool = make_questions(max(questions, 2000) + clients * warmup_per_client)
    warm = _drive(base, pool[::-1], clients, count=clients * warmup_per_client, name="warm-up")
    progress(f"warm-up: {warm.requests} questions, {warm.errors} errors, p50 {warm.p50_ms} ms")
    rss = [(0, rss_bytes(pid))]
    timed = _drive(base, pool, clients, seconds=seconds, name="timed")
    progress(
        f"timed: {timed.requests} questions in {timed.seconds} s by {clients} clients: "
        f"p50 {timed.p50_ms} ms, p95 {timed.p95_ms} ms, {timed.throughput_qps} q/s, "
        f"{timed.errors} errors, {timed.busy} busy"
    )
    asked = timed.requests
    rss.append((asked, rss_bytes(pid)))
    memory = None
    if questions > asked:
        step = max(1, questions // 5)
        marks = iter([m for m in range(step, questions + step, step) if m > asked])
        nxt = [next(marks, 1 << 62)]
        lock = threading.Lock()

        def checkpoint(done: int) -> None:
            with lock:
                if asked + done >= nxt[0]:
                    rss.append((asked + done, rss_bytes(pid)))
                    nxt[0] = next(marks, 1 << 62)

        memory = _drive(base, pool[asked:] + pool[:asked], clients, count=questions - asked, on_count=checkpoint, name="memory")
        progress(f"memory: {memory.requests} more questions, {memory.errors} errors, {memory.busy} busy")
    rss.append((asked + (memory.requests if memory else 0), rss_bytes(pid)))
    series = [(n, round(b / 2**20, 1)) for n, b in rss if b is not None]
    growth = None
    if len(series) >= 3:
        total = series[-1][0]
        mid = min(series, key=lambda x: abs(x[0] - total / 2))
        growth = round(series[-1][1] - mid[1], 1)
    errors = warm.errors + timed.errors + (memory.errors if memory else 0)
    ok = errors == 0 and (growth is None or growth <= max_growth_mb)
    return Result(base, clients, warm, timed, memory, series, growth, max_growth_mb, ok)


def _report(r: Result) -> str:
    lines = [f"Load test of {r.base} with {r.clients} clients", ""]
    lines.append("| phase | questions | answered | abstained | busy | errors | p50 ms | p95 ms | p99 ms | max ms | q/s |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
    for p in (r.warmup, r.timed, r.memory):
        if p is not None:
            lines.append(
                f"| {p.name} ({p.seconds} s) | {p.requests} | {p.answers} | {p.abstentions} | {p.busy} | {p.errors} | "
                f"{p.p50_ms} | {p.p95_ms} | {p.p99_ms} | {p.max_ms} | {p.throughput_qps} |"
            )
    if r.rss_mb:
        lines += ["", "Server RSS (MB) after N questions: " + ", ".join(f"{n}: {mb}" for n, mb in r.rss_mb)]
        lines.append(
            f"Growth over the second half: {r.growth_second_half_mb} MB (bound {r.max_growth_mb} MB); "
            f"first to last: {round(r.rss_mb[-1][1] - r.rss_mb[0][1], 1)} MB"
        )
    for p in (r.warmup, r.timed, r.memory):
        for s in (p.error_samples if p else []):
            lines.append(f"error ({p.name}): {s}")
    lines += ["", "OK" if r.ok else "FAILED"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m qa.bench.load", description=__doc__.split("\n\n")[0])
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--questions", type=int, default=5000, help="questions after the warm-up, timed phase included")
    p.add_argument("--corpus", help="article folder to serve (default: seeds/)")
    p.add_argument("--fake-model", action="store_true", help="hashing embedder instead of the model")
    p.add_argument("--url", help="an already running server, http://127.0.0.1:PORT")
    p.add_argument("--pid", type=int, help="with --url: the server's process id, for its RSS")
    p.add_argument("--max-growth-mb", type=float, default=32.0)
    p.add_argument("--json", help="also write the result as JSON to this file")
    p.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.serve:
        serve_child(args.port, args.corpus, args.fake_model)
        return 0
    if args.clients < 1 or args.seconds <= 0 or args.questions < 0:
        p.error("--clients and --seconds must be positive, --questions not negative")

    def go(base: str, pid: int | None) -> Result:
        return run(base, clients=args.clients, seconds=args.seconds, questions=args.questions, pid=pid,
                   max_growth_mb=args.max_growth_mb, progress=lambda m: print(m, flush=True))

    try:
        if args.url:
            result = go(check_local(args.url), args.pid)
        else:
            print("starting the server (the first start builds the index)...", flush=True)
            with Server(args.corpus, fake_model=args.fake_model) as server:
                result = go(server.base, server.pid)
    except (ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(_report(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result.to_dict(), indent=1))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
