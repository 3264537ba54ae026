"""The reference of issue 22's speed ratio: spaCy's own efficiency NER preset, built in-process.

No timings here (the machine is shared and noisy): only that the reference builds, runs and is the
preset the issue names, and that the report's Markdown comes out of a result.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import reference


@pytest.fixture(scope="module")
def ref_de():
    return reference.reference_pipeline("de")


def test_reference_is_the_efficiency_preset(ref_de):
    assert ref_de.lang == "de"
    assert ref_de.pipe_names == ["tok2vec", "ner"]
    assert reference.tok2vec_width(ref_de) == 96
    cfg = ref_de.config["components"]
    assert cfg["tok2vec"]["model"]["encode"]["width"] == 96
    assert cfg["tok2vec"]["model"]["embed"]["include_static_vectors"] is False
    assert ref_de.vocab.vectors.shape[0] == 0  # no download, no vectors
    assert set(ref_de.get_pipe("ner").labels) == {"PER", "LOC", "ORG"}


def test_reference_processes_a_sentence(ref_de):
    doc = ref_de("Die Bundeswehr verlegt 4800 Soldaten nach Litauen.")
    assert len(doc) == 8
    assert doc.tensor.shape == (8, 96)
    staged = reference.staged(ref_de, ["Nordkorea schickt Soldaten nach Russland.", "Berlin."])
    assert list(staged) == ["tokenizer", "tok2vec", "ner"]


def test_report_lines_from_a_result():
    row = {"set": "generated German", "source": "`bench/corpus.py`, 2 documents", "lang": "de", "words": 100,
           "docs": 2, "width": 96, "model": "spaCy efficiency preset", "ratio_range": [1.0, 1.0], "cpu_ratio": 1.0}
    r = {"rows": [{**row, "pipeline": "reference", "best_s": 0.01, "ratio": 1.0, "median_ratio": 1.0},
                  {**row, "pipeline": "shipped NER alone", "best_s": 0.02, "ratio": 2.0, "median_ratio": 2.1,
                   "width": 160, "model": "de_geonews_ner 0.6.0"},
                  {**row, "pipeline": "full geonews pipeline", "best_s": 0.03, "ratio": 3.0, "median_ratio": 3.1, "cpu_ratio": 2.9,
                   "width": 160, "model": "de_geonews_ner 0.6.0"}],
         "shares": [{"set": "generated German", "pipeline": "reference", "plain_s": 0.01, "staged_s": 0.01, "ours": [],
                     "seconds": {"tokenizer": 0.001, "tok2vec": 0.006, "ner": 0.003}},
                    {"set": "generated German", "pipeline": "full", "plain_s": 0.03, "staged_s": 0.03, "ours": ["troop_figures"],
                     "seconds": {"tokenizer": 0.001, "tok2vec": 0.02, "ner": 0.005, "troop_figures": 0.004}}],
         "sizes": reference.model_sizes(), "notes": ["English troop-figure texts skipped"], "rounds": 3,
         "machine": "a CPU", "python": "3", "spacy": "3", "geonews_nlp": "0", "load_avg": [0.5, 0.7],
         "batch_size": 64}
    text = "\n".join(reference.ratio_lines(r, "`python bench/run.py --only-ratio`"))
    assert text.startswith(reference.START) and text.endswith(reference.END)
    assert "| **3.00** | 3.10 (1.00–1.00) | 2.90 | 3,333 |" in text  # ratios, then words/s
    assert "| tok2vec | 60% | 67% |" in text
    assert "de_geonews_ner" in text and "English troop-figure texts skipped." in text
