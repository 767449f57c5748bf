"""The clusterdw command line. Thin: each command calls one module; heavy imports happen inside."""

from __future__ import annotations

import gc
import sys
import traceback
from pathlib import Path

import click

from ..errors import ClusterdwError
from .logs import echo_error, setup_logging
from .options import engine_option, out_dir_option, select_option

CONTEXT = dict(help_option_names=["-h", "--help"], max_content_width=100)


class ClusterdwGroup(click.Group):
    """The one error handler: `Error: what — where — how to fix` on stderr and the error's exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClusterdwError as error:
            from ..faults.signals import was_stopped

            if was_stopped():  # what an interrupted step raised is not the story: the signal is
                _interrupted(ctx)
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            for violation in error.violations:
                echo_error(str(violation))
            echo_error(f"Error: {error.one_line()}")
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:  # `clusterdw docs | head`: the reader left; nothing is wrong
            sys.stderr.close()
            ctx.exit(0)
        except Exception as error:  # a bug, not bad input: say so, and how to see more
            from ..faults.signals import was_stopped

            if was_stopped() or isinstance(error, RuntimeError) and str(error) == "Query interrupted":
                _interrupted(ctx)  # Ctrl-C or SIGTERM, come out of DuckDB as whatever it was doing raised
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            known = _known_failure(error)
            if known is not None:
                echo_error(f"Error: {known.one_line()}")
                ctx.exit(known.exit_code)
            echo_error(
                f"Error: internal error {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
                " — the published warehouse was left as it was — rerun with --debug and report it"
            )
            ctx.exit(1)
        except KeyboardInterrupt:
            _interrupted(ctx)


def _known_failure(error: Exception) -> ClusterdwError | None:
    """A failure of the machine, not of clusterdw, that no step turned into its own line: DuckDB out of
    memory (CLUSTERDW_MEMORY_LIMIT=1KB), or an OSError on a file (full disk, permission denied)."""
    import errno
    import os

    if type(error).__name__ == "OutOfMemoryException":
        limit = os.environ.get("CLUSTERDW_MEMORY_LIMIT")
        return ClusterdwError(
            f"DuckDB ran out of memory: {str(error).splitlines()[0]}",
            f"CLUSTERDW_MEMORY_LIMIT={limit}" if limit else "this machine's memory",
            "give DuckDB more (CLUSTERDW_MEMORY_LIMIT=3GB is the default), or free memory; "
            "the published warehouse was left as it was",
        )
    if isinstance(error, OSError) and error.strerror:
        where = error.filename or "clusterdw's files"
        if error.errno == errno.ENOSPC:
            return ClusterdwError("no space left on the disk", where, "free space there, then run again")
        return ClusterdwError(
            f"{error.strerror.lower()}",
            where,
            "check the path, its permissions and its folder; the published warehouse was left as it was",
        )
    return None


def _interrupted(ctx: click.Context) -> None:
    """Ctrl-C exits 130; SIGTERM, which the run turns into Ctrl-C (pipelines/faults/signals.py), 143."""
    from ..faults.signals import EXIT_TERMINATED, was_terminated

    if was_terminated():
        echo_error("Error: terminated (SIGTERM) — the published warehouse was left as it was")
        ctx.exit(EXIT_TERMINATED)
    echo_error("Error: interrupted — the published warehouse was left as it was")
    ctx.exit(130)


@click.group(cls=ClusterdwGroup, context_settings=CONTEXT)
@click.option(
    "--project-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Folder holding raw/, staging/, marts/ and checks/.",
)
@click.option(
    "--db",
    envvar="CLUSTERDW_DB",
    type=click.Path(path_type=Path),
    default=None,
    help="Published warehouse file [default: PROJECT_DIR/target/warehouse.duckdb; env CLUSTERDW_DB].",
)
@click.option(
    "--log-format",
    type=click.Choice(["plain", "json"]),
    default="plain",
    show_default=True,
    help="Log lines on stderr: plain text or JSON lines.",
)
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
    from ..project import Project

    return Project.at(ctx.obj["project_dir"], ctx.obj["db"])


@main.command()
@click.option("--wait", is_flag=True, help="If another run holds the lock, wait for it instead of exiting (code 75).")
@click.option(
    "--if-changed",
    is_flag=True,
    help="Skip when raw/, staging/, marts/ and checks/ are unchanged since the last successful run.",
)
@click.option(
    "--docs/--no-docs",
    default=False,
    show_default=True,
    help="Also build GX Data Docs under target/data_docs/ (validating whole tables, as their "
    "percentages need); without, GX validates the rows DuckDB finds suspect.",
)
@click.option(
    "--export",
    "export_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="After a successful publish, export the marts to Parquet in this folder.",
)
@click.option(
    "--report", "report", is_flag=True, help="After a successful publish, write the HTML report to target/report/."
)
@click.option(
    "--allow-shrink",
    is_flag=True,
    help="Publish even if raw/figures holds less than half the figures of the published warehouse (else exit 3).",
)
@click.pass_context
def run(ctx, wait: bool, if_changed: bool, docs: bool, export_dir: Path | None, report: bool, allow_shrink: bool):
    """Load, build, validate and publish: the job a scheduler runs."""
    from ..runner import run as run_job
    from .console import print_run
    from .progress import model_progress

    project = project_of(ctx)
    record = run_job(
        project,
        wait=wait,
        if_changed=if_changed,
        docs=docs,
        export_dir=export_dir,
        report_dir=project.report_dir if report else None,
        progress=model_progress,
        allow_shrink=allow_shrink,
    )
    print_run(project, record)


@main.command()
@click.pass_context
def load(ctx):
    """Load raw/ into schema raw of the dev file (target/warehouse.dev.duckdb), checking every contract."""
    from ..runner import load_step
    from .console import print_step

    project = project_of(ctx)
    print_step(project, load_step(project))


ENGINE = engine_option("duckdb: the dev file; spark: Parquet folders under --spark-dir (docs/spark.md).")
SPARK_DIR = click.option(
    "--spark-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where a Spark build's Parquet goes [default: target/spark/].",
)


@main.command()
@select_option("Models to build")
@ENGINE
@click.option(
    "--master",
    default=None,
    help="Spark master: local[2] (default), spark://HOST:PORT, yarn, or sc://HOST:PORT for Spark Connect.",
)
@click.option(
    "--spark-dir",
    "spark_dir",
    default=None,
    help="Where a Spark build's Parquet goes: a path or URI (file://, hdfs://) [default: target/spark/].",
)
@click.option(
    "--conf",
    "confs",
    multiple=True,
    metavar="KEY=VALUE",
    help="A Spark setting for the session, as spark-submit takes it. Repeatable.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=None,
    help="Seconds the whole Spark build may take (then exit 69).",
)
@click.option(
    "--model-timeout",
    type=click.FloatRange(min=1),
    default=None,
    help="Seconds one model may take on Spark (then exit 69).",
)
@click.pass_context
def build(
    ctx,
    select: tuple[str, ...],
    engine: str,
    master: str | None,
    spark_dir: str | None,
    confs: tuple[str, ...],
    timeout: float | None,
    model_timeout: float | None,
):
    """Build models into the dev file (loading raw/ first if it holds none), or on Spark."""
    from .console import print_spark_session, print_spark_step, print_step

    project = project_of(ctx)
    if engine == "spark":
        from ..engines.spark import Limits
        from ..engines.spark_runner import spark_build
        from ..engines.spark_session import parse_confs

        folder = spark_dir or project.spark_dir
        record = spark_build(
            project,
            folder,
            list(select) or None,
            master,
            confs=parse_confs(confs),
            limits=Limits(timeout, model_timeout),
            announce=print_spark_session,
        )
        print_spark_step(folder, record)
        return
    if master or spark_dir or confs or timeout or model_timeout:
        raise click.UsageError("--master, --spark-dir, --conf and the timeouts go with --engine spark")
    from ..runner import build_step
    from .progress import model_progress

    print_step(project, build_step(project, list(select) or None, progress=model_progress))


@main.command()
@select_option("Suites of these models only", "NAME, NAME+, +NAME, as build (e.g. what `build --select` just built)")
@click.option("--docs", is_flag=True, help="Also build GX Data Docs (HTML) under target/data_docs/.")
@ENGINE
@SPARK_DIR
@click.pass_context
def check(ctx, select: tuple[str, ...], docs: bool, engine: str, spark_dir: Path | None):
    """Run the Great Expectations suites of checks/ against the dev file (or a Spark build's Parquet)."""
    from .console import print_spark_step, print_step

    project = project_of(ctx)
    if engine == "spark":
        from ..engines.spark_runner import spark_check

        folder = spark_dir or project.spark_dir
        if select:
            raise click.UsageError("--select goes with --engine duckdb")
        print_spark_step(folder, spark_check(project, folder, docs))
        return
    from ..runner import check_step

    print_step(project, check_step(project, docs=docs, select=list(select) or None))


@main.command("test")
@select_option("Models whose unit tests run", "NAME, NAME+, +NAME, as build")
@engine_option("Where the models run: DuckDB, or a local Spark session (the build's transpiled SQL).")
@click.pass_context
def test_command(ctx, select: tuple[str, ...], engine: str):
    """Run the unit tests of the models' .yml (`unit_tests:`): given rows in, expected rows out, on DuckDB
    or on Spark."""
    from ..models.unit_tests import UnitTestsFailed, render, run_unit_tests

    project_dir, chosen = project_of(ctx).project_dir, list(select) or None
    if engine == "spark":
        from ..engines.spark_unit_tests import run_unit_tests_on_spark
        from .console import print_spark_session

        outcomes = run_unit_tests_on_spark(project_dir, chosen, announce=print_spark_session)
    else:
        outcomes = run_unit_tests(project_dir, chosen)
    for outcome in outcomes:
        for line in render(outcome):
            click.echo(line)
    failed = [o for o in outcomes if not o.passed]
    click.echo(f"{len(outcomes) - len(failed)} of {len(outcomes)} unit test(s) passed")
    if failed:
        first = failed[0].test
        raise UnitTestsFailed(
            f"{len(failed)} unit test(s) failed, first: {first.model}: {first.name}",
            first.where,
            "fix the model, or the test's given or expected rows",
        )


@main.command("verify-evidence")
@click.option(
    "--documents",
    "documents_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of source documents named <document_id>.txt.",
)
@click.option("--document", "document", default=None, help="Check only this document's figures.")
@click.pass_context
def verify_evidence(ctx, documents_dir: Path, document: str | None):
    """Report every figure whose evidence is not found, verbatim, in its document.

    Figures of documents that are not in the folder are not checked (a warning line each)."""
    from ..annotate.verify import verify
    from .logs import echo_error

    project = project_of(ctx)
    result = verify(project.project_dir / "raw", documents_dir, document)
    for document_id, count in sorted(result.not_checked.items()):
        echo_error(f"Warning: {document_id}.txt is not in {documents_dir}: its {count} figures were not checked")
    for problem in result.problems:
        click.echo(str(problem))
    if document is not None and not result.checked and not result.not_checked:
        raise ClusterdwError(
            f"no figure of document {document} in raw/figures",
            "--document",
            "give a document_id that raw/figures annotates",
        )
    if not result.checked:
        raise ClusterdwError(
            f"none of the {len(result.not_checked)} annotated documents is in the folder",
            documents_dir,
            "give the folder that holds the documents as <document_id>.txt",
        )
    if result.problems:
        raise ClusterdwError(
            f"{len(result.problems)} of {result.checked} checked figures' evidence not found in their documents",
            documents_dir,
            "copy the evidence verbatim from the document, or fix document_id",
        )
    skipped = sum(result.not_checked.values())
    click.echo(
        f"All {result.checked} checked figures' evidence found verbatim in {documents_dir}"
        + (f" ({skipped} figures of {len(result.not_checked)} documents not checked)." if skipped else ".")
    )


@main.command()
@click.argument("document", type=click.Path(path_type=Path))
@click.option("--document-id", "document_id", required=True, help="The document's id, as in raw/documents.csv.")
@click.option("--published", required=True, help="Publication date YYYY-MM-DD: 今年, 去年 … are read against it.")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Draft file [default: raw/drafts/<ID>.csv, a folder the loader never reads].",
)
@click.option("--force", is_flag=True, help="Overwrite an existing draft.")
@click.pass_context
def suggest(ctx, document: Path, document_id: str, published: str, out: Path | None, force: bool):
    """Draft the figures of DOCUMENT.txt, one row per candidate figure in the columns of raw/figures."""
    from ..annotate.suggest import suggest as draft_figures

    result = draft_figures(project_of(ctx).project_dir, document, document_id, published, out, force)
    click.echo(f"Drafted {result.figures} figures of {document} in {result.seconds:.2f}s: {result.path}")
    click.echo(
        f"{result.unsure} rows say in note what a guess rests on. Review the draft (delete, fix, add), "
        "then move it into raw/figures/ and run `clusterdw verify-evidence`."
    )


