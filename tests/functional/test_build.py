"""build(): models side by side on cursors of their own, each after what it reads, the same tables
whatever the number of threads, and a failure that stops new models and names its file."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.errors import ClusterdwError, ModelError
from pipelines.load.loader import load
from pipelines.models import builder as build_module
from pipelines.models.builder import BUILD_THREADS_ENV, build, build_threads, load_graph


def write_models(root: Path, models: dict[str, str]) -> None:
    for name, sql in models.items():
        schema = "staging" if name.startswith("stg_") else "marts"
        (root / schema).mkdir(parents=True, exist_ok=True)
        (root / schema / f"{name}.sql").write_text(sql, encoding="utf-8")


def tables_of(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    names = con.execute(
        "select schema_name || '.' || table_name from duckdb_tables() "
        "where schema_name in ('staging', 'marts') order by 1"
    ).fetchall()
    return {name: con.execute(f"select * from {name} order by all").fetchall() for (name,) in names}


@pytest.mark.parametrize("threads", ["1", "4"])
def test_the_projects_models_build_the_same_tables_with_any_number_of_threads(project, monkeypatch, threads):
    built = {}
    for setting in ("1", threads):
        monkeypatch.setenv(BUILD_THREADS_ENV, setting)
        con = duckdb.connect()
        try:
            load(con, project)
            results = build(con, project)
            built[setting] = tables_of(con)
        finally:
            con.close()
        assert [r.model for r in results] == load_graph(project).select(None)  # results in graph order
    assert built["1"] == built[threads] and len(built["1"]) > 10


def test_independent_models_run_at_once_and_each_after_what_it_reads(tmp_path, monkeypatch):
    """Two slow independent models overlap in time; the model reading both starts after both."""
    write_models(
        tmp_path,
        {
            "slow_a": "select count(*) as n from range(20000000) where hash(range) % 7 = 0",
            "slow_b": "select count(*) as n from range(20000000) where hash(range) % 7 = 0",
            "both": "select a.n + b.n as n from marts.slow_a as a, marts.slow_b as b",
        },
    )
    monkeypatch.setenv(BUILD_THREADS_ENV, "2")
    spans: dict[str, tuple[float, float]] = {}
    original = build_module._Builders._build

    def timed_build(self, model):
        started = time.perf_counter()
        result = original(self, model)
        spans[model.name] = (started, time.perf_counter(), threading.current_thread().name)
        return result

    monkeypatch.setattr(build_module._Builders, "_build", timed_build)
    con = duckdb.connect()
    try:
        results = build(con, tmp_path)
        doubled = con.execute("select n = 2 * (select n from marts.slow_a) and n > 0 from marts.both").fetchall()
        assert doubled == [(True,)]
    finally:
        con.close()
    assert [r.model for r in results] == load_graph(tmp_path).select(None)  # graph order, both last
    assert results[-1].model == "marts.both"
    (a_start, a_end, a_thread), (b_start, b_end, b_thread) = spans["slow_a"], spans["slow_b"]
    assert a_thread != b_thread and a_start < b_end and b_start < a_end  # they overlapped
    assert spans["both"][0] >= max(a_end, b_end)


def test_a_failing_model_stops_new_ones_and_names_its_file(tmp_path, monkeypatch):
    write_models(
        tmp_path,
        {
            "broken": "select no_such_column from range(3)",
            "fine": "select 1 as x",
            "after_broken": "select * from marts.broken",
        },
    )
    monkeypatch.setenv(BUILD_THREADS_ENV, "2")
    con = duckdb.connect()
    try:
        with pytest.raises(ModelError) as raised:
            build(con, tmp_path)
        built = {name for (name,) in con.execute("select table_name from duckdb_tables()").fetchall()}
    finally:
        con.close()
    assert "broken.sql" in str(raised.value.where) and "no_such_column" in str(raised.value)
    assert "after_broken" not in built
    assert {r.model: r.status for r in raised.value.model_results}["marts.broken"] == "error"


@pytest.mark.parametrize("value", ["0", "two", "-1"])
def test_a_bad_thread_setting_is_a_clear_error(monkeypatch, value):
    monkeypatch.setenv(BUILD_THREADS_ENV, value)
    with pytest.raises(ClusterdwError) as raised:
        build_threads()
    assert BUILD_THREADS_ENV in str(raised.value.where) and value in str(raised.value)


def test_threads_default_to_one_and_follow_the_setting(monkeypatch):
    monkeypatch.delenv(BUILD_THREADS_ENV, raising=False)
    assert build_threads() == 1
    monkeypatch.setenv(BUILD_THREADS_ENV, "3")
    assert build_threads() == 3
