from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy
from hypothesis import settings

settings.register_profile("geonews", deadline=None, max_examples=500, derandomize=True)  # CI sees the same cases
settings.register_profile("explore", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "geonews"))

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def ents_of(doc) -> list[tuple]:
    """(start, end, label, source, link) of each entity our pipeline left in ``doc.ents``."""
    return [(e.start_char, e.end_char, e.label_, e._.geonews_source, e._.geonews_link) for e in doc.ents]


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(autouse=True)
def _no_model_env(monkeypatch):
    monkeypatch.delenv("GEONEWS_MODEL", raising=False)


@pytest.fixture(scope="session")
def kb_de():
    """The shipped gazetteers under the German pack's key rules (loaded once: they are large)."""
    from geonews_nlp.gazetteer.store import load_gazetteer
    from geonews_nlp.lang import registry

    return load_gazetteer(registry.get("de").keys, "de")


@pytest.fixture(scope="session")
def kb_en():
    """The shipped gazetteers under the English pack's key rules."""
    from geonews_nlp.gazetteer.store import load_gazetteer
    from geonews_nlp.lang import registry

    return load_gazetteer(registry.get("en").keys, "en")


@pytest.fixture(scope="session")
def blank_nlp():
    """The blank-base geonews pipeline: rules and gazetteer only, fast and model-free."""
    from geonews_nlp.pipeline import BaseChoice, assemble

    return assemble(spacy.blank("de"), BaseChoice("blank_de", "blank", None), "de")


@pytest.fixture
def troops(blank_nlp):
    """Troop figures of a text as dicts, from the blank-base pipeline."""
    from geonews_nlp.components.extensions import doc_troops

    def run(text: str) -> list[dict]:
        return doc_troops(blank_nlp(text))

    return run


@pytest.fixture
def blank_base(monkeypatch):
    """load() resolves to the blank base: fast, and independent of what is installed."""
    from geonews_nlp import pipeline

    monkeypatch.setattr(pipeline, "_is_installed", lambda name: False)
    monkeypatch.setattr(pipeline, "shipped_model_path", lambda lang: None)
    pipeline.load.cache_clear()
    yield
    pipeline.load.cache_clear()
