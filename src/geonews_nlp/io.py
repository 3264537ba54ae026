"""Reading documents from folders and writing results: no spaCy here."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class ReadError:
    path: str
    reason: str


def find_documents(root: Path, suffixes: tuple[str, ...] = SUFFIXES) -> list[Path]:
    """Every file under ``root`` (recursive) with one of ``suffixes``, in a stable order."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


def read_text(path: Path) -> str:
    """UTF-8 (with or without BOM); raises ValueError for binary or undecodable files."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"not valid UTF-8 at byte {e.start} (convert it to UTF-8)") from None


def iter_documents(root: Path) -> Iterator[tuple[str, str] | ReadError]:
    """``(relative path, text)`` per readable file, a ReadError per unreadable one; never raises."""
    for path in find_documents(root):
        rel = path.relative_to(root).as_posix()
        try:
            yield rel, read_text(path)
        except (OSError, ValueError) as e:
            yield ReadError(rel, str(e) if isinstance(e, ValueError) else e.strerror or str(e))


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """Write to a temporary file beside ``path`` and rename it at the end: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
