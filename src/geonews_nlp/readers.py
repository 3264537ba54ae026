"""Reading input files into documents: encodings, HTML, JSON Lines, gzip, chunking. No spaCy here.

Every function either returns text or raises :class:`ReadError` with a reason a person can act on.
"""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from .errors import Errors, InputError, ReadError

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

# Tried in this order after the BOMs and strict UTF-8: the encodings German news files come in.
FALLBACK_ENCODINGS = ["cp1252", "latin_1"]


# Bytes that may hold one character: a cap in characters is a cap of this many bytes a character
# (UTF-8 needs up to 4; a JSON line may spell a character as a 6-byte escape, plus its field names).
BYTES_PER_CHAR = 4
JSON_BYTES_PER_CHAR = 6
JSON_LINE_SLACK = 1 << 16
_BLOCK = 1 << 20


@dataclass(frozen=True)
class Document:
    """One text to annotate: ``id`` is the relative path, or the JSON line's id (or ``path:line``).

    ``line``: the JSON line it came from; ``meta``: what an HTML page says of itself (title, date,
    author, sitename), for batch output. Neither takes part in comparisons.
    """

    id: str
    text: str
    line: int | None = field(default=None, compare=False)
    meta: dict[str, str] | None = field(default=None, compare=False)


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
    return scan_inputs(root)[0]


