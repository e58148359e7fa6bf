# Set-up and everyday commands. `make run` and `make test` are all a newcomer needs.

PYTHON_BIN ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
INSTALLED_DEV := $(VENV)/.installed-dev
MANAGE := $(PY) manage.py

.PHONY: run test lint format install install-dev demo-code browsers clean

$(PY):
	$(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(INSTALLED_DEV): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@ $(INSTALLED)

install: $(INSTALLED)

install-dev: $(INSTALLED_DEV)

## Create the environment, migrate, load the demo content and serve on http://127.0.0.1:8000
run: $(INSTALLED)
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) runserver 127.0.0.1:8000

## Create the environment with the test tools and run the whole suite
test: $(INSTALLED_DEV)
	$(PY) -m pytest

## Ruff for Python, djhtml for templates, import-linter for the layers
lint: $(INSTALLED_DEV)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')
	$(VENV)/bin/lint-imports

format: $(INSTALLED_DEV)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(git ls-files '*.html')

## The current sign-in code for a demo trainer or administrator: make demo-code EMAIL=trainer@example.com
demo-code: $(INSTALLED)
	@$(MANAGE) demo_totp $(EMAIL)

## Benchmarks (not part of the test suite)
bench: $(INSTALLED_DEV)
	$(PY) -m pytest tests/perf -p no:cacheprovider -o addopts="" -s

clean:
	rm -rf $(VENV) static .pytest_cache .ruff_cache
