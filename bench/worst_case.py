"""Worst-case input: time (and peak memory) against input size for each hostile family of issue 23.

    python bench/worst_case.py [--model blank] [--sizes 10000,20000,50000,100000,200000]

Each family is a text of the given number of characters sent through ``Runner.extract`` (so with
the input guard, chunking and batching by characters). Linear time shows as a steady characters
per second down a family's rows; the quadratic cases of issue 23 (27 s for 2,000 repeats of a troop
phrase, 19.5 s for 16,000 brackets) would fall away. Prints a Markdown table for docs/benchmarks.md.
Peak memory is the traced (tracemalloc) peak above the loaded pipeline, in its own pass.
"""

from __future__ import annotations

import argparse
import platform
import time
import tracemalloc
from collections.abc import Callable


def _repeat(piece: str) -> Callable[[int], str]:
    return lambda n: (piece * (n // len(piece) + 1))[:n]


_line = _repeat("Nordkorea hat 1.500 Soldaten nach Russland verlegt und Moskau meldet neue Verluste ")

FAMILIES: dict[str, Callable[[int], str]] = {
    "brackets `((((`": lambda n: "(" * n,
    "brackets between spaces `( ( (`": _repeat("( "),
    "troop phrase `zwei Bataillone mit 500 Soldaten, ` repeated": _repeat("zwei Bataillone mit 500 Soldaten, "),
    "one long line, no full stop": _line,
    "long digits `Seite 7777…`": lambda n: "Seite " + "7" * (n - 6),
    "lone surrogates between words": _repeat("Berlin \ud800 Soldaten "),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="base model (default: load()'s choice); 'blank' for rules only")
    parser.add_argument("--sizes", default="10000,20000,50000,100000,200000")
    parser.add_argument("--memory", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from geonews_nlp.runner import BATCH_CHARS, CHUNK_CHARS, get_runner

    runner = get_runner("de", args.model)
    runner.warm()
    runner.extract(_line(20_000))  # first chunks load what loads lazily
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}, "
          f"base {runner.info['name']} {runner.info['version']}, CHUNK_CHARS {CHUNK_CHARS:,}, "
          f"BATCH_CHARS {BATCH_CHARS:,}")
    print()
    print("| family | characters | seconds | characters/s | troop figures | peak MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, make in FAMILIES.items():
        for n in sizes:
            text = make(n)
            start = time.perf_counter()
            result = runner.extract(text)
            seconds = time.perf_counter() - start
            peak = "–"
            if args.memory:
                tracemalloc.start()
                runner.extract(text)
                peak = f"{tracemalloc.get_traced_memory()[1] / 2**20:.0f}"
                tracemalloc.stop()
            print(f"| {name} | {len(text):,} | {seconds:.2f} | {len(text) / seconds:,.0f} | "
                  f"{len(result.troops):,} | {peak} |", flush=True)


if __name__ == "__main__":
    main()
