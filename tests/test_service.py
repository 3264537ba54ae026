"""The HTTP service: results, every limit as a clear 4xx, the key, time limits, admission, the error
shape, offline /docs, a schemathesis run over the OpenAPI surface, and a real server on a loopback port
(disconnect, peak memory at the documented limits)."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
httpx = pytest.importorskip("httpx2")
from fastapi.testclient import TestClient  # noqa: E402

from geonews_nlp import pipeline, service  # noqa: E402
from geonews_nlp.results import DocumentResult  # noqa: E402
from geonews_nlp.service import ServiceSettings, create_app  # noqa: E402

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def client():
    """A client for an app on the blank base: fast, and independent of what is installed."""
    mp = pytest.MonkeyPatch()
    mp.setattr(pipeline, "_is_installed", lambda name: False)
    mp.setattr(pipeline, "shipped_model_path", lambda lang: None)
    mp.delenv(service.ENV_API_KEY, raising=False)
    pipeline.load.cache_clear()
    with TestClient(create_app(ServiceSettings(max_chars=200, max_batch=3))) as c:
        yield c
    pipeline.load.cache_clear()
    mp.undo()


def test_extract_one_text(client):
    r = client.post("/extract", json={"text": "Nordkorea hat 1.500 Soldaten verlegt.", "id": "a1"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["id"] == "a1" and body["troops"][0]["count"] == 1500 and body["troops"][0]["actor"] == "KP"


def test_batch_keeps_order(client):
    docs = [{"text": "Russland schickt 300 Soldaten."}, {"text": "Die NATO tagt.", "id": "b"}]
    r = client.post("/extract/batch", json={"documents": docs})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["id"] for x in results] == [None, "b"]
    assert results[0]["troops"][0]["count"] == 300 and results[1]["entities"][0]["text"] == "NATO"


# The 422 messages changed with the one error shape: a short "field: reason", no pydantic list.
@pytest.mark.parametrize("kwargs, status, message", [
    ({"json": {"text": "x" * 201}}, 413, "the limit is 200"),
    ({"json": {"text": "   "}}, 422, "text: text is empty"),
    ({"json": {"txt": "Hallo"}}, 422, "text: Field required"),
    ({"content": b'{"text": "Hallo', "headers": {"content-type": "application/json"}}, 422, "not valid JSON"),
    ({"content": "Hallo", "headers": {"content-type": "text/plain"}}, 415, "application/json"),
    ({"content": b'{"text": "K\xe4rnten"}', "headers": {"content-type": "application/json"}}, 400, "UTF-8"),
    ({"content": b"{" + b" " * 700_000 + b"}", "headers": {"content-type": "application/json"}}, 413, "bytes"),
])
def test_extract_limits_are_clear_4xx(client, kwargs, status, message):
    r = client.post("/extract", **kwargs)
    assert r.status_code == status, r.text
    assert message in r.json()["detail"]


def test_batch_limits(client):
    r = client.post("/extract/batch", json={"documents": [{"text": "a"}] * 4})
    assert r.status_code == 413 and "the limit is 3" in r.json()["detail"]
    r = client.post("/extract/batch", json={"documents": []})
    assert r.status_code == 422 and r.json() == {"detail": "documents: List should have at least 1 item after "
                                                           "validation, not 0"}
    r = client.post("/extract/batch", json={"documents": [{"text": "a"}, {"text": "b" * 300}]})
    assert r.status_code == 413 and "documents[1].text" in r.json()["detail"]


def test_health_info_and_openapi(client):
    assert client.get("/health").json() == {"status": "ok"}
    info = client.get("/info").json()
    assert info["base"]["name"] == "blank_de" and "gazetteer_linker" in info["components"]
    assert info["max_batch"] == 3 and info["max_request_chars"] == 200_000 and info["api_key"] is False
    schema = client.get("/openapi.json").json()
    assert "DocumentResult" in schema["components"]["schemas"]
    assert "TroopFigure" in schema["components"]["schemas"]
    assert "HTTPValidationError" not in schema["components"]["schemas"]  # 422 documented as {"detail": str}


# --- body limits follow from the text limits ---------------------------------------------------------

def test_body_limit_follows_the_text_limit(client):
    """A 38 MB body was accepted for a 100,000-character text; the limit is now what one text can take."""
    s = ServiceSettings()
    assert s.max_extract_bytes < 1.3e6 and s.max_body_bytes < 2.8e6  # were 38.5 MB for both
    small = ServiceSettings(max_chars=200, max_batch=3)
    body = json.dumps({"text": "a" * 150, "pad": " " * (small.max_extract_bytes)}).encode()
    r = client.post("/extract", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "bytes" in r.json()["detail"]
    # the same without Content-Length (chunked): counted as it streams
    r = client.post("/extract", content=iter([body[:1000], body[1000:]]), headers={"content-type": "application/json"})
    assert r.status_code == 413
    # a text at the limit, every character escaped, fits
    r = client.post("/extract", content=json.dumps({"text": "ä" * 200, "id": "x" * 256}).encode(),
                    headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text


def test_batch_characters_are_limited_per_request():
    s = ServiceSettings(max_chars=200, max_batch=3, max_request_chars=300)
    with _fake_client(s) as c:
        r = c.post("/extract/batch", json={"documents": [{"text": "a" * 200}, {"text": "b" * 150}]})
        assert r.status_code == 413 and "350 characters together; the limit is 300" in r.json()["detail"]
    with pytest.raises(ValueError, match="below max_chars"):
        ServiceSettings(max_chars=200, max_request_chars=100)


# --- one error shape, never the input --------------------------------------------------------------

def test_errors_never_echo_the_input(client):
    secret = "GEHEIM-4711"
    cases = [
        {"json": {"text": 12345, "id": secret}},
        {"json": {"text": [secret]}},
        {"json": {"documents": secret}},
        {"json": [secret]},
        {"json": {"text": "ok", "id": secret * 100}},
    ]
    for kw in cases:
        for path in ("/extract", "/extract/batch"):
            r = client.post(path, **kw)
            assert r.status_code == 422, (path, kw, r.text)
            body = r.json()
            assert set(body) == {"detail"} and isinstance(body["detail"], str), body
            assert secret not in r.text and "12345" not in r.text and len(r.text) < 400, r.text


def test_deeply_nested_json_is_422_not_400(client):
    r = client.post("/extract/batch", content=b"[" * 5000 + b"]" * 5000, headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json() == {"detail": "body: JSON nested too deeply"}


def test_bad_inputs_of_the_issue_are_never_5xx(client):
    """'7' * 4301 (Python's integer-string limit) and a lone surrogate answered 500."""
    for text in ("Seite " + "7" * 190, "Berlin \ud800 Soldaten", "\udfff" * 5):
        r = client.post("/extract", content=json.dumps({"text": text, "id": "\ud800"}),
                        headers={"content-type": "application/json"})
        assert r.status_code in (200, 422), r.text
    r = client.post("/extract", content=json.dumps({"text": "Berlin \ud800 Soldaten"}),
                    headers={"content-type": "application/json"})
    assert r.status_code == 200 and r.json()["entities"][0]["text"] == "Berlin"


def test_a_failing_document_is_422_naming_it():
    with _fake_client(ServiceSettings(max_chars=200, max_batch=3)) as c:
        r = c.post("/extract/batch", json={"documents": [{"text": "fine"}, {"text": "boom GEHEIM"}]})
        assert r.status_code == 422, r.text
        assert r.json()["detail"].startswith("documents[1] could not be processed (ValueError)")
        assert "GEHEIM" not in r.text
        r = c.post("/extract", json={"text": "boom"})
        assert r.status_code == 422 and "the text could not be processed" in r.json()["detail"]
        assert c.post("/extract", json={"text": "fine"}).status_code == 200  # the pipeline goes on


# --- the API key ---------------------------------------------------------------------------------

def test_api_key_from_settings_file_and_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(service.ENV_API_KEY, raising=False)
    calls = []
    real = service.hmac.compare_digest
    monkeypatch.setattr(service.hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b))
    keyfile = tmp_path / "key"
    keyfile.write_text("s3cret-key\n")
    for s, env in ((ServiceSettings(api_key="s3cret-key"), None), (ServiceSettings(api_key_file=str(keyfile)), None),
                   (ServiceSettings(), "s3cret-key")):
        if env:
            monkeypatch.setenv(service.ENV_API_KEY, env)
        with _fake_client(s) as c:
            r = c.post("/extract", json={"text": "fine"})
            assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
            assert set(r.json()) == {"detail"}
            assert c.post("/extract", json={"text": "fine"}, headers={"X-API-Key": "wrong"}).status_code == 401
            assert c.post("/extract", json={"text": "fine"},
                          headers={"Authorization": "Bearer s3cret-key"}).status_code == 200
            assert c.post("/extract", json={"text": "fine"}, headers={"X-API-Key": "s3cret-key"}).status_code == 200
            assert c.get("/info").status_code == 401
            assert c.get("/info", headers={"X-API-Key": "s3cret-key"}).json()["api_key"] is True
            assert c.get("/health").status_code == 200 and c.get("/openapi.json").status_code == 200
            # refused before the body is read: an unauthenticated upload over the limit is a 401, not a 413
            assert c.post("/extract", content=b"x" * 10_000_000,
                          headers={"content-type": "application/json"}).status_code == 401
    assert calls  # compared in constant time
    keyfile.write_text("  \n")
    with pytest.raises(ValueError, match="empty"):
        ServiceSettings(api_key_file=str(keyfile)).resolve_api_key()
    assert "api_key" not in json.loads(service.settings_env(ServiceSettings(api_key="x")))


