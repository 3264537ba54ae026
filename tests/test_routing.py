"""lang="auto": each text goes to the pipeline of its language, results in input order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import geonews_nlp
from geonews_nlp.lang import registry

GERMAN = "Nordkorea hat 1.500 Soldaten nach Russland verlegt."
ENGLISH = "North Korea has sent some 10,000 troops to train in Russia."
FRENCH = "La France envoie des soldats supplémentaires en Roumanie cette semaine."

pytestmark = pytest.mark.skipif("en" not in registry.registered(), reason="needs the English pack")


def _found(r) -> tuple:
    return ([(e.start, e.end, e.label, e.link.id if e.link else None) for e in r.entities],
            [(t.start, t.end, t.count, t.actor, t.unit) for t in r.troops])


def test_each_text_goes_to_its_language():
    de = geonews_nlp.extract(GERMAN, lang="auto", model="blank")
    en = geonews_nlp.extract(ENGLISH, lang="auto", model="blank")
    assert (de.lang, en.lang) == ("de", "en")
    assert de.lang_confidence > 0.9 and en.lang_confidence > 0.9
    assert [(t.count, t.actor) for t in en.troops] == [(10000, "KP")]
    assert _found(de) == _found(geonews_nlp.extract(GERMAN, lang="de", model="blank"))
    assert geonews_nlp.extract(GERMAN, lang="de", model="blank").lang_confidence is None  # named, not guessed


def test_a_language_without_a_pack_gets_a_warning_and_the_default():
    r = geonews_nlp.extract(FRENCH, lang="auto", model="blank")
    assert r.lang == registry.DEFAULT_LANG
    assert any("language not identified" in w for w in r.warnings)


def test_extract_many_keeps_input_order_across_languages():
    texts = [("a", GERMAN), ("b", ENGLISH), ("c", GERMAN.replace("1.500", "2.000")), ("d", ENGLISH)]
    auto = list(geonews_nlp.extract_many(texts, lang="auto", model="blank", batch_size=3))
    assert [(r.id, r.lang) for r in auto] == [("a", "de"), ("b", "en"), ("c", "de"), ("d", "en")]
    for r, (doc_id, text) in zip(auto, texts):
        alone = geonews_nlp.extract(text, lang=r.lang, model="blank")
        assert _found(r) == _found(alone), doc_id


def test_a_mixed_folder_equals_each_language_annotated_alone(tmp_path: Path):
    from geonews_nlp.batch import JobSettings, annotate_folder

    folder = {"de": tmp_path / "in" / "de", "en": tmp_path / "in" / "en"}
    for lang, text in (("de", GERMAN), ("en", ENGLISH)):
        folder[lang].mkdir(parents=True)
        for n in range(2):
            (folder[lang] / f"{n}.txt").write_text(text.replace("1", str(n + 2)), encoding="utf-8")
    mixed: list[dict] = []
    annotate_folder(tmp_path / "in", tmp_path / "auto.jsonl", JobSettings(lang="auto", model="blank"),
                    progress=False, on_result=mixed.append)
    alone: list[dict] = []
    for lang in ("de", "en"):
        annotate_folder(folder[lang], tmp_path / f"{lang}.jsonl", JobSettings(lang=lang, model="blank"),
                        progress=False, on_result=alone.append)

    def key(r: dict) -> str:
        return json.dumps([r["lang"], r["entities"], r["troops"]], sort_keys=True)

    assert len(mixed) == 4 and sorted(map(key, mixed)) == sorted(map(key, alone))
    assert {r["lang"] for r in mixed} == {"de", "en"}
