"""Reading inputs: encodings, HTML, JSON Lines, gzip and chunking (pure functions, no spaCy)."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp.readers import (
    Document,
    ReadError,
    chunk_text,
    decode,
    find_inputs,
    html_to_text,
    iter_jsonl,
    read_documents,
)

GERMAN = "Die Soldaten kämpfen bei Süd-Kärnten. „Grüße“ – 5 € für die Straße."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_decode_the_encodings_news_files_come_in(encoding):
    text, _ = decode(GERMAN.encode(encoding))
    assert text == GERMAN


def test_decode_latin1_and_refuse_binary():
    assert decode("Kärnten".encode("latin-1"))[0] == "Kärnten"
    with pytest.raises(ReadError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ReadError, match="binary|encoding"):
        decode(bytes(range(1, 32)) * 50)


def test_html_keeps_the_story_and_drops_boilerplate():
    page = """<html><head><title>Seite | Portal</title><style>p{}</style></head><body>
    <nav><a href="/">Startseite</a> | <a>Politik</a></nav><header>Logo</header>
    <article><h1>Truppen in Kursk</h1><p>Die <b>NATO</b>&nbsp;tagt   heute.</p>
    <script>track()</script><p>Zweiter<br>Absatz</p></article>
    <footer>Impressum</footer></body></html>"""
    assert html_to_text(page) == "Truppen in Kursk\n\nDie NATO tagt heute.\n\nZweiter\n\nAbsatz"


def test_jsonl_reports_bad_lines_with_their_number():
    text = '{"id": 7, "text": "Eins"}\n\n{kaputt\n["a"]\n{"body": "x"}\n{"text": "Zwei"}\n'
    items = list(iter_jsonl(text, "f.jsonl"))
    assert items[0] == Document("7", "Eins")
    assert [(e.line, e.reason.split(" (")[0]) for e in items[1:4]] == [
        (3, "invalid JSON"), (4, "a line must be a JSON object"), (5, "no string field 'text'")]
    assert items[4] == Document("f.jsonl:6", "Zwei")
    assert list(iter_jsonl('{"body": "x", "key": "k"}', "f", text_field="body", id_field="key")) == [
        Document("k", "x")]


def test_read_documents_through_gzip_and_by_suffix(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("Hallo Welt".encode("utf-16")))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "Eins"}\n'))
    (tmp_path / "c.gz").write_bytes(b"not gzip")
    (tmp_path / "d.pdf").write_bytes(b"%PDF")
    (tmp_path / "e.html").write_text("<p></p>", encoding="utf-8")
    assert [p.name for p in find_inputs(tmp_path)] == ["a.txt.gz", "b.jsonl.gz", "e.html"]
    assert list(read_documents(tmp_path / "a.txt.gz", "a.txt.gz")) == [Document("a.txt.gz", "Hallo Welt")]
    assert list(read_documents(tmp_path / "b.jsonl.gz", "b")) == [Document("b:1", "Eins")]
    with pytest.raises(ReadError, match="empty"):
        list(read_documents(tmp_path / "e.html", "e.html"))
    (tmp_path / "f.txt.gz").write_bytes(b"\x1f\x8b broken")
    with pytest.raises(ReadError, match="gzip"):
        list(read_documents(tmp_path / "f.txt.gz", "f"))


def test_chunks_cut_at_paragraphs_first():
    text = "Erster Absatz hier.\n\nZweiter Absatz. Noch ein Satz."
    assert chunk_text(text, 25) == [(0, "Erster Absatz hier.\n\n"), (21, "Zweiter Absatz. "),
                                    (37, "Noch ein Satz.")]


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=300), st.integers(1, 40))
def test_chunks_cover_the_text_exactly_and_respect_the_limit(text, limit):
    chunks = chunk_text(text, limit)
    assert "".join(c for _, c in chunks) == text
    for offset, chunk in chunks:
        assert text[offset:offset + len(chunk)] == chunk
        assert len(chunk) <= limit
