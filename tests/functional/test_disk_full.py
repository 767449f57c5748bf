"""A run starved of space: the target folder (or the export folder) on a tmpfs too small for it
(tests/faults.py). Never "Published" with a file that lacks its tables, never an internal error: one
line naming the folder and the space the build needs, the last good warehouse byte-identical, no build
or WAL left, and the next run, given room, succeeds."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from faults import error_lines, run_process, small_disk
from helpers import digest

pytestmark = pytest.mark.slow  # runs on a small tmpfs, in subprocesses

NEEDS = "Error: no space left on the disk while writing the build: it needs "


def whole(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_output_values").fetchall()[0][0] > 0
        assert con.execute("select count(*) from meta.runs where status = 'success'").fetchall()[0][0] >= 1


@pytest.mark.parametrize("size", ["1m", "2m", "5m", "9m"])
def test_a_first_run_on_a_disk_too_small_says_so_and_publishes_nothing(project, tmp_path, size):
    target = project / "target"
    with small_disk(target, size):
        result = run_process(project, "run", "--no-docs")
        assert result.returncode == 1, result.stderr
        [line] = error_lines(result.stderr)
        assert line.startswith(NEEDS) and line.endswith(
            f" are free — {target} — free space there, or pass --db a path on a larger disk; "
            "the published warehouse was left as it was"
        ), line
        assert "it needs more than the " in line
        assert not (target / "warehouse.duckdb").exists()
        assert sorted(p.name for p in target.iterdir()) <= [
            "run_history.jsonl",
            "run_results.json",
            "warehouse.duckdb.lock",
        ]
    result = run_process(project, "run", "--no-docs")  # room again
    assert result.returncode == 0, result.stderr
    whole(target / "warehouse.duckdb")


def test_a_run_without_room_beside_the_published_warehouse_leaves_it_byte_identical(built, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(built, project, ignore=shutil.ignore_patterns("target"))
    target = project / "target"
    with small_disk(target, "14m"):
        assert run_process(project, "run", "--no-docs").returncode == 0
        before = digest(target / "warehouse.duckdb")
        result = run_process(project, "run", "--no-docs")
        assert result.returncode == 1, result.stderr
        [line] = error_lines(result.stderr)
        assert (
            line.startswith(NEEDS + "about ") and "free (the last published warehouse and room for its log)" in line
        ), line
        assert digest(target / "warehouse.duckdb") == before
        whole(target / "warehouse.duckdb")
        assert not list(target.glob("*.building-*"))
        assert '"status": "failed"' in (target / "run_history.jsonl").read_text().splitlines()[-1]


def test_an_export_folder_without_room_is_a_clear_error_after_the_publish(project, tmp_path):
    bi = tmp_path / "bi"
    with small_disk(bi, "64k"):
        result = run_process(project, "run", "--no-docs", "--export", str(bi))
        assert result.returncode == 1, result.stderr
        assert error_lines(result.stderr) == [
            f"Error: no space left on the disk while writing the export — {bi} — "
            "free space there, or pass --out a folder on a larger disk"
        ]
        assert not [p for p in bi.iterdir() if p.suffix == ".parquet"]
    whole(project / "target" / "warehouse.duckdb")  # published before the export began


def test_a_disk_already_full_is_the_same_clear_error(project):
    target = project / "target"
    with small_disk(target, "64k"):
        filler = (target / "filler").open("wb", buffering=0)
        try:
            while filler.write(b"\0" * 4096):  # until the disk is full
                pass
        except OSError:
            pass
        finally:
            filler.close()
        result = run_process(project, "run", "--no-docs")
        assert result.returncode == 1, result.stderr
        assert error_lines(result.stderr) == [
            f"{NEEDS}room to start, 0.0 MB are free — {target} — free space there, or pass --db a path on a "
            "larger disk; the published warehouse was left as it was"
        ]
        assert "could not record run " in result.stderr  # a warning; the error above is the story
