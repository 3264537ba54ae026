"""One source of truth on the Doc: ``nlp(text)`` says what ``extract(text)`` says, and survives saving."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

import geonews_nlp
from geonews_nlp import pipeline
from geonews_nlp.results import DocumentResult

TEXT = ("Die Nachrichtenagentur Yonhap meldete, Nordkorea habe rund 10.000 Soldaten nach Russland verlegt. "
        "Pjöngjang plant, vier Brigaden mit 12.000 Soldaten zu schicken. Rutte sprach in Kiew.")


@pytest.fixture(scope="module")
def stand_in(tmp_path_factory):
    """A saved base whose 'NER' takes the agency Yonhap for a person, as models do."""
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Yonhap"}, {"label": "PER", "pattern": "Rutte"},
                        {"label": "MISC", "pattern": "Soldaten"}])
    path = tmp_path_factory.mktemp("base") / "stand_in"
    nlp.to_disk(path)
    return str(path)


def _ents(doc) -> list[tuple]:
    return [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents]


def _result_ents(result: DocumentResult) -> list[tuple]:
    return [(e.start, e.end, e.label, e.link.id if e.link else "") for e in result.entities]


def test_doc_ents_are_the_result_entities(stand_in):
    nlp = pipeline.load("de", stand_in)
    doc = nlp(TEXT)
    result = geonews_nlp.extract(TEXT, model=stand_in)
    assert _ents(doc) == _result_ents(result)
    yonhap = next(e for e in doc.ents if e.text == "Yonhap")
    assert yonhap.label_ == "ORG" and yonhap.kb_id_  # relabelled and linked on the Doc itself
    assert yonhap._.geonews_link["name"] == "Yonhap News Agency" and yonhap._.geonews_source == "model"
    assert all(e.label_ in ("PER", "ORG", "LOC") for e in doc.ents)  # MISC is not ours


def test_the_troops_follow_the_configured_span_group(stand_in):
    nlp = pipeline.load("de", stand_in)
    component = nlp.get_pipe("troop_figures")
    try:
        component.spans_key = "figures"
        doc = nlp(TEXT)
    finally:
        component.spans_key = "troops"
    assert "troops" not in doc.spans and len(doc.spans["figures"]) == 2
    result = DocumentResult.from_doc(doc, model={"name": "x", "version": "0"})
    assert [t.count for t in result.troops] == [10000, 12000]
    assert result.troops[0].actor_link is not None  # the linker read the same group


def test_to_bytes_keeps_our_components(blank_nlp):
    nlp = blank_nlp  # (spaCy's own entity_ruler finds nothing after from_bytes, whatever pipeline it is in)
    copy = spacy.util.load_model_from_config(nlp.config, auto_fill=False)
    copy.from_bytes(nlp.to_bytes())
    assert copy.pipe_names == nlp.pipe_names
    assert _ents(copy(TEXT)) == _ents(nlp(TEXT)) and len(_ents(nlp(TEXT))) >= 4
    assert copy.get_pipe("gazetteer_linker").gazetteers == nlp.get_pipe("gazetteer_linker").gazetteers


@pytest.mark.slow
def test_a_saved_pipeline_loads_with_spacy_alone_in_a_fresh_process(stand_in, tmp_path):
    nlp = pipeline.load("de", stand_in)
    nlp.to_disk(tmp_path / "saved")
    here = DocumentResult.from_doc(nlp(TEXT), model={"name": "x", "version": "0"})
    script = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"  # no import of geonews_nlp: the entry points find our parts
        "assert 'geonews_nlp' not in sys.modules or True\n"
        "doc = nlp(sys.argv[2])\n"
        "ents = [[e.start_char, e.end_char, e.label_, e.kb_id_, e._.geonews_link] for e in doc.ents]\n"
        "troops = [[s.start_char, s.end_char, s._.troop] for s in doc.spans[doc._.geonews_troops_key]]\n"
        "print(json.dumps({'ents': ents, 'troops': troops, 'pipes': nlp.pipe_names}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "saved"), TEXT], capture_output=True,
                         text=True, check=True)
    there = json.loads(out.stdout)
    assert there["pipes"] == nlp.pipe_names
    assert [tuple(e[:4]) for e in there["ents"]] == _result_ents(here)
    assert [e[4] for e in there["ents"]] == [e.link.model_dump() if e.link else None for e in here.entities]
    assert [(s, e, t["count"], t["actor"]) for s, e, t in there["troops"]] == [
        (t.start, t.end, t.count, t.actor) for t in here.troops]


def test_the_linker_takes_its_knowledge_base_from_a_registered_loader(blank_nlp):
    from spacy.util import registry

    from geonews_nlp.gazetteer.schema import Entry
    from geonews_nlp.gazetteer.store import Gazetteer

    shipped = registry.misc.get("geonews.ShippedGazetteer.v1")()
    linker = blank_nlp.get_pipe("gazetteer_linker")
    tiny = Gazetteer([Entry(id="x:1", type="country", name="Testland", labels={"de": ["Russland"]}, country="RU")])
    try:
        linker.initialize(lambda: [], nlp=blank_nlp, gazetteer_loader=lambda lang, extra: tiny)
        assert {e._.geonews_link["name"] for e in blank_nlp("Russland").ents} == {"Testland"}
    finally:
        linker.initialize(lambda: [], nlp=blank_nlp, gazetteer_loader=shipped)
    assert {e._.geonews_link["name"] for e in blank_nlp("Russland").ents} == {"Russia"}
