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

run: $(VENV)/.installed
	@$(BIN)/twitchguide --help
	@echo
	@$(BIN)/twitchguide settings
	@echo
	@echo "Twitchguide is installed in $(VENV). Try:"
	@echo "  $(BIN)/twitchguide log calf --side left --duration 90s --intensity 2"
	@echo "  $(BIN)/twitchguide diary --since 7d"
	@echo "Your diary is a SQLite file in your data folder; nothing leaves this machine."

lint: $(VENV)/.installed-test
	$(BIN)/ruff check twitchguide tests benchmarks tools
	$(BIN)/ruff format --check twitchguide tests benchmarks tools
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
