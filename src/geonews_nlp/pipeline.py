"""Base-model resolution and pipeline assembly: text → base pipeline → our components.

Resolution order for ``model=None``: ``$GEONEWS_MODEL`` (package name or path), the language
pack's installed base models (German: ``de_core_news_lg``/``_md``/``_sm``), the model shipped
inside this package for the language, then ``spacy.blank(lang)`` with rule and gazetteer
components only. Our components are added in the order and with the settings of ``geonews.cfg``.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

from . import ml  # noqa: F401  (registers the architectures of the shipped model)
from .components import factories  # noqa: F401  (registers our factories where entry points are not installed)
from .components.entities import QUOTES
from .components.linker import shipped_gazetteer
from .errors import Errors, ModelNotFound, Warnings, logger
from .gazetteer.schema import read_entries
from .gazetteer.store import Gazetteer, shipped_files
from .labels import LABEL_OF_TYPE
from .lang import registry
from .lang.base import LanguagePack, NameRules
from .lang.registry import DEFAULT_LANG

ENV_VAR = "GEONEWS_MODEL"


@dataclass(frozen=True)
class BaseChoice:
    """Where the base pipeline comes from: ``origin`` is env, installed, shipped or blank."""

    name: str
    origin: str
    location: str | None  # package name or path to load; None for blank


def shipped_model_path(lang: str) -> Path | None:
    name = registry.get(lang).shipped_model
    if not name:
        return None
    path = Path(str(resources.files("geonews_nlp") / "models" / name))
    return path if (path / "config.cfg").is_file() else None


def _is_installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def resolve_base(lang: str = DEFAULT_LANG, model: str | None = None) -> BaseChoice:
    """Decide which base pipeline to use, without loading it."""
    spec = registry.get(lang)
    if model in ("blank", f"blank_{lang}"):  # our components alone: the fallback, chosen on purpose
        return BaseChoice(f"blank_{lang}", "blank", None)
    if model:
        return BaseChoice(model, "argument", model)
    env = os.environ.get(ENV_VAR)
    if env:
        return BaseChoice(env, "env", env)
    for name in spec.base_models:
        if _is_installed(name):
            return BaseChoice(name, "installed", name)
    shipped = shipped_model_path(lang)
    if shipped is not None:
        return BaseChoice(spec.shipped_model or "shipped", "shipped", str(shipped))
    return BaseChoice(f"blank_{lang}", "blank", None)


def _load_base(choice: BaseChoice, lang: str) -> Language:
    if choice.location is None:
        return spacy.blank(lang)
    try:
        return spacy.load(choice.location)
    except (OSError, ValueError, ImportError) as e:
        raise ModelNotFound(Errors.E002.format(model=choice.location, origin=choice.origin, error=e)) from e


# Towns abroad are proposed from this size on; those at home (the language's home countries) all.
PROPOSE_CITY_POPULATION = 100_000
CONFIG_FILE = "geonews.cfg"


def shipped_config() -> Config:
    """Our components' order and settings (``geonews.cfg`` beside this module)."""
    return Config().from_disk(Path(str(resources.files("geonews_nlp") / CONFIG_FILE)), interpolate=False)


