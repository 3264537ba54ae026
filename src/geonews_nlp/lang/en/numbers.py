"""English numbers, vague quantities, ranges and qualifiers: pure functions, no spaCy.

Number words are parsed by ``text2num`` (``text2num(text, "en")`` reads ``three hundred and
fifty``, ``twenty-five`` and numbers of any size); this module wraps it where it falls short or
where news English needs more: the article as ``one`` before a scale word (``a hundred``, ``a
million``), ``half a million``, decimals with scale words (``1.5 million``), English digit
grouping (``10,000``, ``12 000``), number words split by spaCy's tokenizer (``twenty - five``,
``one million , two hundred``), and vague words (``dozens``, ``tens of thousands``).

The scanner works on a list of word strings (a sentence's tokens), so it serves the spaCy
component and plain-text callers alike. It never raises.
"""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from ..base import Quantity
from ..common import NumberMatch

MAX_DIGITS = 15  # longer digit strings are no count of anything (and int() of 5,000 digits raises)

# Conservative values of vague words (../shared/docs/troop-figures.md, "Vague words").
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 10**6}
# "tens of thousands", "hundreds of thousands"
VAGUE_OF = {("tens", "of", "thousands"): 10000, ("hundreds", "of", "thousands"): 100000,
            ("tens", "of", "millions"): 10**7, ("hundreds", "of", "millions"): 10**8}
# "several hundred", "a few thousand", "several dozen": the scale word's conservative value
VAGUE_DETERMINERS = {("several",), ("a", "few"), ("few",), ("some",), ("a", "couple", "of"), ("many",)}
VAGUE_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6,
                "dozens": 12, "hundreds": 100, "thousands": 1000}
HANDFUL = 5

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# scale words after digits: "1.5 million", "10 thousand"; "1.5m" is split by spaCy into "1.5" "m", and
# "m" after a number is as often metres, so it is not read
DIGIT_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "mln": 10**6, "bn": 10**9}
NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALES)
ARTICLE_ONE = {"a", "an"}
FRACTIONS = {"half": 0.5, "quarter": 0.25}

# Qualifiers before the number, longest first (token sequences, lower case).
QUALIFIERS: list[tuple[tuple[str, ...], str]] = sorted([
    (("about",), "approx"), (("around",), "approx"), (("roughly",), "approx"), (("some",), "approx"),
    (("nearly",), "approx"), (("almost",), "approx"), (("approximately",), "approx"),
    (("approx.",), "approx"), (("approx",), "approx"), (("ca.",), "approx"), (("circa",), "approx"),
    (("an", "estimated"), "approx"), (("estimated",), "approx"), (("close", "to"), "approx"),
    (("just", "under"), "approx"), (("just", "over"), "approx"), (("a", "little", "over"), "approx"),
    (("a", "little", "under"), "approx"), (("just", "shy", "of"), "approx"), (("upward", "of"), "min"),
    (("more", "than"), "min"), (("over",), "min"), (("at", "least"), "min"), (("upwards", "of"), "min"),
    (("slightly", "more", "than"), "min"), (("well", "over"), "min"), (("in", "excess", "of"), "min"),
    (("well", "above"), "min"), (("no", "fewer", "than"), "min"), (("no", "less", "than"), "min"),
    (("not", "less", "than"), "min"), (("not", "fewer", "than"), "min"), (("a", "minimum", "of"), "min"),
    (("up", "to"), "max"), (("fewer", "than"), "max"), (("less", "than"), "max"), (("no", "more", "than"), "max"),
    (("at", "most"), "max"), (("as", "many", "as"), "max"), (("as", "high", "as"), "max"), (("under",), "max"),
    (("a", "maximum", "of"), "max"), (("not", "more", "than"), "max"),
], key=lambda q: -len(q[0]))
# Words before a number that add nothing to it but belong to the figure: "an extra 7,000 troops",
# "another 18 injured", "a further 2,000".
PREFIXES: list[tuple[str, ...]] = sorted([
    ("an", "extra"), ("an", "additional"), ("another",), ("a", "further"), ("a", "total", "of"),
    ("a", "further", "estimated"),
], key=lambda p: -len(p))
# after the number: "500 or so" approx, "2,000 or more" min
AFTER_QUALIFIERS = {("or", "so"): "approx", ("or", "more"): "min", ("-", "plus"): "min"}
RANGE_WORDS = {"to", "-", "–", "—"}

