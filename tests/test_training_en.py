"""English NER training data: WikiGold's documents and split, WNUT-17's types, and the shipped English model.

The reader tests write their own few lines; the split test needs ``../shared`` and skips without it."""

from __future__ import annotations

import pytest

from geonews_nlp import pipeline
from geonews_nlp.training.corpora import WNUT_MAP, corpora, read_conll, read_wikigold_docs


def test_wikigold_documents_iob1_and_misc(tmp_path):
    path = tmp_path / "wikigold.conll.txt"
    path.write_text("010 I-MISC\nis O\nby O\nThe I-ORG\nMad I-ORG\n\nJohn I-PER\nSmith I-PER\nmet O\n"
                    "Jane I-PER\n\n-DOCSTART- O\n\nParis I-LOC\nFrance I-LOC\n. O\n", encoding="utf-8")
    docs = read_wikigold_docs(path)
    assert len(docs) == 2 and [len(d) for d in docs] == [2, 1]
    assert docs[0][0] == (["010", "is", "by", "The", "Mad"], ["O", "O", "O", "B-ORG", "I-ORG"])
    assert docs[0][1][1] == ["B-PER", "I-PER", "O", "B-PER"]
    # IOB1 cannot tell two adjacent places apart: one span, as the gold file means it
    assert docs[1][0][1] == ["B-LOC", "I-LOC", "O"]


def test_wnut_types_map_to_per_org_loc(tmp_path):
    path = tmp_path / "wnut.conll"
    path.write_text("Mary\tB-person\nat\tO\nGoogle\tB-corporation\nwith\tO\nColdplay\tB-group\nin\tO\n"
                    "LA\tB-location\nwatching\tO\nStar\tB-creative-work\nWars\tI-creative-work\n"
                    "on\tO\niPhone\tB-product\n", encoding="utf-8")
    ((toks, tags),) = read_conll(path, sep="\t", table=WNUT_MAP)
    assert [t for t, g in zip(toks, tags) if g != "O"] == ["Mary", "Google", "Coldplay", "LA"]
    assert [g for g in tags if g != "O"] == ["B-PER", "B-ORG", "B-ORG", "B-LOC"]


def test_silver_country_abbreviations_become_places():
    from geonews_nlp.training.corpora import abbreviations_as_places

    sents = [(["U.S.", "officials", "met", "UK", "and", "US", "Army"], ["O", "O", "O", "O", "O", "B-ORG", "I-ORG"])]
    ((_, tags),) = abbreviations_as_places(iter(sents))
    assert tags == ["B-LOC", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG"]


def test_line_breaks_join_sentences_with_an_outside_token():
    import random

    from geonews_nlp.training.prepare import join_with_line_breaks

    sents = [([f"W{i}"], ["B-PER"]) for i in range(200)]
    joined = join_with_line_breaks(sents, 0.5, random.Random(0))
    pairs = [s for s in joined if len(s[0]) == 3]
    assert pairs and all(t[1] in ("\n", "\n\n") and g == ["B-PER", "O", "B-PER"] for t, g in pairs)
    assert [w for t, _ in joined for w in t if w.startswith("W")] == [f"W{i}" for i in range(200)]
    assert join_with_line_breaks(sents, 0.0, random.Random(0)) == sents


def test_corpora_by_language():
    from pathlib import Path

    assert set(corpora(Path("nowhere"), "en")) == {"silver", "silver_loc", "wnut", "wikiann"}
    assert "germeval" not in corpora(Path("nowhere"), "en") and "mobie" in corpora(Path("nowhere"))
    with pytest.raises(ValueError, match="no NER corpora"):
        corpora(Path("nowhere"), "fr")


def test_prepare_refuses_an_unknown_language_or_corpus(tmp_path):
    from geonews_nlp.training.prepare import prepare

    with pytest.raises(ValueError, match="no gold NER corpus"):
        prepare(tmp_path, tmp_path / "out", lang="fr")
    with pytest.raises(ValueError, match="unknown corpus germeval.*known: wikigold"):
        prepare(tmp_path, tmp_path / "out", {"germeval": None}, lang="en")
    assert not (tmp_path / "out").exists()


def test_wikigold_split_is_fixed_and_held_out(shared, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    from geonews_nlp.training.prepare import gold_split, prepare

    if not (shared / "data" / "ner" / "wikigold_en").is_dir():
        pytest.skip("WikiGold is not in ../shared")
    train, tune, heldout = gold_split(shared / "data", "en")
    assert (len(train), len(tune), len(heldout)) == (1036, 205, 455)
    counts = prepare(shared / "data", tmp_path / "out", {"wikigold": None}, germeval_repeat=1, lang="en")
    assert counts["tune"] == 205 and counts["heldout"] == 455 and counts["wikigold"] <= 1036
    vocab = spacy.blank("en").vocab
    trained = {d.text for d in DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(vocab)}
    assert not trained & {" ".join(t) + " " for t, _ in tune + heldout}
    conll = (tmp_path / "out" / "heldout.conll").read_text(encoding="utf-8")
    assert conll.count("\n\n") == 455


def test_english_resolves_to_the_shipped_model_without_en_core_web(monkeypatch):
    monkeypatch.delenv(pipeline.ENV_VAR, raising=False)
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: False)
    if pipeline.shipped_model_path("en") is None:
        pytest.skip("no shipped English model in this build")
    choice = pipeline.resolve_base("en")
    assert choice.origin == "shipped" and choice.name == "en_geonews_ner"
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: name == "en_core_web_sm")
    assert pipeline.resolve_base("en").origin == "installed"
    monkeypatch.setenv(pipeline.ENV_VAR, "blank")
    assert pipeline.resolve_base("en").origin == "env"


@pytest.fixture(scope="module")
def shipped_en():
    path = pipeline.shipped_model_path("en")
    if path is None:
        pytest.skip("no shipped English model in this build")
    return pipeline.load("en", str(path))


@pytest.mark.parametrize("text,expected", [
    ("North Korea has sent some 10,000 troops to Russia, Ukraine's President Volodymyr Zelensky said.",
     {("LOC", "North Korea"), ("LOC", "Russia")}),
    ("The United Nations said on Monday that its staff had left Gaza.", {("ORG", "United Nations"), ("LOC", "Gaza")}),
])
def test_shipped_english_model_on_clear_sentences(shipped_en, text, expected):
    from conftest import ents_of

    doc = shipped_en(text)
    found = {(label, text[s:e]) for s, e, label, _, _ in ents_of(doc)}
    assert expected <= found


def test_shipped_english_model_pins_its_language_and_gazetteers():
    from thinc.api import Config

    path = pipeline.shipped_model_path("en")
    if path is None:
        pytest.skip("no shipped English model in this build")
    config = Config().from_disk(path / "config.cfg", interpolate=False)
    embed = config["components"]["tok2vec"]["model"]["embed"]
    assert config["nlp"]["lang"] == "en" and embed["lang"] == "en"
    assert not embed["gazetteer_rows"] or embed["gazetteer_hash"]
    assert all(v is None for v in config["paths"].values())
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    assert size <= 40_000_000
