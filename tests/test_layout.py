"""The package's shape: imports go down the pipeline only, no import cycles, training and benchmark
code never reached from ``qa.ask()`` or the app, modules of a readable size.

Imports are read from the source (those inside functions too), so a lazy import counts like any
other."""
from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "qa"

# The order data flows in; a module may import its own layer and the layers before it.
LAYERS = [
    {"qa.config", "qa.errors", "qa.results", "qa.models"},
    {"qa.ingest"},
    {"qa.indexing"},
    {"qa.retrieval"},
    {"qa.reading"},
    {"qa.conflicts"},
    {"qa", "qa.pipeline", "qa.api"},
    {"qa.app"},
    {"qa.evaluation"},
    {"qa.cli"},
    {"qa.training"},
    {"qa.bench"},
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def layer(module: str) -> int:
    """A module's layer: its own name's (qa.api) or its package's (qa.reading.reader)."""
    package = ".".join(module.split(".")[:2])
    for i, names in enumerate(LAYERS):
        if module in names or package in names:
            return i
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS in {__file__}")


def upward(graph: dict[str, set[str]]) -> list[str]:
    return [f"{m} (layer {layer(m)}) imports {d} (layer {layer(d)})"
            for m, deps in graph.items() for d in deps if layer(d) > layer(m)]


def imports_of(module: str) -> set[str]:
    """The qa modules ``module`` imports, anywhere in its body."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name == "qa" or a.name.startswith("qa.")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and (node.module == "qa" or node.module.startswith("qa.")):
                target = node.module
            else:
                continue
            found.add(target)
            found |= {f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES}
    return {m for m in found if m in MODULES and m != module}


GRAPH = {m: imports_of(m) for m in MODULES}


def test_every_module_is_in_a_layer_and_imports_only_down_the_pipeline():
    wrong = upward(GRAPH)
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles():
    # Package __init__ edges are left out: importing qa.x.y runs qa/__init__.py first by Python's
    # rules, not because a module asked for it.
    graph = {m: {d for d in deps if MODULES[d].name != "__init__.py"} for m, deps in GRAPH.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(m: str, stack: list[str]) -> None:
        state[m] = 1
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                cycles.append(" -> ".join(stack[stack.index(d):] + [d]))
            elif d not in state:
                visit(d, stack + [d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not cycles, "\n".join(cycles)


def test_the_layer_check_finds_an_upward_import():
    # The checker itself: imports inside functions are read, and an import of a later stage is reported.
    assert layer("qa.ingest.corpus") < layer("qa.reading.reader") < layer("qa.bench.main")
    assert "qa.ingest.text" in GRAPH["qa.ingest.corpus"]
    assert "qa.reading.crossreader" in GRAPH["qa.api"]  # imported inside a function
    assert upward({"qa.ingest.corpus": {"qa.reading.reader"}}) == [
        "qa.ingest.corpus (layer 1) imports qa.reading.reader (layer 4)"]


def closure(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo.extend(GRAPH[m])
    return seen


@pytest.mark.parametrize("entry", ["qa", "qa.api", "qa.pipeline", "qa.app.web"])
def test_ask_and_the_app_never_reach_training_evaluation_or_benchmarks(entry):
    reached = {m for m in closure(entry) if m.startswith(("qa.training", "qa.bench", "qa.evaluation"))}
    assert not reached, f"{entry} reaches {sorted(reached)}"


def test_asking_and_building_the_app_load_no_training_or_benchmark_module(tmp_path):
    """The same at run time, in a fresh process: ask() on the seeds with the fake model, then the app."""
    pytest.importorskip("gradio")
    script = textwrap.dedent(f"""
        import os, shutil, sys
        sys.path.insert(0, {str(ROOT)!r})
        shutil.copytree({str(ROOT / 'seeds')!r}, {str(tmp_path / 'corpus')!r})
        os.environ.update(QA_CORPUS={str(tmp_path / 'corpus')!r}, QA_INDEX_ROOT={str(tmp_path / 'index')!r},
                          QA_CROSS_READER="off")
        import qa
        from qa import models
        from qa.config import DEFAULT_MODEL
        from qa.indexing.embedding import embedder_key
        from tests.conftest import FakeEmbedder
        models._MODELS[embedder_key(DEFAULT_MODEL)] = FakeEmbedder()
        a = qa.ask("Which foundry produced the first two generations of Meta's MTIA?")
        assert a.citations
        from qa.app.web import build_app
        build_app()
        bad = sorted(m for m in sys.modules if m.startswith(("qa.training", "qa.bench", "qa.evaluation")))
        print("LOADED", bad)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "LOADED []" in out.stdout, out.stdout


def test_modules_stay_readable():
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text("utf-8").splitlines())) > 400}
    assert not long, f"modules over 400 lines: {long}"


def _imported_names(module: str):
    """(target module, name, line) of every ``from qa... import name`` in ``module``, at any depth:
    the lazy imports inside functions are checked by no import at load time."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
        elif node.module and node.module.startswith("qa"):
            target = node.module
        else:
            continue
        for a in node.names:
            if f"{target}.{a.name}" not in MODULES:
                yield target, a.name, node.lineno


def test_every_name_imported_from_qa_exists():
    # make bench's build rows failed on a lazy import of a name a refactoring had renamed
    # (qa.bench.build: indexer._reusing_encoder, now reuse.reusing_encoder).
    import importlib

    missing = []
    for module in sorted(MODULES):
        for target, name, line in _imported_names(module):
            if name != "*" and not hasattr(importlib.import_module(target), name):
                missing.append(f"{MODULES[module].relative_to(ROOT)}:{line} imports {name} from {target}")
    assert not missing, missing
