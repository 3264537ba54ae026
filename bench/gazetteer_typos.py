"""Gazetteer load time and memory, and linking 100,000 alias mentions with one-character typos.

    python bench/gazetteer_typos.py [--mentions 100000] [--seed 0]

Mentions are drawn uniformly from the (entry, name) pairs of the shipped gazetteers whose
normalised key has at least MIN_FUZZY_LEN characters (shorter names are never fuzzy-matched, by
design: one edit in "Dona" is as likely another name). Each gets one random edit: a deletion,
an insertion, a substitution or a swap of neighbours, using letters of the name's own alphabet.

A typo'd mention is right when the entry found carries the original name (17 places are called
Paris: which Paris is the disambiguator's job, measured by `geonews evaluate links`); the strict
figure, the very entry the name was drawn from, is reported beside it. Timings are the mean
wall time per `Gazetteer.lookup` call, exact names and typo'd names measured in one run.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time

from geonews_nlp.labels import LABEL_OF_TYPE

LABEL = LABEL_OF_TYPE


def typo(name: str, rng: random.Random) -> str:
    letters = [c for c in name if c.isalpha()] or list("aeiou")
    i = rng.randrange(len(name))
    op = rng.choice(("delete", "insert", "substitute", "swap"))
    if op == "delete":
        return name[:i] + name[i + 1:]
    if op == "insert":
        return name[:i] + rng.choice(letters).lower() + name[i:]
    if op == "swap" and i + 1 < len(name) and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    other = [c for c in set(letters) if c.lower() != name[i].lower()] or ["x"]
    return name[:i] + rng.choice(sorted(other)).lower() + name[i + 1:]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--lang", default="de", help="whose key rules index the gazetteer")
    args = ap.parse_args()

    from geonews_nlp.gazetteer.store import MIN_FUZZY_LEN, load_gazetteer
    from geonews_nlp.lang import registry

    t0 = time.perf_counter()
    gaz = load_gazetteer(registry.get(args.lang).keys, args.lang)
    normalize_key = gaz.key
    load_s = time.perf_counter() - t0
    load_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n_names = sum(len(ids) for ids in gaz.keys.values())

    pairs = [(e, name) for e in gaz.entries.values() for _, name in e.all_names()
             if len(normalize_key(name)) >= MIN_FUZZY_LEN]
    rng = random.Random(args.seed)
    sample = [pairs[rng.randrange(len(pairs))] for _ in range(args.mentions)]
    typos = [typo(name, rng) for _, name in sample]

    t = time.perf_counter()
    exact = [gaz.lookup(name, LABEL.get(e.type)) for e, name in sample]
    exact_s = time.perf_counter() - t
    t = time.perf_counter()
    found = [gaz.lookup(name, LABEL.get(e.type)) for (e, _), name in zip(sample, typos)]
    fuzzy_s = time.perf_counter() - t

    def owners(name: str) -> set[str]:
        return gaz.keys.get(normalize_key(name), set())

    right = sum(1 for (e, name), m in zip(sample, found) if m is not None and m.entry.id in owners(name))
    strict = sum(1 for (e, _), m in zip(sample, found) if m is not None and m.entry.id == e.id)
    nil = sum(1 for m in found if m is None)
    exact_right = sum(1 for (e, name), m in zip(sample, exact) if m is not None and m.entry.id in owners(name))

    n = args.mentions
    print(f"gazetteer: {len(gaz):,} entries, {n_names:,} names; load {load_s:.2f} s, "
          f"peak memory {load_mb:,.0f} MB; {len(pairs):,} (entry, name) pairs of {MIN_FUZZY_LEN}+ characters "
          "to draw from")
    print(f"python {sys.version.split()[0]}, {n:,} mentions, seed {args.seed}")
    print("| mentions | ms per mention | right (carries the name) | strict (same entry) | NIL |")
    print("|---|---:|---:|---:|---:|")
    print(f"| exact names | {1000 * exact_s / n:.4f} | {exact_right / n:.1%} | "
          f"{sum(1 for (e, _), m in zip(sample, exact) if m and m.entry.id == e.id) / n:.1%} | "
          f"{sum(1 for m in exact if m is None) / n:.1%} |")
    print(f"| one-character typos | {1000 * fuzzy_s / n:.4f} | {right / n:.1%} | {strict / n:.1%} | {nil / n:.1%} |")


if __name__ == "__main__":
    main()