def gazetteer_patterns(pack: LanguagePack, kb: Gazetteer) -> list[dict]:
    """Ruler patterns: country names, capitals, the curated names (see ``curated_names``), towns, named units."""
    rules = pack.names
    tokenizer = spacy.blank(pack.code).tokenizer
    quote = {"ORTH": {"IN": sorted(QUOTES)}}
    particles = rules.particles | rules.preposition_particles
    patterns = []
    seen = set()
    quoted_words: dict[str, set[str]] = {}  # label -> one-token names matched only in quotes

    def add(label: str, text: str, code: str, quoted: bool = False) -> None:
        words = text.split()
        key = (label, text)
        if key in seen or not words:
            return
        if words[0] in particles and len(words) > 1:  # "von der Leyen", and "Von der Leyen" first
            add(label, text[:1].upper() + text[1:], code, quoted)
        elif not (words[0][:1].isupper() or quoted or _lower_prefix_name(words[0])):
            return
        seen.add(key)
        if quoted:  # „Spiegel“, "Zeit": the quotes are matched here and trimmed by geonews_entities
            tokens = [t.text for t in tokenizer(text)]
            if len(tokens) == 1:  # gathered into one pattern below: a token pattern each cost time
                quoted_words.setdefault(label, set()).add(tokens[0])
            else:
                patterns.append({"label": label, "pattern": [quote, *({"ORTH": t} for t in tokens), quote],
                                 "id": f"gaz:{code}"})
            return
        # a phrase pattern (spaCy's PhraseMatcher): a thousand token patterns made the ruler slower
        # than the NER model itself
        patterns.append({"label": label, "pattern": text, "id": f"gaz:{code}"})
        if "'" in text:  # news sets the typographic apostrophe: "People’s Liberation Army", "Sana’a"
            patterns.append({"label": label, "pattern": text.replace("'", "’"), "id": f"gaz:{code}"})

    actors = pack.actors
    for name, code in [*actors.country_names().items(), *actors.metonyms.items()]:
        # "Democratic Republic of the Congo", "Bosnia and Herzegovina": function words stay lower case
        text = " ".join(w if k and w in rules.name_function_words else w[:1].upper() + w[1:]
                        for k, w in enumerate(name.split()))
        add("LOC", text, code)
        for form in [*rules.genitive_forms(text), *rules.adjective_forms(text)]:  # "Russlands", "Demokratischen …"
            add("LOC", form, code)
    for name, code in actors.organisations.items():
        text = name.upper() if len(name) <= 5 else " ".join(w[:1].upper() + w[1:] for w in name.split())
        add("ORG", text, code)
    for label, text, code, quoted in curated_names(rules, kb):
        add(label, text, code, quoted)
        for form in rules.adjective_forms(text):  # "der Revolutionären Streitkräfte Kolumbiens"
            add(label, form, code, quoted)
    for text, code in city_names(pack, kb):
        add("LOC", text, code)
    for text, code in region_names(pack, kb):
        add("LOC", text, code)
    for pattern in region_cue_patterns(pack, kb):
        patterns.append({"label": "LOC", "pattern": pattern, "id": "rule:region_cue"})
    for label, words in sorted(quoted_words.items()):
        # the linker reads the name, not the pattern's id: one id for all of them
        patterns.append({"label": label, "pattern": [quote, {"ORTH": {"IN": sorted(words)}}, quote],
                         "id": "gaz:quoted"})
    for pattern in pack.troops.unit_name_patterns:
        patterns.append({"label": "ORG", "pattern": pattern, "id": "rule:military_unit"})
    for pattern in rules.institution_patterns:
        patterns.append({"label": "ORG", "pattern": pattern, "id": "rule:institution"})
    return patterns


def _lower_prefix_name(word: str) -> bool:
    """A name that starts with a lower-case article or particle joined to a capitalised name: "al-Shabab",
    "al-Qaida" are written so in running text; "e-Mail" is no name (the part after must be long)."""
    head, _, rest = word.partition("-")
    return 1 < len(head) <= 3 and head.islower() and rest[:1].isupper() and len(rest) >= 4


def curated_names(rules: NameRules, kb: Gazetteer) -> list[tuple[str, str, str, bool]]:
    """(label, name as written, id, only in quotes) of the curated gazetteers: organisations, armed
    groups, agencies, media, companies, persons and regions in the news. One word alone only for an
    acronym ("PKK"), an armed group ("Hisbollah"), a news agency ("Xinhua") or a company (a list
    kept free of common nouns: "Bayer AG", not "Bayer"). "Welt", "Zeit" or "Bild" are
    newspapers, but far more often plain German nouns (measured: all one-word names lowered ORG
    precision on GermEval from 0.64 to 0.56), so a newspaper's one-word name, or one that starts
    with an article ("Die Zeit"), counts only in quotes, as news writes them: „Spiegel“."""
    out = []
    for path in shipped_files():
        if "curated" not in path.parts:
            continue
        for e in read_entries(path):
            if not e.propose:
                continue
            label = LABEL_OF_TYPE.get(e.type)
            for _, name in e.all_names():
                words = name.split()
                if not label or len(name) <= 2 or words[0].lower() in rules.descriptors or "(" in name:
                    continue  # "Region Kursk" links, but the entity is "Kursk" (as the model has it); a
                    # title's disambiguation ("Telegram (software)") is never written in running text
                acronym = name.isupper() and label != "PER"
                # a compound of names ("NATO-Rat", "Berg-Karabach") is no plain noun
                compound = "-" in name and all(p[:1].isupper() for p in name.split("-")) and label != "PER"
                one_word_ok = acronym or compound or e.type in ("armed_group", "agency", "company")
                if e.type == "media" and not acronym and (len(words) == 1 or words[0] in rules.capitalised_articles):
                    out.append((label, name, e.id, True))
                elif len(words) > 1 or one_word_ok:
                    out.append((label, name, e.id, False))
                    if acronym and len(name) >= 4 and name.isalpha() and e.type not in ("media", "company"):
                        # British and German style write long acronyms as words: "Nato", "Isis", "Unifil"
                        # (not media and companies: "Sana", "Wafa" are given names too)
                        out.append((label, name[0] + name[1:].lower(), e.id, False))
    return out


