"""A small built-in link table: countries (CLDR names through babel) and a few organisations.

Ids are Wikidata QIDs where the project is certain of them, else stable ``iso:``/``geonews:`` ids.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..lang import registry

COUNTRY_QIDS = {
    "RU": "Q159", "UA": "Q212", "KP": "Q423", "KR": "Q884", "DE": "Q183", "US": "Q30", "FR": "Q142",
    "GB": "Q145", "CN": "Q148", "AT": "Q40", "PL": "Q36", "IL": "Q801", "IR": "Q794", "TR": "Q43",
    "IT": "Q38", "JP": "Q17", "IN": "Q668", "SY": "Q858", "BY": "Q184", "CH": "Q39", "ES": "Q29",
}
ORGANISATIONS = {  # actor code -> (id, English name, type)
    "NATO": ("Q7184", "NATO", "organisation"), "UN": ("Q1065", "United Nations", "organisation"),
    "EU": ("Q458", "European Union", "organisation"), "AU": ("geonews:au", "African Union", "organisation"),
    "OSCE": ("geonews:osce", "OSCE", "organisation"), "KFOR": ("geonews:kfor", "Kosovo Force", "armed_group"),
    "Hamas": ("geonews:hamas", "Hamas", "armed_group"), "Hezbollah": ("geonews:hezbollah", "Hezbollah", "armed_group"),
    "IS": ("geonews:is", "Islamic State", "armed_group"), "Wagner": ("geonews:wagner", "Wagner Group", "armed_group"),
    "PKK": ("geonews:pkk", "Kurdistan Workers' Party", "armed_group"), "Taliban": ("geonews:taliban", "Taliban", "armed_group"),
    "Houthis": ("geonews:houthis", "Houthis", "armed_group"), "YPG": ("geonews:ypg", "YPG", "armed_group"),
    "ADF": ("geonews:adf", "Allied Democratic Forces", "armed_group"),
    "al-Shabaab": ("geonews:al-shabaab", "al-Shabaab", "armed_group"),
}


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    from babel import Locale

    return {k: v for k, v in Locale("en").territories.items() if len(k) == 2 and k.isalpha()}


def link_actor(code: str | None, *, score: float = 100.0, method: str = "exact") -> dict[str, Any] | None:
    """The Link (as a dict) of an actor code: ISO country or organisation short name."""
    if not code:
        return None
    if code in ORGANISATIONS:
        qid, name, typ = ORGANISATIONS[code]
        return {"id": qid, "name": name, "type": typ, "country": None, "lat": None, "lon": None,
                "score": score, "method": method, "refers_to": None}
    names = _english_names()
    if code in names:
        return {"id": COUNTRY_QIDS.get(code, f"iso:{code}"), "name": names[code], "type": "country",
                "country": code, "lat": None, "lon": None, "score": score, "method": method, "refers_to": None}
    return None


def link_mention(text: str, label: str, lang: str = "de") -> dict[str, Any] | None:
    """Link an entity mention when the built-in table knows it (countries and organisations)."""
    act = registry.actors(lang)
    if label == "LOC":
        code = act.country_from_name(text)
        if code and len(code) == 2:
            return link_actor(code)
        return None
    if label == "ORG":
        code = act.country_from_name(text)
        if code and code in ORGANISATIONS:
            return link_actor(code)
        code = act.PREFIXES.get(text.lower())
        if code and code in ORGANISATIONS:
            return link_actor(code, method="alias")
    return None