def test_warning_when_listening_beyond_loopback_without_a_key(monkeypatch):
    monkeypatch.delenv(service.ENV_API_KEY, raising=False)
    assert service.exposure_warning("127.0.0.1", ServiceSettings()) is None
    assert service.exposure_warning("::1", ServiceSettings()) is None
    assert service.exposure_warning("localhost", ServiceSettings()) is None
    assert "without an API key" in service.exposure_warning("0.0.0.0", ServiceSettings())
    assert service.exposure_warning("0.0.0.0", ServiceSettings(api_key="k")) is None
    # geonews serve logs it (uvicorn.run replaced: nothing listens)
    import uvicorn
    from typer.testing import CliRunner

    from geonews_nlp.cli import app

    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)
    out = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert out.exit_code == 0 and "without an API key" in out.output


# --- time limits, admission, cancellation (a fake runner: fast and deterministic) ------------------

class FakeRunner:
    """Texts are commands: 'sleep:S' works S seconds in 0.02 s chunks and honours the deadline between
    them; 'stubborn:S' ignores it; 'boom' raises; anything else returns at once."""

    info = {"name": "fake", "version": "0"}

    class nlp:
        pipe_names = ["fake"]

    def __init__(self):
        self.done: list[str] = []

    def warm(self, freeze: bool = False) -> None:
        pass

    def extract(self, text: str, doc_id: str | None = None, *, deadline: float | None = None) -> DocumentResult:
        if text.startswith(("sleep:", "stubborn:")):
            end = time.monotonic() + float(text.split(":")[1].split()[0])
            while time.monotonic() < end:
                if deadline is not None and text.startswith("sleep:") and time.monotonic() > deadline:
                    raise service.DeadlineExceeded("over")
                time.sleep(0.02)
        if text.startswith("boom"):
            raise ValueError(f"cannot parse {text!r}")
        self.done.append(text)
        return DocumentResult(id=doc_id, lang="de", model=self.info)

    def results(self, pairs, batch_size=None, *, deadline=None):
        for text, doc_id in pairs:
            yield self.extract(text, doc_id, deadline=deadline)