def city_names(pack: LanguagePack, kb: Gazetteer) -> list[tuple[str, str]]:
    """(name, id) of the towns the ruler proposes: all at home, big ones abroad, by their GeoNames
    name and never a one-word name that is a frequent word in the language ("Halle", "Essen": the
    ``frequent_in`` field). Found the towns the model misses ("Gerlingen", "Biblis"): +2 right
    places on the GermEval tuning set and on the held-out set, none wrong on the news dev set
    (measured with model 0.2.0)."""
    home = pack.actors.home_countries
    frequent = pack.frequency_lang or pack.code
    out = []
    for e in kb.entries.values():  # read once, shared with the linker
        if e.type != "city" or frequent in e.frequent_in:
            continue
        if e.country in home or (e.population or 0) >= PROPOSE_CITY_POPULATION:
            out.append((e.name, e.id))
    return out


def region_names(pack: LanguagePack, kb: Gazetteer) -> list[tuple[str, str]]:
    """(name, id) of the regions the ruler proposes: their English and this language's names of two
    words or more ("Middle Shabelle", "Takhar Province", "Rakhine State"), not one that starts with a
    descriptor ("Oblast Kursk": the entity is "Kursk"). One-word names are often words or towns too."""
    out = []
    for e in kb.entries.values():
        if e.type != "region" or not e.propose:
            continue
        for name in dict.fromkeys([e.name, *e.labels.get("en", ()), *e.labels.get(pack.code, ())]):
            words = name.split()
            if len(words) > 1 and words[0].lower() not in pack.names.descriptors and "," not in name:
                out.append((name, e.id))
    return out


# English names of regions that are words of direction too ("Western states", "the Eastern region" name no
# place): every entry has an English name, whatever the pack; a pack adds its own words (``direction_words``)
DIRECTION_WORDS = {"western", "eastern", "northern", "southern", "central", "north", "south", "east", "west",
                   "upper", "lower", "middle", "coastal", "capital", "federal", "national", "gulf", "inner", "outer",
                   "greater", "west-central", "northwest", "northeast", "southwest", "southeast"}


def region_cue_patterns(pack: LanguagePack, kb: Gazetteer) -> list[list[dict]]:
    """Token patterns for a one-word region or town name next to a region word ("the Kidal region",
    "Provinz Idlib"): one-word region names are not proposed alone (they are often words or towns too),
    and a model misses the rarer ones; the region word says what they are. geonews_entities trims the
    region word off; the linker reads it as a region cue."""
    rules = pack.names
    if not (rules.region_words_after or rules.region_words_before):
        return []
    frequent = pack.frequency_lang or pack.code
    directions = DIRECTION_WORDS | rules.direction_words
    names: set[str] = set()
    for e in kb.entries.values():
        if e.type not in ("region", "city") or frequent in e.frequent_in:
            continue
        for name in (e.name, *e.labels.get("en", ()), *e.labels.get(pack.code, ())):
            if (name[:1].isupper() and name[1:].isalpha() and name[1:].islower() and len(name) > 2
                    and name.lower() not in directions):
                names.add(name)
    if not names:
        return []
    known = {"ORTH": {"IN": sorted(names)}}
    patterns = []
    if rules.region_words_after:
        patterns.append([known, {"ORTH": {"IN": sorted(rules.region_words_after)}}])
    if rules.region_words_before:
        patterns.append([{"ORTH": {"IN": sorted(rules.region_words_before)}}, known])
    return patterns


