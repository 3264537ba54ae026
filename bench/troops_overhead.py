"""How much the troop_figures component adds to the pipeline: both timed side by side, as a ratio.

    python bench/troops_overhead.py [--docs 500] [--rounds 3]

Runs the same documents through the geonews pipeline with and without
``troop_figures``, alternating the two in each round, on one process; prints a
Markdown table row for docs/benchmarks.md.
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

    import geonews_nlp
    from geonews_nlp.pipeline import base_info

    nlp = geonews_nlp.load("de", args.model)
    docs = documents(args.docs)
    words = sum(len(d.split()) for d in docs)
    timed(nlp, docs[:50])  # warm-up
    with_t, without_t = [], []
    for _ in range(args.rounds):
        without_t.append(timed(nlp, docs, disable=["troop_figures"]))
        with_t.append(timed(nlp, docs))
    best_with, best_without = min(with_t), min(without_t)
    base = base_info(nlp)
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}, "
          f"base {base['name']} {base['version']}, {len(docs)} docs, {words} words, best of {args.rounds}")
    print("| pipeline | seconds | words/s | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| without troop_figures | {best_without:.2f} | {words / best_without:,.0f} | 1.00 |")
    print(f"| with troop_figures | {best_with:.2f} | {words / best_with:,.0f} | {best_with / best_without:.3f} |")


if __name__ == "__main__":
    main()
