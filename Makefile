# Two commands: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint check-postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

# The web app on this computer: prints the address to open (http://127.0.0.1:8765/).
# A phone on the same Wi-Fi: $(BIN)/twitchguide serve --lan (shows a link and a QR code).
run: $(VENV)/.installed
	@echo "Starting Twitchguide. Your diary stays on this computer; Ctrl-C stops it."
	@$(BIN)/twitchguide serve $(SERVE_ARGS)

# Browser tests drive Debian's Chromium (Playwright cannot download its own here).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@echo "Installing Debian's chromium for the browser tests..."
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

lint: $(VENV)/.installed-test
	$(BIN)/ruff check twitchguide tests benchmarks tools
	$(BIN)/ruff format --check twitchguide tests benchmarks tools
	$(BIN)/mypy

test: lint | $(CHROMIUM)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