@main.command()
@click.argument("draft", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--document",
    "document",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The document's text (UTF-8), shown beside the draft.",
)
@click.option("--port", default=0, show_default="a free port", type=click.IntRange(0, 65535), help="Port on 127.0.0.1.")
@click.option("--no-browser", is_flag=True, help="Print the page's address; open no browser.")
@click.option("--published", default=None, help="The document's date for documents.csv, if not there yet.")
@click.option("--title", default=None, help="The document's title for documents.csv, if not there yet.")
@click.option("--publisher", default=None, help="The document's publisher for documents.csv, if not there yet.")
@click.option(
    "--stats",
    is_flag=True,
    help="What the reviews so far say about the drafts (raw/drafts beside "
    "raw/figures): per field how often the draft was right, rows deleted and added, reference rows "
    "to propose.",
)
@click.option(
    "--results",
    "results",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the per-document table of reviews (benchmarks/REVIEW_RESULTS.md).",
)
@click.pass_context
def review(ctx, draft, document, port, no_browser, published, title, publisher, stats, results):
    """Review DRAFT (raw/drafts/<ID>.csv) beside its --document in the browser, on 127.0.0.1."""
    project_dir = project_of(ctx).project_dir
    if stats or results:
        from ..review.stats import report, write_results

        if results:
            click.echo(f"Wrote {write_results(project_dir, results)}")
        if stats:
            click.echo(report(project_dir), nl=False)
        return
    if draft is None or document is None:
        raise ClusterdwError(
            "review needs a draft and its document",
            "clusterdw review",
            "clusterdw review raw/drafts/<ID>.csv --document DIR/<ID>.txt (or --stats)",
        )
    from ..review.command import run

    run(
        project_dir,
        draft,
        document,
        port,
        not no_browser,
        {"published": published, "title": title, "publisher": publisher},
    )


