# Set-up and everyday commands. `make run` and `make test` are all a newcomer needs.

PYTHON_BIN ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
INSTALLED_DEV := $(VENV)/.installed-dev
MANAGE := $(PY) manage.py

# The lock: every install takes exact versions with their hashes from requirements/*.txt,
# compiled from pyproject.toml by `make lock` (pip-tools), against PyPI alone.
LOCK_BASE := requirements/base.txt
LOCK_DEV := requirements/dev.txt
PIP_COMPILE := env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null $(VENV)/bin/pip-compile --quiet \
	--generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	--index-url https://pypi.org/simple

.PHONY: run test lint typecheck typecheck-baseline format install install-dev lock demo-code browsers messages clean

$(PY):
	$(PYTHON_BIN) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(INSTALLED): $(LOCK_BASE) | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK_BASE)
	touch $@

$(INSTALLED_DEV): $(LOCK_DEV) | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK_DEV)
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

## Recompile the lock from pyproject.toml (the newest versions its ranges allow)
lock: | $(PY)
	$(PY) -m pip install --quiet "pip-tools>=7.4,<8"
	$(PIP_COMPILE) --upgrade --output-file $(LOCK_BASE) pyproject.toml
	$(PIP_COMPILE) --upgrade --extra dev --constraint $(LOCK_BASE) --output-file $(LOCK_DEV) pyproject.toml

## mypy: strict on the scoring core, clean on core/, no errors beyond mypy-baseline.txt elsewhere
typecheck: $(INSTALLED_DEV)
	$(VENV)/bin/mypy | $(VENV)/bin/mypy-baseline filter --baseline-path mypy-baseline.txt \
		--sort-baseline --no-colors --hide-stats

## Record mypy's remaining errors after fixing some (the baseline may only shrink)
typecheck-baseline: $(INSTALLED_DEV)
	$(VENV)/bin/mypy | $(VENV)/bin/mypy-baseline sync --baseline-path mypy-baseline.txt \
		--sort-baseline

format: $(INSTALLED_DEV)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(git ls-files '*.html')

## Recompile the site's wording of the account pages (cms/locale) after editing the .po file
messages: $(INSTALLED)
	cd cms && ../$(PY) ../manage.py compilemessages --locale en_GB

## The current sign-in code for a demo trainer or administrator: make demo-code EMAIL=trainer@example.com
demo-code: $(INSTALLED)
	@$(MANAGE) demo_totp $(EMAIL)

## Benchmarks (not part of the test suite)
bench: $(INSTALLED_DEV)
	$(PY) -m pytest tests/perf -p no:cacheprovider -o addopts="" -s

clean:
	rm -rf $(VENV) static .pytest_cache .ruff_cache
