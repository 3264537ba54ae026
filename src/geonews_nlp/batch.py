"""Annotating folders: a resumable job that reads inputs, farms texts out to an engine, writes shards.

The flow, run by :func:`annotate_folder` in the calling process (the coordinator):

    inputs → (read, decode, split) → batches of texts → engine (in-process, processes or Dask)
           → result dicts → one shard per input, written atomically → a line in the manifest

Only the coordinator touches the file system; engines see texts and return compact result dicts,
so the same job runs on one core, on a process pool or on a Dask cluster without a shared disk.
The manifest records each finished input's size, mtime and content hash: ``resume=True`` skips
inputs whose shard exists and whose content is unchanged, and redoes everything else.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .engines import ERROR_KEY, RETRY_KEY, create_engine, is_error
from .errors import Errors, ReadError, SettingsMismatch
from .lang.registry import DEFAULT_LANG
from .readers import chunk_text, count_documents, read_documents, scan_inputs
from .results import ROW_COLUMNS, merge_chunk_results
from .runner import PipelineSpec
from .writers import FORMATS, atomic_writer, check_format, combine, write_results

MANIFEST = "_manifest.jsonl"
SETTINGS = "_settings.json"
# Documents longer than this are sent to the engine in pieces cut at paragraph breaks (the Runner cuts
# them again into its own, smaller chunks): no worker is sent a whole 10 MB document at once.
CHUNK_CHARS = 100_000
# A batch holds at most batch_size texts and at most this many characters (a longer piece goes alone):
# what is in flight to the workers, and what a worker holds, grows with characters, not with texts.
BATCH_CHARS = 200_000


@dataclass(frozen=True)
class JobSettings:
    """What decides the output's content: a resumed run must use the same."""

    lang: str = DEFAULT_LANG
    model: str | None = None
    fmt: str = "jsonl"
    text_field: str = "text"
    id_field: str = "id"
    max_chars: int | None = 10_000_000
    gazetteers: tuple[str, ...] = ()
    csv_raw: bool = False  # CSV: write cells that start like a formula as they are

    @property
    def pipeline(self) -> PipelineSpec:
        return PipelineSpec(self.lang, self.model, self.gazetteers)


@dataclass
class Problem:
    """One input (or one line of it) that was skipped, with the reason."""

    path: str
    reason: str
    line: int | None = None

    def to_json(self) -> str:
        return json.dumps({k: v for k, v in asdict(self).items() if v is not None}, ensure_ascii=False)


@dataclass
class Summary:
    files: int = 0
    files_done_before: int = 0
    documents: int = 0
    problems: list[Problem] = field(default_factory=list)
    output: Path | None = None
    errors_file: Path | None = None
    interrupted: bool = False


# --- the job --------------------------------------------------------------------------------------

def file_hash(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass
class _Input:
    path: Path
    rel: str
    shard: Path
    size: int = 0
    mtime_ns: int = 0
    hash: str = ""
    ids: list[str] = field(default_factory=list)  # documents, in order
    chunks: dict[int, int] = field(default_factory=dict)  # document index → number of chunks
    results: dict[int, list[tuple[int, dict]]] = field(default_factory=dict)
    lines: dict[int, int] = field(default_factory=dict)  # document index → its JSON line
    meta: dict[int, dict[str, str]] = field(default_factory=dict)  # document index → HTML metadata
    failed: dict[int, tuple[str, bool]] = field(default_factory=dict)  # document index → (reason, retry)
    problems: list[Problem] = field(default_factory=list)
    outstanding: int = 0
    read_done: bool = False


class Manifest:
    """Append-only record of finished inputs; a torn last line (kill -9) is ignored on reading."""

    def __init__(self, path: Path):
        self.path = path

    def load(self) -> dict[str, dict[str, Any]]:
        entries: dict[str, dict[str, Any]] = {}
        if not self.path.is_file():
            return entries
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                e = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(e, dict) and "input" in e:
                entries[e["input"]] = e
        return entries

    def append(self, entry: dict[str, Any]) -> None:
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())


def _settings_json(s: JobSettings) -> dict[str, Any]:
    d = asdict(s)
    d["gazetteers"] = list(s.gazetteers)
    if not s.csv_raw:  # recorded only when set: runs of earlier versions resume as before
        del d["csv_raw"]
    if s.fmt != "jsonl":  # shards of rows: a resumed run must write the same columns as the shards before it
        d["columns"] = list(ROW_COLUMNS)
    return d


