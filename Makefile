PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test schema bench train clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# A real (non-editable) install, so tests run against what the wheel ships.
$(STAMP): $(VENV)/bin/python pyproject.toml $(shell find src data/gazetteers -type f 2>/dev/null)
	$(PY) -m pip install --quiet ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/geonews annotate examples -o .demo/examples.jsonl --summary

test: $(STAMP)
	$(PY) -m pytest -q

schema: $(STAMP)
	$(VENV)/bin/geonews schema -o docs/schema/document-result.json

bench: $(STAMP)
	$(PY) bench/run.py

train: $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[train,test]"
	bash scripts/train_ner.sh

clean:
	rm -rf $(VENV) .demo build dist
