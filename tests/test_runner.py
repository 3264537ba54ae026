"""The Runner (one loaded pipeline → results) and the engines' bounded, optionally ordered, submit loop."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from geonews_nlp import extract, extract_many, pipeline
from geonews_nlp.engines import LocalEngine, ProcessEngine, create_engine
from geonews_nlp.results import DocumentResult
from geonews_nlp.runner import BLANK_WARNING, PipelineSpec, Runner, get_runner

TEXT = "Nordkorea hat 1.500 Soldaten nach Russland verlegt. Die NATO tagt in Brüssel."
OTHER = "Moskau schickt 300 Soldaten."


def test_extract_and_extract_many_give_equal_results(blank_base):
    one = extract(TEXT, doc_id="a")
    many = list(extract_many([("a", TEXT), ("b", OTHER)], batch_size=1))
    assert [r.id for r in many] == ["a", "b"]
    assert many[0].model_dump() == one.model_dump()
    assert one.troops[0].count == 1500 and {e.text for e in one.entities} >= {"Nordkorea", "NATO"}
    assert one.warnings == [BLANK_WARNING] and one.model.name == "blank_de"


def test_runner_is_cached_with_the_pipeline(blank_base):
    runner = get_runner()
    assert get_runner("de", None, []) is runner and runner.nlp is pipeline.load()
    assert runner.info == pipeline.base_info(runner.nlp)
    pipeline.load.cache_clear()  # a pipeline loaded anew gets its own runner
    again = get_runner()
    assert again is not runner and again.nlp is pipeline.load()


def test_dicts_round_trip_into_document_results(blank_base):
    runner = Runner()
    pairs = runner.dicts([(("in", 0), TEXT), (("in", 1), OTHER)], batch_size=1)
    assert [key for key, _ in pairs] == [("in", 0), ("in", 1)]
    for (_, d), text in zip(pairs, (TEXT, OTHER), strict=True):
        assert d["id"] is None
        back = DocumentResult.model_validate(json.loads(json.dumps(d)))  # JSON-able, and valid
        assert back.model_dump() == runner.extract(text).model_dump()
    assert DocumentResult.model_validate(pairs[1][1]).troops[0].count == 300


def test_local_engine_and_spec_use_the_cached_runner(blank_base):
    spec = PipelineSpec()
    assert spec.runner() is get_runner()
    engine = create_engine("local", spec, batch_size=2)
    assert isinstance(engine, LocalEngine)
    out = list(engine.run(iter([[(0, TEXT), (1, OTHER)], [(2, OTHER)]])))
    assert [[key for key, _ in batch] for batch in out] == [[0, 1], [2]]
    assert out[1][0][1] == get_runner().dicts([(2, OTHER)])[0][1]


def test_extract_many_in_worker_processes_equals_one_process():
    texts = [(f"d{i}", t) for i, t in enumerate([TEXT, OTHER] * 3)]
    one = [r.model_dump() for r in extract_many(texts, model="blank")]
    two = [r.model_dump() for r in extract_many(texts, model="blank", n_process=2, batch_size=2)]
    assert two == one and [r["id"] for r in two] == [t[0] for t in texts]


class _Threads(ProcessEngine):
    """The process engine's loop over a thread pool: even batches finish late."""

    def __init__(self, n: int):
        self.n, self.pool = n, ThreadPoolExecutor(n)
        self.submitted = 0

    def _submit(self, batch):
        self.submitted += 1

        def work():
            time.sleep(0.05 if batch[0][0] % 2 == 0 else 0)
            return [(key, {"text": text}) for key, text in batch]

        return self.pool.submit(work)


def _run(engine: _Threads, ordered: bool) -> tuple[list[int], list[int]]:
    read = []

    def batches():
        for i in range(10):
            read.append(i)
            yield [(i, f"t{i}")]

    keys, in_flight = [], []
    for results in engine.run(batches(), ordered=ordered):
        in_flight.append(engine.submitted - len(keys))
        keys += [key for key, _ in results]
    engine.close()
    assert len(read) == 10
    return keys, in_flight


