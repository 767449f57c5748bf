"""Safe under cron: one run at a time (real second processes), --wait, --if-changed, JSON logs, status, no
progress bar off a terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.cli import main
from pipelines.cli.logs import setup_logging
from pipelines.cli.progress import model_progress
from pipelines.errors import LockBusy
from pipelines.project import Project

from helpers import fast_project

CLUSTERDW = Path(sys.executable).parent / "clusterdw"
# A real second process holding the run lock: until its stdin closes, or for N seconds.
HOLDER = """
import sys, time
from pathlib import Path
from pipelines.publish.lock import run_lock
db = Path(sys.argv[1])
db.parent.mkdir(parents=True, exist_ok=True)
with run_lock(db):
    print("locked", flush=True)
    sys.stdin.read() if sys.argv[2] == "stdin" else time.sleep(float(sys.argv[2]))
"""


def hold_lock(db: Path, how: str) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), how], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "locked"
    return holder


def json_lines(text: str) -> list[dict]:
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines, "no log lines at all"
    return [json.loads(line) for line in lines]  # fails on any line that is not JSON


def test_a_second_run_exits_75_with_a_clear_message_while_one_holds_the_lock(tmp_path):
    project = fast_project(tmp_path / "project")
    db = project / "target" / "warehouse.duckdb"
    holder = hold_lock(db, "stdin")
    try:
        second = subprocess.run(
            [str(CLUSTERDW), "--project-dir", str(project), "run", "--no-docs"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == LockBusy.exit_code == 75, second.stderr
        assert "Error: another clusterdw run is in progress" in second.stderr
        assert f"held by pid {holder.pid}" in second.stderr and "--wait" in second.stderr
        as_json = subprocess.run(
            [str(CLUSTERDW), "--project-dir", str(project), "--log-format", "json", "run"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert as_json.returncode == 75
        error = json_lines(as_json.stderr)[-1]
        assert error["level"] == "error" and "another clusterdw run is in progress" in error["message"]
        assert not db.exists(), "a refused run must not publish"
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_wait_queues_behind_the_running_one_then_runs(tmp_path, cli):
    project = fast_project(tmp_path / "project")
    holder = hold_lock(project / "target" / "warehouse.duckdb", "2")
    started = time.monotonic()
    result = cli(project, "run", "--no-docs", "--wait")
    assert result.exit_code == 0, result.output
    assert holder.wait(timeout=1) == 0, "the run finished while the first still held the lock"
    assert time.monotonic() - started >= 1.0
    assert f"held by pid {holder.pid}" in result.stderr and "waiting for" in result.stderr
    assert "Published:" in result.stdout


def test_if_changed_skips_unchanged_inputs_and_says_so(tmp_path, cli):
    project = fast_project(tmp_path / "project")
    first = cli(project, "run", "--no-docs")
    assert first.exit_code == 0, first.output
    db = project / "target" / "warehouse.duckdb"
    published = db.read_bytes()
    run_id = json.loads((project / "target" / "run_results.json").read_text())["run_id"]
    skipped = cli(project, "run", "--no-docs", "--if-changed")
    assert skipped.exit_code == 0, skipped.output
    assert f"Skipped: inputs unchanged since run {run_id}" in skipped.stdout
    assert db.read_bytes() == published
    history = [json.loads(line) for line in (project / "target" / "run_history.jsonl").read_text().splitlines()]
    assert [r["status"] for r in history] == ["success", "skipped"]
    model = project / "marts" / "dim_year.sql"
    model.write_text(model.read_text(encoding="utf-8") + "\n-- touched\n", encoding="utf-8")
    changed = cli(project, "run", "--no-docs", "--if-changed")
    assert changed.exit_code == 0, changed.output
    assert "Skipped" not in changed.stdout and "Published:" in changed.stdout


@pytest.mark.parametrize("added", ["raw/figures/added.csv", "staging/added.txt", "marts/added.txt", "checks/added.txt"])
def test_the_inputs_hash_covers_each_input_folder(tmp_path, added):
    project = Project.at(fast_project(tmp_path / "project"))
    before = project.inputs_sha256()
    (project.project_dir / added).write_text("new", encoding="utf-8")  # in raw/: a file the load reads
    assert project.inputs_sha256() != before


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> tuple[Path, object, object]:
    """A project with a successful then a failed run, both logged as JSON: (project, ok result, failed result)."""
    project = fast_project(tmp_path_factory.mktemp("history") / "project")
    runner = CliRunner()
    ok = runner.invoke(
        main, ["--project-dir", str(project), "--log-format", "json", "run", "--no-docs"], catch_exceptions=False
    )
    assert ok.exit_code == 0, ok.output
    broken = project / "marts" / "zz_broken.sql"
    broken.write_text("select cast('not a number' as integer) as n\n", encoding="utf-8")
    failed = runner.invoke(
        main, ["--project-dir", str(project), "--log-format", "json", "run", "--no-docs"], catch_exceptions=False
    )
    assert failed.exit_code != 0, failed.output
    broken.unlink()
    return project, ok, failed


def test_json_log_lines_parse_and_carry_the_steps_and_the_error(history):
    _, ok, failed = history
    entries = json_lines(ok.stderr)
    assert {"time", "level", "logger", "message"} <= set(entries[0])
    messages = [e["message"] for e in entries]
    assert "load: started" in messages and any(m.startswith("publish: ") for m in messages)
    errors = [e for e in json_lines(failed.stderr) if e["level"] == "error"]
    assert errors and errors[-1]["message"].startswith("Error: ") and "zz_broken" in errors[-1]["message"]


def test_plain_logs_and_no_progress_bar_off_a_terminal(tmp_path, cli):
    project = fast_project(tmp_path / "project")
    result = cli(project, "build")
    assert result.exit_code == 0, result.output
    assert "INFO build: started" in result.stderr
    assert "Building models" not in result.output and "\r" not in result.stderr


def test_status_shows_the_runs_their_steps_and_what_failed(history, cli):
    project, ok, failed = history
    result = cli(project, "status")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Last 2 of 2 runs")
    runs = [json.loads(line) for line in (project / "target" / "run_history.jsonl").read_text().splitlines()]
    newest, oldest = lines[1], next(line for line in lines[2:] if runs[0]["run_id"] in line)
    assert runs[1]["run_id"] in newest and " failed " in newest and "load " in newest
    assert " success " in oldest and "publish " in oldest and "validate " in oldest
    assert any(line.strip().startswith("error: ") and "zz_broken" in line for line in lines)
    assert any(line.strip().startswith("failed model: marts.zz_broken: ") for line in lines)
    assert f"(run {runs[0]['run_id']}" in lines[-1]
    limited = cli(project, "status", "--last", "1")
    shown = limited.stdout.splitlines()
    assert shown[0].startswith("Last 1 of 2 runs") and runs[1]["run_id"] in shown[1]
    assert not any(runs[0]["run_id"] in line for line in shown[1:-1])


def test_status_before_any_run(tmp_path, cli):
    result = cli(fast_project(tmp_path / "project"), "status")
    assert result.exit_code == 0 and "No runs recorded yet" in result.output


def read_pty(master: int, process: subprocess.Popen | None = None, seconds: float = 60) -> str:
    out, deadline = b"", time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            out += chunk
        elif process is None or process.poll() is not None:
            break
    return out.decode(errors="replace")


def test_progress_bar_on_a_terminal_only(tmp_path):
    master, slave = pty.openpty()
    with os.fdopen(slave, "w") as terminal:
        with model_progress(lambda: 2, stream=terminal) as progress:
            assert progress is not None
            progress("staging.stg_places")
            progress("marts.dim_city")
        shown = read_pty(master, seconds=2)
    os.close(master)
    assert "Building models" in shown and "2/2" in shown and "marts.dim_city" in shown
    with (
        (tmp_path / "cron.log").open("w") as not_a_terminal,
        model_progress(lambda: 2, stream=not_a_terminal) as progress,
    ):
        assert progress is None
    assert (tmp_path / "cron.log").read_text() == ""
    master, slave = pty.openpty()
    try:
        setup_logging("json")
        with os.fdopen(slave, "w") as terminal, model_progress(lambda: 2, stream=terminal) as progress:
            assert progress is None, "JSON logs on a terminal: still no bar, every line must parse"
    finally:
        setup_logging("plain")
        os.close(master)


def test_clusterdw_build_on_a_terminal_shows_the_bar(tmp_path):
    project = fast_project(tmp_path / "project")
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [str(CLUSTERDW), "--project-dir", str(project), "build"], stdin=slave, stdout=slave, stderr=slave
    )
    os.close(slave)
    shown = read_pty(master, process)
    os.close(master)
    assert process.wait(timeout=60) == 0, shown
    assert "Building models" in shown and "marts.fct_output_values" in shown
