"""What the core needs from a language: neutral types and the ``LanguagePack`` interface. No spaCy.

A pack is a frozen dataclass of smaller frozen dataclasses, each with plain data (word sets,
tables) and pure functions. Every field is typed and has a neutral default where the core can
do without it (a language with no name particles simply has none), so nothing is looked up with
``getattr(..., default)`` and a missing rule is visible in the pack's definition, not skipped
silently. ``lang/de/`` is the reference pack; docs/architecture.md ("Adding a language") walks
through writing one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

# --- neutral types ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Quantity:
    """A quantity found in a word list: ``words[start:end]``."""

    start: int
    end: int
    value: int
    value_max: int | None
    qualifier: str
    article: bool = False


@dataclass
class Figure:
    """One troop figure: token positions within its sentence, and the spec's fields."""

    sent: int
    start: int
    end: int
    count: int | None
    count_max: int | None
    qualifier: str
    unit: str
    unit_count: int | None
    actor: str | None = None
    kind: str = "strength"
    location: str | None = None
    head: int = -1
    elliptic: bool = False
    needs_context: bool = field(default=False, repr=False)
    # a state's soldiers lost with no owner in the words: the state the document's places are in, which
    # the linker knows (None: not open; else the states that may not own them, their attackers)
    open_owner: frozenset[str] | None = field(default=None, repr=False)


class Token(NamedTuple):
    """A word with what the base pipeline knows of it: nothing but the text for a blank base,
    part of speech, lemma and the subject relation when it has a tagger and a parser."""

    text: str
    is_title: bool = False
    pos: str = ""  # Universal Dependencies tag ("NOUN"), "" when the base has no tagger
    lemma: str = ""
    is_subject: bool = False


@dataclass(frozen=True, eq=False)
class Sentence:
    """A sentence: its words, and the part of speech, lemma and subject positions of each where the
    base pipeline has a tagger, lemmatizer and parser (None where it has not). Kept as parallel
    lists rather than one object a token: built for every sentence of every document, and most
    grammars read the words alone. ``tokens`` gives the per-token view."""

    words: list[str]
    pos: list[str] | None = None  # Universal Dependencies tags ("NOUN")
    lemmas: list[str] | None = None
    subjects: set[int] | None = None  # positions of the sentence's subjects; None: not parsed

    @classmethod
    def of_words(cls, words: Sequence[str]) -> Sentence:
        return cls(list(words))

    @classmethod
    def of_tokens(cls, tokens: Sequence[Token], parsed: bool = False) -> Sentence:
        return cls([t.text for t in tokens], [t.pos for t in tokens], [t.lemma for t in tokens],
                   {i for i, t in enumerate(tokens) if t.is_subject} if parsed else None)

    @property
    def parsed(self) -> bool:
        return self.subjects is not None

    @property
    def tokens(self) -> tuple[Token, ...]:
        pos, lemmas, subjects = self.pos, self.lemmas, self.subjects or set()
        return tuple(Token(w, w.istitle(), pos[i] if pos else "", lemmas[i] if lemmas else "", i in subjects)
                     for i, w in enumerate(self.words))


def _always(*_args: object) -> bool:
    return True


def _never(*_args: object) -> bool:
    return False


def _no_end(_words: list[str], _i: int) -> int | None:
    return None


def _no_forms(_word: str) -> list[str]:
    return []


def _no_figures(_sentences: Sequence[Sentence], *, document_actor: bool = True) -> list[Figure]:
    return []


def _no_quantity(_words: list[str], _i: int) -> Quantity | None:
    return None


def _no_names() -> Mapping[str, str]:
    return {}


class Institution(NamedTuple):
    """What a mention names when it names a state body by its kind ("the Russian Defense Ministry"):
    the kind (``gazetteer.schema.InstitutionKind``: ``defence_ministry``, ``army``, ...) and the words in
    the mention that may say whose (an adjective, a compound's first part, a genitive: "russischen",
    "US", "Azerbaijan")."""

    kind: str
    country_words: tuple[str, ...] = ()


def _no_institution(_text: str) -> Institution | None:
    return None


# --- the parts of a pack ---------------------------------------------------------------------------

@dataclass(frozen=True)
class NumberRules:
    """``scan_quantity(words, i)``: the quantity that starts at ``words[i]`` (a number, a vague
    word, a range, with its qualifier), or None. Never raises."""

    scan_quantity: Callable[[list[str], int], Quantity | None] = _no_quantity


@dataclass(frozen=True)
class TroopGrammar:
    """``extract_figures(sentences, document_actor=...)``: every troop figure of a document
    (docs/troop-figures.md). ``unit_name_patterns``: spaCy token patterns of named units
    ("6. Jägerbrigade"), proposed as organisations."""

    extract_figures: Callable[..., list[Figure]] = _no_figures
    unit_name_patterns: tuple[list[dict], ...] = ()