def _has_sentences(nlp: Language) -> bool:
    return any(p in nlp.pipe_names for p in ("parser", "senter", "sentencizer"))


def assemble(nlp: Language, choice: BaseChoice, lang: str, gazetteers: tuple[str, ...] = (),
             propose_entities: bool | None = None) -> Language:
    """Add our components to a base pipeline, in the order and with the settings of ``geonews.cfg``
    (idempotent: a saved geonews pipeline is left as it is), and initialise them.

    ``propose_entities``: let the gazetteer add the names the NER missed (see ``geonews.cfg``);
    None takes the config's; a base without a NER always gets it.
    """
    if "troop_figures" in nlp.pipe_names:
        return nlp
    cfg = shipped_config()
    pack = registry.get(lang)
    if propose_entities is None:
        propose_entities = bool(cfg["geonews"]["propose_entities"])
    if "ner" not in nlp.pipe_names:
        propose_entities = True
    kb = shipped_gazetteer(lang, gazetteers)
    for name in cfg["geonews"]["pipeline"]:
        settings = dict(cfg["components"][name])
        factory = settings.pop("factory")
        if name == "geonews_gazetteer_ruler" and not propose_entities:
            continue
        if name == "sentencizer" and _has_sentences(nlp):
            continue
        if name == "gazetteer_linker":
            settings["gazetteers"] = list(gazetteers)
        component: Any = nlp.add_pipe(factory, name=name, config=settings)
        if name == "geonews_gazetteer_ruler":
            # after the NER, into a span group: geonews_entities takes a name the model missed, or a
            # longer known name over the model's part of it ("Arbeiterpartei [Kurdistans]")
            component.add_patterns(gazetteer_patterns(pack, kb))
        elif name == "gazetteer_linker":
            component.initialize(lambda: [], nlp=nlp, gazetteer_loader=lambda lang, extra: kb)
    if hasattr(nlp.tokenizer, "rules"):
        # The ruler tokenised its ~10,000 names with the pipeline's tokenizer, whose cache
        # (10,000 chunks) they filled: text after them was never cached (measured: the
        # tokenizer 13 times slower, the whole pipeline 6-8 %). The public setter empties it.
        nlp.tokenizer.rules = nlp.tokenizer.rules
    meta = nlp.meta
    base_name = meta.get("name", "blank")
    full = base_name if base_name.startswith(f"{lang}_") else f"{meta.get('lang', lang)}_{base_name}"
    version = str(meta.get("version") or spacy.__version__)
    if choice.origin == "blank":
        full, version = f"blank_{lang}", spacy.__version__
    meta["geonews"] = {"base": {"name": full, "version": version},
                       "origin": choice.origin}
    return nlp


def load(lang: str = DEFAULT_LANG, model: str | None = None, gazetteers: list[str] | tuple[str, ...] = (),
         propose_entities: bool | None = None) -> Language:
    """The geonews pipeline for ``lang``: cached per arguments, so a second call is free.

    ``gazetteers``: your own JSONL/CSV gazetteer files, merged over the shipped ones (yours win).
    ``propose_entities``: gazetteer names as entities where the NER found none (see ``assemble``).
    """
    return _load(lang, model, tuple(str(g) for g in gazetteers), propose_entities)


@lru_cache(maxsize=8)
def _load(lang: str, model: str | None, gazetteers: tuple[str, ...], propose_entities: bool | None = None
          ) -> Language:
    choice = resolve_base(lang, model)
    if choice.origin == "blank":
        best = (registry.get(lang).base_models or (f"a {lang} NER pipeline",))[0]
        logger.warning(Warnings.W001.format(lang=lang, best=best))
    nlp = _load_base(choice, lang)
    if nlp.lang != lang:
        raise ModelNotFound(Errors.E002.format(model=choice.location, origin=choice.origin,
                                               error=f"it is a {nlp.lang!r} pipeline, not {lang!r}"))
    return assemble(nlp, choice, lang, gazetteers, propose_entities)


load.cache_clear = _load.cache_clear  # type: ignore[attr-defined]


def base_info(nlp: Language) -> dict[str, str]:
    info = nlp.meta.get("geonews", {}).get("base")
    if info:
        return dict(info)
    return {"name": f"{nlp.lang}_{nlp.meta.get('name', 'pipeline')}", "version": str(nlp.meta.get("version", "0"))}
