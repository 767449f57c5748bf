"""The package's rooms import down or sideways, never back up; spark-submit's file has its own entry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_no_import_runs_back_up():
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "import_graph.py")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "imports that run back up: 0" in result.stdout


def test_submit_is_its_own_entry(tmp_path):
    """Run as spark-submit runs it (a file, not a module): bad input is one error line, and the CLI package is
    never imported on the way."""
    script = REPO / "pipelines" / "engines" / "submit.py"
    probe = (
        f"import runpy, sys; sys.argv = ['submit.py', '--project-dir', {str(tmp_path)!r}, 'build'];\n"
        f"try: runpy.run_path({str(script)!r}, run_name='__main__')\n"
        "except SystemExit as e: print('exit', e.code, 'cli' if 'pipelines.cli' in sys.modules else 'no cli')"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.strip() == "exit 1 no cli"
    assert result.stderr.strip() == (
        "Error: not a clusterdw project: there is no raw/ folder — "
        f"{tmp_path.resolve()} — run from the project folder or pass --project-dir"
    )
