"""`make bench`: throughput, memory and service load on a generated German news-like corpus.

    python bench/run.py [--docs 2000] [--requests 400] [--out docs/benchmarks.md]
    python bench/run.py --only-service [--service-requests 200]   # the slow-client run alone, printed
    python bench/run.py --only-ratio [--docs 300] [--ratio-rounds 7] [--dry-run]   # issue 22 alone

The first table (issue 22, ``bench/reference.py``) is every pipeline's time as a multiple of spaCy's
own ``efficiency`` NER preset, all in one process; it replaces the part of ``--out`` between the
``bench-ratio:start``/``bench-ratio:end`` markers (``--dry-run``: print it only). It runs on
``--ratio-docs`` generated documents (with ``--only-ratio``, ``--docs``): short passes and many
rounds hold up best on a shared machine.

Every comparison runs in this one invocation, side by side, and is reported as a ratio to its
baseline (the machine is shared and noisy). Each configuration runs in a fresh child process so
that its peak memory is its own. The tables replace the part of ``--out`` between the
``bench:start``/``bench:end`` markers; the command and the machine are written with them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from reference import END as RATIO_END  # noqa: E402
from reference import START as RATIO_START  # noqa: E402
from reference import measure, ratio_lines  # noqa: E402

from corpus import documents  # noqa: E402

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


# --- children: one configuration each, printing one JSON line ------------------------------------

def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def child_pipeline(args) -> dict:
    """Words/s of the bare base pipeline and of the full geonews pipeline, alternating, best of 3."""
    import geonews_nlp

    nlp = geonews_nlp.load("de")
    docs = documents(args.docs)
    ours = [p for p in nlp.pipe_names if p in ("sentencizer", "geonews_entities", "troop_figures",
                                                "gazetteer_linker")]
    list(nlp.pipe(docs[:50]))
    bare, full = [], []
    for _ in range(3):
        for disable, store in ((ours, bare), ([], full)):
            t = time.perf_counter()
            with nlp.select_pipes(disable=disable):
                for _ in nlp.pipe(docs, batch_size=64):
                    pass
            store.append(time.perf_counter() - t)
    return {"bare_s": min(bare), "full_s": min(full), "ours": ours}


def child_ratio(args) -> dict:
    """Issue 22: every pipeline as a multiple of spaCy's efficiency preset, in this one process."""
    return measure(args.ratio_docs, args.ratio_rounds)


def child_extract_many(args) -> dict:
    """extract_many over the corpus with ``--n-process``, in a fresh process: start-up included.

    One process loads the pipeline and its gazetteers first (timed as ``load_s``); with several,
    the workers load theirs in parallel inside the call.
    """
    import geonews_nlp

    docs = documents(args.docs)
    t0 = time.perf_counter()
    if args.n_process == 1:
        geonews_nlp.extract("Berlin")
    t1 = time.perf_counter()
    n = sum(1 for _ in geonews_nlp.extract_many(docs, n_process=args.n_process, batch_size=32))
    t2 = time.perf_counter()
    return {"docs": n, "load_s": t1 - t0, "run_s": t2 - t1, "total_s": t2 - t0, "peak_mb": _peak_mb()}


def child_annotate(args) -> dict:
    """geonews annotate over the corpus folder, with the engine and workers given."""
    from geonews_nlp.batch import JobSettings, annotate_folder

    out = Path(args.tmp) / f"out-{args.engine}-{args.n_process}"
    t0 = time.perf_counter()
    s = annotate_folder(Path(args.tmp) / "corpus", out, JobSettings(), engine=args.engine,
                        n_process=args.n_process, batch_size=32, progress=False)
    t1 = time.perf_counter()
    shutil.rmtree(out, ignore_errors=True)
    return {"docs": s.documents, "run_s": t1 - t0, "peak_mb": _peak_mb()}


# --- the parent --------------------------------------------------------------------------------

