"""Scores against gold files (docs/troop-figures.md, "Scores"): pure functions over dicts."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Errors, InputError

ATTRIBUTES = ("qualifier", "unit", "unit_count", "actor", "kind")


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    """Gold documents, one JSON object a line; a bad line names the file and line."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(Errors.E004.format(path=path, line=n, error=e)) from None
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                raise InputError(Errors.E004.format(path=path, line=n, error="no 'text' string"))
            doc.setdefault("id", f"line-{n}")
            yield doc


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match_spans(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of overlapping spans, each used once, best overlap first."""
    cands = sorted(((_overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                    if _overlap(g, p) > 0), key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def same_value(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g.get("count") is None and p.get("count") is None:
        return g.get("unit_count") == p.get("unit_count")
    return g.get("count") == p.get("count")


def _f1(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# The spec: "a mission's soldiers take the mission's short name or its parent organisation (KFOR, ISAF →
# NATO; UNIFIL, MINUSMA, MONUSCO → UN; ATMIS, AMISOM → AU; EUFOR → EU); both are scored as the parent"
MISSION_PARENTS = {"KFOR": "NATO", "ISAF": "NATO", "UNIFIL": "UN", "MINUSMA": "UN", "MONUSCO": "UN", "MINUSCA": "UN",
                   "UNMISS": "UN", "UNDOF": "UN", "UNFICYP": "UN", "ATMIS": "AU", "AMISOM": "AU", "EUFOR": "EU"}


def scored_actor(actor: str | None) -> str | None:
    """The actor as scored: a mission counts as its parent organisation."""
    return MISSION_PARENTS.get(actor, actor) if actor else actor


@dataclass
class TroopScores:
    n_gold: int = 0
    n_pred: int = 0
    span_tp: int = 0
    value_tp: int = 0
    attr_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    matched: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, doc_id: str, text: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> None:
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        pairs = match_spans(gold, pred)
        mg = {gi for gi, _ in pairs}
        mp = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            self.span_tp += 1
            self.matched += 1
            if same_value(g, p):
                self.value_tp += 1
            wrong = []
            for a in ATTRIBUTES:
                if g.get(a) == p.get(a) or a == "actor" and scored_actor(g.get(a)) == scored_actor(p.get(a)):
                    self.attr_correct[a] += 1
                else:
                    wrong.append(f"{a}: gold {g.get(a)!r}, got {p.get(a)!r}")
            if not same_value(g, p):
                wrong.insert(0, f"count: gold {g.get('count')!r}, got {p.get('count')!r}")
            if wrong:
                self.errors.append({"id": doc_id, "type": "mismatch", "text": g["text"], "pred": p["text"],
                                    "details": wrong, "context": _context(text, g)})
        for gi, g in enumerate(gold):
            if gi not in mg:
                self.errors.append({"id": doc_id, "type": "miss", "text": g["text"], "context": _context(text, g)})
        for pi, p in enumerate(pred):
            if pi not in mp:
                self.errors.append({"id": doc_id, "type": "false_alarm", "text": p["text"],
                                    "context": _context(text, p)})

    def summary(self) -> dict[str, Any]:
        sp, sr, sf = _f1(self.span_tp, self.n_gold, self.n_pred)
        vp, vr, vf = _f1(self.value_tp, self.n_gold, self.n_pred)
        acc = {a: (self.attr_correct[a] / self.matched if self.matched else 0.0) for a in ATTRIBUTES}
        return {"gold": self.n_gold, "predicted": self.n_pred, "matched": self.matched,
                "span": {"precision": sp, "recall": sr, "f1": sf},
                "value": {"precision": vp, "recall": vr, "f1": vf}, "accuracy": acc}


def _context(text: str, span: dict[str, Any], width: int = 80) -> str:
    lo = max(0, text.rfind("\n", 0, span["start"]) + 1, span["start"] - width)
    hi = text.find("\n", span["end"])
    hi = min(len(text) if hi < 0 else hi, span["end"] + width)
    return text[lo:span["start"]] + "[[" + text[span["start"]:span["end"]] + "]]" + text[span["end"]:hi]


def score_troops(docs: Iterable[dict[str, Any]], predict) -> TroopScores:
    """``predict(text) -> list of figure dicts``; gold figures under each doc's ``troops``."""
    scores = TroopScores()
    for doc in docs:
        scores.add(doc["id"], doc["text"], list(doc.get("troops") or []), predict(doc["text"]))
    return scores


def format_troop_summary(s: dict[str, Any]) -> str:
    lines = [f"documents' figures: gold {s['gold']}, predicted {s['predicted']}, matched {s['matched']}",
             f"{'':10}{'precision':>10}{'recall':>10}{'f1':>10}"]
    for k in ("span", "value"):
        lines.append(f"{k:10}{s[k]['precision']:10.3f}{s[k]['recall']:10.3f}{s[k]['f1']:10.3f}")
    lines.append("attribute accuracy over matched figures:")
    for a, v in s["accuracy"].items():
        lines.append(f"  {a:12}{v:.3f}")
    return "\n".join(lines)


# --- NER: exact span match on gold tokenisation -------------------------------------------------

NER_LABELS = ("PER", "ORG", "LOC")


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, label) token spans of IOB2 tags."""
    spans: set[tuple[int, int, str]] = set()
    start: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            spans.add((start, i, label))
            start, label = None, ""
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def bootstrap_f1(rows: list[tuple[int, int, int]], n: int = 1000, seed: int = 0,
                 level: float = 0.95) -> tuple[float, float]:
    """A percentile bootstrap interval of micro F1 over items (sentences or documents).

    ``rows`` holds one (true positives, gold, predicted) count per item; the items are drawn again
    with replacement ``n`` times. On a few hundred sentences the interval is several points wide:
    wider than most differences between two training recipes (docs/model-card.md)."""
    import numpy as np

    if n < 1:
        raise ValueError("n must be at least 1")
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    if not rows:
        return 0.0, 0.0
    counts = np.asarray(rows, dtype=np.int64)
    draws = np.random.default_rng(seed).integers(0, len(rows), size=(n, len(rows)))
    tp, n_gold, n_pred = (counts[draws, k].sum(axis=1) for k in range(3))
    denom = n_gold + n_pred  # F1 = 2 tp / (gold + predicted)
    f1 = np.divide(2 * tp, denom, out=np.zeros(n), where=denom > 0)
    lo, hi = np.quantile(f1, [(1 - level) / 2, (1 + level) / 2])
    return float(lo), float(hi)


@dataclass
class NerScores:
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(NER_LABELS, 0))
    n_gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(NER_LABELS, 0))
    n_pred: dict[str, int] = field(default_factory=lambda: dict.fromkeys(NER_LABELS, 0))
    rows: list[tuple[int, int, int]] = field(default_factory=list)  # per item, for bootstrap_f1

    def add(self, gold: set[tuple[int, int, str]], pred: set[tuple[int, int, str]]) -> None:
        for s in gold:
            self.n_gold[s[2]] += 1
        for s in pred:
            self.n_pred[s[2]] += 1
        for s in gold & pred:
            self.tp[s[2]] += 1
        self.rows.append((len(gold & pred), len(gold), len(pred)))

    def summary(self) -> dict[str, dict[str, float]]:
        out = {}
        for label in NER_LABELS:
            p, r, f = _f1(self.tp[label], self.n_gold[label], self.n_pred[label])
            out[label] = {"precision": p, "recall": r, "f1": f, "support": self.n_gold[label]}
        p, r, f = _f1(sum(self.tp.values()), sum(self.n_gold.values()), sum(self.n_pred.values()))
        out["ALL"] = {"precision": p, "recall": r, "f1": f, "support": sum(self.n_gold.values())}
        return out


def ner_errors(gold: set[tuple[int, int, str]], pred: set[tuple[int, int, str]]
               ) -> list[tuple[str, tuple[int, int, str], list[tuple[int, int, str]]]]:
    """Each wrong span of one item as (kind, span, the other side's overlapping spans), in order.

    A gold span no prediction overlaps is ``missed``; one predicted with the same bounds but
    another label is ``type``; one overlapped otherwise is ``boundary``. A prediction that
    overlaps no gold span is ``spurious``. (A wrong prediction that overlaps a gold span is
    counted once, with that gold span.)"""
    out = []
    for g in sorted(gold - pred):
        over = sorted(p for p in pred if p[0] < g[1] and g[0] < p[1])
        kind = "missed" if not over else "type" if any(p[:2] == g[:2] for p in over) else "boundary"
        out.append((kind, g, over))
    for p in sorted(pred - gold):
        if not any(g[0] < p[1] and p[0] < g[1] for g in gold):
            out.append(("spurious", p, []))
    return sorted(out, key=lambda e: e[1][:2])


def score_ner(sentences: Iterable[tuple[list[str], list[str]]], predict) -> NerScores:
    """``predict(words) -> set of (start, end, label)`` token spans over the gold words."""
    scores = NerScores()
    for words, tags in sentences:
        gold = {s for s in bio_spans(tags) if s[2] in NER_LABELS}
        scores.add(gold, {s for s in predict(words) if s[2] in NER_LABELS})
    return scores


def format_ner_summary(s: dict[str, dict[str, float]]) -> str:
    lines = [f"{'label':8}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}"]
    for label, v in s.items():
        lines.append(f"{label:8}{v['precision']:10.3f}{v['recall']:10.3f}{v['f1']:10.3f}{int(v['support']):9d}")
    return "\n".join(lines)


# --- Links: gold entities with a Wikidata id or an English name ----------------------------------


def link_is_right(gold: dict[str, Any], link: dict[str, Any] | None) -> bool:
    """Right when the QIDs agree, or (where either side has no QID) the English names do."""
    if not link:
        return False
    qid = gold.get("qid")
    if qid and str(link.get("id", "")).startswith("Q"):
        return link["id"] == qid
    name = (gold.get("name") or "").casefold()
    return bool(name) and name == str(link.get("name", "")).casefold()


def kept_name_is_right(gold: dict[str, Any], pred: dict[str, Any],
                       known: Callable[[dict[str, Any]], bool] | None = None) -> bool:
    """An entity that no knowledge base holds is right when it is left unlinked and keeps its name:
    its canonical name (else its text) is the gold name. A gold mention without a QID is not
    enough to say that no knowledge base holds it (gold files leave QIDs out of well-known names):
    ``known(gold)`` says whether the project's own knowledge base has an entry under its name, and
    such an entity must be linked."""
    if gold.get("qid") or pred.get("link") or (known is not None and known(gold)):
        return False
    name = (gold.get("name") or "").casefold()
    return bool(name) and name == str(pred.get("canonical") or pred.get("text") or "").casefold()


LINK_ERROR_KINDS = ("not found", "nil", "wrong")  # no entity over the mention / found, no link / wrong link


@dataclass
class LinkScores:
    """Links of gold mentions (with a QID or an English name). ``right`` counts a link to the gold
    entry and an unlinked entity that no knowledge base holds and that keeps its name; ``accuracy``
    (right over all gold mentions) is the figure the issues quote; misses are kept by kind."""

    gold: int = 0  # gold mentions with a qid or a name
    found: int = 0  # of those, overlapped by a predicted entity
    right: int = 0
    kept_names: int = 0  # of ``right``: unlinked, no knowledge base holds them, name kept
    errors: list[dict[str, Any]] = field(default_factory=list)
    known: Callable[[dict[str, Any]], bool] | None = None  # the knowledge base has the gold entity

    def add(self, doc_id: str, text: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> None:
        gold = [g for g in gold if g.get("qid") or g.get("name")]
        self.gold += len(gold)
        matched: set[int] = set()
        for gi, pi in match_spans(gold, pred):
            g, p = gold[gi], pred[pi]
            matched.add(gi)
            self.found += 1
            if link_is_right(g, p.get("link")):
                self.right += 1
            elif kept_name_is_right(g, p, self.known):
                self.right += 1
                self.kept_names += 1
            else:
                link = p.get("link")
                self.errors.append({"kind": "wrong" if link else "nil", "id": doc_id, "text": g["text"],
                                    "gold": f"{g.get('qid')} {g.get('name')}",
                                    "got": f"{link['id']} {link['name']} ({link['method']})" if link
                                    else f"no link (name {p.get('canonical') or p.get('text')!r})",
                                    "context": _context(text, g)})
        for gi, g in enumerate(gold):
            if gi not in matched:
                self.errors.append({"kind": "not found", "id": doc_id, "text": g["text"],
                                    "gold": f"{g.get('qid')} {g.get('name')}", "got": "no entity",
                                    "context": _context(text, g)})

    def summary(self) -> dict[str, Any]:
        kinds = {k: sum(e["kind"] == k for e in self.errors) for k in LINK_ERROR_KINDS}
        return {"gold_mentions": self.gold, "found": self.found, "linked_right": self.right,
                "kept_names": self.kept_names, "accuracy": self.right / self.gold if self.gold else 0.0,
                "accuracy_links_only": (self.right - self.kept_names) / self.gold if self.gold else 0.0,
                "accuracy_on_found": self.right / self.found if self.found else 0.0,
                "recall": self.right / self.gold if self.gold else 0.0, "misses": kinds}
