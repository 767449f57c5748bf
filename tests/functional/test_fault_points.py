"""A run killed (SIGKILL, as by power loss or the OOM killer) at each named point of its way, through
the environment hook of tests/faults.py: the last good warehouse stays byte-identical and openable
(or, killed just after the rename, the new one is whole), and the next run succeeds."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import duckdb
import pytest

from pipelines.faults import FAULT_POINTS

from faults import run_process
from helpers import digest

pytestmark = pytest.mark.slow  # a run killed at each fault point, then run again


def runs_in(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_output_values").fetchall()[0][0] > 0
        return con.execute("select count(*) from meta.runs").fetchall()[0][0]


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_a_run_killed_at_each_point_leaves_a_whole_warehouse_and_the_next_run_succeeds(built_project, tmp_path, point):
    db = built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    args = ["run", "--no-docs"] + (["--export", str(tmp_path / "bi")] if point == "export" else [])
    killed = run_process(built_project, *args, fault_at=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if point in ("after-rename", "export"):  # renamed: the new warehouse, whole, is the published one
        assert digest(db) != before and runs_in(db) == 2
    else:
        assert digest(db) == before and runs_in(db) == 1
    if point == "export":
        assert not (tmp_path / "bi" / "manifest.json").exists()
    again = run_process(built_project, *args)
    assert again.returncode == 0, again.stderr
    assert runs_in(db) >= 2
    assert not list(db.parent.glob("*.building-*")), "the next run removes what the killed one left"
    if point == "export":
        assert json.loads((tmp_path / "bi" / "manifest.json").read_text())["tables"]
