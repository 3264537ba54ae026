"""The HTTP service: results, every limit as a clear 4xx, and a real server on a loopback port."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest

pytest.importorskip("fastapi")
httpx = pytest.importorskip("httpx2")
from fastapi.testclient import TestClient  # noqa: E402

from geonews_nlp import pipeline  # noqa: E402
from geonews_nlp.service import ServiceSettings, create_app  # noqa: E402


@pytest.fixture(scope="module")
def client():
    """A client for an app on the blank base: fast, and independent of what is installed."""
    mp = pytest.MonkeyPatch()
    mp.setattr(pipeline, "_is_installed", lambda name: False)
    mp.setattr(pipeline, "shipped_model_path", lambda lang: None)
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


@pytest.mark.parametrize("kwargs, status, message", [
    ({"json": {"text": "x" * 201}}, 413, "the limit is 200"),
    ({"json": {"text": "   "}}, 422, "text is empty"),
    ({"json": {"txt": "Hallo"}}, 422, "text"),
    ({"content": b'{"text": "Hallo', "headers": {"content-type": "application/json"}}, 422, "JSON"),
    ({"content": "Hallo", "headers": {"content-type": "text/plain"}}, 415, "application/json"),
    ({"content": b'{"text": "K\xe4rnten"}', "headers": {"content-type": "application/json"}}, 400, "UTF-8"),
    ({"content": b"{" + b" " * 700_000 + b"}", "headers": {"content-type": "application/json"}}, 413, "bytes"),
])
def test_extract_limits_are_clear_4xx(client, kwargs, status, message):
    r = client.post("/extract", **kwargs)
    assert r.status_code == status, r.text
    assert message in r.text


def test_batch_limits(client):
    r = client.post("/extract/batch", json={"documents": [{"text": "a"}] * 4})
    assert r.status_code == 413 and "the limit is 3" in r.text
    r = client.post("/extract/batch", json={"documents": []})
    assert r.status_code == 422
    r = client.post("/extract/batch", json={"documents": [{"text": "a"}, {"text": "b" * 300}]})
    assert r.status_code == 413 and "documents[1].text" in r.text


def test_health_info_and_openapi(client):
    assert client.get("/health").json() == {"status": "ok"}
    info = client.get("/info").json()
    assert info["base"]["name"] == "blank_de" and "gazetteer_linker" in info["components"]
    assert info["max_batch"] == 3
    schema = client.get("/openapi.json").json()
    assert "DocumentResult" in schema["components"]["schemas"]
    assert "TroopFigure" in schema["components"]["schemas"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_real_server_on_loopback():
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "geonews_nlp.cli", "serve", "--port", str(port),
                             "--max-batch", "2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.stdout.read().decode()
            try:
                if httpx.get(f"{base}/health", timeout=2).json()["status"] == "ok":
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
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
