"""German numbers, vague quantities, ranges and qualifiers: pure functions, no spaCy.

Number words are parsed by ``text2num`` (it handles compounds such as
``dreihunderttausend`` and ``zwei Millionen fünfhunderttausend``); this module
wraps it where it falls short: the feminine article before a scale word
(``eine Million``), fractions (``eineinhalb``, ``anderthalb``), decimal commas with
scale words (``1,5 Millionen``), German digit grouping, and vague words.

The scanner works on a list of word strings (a sentence's tokens), so it serves
the spaCy component and plain-text callers alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from ..base import Quantity
from ..common import NumberMatch

# Conservative values for vague words (docs/troop-figures.md).
VAGUE = {
    "dutzend": 12, "dutzende": 12, "dutzenden": 12, "dutzender": 12,
    "hunderte": 100, "hunderten": 100, "hunderter": 100,
    "tausende": 1000, "tausenden": 1000, "tausender": 1000,
    "zehntausende": 10000, "zehntausenden": 10000, "zehntausender": 10000,
    "hunderttausende": 100000, "hunderttausenden": 100000, "hunderttausender": 100000,
}
# "mehrere hundert", "einige tausend": the scale word's conservative value.
VAGUE_DETERMINERS = {"mehrere", "einige", "etliche", "viele", "ein paar", "paar"}
VAGUE_SCALES = {"hundert": 100, "tausend": 1000, "dutzend": 12, "hunderttausend": 100000,
                "zehntausend": 10000}

SCALES = {"million": 10**6, "millionen": 10**6, "mio": 10**6, "mio.": 10**6,
          "milliarde": 10**9, "milliarden": 10**9, "mrd": 10**9, "mrd.": 10**9,
          "tausend": 1000, "tsd": 1000, "tsd.": 1000, "hundert": 100}
# Scale words read after digits: millions and billions, and thousands written as a word or
# abbreviated ("5 Tsd. Soldaten", "5 Tausend Soldaten"); "hundert" after digits is no scale.
DIGIT_SCALES = {k: v for k, v in SCALES.items() if v >= 1000}
ARTICLE_ONE = {"ein", "eine", "einer", "einem", "einen", "eines"}
FRACTIONS = {"eineinhalb": 1.5, "anderthalb": 1.5, "einhalb": 0.5, "halb": 0.5,
             "zweieinhalb": 2.5, "dreieinhalb": 3.5, "viereinhalb": 4.5, "fünfeinhalb": 5.5}

# Qualifiers before the number, longest first (token sequences, lower case).
QUALIFIERS: list[tuple[tuple[str, ...], str]] = sorted([
    (("rund",), "approx"), (("etwa",), "approx"), (("ca.",), "approx"), (("ca",), "approx"),
    (("circa",), "approx"), (("zirka",), "approx"), (("ungefähr",), "approx"),
    (("schätzungsweise",), "approx"), (("an", "die"), "approx"), (("um", "die"), "approx"),
    (("gut",), "approx"), (("fast",), "approx"), (("knapp",), "approx"), (("nahezu",), "approx"),
    (("beinahe",), "approx"), (("annähernd",), "approx"), (("geschätzt",), "approx"),
    (("mehr", "als"), "min"), (("über",), "min"), (("mindestens",), "min"), (("wenigstens",), "min"),
    (("weit", "mehr", "als"), "min"), (("deutlich", "mehr", "als"), "min"), (("mehr", "denn"), "min"),
    (("bis", "zu"), "max"), (("höchstens",), "max"), (("maximal",), "max"), (("weniger", "als"), "max"),
    (("unter",), "max"), (("nicht", "mehr", "als"), "max"), (("mehr",), "min"),
], key=lambda q: -len(q[0]))
# Genitive forms of small numbers: "der Tod zweier Soldaten".
GENITIVE_NUMBERS = {"zweier": 2, "dreier": 3}
HALF = {"halbe", "halben"}  # "eine halbe Million"
# A cap or ceiling is a max qualifier (docs/troop-figures.md): "eine Obergrenze von 1.100", "Mandatsobergrenze von".
CAPS = ("obergrenze", "höchstgrenze", "maximalbestand", "höchstbestand", "höchststärke", "maximalstärke")

NUMBER_STEMS = ("ein", "zwei", "drei", "vier", "fünf", "sech", "sieb", "acht", "neun", "zehn", "elf",
                "zwölf", "zwanzig", "dreißig", "vierzig", "hundert", "tausend", "anderthalb", "halb", "million",
                "milliard", "null")
RANGE_WORDS = {"bis", "-", "–", "—"}
# The most digits a number may have (before a scale word): 10^18 - 1 and any scale up to a billion
# stay far from Python's int-string limit (4,300 digits) and parse in constant time; longer runs of
# digits ("Seite 7777...", an ID, a phone number) are no count. Counts beyond plausible bounds are
# dropped later (components/troops.py, docs/troop-figures.md); this only keeps the parsing bounded.
MAX_DIGITS = 18
_DIGITS = re.compile(r"^\d{1,3}(?:([.' \u202f\u00a0])\d{3})(?:\1\d{3})*$|^\d+$")
_DECIMAL = re.compile(r"^(\d+),(\d+)$")
_DIGIT_RANGE = re.compile(r"^([\d.'’]+)\s*[-–—]\s*([\d.'’]+)$")


def _is_space(word: str) -> bool:
    """A token of horizontal white space only: a no-break space (U+00A0, U+202F) the tokenizer kept."""
    return bool(word) and word.isspace() and "\n" not in word


def parse_digits(token: str) -> int | None:
    """``1.500``, ``12 000``, ``90'000``, ``4800`` → int; None for anything else (``6.``, ``1.5``)."""
    t = token.strip().replace("’", "'")
    if not t or len(t) > 2 * MAX_DIGITS or not _DIGITS.match(t):
        return None
    digits = re.sub(r"[.' \u202f\u00a0]", "", t)
    return int(digits) if len(digits) <= MAX_DIGITS else None


