# Two commands do everything on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: run test lint unit e2e bench soak chromium clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.run-deps

# Debian's Chromium is the only browser that can be installed here (playwright install cannot download).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium package"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; \
	fi

run: $(VENV)/.run-deps
	$(PY) -m streamlit run app.py --server.headless true --server.port $(PORT) --server.address localhost

lint: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy guide

unit: $(VENV)/.dev-deps
	$(PY) -m pytest -q tests --ignore=tests/e2e

e2e: $(VENV)/.dev-deps chromium
	$(PY) -m pytest -q tests/e2e

test: $(VENV)/.dev-deps chromium lint
	$(PY) -m pytest -q tests

bench: $(VENV)/.dev-deps chromium
	$(PY) -m bench.run

soak: $(VENV)/.dev-deps chromium
	SOAK_SESSIONS=20 SOAK_SECONDS=90 $(PY) -m pytest -q -s tests/e2e/test_soak.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
