"""Writing results: JSON Lines (one document a line), CSV and Parquet (one mention a row). No spaCy here.

Every file is written to a temporary name and renamed at the end, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "parquet")

# One fixed column set for every shard, so that shards concatenate and empty shards still have a schema.
COLUMNS: dict[str, str] = {
    "doc_id": "string", "kind": "string", "label": "string", "text": "string", "start": "int64",
    "end": "int64", "source": "string", "link_id": "string", "link_name": "string", "link_type": "string",
    "country": "string", "lat": "float64", "lon": "float64", "count": "int64", "count_max": "int64",
    "qualifier": "string", "unit": "string", "unit_count": "int64", "actor": "string",
    "troop_kind": "string", "location": "string",
}


class MissingDependency(RuntimeError):
    pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()  # what open() would give; mkstemp's own 0600 would hide results from others


@contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it at the end: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def records(results: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mention rows (see ``DocumentResult.to_records``) of result dicts, with every column present."""
    from .results import DocumentResult

    rows = []
    for r in results:
        for rec in DocumentResult.model_validate(r).to_records():
            rows.append({c: rec.get(c) for c in COLUMNS})
    return rows


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency("Parquet output needs pyarrow: pip install 'geonews-nlp[parquet]'") from None
    return pa, pq


def _arrow_schema(pa):
    return pa.schema([(c, pa.string() if t == "string" else getattr(pa, t)()) for c, t in COLUMNS.items()])


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        _pyarrow()


def write_results(path: Path, results: list[dict[str, Any]], fmt: str) -> None:
    """Write result dicts (``DocumentResult.model_dump(mode='json')``) to ``path`` atomically."""
    if fmt == "jsonl":
        with atomic_writer(path) as f:
            for r in results:
                f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    elif fmt == "csv":
        with atomic_writer(path) as f:
            w = csv.DictWriter(f, fieldnames=list(COLUMNS))
            w.writeheader()
            w.writerows(records(results))
    elif fmt == "parquet":
        pa, pq = _pyarrow()
        table = pa.Table.from_pylist(records(results), schema=_arrow_schema(pa))
        with atomic_writer(path, "wb") as f:
            pq.write_table(table, f)
    else:
        check_format(fmt)


def combine(shards: list[Path], out: Path, fmt: str) -> None:
    """Concatenate shards (same format) into ``out`` in the given order, atomically."""
    if fmt == "parquet":
        pa, pq = _pyarrow()
        tables = [pq.read_table(s) for s in shards]
        table = pa.concat_tables(tables) if tables else _arrow_schema(pa).empty_table()
        with atomic_writer(out, "wb") as f:
            pq.write_table(table, f)
        return
    with atomic_writer(out) as f:
        if fmt == "csv":
            f.write(_csv_header())
        for s in shards:
            with open(s, encoding="utf-8", newline="") as part:
                if fmt == "csv":
                    part.readline()
                for chunk in iter(lambda: part.read(1 << 20), ""):
                    f.write(chunk)


def _csv_header() -> str:
    buf = io.StringIO()
    csv.writer(buf).writerow(list(COLUMNS))
    return buf.getvalue()
