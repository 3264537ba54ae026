"""Copy a trained NER pipeline into the package as ``de_geonews_ner``, with its meta and clean paths.

    python scripts/ship_model.py WORK/out/model-best [--version 0.6.0] [--out-bias 0]
    python scripts/ship_model.py WORK/out/model-best --lang en [--version 0.1.0]   # as en_geonews_ner

The model's language must be ``--lang`` (German by default).

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
SOURCES_EN = [
    {"name": "WikiGold (documents 0-79 of 145)", "license": "CC BY 4.0"},
    {"name": "silver_en (NTREX-128, FLORES-101, machine-labelled; adjectival U.S./US/UK as LOC)",
     "license": "CC BY-SA 4.0"},
    {"name": "WNUT-17 train and dev (person, location; corporation and group as ORG)", "license": "CC BY 4.0"},
    {"name": "raw_en: floret vectors (skipgram; NTREX-128, FLORES-101, Tatoeba)",
     "license": "CC BY-SA 4.0 / CC BY 2.0 FR"},
    {"name": "geonews_nlp gazetteers, as features (docs/gazetteers.md)", "license": "as listed in docs/gazetteers.md"},
]
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
    ap.add_argument("--version", default=None, help="default: 0.6.0 for de, 0.1.0 for en")
    ap.add_argument("--out-bias", type=float, default=0.0)
    ap.add_argument("--lang", default="de", choices=["de", "en"])
    ap.add_argument("--sources", type=Path, default=None,
                    help="a JSON list of {name, license} for meta.json (default: the recipe's own list)")
    args = ap.parse_args()
    target = TARGET if args.lang == "de" else TARGET.with_name(f"{args.lang}_geonews_ner")
    version = args.version or ("0.6.0" if args.lang == "de" else "0.1.0")
    sources = SOURCES if args.lang == "de" else SOURCES_EN
    if args.sources:
        sources = json.loads(args.sources.read_text(encoding="utf-8"))
    card = "docs/model-card.md" if args.lang == "de" else "docs/model-card-en.md"
    language = {"de": "German", "en": "English"}[args.lang]

    from thinc.api import Config

    trained = Config().from_disk(args.model / "config.cfg", interpolate=False)
    if trained["nlp"]["lang"] != args.lang:
        raise SystemExit(f"error: {args.model} is a {trained['nlp']['lang']!r} pipeline, not {args.lang!r}")
    ship(args, target, version, sources, card, language)


def ship(args: argparse.Namespace, target: Path, version: str, sources: list[dict], card: str, language: str) -> None:
    from thinc.api import Config

    if target.exists():
        shutil.rmtree(target)
    calibration = None
    if args.out_bias:
        import spacy

        from geonews_nlp.training.calibrate import out_bias, shift_out_bias

        nlp = spacy.load(args.model)
        before = out_bias(nlp)
        calibration = {"out_bias_shift": args.out_bias, "out_bias": [before, shift_out_bias(nlp, args.out_bias)]}
        nlp.to_disk(target)
    else:
        shutil.copytree(args.model, target)
    config = Config().from_disk(target / "config.cfg", interpolate=False)
    for key in config["paths"]:
        config["paths"][key] = None  # the training machine's folders mean nothing to a user
    embed = config["components"]["tok2vec"]["model"]["embed"]
    if embed.get("gazetteer_rows"):  # pin the features to the gazetteers it was trained with
        from geonews_nlp.gazetteer.store import content_hash, shipped_files

        embed["gazetteer_hash"] = content_hash(shipped_files())
    config.to_disk(target / "config.cfg")
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    meta.update(name="geonews_ner", version=version, author="geonews_nlp", license="CC BY-SA 4.0",
                description=f"{language} PER/ORG/LOC NER trained by geonews_nlp (see {card})",
                sources=sources)
    if calibration:
        meta["geonews_calibration"] = calibration
    (target / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"shipped {args.model} as {target} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
