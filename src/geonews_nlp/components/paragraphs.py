"""The ``geonews_line_breaks`` component: a line break ends a sentence (``lang.common.line_starts``).

spaCy's sentencizer splits at punctuation only, so a headline or subheading without a full stop ran
into the paragraph after it, and the troop grammar read its figure with the next paragraph's names
("1400 Soldaten stationiert\\n\\nFrankreichs Präsident … der nigrischen Militärregierung"). A base
pipeline with a dependency parse keeps its own boundaries (spaCy refuses writes to them).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..lang.common import line_starts


class LineBreaks:
    def __init__(self, nlp: Language, name: str, min_newlines: int) -> None:
        if min_newlines < 1:
            raise ValueError(f"min_newlines must be at least 1, got {min_newlines}")
        self.name = name
        self.min_newlines = min_newlines

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP") or "\n" not in doc.text:
            return doc
        for k in line_starts([t.text for t in doc], self.min_newlines):
            doc[k].is_sent_start = True
        return doc
