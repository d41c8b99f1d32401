# PSW Hub. `make run` serves the demo council; `make test` runs every test. `make help` lists all.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.local

.PHONY: help setup run test test-fast lint bench fuzz chromium clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements/base.txt requirements/dev.txt
	@python=$$(scripts/find-python) || exit 1; \
	  if [ ! -x $(PY) ]; then echo "Creating $(VENV) with $$python"; "$$python" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "PSW Hub builds its styles with Node.js and npm: install them (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

pswhub/static/build/app.css: node_modules/.installed frontend/app.scss frontend/build.mjs frontend/init.mjs frontend/favicon.svg
	node frontend/build.mjs

setup: $(VENV)/.installed pswhub/static/build/app.css ## Install everything and prepare the database (idempotent)
	@mkdir -p var staticfiles
	$(MANAGE) prepare_database

run: setup ## Serve PSW Hub with the demo council at http://127.0.0.1:8000/
	@echo "PSW Hub: http://$(HOST):$(PORT)/  Sign in as demo-psw (or demo-qa, demo-auditor, demo-manager, demo-worker, demo-hr, demo-head, demo-councillor, demo-admin) with the password pswhub-demo"
	@trap 'kill 0' EXIT INT TERM; \
	  export PSWHUB_SITE_URL="$${PSWHUB_SITE_URL:-http://$(HOST):$(PORT)}"; \
	  $(MANAGE) db_worker & \
	  PSWHUB_BIND=$(HOST):$(PORT) PSWHUB_WEB_LOG_LEVEL=warning $(VENV)/bin/gunicorn -c config/gunicorn.py config.wsgi:application

chromium: ## Make sure Debian's Chromium is installed for the browser tests
	@scripts/ensure-chromium

test: $(VENV)/.installed pswhub/static/build/app.css chromium ## Set up and run every test, browser tests included
	@mkdir -p staticfiles
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest

test-fast: $(VENV)/.installed pswhub/static/build/app.css ## Run the tests without the browser
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest -m "not browser"

lint: $(VENV)/.installed ## Lint and check formatting
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(VENV)/.installed pswhub/static/build/app.css ## Run the benchmarks (see docs/performance.md)
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest benchmarks --benchmark-only -p no:randomly -o addopts="" --benchmark-columns=min,median,mean,max,rounds

fuzz: $(VENV)/.installed ## Send 10,000 random files through every import (a nightly-sized run; see docs/operations.md)
	PSWHUB_FUZZ_EXAMPLES=$${PSWHUB_FUZZ_EXAMPLES:-1000} DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest tests/test_import_fuzz.py -p no:randomly -q

clean: ## Remove the virtualenv, node_modules, built files and the local database
	rm -rf $(VENV) node_modules pswhub/static/build staticfiles var
