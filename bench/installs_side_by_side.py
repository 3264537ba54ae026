"""Two installs of geonews_nlp side by side (before and after a change), as a ratio.

    python bench/installs_side_by_side.py BIN_A BIN_B [--docs 200] [--rounds 9] [--freeze a|b|both|none] [--model blank]
    python bench/installs_side_by_side.py BIN BIN --lang-a de --texts-a DE.jsonl --lang-b en --texts-b EN.jsonl

The second form compares two languages of one install: each side reads its own news texts
(JSON Lines with a ``text`` field; time per word makes their sizes comparable).

``BIN_A``/``BIN_B`` are the ``bin`` folders of two virtual environments (e.g. a clone of the
commit before the change, and this checkout's ``.venv/bin``). Each runs in its own long-lived
worker process: ``geonews_nlp.load("de")``, a warm-up, then one timed ``nlp.pipe`` pass over the
generated corpus (``bench/corpus.py``) whenever the driver asks. Only one worker computes at a
time, in the order AB, BA, AB, ..., so that a drift of the machine hits both alike. ``--freeze``
calls ``geonews_nlp.freeze_gc()`` after loading (what the CLI, the service and batch workers do;
installs older than that function froze on their own). Short passes and many rounds hold up best
on a shared machine; a run whose load average exceeds 1.5 is flagged.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def worker(n_docs: int, batch_size: int, freeze: bool, model: str | None, lang: str = "de", texts: str = "") -> None:
    sys.path.insert(0, str(HERE))
    from corpus import documents

    t = time.perf_counter()
    import geonews_nlp

    nlp = geonews_nlp.load(lang, model)
    if freeze and hasattr(geonews_nlp, "freeze_gc"):
        geonews_nlp.freeze_gc()
    load_s = time.perf_counter() - t
    if texts:
        with open(texts, encoding="utf-8") as f:
            docs = [json.loads(line)["text"] for line in f if line.strip()][:n_docs]
    else:
        docs = documents(n_docs)

    def one_pass(items: list[str]) -> float:
        t = time.perf_counter()
        for _ in nlp.pipe(items, batch_size=batch_size):
            pass
        return time.perf_counter() - t

    one_pass(docs[:50])
    print(json.dumps({"file": geonews_nlp.__file__, "pipe": nlp.pipe_names, "load_s": load_s,
                      "words": sum(len(d.split()) for d in docs)}), flush=True)
    for line in sys.stdin:
        if line.strip() == "quit":
            break
        print(json.dumps({"seconds": one_pass(docs)}), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin_a")
    ap.add_argument("bin_b")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--freeze", choices=("none", "a", "b", "both"), default="none")
    ap.add_argument("--model", default="", help="base pipeline for both (blank: our components alone)")
    ap.add_argument("--src-a", default="", help="a source tree to import A from (PYTHONPATH), e.g. a git worktree")
    ap.add_argument("--src-b", default="")
    ap.add_argument("--lang-a", default="de")
    ap.add_argument("--lang-b", default="de")
    ap.add_argument("--texts-a", default="", help="JSON Lines with a text field (default: the generated corpus)")
    ap.add_argument("--texts-b", default="")
    args = ap.parse_args()

    env = {k: v for k, v in os.environ.items() if k not in ("GEONEWS_MODEL", "PYTHONPATH")}
    env["PYTHONHASHSEED"] = "0"
    load_before = os.getloadavg()[0]
    workers = {}
    words_of: dict[str, int] = {}
    for name, bin_dir in (("A", args.bin_a), ("B", args.bin_b)):
        freeze = args.freeze in ("both", name.lower())
        src = args.src_a if name == "A" else args.src_b
        env = {**env, "PYTHONPATH": src} if src else {k: v for k, v in env.items() if k != "PYTHONPATH"}
        lang, texts = (args.lang_a, args.texts_a) if name == "A" else (args.lang_b, args.texts_b)
        p = subprocess.Popen([str(Path(bin_dir) / "python"), __file__, "--worker", str(args.docs),
                              str(args.batch_size), str(int(freeze)), args.model, lang,
                              str(Path(texts).resolve()) if texts else ""],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=str(HERE))
        assert p.stdout is not None
        info = json.loads(p.stdout.readline())
        workers[name] = p
        words_of[name] = info["words"]
        print(f"{name} ({lang}): {info['file']}\n   freeze_gc {freeze}; load {info['load_s']:.1f} s; "
              f"pipe {info['pipe']}; {info['words']:,} words")
    times: dict[str, list[float]] = {"A": [], "B": []}
    for r in range(args.rounds):
        for name in (("A", "B") if r % 2 == 0 else ("B", "A")):
            p = workers[name]
            assert p.stdin is not None and p.stdout is not None
            p.stdin.write("go\n")
            p.stdin.flush()
            times[name].append(json.loads(p.stdout.readline())["seconds"])
    for p in workers.values():
        assert p.stdin is not None
        p.stdin.write("quit\n")
        p.stdin.close()
        p.wait()
    best = {n: min(t) for n, t in times.items()}
    # time per word, so that two languages' texts of different sizes compare
    paired = sorted((b / words_of["B"]) / (a / words_of["A"]) for a, b in zip(times["A"], times["B"]))
    load_after = os.getloadavg()[0]
    print(f"\nmachine: {platform.machine()}, {os.cpu_count()} cpus, python {platform.python_version()}; "
          f"best of {args.rounds} alternating rounds")
    print("| install | words | seconds | words/s | time per word, ratio |\n|---|---:|---:|---:|---:|")
    for n in ("A", "B"):
        ratio = (best[n] / words_of[n]) / (best["A"] / words_of["A"])
        print(f"| {n} | {words_of[n]:,} | {best[n]:.2f} | {words_of[n] / best[n]:,.0f} | {ratio:.3f} |")
    print(f"\nB/A time per word, median of the paired rounds: {paired[len(paired) // 2]:.3f} "
          f"(range {paired[0]:.3f}-{paired[-1]:.3f}); load average {load_before:.2f} before, {load_after:.2f} after"
          + ("  << machine busy: rerun" if max(load_before, load_after) > 1.5 else ""))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1", sys.argv[5] or None,
               *(sys.argv[6:8] if len(sys.argv) > 7 else ()))
    else:
        main()
