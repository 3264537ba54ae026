"""Shared by the side-by-side overhead scripts: their options and one timed pass."""

from __future__ import annotations

import argparse
import time


def options(doc: str) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--model", default=None)
    return ap.parse_args()


def timed(nlp, docs, disable=()) -> float:
    """Seconds for one pass of ``docs`` through ``nlp`` (without the ``disable``d components)."""
    t = time.perf_counter()
    with nlp.select_pipes(disable=list(disable)):
        for _ in nlp.pipe(docs, batch_size=64):
            pass
    return time.perf_counter() - t