def output_layout(out: Path, fmt: str) -> tuple[Path, Path | None, Path]:
    """``(work folder, single output file or None, errors file)`` for ``--out``.

    A path ending in a format's suffix (.jsonl/.csv/.parquet, see ``writers.FORMATS``) is one file, built
    from shards kept in a hidden folder beside it until the run completes; anything else is a folder of
    shards, one per input.
    """
    if out.suffix.lower().lstrip(".") in FORMATS and not out.is_dir():
        return out.parent / f".{out.name}.parts", out, out.with_name(out.stem + ".errors.jsonl")
    return out, None, out / "errors.jsonl"


def annotate_folder(in_path: Path, out: Path, settings: JobSettings, *, resume: bool = False,
                    engine: str = "local", n_process: int = 1, scheduler: str | None = None,
                    batch_size: int = 64, progress: bool = True,
                    on_result: Callable[[dict[str, Any]], None] | None = None, freeze_gc: bool = False,
                    batch_chars: int = BATCH_CHARS) -> Summary:
    """Annotate every input under ``in_path`` into ``out``; see the module docstring.

    Batches hold at most ``batch_size`` texts and ``batch_chars`` characters (documents longer than
    ``CHUNK_CHARS`` are cut into chunks first). ``freeze_gc``: an application's choice (the CLI's) to
    hide the loaded pipeline from the garbage collector of this process (workers of the process and
    Dask engines always do).
    """
    check_format(settings.fmt)
    work, single, errors_file = output_layout(out, settings.fmt)
    work.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(work / MANIFEST)
    settings_file = work / SETTINGS
    wanted = _settings_json(settings)
    done_before: dict[str, dict[str, Any]] = {}
    if resume and settings_file.is_file():
        earlier = json.loads(settings_file.read_text(encoding="utf-8"))
        if earlier != wanted:
            diff = {k: (earlier.get(k), v) for k, v in wanted.items() if earlier.get(k) != v}
            raise SettingsMismatch(Errors.E006.format(work=work, diff=diff))
        done_before = manifest.load()
    else:
        for e in manifest.load().values():  # a fresh start: drop what an earlier run wrote
            (work / e["shard"]).unlink(missing_ok=True)
        manifest.path.unlink(missing_ok=True)
    with atomic_writer(settings_file) as f:
        f.write(json.dumps(wanted, indent=1))

    root = in_path if in_path.is_dir() else in_path.parent
    inputs = []
    ours = {p.resolve() for p in (single, errors_file) if p is not None}
    found, unusable = scan_inputs(in_path)
    problems: list[Problem] = [Problem(_rel(path, root), reason) for path, reason in unusable
                               if not _in_output_folder(path, root)]
    for path in found:
        resolved = path.resolve()
        if resolved in ours or resolved.is_relative_to(work.resolve()) or _in_output_folder(path, root):
            continue  # an output inside the input folder is not input on the next run
        rel = path.relative_to(root).as_posix()
        inputs.append(_Input(path, rel, work / f"{rel}.{settings.fmt}"))

    summary = Summary(files=len(inputs), errors_file=errors_file)
    todo: list[_Input] = []
    known_problems: list[Problem] = []
    n_docs_before = 0
    for inp in inputs:
        entry = done_before.get(inp.rel)
        if entry and inp.shard.is_file() and _unchanged(inp.path, entry):
            summary.files_done_before += 1
            n_docs_before += entry.get("documents", 0)
            known_problems += [Problem(**p) for p in entry.get("problems", [])]
        else:
            todo.append(inp)

    total = n_docs_before + sum(count_documents(inp.path) for inp in todo)
    bar = _progress(total, n_docs_before, progress)
    eng = create_engine(engine, settings.pipeline, batch_size, n_process, scheduler, freeze_gc) if todo else None
    try:
        if eng is not None:
            batches = _batches(todo, settings, batch_size, batch_chars, problems, manifest, work, on_result)
            for results in eng.run(batches):
                for key, result in results:
                    inp = todo[key[0]]
                    if is_error(result):
                        inp.failed.setdefault(key[1], (result[ERROR_KEY], bool(result.get(RETRY_KEY))))
                    else:
                        inp.results.setdefault(key[1], []).append((key[2], result))
                    inp.outstanding -= 1
                    if key[2] == 0:
                        bar.update(1)
                    if inp.outstanding == 0 and inp.read_done:
                        _finish(inp, manifest, work, settings, on_result)
        summary.documents = n_docs_before + sum(len(i.ids) for i in todo)
        bar.total = bar.n  # the estimate counted bad lines too
        bar.refresh()
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        bar.close()
        if eng is not None:
            eng.close(wait=not summary.interrupted)
    for inp in todo:
        problems += inp.problems
    summary.problems = known_problems + problems
    _write_errors(errors_file, summary.problems)
    if summary.interrupted:
        return summary
    if single is not None:
        shards = [inp.shard for inp in inputs if inp.shard.is_file()]
        combine(shards, single, settings.fmt)
        shutil.rmtree(work)
    summary.output = single or work
    return summary


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _in_output_folder(path: Path, root: Path) -> bool:
    """Whether a folder between ``root`` and ``path`` holds a geonews run (its ``_settings.json``)."""
    for parent in path.parents:
        if (parent / SETTINGS).is_file():
            return True
        if parent == root or parent == parent.parent:
            return False
    return False


