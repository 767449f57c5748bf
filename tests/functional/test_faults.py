"""Faults around a run, in one place: the process killed (mid-build, and at each named point of its way),
signalled, starved of space, an unwritable target, two runs at once, a reader holding the published file.
Real processes (`python -m pipelines run`, a DuckDB reader), real signals and small tmpfs disks
(tests/faults.py). The last good warehouse stays byte-identical and openable (or, killed just after the
rename, the new one is whole), nothing half-built is left, and the next run succeeds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.faults import FAULT_POINTS

from faults import error_lines, run_process, small_disk
from helpers import REPO, digest, fast_project, invoke, read_rows, write_rows

pytestmark = pytest.mark.slow  # clusterdw in subprocesses, killed or signalled, and on small tmpfs disks


# A model that runs until it is killed: a cross join of 10^12 rows.
ENDLESS_MODEL = "select sum(a.range * b.range) as n\nfrom range(1000000) as a, range(1000000) as b\n"


def builds_left(built_project: Path) -> list[Path]:
    return sorted((built_project / "target").glob("warehouse.duckdb.building-*"))


def start_endless_run(built_project: Path, tmp_path: Path) -> subprocess.Popen:
    """`python -m pipelines run` in its own process, returned once it is building the endless model."""
    (built_project / "marts" / "zz_endless.sql").write_text(ENDLESS_MODEL, encoding="utf-8")
    log = tmp_path / "run.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "pipelines", "--project-dir", str(built_project), "run", "--no-docs"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    deadline = time.monotonic() + 60
    while "build: started" not in log.read_text(encoding="utf-8", errors="replace"):
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "the run never started building"
        time.sleep(0.05)
    time.sleep(0.3)  # well inside the endless model: the other models take milliseconds
    assert builds_left(built_project), "a run builds into warehouse.duckdb.building-<run id>"
    return process


def exit_code(process: subprocess.Popen, log: Path, timeout: float = 60) -> int:
    """The run's exit code once it stops; if it does not within `timeout` (a generous one: a machine under
    load imports and cleans up slowly; an ignored signal never stops the endless model), fail with its log."""
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the run did not stop within {timeout:.0f} s; its log:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)


def test_a_run_killed_mid_build_leaves_the_published_file_and_the_next_run_cleans_up(fast_built_project, cli, tmp_path):
    db = fast_built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    process = start_endless_run(fast_built_project, tmp_path)
    try:
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        stop(process)
    assert digest(db) == before, "a killed run must leave the published warehouse byte-identical"
    stale = builds_left(fast_built_project)
    assert stale, "SIGKILL leaves the half build behind (nothing can run on SIGKILL)"
    with duckdb.connect(str(db), read_only=True) as con:  # and the published file is whole
        assert con.execute("select count(*) from meta.runs").fetchall() == [(1,)]
    (fast_built_project / "marts" / "zz_endless.sql").unlink()
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == 0, result.output
    assert builds_left(fast_built_project) == [], "the next run removes the stale build"
    assert f"removed a build left by an earlier run that did not finish: {stale[0].name}" in result.stderr
    assert digest(db) != before
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from meta.runs").fetchall() == [(2,)]


def test_ctrl_c_mid_build_exits_130_and_deletes_its_build_at_once(built_project, tmp_path):
    db = built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    process = start_endless_run(built_project, tmp_path)
    try:
        process.send_signal(signal.SIGINT)
        assert exit_code(process, tmp_path / "run.log") == 130, (tmp_path / "run.log").read_text()
    finally:
        stop(process)
    errors = [line for line in (tmp_path / "run.log").read_text().splitlines() if line.startswith("Error: ")]
    assert errors == ["Error: interrupted — the published warehouse was left as it was"]
    assert builds_left(built_project) == []
    assert digest(db) == before


def test_a_second_run_while_one_is_building_exits_75_and_touches_nothing(built_project, cli, tmp_path):
    db = built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    process = start_endless_run(built_project, tmp_path)
    try:
        result = cli(built_project, "run", "--no-docs")
        assert result.exit_code == 75, result.output
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
        assert errors == [
            f"Error: another clusterdw run is in progress — {db}.lock (held by pid {process.pid}) — "
            "wait for it to finish, or pass --wait to queue behind it"
        ]
        assert digest(db) == before
        assert process.poll() is None, "the refused run must not disturb the one in progress"
    finally:
        stop(process)


READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
def snapshot():
    return con.execute("select (select count(*) from meta.runs), (select count(*) from raw.figures), "
                       "(select count(*) from marts.int_figures)").fetchall()[0]
print(snapshot(), flush=True)
sys.stdin.readline()
print(snapshot(), flush=True)
"""


