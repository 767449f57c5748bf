"""`--engine spark` errors that need no Spark: pyspark missing, options of the other engine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_without_pyspark_the_error_says_what_to_install(project):
    code = (
        "import sys; sys.modules['pyspark'] = None\n"  # as if the .[spark] extra were not installed
        "from pipelines.cli import entry; entry()\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", code, "--project-dir", str(project), "build", "--engine", "spark"],
        capture_output=True,
        text=True,
    )
    assert process.returncode == 1, process.stderr
    assert process.stderr.strip().splitlines()[-1] == (
        "Error: pyspark is not installed — --engine spark — install the extra: pip install -e '.[spark]' "
        "(and Java 17 for a local master)"
    )


def test_spark_options_need_the_spark_engine(project, cli):
    result = cli(project, "build", "--master", "local[1]")
    assert result.exit_code == 2
    assert "--master, --spark-dir, --conf and the timeouts go with --engine spark" in result.output


def test_check_without_a_spark_build_says_to_build_first(project, cli):
    result = cli(project, "check", "--engine", "spark")
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines()[-1] == (
        f"Error: no Spark build to check — {project / 'target' / 'spark'} — run `clusterdw build --engine spark` first"
    )


def test_without_java_the_error_says_spark_did_not_start(project):
    pytest.importorskip("pyspark", reason="pyspark is the optional extra .[spark]; `make test` installs it")
    env = {**os.environ, "JAVA_HOME": str(project / "no_java_here")}
    process = subprocess.run(
        [str(Path(sys.executable).parent / "clusterdw"), "--project-dir", str(project), "build", "--engine", "spark"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert process.returncode == 1, process.stderr
    assert process.stderr.strip().splitlines()[-1] == (
        "Error: Spark did not start: [JAVA_GATEWAY_EXITED] Java gateway process exited before sending its port "
        f"number. — local[2] — install Java 17 and put it on the PATH, or set JAVA_HOME (JAVA_HOME={env['JAVA_HOME']} "
        "has no bin/java)"
    )
    assert not (project / "target" / "spark" / "marts").exists()
