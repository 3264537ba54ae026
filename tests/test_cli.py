"""The command line: extract, annotate (with bad files), info, evaluate."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from geonews_nlp.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def _blank_base(blank_base):
    """CLI tests run on the blank base (conftest.blank_base)."""


def test_extract_from_argument_and_stdin():
    r = runner.invoke(app, ["extract", "Nordkorea hat 1.500 Soldaten verlegt."])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["troops"][0]["count"] == 1500
    r = runner.invoke(app, ["extract", "-"], input="Tausende russische Soldaten")
    assert json.loads(r.stdout)["troops"][0]["actor"] == "RU"


def test_annotate_skips_bad_files(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("Nordkorea hat 1.500 Soldaten nach Russland verlegt.", encoding="utf-8")
    (src / "sub" / "b.md").write_text("# Titel\n\nDie NATO tagt.", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (src / "latin1.txt").write_bytes("Die Soldaten kämpfen für Österreich.".encode("latin-1"))
    (src / "lines.jsonl").write_text('{"id": "n1", "text": "Moskau schickt 300 Soldaten."}\n{oops\n',
                                     encoding="utf-8")
    (src / "ignored.csv").write_text("x", encoding="utf-8")
    out = tmp_path / "out" / "result.jsonl"
    r = runner.invoke(app, ["annotate", str(src), "-o", str(out), "--quiet"])
    assert r.exit_code == 1  # some inputs failed
    assert "skipped binary.txt: binary file" in r.stderr and "skipped empty.txt: empty file" in r.stderr
    assert "skipped lines.jsonl line 2: invalid JSON" in r.stderr
    assert "4 documents from 6 files" in r.stderr and "3 skipped" in r.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == ["a.txt", "latin1.txt", "n1", "sub/b.md"]
    assert lines[0]["troops"][0]["count"] == 1500 and lines[1]["entities"][0]["text"] == "Österreich"
    errors = [json.loads(x) for x in (out.parent / "result.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["path"], e.get("line")) for e in errors] == [("binary.txt", None), ("empty.txt", None),
                                                            ("lines.jsonl", 2)]
    assert sorted(p.name for p in out.parent.iterdir()) == ["result.errors.jsonl", "result.jsonl"]


def test_annotate_bad_arguments(tmp_path):
    (tmp_path / "a.txt").write_text("Text", encoding="utf-8")
    r = runner.invoke(app, ["annotate", str(tmp_path), "-o", str(tmp_path / "o"), "--format", "xml"])
    assert r.exit_code == 2 and "unknown --format 'xml'" in r.stderr
    r = runner.invoke(app, ["annotate", str(tmp_path), "-o", str(tmp_path / "o"), "--engine", "spark"])
    assert r.exit_code == 2 and "unknown engine 'spark'" in r.stderr


def test_annotate_clean_folder_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text("Moskau schickt 300 Soldaten.", encoding="utf-8")
    r = runner.invoke(app, ["annotate", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--summary", "--quiet"])
    assert r.exit_code == 0, r.output
    assert "TROOP «300 Soldaten»" in r.stdout


def test_annotate_missing_folder(tmp_path):
    r = runner.invoke(app, ["annotate", str(tmp_path / "nope"), "-o", str(tmp_path / "o.jsonl")])
    assert r.exit_code == 2 and "does not exist" in r.stderr


def test_info():
    r = runner.invoke(app, ["info"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["base"]["origin"] == "blank" and "troop_figures" in data["components"]
    assert data["gazetteer"]["country"]["entries"] > 200 and data["gazetteer"]["city"]["entries"] >= 30000


def test_evaluate_troops(tmp_path):
    text = "Nordkorea hat 1.500 Soldaten verlegt. Tausende Zivilisten flohen."
    gold = {"id": "d1", "lang": "de", "text": text,
            "troops": [{"start": 14, "end": 28, "text": "1.500 Soldaten", "count": 1500, "count_max": None,
                        "qualifier": "exact", "unit": "personnel", "unit_count": None, "actor": "KP",
                        "kind": "strength"},
                       {"start": 38, "end": 58, "text": "Tausende Zivilisten", "count": 1000, "count_max": None,
                        "qualifier": "vague", "unit": "personnel", "unit_count": None, "actor": None,
                        "kind": "strength"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["evaluate", "troops", str(path), "--json", "--errors"])
    assert r.exit_code == 0, r.output
    scores = json.loads(r.stdout[r.stdout.index("{"):])
    assert scores["span"]["precision"] == 1.0 and scores["span"]["recall"] == 0.5
    assert "[miss] d1: 'Tausende Zivilisten'" in r.stdout


def test_evaluate_bad_gold_names_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "a"}\n{broken\n', encoding="utf-8")
    r = runner.invoke(app, ["evaluate", "troops", str(path)])
    assert r.exit_code == 2 and "line 2" in r.stderr


NK_TEXT = "Nordkorea schickt Soldaten nach Russland."
NK_SPANS = {"Nordkorea": (0, 9, "LOC"), "Russland": (32, 40, "LOC"), "Soldaten": (18, 26, "ORG")}


def _nk_gold(tmp_path, *names):
    """A one-document gold file over NK_TEXT marking the given names ("Soldaten" is a wrong ORG on purpose)."""
    gold = tmp_path / "gold.jsonl"
    ents = [{"start": s, "end": e, "text": n, "label": label} for n in names for s, e, label in [NK_SPANS[n]]]
    gold.write_text(json.dumps({"id": "d1", "text": NK_TEXT, "entities": ents}) + "\n", encoding="utf-8")
    return gold


def test_evaluate_ner_on_jsonl_gold(tmp_path):
    gold = _nk_gold(tmp_path, "Nordkorea", "Russland", "Soldaten")
    r = runner.invoke(app, ["evaluate", "ner", str(gold), "--format", "jsonl", "--json"])
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    assert s["LOC"]["f1"] == 1.0 and s["ORG"]["recall"] == 0.0 and s["ALL"]["support"] == 3


def test_evaluate_ner_out_bias_needs_a_trained_ner(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "d1", "text": "Nordkorea", "entities": [
        {"start": 0, "end": 9, "text": "Nordkorea", "label": "LOC"}]}) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["evaluate", "ner", str(gold), "--format", "jsonl", "--model", "blank",
                            "--out-bias", "1"])
    assert r.exit_code == 2 and "--out-bias needs a base with a trained 'ner'" in r.stderr

def test_a_missing_model_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    from geonews_nlp.cli import main

    monkeypatch.setattr("sys.argv", ["geonews", "extract", "--model", str(tmp_path / "nothing"), "Text"])
    with pytest.raises(SystemExit) as e:
        main()
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: [E002]") and "Traceback" not in err


def test_blank_is_a_model_choice():
    r = runner.invoke(app, ["info", "--model", "blank"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["base"]["origin"] == "blank"


def test_evaluate_ner_bootstrap_adds_an_interval_around_the_f1(tmp_path):
    lines = []
    for i, place in enumerate(["Berlin", "Kiew", "Moskau", "Paris"] * 3):
        text = f"Die Delegation reiste nach {place}."
        start = text.index(place)
        lines.append(json.dumps({"id": f"d{i}", "text": text, "entities": [
            {"start": start, "end": start + len(place), "text": place, "label": "LOC"}]}))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["evaluate", "ner", str(gold), "--format", "jsonl", "--json", "--bootstrap", "200"])
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    lo, hi = s["ALL"]["f1_ci95"]
    assert 0.0 <= lo <= s["ALL"]["f1"] <= hi <= 1.0
    r = runner.invoke(app, ["evaluate", "ner", str(gold), "--format", "jsonl", "--bootstrap", "200"])
    assert "95% interval" in r.stdout
    r = runner.invoke(app, ["evaluate", "ner", str(gold), "--format", "jsonl", "--bootstrap", "-1"])
    assert r.exit_code == 2 and "--bootstrap" in r.stderr


def test_evaluate_ner_errors_lists_each_miss_with_its_context(tmp_path):
    gold = _nk_gold(tmp_path, "Nordkorea", "Soldaten")
    r = runner.invoke(app, ["evaluate", "ner", str(gold), "--format", "jsonl", "--model", "blank", "--errors"])
    assert r.exit_code == 0, r.output
    assert "[missed] ORG 'Soldaten'\n    d1: Nordkorea schickt [[Soldaten]] nach Russland." in r.stdout
    assert "[spurious] LOC 'Russland'" in r.stdout and "errors: missed ORG 1, spurious LOC 1" in r.stdout
    r = runner.invoke(app, ["evaluate", "ner", str(gold), "--format", "jsonl", "--model", "blank", "--errors",
                            "--json"])
    assert json.loads(r.stdout)["ALL"]["support"] == 2 and "[missed]" in r.stderr


def test_evaluate_ner_errors_on_gold_tokens(tmp_path):
    gold = tmp_path / "gold.conll"
    gold.write_text("Nordkorea B-LOC\nschickt O\nSoldaten B-ORG\nnach O\nRussland B-LOC\n. O\n\n", encoding="utf-8")
    r = runner.invoke(app, ["evaluate", "ner", str(gold), "--format", "conll", "--model", "blank", "--errors"])
    assert r.exit_code == 0, r.output
    assert "[missed] ORG 'Soldaten'\n    Nordkorea schickt Soldaten nach Russland ." in r.stdout
    assert "errors: missed ORG 1\n1 sentences" in r.stdout


def test_exit_codes_0_1_2_3(tmp_path, monkeypatch):
    """0 all done, 1 some inputs skipped, 2 usage, 3 internal error (docs/batch.md)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Die NATO tagt.", encoding="utf-8")
    r = runner.invoke(app, ["annotate", str(src), "-o", str(tmp_path / "o0.jsonl"), "--quiet"])
    assert r.exit_code == 0, r.output
    (src / "empty.jsonl").write_bytes(b"")
    r = runner.invoke(app, ["annotate", str(src), "-o", str(tmp_path / "o1.jsonl"), "--quiet"])
    assert r.exit_code == 1 and "skipped empty.jsonl: empty file" in r.stderr
    r = runner.invoke(app, ["annotate", str(tmp_path / "missing"), "-o", str(tmp_path / "o2.jsonl")])
    assert r.exit_code == 2
    from geonews_nlp import batch

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(batch, "annotate_folder", broken)
    r = runner.invoke(app, ["annotate", str(src), "-o", str(tmp_path / "o3.jsonl"), "--quiet"])
    assert r.exit_code == 3 and "internal error: RuntimeError: a bug" in r.stderr


def test_csv_formulas_are_neutralised_unless_csv_raw(tmp_path, monkeypatch):
    from geonews_nlp import engines

    real = engines.annotate

    def formula(batch, spec, batch_size=64):
        out = real(batch, spec, batch_size)
        for _, r in out:
            for e in r["entities"]:
                e["text"] = "=HYPERLINK(1)"
        return out

    monkeypatch.setattr(engines, "annotate", formula)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Die NATO tagt in Brüssel.", encoding="utf-8")
    for args, cell in (([], "'=HYPERLINK(1)"), (["--csv-raw"], "=HYPERLINK(1)")):
        out = tmp_path / f"o{len(args)}.csv"
        r = runner.invoke(app, ["annotate", str(src), "-o", str(out), "--quiet", *args])
        assert r.exit_code == 0, r.output
        import csv

        with open(out, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert rows and {row["text"] for row in rows} == {cell}
