# Two commands on a fresh machine: `make run` builds the warehouse, `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench bench-suggest codes review-results install clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Error: $(PYTHON) not found — install Python 3.11 or run make PYTHON=python3"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/clusterdw run

test: $(STAMP)
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

bench-suggest: $(STAMP)
	$(BIN)/python benchmarks/suggest_loo.py --out benchmarks/SUGGEST_RESULTS.md

codes: $(STAMP)  # docs/codes.md's tables of metrics, units and cue words, from raw/reference
	$(BIN)/python -m pipelines.docs.codes

review-results: $(STAMP)  # benchmarks/REVIEW_RESULTS.md, from each draft beside its reviewed file
	$(BIN)/clusterdw review --results benchmarks/REVIEW_RESULTS.md

clean:
	rm -rf target
