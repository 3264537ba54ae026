"""The NER embedding with gazetteer features (spaCy/thinc adapter of ``gazetteer.features``).

``geonews.GazetteerHashEmbed.v1`` is spaCy's ``MultiHashEmbed.v2`` with one more hashed column: the
tag of ``gazetteer_tags`` for each token, computed from the shipped gazetteers when the model runs.
It is registered through the ``spacy_architectures`` entry point, so ``spacy.load`` finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy
from spacy.ml.staticvectors import StaticVectors
from spacy.strings import hash_string  # type: ignore[attr-defined]  # a Cython function without a stub
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array

from .errors import Errors, GeonewsError, Warnings, logger
from .gazetteer.features import NONE, gazetteer_tags, labels_from_index
from .gazetteer.store import content_hash, load_gazetteer, shipped_files
from .lang import registry as languages


class _Tagger:
    """Tags a Doc's words with the gazetteer features of one language, loading the gazetteer on first use."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._labels_of: Callable[[str], frozenset[str]] | None = None

    def __call__(self, doc: Doc) -> numpy.ndarray:
        rules = languages.get(self.lang).keys
        if self._labels_of is None:
            g = load_gazetteer(rules, self.lang)
            self._labels_of = lru_cache(maxsize=500_000)(
                labels_from_index(g.canonical, g.keys, lambda i: g.entries[i].type, g.key))
        tags = gazetteer_tags([t.text for t in doc], self._labels_of, rules)
        return numpy.asarray([0 if t == NONE else hash_string(t) for t in tags], dtype="uint64")


def _extract_forward(model: Model, docs: list[Doc], is_train: bool):
    columns, tagger = model.attrs["columns"], model.attrs["tagger"]
    out = []
    for doc in docs:
        attrs = doc.to_array(columns).reshape((len(doc), len(columns)))
        if tagger is not None:
            attrs = numpy.hstack([attrs, tagger(doc)[:, None]])
        out.append(model.ops.asarray2i(attrs, dtype="uint64"))  # type: ignore[arg-type]  # uint64 already
    return out, lambda d: []


def GazetteerFeatureExtractor(columns: list[str], lang: str | None = None) -> Model:
    tagger = _Tagger(lang) if lang else None
    return Model("extract_features_gazetteer", _extract_forward, attrs={"columns": columns, "tagger": tagger})


def check_gazetteer_hash(expected: str) -> None:
    """Warn when the installed gazetteers are not those the model's features were trained with."""
    found = content_hash(shipped_files())
    if expected and found != expected:
        logger.warning(Warnings.W002.format(expected=expected, found=found))


@registry.architectures("geonews.GazetteerHashEmbed.v1")
def GazetteerHashEmbed(width: int, attrs: list[str], rows: list[int], gazetteer_rows: int,
                       include_static_vectors: bool, lang: str | None = None, gazetteer_hash: str = "") -> Model:
    """``MultiHashEmbed.v2`` plus a table of ``gazetteer_rows`` rows for the gazetteer tag (none when 0:
    then it is ``MultiHashEmbed.v2``, so one config trains both).

    ``lang``: whose key rules tag the words (required with gazetteer rows); ``gazetteer_hash``: the
    ``content_hash`` of the shipped gazetteers the model was trained with (a warning if they differ).
    """
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    if gazetteer_rows and not lang:
        raise GeonewsError(Errors.E012)
    if gazetteer_rows:
        check_gazetteer_hash(gazetteer_hash)
    all_rows = [*rows, gazetteer_rows] if gazetteer_rows else list(rows)
    embeddings: list[Model] = [HashEmbed(width, r, column=i, seed=8 + i, dropout=0.0) for i, r in enumerate(all_rows)]
    concat_size = width * (len(embeddings) + include_static_vectors)
    max_out: Model = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    features: Model = chain(GazetteerFeatureExtractor(list(attrs), lang if gazetteer_rows else None), list2ragged(),
                     with_array(concatenate(*embeddings)))
    if include_static_vectors:
        return chain(concatenate(features, StaticVectors(width, dropout=0.0)), max_out, ragged2list())
    return chain(features, max_out, ragged2list())
