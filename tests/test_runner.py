"""The Runner (one loaded pipeline → results) and the engines' bounded, optionally ordered, submit loop."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor

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
