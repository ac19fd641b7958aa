# fairshare: two commands on a fresh machine with Python >= 3.11 and make — `make demo` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# The newest python3.1x (>= 3.11) on PATH that actually runs (a pyenv shim of a version that is not
# selected does not); then python3 if it is >= 3.11. `make PY=python3.12 ...` forces one.
PY_CANDIDATES := python3.14 python3.13 python3.12 python3.11 python3
ifeq ($(origin PY),undefined)
PY := $(shell for p in $(PY_CANDIDATES); do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; break; }; \
	done)
endif
VENV := .venv
BIN := $(VENV)/bin
export DBT_PROFILES_DIR ?= $(CURDIR)/profiles
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

# System packages (Debian/Ubuntu names). PDF invoices: pango and fonts (WeasyPrint).
# Browser tests: Debian's Chromium (a test tool's own browser download does not work offline).
SYSTEM_PACKAGES_DEMO := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-liberation
SYSTEM_PACKAGES_TEST := $(SYSTEM_PACKAGES_DEMO) chromium

.PHONY: demo demo-months test install install-dev system-deps-demo system-deps-test lint sqllint \
	pytest e2e bench clean

$(BIN)/python:
	@test -n "$(PY)" || { echo "error: no Python >= 3.11 found (tried $(PY_CANDIDATES)); install one or run make PY=/path/to/python3.x" >&2; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv

# Runtime dependencies only: what `make demo` (and a user's `pip install .`) gets.
# --compile-bytecode: the .pyc files are written once here. Where PYTHONDONTWRITEBYTECODE is set
# (many CI and container images), every dbt, fairshare and pytest process would otherwise compile
# its imports again: about 1.1 s of each dbt command's start.
UV_INSTALL := $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(UV_INSTALL) -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(UV_INSTALL) -e ".[dev]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Installs the missing system packages with apt when run as root; otherwise names the command and fails.
define system_deps
	@missing=(); \
	for pkg in $(1); do \
		case $$pkg in \
			chromium) command -v chromium >/dev/null 2>&1 || [ -x "$${FAIRSHARE_CHROMIUM:-/nonexistent}" ] || missing+=($$pkg) ;; \
			*) dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q 'install ok installed' || missing+=($$pkg) ;; \
		esac; \
	done; \
	if [ $${#missing[@]} -eq 0 ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing system packages: $${missing[*]}"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends "$${missing[@]}" >/dev/null; \
	else \
		echo "error: missing system packages; run: sudo apt-get install -y $${missing[*]}" >&2; \
		exit 2; \
	fi
endef

system-deps-demo:
	$(call system_deps,$(SYSTEM_PACKAGES_DEMO))

system-deps-test:
	$(call system_deps,$(SYSTEM_PACKAGES_TEST))

## demo: generate a sandbox month, serve it on 127.0.0.1, extract → dbt build → publish
demo: install system-deps-demo
	$(BIN)/fairshare demo --month 2026-10 --conversations 20000 --seed 42

## demo-months: the sandbox scenario over six months (Support grows, a price change, Sales bursts):
## unit-cost trends, explained changes, budgets and the licence advisor in out/<month>/
demo-months: install system-deps-demo
	$(BIN)/python -m fairshare.demo_months --first-month 2026-05 --months 6 --conversations 1500 \
		--data sandbox-data/scenario --out out

## test: lint (ruff, deptry, sqlfluff), pytest (unit, API, loaders, dbt end to end, browser), the main job on a small month
# After the quick lint, sqllint, pytest and e2e run side by side (each target's output is printed
# whole when it ends): pytest alone leaves ~15 % of the cores idle (process starts, waits on a
# shared fixture), which sqlfluff and the e2e job fill. A failure in any of them fails `make test`.
test: install-dev system-deps-test lint
	@echo "make test: sqllint, pytest and e2e side by side; each one's output follows when it ends"
	$(MAKE) --no-print-directory -j3 --output-sync=target sqllint pytest e2e

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/deptry .

# models/ and tests/dbt/ with the dbt templater (.sqlfluff); macros/ from its own folder, the only
# way to give it the Jinja templater (macros/.sqlfluff: the dbt templater skips macro files).
# Its dbt parses write to target/sqllint/ (DBT_TARGET_PATH for dbt and sqlfluff's dbt templater,
# DBT_TARGET_DIR for dbt-score), never over the target/ files a test running beside it reads.
sqllint: export DBT_TARGET_PATH := target/sqllint
sqllint: export DBT_TARGET_DIR := target/sqllint
sqllint: install-dev
	mkdir -p warehouse  # the dbt templater opens the dev DuckDB file
	$(BIN)/sqlfluff lint models tests/dbt --processes 2 --disable-progress-bar
	cd macros && ../$(BIN)/sqlfluff lint . --disable-progress-bar
	DBT_PROFILES_DIR=profiles $(BIN)/dbt-score lint --run-dbt-parse  # fails below 9 (pyproject.toml [tool.dbt-score]); parses first: a fresh clone has no manifest

# every core (pytest-xdist); tests sharing module fixtures stay on one worker (xdist_group)
PYTEST_WORKERS ?= auto
pytest: install-dev system-deps-test
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) --dist loadgroup --durations=15

## e2e: the main job on a small sandbox month (extract → dbt build with all tests → publish)
e2e: install-dev system-deps-demo
	FAIRSHARE_DUCKDB_PATH=warehouse/e2e.duckdb $(BIN)/fairshare demo --month 2026-10 \
		--conversations 3000 --seed 11 --data .e2e/sandbox --out .e2e/out

## bench: every target of docs/benchmarks.md (10k, 100k, 1M and 5M conversations; hours, ~40 GB of disk)
bench: install-dev
	$(BIN)/fairshare bench --conversations 10000 100000 1000000 5000000

clean:
	rm -rf target logs out warehouse .e2e sandbox-data bench-data