def test_a_reader_holding_the_published_file_keeps_its_snapshot_while_a_run_publishes(fast_built_project, cli):
    db = fast_built_project / "target" / "warehouse.duckdb"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        old = reader.stdout.readline().strip()
        runs, raw_figures, figures = eval(old)
        path = next(
            p for p in sorted((fast_built_project / "raw" / "figures").glob("*.csv")) if len(read_rows(p)[1]) > 3
        )
        header, rows = read_rows(path)
        write_rows(path, header, rows[:-1])  # one figure fewer in the new build
        result = cli(fast_built_project, "run", "--no-docs")
        assert result.exit_code == 0, result.output
        reader.stdin.write("again\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == old, "the reader still sees the old warehouse, whole"
        assert reader.wait(timeout=30) == 0
    finally:
        stop(reader)
    with duckdb.connect(str(db), read_only=True) as con:  # a new connection sees the new warehouse
        assert con.execute(
            "select (select count(*) from meta.runs), (select count(*) from raw.figures), "
            "(select count(*) from marts.int_figures)"
        ).fetchall()[0] == (runs + 1, raw_figures - 1, figures - 1)


@pytest.mark.parametrize("where", ["below a file", "in /proc"])
def test_an_unwritable_target_directory_is_a_clear_error(built_project, cli, tmp_path, where):
    # Tests run as root, for whom chmod changes nothing: use paths no one can write.
    db = built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    blocker = tmp_path / "regular_file"
    blocker.write_text("not a directory\n", encoding="utf-8")
    target = blocker / "warehouse.duckdb" if where == "below a file" else Path("/proc/clusterdw-test.duckdb")
    result = cli(built_project, "--db", str(target), "run", "--no-docs")
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    if where == "below a file":
        assert errors == [
            f"Error: the --db path goes through a file, not a directory — {blocker} — "
            "choose a --db path in a writable directory"
        ]
    else:
        assert len(errors) == 1 and errors[0].startswith("Error: cannot write in the target directory: "), errors
        assert errors[0].endswith(" — /proc — choose a --db path in a writable directory"), errors
    assert blocker.read_text(encoding="utf-8") == "not a directory\n"
    assert digest(db) == before


def test_sigterm_mid_build_is_handled_as_ctrl_c_and_exits_143(built_project, tmp_path):
    db = built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    process = start_endless_run(built_project, tmp_path)
    try:
        process.send_signal(signal.SIGTERM)
        assert exit_code(process, tmp_path / "run.log") == 143, (tmp_path / "run.log").read_text()
    finally:
        stop(process)
    errors = [line for line in (tmp_path / "run.log").read_text().splitlines() if line.startswith("Error: ")]
    assert errors == ["Error: terminated (SIGTERM) — the published warehouse was left as it was"]
    assert builds_left(built_project) == []
    assert digest(db) == before
    last = json.loads((built_project / "target" / "run_history.jsonl").read_text().splitlines()[-1])
    assert (last["status"], last["error"]) == ("failed", "terminated (SIGTERM)")


SLOW_LOAD = "select count(*) from range(3000000000)"


def test_sigterm_while_duckdb_runs_a_query_on_the_main_thread_stops_it(built_project, tmp_path):
    """Python runs no signal handler while DuckDB holds the main thread: SIGTERM must still stop it."""
    db = built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    (built_project / "marts" / "zz_endless.sql").write_text(ENDLESS_MODEL, encoding="utf-8")
    log = tmp_path / "run.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "pipelines", "--project-dir", str(built_project), "run", "--no-docs"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
        env=os.environ | {"CLUSTERDW_BUILD_THREADS": "1"},
    )
    try:
        deadline = time.monotonic() + 60
        while "load: started" not in log.read_text(encoding="utf-8", errors="replace"):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.02)
        process.send_signal(signal.SIGTERM)  # in the load, or at the latest the endless model
        assert exit_code(process, log) == 143, log.read_text()
    finally:
        stop(process)
    assert builds_left(built_project) == [] and digest(db) == before