_DIGITS = re.compile(r"^\d{1,3}(?:([, \u202f\u00a0])\d{3})(?:\1\d{3})*$|^\d+$")
_DECIMAL = re.compile(r"^(\d{1,6})\.(\d{1,3})$")
_DIGIT_RANGE = re.compile(r"^(\d[\d,]*)\s*[-–—]\s*(\d[\d,]*)$")


def parse_digits(token: str) -> int | None:
    """``10,000``, ``12 000`` (one token), ``4800`` → int; None for anything else (``1.5``, ``101st``)."""
    t = token.strip()
    if not t or len(t) > MAX_DIGITS + 5 or not _DIGITS.match(t):
        return None
    digits = re.sub(r"[, \u202f\u00a0]", "", t)
    if len(digits) > MAX_DIGITS:
        return None
    return int(digits)


def _decimal(token: str) -> float | None:
    m = _DECIMAL.match(token)
    return float(f"{m.group(1)}.{m.group(2)}") if m else None


def _word_value(text: str) -> int | None:
    try:
        value = text2num(text, "en")
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        return None
    return int(value) if value is not None else None


@lru_cache(maxsize=4096)
def parse_number_words(text: str) -> int | None:
    """A number written in English words (``twelve thousand``, ``three hundred and fifty``,
    ``a million``, ``twenty-five``, ``half a million``) → int, else None."""
    t = " ".join(text.lower().replace(",", " ").replace(" - ", "-").split())
    if not t or not re.fullmatch(r"[a-z -]+", t):
        return None
    if t in ARTICLE_ONE:
        return 1
    words = t.split()
    if words[0] in FRACTIONS:  # "half a million", "a quarter million"
        rest = words[1:]
        if rest[:1] and rest[0] in ARTICLE_ONE:
            rest = rest[1:]
        if len(rest) == 1 and rest[0] in SCALES and SCALES[rest[0]] >= 1000:
            return int(FRACTIONS[words[0]] * SCALES[rest[0]])
        return None
    if words[0] in ARTICLE_ONE:  # text2num rejects the article before a scale word: "a hundred"
        if len(words) < 2 or words[1] not in SCALES:
            return None
        words = ["one", *words[1:]]
    if words[0] in ("and", "-") or words[-1] in ("and", "-"):
        return None
    for w in words:
        for part in w.split("-"):
            if part not in NUMBER_WORDS and part != "and":
                return None
    return _word_value(" ".join(words))


def parse_number(text: str) -> int | None:
    """Any single English number expression (digits, words, ``1.5 million``) → int, else None."""
    words = text.split()
    q = scan_number(words, 0)
    if q is None or q.end != len(words):
        return None
    return q.value


def _is_number_word(word: str) -> bool:
    w = word.lower()
    if w in NUMBER_WORDS:
        return True
    if "-" in w and w.count("-") == 1:  # "twenty-five" as one token
        a, b = w.split("-")
        return a in TENS and b in UNITS and UNITS[b] < 10 or (a in UNITS or a in TENS) and b in SCALES
    return False


def _word_run(words: list[str], i: int) -> int:
    """End of the run of number words from ``i``, with the joiners spaCy leaves between them:
    ``and`` after a scale word, ``-`` between tens and units, ``,`` after a scale word."""
    j = i
    n = len(words)
    while j < n and j < i + 40:
        w = words[j].lower()
        if _is_number_word(w):
            j += 1
            continue
        prev = words[j - 1].lower() if j > i else ""
        nxt = words[j + 1].lower() if j + 1 < n else ""
        if w == "and" and prev in SCALES and _is_number_word(nxt) and j > i:
            j += 1
        elif w == "-" and prev in TENS and nxt in UNITS and UNITS[nxt] < 10 and j > i:
            j += 1
        elif w == "-" and (prev in UNITS or prev in TENS) and nxt in SCALES and j > i:
            j += 1  # "three-hundred", "Two-thousand": one number written with a hyphen, not a range
        elif w == "," and prev in SCALES and SCALES[prev] >= 1000 and _is_number_word(nxt) and j > i:
            j += 1
        else:
            break
    return j