def _fake_client(settings: ServiceSettings, runner: FakeRunner | None = None) -> TestClient:
    fake = runner or FakeRunner()
    app = create_app(settings)
    mp = pytest.MonkeyPatch()
    mp.setattr(service, "runner_for", lambda *a, **k: fake)

    class Client(TestClient):
        def __exit__(self, *exc):
            try:
                return super().__exit__(*exc)
            finally:
                mp.undo()

    c = Client(app)
    return c


def _timed_post(c: TestClient, out: dict, key: str, path: str, payload: dict, delay: float = 0.0) -> threading.Thread:
    def go():
        time.sleep(delay)
        t = time.monotonic()
        r = c.post(path, json=payload)
        out[key] = (r, time.monotonic() - t)

    th = threading.Thread(target=go)
    th.start()
    return th


def test_a_long_request_stops_at_its_time_limit_with_504():
    s = ServiceSettings(max_chars=200, time_limit=1.0)
    fake = FakeRunner()
    with _fake_client(s, fake) as c:
        t = time.monotonic()
        r = c.post("/extract/batch", json={"documents": [{"text": "sleep:5"}, {"text": "after"}]})
        took = time.monotonic() - t
        assert r.status_code == 504 and r.headers["retry-after"] == "1", r.text
        assert "time limit (1 s)" in r.json()["detail"] and took < 2.5
        assert "after" not in fake.done  # the work stopped, the next document never ran


