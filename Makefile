# Everyday tasks. `make seeds` runs the main job on the seeds with SQLite and prints the
# departures; `make test` runs the test suite (PostgreSQL tests too when PIPELINE_TEST_PG_URL is
# set, e.g. postgresql+psycopg://pipeline:pipeline@localhost:5432/pipeline_test).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: setup seeds test lint bench

## setup: a virtual environment in .venv with pipeline and its test tools installed
setup: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## seeds: ingest seeds/ into a fresh ./pipeline.db (SQLite) and print the departures
seeds: setup
	rm -f pipeline.db pipeline.db-wal pipeline.db-shm
	$(BIN)/pipeline ingest seeds/ --db pipeline.db
	$(BIN)/pipeline query departures --db pipeline.db

## test: the whole test suite
test: setup
	$(BIN)/python -m pytest -q

## lint: ruff's checks and formatting
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## bench: the benchmark harness (benchmarks/run.py): bare spaCy vs ingest on both backends,
## re-ingest, reprocess, workers, peak RSS at 1k and 10k articles, query latency on 100k; about
## an hour on 2 cores. JSON on stdout and in benchmarks/out/results.json. PostgreSQL figures need
## PIPELINE_BENCH_PG_URL or PIPELINE_TEST_PG_URL. Options: make bench BENCH_ARGS="--sizes 1000"
bench: setup
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)
