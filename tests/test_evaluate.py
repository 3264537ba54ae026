"""Scoring: span matching by overlap, each span used once, best overlap first."""

from __future__ import annotations

from geonews_nlp.evaluate import TroopScores, match_spans


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
