"""Writing results: JSON Lines (one document a line), CSV and Parquet (one mention a row). No spaCy here.

Each format is one :class:`Writer` class in the registry, named by its suffix: a new output format is
a new class passed to :func:`register`. Every file is written to a temporary name and renamed at the
end, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import IO, Any, ClassVar

from .errors import Errors, InputError, MissingDependency
from .results import ROW_COLUMNS, DocumentResult

# The columns of a CSV or Parquet row, with their Arrow types (derived from the result models).
COLUMNS = ROW_COLUMNS


@cache
def _file_mode() -> int:
    """What open() would give (0666 less the umask); mkstemp's own 0600 would hide results from others.

    Computed on first use, not at import: reading the umask means setting it for a moment.
    """
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_writer(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it at the end: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    text: dict[str, Any] = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
    try:
        with os.fdopen(fd, mode, **text) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# Keys that batch output adds to a result dict beside the DocumentResult (``meta`` of an HTML page).
EXTRA_KEYS = ("meta",)


def records(results: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mention rows (see ``DocumentResult.to_records``) of result dicts, with every column present."""
    rows = []
    for r in results:
        if any(k in r for k in EXTRA_KEYS):
            r = {k: v for k, v in r.items() if k not in EXTRA_KEYS}
        for rec in DocumentResult.model_validate(r).to_records():
            rows.append({c: rec.get(c) for c in COLUMNS})
    return rows


# A cell a spreadsheet would run as a formula (OWASP's list): such text gets a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text that starts like a spreadsheet formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


INT64 = (-(1 << 63), (1 << 63) - 1)


# --- the registry -----------------------------------------------------------------------------------

class Writer:
    """One output format. Results are dicts (``DocumentResult.model_dump(mode='json')``).

    ``options``: format options (``csv_raw`` for CSV); a writer ignores those it does not know.
    ``write`` returns warnings: values it could not store as they are (what it stored instead).
    """

    suffix: ClassVar[str]  # ".jsonl": the format's name without the dot, and how --out picks it

    def __init__(self, **options: Any):
        self.options = options

    def check(self) -> None:
        """Raise :class:`MissingDependency` when the format cannot be written here."""

    def write(self, path: Path, results: list[dict[str, Any]]) -> list[str]:
        raise NotImplementedError

    def combine(self, shards: list[Path], out: Path) -> None:
        """Concatenate shards written by :meth:`write` into ``out``, in order (by default: their bytes)."""
        with atomic_writer(out, "wb") as f:
            for s in shards:
                with open(s, "rb") as part:
                    for chunk in iter(lambda: part.read(1 << 20), b""):
                        f.write(chunk)


WRITERS: dict[str, type[Writer]] = {}
FORMATS = WRITERS.keys()  # a live view: a registered writer's format is in it


def register(cls: type[Writer]) -> type[Writer]:
    """Add a writer class to the registry (a class decorator); its suffix names its format."""
    WRITERS[cls.suffix.lstrip(".").lower()] = cls
    return cls


def get_writer(fmt: str, **options: Any) -> Writer:
    """The writer of format ``fmt`` (with its ``options``), checked for its dependencies."""
    cls = WRITERS.get(fmt)
    if cls is None:
        raise InputError(Errors.E008.format(fmt=fmt, formats=", ".join(FORMATS)))
    writer = cls(**options)
    writer.check()
    return writer


@register
class JsonlWriter(Writer):
    """One document a line: the whole result."""

    suffix = ".jsonl"

    def write(self, path: Path, results: list[dict[str, Any]]) -> list[str]:
        with atomic_writer(path) as f:
            for r in results:
                f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
        return []


@register
class CsvWriter(Writer):
    """One mention a row, with a header: the columns of ``COLUMNS``.

    Text cells that start like a spreadsheet formula (``= + - @``, tab, CR) get a leading apostrophe,
    so that a spreadsheet shows them instead of running them; ``csv_raw=True`` writes them as they are.
    """

    suffix = ".csv"

    def write(self, path: Path, results: list[dict[str, Any]]) -> list[str]:
        rows = records(results)
        if not self.options.get("csv_raw"):
            rows = [{c: neutralise(v) for c, v in row.items()} for row in rows]
        with atomic_writer(path) as f:
            w = csv.DictWriter(f, fieldnames=list(COLUMNS))
            w.writeheader()
            w.writerows(rows)
        return []

    def combine(self, shards: list[Path], out: Path) -> None:
        """One header, then every shard's rows."""
        with atomic_writer(out) as f:
            f.write(_csv_header())
            for s in shards:
                with open(s, encoding="utf-8", newline="") as part:
                    part.readline()
                    for chunk in iter(lambda: part.read(1 << 20), ""):
                        f.write(chunk)


def _csv_header() -> str:
    buf = io.StringIO()
    csv.writer(buf).writerow(list(COLUMNS))
    return buf.getvalue()


@register
class ParquetWriter(Writer):
    """One mention a row, typed columns (needs pyarrow).

    An integer beyond the range of its int64 column (a count of 40 digits) is written as null, with a
    warning naming the document, the column and the value: the JSONL output keeps every integer whole.
    """

    suffix = ".parquet"

    def check(self) -> None:
        _pyarrow()

    def write(self, path: Path, results: list[dict[str, Any]]) -> list[str]:
        pa, _ = _pyarrow()
        rows = records(results)
        warnings = _fit_int64(rows)
        self._write_table(path, pa.Table.from_pylist(rows, schema=_arrow_schema(pa)))
        return warnings

    def combine(self, shards: list[Path], out: Path) -> None:
        pa, pq = _pyarrow()
        tables = [pq.read_table(s) for s in shards]
        self._write_table(out, pa.concat_tables(tables) if tables else _arrow_schema(pa).empty_table())

    @staticmethod
    def _write_table(path: Path, table: Any) -> None:
        _, pq = _pyarrow()
        with atomic_writer(path, "wb") as f:
            pq.write_table(table, f)


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependency(Errors.E007.format(what="Parquet output", package="pyarrow",
                                                  extra="parquet")) from None
    return pa, pq


def _fit_int64(rows: list[dict[str, Any]]) -> list[str]:
    """Set integers that int64 cannot hold to None, in place; a warning for each."""
    int_columns = [c for c, t in COLUMNS.items() if t == "int64"]
    warnings = []
    lo, hi = INT64
    for row in rows:
        for c in int_columns:
            v = row.get(c)
            if isinstance(v, int) and not lo <= v <= hi:
                row[c] = None
                shown = str(v) if len(str(v)) <= 30 else f"{str(v)[:12]}...({len(str(v))} digits)"
                warnings.append(f"document {row.get('doc_id')!r}: {c} {shown} does not fit Parquet's int64, "
                                f"written as null")
    return warnings


def _arrow_schema(pa):
    return pa.schema([(c, pa.string() if t == "string" else getattr(pa, t)()) for c, t in COLUMNS.items()])


# --- by format name ---------------------------------------------------------------------------------

def check_format(fmt: str) -> None:
    """Raise when ``fmt`` is not a registered format or cannot be written here (a missing extra)."""
    get_writer(fmt)


def write_results(path: Path, results: list[dict[str, Any]], fmt: str, **options: Any) -> list[str]:
    """Write result dicts (``DocumentResult.model_dump(mode='json')``) to ``path`` atomically; the
    writer's warnings (values stored otherwise than given)."""
    return list(get_writer(fmt, **options).write(path, results) or [])  # a writer may return None


def combine(shards: list[Path], out: Path, fmt: str) -> None:
    """Concatenate shards (same format) into ``out`` in the given order, atomically."""
    get_writer(fmt).combine(shards, out)
