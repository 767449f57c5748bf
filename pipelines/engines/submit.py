"""The file spark-submit runs (it takes a Python file, not a console script):

    spark-submit --master spark://HOST:7077 "$(python -c 'import pipelines.engines.submit as m; print(m.__file__)')" \\
        --project-dir . build --engine spark

Its own entry, not the command line's: the Spark jobs (build, check) and their arguments only, so the
engines never import the CLI above them. Under spark-submit the session it set up is the one the build
uses (no --master here)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="submit.py", description="clusterdw's Spark jobs, for spark-submit")
    parser.add_argument("--project-dir", type=Path, default=Path("."), help="folder holding raw/, staging/, ...")
    jobs = parser.add_subparsers(dest="job", required=True)
    build = jobs.add_parser("build", help="build the models on Spark into --spark-dir")
    build.add_argument("-s", "--select", action="append", default=[], help="NAME, NAME+ or +NAME; repeatable")
    check = jobs.add_parser("check", help="run the suites of checks/ on a Spark build")
    check.add_argument("--docs", action="store_true", help="also build GX Data Docs under target/data_docs/")
    for job in (build, check):
        job.add_argument("--engine", choices=["spark"], default="spark", help="spark (the only engine here)")
        job.add_argument(
            "--spark-dir", default=None, help="folder or URI (file://, hdfs://) for the Parquet [target/spark/]"
        )
    return parser


def submit(argv: list[str]) -> int:
    """Run one Spark job; a bad input is one `Error: what — where — how to fix` line and its exit code."""
    from pipelines.engines.spark_runner import spark_build, spark_check
    from pipelines.errors import ClusterdwError  # absolute: spark-submit runs this file as a script
    from pipelines.project import Project

    args = parser().parse_args(argv)
    try:
        project = Project.at(args.project_dir, None)
        folder = args.spark_dir or project.spark_dir
        if args.job == "build":
            record = spark_build(
                project,
                folder,
                args.select or None,
                master=None,
                announce=lambda info: print("\n".join(info.lines()), flush=True),
            )
        else:
            record = spark_check(project, Path(folder), args.docs)  # check reads a local folder, as the CLI's
    except ClusterdwError as error:
        for violation in error.violations:
            print(violation, file=sys.stderr)
        print(f"Error: {error.one_line()}", file=sys.stderr)
        return error.exit_code
    for model in record.models:
        print(f"  {model.status:<7} {model.model:<36} {model.rows:>9,} rows  {model.seconds:.2f}s")
    for suite in record.suites:
        print(f"  {suite.outcome:<7} {suite.suite}")
    print(f"{record.command}: {record.status} in {sum(record.step_seconds.values()):.2f}s; Spark tables: {folder}/")
    return 0


if __name__ == "__main__":
    sys.exit(submit(sys.argv[1:]))