def _scan_words(words: list[str], i: int) -> NumberMatch | None:
    """The longest run of number words from ``i`` that parses (``a``/``an``/``half a`` before a scale word)."""
    lw = words[i].lower()
    start = i
    if lw in ARTICLE_ONE or lw in FRACTIONS:
        k = i + 1
        if lw in FRACTIONS and k < len(words) and words[k].lower() in ARTICLE_ONE:
            k += 1
        if k >= len(words) or words[k].lower() not in SCALES:
            if lw in ARTICLE_ONE:
                return NumberMatch(1, i + 1, article=True)
            return None
        if lw in FRACTIONS:
            value = parse_number_words(" ".join(words[i:k + 1]))
            return NumberMatch(value, k + 1) if value is not None else None
        start = k
    end = _word_run(words, start)
    if end == start:
        return None
    lead = ["one"] if start > i else []
    for j in range(end, start, -1):
        if words[j - 1] in (",", "-") or words[j - 1].lower() == "and":
            continue
        text = " ".join(lead + [w for w in words[start:j] if w != ","]).replace(" - ", "-")
        value = parse_number_words(text)
        if value is not None:
            return NumberMatch(value, j)
    return None


def scan_number(words: list[str], i: int) -> NumberMatch | None:
    """Read one number starting at ``words[i]``; None when there is none."""
    if i >= len(words):
        return None
    w = words[i]
    lw = w.lower()
    v = parse_digits(w)
    if v is not None:
        j = i + 1
        if 1 <= len(w) <= 3 and w.isdigit():  # "12 000" split by the tokenizer
            while j < len(words) and j < i + 5 and len(words[j]) == 3 and words[j].isdigit():
                v = v * 1000 + int(words[j])
                j += 1
        scale = DIGIT_SCALES.get(words[j].lower()) if j < len(words) else None
        if scale:
            return NumberMatch(v * scale, j + 1)
        return NumberMatch(v, j)
    d = _decimal(w)
    if d is not None:
        scale = DIGIT_SCALES.get(words[i + 1].lower()) if i + 1 < len(words) else None
        if scale:
            return NumberMatch(int(round(d * scale)), i + 2)
        return None
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    for seq, value in VAGUE_OF.items():
        if tuple(x.lower() for x in words[i:i + 3]) == seq:
            return NumberMatch(value, i + 3, vague=True)
    if lw in VAGUE:
        return NumberMatch(VAGUE[lw], i + 1, vague=True)
    for det in VAGUE_DETERMINERS:
        if tuple(x.lower() for x in words[i:i + len(det)]) == det:
            k = i + len(det)
            scale_word = words[k].lower() if k < len(words) else ""
            if scale_word in VAGUE_SCALES:
                if k + 2 < len(words) and words[k + 1].lower() == "of" and words[k + 2].lower() == "thousands" \
                        and scale_word == "tens":
                    return NumberMatch(10000, k + 3, vague=True)
                return NumberMatch(VAGUE_SCALES[scale_word], k + 1, vague=True)
    if lw in ARTICLE_ONE and nxt == "handful":
        return NumberMatch(HANDFUL, i + 2, vague=True)
    if lw in ARTICLE_ONE and nxt == "dozen":
        return NumberMatch(12, i + 2, vague=True)
    if lw == "half" and nxt in ARTICLE_ONE and i + 2 < len(words) and words[i + 2].lower() == "dozen":
        return NumberMatch(6, i + 3, vague=True)  # "half a dozen"
    if (lw in UNITS or lw in TENS) and nxt == "dozen" and (lw in TENS or UNITS[lw] > 0):
        return NumberMatch((UNITS.get(lw) or TENS[lw]) * 12, i + 2, vague=True)  # "two dozen" 24: a dozen times
    if lw == "dozen":
        return NumberMatch(12, i + 1, vague=True)
    if lw in ARTICLE_ONE or lw in FRACTIONS or _is_number_word(lw):
        return _scan_words(words, i)
    return None