def _unchanged(path: Path, entry: dict[str, Any]) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    return st.st_size == entry.get("size") and file_hash(path) == entry.get("hash")


def _progress(total: int, initial: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, initial=initial, unit="doc", file=sys.stderr, disable=not enabled,
                desc="annotate", smoothing=0.1)


def _batches(todo: list[_Input], settings: JobSettings, batch_size: int, batch_chars: int,
             problems: list[Problem], manifest: Manifest, work: Path, on_result) -> Iterator[list[tuple[Any, str]]]:
    """Read inputs lazily and cut their texts into batches keyed ``(input, document, chunk offset)``,
    each of at most ``batch_size`` texts and ``batch_chars`` characters (or one chunk)."""
    batch: list[tuple[Any, str]] = []
    chars = 0
    for t, inp in enumerate(todo):
        try:
            st = inp.path.stat()
            inp.size, inp.mtime_ns = st.st_size, st.st_mtime_ns
            inp.hash = file_hash(inp.path)
            for item in read_documents(inp.path, inp.rel, text_field=settings.text_field,
                                       id_field=settings.id_field, max_chars=settings.max_chars):
                if isinstance(item, ReadError):
                    inp.problems.append(Problem(inp.rel, item.reason, item.line))
                    continue
                if settings.max_chars is not None and len(item.text) > settings.max_chars:
                    inp.problems.append(Problem(inp.rel, f"document {item.id!r} has {len(item.text):,} "
                                                f"characters, more than --max-chars {settings.max_chars:,}"))
                    continue
                d = len(inp.ids)
                inp.ids.append(item.id)
                if item.line is not None:
                    inp.lines[d] = item.line
                if item.meta:
                    inp.meta[d] = item.meta
                pieces = chunk_text(item.text, CHUNK_CHARS)
                inp.chunks[d] = len(pieces)
                for offset, piece in pieces:
                    if batch and chars + len(piece) > batch_chars:
                        yield batch
                        batch, chars = [], 0
                    inp.outstanding += 1
                    batch.append(((t, d, offset), piece))
                    chars += len(piece)
                    if len(batch) >= batch_size:
                        yield batch
                        batch, chars = [], 0
        except ReadError as e:
            inp.problems.append(Problem(inp.rel, e.reason, e.line))
        except OSError as e:
            problems.append(Problem(inp.rel, f"cannot read: {e.strerror or e}"))
            inp.read_done = True  # not recorded in the manifest: a later --resume tries it again
            continue
        inp.read_done = True
        if inp.outstanding == 0:  # nothing to annotate (all lines bad, or an unreadable file)
            _finish(inp, manifest, work, settings, on_result)
    if batch:
        yield batch


def _finish(inp: _Input, manifest: Manifest, work: Path, settings: JobSettings, on_result) -> None:
    """Write the input's shard atomically, then record it: a shard without a record is redone.

    A document whose annotation failed is left out and becomes a problem (file, line, reason); when
    the failure may pass (its worker died), the input is not recorded, so ``--resume`` redoes it.
    """
    results = []
    retry = False
    for d, doc_id in enumerate(inp.ids):
        parts = inp.results.pop(d, [])
        if d in inp.failed:
            reason, again = inp.failed.pop(d)
            retry = retry or again
            inp.problems.append(Problem(inp.rel, f"document {doc_id!r}: {reason}", inp.lines.get(d)))
            continue
        if len(parts) == 1:
            result = {**parts[0][1], "id": doc_id}
        else:
            result = merge_chunk_results(doc_id, parts)
        if d in inp.meta:
            result["meta"] = inp.meta[d]
        results.append(result)
    options = {"csv_raw": True} if settings.csv_raw else {}
    for warning in write_results(inp.shard, results, settings.fmt, **options) or ():
        inp.problems.append(Problem(inp.rel, warning))
    if not retry:
        manifest.append({"input": inp.rel, "shard": inp.shard.relative_to(work).as_posix(), "size": inp.size,
                         "mtime_ns": inp.mtime_ns, "hash": inp.hash, "documents": len(results),
                         "problems": [asdict(p) for p in inp.problems]})
    if on_result is not None:
        for r in results:
            on_result(r)


def _write_errors(path: Path, problems: list[Problem]) -> None:
    if not problems:
        path.unlink(missing_ok=True)
        return
    with atomic_writer(path) as f:
        for p in problems:
            f.write(p.to_json() + "\n")
