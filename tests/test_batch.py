"""Folder annotation: formats, chunks, limits, resume after kill -9, and the process and Dask engines."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geonews_nlp import batch
from geonews_nlp.batch import JobSettings, SettingsMismatch, annotate_folder

SENTENCES = [
    "Nordkorea hat rund 12.000 Soldaten nach Russland geschickt.",
    "Die Bundeswehr verlegt eine Brigade mit 5.000 Soldaten nach Litauen.",
    "In Kursk kämpfen Tausende nordkoreanische Soldaten.",
    "Die NATO berät in Brüssel über die Lage in der Ukraine.",
]


def _corpus(root: Path, n: int, paragraphs: int = 1) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = "\n\n".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(paragraphs))
        (root / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    return root


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_single_file_outputs_agree_across_formats(tmp_path, blank_base):
    src = _corpus(tmp_path / "in", 4)
    docs = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"out.{fmt}"
        s = annotate_folder(src, out, JobSettings(fmt=fmt), progress=False)
        assert s.output == out and not s.problems and s.documents == 4
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no parts or temporary files
        docs[fmt] = out
    results = _lines(docs["jsonl"])
    assert [r["id"] for r in results] == [f"doc{i:03d}.txt" for i in range(4)]
    mentions = [(r["id"], m["start"], m["text"]) for r in results for m in r["entities"] + r["troops"]]
    with open(docs["csv"], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted((r["doc_id"], int(r["start"]), r["text"]) for r in rows) == sorted(mentions)
    assert any(r["kind"] == "troop" and r["count"] == "12000" for r in rows)
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(docs["parquet"]).to_pylist()
    assert [(r["doc_id"], r["start"], r["text"]) for r in table] == [
        (r["doc_id"], int(r["start"]), r["text"]) for r in rows]


def test_long_documents_are_chunked_with_true_offsets(tmp_path, blank_base, monkeypatch):
    src = _corpus(tmp_path / "in", 1, paragraphs=12)
    whole = annotate_folder(src, tmp_path / "whole.jsonl", JobSettings(), progress=False)
    monkeypatch.setattr(batch, "CHUNK_CHARS", 150)
    chunked = annotate_folder(src, tmp_path / "chunked.jsonl", JobSettings(), progress=False)
    assert whole.documents == chunked.documents == 1
    text = (src / "doc000.txt").read_text(encoding="utf-8")
    result = _lines(tmp_path / "chunked.jsonl")[0]
    assert len(result["troops"]) >= 6
    for m in result["entities"] + result["troops"]:
        assert text[m["start"]:m["end"]] == m["text"]
    assert result == _lines(tmp_path / "whole.jsonl")[0]  # paragraphs are independent here


def test_max_chars_refuses_with_a_reason(tmp_path, blank_base):
    src = _corpus(tmp_path / "in", 2)
    (src / "big.txt").write_text("Wort " * 500, encoding="utf-8")
    s = annotate_folder(src, tmp_path / "o.jsonl", JobSettings(max_chars=1000), progress=False)
    assert [(p.path, "more than --max-chars 1,000" in p.reason) for p in s.problems] == [("big.txt", True)]
    assert json.loads((tmp_path / "o.errors.jsonl").read_text(encoding="utf-8"))["path"] == "big.txt"
    assert s.documents == 2


def test_resume_skips_finished_inputs_and_redoes_changed_ones(tmp_path, blank_base):
    src = _corpus(tmp_path / "in", 3)
    out = tmp_path / "shards"
    annotate_folder(src, out, JobSettings(), progress=False)
    assert sorted(p.name for p in out.iterdir()) == [
        "_manifest.jsonl", "_settings.json", "doc000.txt.jsonl", "doc001.txt.jsonl", "doc002.txt.jsonl"]
    (src / "doc001.txt").write_text("Moskau schickt 300 Soldaten.", encoding="utf-8")
    seen = []
    s = annotate_folder(src, out, JobSettings(), resume=True, progress=False, on_result=seen.append)
    assert s.files_done_before == 2 and [r["id"] for r in seen] == ["doc001.txt"]
    assert _lines(out / "doc001.txt.jsonl")[0]["troops"][0]["count"] == 300
    with pytest.raises(SettingsMismatch, match="text_field"):
        annotate_folder(src, out, JobSettings(text_field="body"), resume=True, progress=False)


def _run_cli(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "geonews_nlp.cli", "annotate", *args, "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ})


def test_kill_9_midway_then_resume_equals_an_uninterrupted_run(tmp_path):
    src = _corpus(tmp_path / "in", 120, paragraphs=24)
    out = tmp_path / "out.jsonl"
    manifest = tmp_path / ".out.jsonl.parts" / batch.MANIFEST
    proc = _run_cli([str(src), "-o", str(out), "--batch-size", "4"])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.is_file() and len(manifest.read_text(encoding="utf-8").splitlines()) >= 3:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    finished = len(manifest.read_text(encoding="utf-8").splitlines())
    assert proc.returncode == -signal.SIGKILL and 3 <= finished < 120 and not out.exists()

    resumed = _run_cli([str(src), "-o", str(out), "--resume"])
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    assert f"{finished} already done" in err.decode()
    fresh = _run_cli([str(src), "-o", str(tmp_path / "fresh.jsonl")])
    fresh.communicate(timeout=300)
    assert out.read_text(encoding="utf-8").splitlines() == (tmp_path / "fresh.jsonl").read_text(
        encoding="utf-8").splitlines()
    assert len(_lines(out)) == 120 and not manifest.parent.exists()


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_two_workers_give_the_single_process_output(tmp_path, engine):
    if engine == "dask":
        pytest.importorskip("dask.distributed")
    src = _corpus(tmp_path / "in", 12, paragraphs=3)
    (src / "bad.jsonl").write_text('{"text": "Die NATO tagt."}\n{oops\n', encoding="utf-8")
    one = annotate_folder(src, tmp_path / "one", JobSettings(), progress=False, batch_size=4)
    two = annotate_folder(src, tmp_path / "two", JobSettings(), progress=False, batch_size=4, engine=engine,
                          n_process=2)
    assert [p.line for p in two.problems] == [p.line for p in one.problems] == [2]
    names = sorted(p.relative_to(tmp_path / "one").as_posix() for p in (tmp_path / "one").rglob("*.jsonl")
                   if not p.name.startswith("_"))
    assert len(names) == 14  # 13 shards and errors.jsonl
    for name in names:
        assert (tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name


def test_unopenable_input_is_reported_and_retried_on_resume(tmp_path, blank_base, monkeypatch):
    src = _corpus(tmp_path / "in", 3)
    real_hash = batch.file_hash

    def locked(path):
        if path.name == "doc001.txt":
            raise PermissionError(13, "Permission denied")
        return real_hash(path)

    monkeypatch.setattr(batch, "file_hash", locked)
    s = annotate_folder(src, tmp_path / "out", JobSettings(), progress=False)
    assert [(p.path, p.reason) for p in s.problems] == [("doc001.txt", "cannot read: Permission denied")]
    assert s.documents == 2
    monkeypatch.setattr(batch, "file_hash", real_hash)
    s = annotate_folder(src, tmp_path / "out", JobSettings(), resume=True, progress=False)
    assert s.files_done_before == 2 and not s.problems and s.documents == 3


def test_full_disk_loses_nothing_finished(tmp_path, blank_base, monkeypatch):
    import errno

    src = _corpus(tmp_path / "in", 4)
    real_write = batch.write_results
    calls = []

    def disk_full_on_third(path, results, fmt):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, results, fmt)

    monkeypatch.setattr(batch, "write_results", disk_full_on_third)
    with pytest.raises(OSError, match="No space"):
        annotate_folder(src, tmp_path / "out.jsonl", JobSettings(), progress=False, batch_size=1)
    monkeypatch.setattr(batch, "write_results", real_write)
    s = annotate_folder(src, tmp_path / "out.jsonl", JobSettings(), resume=True, progress=False)
    assert s.files_done_before == 2
    fresh = annotate_folder(src, tmp_path / "fresh.jsonl", JobSettings(), progress=False)
    assert fresh.documents == s.documents == 4
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "fresh.jsonl").read_bytes()


def test_ctrl_c_stops_cleanly_and_resumes(tmp_path, blank_base):
    src = _corpus(tmp_path / "in", 5)
    seen = []

    def interrupt_after_two(result):
        seen.append(result["id"])
        if len(seen) == 2:
            raise KeyboardInterrupt

    s = annotate_folder(src, tmp_path / "out", JobSettings(), progress=False, batch_size=1,
                        on_result=interrupt_after_two)
    assert s.interrupted and s.output is None
    s = annotate_folder(src, tmp_path / "out", JobSettings(), resume=True, progress=False)
    assert not s.interrupted and s.documents == 5 and s.files_done_before >= 1


def test_output_inside_the_input_folder_is_not_read_back(tmp_path, blank_base):
    src = _corpus(tmp_path / "in", 2)
    for _ in range(2):
        s = annotate_folder(src, src / "shards", JobSettings(), progress=False)
        assert s.files == 2 and s.documents == 2
    s = annotate_folder(src, src / "all.jsonl", JobSettings(), progress=False)
    s = annotate_folder(src, src / "all.jsonl", JobSettings(), progress=False)
    assert s.files == 2 and len(_lines(src / "all.jsonl")) == 2
