"""Two NER bases under the whole geonews pipeline, side by side in one process.

    python bench/models_side_by_side.py BASELINE_MODEL OTHER_MODEL [--docs 500] [--rounds 3]

Each model is a path or package name as ``geonews_nlp.load(model=...)`` takes it (an older
shipped model can be checked out with ``git worktree``). The two pipelines run on the same
documents, alternating in each round; prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sidebyside import timed

from corpus import documents


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models", nargs=2)
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from geonews_nlp import pipeline

    nlps = [pipeline.load("de", m) for m in args.models]
    docs = documents(args.docs)
    words = sum(len(d.split()) for d in docs)
    for nlp in nlps:
        timed(nlp, docs[:50])  # warm-up
    times: list[list[float]] = [[], []]
    for i in range(args.rounds):  # alternating, and which goes first too
        for j in ((0, 1) if i % 2 else (1, 0)):
            times[j].append(timed(nlps[j], docs))
    best = [min(t) for t in times]
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}, "
          f"{len(docs)} docs, {words} words, best of {args.rounds}")
    print("| base model | seconds | words/s | ratio |")
    print("|---|---:|---:|---:|")
    for m, nlp, b in zip(args.models, nlps, best):
        info = pipeline.base_info(nlp)
        print(f"| {info['name']} {info['version']} (`{m}`) | {b:.2f} | {words / b:,.0f} | {b / best[0]:.2f} |")


if __name__ == "__main__":
    main()
