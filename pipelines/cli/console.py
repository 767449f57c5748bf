"""What the CLI prints after a job: short, and ending with what to do next."""

from __future__ import annotations

import shlex

import click

from ..project import Project
from ..publish.run_results import RunRecord


def print_models(record: RunRecord) -> None:
    for m in record.models:
        click.echo(f"  {m.status:<7} {m.model:<36} {m.rows:>9,} rows  {m.seconds:.2f}s")


def print_suites(record: RunRecord) -> None:
    if not record.suites:
        return
    click.echo("Checks (Great Expectations):")
    for s in record.suites:
        if s.outcome == "skipped":
            click.echo(f"  skipped {s.suite:<28} its tables are not built in this file")
            continue
        click.echo(
            f"  {s.outcome:<7} {s.suite:<28} {s.rows:>9,} rows  {s.passed} passed, {s.warned} warned, {s.failed} failed"
            f"  {s.seconds:.2f}s"
        )
    for e in record.expectations:
        if not e.success and e.severity != "critical":
            click.echo(
                f"  warning: {e.suite}: {e.expectation} on {e.column}: {e.unexpected_count} unexpected, e.g. {e.sample}"
            )
    if record.docs:
        click.echo(f"Data Docs: {record.docs}")


def print_run(project: Project, record: RunRecord) -> None:
    if record.status == "skipped":
        click.echo(f"Skipped: {record.error}. The warehouse is {project.db_path}")
        return
    steps = ", ".join(f"{k} {v:.2f}s" for k, v in record.step_seconds.items())
    rows = sum(m.rows for m in record.models if m.model.startswith("marts."))
    click.echo(f"Run {record.run_id}: success ({steps})")
    click.echo(
        f"Loaded {sum(load.rows for load in record.loads):,} raw rows; built {len(record.models)} models "
        f"({rows:,} mart rows)."
    )
    print_suites(record)
    if record.export:
        click.echo(f"Exported Parquet: manifest {record.export}")
    if record.report:
        click.echo(f"Report:    {record.report}")
    click.echo(f"Published: {project.db_path}")
    click.echo(f"Query it:  clusterdw shell   (or: duckdb -readonly {shlex.quote(str(project.db_path))})")


def print_step(project: Project, record: RunRecord) -> None:
    if record.loads:
        click.echo(f"Loaded {sum(load.rows for load in record.loads):,} rows into {len(record.loads)} raw tables.")
    print_models(record)
    print_suites(record)
    click.echo(f"Dev file: {project.dev_db_path} (the published warehouse is untouched; `clusterdw run` publishes)")


def print_spark_session(info) -> None:
    for line in info.lines():
        click.echo(line)


def print_spark_step(spark_dir, record: RunRecord) -> None:
    if record.loads:
        click.echo(
            f"Loaded {sum(load.rows for load in record.loads):,} rows into {len(record.loads)} raw tables "
            f"(contracts checked), handed to Spark as Parquet."
        )
    print_models(record)
    print_suites(record)
    if record.step_seconds:
        click.echo("Times: " + ", ".join(f"{k} {v:.2f}s" for k, v in record.step_seconds.items()))
    click.echo(f"Spark tables: {spark_dir}/<schema>/<model>/ (Parquet; the DuckDB files are untouched)")
