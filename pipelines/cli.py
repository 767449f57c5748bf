"""The clusterdw command line. Thin: each command calls one module; heavy imports happen inside."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from .errors import ClusterdwError
from .logs import setup_logging

CONTEXT = dict(help_option_names=["-h", "--help"], max_content_width=100)


class ClusterdwGroup(click.Group):
    """The one error handler: `Error: what — where — how to fix` on stderr and the error's exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClusterdwError as error:
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            for violation in getattr(error, "violations", []):
                click.echo(str(violation), err=True)
            click.echo(f"Error: {error.one_line()}", err=True)
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as error:  # a bug, not bad input: say so, and how to see more
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            click.echo(f"Error: internal error {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
                       " — the published warehouse was left as it was — rerun with --debug and report it", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("Error: interrupted — the published warehouse was left as it was", err=True)
            ctx.exit(130)


@click.group(cls=ClusterdwGroup, context_settings=CONTEXT)
@click.option("--project-dir", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="Folder holding raw/, staging/, marts/ and checks/.")
@click.option("--db", envvar="CLUSTERDW_DB", type=click.Path(path_type=Path), default=None,
              help="Published warehouse file [default: PROJECT_DIR/target/warehouse.duckdb; env CLUSTERDW_DB].")
@click.option("--log-format", type=click.Choice(["plain", "json"]), default="plain", show_default=True,
              help="Log lines on stderr: plain text or JSON lines.")
@click.option("-v", "--verbose", is_flag=True, help="Log each model and step.")
@click.option("--debug", is_flag=True, help="Show tracebacks of errors.")
@click.pass_context
def main(ctx: click.Context, project_dir: Path, db: Path | None, log_format: str, verbose: bool, debug: bool):
    """clusterdw: a DuckDB warehouse of the figures Guangxi's documents report about its industrial clusters.

    `clusterdw run` loads raw/, builds the models, validates them and publishes target/warehouse.duckdb.
    """
    setup_logging(log_format, verbose or debug)
    ctx.obj = {"project_dir": project_dir, "db": db, "debug": debug}


def project_of(ctx: click.Context):
    from .project import Project

    return Project.at(ctx.obj["project_dir"], ctx.obj["db"])


@main.command()
@click.option("--wait", is_flag=True, help="If another run holds the lock, wait for it instead of exiting (code 75).")
@click.option("--if-changed", is_flag=True, help="Skip when raw/, staging/, marts/ and checks/ are unchanged "
                                                 "since the last successful run.")
@click.option("--docs/--no-docs", default=True, show_default=True, help="Build GX Data Docs under target/.")
@click.option("--export", "export_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="After a successful publish, export the marts to Parquet in this folder.")
@click.pass_context
def run(ctx, wait: bool, if_changed: bool, docs: bool, export_dir: Path | None):
    """Load, build, validate and publish: the job a scheduler runs."""
    from .report import print_run
    from .runner import run as run_job

    project = project_of(ctx)
    record = run_job(project, wait=wait, if_changed=if_changed, docs=docs, export_dir=export_dir)
    print_run(project, record)


@main.command()
@click.pass_context
def load(ctx):
    """Load raw/ into schema raw of the dev file (target/warehouse.dev.duckdb), checking every contract."""
    from .report import print_step
    from .runner import step

    project = project_of(ctx)
    print_step(project, step(project, "load"))


@main.command()
@click.option("-s", "--select", "select", multiple=True,
              help="Models to build: NAME, NAME+ (and descendants), +NAME (and ancestors). Repeatable.")
@click.pass_context
def build(ctx, select: tuple[str, ...]):
    """Build models into the dev file (loading raw/ first if it holds none)."""
    from .report import print_step
    from .runner import step

    project = project_of(ctx)
    print_step(project, step(project, "build", list(select) or None))


@main.command()
@click.option("--docs", is_flag=True, help="Also build GX Data Docs (HTML) under target/data_docs/.")
@click.pass_context
def check(ctx, docs: bool):
    """Run the Great Expectations suites of checks/ against the dev file."""
    from .report import print_step
    from .runner import step

    project = project_of(ctx)
    print_step(project, step(project, "check", docs=docs))


@main.command("verify-evidence")
@click.option("--documents", "documents_dir", required=True, type=click.Path(exists=True, file_okay=False,
              path_type=Path), help="Folder of source documents named <document_id>.txt.")
@click.pass_context
def verify_evidence(ctx, documents_dir: Path):
    """Report every figure whose evidence is not found, verbatim, in its document."""
    from .evidence import verify

    project = project_of(ctx)
    problems, checked = verify(project.project_dir / "raw", documents_dir)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        raise ClusterdwError(f"{len(problems)} of {checked} figures' evidence not found in their documents",
                             documents_dir, "copy the evidence verbatim from the document, or fix document_id")
    click.echo(f"All {checked} figures' evidence found verbatim in {documents_dir}.")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
