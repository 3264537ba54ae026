"""Reading input files into documents: encodings, HTML, JSON Lines, gzip, chunking. No spaCy here.

Every function either returns text or raises :class:`ReadError` with a reason a person can act on.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import Errors, InputError, ReadError

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

# Tried in this order after the BOMs and strict UTF-8: the encodings German news files come in.
FALLBACK_ENCODINGS = ["cp1252", "latin_1"]


@dataclass(frozen=True)
class Document:
    """One text to annotate: ``id`` is the relative path, or the JSON line's id (or ``path:line``)."""

    id: str
    text: str


def kind_of(path: Path) -> str | None:
    """``text``, ``html`` or ``jsonl`` by suffix (``.gz`` looks through), None for anything else."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def find_inputs(root: Path) -> list[Path]:
    """Every readable kind of file under ``root`` (recursive; ``root`` itself if a file), sorted."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.is_file() and kind_of(p) is not None)


def raw_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped for ``.gz``."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from None
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, gzip.BadGzipFile) as e:
            raise ReadError(f"not a valid gzip file ({e})") from None
    return data


def _looks_utf16(sample: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    return bad / max(1, len(sample))


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``; see :func:`_decode`. Text that is mostly control characters is refused."""
    text, encoding = _decode(data)
    if _control_ratio(text) > 0.05:
        raise ReadError("binary file (control characters)")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``: BOMs, then UTF-16 by its NUL pattern, strict UTF-8, then CP1252/Latin-1.

    charset-normalizer chooses among the 8-bit fallbacks and refuses binary data; it is only asked
    when the cheap, certain checks fail, because on short German texts it can mistake UTF-8 for
    a Central European code page.
    """
    encoding = None
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = _looks_utf16(data[:4096])
    if encoding is not None:
        try:
            return data.decode(encoding), encoding.replace("-sig", "")
        except UnicodeDecodeError:
            raise ReadError(f"not valid {encoding}") from None
    if b"\x00" in data[:8192]:
        raise ReadError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=FALLBACK_ENCODINGS).best()
    if best is None or best.chaos > 0.2:
        raise ReadError("binary file or unknown encoding (expected UTF-8, UTF-16, CP1252 or Latin-1)")
    return str(best), best.encoding


_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "select", "head", "menu")
_BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
               "section", "article", "main", "blockquote", "pre", "figcaption", "dd", "dt", "table", "hr")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page, one paragraph per block, with navigation and scripts dropped.

    BeautifulSoup (with Python's own parser) does the parsing; only <article>/<main> are kept when
    the page has one, since that is where news sites put the story.
    """
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (_SPACES.sub(" ", line).strip() for line in root.get_text().split("\n"))
    return "\n\n".join(line for line in lines if line)


def iter_jsonl(text: str, rel: str, text_field: str = "text", id_field: str = "id"
               ) -> Iterator[Document | ReadError]:
    """One Document per valid line; a ReadError (with the line number) per bad one."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(f"invalid JSON ({e.msg} at column {e.colno})", n)
            continue
        if not isinstance(obj, dict):
            yield ReadError("a line must be a JSON object", n)
            continue
        value = obj.get(text_field)
        if not isinstance(value, str):
            yield ReadError(f"no string field {text_field!r} (use --text-field)", n)
            continue
        doc_id = obj.get(id_field)
        yield Document(str(doc_id) if doc_id is not None else f"{rel}:{n}", value)


def read_documents(path: Path, rel: str, *, text_field: str = "text", id_field: str = "id"
                   ) -> Iterator[Document | ReadError]:
    """The documents of one input file. Raises ReadError when the whole file is unreadable."""
    kind = kind_of(path)
    if kind is None:
        raise ReadError("unsupported file type (expected .txt, .md, .html, .jsonl, optionally .gz)")
    text, _ = decode(raw_bytes(path))
    if kind == "jsonl":
        yield from iter_jsonl(text, rel, text_field, id_field)
        return
    if kind == "html":
        text = html_to_text(text)
    if not text.strip():
        raise ReadError("empty file (no text)")
    yield Document(rel, text)


def count_documents(path: Path) -> int:
    """A cheap estimate for progress bars: non-empty lines of a JSON Lines file, else 1."""
    if kind_of(path) != "jsonl":
        return 1
    try:
        return sum(1 for line in raw_bytes(path).splitlines() if line.strip())
    except ReadError:
        return 1


_BREAKS = ("\n\n", "\n", ". ", " ")


def chunk_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Split ``text`` into ``(offset, chunk)`` slices of at most ``max_chars``, covering it exactly.

    Cuts at the last paragraph break before the limit, else a line break, a sentence end, a space,
    and only as a last resort in the middle of a word.
    """
    if max_chars < 1:
        raise InputError(Errors.E010.format(max_chars=max_chars))
    chunks: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > max_chars:
        end = start + max_chars
        cut = -1
        for brk in _BREAKS:
            i = text.rfind(brk, start + 1, end)
            if i > start and i + len(brk) <= end:
                cut = i + len(brk)
                break
        if cut <= start:
            cut = end
        chunks.append((start, text[start:cut]))
        start = cut
    chunks.append((start, text[start:]))
    return chunks