def test_a_small_request_waits_at_most_its_time_plus_the_limit():
    """Before: requests took turns on one lock with no timeout; a small one waited the whole hostile one."""
    s = ServiceSettings(max_chars=200, time_limit=1.0)
    with _fake_client(s) as c:
        out: dict = {}
        # a hostile request that honours the deadline: the small one is served after it stops
        a = _timed_post(c, out, "hostile", "/extract", {"text": "sleep:20"})
        b = _timed_post(c, out, "small", "/extract", {"text": "small"}, delay=0.3)
        a.join(10), b.join(10)
        assert out["hostile"][0].status_code == 504
        assert out["small"][0].status_code == 200 and out["small"][1] < 1.0 + 0.5, out["small"]
        # one that ignores the deadline: answered 504 anyway; the small one gets 503 + Retry-After in time
        out.clear()
        a = _timed_post(c, out, "hostile", "/extract", {"text": "stubborn:4"})
        b = _timed_post(c, out, "small", "/extract", {"text": "small"}, delay=0.3)
        a.join(10), b.join(10)
        assert out["hostile"][0].status_code == 504 and out["hostile"][1] < 2.6
        r, took = out["small"]
        assert r.status_code == 503 and r.headers["retry-after"] == "1" and took < 1.0 + 0.5, (r.text, took)
        time.sleep(2.5)  # the stubborn work ends; its turn is released only then
        assert c.post("/extract", json={"text": "small"}).status_code == 200


def test_the_queue_is_bounded_by_requests_and_characters():
    s = ServiceSettings(max_chars=200, max_request_chars=200, max_chars_in_flight=300, max_queue=1, time_limit=3)
    with _fake_client(s) as c:
        out: dict = {}
        a = _timed_post(c, out, "running", "/extract", {"text": "sleep:1.5" + " " * 150})
        time.sleep(0.3)
        r = c.post("/extract", json={"text": "x" * 160})  # 160 + 159 characters over 300
        assert r.status_code == 429 and "characters in its queue" in r.json()["detail"]
        assert r.headers["retry-after"] == "3"
        b = _timed_post(c, out, "waiting", "/extract", {"text": "small"})
        time.sleep(0.3)
        r = c.post("/extract", json={"text": "small"})  # one running, one waiting: full
        assert r.status_code == 429 and "full" in r.json()["detail"] and r.headers["retry-after"] == "3"
        a.join(10), b.join(10)
        assert out["running"][0].status_code == 200 and out["waiting"][0].status_code == 200
        assert c.post("/extract", json={"text": "x" * 160}).status_code == 200  # all released


def test_a_disconnected_client_stops_its_batch():
    """Before: a client that disconnected after 2 s still held the pipeline for its whole batch."""
    s = ServiceSettings(max_chars=200, max_batch=64, time_limit=30)
    fake = FakeRunner()
    pipe = service.Pipeline(s)
    pipe.start(fake)  # type: ignore[arg-type]

    class GoneAfter:
        def __init__(self, seconds):
            self.at = time.monotonic() + seconds

        async def is_disconnected(self):
            return time.monotonic() > self.at

    docs = [service.ExtractRequest(text=f"sleep:0.1 {i}") for i in range(40)]

    async def main():
        with pytest.raises(service._Stopped):
            await pipe.run(GoneAfter(0.5), docs, batch=True)
        await asyncio.sleep(0.3)
        assert not pipe.busy and pipe.chars == 0  # the turn and the characters are released

    t = time.monotonic()
    asyncio.run(main())
    pipe.stop()
    assert len(fake.done) <= 7 and time.monotonic() - t < 2, fake.done


# --- /docs offline -----------------------------------------------------------------------------------

def test_docs_are_served_offline(client):
    """/docs loaded Swagger UI from a CDN, blank offline."""
    r = client.get("/docs")
    assert r.status_code == 200
    urls = re.findall(r"""(?:src|href|url)\s*[=:]\s*['"]([^'"]+)['"]""", r.text)
    assert urls and not re.search(r"https?://", r.text), r.text
    for url in urls:
        got = client.get(url)
        assert got.status_code == 200, url
    assert client.get("/docs/assets/swagger-ui-bundle.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/docs/assets/nothing.js").status_code == 404
    assert client.get("/redoc").status_code == 404


# --- the whole OpenAPI surface, property-based --------------------------------------------------------

