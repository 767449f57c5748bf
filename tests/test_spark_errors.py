"""`--engine spark` errors that need no Spark: pyspark missing, options of the other engine."""

from __future__ import annotations

import subprocess
import sys


def test_without_pyspark_the_error_says_what_to_install(project):
    code = ("import sys; sys.modules['pyspark'] = None\n"  # as if the .[spark] extra were not installed
            "from pipelines.cli import entry; entry()\n")
    process = subprocess.run([sys.executable, "-c", code, "--project-dir", str(project), "build", "--engine", "spark"],
                             capture_output=True, text=True)
    assert process.returncode == 1, process.stderr
    assert process.stderr.strip().splitlines()[-1] == (
        "Error: pyspark is not installed — --engine spark — install the extra: pip install -e '.[spark]' "
        "(and Java 17 for a local master)")


def test_spark_options_need_the_spark_engine(project, cli):
    result = cli(project, "build", "--master", "local[1]")
    assert result.exit_code == 2
    assert "--master and --spark-dir go with --engine spark" in result.output


def test_check_without_a_spark_build_says_to_build_first(project, cli):
    result = cli(project, "check", "--engine", "spark")
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines()[-1] == (
        f"Error: no Spark build to check — {project / 'target' / 'spark'} — run `clusterdw build --engine spark` first")