def _decimal(token: str) -> float | None:
    if len(token) > 2 * MAX_DIGITS:
        return None
    m = _DECIMAL.match(token)
    return float(f"{m.group(1)}.{m.group(2)}") if m and len(m.group(1)) <= MAX_DIGITS else None


@lru_cache(maxsize=4096)
def parse_number_words(text: str) -> int | None:
    """A number written in German words (one or several words) → int, else None."""
    t = " ".join(text.lower().split())
    if not t:
        return None
    if t in ARTICLE_ONE or t == "eins":
        return 1
    if t in GENITIVE_NUMBERS:
        return GENITIVE_NUMBERS[t]
    for frac, value in FRACTIONS.items():  # eineinhalb Millionen, anderthalbtausend
        if t.startswith(frac):
            rest = t[len(frac):].strip()
            scale = SCALES.get(rest)
            if scale:
                return int(value * scale)
            return None
    # text2num rejects the feminine article before a scale word: "eine Million".
    t = re.sub(r"\beine (million|milliarde)\b", r"ein \1", t)
    t = t.replace("einstausend", "eintausend")  # num2words' spelling of 901000 ("neunhunderteinstausend")
    if not re.fullmatch(r"[a-zäöüß ]+", t):
        return None
    try:
        value = text2num(t, "de")
    except (ValueError, IndexError, KeyError, AttributeError):
        return None
    return int(value) if value is not None else None


def parse_number(text: str) -> int | None:
    """Any single German number expression (digits, words, ``1,5 Millionen``) → int, else None."""
    words = text.split()
    q = scan_number(words, 0)
    if q is None or q.end != len(words):
        return None
    return q.value


