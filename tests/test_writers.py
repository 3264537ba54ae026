"""Writers: the row schema of CSV/Parquet, the writer registry, and no process state changed at import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geonews_nlp import writers
from geonews_nlp.cli import app
from geonews_nlp.results import DocumentResult

# The columns as written since entities carry ``canonical`` (issue 21; before, the same without it): a
# deliberate change of the row schema, so files of earlier runs have one column less.
COLUMNS = {
    "doc_id": "string", "kind": "string", "label": "string", "text": "string", "canonical": "string",
    "start": "int64",
    "end": "int64", "source": "string", "link_id": "string", "link_name": "string", "link_type": "string",
    "country": "string", "lat": "float64", "lon": "float64", "count": "int64", "count_max": "int64",
    "qualifier": "string", "unit": "string", "unit_count": "int64", "actor": "string",
    "troop_kind": "string", "location": "string",
}

RESULT = {
    "id": "a", "lang": "de", "model": {"name": "blank_de", "version": "3.8"}, "warnings": [],
    "entities": [{"label": "LOC", "text": "Nordkorea", "start": 0, "end": 9, "source": "gazetteer",
                  "link": {"id": "Q423", "name": "North Korea", "type": "country", "country": "KP", "lat": 40.0,
                           "lon": 127.0, "score": 100, "method": "exact"}},
                 {"label": "ORG", "text": "NATO", "start": 60, "end": 64, "source": "rule", "link": None}],
    "troops": [{"start": 14, "end": 28, "text": "1.500 Soldaten", "count": 1500, "qualifier": "exact",
                "unit": "personnel", "actor": "KP", "kind": "strength",
                "location": {"id": "Q159", "name": "Russia", "type": "country", "score": 100, "method": "exact"}}],
}

CSV = ("doc_id,kind,label,text,canonical,start,end,source,link_id,link_name,link_type,country,lat,lon,count,"
       "count_max,qualifier,unit,unit_count,actor,troop_kind,location\r\n"
       "a,entity,LOC,Nordkorea,Nordkorea,0,9,gazetteer,Q423,North Korea,country,KP,40.0,127.0,,,,,,,,\r\n"
       "a,entity,ORG,NATO,NATO,60,64,rule,,,,,,,,,,,,,,\r\n"
       "a,troop,TROOP,1.500 Soldaten,,14,28,,,,,,,,1500,,exact,personnel,,KP,strength,Russia\r\n")


def test_row_schema_is_the_columns_of_old():
    assert writers.COLUMNS == COLUMNS and list(writers.COLUMNS) == list(COLUMNS)


def test_records_carry_the_columns_of_their_mention():
    entity, no_link, troop = DocumentResult.model_validate(RESULT).to_records()
    assert list(entity) == list(COLUMNS)[:14] and list(no_link) == list(entity)
    assert entity["canonical"] == "Nordkorea"  # a result written before ``canonical``: the text
    assert list(troop) == ["doc_id", "kind", "label", "text", "start", "end", "count", "count_max", "qualifier",
                           "unit", "unit_count", "actor", "troop_kind", "location"]
    assert (entity["link_name"], entity["country"], entity["lat"]) == ("North Korea", "KP", 40.0)
    assert no_link["link_id"] is None
    assert (troop["label"], troop["count"], troop["troop_kind"], troop["location"]) == ("TROOP", 1500, "strength",
                                                                                       "Russia")


def test_csv_bytes_and_parquet_types(tmp_path):
    writers.write_results(tmp_path / "a.csv", [RESULT], "csv")
    assert (tmp_path / "a.csv").read_bytes() == CSV.encode()
    writers.combine([tmp_path / "a.csv", tmp_path / "a.csv"], tmp_path / "both.csv", "csv")
    assert (tmp_path / "both.csv").read_bytes() == (CSV + CSV.split("\r\n", 1)[1]).encode()
    pq = pytest.importorskip("pyarrow.parquet")
    writers.write_results(tmp_path / "a.parquet", [RESULT], "parquet")
    table = pq.read_table(tmp_path / "a.parquet")
    assert {f.name: str(f.type).replace("double", "float64") for f in table.schema} == COLUMNS
    assert table.column("count").to_pylist() == [None, None, 1500]


class TsvWriter(writers.Writer):
    suffix = ".tsv"

    def write(self, path: Path, results: list[dict]) -> None:
        with writers.atomic_writer(path) as f:
            for row in writers.records(results):
                f.write("\t".join("" if v is None else str(v) for v in row.values()) + "\n")


@pytest.fixture
def tsv():
    writers.register(TsvWriter)
    yield
    del writers.WRITERS["tsv"]


def test_a_registered_writer_is_picked_by_its_suffix(tsv, tmp_path, blank_base):
    assert "tsv" in writers.FORMATS and isinstance(writers.get_writer("tsv"), TsvWriter)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Nordkorea hat 1.500 Soldaten nach Russland verlegt.", encoding="utf-8")
    (src / "b.txt").write_text("Die NATO tagt in Brüssel.", encoding="utf-8")
    cli = CliRunner()
    for name in ("out.tsv", "out.jsonl"):
        r = cli.invoke(app, ["annotate", str(src), "-o", str(tmp_path / name), "--quiet"])
        assert r.exit_code == 0, r.output
    results = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = writers.records(results)
    assert len(rows) >= 4 and rows[0]["doc_id"] == "a.txt" and rows[-1]["doc_id"] == "b.txt"
    assert (tmp_path / "out.tsv").read_text(encoding="utf-8").splitlines() == [
        "\t".join("" if v is None else str(v) for v in row.values()) for row in rows]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl", "out.tsv"]  # one file each


def test_an_unknown_format_names_the_registered_ones():
    with pytest.raises(ValueError, match="choose one of jsonl, csv, parquet"):
        writers.check_format("xml")


UMASK_PROBE = """
import os, tempfile
from pathlib import Path
calls = []
real = os.umask
os.umask = lambda mask: (calls.append(mask), real(mask))[1]
real(0o027)
import geonews_nlp.writers as writers
import geonews_nlp.batch
assert calls == [], f"umask set at import: {calls}"
path = Path(tempfile.mkdtemp()) / "x.txt"
with writers.atomic_writer(path) as f:
    f.write("x")
print(oct(path.stat().st_mode & 0o777), real(0o022) == 0o027)
"""


def test_importing_writers_leaves_the_umask_alone():
    src = str(Path(writers.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", UMASK_PROBE], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0o640", "True"]  # files get 0666 less the umask, read when first needed


def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(tmp_path):
    from geonews_nlp.writers import neutralise

    assert [neutralise(v) for v in ("=1+1", "+49", "-x", "@SUM", "\tA", "\rB", "NATO", 5, -3, None)] == [
        "'=1+1", "'+49", "'-x", "'@SUM", "'\tA", "'\rB", "NATO", 5, -3, None]


def test_parquet_writes_an_integer_beyond_int64_as_null_with_a_warning(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from geonews_nlp.writers import get_writer

    result = {"id": "d", "lang": "de", "model": {"name": "blank", "version": "0"}, "entities": [],
              "warnings": [], "troops": [{"text": "x Soldaten", "start": 0, "end": 10, "count": 10 ** 39,
                                          "qualifier": "exact", "unit": "personnel", "kind": "strength"}]}
    warnings = get_writer("parquet").write(tmp_path / "o.parquet", [result])
    assert len(warnings) == 1 and "count" in warnings[0] and "written as null" in warnings[0]
    assert pq.read_table(tmp_path / "o.parquet").to_pylist()[0]["count"] is None