@main.command()
@click.option("--figures", "figures", required=True, type=click.IntRange(min=1), help="How many figures to write.")
@out_dir_option(
    "Folder of the synthetic project (created; refused if it holds anything synth did not write).",
    required=True,
)
@click.option("--seed", default=0, show_default=True, type=int, help="Same seed, same files.")
@click.option(
    "--conflicts",
    default=0,
    show_default=True,
    type=click.IntRange(min=0),
    help="Plant up to this many conflicts: a level restated with a value outside its interval "
    "(its note names the figure; none on a size tier).",
)
@click.pass_context
def synth(ctx, figures: int, out_dir: Path, seed: int, conflicts: int):
    """Write a synthetic project of N contract-satisfying figures (for benchmarks): raw/, models and checks."""
    from ..synth import synthesize

    result = synthesize(project_of(ctx).project_dir, out_dir, figures, seed, conflicts=conflicts)
    click.echo(
        f"Wrote {result.figures:,} figures of {result.documents:,} documents in {result.files} file(s) "
        f"to {result.project_dir}/raw in {result.seconds:.1f}s."
    )
    click.echo(f"Run it:  clusterdw --project-dir {result.project_dir} run")


@main.command("export")
@out_dir_option(
    "Folder for the Parquet files and manifest.json [default: target/parquet/]; "
    "refused if it holds files clusterdw did not write.",
)
@click.pass_context
def export_command(ctx, out_dir: Path | None):
    """Export every mart table of the published warehouse to Parquet (zstd) for BI tools."""
    import json

    from ..publish.export import export

    project = project_of(ctx)
    manifest = export(project.db_path, out_dir or project.parquet_dir, None)
    tables = json.loads(manifest.read_text(encoding="utf-8"))["tables"]
    click.echo(
        f"Exported {len(tables)} mart tables ({sum(t['rows'] for t in tables):,} rows) of {project.db_path} "
        f"to Parquet in {manifest.parent}"
    )
    click.echo(f"Manifest: {manifest}")