def scan_number(words: list[str], i: int) -> NumberMatch | None:
    """Read one number starting at ``words[i]``; None when there is none."""
    if i >= len(words):
        return None
    w = words[i]
    lw = w.lower()
    # digits, possibly grouped across tokens ("12 000")
    v = parse_digits(w)
    if v is not None:
        j = i + 1
        if 1 <= len(w) <= 3 and w.isdigit():
            while v < 10 ** (MAX_DIGITS - 3):
                # a group after a space, or after a no-break space the tokenizer kept as a token ("10", " ", "000")
                k = j + 1 if j + 1 < len(words) and _is_space(words[j]) else j
                if not (k < len(words) and len(words[k]) == 3 and words[k].isdigit()):
                    break
                v = v * 1000 + int(words[k])
                j = k + 1
        scale = DIGIT_SCALES.get(words[j].lower()) if j < len(words) else None
        if scale and (scale >= 10**6 or v < 1000):  # "5 Tsd.", never "2000 Tausend"
            return NumberMatch(v * scale, j + 1)
        return NumberMatch(v, j)
    d = _decimal(w)
    if d is not None:
        scale = SCALES.get(words[i + 1].lower()) if i + 1 < len(words) else None
        if scale and scale >= 1000:
            return NumberMatch(int(round(d * scale)), i + 2)
        return None
    if lw in VAGUE:
        return NumberMatch(VAGUE[lw], i + 1, vague=True)
    if lw in VAGUE_DETERMINERS and i + 1 < len(words) and words[i + 1].lower() in VAGUE_SCALES:
        return NumberMatch(VAGUE_SCALES[words[i + 1].lower()], i + 2, vague=True)
    if lw == "ein" and i + 2 < len(words) and words[i + 1].lower() == "paar" and words[i + 2].lower() in VAGUE_SCALES:
        return NumberMatch(VAGUE_SCALES[words[i + 2].lower()], i + 3, vague=True)
    if lw in ARTICLE_ONE and i + 2 < len(words) and words[i + 1].lower() in HALF and \
            SCALES.get(words[i + 2].lower(), 0) >= 1000:
        return NumberMatch(SCALES[words[i + 2].lower()] // 2, i + 3)  # "eine halbe Million"
    if lw in ("eine", "einer", "einem") and i + 1 < len(words) and words[i + 1].lower() == "handvoll":
        return NumberMatch(5, i + 2, vague=True)
    if not lw.isalpha() or not lw.startswith(NUMBER_STEMS):
        return None
    # number words: the longest run of number-like words that still parses
    best: NumberMatch | None = None
    j = i
    while j < len(words) and j < i + 8 and words[j].isalpha() and words[j].lower().startswith(NUMBER_STEMS):
        j += 1
        value = parse_number_words(" ".join(words[i:j]))
        if value is not None:
            best = NumberMatch(value, j, article=(j == i + 1 and lw in ARTICLE_ONE))
    return best


class _LowerView:
    """Lower-cased words on demand (a scan looks at a few words, not the whole sentence)."""

    __slots__ = ("words",)

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [w.lower() for w in self.words[key]]
        return self.words[key].lower()


_QUALIFIERS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _seq, _q in QUALIFIERS:  # longest first, as in QUALIFIERS
    _QUALIFIERS_BY_FIRST.setdefault(_seq[0], []).append((_seq, _q))
_STARTERS = set(_QUALIFIERS_BY_FIRST) | set(VAGUE) | VAGUE_DETERMINERS | ARTICLE_ONE | {"zwischen"}


def could_start_quantity(word: str) -> bool:
    """A cheap test that rules out most words before a full scan."""
    if word[:1].isdigit():
        return True
    lw = word.lower()
    return lw in _STARTERS or lw.startswith(NUMBER_STEMS) or lw.endswith(CAPS)


_SIZED = re.compile(r"^(?P<num>\d[\d.'\u202f\u00a0]*|[a-zäöüß]+?)(?:-?(?P<kopf>köpfig(?:e|en|er|es|em)?)"
                    r"|-(?P<mann>mann)(?:-(?P<rest>[^\W\d_][\w-]*))?)$", re.IGNORECASE)


def scan_sized(words: list[str], i: int) -> tuple[Quantity, str] | None:
    """``[qualifier] 500-köpfige``, ``2.000-Mann-Truppe``, ``fünfhundertköpfige``: a size written into an
    adjective or compound, read at ``words[i]`` (the qualifier first, if any). Returns the quantity
    (one personnel count) and the compound's head after ``-Mann-`` ("Truppe"; "" when the head is
    the next word)."""
    if i >= len(words):
        return None
    lower = _LowerView(words)
    qualifier = None
    j = i
    for seq, q in _QUALIFIERS_BY_FIRST.get(lower[j], ()):
        if tuple(lower[j:j + len(seq)]) == seq:
            qualifier, j = q, j + len(seq)
            break
    if j >= len(words) or "köpfig" not in lower[j] and "-mann" not in lower[j]:
        return None
    m = _SIZED.match(words[j])
    if m is None:
        return None
    num = m.group("num")
    value = parse_digits(num) if num[:1].isdigit() else parse_number_words(num)
    if value is None or value < 2:
        return None
    return Quantity(i, j + 1, value, None, qualifier or "exact"), m.group("rest") or ""


def scan_quantity(words: list[str], i: int) -> Quantity | None:
    """Read ``[qualifier] number [bis|–|und number]`` starting at ``words[i]``."""
    if i >= len(words) or not could_start_quantity(words[i]):
        return None
    lower = _LowerView(words)
    qualifier = None
    j = i
    if j < len(words) and lower[j] == "zwischen":
        a = scan_number(words, j + 1)
        if a and a.end < len(words) and lower[a.end] == "und":
            b = scan_number(words, a.end + 1)
            if b and b.value > a.value:
                return Quantity(i, b.end, a.value, b.value, "range")
        return None
    if lower[j].endswith(CAPS):
        if j + 2 >= len(words) or lower[j + 1] != "von":
            return None
        qualifier, j = "max", j + 2
    for seq, q in _QUALIFIERS_BY_FIRST.get(lower[j], ()) if qualifier is None else ():
        if tuple(lower[j:j + len(seq)]) == seq:
            if seq == ("mehr",) and i > 0 and lower[i - 1] in ("nicht", "kein", "keine"):
                return None  # "nicht mehr 35": no longer, not a lower bound
            qualifier = q
            j += len(seq)
            break
    if qualifier is not None and j < len(words):  # stacked: "bis zu etwa 1.000": the bound wins over approx
        for seq, q in _QUALIFIERS_BY_FIRST.get(lower[j], ()):
            if tuple(lower[j:j + len(seq)]) == seq and seq != ("mehr",):
                qualifier = qualifier if q == "approx" else q
                j += len(seq)
                break
    # "3.000–4.000" as one token
    if j < len(words):
        m = _DIGIT_RANGE.match(words[j])
        if m:
            low, high = parse_digits(m.group(1)), parse_digits(m.group(2))
            if low is not None and high is not None and high > low:
                return Quantity(i, j + 1, low, high, "range")
    num = scan_number(words, j)
    if num is None:
        return None
    if qualifier is not None and num.article:
        return None  # "über einen" / "bis zu einer" is not a count
    end = num.end
    # range: "3000 bis 5000", "3.000 - 4.000"
    if end + 1 < len(words) and lower[end] in RANGE_WORDS and not num.vague:
        nxt = scan_number(words, end + 1)
        if nxt and not nxt.vague and not nxt.article and nxt.value > num.value:
            return Quantity(i, nxt.end, num.value, nxt.value, "range")
    if num.vague:
        return Quantity(i, end, num.value, None, "vague")
    return Quantity(i, end, num.value, None, qualifier or "exact", article=num.article)
