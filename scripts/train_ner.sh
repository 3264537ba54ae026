#!/usr/bin/env bash
# Reproduce the shipped German NER model from ../shared/data (see docs/model-card.md).
# Not part of CI. WORK defaults to a folder outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/data}
WORK=${WORK:-$HOME/.cache/geonews-train}
PY=${PY:-.venv/bin/python}
MAX_STEPS=${MAX_STEPS:-60000}
mkdir -p "$WORK"
PYTHONPATH=src $PY -m geonews_nlp.training.prepare "$SHARED" "$WORK/corpus"
if [ ! -d "$WORK/vectors_model" ]; then
  PYTHONPATH=src $PY -m geonews_nlp.training.vectors "$SHARED/raw_de" "$WORK/vec"
  $PY -m spacy init vectors de "$WORK/vec/vectors.floret" "$WORK/vectors_model" --mode floret
fi
$PY -m spacy train training/ner.cfg -o "$WORK/out" \
  --paths.train "$WORK/corpus/train.spacy" --paths.dev "$WORK/corpus/tune.spacy" \
  --paths.vectors "$WORK/vectors_model" --training.max_steps "$MAX_STEPS"
$PY -m spacy evaluate "$WORK/out/model-best" "$WORK/corpus/heldout.spacy"
