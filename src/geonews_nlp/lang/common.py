"""Pure helpers that language packs share (no spaCy, no language): a number read from words, all the
quantities of a sentence, years, punctuation. A pack imports them; the core does not need them."""

from __future__ import annotations

import csv
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .base import Quantity

YEARS = (1800, 2100)  # a bare four-digit number in this range is read as a year, not a count


@dataclass(frozen=True)
class NumberMatch:
    """One number read from ``words[i:end]``."""

    value: int
    end: int  # index after the last word used
    vague: bool = False
    article: bool = False  # the article used as a number ("eine Brigade", "a brigade")


def all_quantities(words: list[str], scan: Callable[[list[str], int], Quantity | None],
                   could_start: Callable[[str], bool] | None = None) -> list[Quantity]:
    """Every quantity of a sentence, left to right, none overlapping (``scan``: a pack's ``scan_quantity``;
    ``could_start``: a test of one word that is false wherever ``scan`` finds nothing, to skip the call)."""
    out: list[Quantity] = []
    i = 0
    while i < len(words):
        q = scan(words, i) if could_start is None or could_start(words[i]) else None
        if q is not None:
            out.append(q)
            i = q.end
        else:
            i += 1
    return out


def year_like(value: int, word: str) -> bool:
    return word.isdigit() and len(word) == 4 and YEARS[0] <= value <= YEARS[1]


def is_year(q: Quantity, words: list[str]) -> bool:
    """A bare four-digit year, or a range of years ("zwischen 1993 und 2006", "from 1993 to 2006")."""
    first = next((w for w in words[q.start:q.end] if w[:1].isdigit()), "")
    if not year_like(q.value, first):
        return False
    return q.value_max is None or YEARS[0] <= q.value_max <= YEARS[1]


@lru_cache(maxsize=65536)  # called for every word by several rules: words repeat
def is_punct(word: str) -> bool:
    return bool(word) and not any(c.isalnum() for c in word)


def read_force_table(package: str, name: str = "forces.tsv") -> dict[str, str]:
    """A pack's ``forces.tsv`` (names of armed forces that name their owner) or ``armed_groups.tsv`` (names
    of armed groups), each row with its source; ``#`` lines are comments: lower-cased name → actor."""
    text = files(package).joinpath(name).read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {row["name"]: row["actor"] for row in rows}


def clause_before(lower: Sequence[str], k: int, stops: Collection[str] = (",", ";", ":")) -> tuple[int, int]:
    """The bounds ``[start, end)`` of the clause that ends right before ``lower[k]`` and its comma: back to
    the word before it that is one of ``stops`` ("Nach dem Tod …, [marschierten Truppen auf], unter
    ihnen"; "After two civilians were killed, [the army sent 3,000 troops], including")."""
    end = k - 1 if k > 0 and lower[k - 1] == "," else k
    start = end
    while start > 0 and lower[start - 1] not in stops:
        start -= 1
    return start, end


def split_at_role(words: Sequence[str], is_role: Callable[[str], bool]) -> tuple[int, int | None] | None:
    """Where an organisation's or place's name ends at a role that the model took into it: "[Indian Army]
    Chief [Bipin Rawat]" → (2, 3), "[UN] Secretary - General" → (1, None). The name must stay an acronym
    or two words or more, and what follows the role must be capitalised words (a person's name) or nothing
    ("Joint Chiefs of Staff" stays whole). A one-word kind before the role is no name of its own: "Army
    Chief [Asim Munir]" → (0, 2). None where nothing is cut."""
    for k in range(1, len(words)):
        if not (words[k][:1].isupper() and is_role(words[k])):
            continue
        kept = words[:k]
        j = k
        while j < len(words) and (is_role(words[j]) or words[j] == "-"):
            j += 1
        rest = words[j:]
        if rest and not all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha() for w in rest):
            return None
        if len(kept) >= 2 or (kept[0].isupper() and len(kept[0]) >= 2):
            return k, (j if rest else None)
        return (0, j) if len(rest) >= 2 else None
    return None


def line_starts(words: Sequence[str], min_newlines: int = 1) -> list[int]:
    """Indexes of the words that open a line: those right after a whitespace token with at least
    ``min_newlines`` line breaks. News puts a headline, a subheading or a paragraph on a line of its
    own, often without a full stop ("1400 Soldaten stationiert\\n\\nFrankreichs Präsident …"): a line
    break ends a sentence whatever the punctuation says."""
    return [k + 1 for k in range(len(words) - 1)
            if words[k].isspace() and words[k].count("\n") >= min_newlines and not words[k + 1].isspace()]


def is_headline(words: Sequence[str]) -> bool:
    """A line without a closing mark, set off by a line break (its last word is the break): a headline or
    subheading, whose figures and owners are its lead's story."""
    text = [w for w in words if not w.isspace()]
    return bool(text) and text[-1][-1:].isalnum() and bool(words) and "\n" in words[-1] and words[-1].isspace()