def test_the_lock_file_removed_under_a_live_run_does_not_let_a_second_run_delete_its_build(
    built_project, cli, tmp_path
):
    db = built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    process = start_endless_run(built_project, tmp_path)
    try:
        (built_project / "marts" / "zz_endless.sql").unlink()  # the second run would build quickly
        [live] = [p for p in builds_left(built_project) if p.suffix != ".wal"]
        (built_project / "target" / "warehouse.duckdb.lock").unlink()
        result = cli(built_project, "run", "--no-docs")
        assert result.exit_code == 75, result.output
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
        assert errors == [
            f"Error: another clusterdw run is in progress (its lock file was removed) — {live} "
            "(being built) — wait for it to finish, or pass --wait to queue behind it"
        ]
        assert live.exists() and process.poll() is None, "the live run and its build are left alone"
        assert digest(db) == before
    finally:
        stop(process)


@pytest.mark.parametrize("kind", ["symlink", "hard link", "fifo"])
def test_a_planted_lock_file_is_refused_and_its_target_untouched(built_project, cli, tmp_path, kind):
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    lock = built_project / "target" / "warehouse.duckdb.lock"
    lock.unlink(missing_ok=True)
    if kind == "symlink":
        lock.symlink_to(victim)
    elif kind == "hard link":
        os.link(victim, lock)
    else:
        os.mkfifo(lock)
    result = cli(built_project, "run", "--no-docs")
    assert result.exit_code == 6, result.output
    what = {
        "symlink": "refusing to open a lock file that is a symlink",
        "hard link": "refusing to use a lock file that is a hard link to another file",
        "fifo": "refusing to use a lock file that is not a regular file",
    }[kind]
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert errors == [f"Error: {what} — {lock} — remove it (clusterdw creates its lock files itself), then run again"]
    assert victim.read_text(encoding="utf-8") == "keep me\n"


# --- a run killed at each named point of its way ---------------------------------------------------


def runs_in(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_output_values").fetchall()[0][0] > 0
        return con.execute("select count(*) from meta.runs").fetchall()[0][0]


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_a_run_killed_at_each_point_leaves_a_whole_warehouse_and_the_next_run_succeeds(
    fast_built_project, tmp_path, point
):
    db = fast_built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    args = ["run", "--no-docs"] + (["--export", str(tmp_path / "bi")] if point == "export" else [])
    killed = run_process(fast_built_project, *args, fault_at=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if point in ("after-rename", "export"):  # renamed: the new warehouse, whole, is the published one
        assert digest(db) != before and runs_in(db) == 2
    else:
        assert digest(db) == before and runs_in(db) == 1
    if point == "export":
        assert not (tmp_path / "bi" / "manifest.json").exists()
    again = invoke(fast_built_project, *args)  # the next run: in-process (the kill above is the process's test)
    assert again.exit_code == 0, again.output
    assert runs_in(db) >= 2
    assert not list(db.parent.glob("*.building-*")), "the next run removes what the killed one left"
    if point == "export":
        assert json.loads((tmp_path / "bi" / "manifest.json").read_text())["tables"]


# --- a run starved of space ---------------------------------------------------------------------------


NEEDS = "Error: no space left on the disk while writing the build: it needs "


def whole(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_output_values").fetchall()[0][0] > 0
        assert con.execute("select count(*) from meta.runs where status = 'success'").fetchall()[0][0] >= 1


@pytest.mark.parametrize("size", ["1m", "2m", "5m", "9m"])
def test_a_first_run_on_a_disk_too_small_says_so_and_publishes_nothing(tmp_path, size):
    project = fast_project(tmp_path / "project")  # the disk fills while the build is written, before any check
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
    result = invoke(project, "run", "--no-docs")  # room again (in-process: the full disk above ran in its own)
    assert result.exit_code == 0, result.output
    whole(target / "warehouse.duckdb")


def test_a_run_without_room_beside_the_published_warehouse_leaves_it_byte_identical(tmp_path):
    project = fast_project(tmp_path / "project")  # about the room the build needs: its checks are beside the point
    target = project / "target"
    with small_disk(target, "14m"):
        assert invoke(project, "run", "--no-docs").exit_code == 0  # the published warehouse, on the small disk
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


def test_an_export_folder_without_room_is_a_clear_error_after_the_publish(tmp_path):
    project = fast_project(tmp_path / "project")  # about the export's disk: the run's checks are beside the point
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
