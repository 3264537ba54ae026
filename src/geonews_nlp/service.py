"""The HTTP service: ``geonews serve`` runs :func:`create_app` under uvicorn.

The pipeline is loaded once at start-up. Every limit is a clear 4xx, never a crash: a body that is
not JSON (415), too large (413) or not UTF-8 (400), a text over ``max_chars`` or a batch over
``max_batch`` (413), an empty text or a malformed request (422).
"""

from __future__ import annotations

import json
import os
import threading
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field, field_validator

from . import __version__
from .lang.registry import DEFAULT_LANG
from .results import DocumentResult
from .runner import Runner, get_runner

ENV_SETTINGS = "GEONEWS_SERVE_SETTINGS"


@dataclass(frozen=True)
class ServiceSettings:
    lang: str = DEFAULT_LANG
    model: str | None = None
    max_chars: int = 100_000
    max_batch: int = 64

    @property
    def max_body_bytes(self) -> int:
        # JSON may escape every character as \uXXXX: six bytes a character, plus room for the envelope
        return self.max_batch * (self.max_chars * 6 + 1024) + 65536


class ExtractRequest(BaseModel):
    text: str = Field(description="the document's text")
    id: str | None = Field(None, description="your id for the document, returned as is")

    @field_validator("text")
    @classmethod
    def _not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is empty")
        return v


class BatchRequest(BaseModel):
    documents: list[ExtractRequest] = Field(min_length=1, description="the documents, in order")


class BatchResponse(BaseModel):
    results: list[DocumentResult]


class Health(BaseModel):
    status: str


class Info(BaseModel):
    geonews_nlp: str
    spacy: str
    lang: str
    base: dict[str, str]
    components: list[str]
    max_chars: int
    max_batch: int


async def _reply(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyGuard:
    """ASGI middleware: POST bodies must be JSON, within the size limit and valid UTF-8.

    It reads the (bounded) body before FastAPI does, so an oversized upload is refused without
    being held in memory and a bad byte gets its own message instead of a generic parse error.
    """

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)
        headers = dict(scope["headers"])
        ctype = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if ctype != b"application/json":
            return await _reply(send, 415, "send JSON with Content-Type: application/json")
        too_large = f"request body over {self.max_bytes:,} bytes"
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            return await _reply(send, 413, too_large)
        body = bytearray()
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body += msg.get("body", b"")
            if len(body) > self.max_bytes:
                return await _reply(send, 413, too_large)
            if not msg.get("more_body", False):
                break
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as e:
            return await _reply(send, 400, f"request body is not valid UTF-8 (byte {e.start})")
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    settings = settings or ServiceSettings()
    state: dict[str, Runner] = {}
    lock = threading.Lock()  # one pipeline, used by one request at a time; scale with --workers

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        runner = get_runner(settings.lang, settings.model)
        runner.warm(freeze=True)  # loads the gazetteers now, not in the first request; /health says ok after
        state["runner"] = runner
        yield
        state.clear()

    app = FastAPI(title="geonews_nlp", version=__version__, lifespan=lifespan,
                  description="Persons, organisations, places and troop figures from German news.")
    app.add_middleware(BodyGuard, max_bytes=settings.max_body_bytes)

    def check_length(doc: ExtractRequest, where: str = "text") -> None:
        if len(doc.text) > settings.max_chars:
            raise HTTPException(413, f"{where} has {len(doc.text):,} characters; the limit is "
                                     f"{settings.max_chars:,} (split it, or start the service with a "
                                     "larger --max-chars)")

    def run(docs: list[ExtractRequest]) -> list[DocumentResult]:
        with lock:
            return list(state["runner"].results([(d.text, d.id) for d in docs]))

    @app.post("/extract", response_model=DocumentResult, summary="Entities and troop figures of one text")
    def extract(req: ExtractRequest) -> DocumentResult:
        check_length(req)
        return run([req])[0]

    @app.post("/extract/batch", response_model=BatchResponse, summary="Several texts at once, in order")
    def extract_batch(req: BatchRequest) -> BatchResponse:
        if len(req.documents) > settings.max_batch:
            raise HTTPException(413, f"{len(req.documents)} documents; the limit is {settings.max_batch} a request")
        for i, d in enumerate(req.documents):
            check_length(d, f"documents[{i}].text")
        return BatchResponse(results=run(req.documents))

    @app.get("/health", response_model=Health)
    def health() -> Health:
        return Health(status="ok" if "runner" in state else "starting")

    @app.get("/info", response_model=Info)
    def info() -> Info:
        import spacy

        runner = state["runner"]
        return Info(geonews_nlp=__version__, spacy=spacy.__version__, lang=settings.lang, base=runner.info,
                    components=runner.nlp.pipe_names, max_chars=settings.max_chars,
                    max_batch=settings.max_batch)

    return app


def app_from_env() -> FastAPI:
    """The app with settings from ``$GEONEWS_SERVE_SETTINGS`` (how ``geonews serve`` passes them to workers)."""
    raw = os.environ.get(ENV_SETTINGS)
    return create_app(ServiceSettings(**json.loads(raw)) if raw else None)


def settings_env(settings: ServiceSettings) -> str:
    return json.dumps(asdict(settings))
