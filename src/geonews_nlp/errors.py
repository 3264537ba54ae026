"""Error and warning messages, with codes, in one place; every error the library raises is a GeonewsError."""

from __future__ import annotations

import logging

logger = logging.getLogger("geonews_nlp")
logger.addHandler(logging.NullHandler())


class GeonewsError(Exception):
    """Base class for the library's errors: each message starts with its code from :class:`Errors`."""


class ModelNotFound(GeonewsError):
    pass


class InputError(GeonewsError, ValueError):
    pass


class ReadError(GeonewsError, ValueError):
    """A file, or one line of it, that cannot be read; ``line`` is 1-based or None.

    ``reason`` is the message without the code: what a run's ``errors.jsonl`` records.
    """

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(Errors.E005.format(reason=reason))
        self.reason = reason
        self.line = line

    def __reduce__(self):  # pickled (sent between processes) with its reason and line, not its message
        return type(self), (self.reason, self.line)


class SettingsMismatch(GeonewsError, ValueError):
    """A resumed run asked for other settings than the run it resumes."""


class MissingDependency(GeonewsError, RuntimeError):
    """An optional extra (pyarrow, dask, ...) is not installed."""


class DeadlineExceeded(GeonewsError, TimeoutError):
    """The ``deadline`` given to ``Runner.extract``/``Runner.results`` passed (checked between chunks)."""


class WorkersFailed(GeonewsError, RuntimeError):
    """``extract_many(n_process > 1)``: the worker processes died, most often while starting."""


class Errors:
    E001 = "[E001] Unsupported language {lang!r}: supported are {supported}."
    E002 = "[E002] Cannot load base model {model!r} (from {origin}): {error}"
    E003 = "[E003] Expected a string or a (doc_id, text) pair, got {type}."
    E004 = "[E004] Gold file {path}, line {line}: {error}"
    E005 = "[E005] {reason}"
    E006 = "[E006] the run in {work} used other settings {diff}; run without --resume to start over"
    E007 = "[E007] {what} needs {package}: pip install 'geonews-nlp[{extra}]'"
    E008 = "[E008] unknown format {fmt!r}: choose one of {formats}"
    E009 = "[E009] unknown engine {name!r}: local or dask"
    E010 = "[E010] max_chars must be positive, got {max_chars}"
    E011 = "[E011] The pack registered for {lang!r} is not a LanguagePack of that code (got {got})."
    E012 = ("[E012] geonews.GazetteerHashEmbed.v1 with gazetteer_rows needs lang: the language whose key rules "
            "tag the words (set it in the model's config).")
    E013 = "[E013] Saved {component!r} settings in {path} lack {missing}: save the pipeline again."
    E014 = "[E014] The deadline passed after {done:,} characters had been annotated: the rest was not."
    E015 = ("[E015] The worker processes of extract_many(n_process={n}) died{where}. Workers are spawned: each "
            "imports your script again, so the script must start them only under "
            "`if __name__ == \"__main__\":` (see docs/getting-started.md). Cause: {error}")


class Warnings:
    W001 = ("[W001] No statistical NER model for {lang!r} is installed: using spaCy's blank {lang!r} pipeline "
            "with rule and gazetteer components only (persons are not found). For the best results install "
            "{best}: python -m spacy download {best}")
    W002 = ("[W002] The NER model's gazetteer features were trained with gazetteers {expected}, but those "
            "installed are {found}: the features differ, and so may the scores.")
    W003 = ("[W003] The saved pipeline's gazetteer files differ from those it now reads ({files}): "
            "links may differ from when it was saved.")