@main.command("report")
@out_dir_option(
    "Folder for the report [default: target/report/]; refused if clusterdw's report did not write it.",
)
@click.pass_context
def report_command(ctx, out_dir: Path | None):
    """Write a static HTML report of the published warehouse: charts that work offline."""
    from ..report import build_report

    project = project_of(ctx)
    page = build_report(project.db_path, out_dir or project.report_dir)
    click.echo(f"Report of {project.db_path}: {page}")


@main.command(context_settings=dict(ignore_unknown_options=True, allow_interspersed_args=False))
@click.argument("duckdb_args", nargs=-1, type=click.UNPROCESSED)
@click.pass_context
def shell(ctx, duckdb_args: tuple[str, ...]):
    """Open the published warehouse read-only in the DuckDB CLI; DUCKDB_ARGS go to duckdb (e.g. -c "...")."""
    from .shell import exec_shell

    exec_shell(project_of(ctx).db_path, duckdb_args)


@main.command()
@click.option("-n", "--last", default=10, show_default=True, type=click.IntRange(min=1), help="How many runs.")
@click.pass_context
def status(ctx, last: int):
    """The last runs: outcome, duration per step, and what failed (from target/run_history.jsonl)."""
    from .status import status_lines

    for line in status_lines(project_of(ctx), last):
        click.echo(line)


