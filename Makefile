# Two commands on a fresh machine: `make run` builds the warehouse, `make test` runs the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
# pytest-xdist workers: 2 by default (the suite's build fixtures run once per worker); `make test JOBS=auto`
JOBS ?= 2

.PHONY: run test test-fast lint bench bench-spark bench-suggest codes review-results install clean

$(VENV)/bin/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Error: $(PYTHON) not found — install Python 3.11 or run make PYTHON=python3"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# What a run needs and nothing more (pyspark, a gigabyte, is for `--engine spark` and the tests).
$(RUN_STAMP): pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet -e .
	@touch $(RUN_STAMP)

# What the tests need besides: pytest, pytest-xdist, ruff, the DuckDB CLI, pyspark and its Connect client.
$(TEST_STAMP): pyproject.toml $(VENV)/bin/python
	$(BIN)/pip install --quiet -e '.[dev,spark,spark-connect]'
	@touch $(TEST_STAMP) $(RUN_STAMP)

install: $(TEST_STAMP)

run: $(RUN_STAMP)
	$(BIN)/clusterdw run

# The whole suite, unit and functional, on $(JOBS) workers.
test: $(TEST_STAMP)
	$(BIN)/pytest -q -n $(JOBS)

# The inner loop: tests that run no pipeline and are not slow (under 30 s).
test-fast: $(TEST_STAMP)
	$(BIN)/pytest -q -n $(JOBS) tests/unit -m "not slow and not spark"

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench.py

bench-spark: $(TEST_STAMP)
	$(BIN)/python benchmarks/spark_bench.py

bench-suggest: $(TEST_STAMP)
	$(BIN)/python benchmarks/suggest_loo.py --out benchmarks/SUGGEST_RESULTS.md

codes: $(RUN_STAMP)  # docs/codes.md's tables of metrics, units and cue words, from raw/reference
	$(BIN)/python -m pipelines.docs.codes

review-results: $(RUN_STAMP)  # benchmarks/REVIEW_RESULTS.md, from each draft beside its reviewed file
	$(BIN)/clusterdw review --results benchmarks/REVIEW_RESULTS.md

clean:
	rm -rf target
