"""Every error the library raises is a GeonewsError whose message starts with its code."""

from __future__ import annotations

import json
import pickle
import sys

import pytest

import geonews_nlp
from geonews_nlp import api, batch, engines, errors, readers, runner, writers
from geonews_nlp.errors import Errors, GeonewsError, MissingDependency, ReadError, SettingsMismatch
from geonews_nlp.runner import PipelineSpec


def test_codes_are_unique_and_open_their_message():
    codes = {name: text for name, text in vars(Errors).items() if name.startswith("E")}
    assert len(codes) >= 10
    for name, text in codes.items():
        assert text.startswith(f"[{name}] "), name


def test_error_classes_are_geonews_errors_and_keep_their_old_homes_and_bases():
    for module in (errors, readers, writers, batch, engines, runner, api):
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, BaseException) and obj.__module__.startswith("geonews_nlp"):
                assert issubclass(obj, GeonewsError), obj
    assert readers.ReadError is ReadError and batch.SettingsMismatch is SettingsMismatch
    assert writers.MissingDependency is MissingDependency
    assert issubclass(ReadError, ValueError) and issubclass(SettingsMismatch, ValueError)
    assert issubclass(MissingDependency, RuntimeError)


def _settings_mismatch(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Text", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / batch.SETTINGS).write_text(json.dumps(batch._settings_json(batch.JobSettings())))
    batch.annotate_folder(tmp_path / "in", out, batch.JobSettings(text_field="body"), resume=True, progress=False)


def _no_module(monkeypatch, name):
    monkeypatch.setitem(sys.modules, name, None)  # `import name` raises ImportError


CASES = {
    "E002 model": (lambda tmp_path, mp: geonews_nlp.extract("x", model=str(tmp_path / "nothing")), "[E002]"),
    "E003 input": (lambda tmp_path, mp: geonews_nlp.extract(42), "[E003]"),
    "E005 read": (lambda tmp_path, mp: readers.decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "[E005] binary"),
    "E006 settings": (lambda tmp_path, mp: _settings_mismatch(tmp_path), "[E006] the run in"),
    "E007 pyarrow": (lambda tmp_path, mp: (_no_module(mp, "pyarrow"), writers.check_format("parquet")),
                     "[E007] Parquet output needs pyarrow"),
    "E007 dask": (lambda tmp_path, mp: (_no_module(mp, "dask.distributed"),
                                        engines.create_engine("dask", PipelineSpec(), 8)),
                  "[E007] the dask engine needs dask.distributed"),
    "E008 format": (lambda tmp_path, mp: writers.write_results(tmp_path / "x.xml", [], "xml"),
                    "[E008] unknown format 'xml'"),
    "E009 engine": (lambda tmp_path, mp: engines.create_engine("spark", PipelineSpec(), 8),
                    "[E009] unknown engine 'spark'"),
    "E010 chunks": (lambda tmp_path, mp: readers.chunk_text("Text", 0), "[E010]"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_error_is_a_geonews_error_with_its_code(case, tmp_path, monkeypatch):
    raise_it, start = CASES[case]
    with pytest.raises(GeonewsError) as e:
        raise_it(tmp_path, monkeypatch)
    assert str(e.value).startswith(start), str(e.value)


def test_a_read_error_keeps_its_reason_without_the_code():
    with pytest.raises(ReadError) as e:
        readers.decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert e.value.reason.startswith("binary file") and e.value.line is None  # what errors.jsonl records
    again = pickle.loads(pickle.dumps(ReadError("invalid JSON", 3)))
    assert (str(again), again.reason, again.line) == ("[E005] invalid JSON", "invalid JSON", 3)
