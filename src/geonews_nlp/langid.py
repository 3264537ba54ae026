"""Which language a text is in, among the languages that have a pack.

>>> from geonews_nlp.langid import identify
>>> identify("Nordkorea verlegt 1.500 Soldaten nach Russland", ["de", "en"]).lang
'de'

``identify(text, candidates)`` returns a :class:`LangGuess`; the caller passes the codes of the
registered language packs (``geonews_nlp.lang.registry.registered()``). Pure: no spaCy, and the
detector is loaded lazily, once a process (about one second, on the first call).

**The detector** is `py3langid <https://github.com/adbar/py3langid>`_ 0.4 (a naive-Bayes byte
n-gram model over 140 languages, BSD-3-Clause, 4.6 MB with its model, depends on numpy only).
Chosen by measurement (``bench/langid_compare.py``, table and reasons in ``docs/language-id.md``)
on 270 German and English texts written for the purpose (``tests/data/langid.jsonl``): on the
half kept for scoring it is right on 99 of 100 headlines and paragraphs, 24/24 very short items and
10/10 mixed-language paragraphs (264/270 over both halves), at 0.06 ms for a headline and 0.9 ms
for a 930-word article (about 1% of the pipeline's time on an article). fastText's lid.176.ftz was
as accurate (100/100; 262/270 overall, worse on very short items) but ships its model under
CC BY-SA in a package with a downloader, and its probabilities separate foreign text less well;
lingua (93/100, 100 MB) and CLD2/CLD3/langdetect (76-97/100) lost on accuracy; lingua is the only
one with per-span detection worth the name.

**The scores.** py3langid gives a probability over its 140 languages (calibrated for length: it
divides the log-likelihoods by the square root of the text's bytes). News given to this library
is nearly always in one of its languages, so each candidate language is given prior odds of
:data:`CANDIDATE_PRIOR` (50) to 1 against any other language, and the probabilities renormalised:

- ``scores[c]``: the probability that the text is in candidate ``c``; the candidates' sum is at most
  1, the rest being "some other language".
- ``lang``: the candidate with the highest score, or ``None`` when the candidates together score
  below :data:`MIN_CANDIDATE_MASS` (0.5: the text is more likely in another language), when the text
  has no letters (empty, digits, punctuation) or gives the model no evidence, or when no candidate is
  a language the detector knows.
- ``confidence``: ``scores[lang]`` (the best candidate's score when ``lang`` is ``None``), in [0, 1].
  Below :data:`LOW_CONFIDENCE` (0.5) the guess is uncertain: a very short text between German and
  English, or a foreign phrase of two or three words (which may pass as German or English at about
  0.5). A full French or Russian sentence scores below 0.01 for German and English; every German
  and English text of the test set keeps a candidate sum of at least 0.7.

Only the first :data:`MAX_CHARS` characters are read: enough to tell a news article's language,
and it bounds the cost of a long document. A mixed text gets the language of most of it; there is
no per-span answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = ["CANDIDATE_PRIOR", "LOW_CONFIDENCE", "MAX_CHARS", "MIN_CANDIDATE_MASS", "LangGuess", "identify"]

CANDIDATE_PRIOR = 50.0
"""Prior odds of each candidate language against any one other language the detector knows."""

MIN_CANDIDATE_MASS = 0.5
"""Below this sum of the candidates' scores the text is taken to be in none of them (``lang`` None)."""

LOW_CONFIDENCE = 0.5
"""A guess whose confidence is below this is uncertain (short text, or between two candidates)."""

MAX_CHARS = 2000
"""Characters read from the start of the text."""


@dataclass(frozen=True)
class LangGuess:
    """The language of a text among the candidates, ``None`` when it is in none of them."""

    lang: str | None
    confidence: float
    scores: dict[str, float] = field(default_factory=dict, hash=False)

    @property
    def uncertain(self) -> bool:
        """No language, or one below :data:`LOW_CONFIDENCE`."""
        return self.lang is None or self.confidence < LOW_CONFIDENCE


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(_identifier().labels)


def identify(text: str, candidates: Sequence[str]) -> LangGuess:
    """The language of ``text`` among ``candidates`` (language codes such as ``"de"``, ``"en"``).

    Never raises for a string: a text in none of the candidates, or without letters, gets
    ``lang=None``; see the module docstring for the scores and thresholds.
    """
    wanted = list(dict.fromkeys(candidates))
    nothing = LangGuess(None, 0.0, dict.fromkeys(wanted, 0.0))
    sample = text[:MAX_CHARS] if isinstance(text, str) else ""
    if not wanted or not any(ch.isalpha() for ch in sample):
        return nothing
    known = _known()
    usable = [c for c in wanted if c in known]
    if not usable:
        return nothing
    ranked: list[tuple[str, float]] = _identifier().rank(sample)
    probs = dict(ranked)
    # No feature of the model in the text: a uniform distribution (but for the labels into which
    # py3langid folds two script variants, with twice the share). A real text spreads its
    # probabilities over many orders of magnitude.
    if ranked[-1][1] > 0.0 and ranked[0][1] <= 2.0 * ranked[-1][1] * (1.0 + 1e-6):
        return nothing
    in_candidates = sum(probs[c] for c in usable)
    total = CANDIDATE_PRIOR * in_candidates + max(0.0, 1.0 - in_candidates)
    if not total > 0.0:
        return nothing
    scores = {c: (_clip(CANDIDATE_PRIOR * probs[c] / total) if c in probs else 0.0) for c in wanted}
    best = max(usable, key=lambda c: scores[c])
    if sum(scores[c] for c in usable) < MIN_CANDIDATE_MASS:
        return LangGuess(None, scores[best], scores)
    return LangGuess(best, scores[best], scores)


def _clip(value: float) -> float:
    if value != value:  # NaN
        return 0.0
    return min(1.0, max(0.0, float(value)))
