"""Ensemble distillation: the vote, the choice of raw sentences, the teachers' labels.

Raw text fixtures are a few lines written here; the teachers are the shipped model."""

from __future__ import annotations

import gzip
import itertools

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc, DocBin

from geonews_nlp.pipeline import shipped_model_path
from geonews_nlp.training.distill import NEWS, SPEECHES, WIKIPEDIA, extend, label, sample, vote


def test_vote_keeps_what_enough_models_agree_on():
    a, b, c = (0, 2, "PER"), (3, 4, "LOC"), (3, 4, "ORG")
    assert vote([[a, b], [a, c], [a, b]], 2) == [a, b]
    assert vote([[a, b], [a, c], [a, b]], 3) == [a]
    # overlapping spans: the one more models agree on wins, whatever the order of the models
    assert vote([[(0, 3, "ORG")], [(0, 2, "ORG")], [(0, 2, "ORG")]], 1) == [(0, 2, "ORG")]
    with pytest.raises(ValueError, match="at least 1"):
        vote([[a]], 0)


spans = st.tuples(st.integers(0, 12), st.integers(1, 4), st.sampled_from(["PER", "ORG", "LOC"])).map(
    lambda t: (t[0], t[0] + t[1], t[2]))


@given(st.lists(st.lists(spans, max_size=5), min_size=1, max_size=6), st.integers(1, 6))
def test_vote_properties(predictions, k):
    kept = vote(predictions, k)
    for x, y in itertools.combinations(kept, 2):
        assert x[1] <= y[0] or y[1] <= x[0], "kept spans overlap"
    for span in kept:
        assert sum(span in p for p in predictions) >= k
    assert vote(list(reversed(predictions)), k) == kept
    # a span every model gives, overlapping nothing else, is always kept
    alone = (100, 102, "PER")
    assert alone in vote([p + [alone] for p in predictions], min(k, len(predictions)))


def _write(path, lines):
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def test_sample_takes_news_and_speeches_first_then_wikipedia(tmp_path):
    _write(tmp_path / NEWS[0], ["Die Armee verlegte zwei Brigaden nach Charkiw.", "Zu kurz."])
    _write(tmp_path / NEWS[1], ["Die Armee verlegte zwei Brigaden nach Charkiw."])  # a repeat
    _write(tmp_path / SPEECHES, ["Meine Damen und Herren, ich begrüße Sie alle. Heute reden wir über Europa und die Welt."])
    _write(tmp_path / WIKIPEDIA, ["# Berlin", "== Geschichte ==", "Berlin ist die Hauptstadt von Deutschland.",
                                  "Der Satz steht im Testset der Auswertung.", "", "Die Spree fließt durch Berlin hindurch."])
    out = sample(tmp_path, 10, exclude=["Der Satz steht im Testset der  Auswertung ."])
    assert out[:3] == ["Die Armee verlegte zwei Brigaden nach Charkiw.", "Meine Damen und Herren, ich begrüße Sie alle.",
                       "Heute reden wir über Europa und die Welt."]
    assert sorted(out[3:]) == ["Berlin ist die Hauptstadt von Deutschland.", "Die Spree fließt durch Berlin hindurch."]
    assert len(sample(tmp_path, 2)) == 2


@pytest.mark.skipif(shipped_model_path("de") is None, reason="the shipped model is not in this checkout")
def test_label_keeps_the_entities_the_teachers_agree_on(tmp_path):
    teacher = str(shipped_model_path("de"))
    texts = ["Angela Merkel traf Emmanuel Macron in Paris.", "Das Wetter war gestern schön."]
    docs = label(texts, [teacher, teacher], min_votes=2)
    assert [d.text for d in docs] == texts
    assert {(e.text, e.label_) for e in docs[0].ents} >= {("Angela Merkel", "PER"), ("Paris", "LOC")}
    assert not docs[1].ents
    with pytest.raises(ValueError, match=r"between 1 and the number of teachers \(2\), not 3"):
        label(texts, [teacher, teacher], min_votes=3)

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    vocab = spacy.blank("de").vocab
    gold = Doc(vocab, words=["Ein", "Satz", "aus", "Bonn"], ents=["O", "O", "O", "B-LOC"])
    for name in ("train", "tune", "heldout"):
        DocBin(docs=[gold]).to_disk(corpus / f"{name}.spacy")
    assert extend(corpus, docs, tmp_path / "out") == 3
    train = list(DocBin().from_disk(tmp_path / "out" / "train.spacy").get_docs(vocab))
    assert sorted(d.text for d in train) == sorted(texts + ["Ein Satz aus Bonn "])
    assert (tmp_path / "out" / "heldout.spacy").read_bytes() == (corpus / "heldout.spacy").read_bytes()
    with pytest.raises(ValueError, match="another folder"):
        extend(corpus, docs, corpus)


def test_the_command_fails_early_and_clearly(tmp_path):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "geonews_nlp.training.distill", str(tmp_path), str(tmp_path / "c"),
                          str(tmp_path / "o"), str(tmp_path / "no-model"), "--min-votes", "1"],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "error: not a saved spaCy pipeline" in run.stderr and "no-model" in run.stderr
    assert "Traceback" not in run.stderr
    run = subprocess.run([sys.executable, "-m", "geonews_nlp.training.distill", str(tmp_path), str(tmp_path / "c"),
                          str(tmp_path / "o"), "a", "b", "--min-votes", "3"], capture_output=True, text=True)
    assert "between 1 and the number of teachers (2), not 3" in run.stderr
    assert not (tmp_path / "o").exists()
