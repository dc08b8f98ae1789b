# The two commands of the README: `make run` (the app) and `make test` (the test suite).
# Both create .venv/ and install everything on first use; nothing is downloaded at run time.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup index eval results bench

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# The CPU build of torch first, pinned: a bare requirement would pull GBs of CUDA wheels.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test,distributed]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/qa serve

index: $(STAMP)
	$(VENV)/bin/qa index

# Browser tests drive Debian's Chromium; install it when it is missing (root, as on CI).
test: $(STAMP)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || echo "chromium not installed: browser tests will be skipped"
	$(PY) -m pytest -q

eval: $(STAMP)
	$(VENV)/bin/qa eval eval/gold.jsonl --report eval/reports

# README's Results block, rewritten from fresh reports: the gold set, then the SQuAD half (about
# two minutes; where ../shared/ is absent the committed SQuAD report is used as it is).
SQUAD := ../shared/benchmarks/squad-v1.1-dev-half-a.json
results: eval
	@if [ -f $(SQUAD) ]; then $(VENV)/bin/qa eval $(SQUAD) --report eval/reports; else echo "$(SQUAD) not found: the SQuAD column keeps the committed report"; fi
	$(VENV)/bin/qa results --readme README.md --reports eval/reports

# Benchmarks: txtai (the comparison) is a benchmark-only extra, installed once.
BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	# pip 23 (what python -m venv brings) fails to resolve this extra: "Candidate is not for this
	# requirement lxml[html-clean,html-clean] vs lxml[html-clean]"; pip 24 and later resolve it.
	$(PY) -m pip install --quiet --upgrade 'pip>=24'
	$(PY) -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(PY) -m qa.bench
