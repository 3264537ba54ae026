"""Speed as a ratio to spaCy's own ``efficiency`` NER preset (issue 22), in one process.

    python bench/run.py --only-ratio [--docs 300] [--ratio-rounds 7] [--dry-run]

Absolute speeds differ between machines and from hour to hour on a shared one; the time of our
pipelines as a multiple of a fixed reference, measured in the same process on the same documents,
does not. The reference is what ``spacy init config -l de -p ner -o efficiency`` gives (tok2vec
width 96, hash embeddings, no static vectors), built here in Python from spaCy's own template and
initialised on a few examples so that it has weights (untrained weights take the same time). For
English texts it is the same preset for ``en``: the same architecture with English tokenisation.

One round runs every pipeline once over every text set, rotating which goes first; the rounds
alternate, so a drift of the machine hits all alike. Each pipeline's time is its best round; a row's
ratio is its best over the reference's best on the same documents, with the median of the
ratios within each round beside it, and the same ratio in CPU time of this process (which a busy
machine's other work disturbs less than wall time). Then each component of the full pipeline is timed over the
whole batch in turn (the tokenizer, then each pipe's ``pipe``), for the time shares. The garbage
collector is frozen after loading, as the CLI, the service and the batch workers do (otherwise the
gazetteers in memory slow every pipeline in the process, the reference included).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from sidebyside import timed  # noqa: E402

from corpus import documents  # noqa: E402

START, END = "<!-- bench-ratio:start -->", "<!-- bench-ratio:end -->"
SHARED_EVAL = HERE.parent.parent / "shared" / "eval"
# The troop-figure dev sets beside the project (read-only, never copied in): real news with figures.
TROOP_FILES = {"de": ("troops_dev.jsonl", "troops_dev2.jsonl"), "en": ("troops_dev_en.jsonl", "troops_dev2_en.jsonl")}
BASE_PIPES = ("tok2vec", "ner")
# A few sentences with the shipped models' labels, so that the preset's ner has its output layer.
EXAMPLES = {
    "de": [("Olaf Scholz traf in Paris Vertreter der NATO.",
            [("Olaf Scholz", "PER"), ("Paris", "LOC"), ("NATO", "ORG")]),
           ("Die Bundeswehr verlegt 4800 Soldaten nach Litauen.", [("Bundeswehr", "ORG"), ("Litauen", "LOC")])],
    "en": [("Olaf Scholz met NATO officials in Paris.",
            [("Olaf Scholz", "PER"), ("NATO", "ORG"), ("Paris", "LOC")]),
           ("The Bundeswehr sends 4,800 soldiers to Lithuania.", [("Bundeswehr", "ORG"), ("Lithuania", "LOC")])],
}


def reference_config(lang: str = "de"):
    """The config of ``spacy init config -l LANG -p ner -o efficiency`` (CPU, no pretraining)."""
    from spacy.cli.init_config import init_config

    return init_config(lang=lang, pipeline=["ner"], optimize="efficiency", gpu=False, pretraining=False,
                       silent=True)


def reference_pipeline(lang: str = "de"):
    """spaCy's efficiency NER preset for ``lang``, blank and initialised on a few examples: no
    download, no vectors."""
    import spacy
    from spacy.training import Example

    nlp = spacy.util.load_model_from_config(reference_config(lang), auto_fill=True, validate=True)
    examples = []
    for text, ents in EXAMPLES[lang]:
        doc = nlp.make_doc(text)
        spans = [(text.index(name), text.index(name) + len(name), label) for name, label in ents]
        examples.append(Example.from_dict(doc, {"entities": spans}))
    nlp.initialize(lambda: examples)
    return nlp


def words_of(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def troop_texts(lang: str) -> list[str]:
    """The texts of ``../shared/eval``'s troop-figure dev sets for ``lang``; empty where absent."""
    texts: list[str] = []
    for name in TROOP_FILES[lang]:
        path = SHARED_EVAL / name
        if path.is_file():
            with path.open(encoding="utf-8") as f:
                texts += [json.loads(line)["text"] for line in f if line.strip()]
    return texts


def model_sizes() -> list[dict]:
    """On-disk size of each shipped model folder (MB = 10^6 bytes), in all and per subfolder."""
    from importlib import resources

    root = Path(str(resources.files("geonews_nlp") / "models"))
    out = []
    for folder in sorted(p for p in root.iterdir() if (p / "config.cfg").is_file()):
        parts = {sub.name: sum(f.stat().st_size for f in sub.rglob("*") if f.is_file()) / 1e6
                 for sub in folder.iterdir() if sub.is_dir()}
        total = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        out.append({"name": folder.name, "version": meta.get("version", ""), "mb": total, "parts": parts,
                    "vectors": meta.get("vectors", {})})
    return out


