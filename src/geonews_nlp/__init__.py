"""geonews_nlp: persons, organisations, places and troop figures from German news, as typed results.

>>> import geonews_nlp
>>> result = geonews_nlp.extract("Nordkorea hat 1.500 Soldaten nach Russland verlegt.")
>>> result.troops[0].count
1500

Imports are lazy: ``import geonews_nlp`` loads neither spaCy nor a model.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("geonews-nlp")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

_EXPORTS = {
    "load": "pipeline", "resolve_base": "pipeline", "extract": "api", "extract_many": "api",
    "DocumentResult": "results", "Entity": "results", "Link": "results", "TroopFigure": "results",
    "ModelInfo": "results", "freeze_gc": "gazetteer.store",
}
__all__ = sorted(_EXPORTS) + ["__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import extract, extract_many  # noqa: F401
    from .gazetteer.store import freeze_gc  # noqa: F401
    from .pipeline import load, resolve_base  # noqa: F401
    from .results import DocumentResult, Entity, Link, ModelInfo, TroopFigure  # noqa: F401


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'geonews_nlp' has no attribute {name!r}")