def test_pool_engines_bound_the_batches_in_flight_and_can_keep_their_order():
    keys, in_flight = _run(_Threads(2), ordered=True)
    assert keys == list(range(10))
    assert max(in_flight) == 4  # two batches a worker, never more
    keys, in_flight = _run(_Threads(2), ordered=False)
    assert sorted(keys) == list(range(10)) and keys != list(range(10))  # odd batches overtake even ones
    assert max(in_flight) == 4


def test_only_applications_freeze_the_gc(blank_base, monkeypatch):
    from geonews_nlp import runner as runner_module

    calls = []
    monkeypatch.setattr(runner_module, "freeze_gc", lambda: calls.append("freeze"))
    extract(OTHER)
    list(extract_many([OTHER]))
    list(create_engine("local", PipelineSpec(), 8).run(iter([[(0, OTHER)]])))
    assert calls == []  # a library call leaves the process's garbage collector alone
    list(create_engine("local", PipelineSpec(), 8, freeze_gc=True).run(iter([[(0, OTHER)], [(1, OTHER)]])))
    assert calls == ["freeze"]  # the CLI's choice: once, after the first text


# --- the character budget: chunks, batches by characters, deadlines, guarded text ------------------

def _offsets_true(result, text: str) -> None:
    for m in [*result.entities, *result.troops]:
        assert text[m.start:m.end] == m.text


def test_extract_of_any_length(blank_base):
    """More than spaCy's max_length (1,000,000: E088 before): cut into chunks, offsets into the whole text."""
    text = "Berlin meldet neue Zahlen.\n\n" + " " * 1_000_000 + "\n\nMoskau schickt 300 Soldaten."
    result = extract(text)
    _offsets_true(result, text)
    assert [t.count for t in result.troops] == [300] and result.troops[0].start > 1_000_000
    assert {e.text for e in result.entities} >= {"Berlin", "Moskau"}


def test_chunked_results_equal_those_of_the_whole_text(blank_base, monkeypatch):
    from geonews_nlp import runner as runner_module

    text = "\n\n".join([TEXT, OTHER, "Kiew meldet 2.000 Gefallene.", TEXT] * 3)
    whole = get_runner().extract(text)
    monkeypatch.setattr(runner_module, "CHUNK_CHARS", 120)
    monkeypatch.setattr(runner_module, "BATCH_CHARS", 250)
    chunked = get_runner().extract(text)
    _offsets_true(chunked, text)
    assert chunked.model_dump() == whole.model_dump()
    # many texts, several of them cut, come back whole and in order
    pairs = [(text[: 50 * i + 30], f"d{i}") for i in range(12)]
    many = list(get_runner().results(pairs, batch_size=3))
    assert [r.id for r in many] == [doc_id for _, doc_id in pairs]
    for r, (t, _) in zip(many, pairs, strict=True):
        _offsets_true(r, t)


def test_batches_are_bounded_by_characters(blank_base, monkeypatch):
    from geonews_nlp import runner as runner_module

    runner = get_runner()
    monkeypatch.setattr(runner_module, "BATCH_CHARS", 1000)
    batches = []
    run = runner._run
    monkeypatch.setattr(runner, "_run", lambda group, *a: batches.append([len(d.text) for _, _, d in group])
                        or run(group, *a))
    assert len(list(runner.results([(OTHER * 30, None)] * 10))) == 10  # 840 characters each: one a batch
    assert batches == [[840]] * 10
    batches.clear()
    assert len(list(runner.results([(OTHER, None)] * 100))) == 100  # 28 each: 35 a batch
    assert [len(b) for b in batches] == [35, 35, 30]