def run_child(kind: str, args, **extra) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--docs", str(args.docs), "--tmp", args.tmp]
    for k, v in extra.items():
        cmd += [f"--{k.replace('_', '-')}", str(v)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "TQDM_DISABLE": "1"})
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child {kind} {extra} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_service(args, workers: int) -> dict:
    """Requests/s of `geonews serve` under a bounded load: ``--requests`` POST /extract, 4 at a time.

    The load generator is the standard library's http.client over keep-alive connections: a
    heavier client would compete with the server for the same two cores and measure itself.
    """
    import http.client

    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "geonews_nlp.cli", "serve", "--port", str(port),
                             "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def post(text: str) -> int:
        # A connection per request: a kept-alive connection stays with the server process that
        # accepted it, so 4 of them could all land on one of several workers.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        body = json.dumps({"text": text}).encode()
        conn.request("POST", "/extract", body=body, headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        conn.close()
        return r.status

    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/health")
                if json.loads(c.getresponse().read()).get("status") == "ok":
                    break
            except (OSError, ValueError):
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit("the service did not start")
            time.sleep(0.2)
        docs = documents(args.requests, seed=1)
        latencies: list[float] = []
        errors = 0
        lock = threading.Lock()
        queue = list(docs)

        ready = threading.Barrier(5)

        def worker():
            nonlocal errors
            for _ in range(3):  # warm up (with several workers, each process)
                post(docs[0])
            ready.wait()
            while True:
                with lock:
                    if not queue:
                        break
                    text = queue.pop()
                t = time.perf_counter()
                status = post(text)
                dt = time.perf_counter() - t
                with lock:
                    latencies.append(dt)
                    errors += status != 200

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for th in threads:
            th.start()
        ready.wait()
        t0 = time.perf_counter()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    latencies.sort()
    return {"rps": len(latencies) / wall, "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))], "errors": errors,
            "requests": len(latencies)}


def _start_server(extra: list[str]) -> tuple[subprocess.Popen, int]:
    """`geonews serve` on a free loopback port, once /health says ok."""
    import http.client

    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "geonews_nlp.cli", "serve", "--host", "127.0.0.1", "--port",
                             str(port), *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/health")
            if json.loads(c.getresponse().read()).get("status") == "ok":
                return proc, port
        except (OSError, ValueError):
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise SystemExit("the service did not start")
        time.sleep(0.2)


def _big_text(n_chars: int, seed: int) -> str:
    text = ""
    for d in documents(n_chars // 300 + 10, seed=seed):
        text += d + "\n\n"
        if len(text) >= n_chars:
            break
    return text[:n_chars]


def bench_service_slow_client(args) -> dict:
    """p50/p99 of small POST /extract requests (4 clients) with and without one slow client present.

    The slow client sends the largest request the documented limits allow (``max_request_chars`` of
    news text in one /extract/batch), uploading it in pieces over about a second, again and again while
    the small requests run. Bounded: ``--service-requests`` small requests, and at most
    ``--service-seconds`` a run. Loopback only; one server worker at its default limits.
    """
    import http.client

    proc, port = _start_server([])
    small_docs = documents(args.service_requests, seed=2)
    out: dict = {}
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        c.request("GET", "/info")
        info = json.loads(c.getresponse().read())
        n_big = info["max_request_chars"] // info["max_chars"]
        big = json.dumps({"documents": [{"text": _big_text(info["max_chars"], seed=10 + i)}
                                         for i in range(n_big)]}).encode()

        def post_small(text: str) -> int:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.request("POST", "/extract", body=json.dumps({"text": text}).encode(),
                         headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            conn.close()
            return r.status

        def post_big_slowly() -> int:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.putrequest("POST", "/extract/batch")
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Content-Length", str(len(big)))
            conn.endheaders()
            step = len(big) // 10 + 1
            for i in range(0, len(big), step):
                conn.send(big[i:i + step])
                time.sleep(0.1)
            r = conn.getresponse()
            r.read()
            conn.close()
            return r.status

        for w in range(4):  # warm-up
            post_small(small_docs[w])

        def one_run(slow: bool) -> dict:
            queue = list(small_docs)
            lat: list[float] = []
            statuses: dict[int, int] = {}
            slow_statuses: dict[int, int] = {}
            slow_lat: list[float] = []
            lock = threading.Lock()
            done = threading.Event()
            t_end = time.monotonic() + args.service_seconds

            def small_client():
                while time.monotonic() < t_end:
                    with lock:
                        if not queue:
                            return
                        text = queue.pop()
                    t = time.perf_counter()
                    status = post_small(text)
                    dt = time.perf_counter() - t
                    with lock:
                        lat.append(dt)
                        statuses[status] = statuses.get(status, 0) + 1

            def slow_client():
                while not done.is_set() and time.monotonic() < t_end:
                    t = time.perf_counter()
                    status = post_big_slowly()
                    with lock:
                        slow_lat.append(time.perf_counter() - t)
                        slow_statuses[status] = slow_statuses.get(status, 0) + 1

            threads = [threading.Thread(target=small_client) for _ in range(4)]
            hostile = threading.Thread(target=slow_client) if slow else None
            t0 = time.perf_counter()
            if hostile:
                hostile.start()
                time.sleep(0.5)  # its first upload is under way
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            wall = time.perf_counter() - t0
            done.set()
            if hostile:
                hostile.join()
            lat.sort()
            return {
                "requests": len(lat), "rps": len(lat) / wall, "p50_ms": 1000 * statistics.median(lat),
                "p99_ms": 1000 * lat[int(0.99 * (len(lat) - 1))], "max_ms": 1000 * lat[-1], "statuses": statuses,
                "slow_requests": len(slow_lat), "slow_statuses": slow_statuses,
                "slow_max_s": max(slow_lat, default=0.0), "big_chars": n_big * info["max_chars"],
                "time_limit": info["time_limit_s"]}

        for slow in (False, True):
            out["slow" if slow else "plain"] = one_run(slow)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    return out


def service_slow_client_lines(args, r: dict) -> list[str]:
    slow = r["slow"]
    lines = [
        f"### `geonews serve` with one slow client: {args.service_requests} small POST /extract from 4 clients, "
        "loopback",
        "",
        f"The slow client sends the largest request the default limits allow ({slow['big_chars']:,} characters "
        "of news in one /extract/batch), uploaded in ten pieces over a second, again and again while the",
        f"small requests run. One server worker, default limits (time limit {slow['time_limit']:g} s).",
        "",
        "| load | small requests | requests/s | p50 ms | p99 ms | max ms | statuses | slow client: requests "
        "(statuses), longest s |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for key, name in (("plain", "4 small clients"), ("slow", "4 small clients + 1 slow client")):
        x = r[key]
        st = ", ".join(f"{k}: {v}" for k, v in sorted(x["statuses"].items()))
        sl = ", ".join(f"{k}: {v}" for k, v in sorted(x["slow_statuses"].items())) or "-"
        lines.append(f"| {name} | {x['requests']} | {x['rps']:.1f} | {x['p50_ms']:.0f} | {x['p99_ms']:.0f} | "
                     f"{x['max_ms']:.0f} | {st} | {x['slow_requests']} ({sl}), {x['slow_max_s']:.1f} |")
    return lines


def write_block(path: Path, start: str, end: str, block: str) -> None:
    """Replace the part of ``path`` between the ``start`` and ``end`` markers by ``block`` (which
    carries them), or append it."""
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmarks\n\n"
    if start in text and end in text:
        text = re.sub(re.escape(start) + ".*?" + re.escape(end) + "\n?", lambda m: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")


def ratio_block(args) -> str:
    """Run the issue-22 child and give its Markdown block (printed too)."""
    command = f"`python bench/run.py --only-ratio --docs {args.ratio_docs} --ratio-rounds {args.ratio_rounds}`"
    if not args.only_ratio:
        command = (f"`python bench/run.py --docs {args.docs} --requests {args.requests}` (`make bench`; this part "
                   f"alone: {command})")
    r = run_child("ratio", args, ratio_rounds=args.ratio_rounds, ratio_docs=args.ratio_docs)
    block = "\n".join(ratio_lines(r, command)) + "\n"
    print(block)
    return block


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=None, help="generated documents (default 2000; --only-ratio: 300)")
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--out", default=str(HERE.parent / "docs" / "benchmarks.md"))
    ap.add_argument("--child")
    ap.add_argument("--tmp")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--engine", default="local")
    ap.add_argument("--service-requests", type=int, default=200, help="small requests in the slow-client run")
    ap.add_argument("--service-seconds", type=float, default=90, help="at most this long each slow-client run")
    ap.add_argument("--only-service", action="store_true", help="only the slow-client run; print its table")
    ap.add_argument("--ratio-rounds", type=int, default=7, help="alternating rounds of the issue-22 ratio run")
    ap.add_argument("--ratio-docs", type=int, default=300, help="generated documents of the issue-22 ratio run")
    ap.add_argument("--only-ratio", action="store_true",
                    help="only the issue-22 ratio run (every pipeline as a multiple of spaCy's efficiency preset)")
    ap.add_argument("--dry-run", action="store_true", help="with --only-ratio: print the table, leave --out alone")
    args = ap.parse_args()
    if args.docs is None:
        args.docs = 300 if args.only_ratio else 2000
    if args.only_ratio:
        args.ratio_docs = args.docs
    if args.child:
        fn = {"pipeline": child_pipeline, "extract_many": child_extract_many, "annotate": child_annotate,
              "ratio": child_ratio}
        print(json.dumps(fn[args.child](args)))
        return
    if args.only_service:
        print("\n".join(service_slow_client_lines(args, bench_service_slow_client(args))))
        return
    if args.only_ratio:
        args.tmp = tempfile.gettempdir()
        block = ratio_block(args)
        if not args.dry_run:
            write_block(Path(args.out), RATIO_START, RATIO_END, block)
        return

    started = time.perf_counter()
    args.tmp = tempfile.mkdtemp(prefix="geonews-bench-")
    try:
        corpus = Path(args.tmp) / "corpus"
        corpus.mkdir()
        docs = documents(args.docs)
        for i, d in enumerate(docs):
            (corpus / f"{i:05d}.txt").write_text(d, encoding="utf-8")
        words = sum(len(d.split()) for d in docs)
        log = lambda msg: print(msg, file=sys.stderr, flush=True)

        log("issue 22: every pipeline as a multiple of spaCy's efficiency preset")
        ratio = ratio_block(args)
        log("pipeline: bare base vs full")
        p = run_child("pipeline", args)
        log("extract_many: 1 vs 2 processes")
        em = {n: run_child("extract_many", args, n_process=n) for n in (1, 2)}
        log("annotate: local 1, local 2, dask 2")
        an = {(e, n): run_child("annotate", args, engine=e, n_process=n)
              for e, n in (("local", 1), ("local", 2), ("dask", 2))}
        log("service: 1 and 2 workers")
        sv = {w: bench_service(args, w) for w in (1, 2)}
        log("service: one slow client")
        slow_client = bench_service_slow_client(args)
        took = time.perf_counter() - started
    finally:
        shutil.rmtree(args.tmp, ignore_errors=True)

    import spacy

    import geonews_nlp
    from geonews_nlp.pipeline import resolve_base

    base = resolve_base("de")
    lines = [
        START,
        "## `make bench`",
        "",
        f"`python bench/run.py --docs {args.docs} --requests {args.requests}` on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, spaCy {spacy.__version__}, "
        f"geonews_nlp {geonews_nlp.__version__}, base `{base.name}` ({base.origin}); {args.docs} generated "
        f"documents (`bench/corpus.py`), {words:,} words; the whole run took {took / 60:.1f} minutes.",
        "",
        "### Our components over the bare base pipeline (one process, best of 3, alternating)",
        "",
        "| pipeline | seconds | words/s | ratio |",
        "|---|---:|---:|---:|",
        f"| base only (tokenizer, tok2vec, ner) | {p['bare_s']:.2f} | {words / p['bare_s']:,.0f} | 1.00 |",
        f"| full geonews pipeline (+ {', '.join(p['ours'])}) | {p['full_s']:.2f} | {words / p['full_s']:,.0f} | "
        f"{p['full_s'] / p['bare_s']:.2f} |",
        "",
        "### `extract_many` in a fresh process, start-up included",
        "",
        "One process loads its pipeline before the call (`load s`); with two, each worker loads its own",
        "inside the call, so their start-up is part of `call s`.",
        "",
        "| processes | load s | call s | total s | docs/s (total) | words/s (total) | peak MB (largest process) "
        "| speed-up (total) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, r in em.items():
        lines.append(f"| {n} | {r['load_s']:.1f} | {r['run_s']:.1f} | {r['total_s']:.1f} | "
                     f"{r['docs'] / r['total_s']:,.0f} | {words / r['total_s']:,.0f} | {r['peak_mb']:,.0f} | "
                     f"{em[1]['total_s'] / r['total_s']:.2f} |")
    lines += [
        "",
        "### `geonews annotate` on a folder of one file a document (wall time, start-up included)",
        "",
        "| engine | workers | seconds | docs/s | peak MB (largest process) | speed-up |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    ref = an[("local", 1)]["run_s"]
    for (e, n), r in an.items():
        lines.append(f"| {e} | {n} | {r['run_s']:.1f} | {r['docs'] / r['run_s']:,.0f} | {r['peak_mb']:,.0f} | "
                     f"{ref / r['run_s']:.2f} |")
    lines += [
        "",
        f"### `geonews serve`: {args.requests} POST /extract (one document each), 4 concurrent clients, "
        "a connection per request, loopback",
        "",
        "| server workers | requests/s | p50 ms | p95 ms | errors | ratio |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for w, r in sv.items():
        lines.append(f"| {w} | {r['rps']:.1f} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['errors']} | "
                     f"{r['rps'] / sv[1]['rps']:.2f} |")
    lines += ["", *service_slow_client_lines(args, slow_client)]
    lines.append(END)
    block = "\n".join(lines) + "\n"
    print(block)
    write_block(Path(args.out), RATIO_START, RATIO_END, ratio)
    write_block(Path(args.out), START, END, block)


if __name__ == "__main__":
    main()