@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::PendingDeprecationWarning")
def test_openapi_surface_has_no_5xx(client):
    """schemathesis over every operation of /openapi.json, bounded: no answer is a 5xx, every error is
    {"detail": str}."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    seen: dict[int, int] = {}
    modes = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    for op, mode in itertools.product(schema.get_all_operations(), modes):
        operation = op.ok()
        if mode is schemathesis.GenerationMode.NEGATIVE and operation.method.upper() != "POST":
            continue  # nothing to break in a GET without parameters

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=40, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            r = case.call()
            seen[r.status_code] = seen.get(r.status_code, 0) + 1
            assert r.status_code < 500, (case.method, case.path, r.status_code, r.text[:300])
            if r.status_code >= 400:
                assert set(r.json()) == {"detail"} and isinstance(r.json()["detail"], str), r.text[:300]

        check()
    print(seen)
    assert 200 in seen and any(400 <= code < 500 for code in seen), seen


# --- a real server on a loopback port ---------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(args: list[str]) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != service.ENV_API_KEY}
    proc = subprocess.Popen([sys.executable, "-m", "geonews_nlp.cli", "serve", "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        assert proc.poll() is None, proc.stdout.read().decode()
        try:
            if httpx.get(f"{base}/health", timeout=2).json()["status"] == "ok":
                return proc, base
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.2)


def test_real_server_on_loopback():
    proc, base = _start(["--max-batch", "2"])
    try:
        r = httpx.post(f"{base}/extract", json={"text": "Die Bundeswehr verlegt 4.000 Soldaten nach Litauen."},
                       timeout=30)
        assert r.status_code == 200 and r.json()["troops"][0]["count"] == 4000
        r = httpx.post(f"{base}/extract/batch", json={"documents": [{"text": "a"}] * 3}, timeout=30)
        assert r.status_code == 413
        assert json.loads(httpx.get(f"{base}/info", timeout=5).text)["max_batch"] == 2
    finally:
        proc.terminate()
        log = proc.communicate(timeout=30)[0].decode()
    assert "Finished server process" in log  # a graceful shutdown (uvicorn re-raises SIGTERM after it)


def _vm_hwm_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def _news(n_chars: int, seed: int) -> str:
    sys.path.insert(0, str(BENCH))
    from corpus import documents

    text = ""
    for d in documents(n_chars // 300 + 10, seed=seed):
        text += d + "\n\n"
        if len(text) >= n_chars:
            break
    return text[:n_chars]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads VmHWM from /proc")
def test_real_server_worst_request_memory_and_disconnect():
    """At the documented limits (2 × 100,000 characters a request) the server peaks under 2 GB: the issue
    measured 3.9 GB for 8 × 100,000. A client that disconnects frees the pipeline at the next document."""
    proc, base = _start([])
    try:
        info = httpx.get(f"{base}/info", timeout=5).json()
        n = info["max_request_chars"] // info["max_chars"]
        docs = [{"text": _news(info["max_chars"], seed=i)} for i in range(n)]
        r = httpx.post(f"{base}/extract/batch", json={"documents": docs}, timeout=120)
        assert r.status_code == 200, r.text[:300]
        peak = _vm_hwm_mb(proc.pid)
        print(f"peak RSS of the server after a {n} x {info['max_chars']:,}-character batch: {peak:.0f} MB")
        assert peak < 2048, f"peak {peak:.0f} MB"

        # a batch of 60 small documents (several seconds of work); its client goes after 0.5 s
        small = [{"text": _news(3000, seed=100 + i)} for i in range(60)]
        body = json.dumps({"documents": small}).encode()
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(b"POST /extract/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
            time.sleep(0.5)
        t = time.monotonic()
        r = httpx.post(f"{base}/extract", json={"text": "Die Bundeswehr verlegt 4.000 Soldaten."}, timeout=30)
        waited = time.monotonic() - t
        print(f"a small request after the disconnect waited {waited:.2f} s")
        # the whole batch needs about 5 s; it stops at the end of the runner's batch of chunks under way
        assert r.status_code == 200 and waited < 3.0, f"waited {waited:.1f} s"
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def test_the_service_routes_each_text_by_language_under_auto(monkeypatch):
    monkeypatch.setattr(pipeline, "_is_installed", lambda name: False)  # blank bases: fast, and the same anywhere
    monkeypatch.setattr(pipeline, "shipped_model_path", lambda lang: None)
    monkeypatch.delenv(service.ENV_API_KEY, raising=False)
    pipeline.load.cache_clear()
    with TestClient(create_app(ServiceSettings(lang="auto", max_chars=500, max_batch=3))) as c:
        r = c.post("/extract/batch", json={"documents": [
            {"id": "de", "text": "Nordkorea hat 1.500 Soldaten nach Russland verlegt."},
            {"id": "en", "text": "North Korea has sent some 10,000 troops to train in Russia."}]})
    assert r.status_code == 200
    docs = r.json()["results"]
    assert [(d["id"], d["lang"], [t["count"] for t in d["troops"]]) for d in docs] == [
        ("de", "de", [1500]), ("en", "en", [10000])]
    assert all(d["lang_confidence"] > 0.9 for d in docs)
    pipeline.load.cache_clear()