def tok2vec_width(nlp) -> int:
    return int(nlp.get_pipe("tok2vec").model.get_dim("nO"))


def staged(nlp, texts: list[str], batch_size: int = 64) -> dict[str, float]:
    """Seconds of each stage over the whole batch in turn: the tokenizer, then each enabled pipe
    (as ``nlp.pipe`` calls it, with the same batch size)."""
    t = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    out = {"tokenizer": time.perf_counter() - t}
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        out[name] = time.perf_counter() - t
    return out


def machine() -> str:
    """CPU model, cores and load average, as far as this system tells."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu} ({platform.machine()}), {usable} cores usable of {os.cpu_count()}"


def measure(n_docs: int, rounds: int, batch_size: int = 64) -> dict:
    """Every pipeline on every text set, ``rounds`` alternating rounds, in this process."""
    import spacy

    import geonews_nlp
    from geonews_nlp.pipeline import base_info

    sets = [("generated German", "de", documents(n_docs), f"`bench/corpus.py`, {n_docs} documents")]
    notes = []
    for lang, label in (("de", "German"), ("en", "English")):
        texts = troop_texts(lang)
        if texts:
            sets.append((f"{label} troop-figure texts", lang, texts,
                         f"`../shared/eval/{'`, `'.join(TROOP_FILES[lang])}`, {len(texts)} news texts"))
        else:
            notes.append(f"{label} troop-figure texts skipped: `{SHARED_EVAL}` is not beside the project")
    langs = sorted({lang for _, lang, _, _ in sets})
    load_t = time.perf_counter()
    refs = {lang: reference_pipeline(lang) for lang in langs}
    full = {lang: geonews_nlp.load(lang) for lang in langs}
    load_s = time.perf_counter() - load_t
    ours = {lang: [p for p in full[lang].pipe_names if p not in BASE_PIPES] for lang in langs}
    # (row name, pipeline, disabled pipes) per language; the first is the reference
    pipelines = {lang: [("reference", refs[lang], []), ("shipped NER alone", full[lang], ours[lang]),
                        ("full geonews pipeline", full[lang], [])] for lang in langs}
    for _, lang, texts, _ in sets:  # warm-up: lazy loads (the linker's gazetteers), caches
        for _, nlp, disable in pipelines[lang]:
            timed(nlp, texts[:50], disable)
    geonews_nlp.freeze_gc()
    load_avg = [os.getloadavg()[0]]
    times: dict[tuple[int, int], list[float]] = {}
    cpu: dict[tuple[int, int], list[float]] = {}
    stages: dict[tuple[int, str], list[dict[str, float]]] = {}
    for r in range(rounds):
        for s, (_, lang, texts, _) in enumerate(sets):
            order = list(range(len(pipelines[lang])))
            order = order[r % len(order):] + order[:r % len(order)]  # rotate which goes first
            for p in order:
                _, nlp, disable = pipelines[lang][p]
                c = time.process_time()
                times.setdefault((s, p), []).append(timed(nlp, texts, disable))
                cpu.setdefault((s, p), []).append(time.process_time() - c)
        for s, (_, lang, texts, _) in enumerate(sets):
            stages.setdefault((s, "reference"), []).append(staged(refs[lang], texts, batch_size))
            stages.setdefault((s, "full"), []).append(staged(full[lang], texts, batch_size))
        load_avg.append(os.getloadavg()[0])
    rows = []
    for s, (set_name, lang, texts, source) in enumerate(sets):
        ref = times[(s, 0)]
        for p, (row, nlp, _) in enumerate(pipelines[lang]):
            t = times[(s, p)]
            rows.append({
                "set": set_name, "source": source, "lang": lang, "pipeline": row, "words": words_of(texts),
                "docs": len(texts), "best_s": min(t), "ratio": min(t) / min(ref),
                "median_ratio": statistics.median(a / b for a, b in zip(t, ref)),
                "ratio_range": [min(a / b for a, b in zip(t, ref)), max(a / b for a, b in zip(t, ref))],
                "cpu_ratio": min(cpu[(s, p)]) / min(cpu[(s, 0)]),
                "width": tok2vec_width(nlp),
                "model": "spaCy efficiency preset" if p == 0 else
                f"{base_info(nlp)['name']} {base_info(nlp)['version']}"})
    shares = []
    for s, (set_name, *_) in enumerate(sets):
        for kind in ("reference", "full"):
            runs = stages[(s, kind)]
            best = {k: min(run[k] for run in runs) for k in runs[0]}
            plain = min(times[(s, 0 if kind == "reference" else 2)])
            shares.append({"set": set_name, "pipeline": kind, "seconds": best, "plain_s": plain,
                           "staged_s": min(sum(run.values()) for run in runs),
                           "ours": [k for k in best if k not in ("tokenizer", *BASE_PIPES)]})
    return {"rows": rows, "shares": shares, "sizes": model_sizes(), "notes": notes, "rounds": rounds,
            "machine": machine(), "python": platform.python_version(), "spacy": spacy.__version__,
            "geonews_nlp": geonews_nlp.__version__, "load_s": load_s, "load_avg": load_avg,
            "batch_size": batch_size}


def ratio_lines(r: dict, command: str) -> list[str]:
    """The Markdown block for docs/benchmarks.md: ratios first, then absolute figures and the machine.
    ``command``: how it was run, as Markdown."""
    la = r["load_avg"]
    lines = [
        START,
        f"{command}, one process, best of {r['rounds']} alternating rounds (batch size {r['batch_size']}, "
        "garbage collector frozen after loading):",
        "",
        "| texts | pipeline | tok2vec width | time per word, × reference (best) | median of rounds (range) "
        "| CPU time, × reference (best) | words/s (best) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for x in r["rows"]:
        name = {"reference": f"spaCy `efficiency` NER preset, `{x['lang']}` (reference)",
                "shipped NER alone": f"shipped NER alone (`{x['model']}`: tok2vec, ner)",
                "full geonews pipeline": "full geonews pipeline"}[x["pipeline"]]
        lo, hi = x["ratio_range"]
        lines.append(f"| {x['set']} | {name} | {x['width']} | **{x['ratio']:.2f}** | {x['median_ratio']:.2f} "
                     f"({lo:.2f}–{hi:.2f}) | {x['cpu_ratio']:.2f} | {x['words'] / x['best_s']:,.0f} |")
    full_de = [f"{x['ratio']:.2f}× on the {x['set']}" for x in r["rows"]
               if x["lang"] == "de" and x["pipeline"] == "full geonews pipeline"]
    de_mb = [f"{m['mb']:.1f} MB" for m in r["sizes"] if m["name"].startswith("de_")]
    lines += ["", "Issue 22's bounds for a new German model, the full pipeline at most 2.0× the reference and the "
              f"model at most 60 MB: now {', '.join(full_de)}; {', '.join(de_mb) or 'no shipped model'}."]
    lines += ["", "Time shares, each stage over the whole batch in turn (best of the rounds per stage; "
              "`our components` is everything after `ner`; the last row compares the best staged round with "
              "the best plain pass):", ""]
    cols = [(s["set"], s["pipeline"]) for s in r["shares"]]
    head = [f"{st}, {'reference' if p == 'reference' else 'full'}" for st, p in cols]
    lines += ["| stage | " + " | ".join(head) + " |", "|---|" + "---:|" * len(cols)]
    names = ["tokenizer", *BASE_PIPES, "our components"]
    ours_all: list[str] = []
    for s in r["shares"]:
        ours_all += [k for k in s["ours"] if k not in ours_all]
    for name in names + [f"– {k}" for k in ours_all]:
        cells = []
        for s in r["shares"]:
            total = sum(s["seconds"].values())
            key = name.removeprefix("– ")
            sec = sum(s["seconds"][k] for k in s["ours"]) if name == "our components" else s["seconds"].get(key)
            cells.append("–" if sec is None or (name == "our components" and not s["ours"])
                         else f"{100 * sec / total:.0f}%")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| staged total ÷ one `nlp.pipe` pass | " + " | ".join(
        f"{s['staged_s'] / s['plain_s']:.2f}" for s in r["shares"]) + " |")
    lines += ["", "Shipped models on disk (MB = 10⁶ bytes):", "",
              "| model | MB | tok2vec | ner | vocab (with static vectors) | static vectors |",
              "|---|---:|---:|---:|---:|---|"]
    for m in r["sizes"]:
        v = m["vectors"]
        vec = f"{v.get('vectors', 0):,} × {v.get('width', 0)} ({v.get('mode', '')})" if v.get("width") else "none"
        p = m["parts"]
        lines.append(f"| `{m['name']}` {m['version']} | **{m['mb']:.1f}** | {p.get('tok2vec', 0):.1f} | "
                     f"{p.get('ner', 0):.1f} | {p.get('vocab', 0):.1f} | {vec} |")
    seen: dict[str, str] = {}
    for x in r["rows"]:
        seen.setdefault(x["set"], f"{x['source']}, {x['words']:,} words")
    lines += ["", f"Machine: {r['machine']}; load average {la[0]:.2f} at the start, "
              f"{min(la):.2f}–{max(la):.2f} during the rounds; Python {r['python']}, spaCy {r['spacy']}, "
              f"geonews_nlp {r['geonews_nlp']}. Texts: "
              + "; ".join(f"{k}: {v}" for k, v in seen.items()) + "."]
    lines += [f"{n}." for n in r["notes"]]
    lines.append(END)
    return lines
