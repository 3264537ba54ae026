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


NEWS_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Nordkorea schickt Truppen | Beispielportal</title>
<meta name="author" content="Anna Beispiel">
<meta property="article:published_time" content="2024-11-05T08:30:00+01:00">
<meta property="og:site_name" content="Beispielportal">
<script>window.tracking = 1;</script></head>
<body>
<div class="cookie-banner">Wir verwenden Cookies. <button>Akzeptieren</button></div>
<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="layout"><aside class="teaser"><h3>Meistgelesen</h3><ul><li><a href="/a">Wetter: Sturm an der Küste</a></li>
<li><a href="/b">Fußball: Bayern siegt</a></li></ul></aside>
<div class="content"><h1>Nordkorea schickt Truppen nach Russland</h1>
<p class="byline">Von Anna Beispiel, 5. November 2024</p>
<p>Nordkorea hat nach Angaben des südkoreanischen Geheimdienstes rund 12.000 Soldaten nach Russland
geschickt. Die Truppen sollen in der Region Kursk eingesetzt werden, wo die Ukraine seit dem Sommer
Gebiete hält.</p>
<p>Die NATO berät in Brüssel über die Lage. Generalsekretär Mark Rutte sprach von einer gefährlichen
Ausweitung des Krieges, die auch die Sicherheit im indopazifischen Raum berühre.</p>
<p>Nach Angaben aus Kiew sind bereits mehrere Tausend nordkoreanische Soldaten in der Nähe der Front
eingetroffen. Die Bundesregierung bestellte den Geschäftsträger der nordkoreanischen Botschaft ein.</p>
<div class="share">Teilen: Facebook | X | E-Mail</div>
</div></div>
<footer><p>Impressum | Datenschutz | © 2024 Beispielportal</p></footer>
</body></html>"""


def test_html_pages_give_their_story_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(NEWS_PAGE, encoding="utf-8")
    [doc] = read_documents(tmp_path / "page.html", "page.html")
    assert "rund 12.000 Soldaten nach Russland" in doc.text and "Mark Rutte" in doc.text
    for boilerplate in ("Cookies", "Startseite", "Meistgelesen", "Impressum", "Teilen", "tracking"):
        assert boilerplate not in doc.text, boilerplate
    assert "\n\n" in doc.text  # one paragraph a block
    assert doc.meta is not None
    assert doc.meta["title"].startswith("Nordkorea schickt Truppen")
    assert doc.meta["author"] == "Anna Beispiel" and doc.meta["date"] == "2024-11-05"


def test_a_gzip_past_the_cap_is_refused_while_streaming(tmp_path):
    with gzip.open(tmp_path / "big.txt.gz", "wb") as f:
        for _ in range(20):
            f.write(b"a" * (1 << 20))
    with pytest.raises(ReadError, match="decompresses to more than 4,000,000 bytes"):
        list(read_documents(tmp_path / "big.txt.gz", "big", max_chars=1_000_000))
    assert len(next(read_documents(tmp_path / "big.txt.gz", "big", max_chars=10_000_000)).text) == 20 << 20


def test_jsonl_is_streamed_with_a_cap_per_line_and_empty_files_refused(tmp_path):
    line = b'{"id": "ok", "text": "Eins"}\n'
    with gzip.open(tmp_path / "a.jsonl.gz", "wb") as f:
        f.write(line + b'{"text": "' + b"a" * 300_000 + b'"}\n' + line.replace(b"ok", b"ok2"))
    items = list(read_documents(tmp_path / "a.jsonl.gz", "a", max_chars=10_000))
    assert [getattr(i, "id", None) for i in items] == ["ok", None, "ok2"]
    assert items[1].line == 2 and "longer than --max-chars" in items[1].reason
    assert items[2].line == 3
    (tmp_path / "e.jsonl").write_bytes(b"\n \n")
    with pytest.raises(ReadError, match="empty file"):
        list(read_documents(tmp_path / "e.jsonl", "e"))
    (tmp_path / "s.jsonl").write_text('{"id": "x\\ud800", "text": "Berlin \\udc00 Soldaten"}\n', encoding="utf-8")
    [doc] = read_documents(tmp_path / "s.jsonl", "s")
    assert doc == Document("x\ufffd", "Berlin \ufffd Soldaten")
    (tmp_path / "u16.jsonl").write_bytes('{"text": "Kärnten"}\n{"text": "Zwei"}\n'.encode("utf-16"))
    assert [d.text for d in read_documents(tmp_path / "u16.jsonl", "u")] == ["Kärnten", "Zwei"]


def test_scan_reports_special_files_and_follows_linked_folders(tmp_path):
    from geonews_nlp.readers import scan_inputs

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "root").mkdir()
    (tmp_path / "root" / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "root" / "self").symlink_to(tmp_path / "root" / "self")
    import os

    os.mkfifo(tmp_path / "root" / "p.jsonl")
    inputs, skipped = scan_inputs(tmp_path / "root")
    assert inputs == [tmp_path / "root" / "link" / "a.txt"]
    assert {p.name: r.split(",")[0] for p, r in skipped} == {"p.jsonl": "a FIFO", "self": "a symbolic link loop"}
