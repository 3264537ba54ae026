#!/usr/bin/env bash
# Reproduce the shipped German NER model from ../shared/data (see docs/model-card.md).
# Not part of CI. WORK defaults to a folder outside the repository.
# The default is 0.6.0's recipe: 12 teacher models, their votes on 30,000 raw sentences, then the
# shipped model (tok2vec width 160, gazetteer features, 8,000 steps) trained on the mix plus those
# sentences: about 3 hours on 2 cores.
# DISTILL=0 trains one model on the MIX alone: about 40 minutes (vectors 8, conversion 2, training 20-30).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/data}
WORK=${WORK:-$HOME/.cache/geonews-train}
PY=${PY:-.venv/bin/python}
MAX_STEPS=${MAX_STEPS:-8000} # the student's steps: 8,000 since 0.6.0, 4,000 before (teachers: always 4,000)
PRETRAIN=${PRETRAIN:-0}   # 1: initialise the tok2vec with spacy pretrain (0.2.0's recipe; 0.3.0 does without)
SEED=${SEED:-2}           # runs differ by 2-3 points with the seed; 0.6.0 is seed 2, 0.5.0 seed 0, 0.4.0 seed 1 (docs/model-card.md)
WIDTH=${WIDTH:-160}       # the shipped model's tok2vec width: 160 since 0.5.0, 128 before
AVERAGE=${AVERAGE:-1}     # Adam with parameter averaging (one point better on average; 0.3.0 was trained without)
DISTILL=${DISTILL:-1}     # 1: add sentences labelled by 12 teachers (0.4.0 to 0.6.0); 0: the MIX alone
GAZETTEER=${GAZETTEER:-1} # 1: gazetteer features in the embedding of the student (0.6.0; docs/model-card.md); 0: none, as 0.5.0
# Corpora and sentence limits (docs/model-card.md, "Corpus conversion"); the default is 0.6.0's (and 0.5.0's).
# 0.5.0: GAZETTEER=0 MAX_STEPS=4000 SEED=0; 0.4.0: GAZETTEER=0 MAX_STEPS=4000 WIDTH=128 SEED=1
# 0.3.0: MIX='{"germeval": null, "silver": null, "mobie": null}' AVERAGE=0 DISTILL=0 GAZETTEER=0 MAX_STEPS=4000 SEED=0 WIDTH=128
MIX=${MIX:-'{"germeval": null, "silver": null, "mobie": null, "smartdata": null}'}
export OPENBLAS_NUM_THREADS=1
mkdir -p "$WORK"
# GermEval dev 0-1199 shown 3 times, plus the MIX (held-out 1500-2199 never seen)
PYTHONPATH=src $PY -m geonews_nlp.training.prepare "$SHARED" "$WORK/corpus" "$MIX" 3
if [ ! -d "$WORK/vectors_model" ]; then
  # floret vectors, and a 4M-word sample of the same raw text for pretraining
  PYTHONPATH=src $PY -m geonews_nlp.training.vectors "$SHARED/raw_de" "$WORK/vec"
  $PY -m spacy init vectors de "$WORK/vec/vectors.floret" "$WORK/vectors_model" --mode floret
fi
INIT=null
if [ "$PRETRAIN" = 1 ]; then
  if [ ! -f "$WORK/pretrain_w$WIDTH/model2.bin" ]; then
    $PY -m spacy pretrain training/ner.cfg "$WORK/pretrain_w$WIDTH" --paths.raw_text "$WORK/vec/raw.jsonl" \
      --paths.vectors "$WORK/vectors_model" --pretraining.max_epochs 3 --components.tok2vec.model.encode.width "$WIDTH"
  fi
  INIT="$WORK/pretrain_w$WIDTH/model2.bin"
fi
# train OUT CORPUS SEED WIDTH [GAZETTEER_ROWS [STEPS]]
train() {
  local out=$1 corpus=$2 seed=$3 width=$4 gaz=${5:-$([ "$GAZETTEER" = 1 ] && echo 512 || echo 0)} steps=${6:-$MAX_STEPS}
  $PY -m spacy train training/ner.cfg -o "$out" \
    --paths.train "$corpus/train.spacy" --paths.dev "$corpus/tune.spacy" \
    --paths.vectors "$WORK/vectors_model" --paths.init_tok2vec "$INIT" \
    --paths.raw_text "$WORK/vec/raw.jsonl" --training.max_steps "$steps" --system.seed "$seed" \
    --training.optimizer.use_averages "$([ "$AVERAGE" = 1 ] && echo true || echo false)" \
    --components.tok2vec.model.encode.width "$width" --components.tok2vec.model.embed.gazetteer_rows "$gaz"
}
CORPUS="$WORK/corpus"
if [ "$DISTILL" = 1 ]; then
  # The teachers: the MIX at widths 128 and 160, and the MIX plus HIPE at 128, four seeds each
  PYTHONPATH=src $PY -m geonews_nlp.training.prepare "$SHARED" "$WORK/corpus_hipe" \
    "$($PY -c 'import json,sys; m=json.loads(sys.argv[1]); m["hipe"]=None; print(json.dumps(m))' "$MIX")" 3
  TEACHERS=()
  for s in 0 1 2 3; do
    # a teacher already trained is reused: delete $WORK/teachers after changing the MIX;
    # teachers are never pretrained (PRETRAIN's weights fit the student's WIDTH only) and have no
    # gazetteer features (the teachers of the GZ runs had none)
    [ -d "$WORK/teachers/T$s/model-best" ] || INIT=null train "$WORK/teachers/T$s" "$CORPUS" $s 128 0 4000
    [ -d "$WORK/teachers/W$s/model-best" ] || INIT=null train "$WORK/teachers/W$s" "$CORPUS" $s 160 0 4000
    [ -d "$WORK/teachers/H$s/model-best" ] || INIT=null train "$WORK/teachers/H$s" "$WORK/corpus_hipe" $s 128 0 4000
    TEACHERS+=("$WORK/teachers/T$s/model-best" "$WORK/teachers/W$s/model-best" "$WORK/teachers/H$s/model-best")
  done
  PYTHONPATH=src $PY -m geonews_nlp.training.distill "$SHARED" "$CORPUS" "$WORK/corpus_distilled" "${TEACHERS[@]}" \
    --n 30000 --min-votes 5
  CORPUS="$WORK/corpus_distilled"
fi
train "$WORK/out" "$CORPUS" "$SEED" "$WIDTH"
$PY -m spacy evaluate "$WORK/out/model-best" "$CORPUS/heldout.spacy"
echo "to ship it (only if it beats the shipped model): $PY scripts/ship_model.py $WORK/out/model-best"
