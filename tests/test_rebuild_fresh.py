"""Putting a dev text back from a saved page (scripts/rebuild_fresh.py): the excerpt is found by its
hash or by its spans, a tidied copy's whitespace is forgiven, and a page without it gives nothing."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import rebuild_fresh

EXCERPT = "Rund 500 Soldaten der Bundeswehr sind in Mali.\nDie NATO schickt weitere 300."


def record(text: str) -> dict:
    start = text.index("Bundeswehr")
    return {"id": "x-1", "text_chars": len(text), "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "troops": [{"start": 0, "end": 17, "text": text[0:17]}],
            "entities": [{"start": start, "end": start + 10, "text": "Bundeswehr"}]}


@given(before=st.text(max_size=40), after=st.text(max_size=40))
def test_the_excerpt_is_found_inside_any_page(before, after):
    assert rebuild_fresh.find_excerpt(before + EXCERPT + after, record(EXCERPT)) == (EXCERPT, "sha")


def test_a_recopied_page_fits_by_its_spans():
    recopied = EXCERPT.replace("schickt", "sendet ")  # a word the gold never marks
    gold = record(EXCERPT)
    assert rebuild_fresh.find_excerpt("Kopf\n" + recopied, gold) == (recopied, "spans")


def test_indented_and_padded_blank_lines_are_forgiven():
    tidy = "Rund 500 Soldaten der Bundeswehr.\n\nDie NATO schickt 300."
    stored = "    Rund 500 Soldaten der Bundeswehr.\n\n \n\n    Die NATO schickt 300."
    assert rebuild_fresh.find_excerpt(stored, record(tidy)) == (tidy, "sha")


def test_a_page_without_the_excerpt_gives_nothing():
    assert rebuild_fresh.find_excerpt("Ein ganz anderer Text über Bundeswehr und Mali.", record(EXCERPT)) is None


def test_main_writes_what_fits_and_lists_the_rest(tmp_path, capsys):
    annotations = tmp_path / "a.jsonl"
    missing = dict(record(EXCERPT), id="x-2")
    annotations.write_text(json.dumps(record(EXCERPT)) + "\n" + json.dumps(missing) + "\n", encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "x-1.txt").write_text("Titel\n" + EXCERPT + "\nMehr", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert rebuild_fresh.main([str(annotations), str(pages), str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["x-1"] and rows[0]["text"] == EXCERPT
    assert "missing: x-2" in capsys.readouterr().err
