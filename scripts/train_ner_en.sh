#!/usr/bin/env bash
# Reproduce the shipped English NER model (en_geonews_ner) from ../shared/data (see docs/model-card-en.md).
# Not part of CI. WORK defaults to a folder outside the repository. About 25 minutes on 2 cores:
# vectors 1-2, conversion 1, training 15-25.
# The split of WikiGold is fixed in src/geonews_nlp/training/prepare.py (documents 0-79 train, 80-104 tune,
# 105-144 held-out, never trained or tuned on).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/data}
WORK=${WORK:-$HOME/.cache/geonews-train-en}
PY=${PY:-.venv/bin/python}
MAX_STEPS=${MAX_STEPS:-3000}
SEED=${SEED:-0}
WIDTH=${WIDTH:-128}        # tok2vec width (the model must stay under 40 MB: 128 with 50,000 vector rows)
GAZETTEER=${GAZETTEER:-1}  # 1: gazetteer features in the embedding (512 rows, English key rules)
REPEAT=${REPEAT:-3}        # WikiGold's train part shown this many times
LINE_BREAKS=${LINE_BREAKS:-0.1} # the fraction of training sentences joined to the next by a line-break token
# Corpora and sentence limits (docs/model-card-en.md, "Runs"): wikigold, silver (silver_en as labelled),
# silver_loc (silver_en with adjectival U.S./US/UK as LOC), wnut (WNUT-17 train+dev), wikiann (licence unclear)
MIX=${MIX:-'{"wikigold": null, "silver_loc": null, "wnut": null}'}
export OPENBLAS_NUM_THREADS=1
mkdir -p "$WORK"
PYTHONPATH=src $PY -m geonews_nlp.training.prepare "$SHARED" "$WORK/corpus" "$MIX" "$REPEAT" --lang en --line-breaks "$LINE_BREAKS"
if [ ! -d "$WORK/vectors_model" ]; then
  # floret skipgram vectors on raw_en's 0.75M tokens, 10 epochs (the corpus is small)
  PYTHONPATH=src $PY -m geonews_nlp.training.vectors "$SHARED/raw_en" "$WORK/vec" 10
  $PY -m spacy init vectors en "$WORK/vec/vectors.floret" "$WORK/vectors_model" --mode floret
fi
$PY -m spacy train training/ner_en.cfg -o "$WORK/out" \
  --paths.train "$WORK/corpus/train.spacy" --paths.dev "$WORK/corpus/tune.spacy" \
  --paths.vectors "$WORK/vectors_model" --paths.init_tok2vec null \
  --paths.raw_text "$WORK/vec/raw.jsonl" --training.max_steps "$MAX_STEPS" --system.seed "$SEED" \
  --training.optimizer.use_averages true \
  --components.tok2vec.model.encode.width "$WIDTH" \
  --components.tok2vec.model.embed.gazetteer_rows "$([ "$GAZETTEER" = 1 ] && echo 512 || echo 0)"
$PY -m spacy evaluate "$WORK/out/model-best" "$WORK/corpus/heldout.spacy"
echo "held-out, as the project scores it: (cd /tmp && geonews evaluate ner $WORK/corpus/heldout.conll --format conll --lang en --model $WORK/out/model-best)"
echo "to ship it (only if it beats the shipped model): $PY scripts/ship_model.py $WORK/out/model-best --lang en"
