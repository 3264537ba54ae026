"""Gazetteer features of the NER embedding: the pure tagging and the spaCy layer that hashes it."""

from __future__ import annotations

import numpy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp.gazetteer.features import NONE, gazetteer_tags, labels_from_index
from geonews_nlp.gazetteer.keys import normalize_key
from geonews_nlp.lang import registry

DE = registry.get("de").keys

NAMES = {"berlin": {"LOC"}, "new york": {"LOC"}, "rheinmetall": {"ORG"}, "sachsen": {"LOC"},
         "mark rutte": {"PER"}, "ford": {"ORG", "PER"}}


def labels_of(text: str) -> set[str]:
    return NAMES.get(text.lower(), set())


def test_names_are_tagged_by_position_and_label():
    words = "Mark Rutte traf in New York Vertreter von Rheinmetall und Ford .".split()
    tags = dict(zip(words, gazetteer_tags(words, labels_of)))
    assert tags["Mark"] == "B-PER" and tags["Rutte"] == "I-PER"
    assert tags["New"] == "B-LOC" and tags["York"] == "I-LOC"
    assert tags["Rheinmetall"] == "B-ORG"
    assert tags["Ford"] == "B-ORG|B-PER"  # both labels, sorted
    assert tags["traf"] == tags["in"] == tags["."] == NONE


def test_genitive_of_a_one_word_name_is_marked_apart():
    assert gazetteer_tags(["Sachsens", "Regierung"], labels_of, DE) == ["G-LOC", NONE]
    assert gazetteer_tags(["Berlins"], labels_of, DE) == ["G-LOC"]
    assert gazetteer_tags(["Berlins"], labels_of) == [NONE]  # a language without a genitive rule


def test_lower_case_words_articles_and_punctuation_start_no_name():
    assert gazetteer_tags(["berlin"], labels_of) == [NONE]  # names start with a capital
    # "Die Berlin" would key as "berlin": an article is never the start of a name
    assert gazetteer_tags(["Die", "Berlin"], labels_of, DE) == [NONE, "B-LOC"]
    # a name does not run over punctuation
    assert gazetteer_tags(["New", ",", "York"], lambda t: {"LOC"} if t == "New , York" else set()) == [NONE] * 3


def test_names_longer_than_the_limit_are_not_looked_up():
    seen: list[str] = []
    gazetteer_tags("A B C D E".split(), lambda t: seen.append(t) or set(), max_words=2)
    assert max(len(t.split()) for t in seen) == 2


@given(st.lists(st.text(min_size=1, max_size=8), max_size=12))
def test_one_tag_per_word_and_only_known_shapes(words):
    tags = gazetteer_tags(words, labels_of)
    assert len(tags) == len(words)
    for tag in tags:
        assert tag == NONE or all(part[:2] in ("B-", "I-", "G-") for part in tag.split("|"))


@given(st.lists(st.sampled_from(["Berlin", "New", "York", "und", "Ford", "."]), max_size=10))
def test_tags_do_not_depend_on_words_after_the_longest_name(words):
    # appending a word that starts no name and ends none changes no earlier tag
    assert gazetteer_tags(words + ["und"], labels_of)[:-1] == gazetteer_tags(words, labels_of)


def test_labels_from_index_marks_alias_only_matches():
    canonical = {"bello": {"c1"}}
    keys = {"bello": {"c1"}, "bella": {"c1"}, "ende": {"c2", "p1"}}
    types = {"c1": "city", "c2": "city", "p1": "person"}.__getitem__
    lab = labels_from_index(canonical, keys, types, normalize_key)
    assert lab("Bello") == {"LOC"}
    assert lab("Bella") == {"LOC~"}  # another name of the place only
    assert lab("Ende") == {"LOC~", "PER~"}
    assert lab("Nirgendwo") == frozenset()


def test_embedding_layer_gives_one_vector_per_token_and_sees_the_gazetteer():
    spacy = pytest.importorskip("spacy")
    from geonews_nlp import ml

    nlp = spacy.blank("de")
    embed = ml.GazetteerHashEmbed(width=16, attrs=["NORM", "SHAPE"], rows=[100, 50], gazetteer_rows=32,
                                  include_static_vectors=False, lang="de")
    docs = [nlp("Scholz reiste nach Berlin ."), nlp("und dann")]
    embed.initialize(X=docs)
    out = embed.predict(docs)
    assert [o.shape for o in out] == [(5, 16), (2, 16)]
    column = ml._Tagger("de")(docs[0])
    assert column.dtype == numpy.uint64
    assert column[3] != 0 and column[1] == 0  # "Berlin" is a known place, "reiste" no name


def test_without_gazetteer_rows_the_layer_reads_no_gazetteer(monkeypatch):
    spacy = pytest.importorskip("spacy")
    from geonews_nlp import ml

    def fail(doc):
        raise AssertionError("the gazetteer was read")

    monkeypatch.setattr(ml._Tagger, "__call__", fail)
    nlp = spacy.blank("de")
    embed = ml.GazetteerHashEmbed(width=8, attrs=["NORM"], rows=[50], gazetteer_rows=0,
                                  include_static_vectors=False)
    docs = [nlp("Scholz in Berlin")]
    embed.initialize(X=docs)
    assert embed.predict(docs)[0].shape == (3, 8)


@pytest.mark.parametrize("rows, reads_gazetteer", [(512, True), (0, False)])
def test_the_training_config_builds_the_embedding_with_or_without_the_gazetteer(rows, reads_gazetteer):
    from pathlib import Path

    spacy = pytest.importorskip("spacy")
    import geonews_nlp.ml  # noqa: F401  (registers the architecture, as the entry point does when installed)

    cfg = Path(__file__).resolve().parents[1] / "training" / "ner.cfg"
    if not cfg.is_file():
        pytest.skip("training/ner.cfg is not in this checkout")
    config = spacy.util.load_config(cfg, overrides={"components.tok2vec.model.embed.gazetteer_rows": rows})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    extractors = [n for n in nlp.get_pipe("tok2vec").model.walk() if n.name == "extract_features_gazetteer"]
    assert len(extractors) == 1 and (extractors[0].attrs["tagger"] is not None) is reads_gazetteer


def test_gazetteer_rows_without_a_language_is_a_clear_error():
    pytest.importorskip("spacy")
    from geonews_nlp import ml
    from geonews_nlp.errors import GeonewsError

    with pytest.raises(GeonewsError, match="E012"):
        ml.GazetteerHashEmbed(width=8, attrs=["NORM"], rows=[50], gazetteer_rows=16, include_static_vectors=False)


def test_a_model_trained_on_other_gazetteers_is_warned_about(caplog):
    pytest.importorskip("spacy")
    from geonews_nlp import ml
    from geonews_nlp.gazetteer.store import content_hash, shipped_files

    with caplog.at_level("WARNING", logger="geonews_nlp"):
        ml.check_gazetteer_hash(content_hash(shipped_files()))
        assert not caplog.records
        ml.check_gazetteer_hash("0000000000000000")
    assert "W002" in caplog.text
