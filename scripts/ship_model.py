"""Copy a trained NER pipeline into the package as ``de_geonews_ner``, with its meta and clean paths.

    python scripts/ship_model.py WORK/out/model-best [--version 0.6.0] [--out-bias 0]

Only for a model that beats the shipped one on the held-out set (docs/model-card.md).
``--out-bias D`` lowers the NER's bias for "no entity here" by D (``training/calibrate.py``)
before shipping; 0.3.0 to 0.6.0 ship uncalibrated (the shift was measured on 0.3.0 and did not help across seeds).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "geonews_nlp" / "models" / "de_geonews_ner"
SOURCES = [
    {"name": "GermEval 2014 (dev, first 1200 sentences)", "license": "CC BY 4.0"},
    {"name": "silver_de (Wikipedia, NTREX-128, FLORES-101)", "license": "CC BY-SA"},
    {"name": "MobIE", "license": "CC BY 4.0"},
    {"name": "SmartData v1", "license": "CC BY 4.0"},
    {"name": "HIPE-2022 newseye-de and sonar-de (through the distillation teachers)", "license": "CC BY 4.0"},
    {"name": "raw_de: floret vectors (skipgram)", "license": "CC BY-SA"},
    {"name": "raw_de: distillation text (Wikipedia, Bundestag president's speeches, NTREX-128, FLORES-101)",
     "license": "CC BY-SA"},
    # since 0.6.0 the embedding reads the package's gazetteers at run time (not stored in the model)
    {"name": "geonews_nlp gazetteers, as features (docs/gazetteers.md)", "license": "as listed in docs/gazetteers.md"},
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("--version", default="0.6.0")
    ap.add_argument("--out-bias", type=float, default=0.0)
    args = ap.parse_args()

    from thinc.api import Config

    if TARGET.exists():
        shutil.rmtree(TARGET)
    calibration = None
    if args.out_bias:
        import spacy

        from geonews_nlp.training.calibrate import out_bias, shift_out_bias

        nlp = spacy.load(args.model)
        before = out_bias(nlp)
        calibration = {"out_bias_shift": args.out_bias, "out_bias": [before, shift_out_bias(nlp, args.out_bias)]}
        nlp.to_disk(TARGET)
    else:
        shutil.copytree(args.model, TARGET)
    config = Config().from_disk(TARGET / "config.cfg", interpolate=False)
    for key in config["paths"]:
        config["paths"][key] = None  # the training machine's folders mean nothing to a user
    embed = config["components"]["tok2vec"]["model"]["embed"]
    if embed.get("gazetteer_rows"):  # pin the features to the gazetteers it was trained with
        from geonews_nlp.gazetteer.store import content_hash, shipped_files

        embed["gazetteer_hash"] = content_hash(shipped_files())
    config.to_disk(TARGET / "config.cfg")
    meta = json.loads((TARGET / "meta.json").read_text(encoding="utf-8"))
    meta.update(name="geonews_ner", version=args.version, author="geonews_nlp", license="CC BY-SA 4.0",
                description="German PER/ORG/LOC NER trained by geonews_nlp (see docs/model-card.md)",
                sources=SOURCES)
    if calibration:
        meta["geonews_calibration"] = calibration
    (TARGET / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in TARGET.rglob("*") if p.is_file())
    print(f"shipped {args.model} as {TARGET} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