def _lower(words: list[str], i: int, n: int) -> tuple[str, ...]:
    return tuple(w.lower() for w in words[i:i + n])


_STARTERS = ({seq[0] for seq, _ in QUALIFIERS} | {p[0] for p in PREFIXES} | set(VAGUE) | ARTICLE_ONE
             | {d[0] for d in VAGUE_DETERMINERS} | {s[0] for s in VAGUE_OF} | NUMBER_WORDS | set(FRACTIONS)
             | {"between", "dozen"})


def could_start_quantity(word: str) -> bool:
    """A cheap test that rules out most words before a full scan."""
    if word[:1].isdigit():
        return True
    lw = word.lower()
    return lw in _STARTERS or ("-" in lw and _is_number_word(lw))


def scan_quantity(words: list[str], i: int) -> Quantity | None:
    """Read ``[prefix] [qualifier] number [to|-|and number] [or so]`` starting at ``words[i]``. Never raises."""
    try:
        return _scan_quantity(words, i)
    except (ValueError, IndexError, OverflowError, TypeError, AttributeError):  # pragma: no cover - defensive
        return None


def _scan_quantity(words: list[str], i: int) -> Quantity | None:
    if i < 0 or i >= len(words) or not isinstance(words[i], str) or not could_start_quantity(words[i]):
        return None
    j = i
    for seq in PREFIXES:
        if _lower(words, j, len(seq)) == seq and j + len(seq) < len(words):
            j += len(seq)
            break
    if j < len(words) and words[j].lower() == "between":
        a = scan_number(words, j + 1)
        if a and not a.article and a.end < len(words) and words[a.end].lower() == "and":
            b = scan_number(words, a.end + 1)
            if b and not b.article and b.value > a.value:
                return Quantity(i, b.end, a.value, b.value, "range")
        return None
    qualifier = None
    for seq, q in QUALIFIERS:
        if _lower(words, j, len(seq)) == seq:
            # "some" and "over" before a non-number are plain words: "some troops", "over the border"
            qualifier = q
            j += len(seq)
            break
    if qualifier is not None and j < len(words) and words[j].lower() == "between":
        return None
    if j < len(words):  # "3,000–4,000" as one token
        m = _DIGIT_RANGE.match(words[j])
        if m:
            low, high = parse_digits(m.group(1)), parse_digits(m.group(2))
            if low is not None and high is not None and high > low:
                return Quantity(i, j + 1, low, high, "range")
    num = scan_number(words, j)
    if num is None:
        if j == i + 1 and qualifier is None and words[i].lower() == "another":
            return Quantity(i, j, 1, None, "exact", article=True)  # "another soldier was killed"
        return None
    if qualifier is not None and num.article:
        return None  # "over a", "up to an" is no count
    end = num.end
    # a range: "3,000 to 5,000", "3,000 - 4,000"; not after "from" ("rose from 60 to 83": two figures)
    after_from = i > 0 and isinstance(words[i - 1], str) and words[i - 1].lower() == "from"
    if end + 1 < len(words) and words[end].lower() in RANGE_WORDS and not num.vague and not num.article \
            and not after_from:
        nxt = scan_number(words, end + 1)
        if nxt and not nxt.vague and not nxt.article and nxt.value > num.value:
            return Quantity(i, nxt.end, num.value, nxt.value, "range")
    if num.vague:
        if qualifier is not None and (words[j].lower() in ARTICLE_ONE or _is_number_word(words[j])):
            # "more than a dozen", "nearly two dozen"
            return Quantity(i, end, num.value, None, qualifier)
        return Quantity(i, end, num.value, None, "vague")
    for seq, q in AFTER_QUALIFIERS.items():
        if qualifier is None and _lower(words, end, len(seq)) == seq:
            return Quantity(i, end + len(seq), num.value, None, q)
    return Quantity(i, end, num.value, None, qualifier or "exact", article=num.article and j == i)
