# fairshare: two commands on a fresh machine with Python 3.11 — `make demo` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export DBT_PROFILES_DIR ?= $(CURDIR)/profiles
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: demo test install install-dev lint sqllint pytest e2e portability bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## demo: generate a sandbox month, serve it on 127.0.0.1, extract → dbt build → publish
demo: install
	$(BIN)/fairshare demo --month 2026-10 --conversations 20000 --seed 42

## test: lint (ruff, sqlfluff), pytest (unit, API, loaders, dbt end to end, browser), dbt build on the sandbox
test: install-dev lint sqllint pytest e2e

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

sqllint: install-dev
	mkdir -p warehouse  # the dbt templater opens the dev DuckDB file
	$(BIN)/sqlfluff lint models --processes 2 --disable-progress-bar

pytest: install-dev
	$(BIN)/pytest -q

## e2e: the main job on a small sandbox month (extract → dbt build with all tests → publish)
e2e: install-dev
	FAIRSHARE_DUCKDB_PATH=warehouse/e2e.duckdb $(BIN)/fairshare demo --month 2026-10 \
		--conversations 3000 --seed 11 --data .e2e/sandbox --out .e2e/out

bench: install-dev
	$(BIN)/fairshare bench --conversations 10000 100000 1000000

clean:
	rm -rf target logs out warehouse .e2e sandbox-data bench-data