@main.command("docs")
@click.argument("models", nargs=-1)
@click.option(
    "--html",
    "as_html",
    is_flag=True,
    help="Write a static, searchable page set (offline) of every "
    "model, column, test and column lineage, with the dependency graph drawn.",
)
@out_dir_option(
    "Folder of the --html pages [default: target/docs/].",
)
@click.pass_context
def docs_command(ctx, models: tuple[str, ...], as_html: bool, out_dir: Path | None):
    """The models, their columns and descriptions, and the dependency graph (or only MODELS)."""
    from ..docs.catalog import build_catalog, render

    if as_html or out_dir:
        from ..docs.site import write_site

        project = project_of(ctx)
        if models:
            raise click.UsageError("--html writes every model: leave out MODELS")
        click.echo(f"Docs: {write_site(project, out_dir or project.target_dir / 'docs')}")
        return
    for line in render(build_catalog(project_of(ctx)), list(models) or None):
        click.echo(line)


@main.command("lineage")
@click.argument("column", metavar="MODEL.COLUMN")
@click.pass_context
def lineage_command(ctx, column: str):
    """Trace a column back to the raw columns it is computed from, e.g. marts.fct_growth_rates.rate_pct."""
    from ..docs.lineage import render, trace
    from ..models.builder import load_graph

    for line in render(trace(load_graph(project_of(ctx).project_dir), column)):
        click.echo(line)


def entry() -> None:
    """The `clusterdw` console script: `main` in a process of its own, with the cyclic GC set for one.

    Importing great_expectations makes about 230,000 objects that live until exit, and Python's
    default GC thresholds go over them again and again: 0.9 s of collections in a run on the
    project's data, then 1 s more at exit, where the interpreter collects before it ends. A
    larger first threshold (as mypy sets) leaves 0.3 s of collections, and freezing every object
    at exit leaves the interpreter's last collections nothing to go over: exit takes 0.1 s.
    The data itself lives in DuckDB, Arrow and NumPy buffers, which the GC does not track."""
    gc.set_threshold(50_000, 20, 20)
    try:
        main(prog_name="clusterdw")
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    entry()