def test_text_dense_with_tokens_is_cut_by_tokens(blank_base, monkeypatch):
    """Memory goes with tokens: "( ( ( (" has one every two characters, and is cut again."""
    from geonews_nlp import runner as runner_module

    runner = get_runner()
    text = "( " * 9_000 + "Moskau schickt 300 Soldaten."
    assert [(o, len(d)) for o, d in runner._chunks("Moskau schickt 300 Soldaten.")] == [(0, 5)]
    chunks = list(runner._chunks(text))
    assert all(len(doc) <= runner_module.CHUNK_TOKENS for _, doc in chunks) and len(chunks) >= 4
    assert "".join(doc.text for _, doc in chunks) == text
    assert all(text[o:o + len(doc.text)] == doc.text for o, doc in chunks)
    batches = []
    run = runner._run
    monkeypatch.setattr(runner, "_run", lambda group, *a: batches.append(sum(len(d) for _, _, d in group))
                        or run(group, *a))
    result = runner.extract(text)
    assert max(batches) <= runner_module.BATCH_TOKENS
    _offsets_true(result, text)
    assert [t.count for t in result.troops] == [300]


def test_deadline(blank_base):
    from geonews_nlp.errors import DeadlineExceeded, GeonewsError

    runner = get_runner()
    with pytest.raises(DeadlineExceeded, match=r"^\[E014\]") as err:
        runner.extract(TEXT, deadline=time.monotonic() - 1)
    assert isinstance(err.value, GeonewsError) and isinstance(err.value, TimeoutError)
    assert runner.extract(TEXT, deadline=time.monotonic() + 60).troops[0].count == 1500
    stream = runner.results([(TEXT, "a"), ("x " * 30_000, "b")], batch_size=1, deadline=time.monotonic() + 60)
    assert next(stream).id == "a"


def test_guard_text_keeps_offsets():
    from geonews_nlp.runner import MAX_WORD_CHARS, guard_text

    for text in ["(" * 40 + "Berlin", "Berlin \ud800 Soldaten", "a" * 3000, "😀" * 20 + " x", "__" * 20,
                 "Berlin (Reuters) – ... ?!", "x" * (MAX_WORD_CHARS + 1)]:
        guarded = guard_text(text)
        assert len(guarded) == len(text)
        assert all(g == c or g in " \ufffd" for g, c in zip(guarded, text, strict=True))
    assert guard_text("Berlin (Reuters) – ... ?!") == "Berlin (Reuters) – ... ?!"
    assert guard_text("Berlin \ud800 x") == "Berlin \ufffd x"
    assert guard_text("(" * 40 + "Berlin") == " " * 40 + "Berlin"
    assert max(len(w) for w in guard_text("a" * 3000).split()) <= MAX_WORD_CHARS


def test_hostile_texts_keep_their_own_characters_in_mentions(blank_base):
    for text in ["Berlin \ud800 Soldaten", "((((((((((((((((((((Berlin)))))))))))))))))))) 300 Soldaten",
                 "Moskau\ud800schickt 300 Soldaten nach Kiew \udfff."]:
        result = extract(text)
        _offsets_true(result, text)
    assert extract("Moskau schickt 300 Soldaten \ud800.").troops[0].count == 300


def test_extract_many_in_a_script_without_main_guard_says_so(tmp_path):
    """Spawned workers import the script again; without the guard they die (BrokenProcessPool before)."""
    import os
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text("import geonews_nlp\n"
                      "texts = ['Moskau schickt 300 Soldaten.'] * 4\n"
                      "print(len(list(geonews_nlp.extract_many(texts, model='blank', n_process=2, batch_size=1))))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, env=env,
                         cwd=tmp_path)
    assert run.returncode != 0
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("geonews_nlp.errors.WorkersFailed: [E015]") and "has no `if __name__" in last
    guarded = tmp_path / "guarded.py"
    guarded.write_text("import geonews_nlp\n"
                       "if __name__ == '__main__':\n"
                       "    texts = ['Moskau schickt 300 Soldaten.'] * 4\n"
                       "    print(len(list(geonews_nlp.extract_many(texts, model='blank', n_process=2, batch_size=1))))\n")
    run = subprocess.run([sys.executable, str(guarded)], capture_output=True, text=True, timeout=300, env=env,
                         cwd=tmp_path)
    assert run.returncode == 0 and run.stdout.strip() == "4"
