"""The HTTP service: ``geonews serve`` runs :func:`create_app` under uvicorn.

The pipeline is loaded once at start-up and runs in one worker thread, for one request at a time.
What keeps a hostile client from holding it (``docs/service.md`` has the table of statuses):

- an optional API key (``Authorization: Bearer`` or ``X-API-Key``, compared in constant time), checked
  before a body is read (401);
- a body limit derived from the text limits, checked on ``Content-Length`` and on the bytes read (413),
  and a time limit on reading it (408);
- a bounded number of requests in the service at once (429) and a budget of characters admitted to
  the pipeline's queue (429);
- a time limit: a request waits at most ``time_limit`` seconds for the pipeline (else 503) and runs at
  most ``time_limit`` seconds (the runner's deadline, checked between chunks and documents; else 504),
  both with ``Retry-After``; a client that disconnects stops its batch at the next document;
- one error shape, ``{"detail": "..."}``, that never echoes the input; a document that fails in the
  pipeline is a 422 that names it, never a 500.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import logging
import math
import os
import re
import threading
import time
from collections import deque
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .errors import DeadlineExceeded
from .lang.registry import DEFAULT_LANG
from .results import DocumentResult
from .runner import AutoRunner, Runner, runner_for

ENV_SETTINGS = "GEONEWS_SERVE_SETTINGS"
ENV_API_KEY = "GEONEWS_API_KEY"
BYTES_PER_CHAR = 12  # the most a character can take in JSON: an escaped surrogate pair, \ud83d\ude00
DOC_OVERHEAD_BYTES = 4096  # a document's keys, its id (at most MAX_ID characters) and whitespace
MAX_ID = 256
OPEN_PATHS = ("/health", "/docs", "/openapi.json")  # answered without the API key; /docs/assets/ too
ASSETS = "/docs/assets"
POLL_S = 0.1  # how often a waiting or running request looks for its client's disconnect

log = logging.getLogger("geonews_nlp.service")


@dataclass(frozen=True)
class ServiceSettings:
    """The service's limits. ``docs/service.md`` documents the defaults, measured to stay under 2 GB.

    ``max_request_chars`` (all texts of one request) defaults to ``max(200_000, max_chars)``,
    ``max_chars_in_flight`` (characters admitted: running and waiting) to twice that.
    The API key comes from ``api_key``, else the file ``api_key_file``, else ``$GEONEWS_API_KEY``;
    none: no key is asked for.
    """

    lang: str = DEFAULT_LANG
    model: str | None = None
    max_chars: int = 100_000
    max_batch: int = 64
    max_request_chars: int | None = None
    max_chars_in_flight: int | None = None
    max_queue: int = 16
    time_limit: float = 15.0
    api_key_file: str | None = None
    api_key: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for name in ("max_chars", "max_batch", "max_queue", "time_limit"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        if self.max_request_chars is not None and self.max_request_chars < self.max_chars:
            raise ValueError(f"max_request_chars ({self.max_request_chars:,}) is below max_chars "
                             f"({self.max_chars:,}): a text at the limit could never be sent")
        if self.max_chars_in_flight is not None and self.max_chars_in_flight < self.request_chars:
            raise ValueError(f"max_chars_in_flight ({self.max_chars_in_flight:,}) is below max_request_chars "
                             f"({self.request_chars:,}): a request at the limit could never be admitted")

    @property
    def request_chars(self) -> int:
        return self.max_request_chars if self.max_request_chars is not None else max(200_000, self.max_chars)

    @property
    def chars_in_flight(self) -> int:
        return self.max_chars_in_flight if self.max_chars_in_flight is not None else 2 * self.request_chars

    @property
    def max_body_bytes(self) -> int:
        """The largest body of ``/extract/batch``: every character escaped, every document with its id."""
        return BYTES_PER_CHAR * self.request_chars + self.max_batch * DOC_OVERHEAD_BYTES + DOC_OVERHEAD_BYTES

    @property
    def max_extract_bytes(self) -> int:
        """The largest body of ``/extract``: one text of ``max_chars``."""
        return BYTES_PER_CHAR * self.max_chars + DOC_OVERHEAD_BYTES

    @property
    def retry_after(self) -> str:
        return str(max(1, math.ceil(self.time_limit)))

    def resolve_api_key(self) -> str | None:
        """The key to ask for, or None. An empty key (file or variable) is an error, not 'no key'."""
        if self.api_key is not None:
            key, where = self.api_key, "api_key"
        elif self.api_key_file:
            try:
                key = Path(self.api_key_file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise ValueError(f"cannot read the API key file {self.api_key_file}: {e}") from None
            where = f"the API key file {self.api_key_file}"
        elif ENV_API_KEY in os.environ:
            key, where = os.environ[ENV_API_KEY], f"${ENV_API_KEY}"
        else:
            return None
        key = key.strip()
        if not key:
            raise ValueError(f"{where} is empty: set a key, or unset it to serve without one")
        return key


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost: it may resolve to anything


def exposure_warning(host: str, settings: ServiceSettings) -> str | None:
    """A warning when the service listens beyond loopback without an API key (``geonews serve`` logs it)."""
    if is_loopback(host) or settings.resolve_api_key() is not None:
        return None
    return (f"geonews serve listens on {host}, beyond loopback, without an API key: anyone who reaches this "
            f"port can use the service. Set --api-key-file or ${ENV_API_KEY}, and put it behind a reverse "
            "proxy with TLS (docs/service.md).")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(v: str) -> str:
    # JSON may carry a lone surrogate (\ud800) that no UTF-8 answer can hold: each becomes U+FFFD, one
    # character for one, so offsets stay true (a valid pair has already been joined by the JSON parser)
    return _SURROGATE.sub("\ufffd", v)


class ExtractRequest(BaseModel):
    text: str = Field(description="the document's text (a lone surrogate is replaced by U+FFFD)")
    id: str | None = Field(None, max_length=MAX_ID, description="your id for the document, returned as is")

    @field_validator("text")
    @classmethod
    def _not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is empty")
        return _no_lone_surrogates(v)

    @field_validator("id")
    @classmethod
    def _clean_id(cls, v: str | None) -> str | None:
        return None if v is None else _no_lone_surrogates(v)


class BatchRequest(BaseModel):
    documents: list[ExtractRequest] = Field(min_length=1, description="the documents, in order")


class BatchResponse(BaseModel):
    results: list[DocumentResult]


class Health(BaseModel):
    status: str


class Problem(BaseModel):
    """Every error answer: a short reason, never the input."""

    detail: str


class Info(BaseModel):
    geonews_nlp: str
    spacy: str
    lang: str
    base: dict[str, str]
    components: list[str]
    max_chars: int
    max_batch: int
    max_request_chars: int
    max_chars_in_flight: int
    max_queue: int
    time_limit_s: float
    api_key: bool = Field(description="whether requests must carry the API key")


def _problem(status: int, detail: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


async def _reply(send, status: int, detail: str, headers: Sequence[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": body})


def _key_matches(headers: dict[bytes, bytes], key: bytes) -> bool:
    """``Authorization: Bearer KEY`` or ``X-API-Key: KEY``, each compared in constant time."""
    scheme, _, token = headers.get(b"authorization", b"").partition(b" ")
    ok = False
    if scheme.lower() == b"bearer":
        ok |= hmac.compare_digest(token.strip(), key)
    if b"x-api-key" in headers:
        ok |= hmac.compare_digest(headers[b"x-api-key"].strip(), key)
    return ok


class Admission:
    """Requests in the service at once (reading, waiting or running), at most ``max_queue`` + 1."""

    def __init__(self, limit: int):
        self.limit, self.active = limit, 0

    def enter(self) -> bool:
        if self.active >= self.limit:
            return False
        self.active += 1
        return True

    def leave(self) -> None:
        self.active -= 1


class Guard:
    """ASGI middleware run before FastAPI: the API key, then a POST body's type, size, time, encoding and JSON.

    It reads the (bounded) body before FastAPI does, so an oversized or unauthenticated upload is
    refused without being held in memory, and a bad byte or bad JSON gets its own short message.
    """

    def __init__(self, app, settings: ServiceSettings, key: str | None, admission: Admission):
        self.app, self.settings, self.admission = app, settings, admission
        self.key = key.encode() if key is not None else None
        self.limits = {"/extract": settings.max_extract_bytes, "/extract/batch": settings.max_body_bytes}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope["path"]
        root = scope.get("root_path", "")
        if root and path.startswith(root):
            path = path[len(root):] or "/"
        headers = dict(scope["headers"])
        if self.key is not None and path not in OPEN_PATHS and not path.startswith(ASSETS + "/"):
            if not _key_matches(headers, self.key):
                return await _reply(send, 401, "missing or wrong API key: send it as 'Authorization: Bearer KEY' "
                                               "or 'X-API-Key: KEY'", [(b"www-authenticate", b"Bearer")])
        if scope["method"] != "POST":
            return await self.app(scope, receive, send)
        ctype = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if ctype != b"application/json":
            return await _reply(send, 415, "send JSON with Content-Type: application/json")
        limit = self.limits.get(path, self.settings.max_extract_bytes)
        too_large = f"request body over {limit:,} bytes (the limit follows from the text limits)"
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > limit:
            return await _reply(send, 413, too_large)
        if not self.admission.enter():
            return await _reply(send, 429, f"the service is full ({self.admission.limit} requests at once); "
                                           "retry later", [(b"retry-after", self.settings.retry_after.encode())])
        try:
            await self._checked(scope, receive, send, limit, too_large)
        finally:
            self.admission.leave()

    async def _checked(self, scope, receive, send, limit: int, too_large: str) -> None:
        body = bytearray()
        try:
            async with asyncio.timeout(self.settings.time_limit):
                while True:
                    msg = await receive()
                    if msg["type"] == "http.disconnect":
                        return
                    body += msg.get("body", b"")
                    if len(body) > limit:
                        return await _reply(send, 413, too_large)
                    if not msg.get("more_body", False):
                        break
        except TimeoutError:
            return await _reply(send, 408, f"the body took longer than {self.settings.time_limit:g} s to arrive",
                                [(b"connection", b"close")])
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as e:
            return await _reply(send, 400, f"request body is not valid UTF-8 (byte {e.start})")
        try:
            parsed = json.loads(text)
        except RecursionError:
            return await _reply(send, 422, "body: JSON nested too deeply")
        except ValueError as e:  # the parser's message says where, not what
            where = f" at line {e.lineno}, column {e.colno}" if isinstance(e, json.JSONDecodeError) else ""
            return await _reply(send, 422, f"body: not valid JSON{where}")
        if isinstance(parsed, dict) and isinstance(parsed.get("documents"), list):
            n = len(parsed["documents"])
            if n > self.settings.max_batch:  # refused before FastAPI validates every one of them
                return await _reply(send, 413, f"{n} documents; the limit is {self.settings.max_batch} a request")
        del parsed
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class _Stopped(Exception):
    """The client went away: the work stops at the next document."""


class _Overran(Exception):
    """The request ran past its deadline."""


class _DocFailed(Exception):
    def __init__(self, index: int, error: BaseException):
        super().__init__(index)
        self.index, self.error = index, error


class Pipeline:
    """The one pipeline: its thread, its turns (first come, first served) and the characters admitted.

    A turn is released when the work in the thread has really ended, not when its request answered:
    the next request never shares the pipeline with an overrunning one.
    """

    def __init__(self, settings: ServiceSettings):
        self.settings = settings
        self.runner: Runner | AutoRunner | None = None
        self.executor: ThreadPoolExecutor | None = None
        self.busy = False
        self.waiters: deque[asyncio.Future[None]] = deque()
        self.chars = 0

    def start(self, runner: Runner | AutoRunner) -> None:
        self.runner = runner
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="geonews-pipeline")

    def stop(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
        self.runner = self.executor = None

    def _release(self) -> None:
        while self.waiters:
            w = self.waiters.popleft()
            if not w.done():
                w.set_result(None)  # the turn passes straight to the first one waiting
                return
        self.busy = False

    async def _acquire(self, request: Request, timeout: float) -> bool:
        if not self.busy and not self.waiters:
            self.busy = True
            return True
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiters.append(turn)
        end = time.monotonic() + timeout
        try:
            while not turn.done():  # no await between this test and the next: the turn cannot slip by
                left = end - time.monotonic()
                if left <= 0:
                    return False
                await asyncio.wait({turn}, timeout=min(POLL_S, left))
                if not turn.done() and await request.is_disconnected():
                    raise _Stopped
            return True
        except BaseException:
            if turn.done() and not turn.cancelled():
                self._release()  # handed the turn while leaving: pass it on
            raise
        finally:
            if not turn.done():
                turn.cancel()
                self.waiters.remove(turn)

    async def run(self, request: Request, docs: list[ExtractRequest], batch: bool) -> Response:
        s = self.settings
        n = sum(len(d.text) for d in docs)
        if self.chars + n > s.chars_in_flight:
            raise HTTPException(429, f"the service has {self.chars:,} characters in its queue (the limit is "
                                     f"{s.chars_in_flight:,}); retry later", {"Retry-After": s.retry_after})
        self.chars += n
        started = False
        try:
            if not await self._acquire(request, s.time_limit):
                raise HTTPException(503, f"the pipeline stayed busy for the time limit ({s.time_limit:g} s); "
                                         "retry later", {"Retry-After": s.retry_after})
            loop = asyncio.get_running_loop()
            deadline = time.monotonic() + s.time_limit
            stop = threading.Event()
            work = loop.run_in_executor(self.executor, self._work, docs, deadline, stop, batch)
            started = True
            work.add_done_callback(lambda f: self._done(f, n))
            while True:
                await asyncio.wait({work}, timeout=POLL_S)
                if work.done():
                    break
                if await request.is_disconnected():
                    stop.set()
                    raise _Stopped
                if time.monotonic() > deadline + 1.0:  # the runner checks between chunks: a chunk may overrun
                    stop.set()
                    raise _Overran
            return Response(work.result(), media_type="application/json")
        except _Overran:
            raise HTTPException(504, f"the request took longer than the time limit ({s.time_limit:g} s): send "
                                     "shorter texts, or fewer at once", {"Retry-After": s.retry_after}) from None
        except _DocFailed as e:
            where = f"documents[{e.index}]" if batch else "the text"
            raise HTTPException(422, f"{where} could not be processed ({type(e.error).__name__}); nothing was "
                                     "returned for this request") from None
        finally:
            if not started:
                self.chars -= n

    def _done(self, work: asyncio.Future[bytes], n: int) -> None:
        if not work.cancelled():
            work.exception()  # retrieved: an overrunning request answered without it
        self.chars -= n
        self._release()

    def _work(self, docs: list[ExtractRequest], deadline: float, stop: threading.Event, batch: bool) -> bytes:
        """In the pipeline's thread: the results as JSON bytes, or an exception the request turns into a status.

        The runner checks the deadline between its batches of chunks; a client's disconnect is seen
        between documents. A document that fails is found by running the rest one at a time.
        """
        runner = self.runner
        assert runner is not None
        results: list[DocumentResult] = []
        try:
            for r in runner.results([(d.text, d.id) for d in docs], deadline=deadline):
                results.append(r)
                if stop.is_set():
                    raise _Stopped
        except DeadlineExceeded:
            raise _Overran from None
        except _Stopped:
            raise
        except Exception:
            for i in range(len(results), len(docs)):
                if stop.is_set():
                    raise _Stopped from None
                try:
                    results.append(runner.extract(docs[i].text, docs[i].id, deadline=deadline))
                except DeadlineExceeded:
                    raise _Overran from None
                except Exception as e:  # one document's failure is a 422 that names it, never a 500
                    log.exception("document %d of a request could not be processed", i)
                    raise _DocFailed(i, e) from None
        if batch:
            return BatchResponse(results=results).model_dump_json().encode()
        return results[0].model_dump_json().encode()


def _validation_reason(errors: Sequence[Any]) -> str:
    """'field: what is wrong' for the first errors, with no input value in it."""
    parts = []
    for e in errors[:3]:
        loc = ".".join(str(x)[:40] for x in e.get("loc", ()) if x != "body") or "body"
        msg = str(e.get("msg", "invalid")).removeprefix("Value error, ")[:120]
        parts.append(f"{loc}: {msg}")
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return "; ".join(parts) + more


def _swagger_assets() -> Path | None:
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    path = Path(str(swagger_ui_bundle.swagger_ui_path))
    return path if (path / "swagger-ui-bundle.js").is_file() else None


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": what} for code, what in {
        400: "body not UTF-8", 401: "missing or wrong API key (when one is set)", 408: "body too slow to arrive",
        413: "body, text, batch or request characters over the limit", 415: "body not application/json",
        422: "malformed JSON or request, or a document the pipeline could not process",
        429: "service full: too many requests or characters queued (Retry-After)",
        503: "pipeline busy for the whole time limit (Retry-After)",
        504: "processing took longer than the time limit (Retry-After)"}.items()}


def create_app(settings: ServiceSettings | None = None) -> FastAPI:
    settings = settings or ServiceSettings()
    key = settings.resolve_api_key()
    pipe = Pipeline(settings)
    admission = Admission(settings.max_queue + 1)
    assets = _swagger_assets()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        runner = runner_for(settings.lang, settings.model)
        runner.warm(freeze=True)  # loads the gazetteers now, not in the first request; /health says ok after
        pipe.start(runner)
        yield
        pipe.stop()

    app = FastAPI(title="geonews_nlp", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Persons, organisations, places and troop figures from German news. "
                              "Every error is `{\"detail\": \"...\"}`.")
    app.add_middleware(Guard, settings=settings, key=key, admission=admission)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _problem(exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _problem(422, _validation_reason(exc.errors()))

    @app.exception_handler(_Stopped)
    async def _gone(request: Request, exc: _Stopped) -> JSONResponse:
        return _problem(499, "the client closed the connection")  # nobody reads it; uvicorn logs it

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error", exc_info=exc)
        return _problem(500, "internal error; it is logged on the server")

    def check_length(doc: ExtractRequest, where: str = "text") -> None:
        if len(doc.text) > settings.max_chars:
            raise HTTPException(413, f"{where} has {len(doc.text):,} characters; the limit is "
                                     f"{settings.max_chars:,} (split it, or start the service with a "
                                     "larger --max-chars)")

    @app.post("/extract", response_model=DocumentResult, responses=ERROR_RESPONSES,
              summary="Entities and troop figures of one text")
    async def extract(req: ExtractRequest, request: Request) -> Response:
        check_length(req)
        return await pipe.run(request, [req], batch=False)

    @app.post("/extract/batch", response_model=BatchResponse, responses=ERROR_RESPONSES,
              summary="Several texts at once, in order")
    async def extract_batch(req: BatchRequest, request: Request) -> Response:
        if len(req.documents) > settings.max_batch:
            raise HTTPException(413, f"{len(req.documents)} documents; the limit is {settings.max_batch} a request")
        for i, d in enumerate(req.documents):
            check_length(d, f"documents[{i}].text")
        total = sum(len(d.text) for d in req.documents)
        if total > settings.request_chars:
            raise HTTPException(413, f"the documents have {total:,} characters together; the limit is "
                                     f"{settings.request_chars:,} a request")
        return await pipe.run(request, req.documents, batch=True)

    @app.get("/health", response_model=Health)
    async def health() -> Health:
        return Health(status="ok" if pipe.runner is not None else "starting")

    @app.get("/info", response_model=Info, responses={401: ERROR_RESPONSES[401]})
    async def info() -> Info:
        import spacy

        runner = pipe.runner
        if runner is None:
            raise HTTPException(503, "the pipeline is loading", {"Retry-After": "5"})
        return Info(geonews_nlp=__version__, spacy=spacy.__version__, lang=settings.lang, base=runner.info,
                    components=runner.nlp.pipe_names, max_chars=settings.max_chars,
                    max_batch=settings.max_batch, max_request_chars=settings.request_chars,
                    max_chars_in_flight=settings.chars_in_flight, max_queue=settings.max_queue,
                    time_limit_s=settings.time_limit, api_key=key is not None)

    if assets is not None:
        _serve_swagger_ui(app, assets)
    return app


def _serve_swagger_ui(app: FastAPI, assets: Path) -> None:
    """``/docs`` from the installed swagger-ui-bundle: no CDN, so it works offline."""
    files: dict[str, tuple[Path, str]] = {
        "swagger-ui-bundle.js": (assets / "swagger-ui-bundle.js", "text/javascript; charset=utf-8"),
        "swagger-ui.css": (assets / "swagger-ui.css", "text/css; charset=utf-8"),
        "favicon-32x32.png": (assets / "favicon-32x32.png", "image/png"),
    }
    cache: dict[str, bytes] = {}

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "").rstrip("/")
        return get_swagger_ui_html(openapi_url=f"{root}/openapi.json", title="geonews_nlp",
                                   swagger_js_url=f"{root}{ASSETS}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{root}{ASSETS}/swagger-ui.css",
                                   swagger_favicon_url=f"{root}{ASSETS}/favicon-32x32.png")

    @app.get(ASSETS + "/{name}", include_in_schema=False)
    async def asset(name: str) -> Response:
        if name not in files:
            raise HTTPException(404, "no such file")
        path, media = files[name]
        if name not in cache:
            cache[name] = path.read_bytes()
        return Response(cache[name], media_type=media, headers={"Cache-Control": "public, max-age=86400"})


def app_from_env() -> FastAPI:
    """The app with settings from ``$GEONEWS_SERVE_SETTINGS`` (how ``geonews serve`` passes them to workers)."""
    raw = os.environ.get(ENV_SETTINGS)
    return create_app(ServiceSettings(**json.loads(raw)) if raw else None)


def settings_env(settings: ServiceSettings) -> str:
    """The settings as JSON for the workers' environment; a key given as ``api_key`` is never written there
    (give workers a file or ``$GEONEWS_API_KEY``)."""
    return json.dumps({k: v for k, v in asdict(settings).items() if k != "api_key"})


__all__ = ["ENV_API_KEY", "ENV_SETTINGS", "ServiceSettings", "create_app", "exposure_warning", "is_loopback",
           "app_from_env", "settings_env"]
