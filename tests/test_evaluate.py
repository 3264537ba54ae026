"""Scoring: span matching by overlap, each span used once, best overlap first."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geonews_nlp.evaluate import NerScores, TroopScores, bootstrap_f1, match_spans


def span(s, e, **kw):
    return {"start": s, "end": e, "text": "x" * (e - s), **kw}


def test_best_overlap_first_each_used_once():
    gold = [span(0, 10), span(8, 20)]
    pred = [span(9, 20)]
    assert match_spans(gold, pred) == [(1, 0)]


def test_value_needs_count_or_unit_count():
    s = TroopScores()
    s.add("d", "t" * 40, [span(0, 10, count=5, unit_count=None), span(20, 30, count=None, unit_count=2)],
          [span(0, 10, count=6, unit_count=None), span(20, 30, count=None, unit_count=2)])
    out = s.summary()
    assert out["span"]["f1"] == 1.0 and out["value"]["f1"] == 0.5


def test_shared_dev_scores_are_sane(shared):
    from geonews_nlp.api import extract
    from geonews_nlp.evaluate import read_gold, score_troops

    docs = list(read_gold(shared / "eval" / "troops_dev.jsonl"))
    s = score_troops(docs, lambda t: [f.model_dump() for f in extract(t).troops]).summary()
    assert s["value"]["f1"] >= 0.9 and s["accuracy"]["actor"] >= 0.85


# --- bootstrap interval of NER F1 ----------------------------------------------------------------

@st.composite
def item_counts(draw):
    n_gold = draw(st.integers(0, 6))
    n_pred = draw(st.integers(0, 6))
    return draw(st.integers(0, min(n_gold, n_pred))), n_gold, n_pred


@settings(max_examples=60, deadline=None)
@given(st.lists(item_counts(), min_size=1, max_size=40), st.integers(0, 2**16))
def test_bootstrap_interval_is_ordered_within_0_1_and_repeatable(rows, seed):
    lo, hi = bootstrap_f1(rows, n=200, seed=seed)
    assert 0.0 <= lo <= hi <= 1.0
    assert bootstrap_f1(rows, n=200, seed=seed) == (lo, hi)


@settings(max_examples=30, deadline=None)
@given(item_counts(), st.integers(1, 30))
def test_identical_items_give_a_point_interval_at_the_f1(row, k):
    tp, n_gold, n_pred = row
    f1 = 2 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0
    lo, hi = bootstrap_f1([row] * k, n=100)
    assert lo == pytest.approx(f1) and hi == pytest.approx(f1)


def test_bootstrap_interval_narrows_with_more_items_and_holds_the_f1():
    rows = [(1, 1, 1), (0, 1, 1), (1, 2, 1), (2, 2, 2)]  # F1 = 8 / 11
    small = bootstrap_f1(rows * 5, n=2000)
    large = bootstrap_f1(rows * 100, n=2000)
    assert small[0] <= 8 / 11 <= small[1] and large[0] <= 8 / 11 <= large[1]
    assert large[1] - large[0] < (small[1] - small[0]) / 2


def test_ner_scores_keep_one_row_per_item():
    s = NerScores()
    s.add({(0, 1, "PER"), (2, 3, "LOC")}, {(0, 1, "PER"), (4, 5, "ORG")})
    s.add(set(), {(0, 2, "LOC")})
    assert s.rows == [(1, 2, 2), (0, 0, 1)]


def test_bootstrap_rejects_bad_arguments():
    with pytest.raises(ValueError):
        bootstrap_f1([(1, 1, 1)], n=0)
    with pytest.raises(ValueError):
        bootstrap_f1([(1, 1, 1)], level=1.0)


spans = st.tuples(st.integers(0, 12), st.integers(1, 4), st.sampled_from(["PER", "ORG", "LOC"])).map(
    lambda t: (t[0], t[0] + t[1], t[2]))


@given(st.sets(spans, max_size=6), st.sets(spans, max_size=6))
def test_every_wrong_gold_span_is_listed_once_and_spurious_ones_overlap_no_gold(gold, pred):
    from geonews_nlp.evaluate import ner_errors

    errs = ner_errors(gold, pred)
    wrong_gold = [span for kind, span, _ in errs if kind != "spurious"]
    assert sorted(wrong_gold) == sorted(gold - pred)
    for kind, span, other in errs:
        if kind == "spurious":
            assert span in pred and not any(g[0] < span[1] and span[0] < g[1] for g in gold)
        elif kind == "missed":
            assert other == []
        elif kind == "type":
            assert any(o[:2] == span[:2] and o[2] != span[2] for o in other)
        else:
            assert other and not any(o[:2] == span[:2] for o in other)


def test_ner_error_kinds_on_an_example():
    from geonews_nlp.evaluate import ner_errors

    gold = {(0, 2, "PER"), (4, 5, "LOC"), (7, 9, "ORG"), (11, 12, "LOC")}
    pred = {(0, 2, "PER"), (4, 5, "ORG"), (7, 8, "ORG"), (13, 14, "PER")}
    assert [(k, s) for k, s, _ in ner_errors(gold, pred)] == [
        ("type", (4, 5, "LOC")), ("boundary", (7, 9, "ORG")), ("missed", (11, 12, "LOC")), ("spurious", (13, 14, "PER"))]


def test_links_count_an_unknown_entity_right_when_it_keeps_its_name():
    from geonews_nlp.evaluate import LinkScores

    text = "Oberst Anna Beispiel sprach in Berlin mit Hans Muster."
    gold = [{"start": 7, "end": 20, "text": "Anna Beispiel", "label": "PER", "qid": None, "name": "Anna Beispiel"},
            {"start": 31, "end": 37, "text": "Berlin", "label": "LOC", "qid": "Q64", "name": "Berlin"},
            {"start": 42, "end": 53, "text": "Hans Muster", "label": "PER", "qid": None, "name": "Johann Muster"}]
    pred = [{"start": 7, "end": 20, "text": "Anna Beispiel", "label": "PER", "link": None,
             "canonical": "Anna Beispiel"},
            {"start": 31, "end": 37, "text": "Berlin", "label": "LOC", "canonical": "Berlin",
             "link": {"id": "Q1055", "name": "Hamburg", "method": "fuzzy"}}]
    s = LinkScores()
    s.add("d1", text, gold, pred)
    summary = s.summary()
    assert (summary["gold_mentions"], summary["found"], summary["linked_right"], summary["kept_names"]) == (3, 2, 1, 1)
    assert summary["misses"] == {"not found": 1, "nil": 0, "wrong": 1}
    assert {e["kind"] for e in s.errors} == {"not found", "wrong"}


def test_a_known_entity_left_unlinked_is_a_nil_miss_even_with_its_name():
    from geonews_nlp.evaluate import LinkScores

    gold = [{"start": 0, "end": 6, "text": "Berlin", "label": "LOC", "qid": "Q64", "name": "Berlin"}]
    pred = [{"start": 0, "end": 6, "text": "Berlin", "label": "LOC", "link": None, "canonical": "Berlin"}]
    s = LinkScores()
    s.add("d1", "Berlin.", gold, pred)
    assert s.right == 0 and s.errors[0]["kind"] == "nil"


def test_an_entity_the_knowledge_base_holds_gets_no_credit_for_a_kept_name():
    from geonews_nlp.evaluate import LinkScores

    gold = [{"start": 4, "end": 14, "text": "Bundeswehr", "label": "ORG", "qid": None, "name": "Bundeswehr"}]
    pred = [{"start": 4, "end": 14, "text": "Bundeswehr", "label": "ORG", "link": None, "canonical": "Bundeswehr"}]
    lenient, strict = LinkScores(), LinkScores(known=lambda g: g["name"] == "Bundeswehr")
    lenient.add("d1", "Die Bundeswehr übt.", gold, pred)
    strict.add("d1", "Die Bundeswehr übt.", gold, pred)
    assert (lenient.right, lenient.kept_names) == (1, 1)
    assert (strict.right, strict.kept_names) == (0, 0) and strict.errors[0]["kind"] == "nil"
    assert strict.summary()["accuracy_links_only"] == 0.0


def test_a_mission_is_scored_as_its_parent_organisation():
    def fig(actor):
        return {"start": 0, "end": 11, "text": "500 Soldaten", "count": 500, "unit": "personnel", "actor": actor}
    s = TroopScores()
    for gold, pred in [("KFOR", "NATO"), ("EU", "EUFOR"), ("UN", "UNIFIL"), ("NATO", "UN"), ("DE", "AT"), (None, "KFOR")]:
        s.add("d", "500 Soldaten", [fig(gold)], [fig(pred)])
    assert s.attr_correct["actor"] == 3 and s.matched == 6