def _special(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def scan_inputs(root: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """``(inputs, skipped)`` under ``root``: the files of a readable kind, sorted, and ``(path, reason)``
    for each one that cannot be an input.

    Symbolic links to files and folders are followed. A link back to a folder that contains it (a
    loop), a link that leads nowhere, and a special file (FIFO, socket, device) with an input's suffix
    are reported, never opened: reading a FIFO would wait for ever. ``root`` itself, if not a folder,
    is the one input whatever its suffix (its reader says what is wrong with it).
    """
    inputs: list[Path] = []
    skipped: list[tuple[Path, str]] = []

    def consider(path: Path, any_suffix: bool = False) -> None:
        try:
            st = path.stat()
        except OSError as e:
            if path.is_symlink():
                why = "a symbolic link loop" if e.errno == errno.ELOOP else "a broken symbolic link"
                skipped.append((path, f"{why}, not followed"))
            elif any_suffix or kind_of(path) is not None:
                skipped.append((path, f"cannot read: {e.strerror or e}"))
            return
        if not any_suffix and kind_of(path) is None:
            return
        if stat.S_ISREG(st.st_mode):
            inputs.append(path)
        elif not stat.S_ISDIR(st.st_mode):
            skipped.append((path, f"{_special(st.st_mode)}, not a regular file"))

    def walk(folder: Path, ancestors: frozenset[tuple[int, int]]) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            skipped.append((folder, f"cannot read folder: {e.strerror or e}"))
            return
        for entry in entries:
            path = folder / entry.name
            try:
                st = path.stat()
            except OSError:
                consider(path)
                continue
            if not stat.S_ISDIR(st.st_mode):
                consider(path)
                continue
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                skipped.append((path, "a symbolic link loop (to a folder that contains it), not followed"))
                continue
            walk(path, ancestors | {key})

    if root.is_dir():
        st = root.stat()
        walk(root, frozenset({(st.st_dev, st.st_ino)}))
    else:
        consider(root, any_suffix=True)
    inputs.sort()
    return inputs, skipped


def is_gzip(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def open_binary(path: Path) -> IO[bytes]:
    """The file opened for reading bytes, decompressed on the fly for ``.gz``."""
    try:
        return cast(IO[bytes], gzip.open(path, "rb") if is_gzip(path) else open(path, "rb"))
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from None


def _read_error(e: BaseException, path: Path) -> ReadError:
    """A reading error as a reason: a broken gzip stream, or a file that cannot be read."""
    if is_gzip(path) and (not isinstance(e, OSError) or e.errno is None):  # BadGzipFile, EOFError, zlib.error
        return ReadError(f"not a valid gzip file ({e})")
    return ReadError(f"cannot read: {getattr(e, 'strerror', None) or e}")


def raw_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes, gunzipped for ``.gz``, read as a stream: more than ``max_bytes`` (after
    decompression) is refused with a ReadError once that many have been read, never held whole."""
    if max_bytes is not None and not is_gzip(path):
        try:
            size = path.stat().st_size
        except OSError as e:
            raise ReadError(f"cannot read: {e.strerror or e}") from None
        if size > max_bytes:
            raise ReadError(_too_big(max_bytes, gz=False))
    buf = bytearray()
    with open_binary(path) as f:
        try:
            while block := f.read(_BLOCK):
                buf += block
                if max_bytes is not None and len(buf) > max_bytes:
                    raise ReadError(_too_big(max_bytes, gz=is_gzip(path)))
        except ReadError:
            raise
        except (OSError, EOFError, zlib.error) as e:
            raise _read_error(e, path) from None
    return bytes(buf)


def _too_big(max_bytes: int, gz: bool) -> str:
    what = "decompresses to more than" if gz else "has more than"
    return f"file {what} {max_bytes:,} bytes, more than --max-chars allows"


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


META_FIELDS = ("title", "author", "date", "sitename")


def read_html(markup: str) -> tuple[str, dict[str, str]]:
    """``(main text, metadata)`` of an HTML page: trafilatura finds the story (one paragraph a block)
    and its title, author, date and site name; a page it finds nothing in falls back to
    :func:`html_to_text_simple`, with no metadata."""
    try:
        import trafilatura

        found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                            favor_precision=True)
    except Exception:  # a page that trips the extractor is still a page: fall back
        found = None
    text = getattr(found, "text", None) or ""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = "\n\n".join(line for line in lines if line)
    if not text:
        return html_to_text_simple(markup), {}
    meta = {k: str(v) for k in META_FIELDS if (v := getattr(found, k, None))}
    return text, meta


def html_to_text(markup: str) -> str:
    """The main text of an HTML page (:func:`read_html` without the metadata)."""
    return read_html(markup)[0]


def html_to_text_simple(markup: str) -> str:
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Lone surrogates (which a JSON escape can spell, and no file can hold) as U+FFFD: one character
    for one, so offsets stay true."""
    return _SURROGATE.sub("\ufffd", text)


def _jsonl_document(line: str | bytes, n: int, rel: str, text_field: str, id_field: str) -> Document | ReadError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return ReadError(f"invalid JSON ({e.msg} at column {e.colno})", n)
    except (UnicodeDecodeError, RecursionError) as e:
        return ReadError(f"invalid JSON ({type(e).__name__})", n)
    if not isinstance(obj, dict):
        return ReadError("a line must be a JSON object", n)
    value = obj.get(text_field)
    if not isinstance(value, str):
        return ReadError(f"no string field {text_field!r} (use --text-field)", n)
    doc_id = obj.get(id_field)
    return Document(replace_surrogates(str(doc_id)) if doc_id is not None else f"{rel}:{n}",
                    replace_surrogates(value), line=n)


def iter_jsonl(text: str, rel: str, text_field: str = "text", id_field: str = "id"
               ) -> Iterator[Document | ReadError]:
    """One Document per valid line; a ReadError (with the line number) per bad one."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield _jsonl_document(line, n, rel, text_field, id_field)


def _jsonl_encoding(head: bytes) -> str:
    """The encoding of a JSON Lines file from its first bytes (see :func:`_decode`); ``utf-8`` means
    UTF-8 with a CP1252/Latin-1 fallback line by line."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    encoding = _looks_utf16(head[:len(head) - len(head) % 2])
    if encoding is not None:
        return encoding
    if b"\x00" in head:
        raise ReadError("binary file (contains NUL bytes)")
    if _control_ratio(head.decode("latin_1")) > 0.05:
        raise ReadError("binary file (control characters)")
    return "utf-8"


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return line.decode("cp1252")
        except UnicodeDecodeError:
            return line.decode("latin_1")


def _capped_lines(f: IO[Any], cap: int) -> Iterator[tuple[int, Any]]:
    """``(line number, line)`` of a stream, a line longer than ``cap`` as ``(n, None)`` (skipped to its
    end in bounded reads, never held whole)."""
    n = 0
    while line := f.readline(cap + 1):
        n += 1
        if len(line) > cap and not line.endswith(("\n", b"\n")[isinstance(line, bytes)]):
            while (rest := f.readline(_BLOCK)) and not rest.endswith(("\n", b"\n")[isinstance(rest, bytes)]):
                pass
            yield n, None
            continue
        yield n, line


def stream_jsonl(path: Path, rel: str, text_field: str = "text", id_field: str = "id",
                 max_chars: int | None = None) -> Iterator[Document | ReadError]:
    """:func:`iter_jsonl` of a file (gzipped or not), read line by line: a line longer than
    ``max_chars`` allows is a ReadError for that line; a file with no JSON line at all is refused."""
    cap = max_chars * JSON_BYTES_PER_CHAR + JSON_LINE_SLACK if max_chars is not None else 1 << 62
    try:
        with open_binary(path) as f:
            encoding = _jsonl_encoding(f.read(4096))
        seen = False
        with open_binary(path) as f:
            stream: IO[Any] = f
            if encoding != "utf-8":
                stream = io.TextIOWrapper(f, encoding=encoding, errors="strict", newline="")
            for n, line in _capped_lines(stream, cap):
                if line is None:
                    seen = True
                    yield ReadError(f"line longer than --max-chars {max_chars:,} allows", n)
                    continue
                if isinstance(line, bytes):
                    if n == 1 and line.startswith(b"\xef\xbb\xbf"):
                        line = line[3:]
                    line = _decode_line(line)
                if n == 1:
                    line = line.lstrip("\ufeff")
                if line.strip():
                    seen = True
                    yield _jsonl_document(line, n, rel, text_field, id_field)
    except ReadError:
        raise
    except UnicodeDecodeError:
        raise ReadError(f"not valid {encoding}") from None
    except (OSError, EOFError, zlib.error) as e:
        raise _read_error(e, path) from None
    if not seen:
        raise ReadError("empty file (no JSON lines)")


def read_documents(path: Path, rel: str, *, text_field: str = "text", id_field: str = "id",
                   max_chars: int | None = None) -> Iterator[Document | ReadError]:
    """The documents of one input file. Raises ReadError when the whole file is unreadable.

    ``max_chars``: files are read as streams (``.gz`` decompressed on the fly) and refused once they
    hold more bytes than that many characters can take (a JSON Lines file line by line), so no input,
    however it is compressed, is held in memory beyond that cap.
    """
    kind = kind_of(path)
    if kind is None:
        raise ReadError("unsupported file type (expected .txt, .md, .html, .jsonl, optionally .gz)")
    if kind == "jsonl":
        yield from stream_jsonl(path, rel, text_field, id_field, max_chars)
        return
    max_bytes = max_chars * BYTES_PER_CHAR if max_chars is not None else None
    data = raw_bytes(path, max_bytes)
    text, _ = decode(data)
    del data
    meta = None
    if kind == "html":
        text, meta = read_html(text)
    if not text.strip():
        raise ReadError("empty file (no text)")
    yield Document(rel, text, meta=meta or None)


def count_documents(path: Path) -> int:
    """A cheap estimate for progress bars: non-empty lines of a JSON Lines file, else 1.

    Read as a stream; a gzipped file only until it has given 20 times its own size (and at least
    256 MiB): a bomb is not unpacked to count its lines.
    """
    if kind_of(path) != "jsonl":
        return 1
    n = 0
    budget: float = float("inf")
    try:
        if is_gzip(path):
            budget = max(256 << 20, 20 * path.stat().st_size)
        read = 0
        with open_binary(path) as f:
            for _, line in _capped_lines(f, _BLOCK):
                if line is None or line.strip():
                    n += 1
                read += len(line) if line is not None else _BLOCK
                if read > budget:
                    break
    except (ReadError, OSError, EOFError, zlib.error):
        pass
    return max(1, n)


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
