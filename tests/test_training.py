"""Training-data helpers: mention replacement keeps every sentence well-formed."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from geonews_nlp.training.augment import mention_pool, replace_mentions, spans

SENTENCES = [
    (["Angela", "Merkel", "besuchte", "Paris", "."], ["B-PER", "I-PER", "O", "B-LOC", "O"]),
    (["Die", "Deutsche", "Bahn", "fährt", "nach", "Bad", "Hersfeld"], ["O", "B-ORG", "I-ORG", "O", "O", "B-LOC", "I-LOC"]),
    (["Godesberg", "Bahnhof", ".", "liegt"], ["B-LOC", "I-LOC", "I-LOC", "O"]),  # silver noise
]


def test_spans_read_bio_and_stray_inside_tags():
    assert spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]


def test_pool_holds_distinct_clean_mentions_per_label():
    pool = mention_pool(SENTENCES + SENTENCES[:1])
    assert pool == {"PER": [("Angela", "Merkel")], "ORG": [("Deutsche", "Bahn")],
                    "LOC": [("Paris",), ("Bad", "Hersfeld")]}


def test_replacement_swaps_names_and_keeps_context():
    pool = {"PER": [("Olaf", "Scholz")], "ORG": [("NATO",)], "LOC": [("Kiew",)]}
    toks, tags = replace_mentions(SENTENCES[0], pool, random.Random(0))
    assert toks == ["Olaf", "Scholz", "besuchte", "Kiew", "."]
    assert tags == ["B-PER", "I-PER", "O", "B-LOC", "O"]
    toks, tags = replace_mentions(SENTENCES[1], {"PER": [], "ORG": [], "LOC": []}, random.Random(0))
    assert (toks, tags) == SENTENCES[1]  # nothing to draw from: the names stay


words = st.sampled_from(["der", "Mann", "in", "Berlin", "X", ","])
labels = st.sampled_from(["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"])


@given(st.lists(st.tuples(words, labels), min_size=1, max_size=12), st.integers(0, 2**16))
def test_replacement_is_well_formed(pairs, seed):
    sentence = ([w for w, _ in pairs], [t for _, t in pairs])
    pool = mention_pool(SENTENCES)
    toks, tags = replace_mentions(sentence, pool, random.Random(seed))
    assert len(toks) == len(tags)
    before, after = spans(sentence[1]), spans(tags)
    assert [label for *_, label in after] == [label for *_, label in before]  # same entities, same order
    for (_, _, label), (s, e, _) in zip(before, after):
        assert tuple(toks[s:e]) in pool[label]
        assert tags[s] == f"B-{label}" and all(t == f"I-{label}" for t in tags[s + 1:e])
    # the words outside the entities are untouched, in order
    outside = [w for w, t in zip(*sentence) if t == "O"]
    assert [w for w, t in zip(toks, tags) if t == "O"] == outside
