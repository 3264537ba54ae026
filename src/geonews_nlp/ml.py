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
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array

from .gazetteer.features import NONE, gazetteer_tags, labels_from_index

_LABELS: Callable[[str], frozenset[str]] | None = None


def _labels_of() -> Callable[[str], frozenset[str]]:
    """The shipped gazetteers' ``labels_of``, loaded on first use and cached per text."""
    global _LABELS
    if _LABELS is None:
        from .gazetteer.store import default_gazetteer

        g = default_gazetteer()
        _LABELS = lru_cache(maxsize=500_000)(labels_from_index(g.canonical, g.keys, lambda i: g.entries[i].type))
    return _LABELS


def _gazetteer_column(doc: Doc) -> numpy.ndarray:
    tags = gazetteer_tags([t.text for t in doc], _labels_of())
    return numpy.asarray([0 if t == NONE else hash_string(t) for t in tags], dtype="uint64")


def _extract_forward(model: Model, docs: list[Doc], is_train: bool):
    columns, gazetteer = model.attrs["columns"], model.attrs["gazetteer"]
    out = []
    for doc in docs:
        attrs = doc.to_array(columns).reshape((len(doc), len(columns)))
        if gazetteer:
            attrs = numpy.hstack([attrs, _gazetteer_column(doc)[:, None]])
        out.append(model.ops.asarray2i(attrs, dtype="uint64"))
    return out, lambda d: []


def GazetteerFeatureExtractor(columns: list[str], gazetteer: bool = True) -> Model:
    return Model("extract_features_gazetteer", _extract_forward, attrs={"columns": columns, "gazetteer": gazetteer})


@registry.architectures("geonews.GazetteerHashEmbed.v1")
def GazetteerHashEmbed(width: int, attrs: list[str], rows: list[int], gazetteer_rows: int,
                       include_static_vectors: bool) -> Model:
    """``MultiHashEmbed.v2`` plus a table of ``gazetteer_rows`` rows for the gazetteer tag (none when 0:
    then it is ``MultiHashEmbed.v2``, so one config trains both)."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    all_rows = [*rows, gazetteer_rows] if gazetteer_rows else list(rows)
    embeddings = [HashEmbed(width, r, column=i, seed=8 + i, dropout=0.0) for i, r in enumerate(all_rows)]
    concat_size = width * (len(embeddings) + include_static_vectors)
    max_out = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    features = chain(GazetteerFeatureExtractor(list(attrs), gazetteer_rows > 0), list2ragged(),
                     with_array(concatenate(*embeddings)))
    if include_static_vectors:
        return chain(concatenate(features, StaticVectors(width, dropout=0.0)), max_out, ragged2list())
    return chain(features, max_out, ragged2list())
