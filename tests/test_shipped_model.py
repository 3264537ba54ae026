"""The German NER model shipped inside the package, on sentences written for this test."""

from __future__ import annotations

import pytest

from geonews_nlp import pipeline

from conftest import ents_of


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
    found = {(label, text[s:e]) for s, e, label, _, _ in ents_of(doc)}
    assert expected <= found


def test_shipped_pipeline_links_and_counts(shipped):
    doc = shipped("Nordkorea hat 1.500 Soldaten nach Russland verlegt.")
    (span,) = doc.spans["troops"]
    assert span._.troop["actor"] == "KP" and span._.troop["actor_link"]["name"] == "North Korea"


@pytest.fixture(scope="module")
def shipped_ner():
    """The bare spaCy pipeline of the shipped model (no geonews components), for calibration."""
    import spacy

    path = pipeline.shipped_model_path("de")
    if path is None:
        pytest.skip("no shipped model in this build")
    return spacy.load(path)


def test_out_bias_shift_moves_only_the_out_action(shipped_ner):
    from geonews_nlp.training.calibrate import out_bias, shift_out_bias

    upper = shipped_ner.get_pipe("ner").model.get_ref("upper")
    before, others = out_bias(shipped_ner), upper.get_param("b").copy()
    try:
        assert shift_out_bias(shipped_ner, 0.75) == pytest.approx(before - 0.75)
        changed = [i for i, (a, b) in enumerate(zip(others, upper.get_param("b"))) if a != b]
        assert len(changed) == 1
    finally:
        shift_out_bias(shipped_ner, -0.75)
    assert out_bias(shipped_ner) == pytest.approx(before)


def test_out_bias_trades_precision_for_recall(shipped_ner):
    from geonews_nlp.training.calibrate import shift_out_bias

    text = "Am Montag sprach der Minister in der Hauptstadt mit Vertretern der Gewerkschaft Verdi."
    ents = lambda: [e.text for e in shipped_ner(text).ents]
    normal = ents()
    try:
        shift_out_bias(shipped_ner, 20.0)  # "no entity" is never the best action any more
        assert len(ents()) > len(normal)
        shift_out_bias(shipped_ner, -40.0)  # now it always is
        assert ents() == []
    finally:
        shift_out_bias(shipped_ner, 20.0)
    assert ents() == normal


def test_out_bias_needs_a_trained_ner():
    import spacy

    from geonews_nlp.training.calibrate import shift_out_bias

    with pytest.raises(KeyError):
        shift_out_bias(spacy.blank("de"), 0.5)


def test_shipped_model_reads_the_gazetteer_features(shipped_ner, monkeypatch):
    """0.6.0 on: the embedding tags each token from the shipped gazetteers (docs/gazetteers.md)."""
    from geonews_nlp import ml

    seen = []

    def counting(self, doc):
        column = real(self, doc)
        seen.append((doc.text, self.lang, int((column != 0).sum())))
        return column

    real = ml._Tagger.__call__
    monkeypatch.setattr(ml._Tagger, "__call__", counting)
    shipped_ner("Die Delegation reiste von Berlin nach Kiew.")
    assert seen == [("Die Delegation reiste von Berlin nach Kiew.", "de", 2)]
