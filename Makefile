# Two commands do everything on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: run test test-db lint unit e2e bench soak mutation chromium debs clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.run-deps

# Debian packages the tests need, installed only when missing: Chromium (playwright install cannot download
# here), poppler-utils (pdftoppm/pdftotext for the PDF tests), PostgreSQL (the workshop storage tests).
DEBS_NEEDED = $(strip $(if $(wildcard /usr/bin/chromium),,chromium) $(if $(wildcard /usr/bin/pdftoppm),,poppler-utils) \
	$(if $(wildcard /usr/lib/postgresql/*/bin/initdb),,postgresql))
debs:
	@if [ -n "$(DEBS_NEEDED)" ]; then \
		echo "Installing Debian packages: $(DEBS_NEEDED)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(DEBS_NEEDED) >/dev/null; \
	fi

chromium: debs

run: $(VENV)/.run-deps
	$(PY) -m streamlit run server.py --server.headless true --server.port $(PORT) --server.address localhost

lint: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy guide pages ui app.py server.py

unit: $(VENV)/.dev-deps
	$(PY) -m pytest -q tests --ignore=tests/e2e --ignore=tests/db

e2e: $(VENV)/.dev-deps chromium
	$(PY) -m pytest -q tests/e2e

test: $(VENV)/.dev-deps debs lint
	$(PY) -m pytest -q tests

# The workshop storage on real databases: an SQLite file and a throwaway PostgreSQL cluster the tests start
# themselves (as user `nobody` when run as root), plus two Streamlit servers sharing that PostgreSQL.
test-db: $(VENV)/.dev-deps debs
	$(PY) -m pytest -q tests/db

# Figures as ratios against a reference page measured in the same run (docs/performance.md).
bench: $(VENV)/.dev-deps chromium
	$(PY) -m bench.run

# Mutation testing of guide/ with the unit tests (docs/testing.md); slow, so not part of `make test`.
# An equal random sample of each feature folder, checked in rounds (docs/testing.md); PER_FOLDER sets its size.
# One module instead: `.venv/bin/mutmut run 'guide.advice.brief_io*'`.
mutation: $(VENV)/.dev-deps
	$(PY) tools/mutation_rounds.py --per-folder $(or $(PER_FOLDER),60) --max-children $(or $(CHILDREN),1)
	$(PY) tools/mutation_sample.py --per-folder $(or $(PER_FOLDER),60) --report | tee mutants/sample-report.md

soak: $(VENV)/.dev-deps chromium
	SOAK_SESSIONS=20 SOAK_SECONDS=90 $(PY) -m pytest -q -s tests/e2e/test_soak.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis mutants
