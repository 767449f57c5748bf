"""The inner loop: `check --select` runs the suites of the models just built, Data Docs only on demand,
and `--log-format json` keeps stderr to JSON lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CLUSTERDW = str(Path(sys.executable).parent / "clusterdw")


def test_check_select_runs_the_suites_of_the_models_just_built(project, cli):
    result = cli(project, "build", "--select", "+fct_growth_rates")
    assert result.exit_code == 0, result.output
    result = cli(project, "check", "--select", "fct_growth_rates")
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.output
    assert "passed  fct_growth_rates" in result.output or "warned  fct_growth_rates" in result.output
    assert "int_figures" not in result.output  # a suite not selected does not run


def test_a_run_builds_data_docs_only_when_asked(project, cli):
    result = cli(project, "run")
    assert result.exit_code == 0, result.output
    docs = project / "target" / "data_docs" / "index.html"
    assert not docs.exists() and "Data Docs" not in result.output
    result = cli(project, "run", "--docs")
    assert result.exit_code == 0, result.output
    assert docs.is_file() and f"Data Docs: {docs}" in result.output


def test_json_logs_leave_only_json_lines_on_stderr(project):
    for args in (["run"], ["build", "--select", "no_such_model"]):
        done = subprocess.run(
            [CLUSTERDW, "--project-dir", str(project), "--log-format", "json", *args],
            capture_output=True,
            text=True,
            timeout=600,
        )
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert lines, done
        for line in lines:
            assert isinstance(json.loads(line), dict), line
    assert done.returncode != 0 and "no_such_model" in done.stderr
