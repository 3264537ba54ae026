"""Result models: schema file, serialisation, records, notebook rendering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from geonews_nlp.results import DocumentResult, Entity, document_result_schema

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "schema" / "document-result.json"


@pytest.fixture
def result(blank_nlp):
    text = "Die NATO meldet: Nordkorea hat 1.500 Soldaten nach Russland verlegt."
    return DocumentResult.from_doc(blank_nlp(text), model={"name": "blank_de", "version": "3.8"},
                                   doc_id="a").with_text(text)


def test_schema_file_is_current():
    assert SCHEMA.read_text(encoding="utf-8") == document_result_schema(), \
        "docs/schema/document-result.json is stale: run `make schema`"


def test_json_round_trip(result):
    again = DocumentResult.model_validate_json(result.to_json())
    assert again.model_dump() == result.model_dump()
    data = json.loads(result.to_json())
    assert data["troops"][0]["count"] == 1500 and data["troops"][0]["actor_link"]["name"] == "North Korea"


def test_frozen(result):
    with pytest.raises(ValidationError):
        result.entities[0].label = "PER"


def test_invalid_label_rejected():
    with pytest.raises(ValidationError):
        Entity(label="MISC", text="x", start=0, end=1, source="model")


def test_records_one_per_mention(result):
    rows = result.to_records()
    assert len(rows) == len(result.entities) + len(result.troops)
    troop = [r for r in rows if r["kind"] == "troop"][0]
    assert (troop["doc_id"], troop["count"], troop["actor"], troop["location"]) == ("a", 1500, "KP", "Russia")
    assert {r["text"] for r in rows if r["kind"] == "entity"} >= {"NATO", "Nordkorea", "Russland"}


def test_html_marks_entities_and_figures(result):
    html = result._repr_html_()
    assert "1.500 Soldaten" in html and "TROOP" in html and "NATO" in html


def test_html_escapes_the_doc_id_and_the_text(blank_nlp):
    text = "<script>alert(1)</script> Nordkorea hat 1.500 Soldaten nach Russland verlegt."
    doc_id = "<script>alert('id')</script>"
    result = DocumentResult.from_doc(blank_nlp(text), model={"name": "blank_de", "version": "3.8"},
                                     doc_id=doc_id).with_text(text)
    page = result._repr_html_()
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;id&#x27;)&lt;/script&gt;" in page and "1.500 Soldaten" in page
    without_text = DocumentResult.from_doc(blank_nlp(text), model={"name": "blank_de", "version": "3.8"},
                                           doc_id=doc_id)._repr_html_()
    assert "<script" not in without_text


def test_merge_chunk_results_moves_offsets_back():
    from geonews_nlp.results import merge_chunk_results

    def part(start: int, text: str, warning: str) -> dict:
        return {"id": None, "lang": "de", "model": {"name": "m", "version": "1"}, "warnings": [warning],
                "entities": [{"label": "LOC", "text": text, "start": start, "end": start + len(text),
                              "source": "model", "link": None}], "troops": []}

    parts = [(100, part(2, "Kiew", "w")), (0, part(0, "Berlin", "w")), (200, part(1, "Moskau", "v"))]
    merged = merge_chunk_results("doc", parts)
    assert [(e["text"], e["start"], e["end"]) for e in merged["entities"]] == \
        [("Berlin", 0, 6), ("Kiew", 102, 106), ("Moskau", 201, 207)]
    assert merged["id"] == "doc" and merged["warnings"] == ["w", "v"]
    assert [p[0] for p in parts] == [100, 0, 200]  # the caller's list is left as it was
    assert DocumentResult.model_validate(merged).entities[1].start == 102
