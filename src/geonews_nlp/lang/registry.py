"""The registered language packs, found the way spaCy finds its factories.

A pack is registered under its language code in the ``geonews_languages`` entry-point group
(``de = "geonews_nlp.lang.de:pack"``) or at run time with ``languages.register("xx", func=...)`` and
``clear_cache()``;
the registered object is a function returning a :class:`~geonews_nlp.lang.base.LanguagePack`,
called once on first use. The core reaches a language only through :func:`get`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import catalogue

from ..errors import Errors, InputError
from .base import LanguagePack

DEFAULT_LANG = "de"  # the language of load(), extract() and the CLI when none is named

languages = catalogue.create("geonews", "languages", entry_points=True)

# The packs this distribution ships, by import path (not imported here): found even where the
# package's entry points are not installed (a source checkout on sys.path).
_BUILT_IN = {"de": "geonews_nlp.lang.de:pack", "en": "geonews_nlp.lang.en:pack"}


def _factory(code: str) -> Callable[[], LanguagePack] | None:
    if code in languages.get_all():  # registered at run time or through an entry point
        return languages.get(code)
    target = _BUILT_IN.get(code)
    if target is None:
        return None
    module, _, attr = target.partition(":")
    from importlib import import_module

    return getattr(import_module(module), attr)


def registered() -> list[str]:
    """The codes of every language with a pack, sorted (read once: ``lang="auto"`` asks for every text)."""
    return list(_registered())


@cache
def _registered() -> tuple[str, ...]:
    return tuple(sorted(set(languages.get_all()) | set(_BUILT_IN)))


@cache
def _get(code: str) -> LanguagePack:
    factory = _factory(code)
    if factory is None:
        raise InputError(Errors.E001.format(lang=code, supported=registered()))
    pack = factory()
    if not isinstance(pack, LanguagePack) or pack.code != code:
        raise InputError(Errors.E011.format(lang=code, got=type(pack).__name__))
    return pack


def get(code: str | None) -> LanguagePack:
    """The pack of ``code``; an unregistered language raises a ``GeonewsError`` naming the registered ones."""
    return _get(code or "")


def unregister(code: str) -> None:
    """Remove a pack registered at run time (entry points stay), and forget built packs."""
    catalogue.REGISTRY.pop((*languages.namespace, code), None)
    clear_cache()


def clear_cache() -> None:
    """Forget built packs and the list of codes (after registering a pack at run time)."""
    _get.cache_clear()
    _registered.cache_clear()
