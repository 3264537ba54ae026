PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint schema bench train clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# A real (non-editable) install, so tests run against what the wheel ships.
$(STAMP): $(VENV)/bin/python pyproject.toml $(shell find src data/gazetteers -type f 2>/dev/null)
	$(PY) -m pip install --quiet ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/geonews annotate examples -o .demo/examples.jsonl --lang auto --summary

test: $(STAMP)
	$(PY) -m pytest -q

LINT_STAMP := $(VENV)/.lint-installed
$(LINT_STAMP): $(STAMP)
	$(PY) -m pip install --quiet ".[lint]"
	touch $(LINT_STAMP)

# ruff (style and errors), mypy (types, with the pydantic plugin), import-linter (the layers and seams
# in pyproject.toml), on the source tree as written
lint: $(LINT_STAMP)
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/mypy
	PYTHONPATH=src $(VENV)/bin/lint-imports

schema: $(STAMP)
	$(VENV)/bin/geonews schema -o docs/schema/document-result.json

bench: $(STAMP)
	$(PY) bench/run.py

train: $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[train,test]"
	bash scripts/train_ner.sh

clean:
	rm -rf $(VENV) .demo build dist
