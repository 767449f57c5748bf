"""Before the rename: the build checkpointed into its file with no WAL left, then re-opened read-only
and checked for what a published warehouse must hold (pipelines/publish/warehouse.py: seal, audit)."""

from __future__ import annotations

import pytest

from pipelines.errors import ClusterdwError
from pipelines.publish import warehouse


def a_build(path, *, run_id="r1", tables=("marts.fct_a",)):
    con = warehouse.connect(path)
    con.execute(
        "create schema raw; create table raw.figures as select 1 as x; create schema meta; "
        "create table meta.runs as select 'r1' as run_id"
    )
    for name in tables:
        con.execute(f"create schema if not exists {name.split('.')[0]}; create table {name} as select 1 as n")
    return con


def test_seal_leaves_every_table_in_the_file_and_no_wal(tmp_path):
    path = tmp_path / "w.duckdb.building-r1"
    con = a_build(path)
    assert path.with_name(path.name + ".wal").exists(), "DuckDB keeps the tables in its WAL until a checkpoint"
    warehouse.seal(con, path)
    assert not path.with_name(path.name + ".wal").exists()
    warehouse.audit(path, "r1", ["marts.fct_a"])


@pytest.mark.parametrize(
    "tables, run_id, message",
    [
        (["marts.fct_a", "marts.fct_b"], "r1", "the build lacks table(s): marts.fct_b"),
        (["marts.fct_a", "staging.stg_b"], "r1", "the build lacks schema(s): staging"),
        (["marts.fct_a"], "r2", "the build's meta.runs has no row for this run (r2)"),
    ],
)
def test_audit_refuses_a_build_that_lacks_what_it_must_hold(tmp_path, tables, run_id, message):
    path = tmp_path / "w.duckdb.building-r1"
    warehouse.seal(a_build(path), path)
    with pytest.raises(ClusterdwError) as refused:
        warehouse.audit(path, run_id, tables)
    assert refused.value.one_line() == (
        f"{message} — {path} — run again; if it happens again, rerun with --debug and report it"
    )