@dataclass(frozen=True)
class ActorTable:
    """Who a name stands for as an actor: ``country_names()`` maps lower-cased names in the language
    to ISO codes (``extra_names`` are those of them that CLDR lacks, and ``adjectives`` the
    nationality adjectives, both written into the gazetteer by ``geonews gazetteer build``);
    ``metonyms`` capitals and seats of power to the country they stand for;
    ``organisations`` lower-cased organisation names to their short names; ``home_countries``
    the countries whose towns the language's news names however small."""

    country_names: Callable[[], Mapping[str, str]] = _no_names
    extra_names: Mapping[str, str] = field(default_factory=dict)  # what CLDR lacks: "usa", "holland"
    adjectives: Mapping[str, str] = field(default_factory=dict)  # nationality adjectives (stems) → ISO code
    metonyms: Mapping[str, str] = field(default_factory=dict)
    organisations: Mapping[str, str] = field(default_factory=dict)
    home_countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NameRules:
    """How names are written around an entity (used to complete, trim and relabel the NER's spans).

    Word sets are matched as written, except the ``*_words``/``descriptors`` sets, which are lower case.
    """

    particles: frozenset[str] = frozenset()  # start a name's second part: "van", "bin", "al"
    preposition_particles: frozenset[str] = frozenset()  # only before an article: "von der Leyen"
    article_particles: frozenset[str] = frozenset()
    # words that stay lower case inside a country's name: "Democratic Republic of the Congo"
    name_function_words: frozenset[str] = frozenset()
    not_particle_pairs: frozenset[tuple[str, str]] = frozenset()  # a preposition, not a name: "von dem"
    titles: frozenset[str] = frozenset()  # forms of address, not part of a name: "Herr", "Mr."
    descriptors: frozenset[str] = frozenset()  # a kind of thing before its name: "region", "agentur"
    place_descriptors: frozenset[str] = frozenset()  # before a place's name: "hauptstadt"
    place_words: frozenset[str] = frozenset()  # after which a name is a place
    region_words: frozenset[str] = frozenset()  # "region", "oblast": the linker prefers a region
    # (words before a place name in its sentence, the name, words after) → the words say it is a region
    # ("Westprovinz Farah", "the Kursk region", "in den Regionen Kyjiw, Donezk und Luhansk")
    region_cue: Callable[[list[str], str, list[str]], bool] = _never
    town_cue: Callable[[list[str], str, list[str]], bool] = _never  # "in X, Y and Z villages": places
    # region words as written right next to a one-word place name that the gazetteer ruler then proposes
    # (the name only): after it ("the Kidal region"), before it ("Provinz Idlib")
    region_words_after: frozenset[str] = frozenset()
    region_words_before: frozenset[str] = frozenset()
    direction_words: frozenset[str] = frozenset()  # region names that are words of direction ("Mitte", "Nord")
    locative: frozenset[str] = frozenset()  # before a capital, it is the place, not its government
    place_before: frozenset[str] = frozenset()  # before a "person", it is a place: "fighting in [Demoso]"
    # after a ministry, the country or capital it sits in: "das Verteidigungsministerium in [Wien]"
    seat_before: frozenset[str] = frozenset()
    capitalised_articles: frozenset[str] = frozenset()  # "Die Zeit": a newspaper named with its article
    adjective_prefixes: frozenset[str] = frozenset()  # "pro-Hadi": with the hyphen, a name made an adjective
    not_a_name: Callable[[str], bool] = _never
    name_after_role: Callable[[list[str], int], bool] = _never
    anonymised_name_end: Callable[[list[str], int], int | None] = _no_end
    rank_name_end: Callable[[list[str], int], int | None] = _no_end  # "Brig. Gen. [Domingo Tutaan]"
    is_org_descriptor: Callable[[str], bool] = _never
    is_person_descriptor: Callable[[str], bool] = _never
    is_role_noun: Callable[[str], bool] = _never
    genitive_forms: Callable[[str], list[str]] = _no_forms  # "Russland" → ["Russlands"]
    genitive_bases: Callable[[str], list[str]] = _no_forms  # "Ruttes" → ["Rutte"]
    # a name's forms with its leading adjectives inflected: "Revolutionäre Streitkräfte Kolumbiens" →
    # ["Revolutionären Streitkräfte Kolumbiens"] (the ruler matches written forms only)
    adjective_forms: Callable[[str], list[str]] = _no_forms
    # a one-word name of no known place before a capitalised word is a person's genitive
    # ("Zabels Entscheidung"); called with (name, next word)
    person_genitive: Callable[[str, str], bool] = _never
    # a state body named by its kind, and the words that may say whose (gazetteer.institutions)
    institution: Callable[[str], Institution | None] = _no_institution
    institution_patterns: tuple[list[dict], ...] = ()  # spaCy token patterns proposing such names (ORG)


@dataclass(frozen=True)
class KeyRules:
    """How a mention becomes a gazetteer key: ``articles`` and ``titles`` dropped from its start,
    ``inflection_candidates(key)`` the base forms an inflected key may come from, and
    ``genitive_stems(word)`` those of a one-word genitive (the NER's gazetteer feature)."""

    articles: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    inflection_candidates: Callable[[str], list[str]] = _no_forms
    genitive_stems: Callable[[str], list[str]] = _no_forms
    # a word a mention may start with before a known name, dropped to find it ("Nachrichtenagentur
    # Yonhap", "the militia Hezbollah"); not a name's own first word ("Fort Campbell", "Press Trust
    # of India" are no Campbell, no India). Every word, where a pack says nothing.
    leading_descriptor: Callable[[str], bool] = _always
    # a town with fewer people is linked by its own names only, never by one of GeoNames' other names
    # (which hold its province, a sister town, a party: "Sulu" is Jolo, "Hamas" Hamm); 0: any town
    alias_town_population: int = 0


@dataclass(frozen=True)
class LanguagePack:
    """Everything the core needs from one language."""

    code: str
    base_models: tuple[str, ...] = ()  # installed spaCy pipelines to prefer, best first
    shipped_model: str | None = None  # folder under geonews_nlp/models, if the project ships one
    numbers: NumberRules = NumberRules()
    troops: TroopGrammar = TroopGrammar()
    actors: ActorTable = ActorTable()
    names: NameRules = NameRules()
    keys: KeyRules = KeyRules()
    frequency_lang: str | None = None  # wordfreq's code: one-word town names frequent in it aren't proposed
