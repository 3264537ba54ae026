"""Put the texts back into the fresh dev sets of `eval/fresh/` (they ship without them).

The annotations keep each excerpt's length and SHA-256 and every span's own text; the texts are
publishers' pages and are not redistributed. Given a folder with one saved page a text
(`PAGES/<id>.txt`, the page's article text as fetched, a longer stretch of it is fine), this finds
the excerpt inside it and writes the gold file with `"text"` restored:

    python scripts/rebuild_fresh.py eval/fresh/en_fresh4.annotations.jsonl PAGES OUT.jsonl

An excerpt is taken when a window of the page has the listed SHA-256 ("sha"), or else when one
window has every annotated span's text at its offset ("spans": a re-copied page may differ in a
character the gold never marks). Texts that neither finds are listed and left out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path


def _spans(record: dict) -> list[tuple[int, int, str]]:
    out = []
    for key in ("troops", "entities"):
        for item in record.get(key) or []:
            out.append((int(item["start"]), int(item["end"]), str(item["text"])))
    return out


def find_excerpt(page: str, record: dict) -> tuple[str, str] | None:
    """The excerpt of `page` that `record` annotates, and how it was found; None if none fits."""
    length = int(record["text_chars"])
    digest = record["text_sha256"]
    spans = _spans(record)
    candidates = _pages(page)
    for candidate in candidates:  # the hash first, on every copy: a span match may be a near miss
        for start in _anchors(candidate, spans, length):
            window = candidate[start : start + length]
            if hashlib.sha256(window.encode("utf-8")).hexdigest() == digest:
                return window, "sha"
    for candidate in candidates:
        for start in _anchors(candidate, spans, length):
            window = candidate[start : start + length]
            if len(window) == length and all(window[s:e] == t for s, e, t in spans):
                return window, "spans"
    return None


def _pages(page: str) -> list[str]:
    # Some excerpts were cut from a copy with its whitespace tidied: lines without their indent,
    # blank lines without the spaces on them. Try the page as stored first, then those tidier copies.
    page = page.replace("\r\n", "\n")
    variants = []
    for unindent in (False, True):
        for collapse in (False, True):
            text = re.sub(r"(?m)^[ \t]+", "", page) if unindent else page
            variants.append(re.sub(r"\n(?:[ \t]*\n)+", "\n\n", text) if collapse else text)
    return list(dict.fromkeys(variants))


def _anchors(page: str, spans: list[tuple[int, int, str]], length: int) -> list[int]:
    """Window starts worth trying: those that put the first span's text at its offset."""
    if not spans:
        return list(range(0, max(1, len(page) - length + 1)))
    start, _end, text = min(spans)
    found = []
    at = page.find(text)
    while at != -1:
        if at - start >= 0:
            found.append(at - start)
        at = page.find(text, at + 1)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("annotations", type=Path)
    parser.add_argument("pages", type=Path, help="folder of <id>.txt page texts")
    parser.add_argument("out", type=Path)
    parser.add_argument("--ids", default="", help="comma-separated ids: rebuild (and report) only these")
    args = parser.parse_args(argv)
    only = {i for i in args.ids.split(",") if i}
    done, missing = [], []
    how: dict[str, int] = {}
    for line in args.annotations.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if only and record["id"] not in only:
            continue
        page_file = args.pages / f"{record['id']}.txt"
        found = find_excerpt(page_file.read_text(encoding="utf-8"), record) if page_file.exists() else None
        if found is None:
            missing.append(record["id"])
            continue
        record["text"], way = found
        how[way] = how.get(way, 0) + 1
        done.append(record)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in done:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(done)} rebuilt ({how}), {len(missing)} missing: {' '.join(missing)}", file=sys.stderr)
    return 0 if done else 1


if __name__ == "__main__":
    sys.exit(main())
