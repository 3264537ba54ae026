"""The German NER model shipped inside the package, on sentences written for this test."""

from __future__ import annotations

import pytest

from geonews_nlp import pipeline


@pytest.fixture(scope="module")
def shipped():
    path = pipeline.shipped_model_path("de")
    if path is None:
        pytest.skip("no shipped model in this build")
    return pipeline.load("de", str(path))


def test_default_base_is_shipped_without_de_core_news(monkeypatch):
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: False)
    if pipeline.shipped_model_path("de") is None:
        pytest.skip("no shipped model in this build")
    assert pipeline.resolve_base("de").origin == "shipped"


@pytest.mark.parametrize("text,expected", [
    ("Bundeskanzlerin Angela Merkel besuchte am Dienstag die Stadt Hamburg.", {("PER", "Angela Merkel"),
                                                                              ("LOC", "Hamburg")}),
    ("Der Konzern Siemens eröffnet ein neues Werk in Dresden.", {("ORG", "Siemens"), ("LOC", "Dresden")}),
    ("Die Vereinten Nationen kritisierten die Regierung in Frankreich.", {("LOC", "Frankreich")}),
])
def test_clear_sentences(shipped, text, expected):
    doc = shipped(text)
    found = {(label, text[s:e]) for s, e, label, _, _ in doc._.geonews_entities}
    assert expected <= found


def test_shipped_pipeline_links_and_counts(shipped):
    doc = shipped("Nordkorea hat 1.500 Soldaten nach Russland verlegt.")
    (span,) = doc.spans["troops"]
    assert span._.troop["actor"] == "KP" and span._.troop["actor_link"]["name"] == "North Korea"
