"""What proposing towns costs: the ruler with and without the ~8,600 town names, side by side.

    python bench/towns_overhead.py [--docs 500] [--rounds 3]

Loads the geonews pipeline twice, once with the town proposals (the default) and once with
none, and times the whole pipeline on the same documents, alternating the two in each round,
in one process; prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sidebyside import options, timed

from corpus import documents


def main() -> None:
    args = options(__doc__)

    from geonews_nlp import pipeline

    with_towns = pipeline.load("de", args.model)
    city_names = pipeline._city_names
    pipeline._city_names = lambda lang, home: []  # the ruler without towns
    try:
        without = pipeline.assemble(pipeline._load_base(pipeline.resolve_base("de", args.model), "de"),
                                    pipeline.resolve_base("de", args.model), "de")
    finally:
        pipeline._city_names = city_names
    n_with = len(with_towns.get_pipe("geonews_gazetteer_ruler").patterns)
    n_without = len(without.get_pipe("geonews_gazetteer_ruler").patterns)
    docs = documents(args.docs)
    words = sum(len(d.split()) for d in docs)
    timed(with_towns, docs[:50]), timed(without, docs[:50])  # warm-up
    t_with, t_without = [], []
    for i in range(args.rounds):  # alternating, and which goes first too
        for nlp, times in [(without, t_without), (with_towns, t_with)][:: 1 if i % 2 else -1]:
            times.append(timed(nlp, docs))
    best_with, best_without = min(t_with), min(t_without)
    base = pipeline.base_info(with_towns)
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}, "
          f"base {base['name']} {base['version']}, {len(docs)} docs, {words} words, best of {args.rounds}")
    print("| ruler | patterns | seconds | words/s | ratio |")
    print("|---|---:|---:|---:|---:|")
    print(f"| without towns | {n_without:,} | {best_without:.2f} | {words / best_without:,.0f} | 1.00 |")
    print(f"| with towns | {n_with:,} | {best_with:.2f} | {words / best_with:,.0f} | {best_with / best_without:.3f} |")


if __name__ == "__main__":
    main()
