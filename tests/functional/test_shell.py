"""The published file in the DuckDB shell: the pip duckdb-cli opens it read-only and read-write, comments show."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from pipelines.cli import main
from pipelines.cli.shell import find_cli
from pipelines.publish.warehouse import STORAGE_VERSION

from helpers import fast_project

DUCKDB_CLI = find_cli()
CLUSTERDW = Path(sys.executable).parent / "clusterdw"
COMMENTS = (
    "select table_name, column_name, comment from duckdb_columns() where comment is not null "
    "and schema_name = 'marts' order by all"
)
DIM_YEAR_DOC = """description: One row per calendar year, with its place in the five-year plans.
grain: one row per year
columns:
  year: The calendar year, e.g. 2025.
"""

needs_cli = pytest.mark.skipif(
    DUCKDB_CLI is None,
    reason="the DuckDB CLI is not installed: "
    "`pip install duckdb-cli` (the dev extra; `make install`) to run these tests",
)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A published warehouse of the real project (checks left out: not what these tests are about)."""
    root = fast_project(tmp_path_factory.mktemp("shell") / "project")
    if not (root / "marts" / "dim_year.yml").exists():  # so at least one column carries a comment
        (root / "marts" / "dim_year.yml").write_text(DIM_YEAR_DOC, encoding="utf-8")
    result = CliRunner().invoke(main, ["--project-dir", str(root), "run", "--no-docs"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root / "target" / "warehouse.duckdb"


def expected_comments(db: Path) -> list[tuple[str, str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(COMMENTS).fetchall()
    assert rows, "the warehouse holds no column comments to look for"
    return rows


def run(command: list[str], home: Path) -> subprocess.CompletedProcess:
    """Run with HOME elsewhere so a developer's ~/.duckdbrc cannot change what the shell does."""
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=os.environ | {"HOME": str(home)})


def csv_rows(text: str) -> list[tuple[str, ...]]:
    return [tuple(row) for row in csv.reader(io.StringIO(text))][1:]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@needs_cli
def test_the_cli_opens_the_published_file_read_only_and_shows_comments(published, tmp_path):
    before = digest(published)
    shown = run([str(DUCKDB_CLI), "-readonly", "-csv", str(published), "-c", COMMENTS], tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert csv_rows(shown.stdout) == expected_comments(published)
    tables = "select table_name, comment from duckdb_tables() where comment is not null order by all"
    with duckdb.connect(str(published), read_only=True) as con:
        table_comments = [tuple(map(str, row)) for row in con.execute(tables).fetchall()]
    shown_tables = run([str(DUCKDB_CLI), "-readonly", "-csv", str(published), "-c", tables], tmp_path)
    assert csv_rows(shown_tables.stdout) == table_comments and ("dim_year",) in [r[:1] for r in table_comments]
    version = run(
        [
            str(DUCKDB_CLI),
            "-readonly",
            "-csv",
            str(published),
            "-c",
            "select tags['storage_version'] from duckdb_databases() where database_name = 'warehouse'",
        ],
        tmp_path,
    )
    assert csv_rows(version.stdout)[0][0].startswith(STORAGE_VERSION), version.stdout
    write = run(
        [str(DUCKDB_CLI), "-readonly", str(published), "-c", "create table marts.scratch as select 1"], tmp_path
    )
    assert write.returncode != 0 and "read-only" in write.stderr, write.stderr
    assert digest(published) == before


@needs_cli
def test_the_cli_opens_it_read_write_and_python_duckdb_reads_it_after(published, tmp_path):
    opened = run([str(DUCKDB_CLI), "-csv", str(published), "-c", "select count(*) from marts.dim_year"], tmp_path)
    assert opened.returncode == 0 and int(csv_rows(opened.stdout)[0][0]) > 0, opened.stderr
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(published, copy)
    wrote = run(
        [str(DUCKDB_CLI), "-csv", str(copy), "-c", "create table main.scratch as select 42 as answer", "-c", COMMENTS],
        tmp_path,
    )
    assert wrote.returncode == 0, wrote.stderr
    assert csv_rows(wrote.stdout) == expected_comments(published)
    with duckdb.connect(str(copy), read_only=True) as con:  # the Python duckdb still opens what the CLI wrote
        assert con.execute("select answer from main.scratch").fetchall() == [(42,)]
        assert con.execute(COMMENTS).fetchall() == expected_comments(published)


def test_python_duckdb_opens_it_read_only_and_read_write_with_comments(published, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(published, copy)
    for read_only in (True, False):
        with duckdb.connect(str(copy), read_only=read_only) as con:
            assert con.execute(COMMENTS).fetchall() == expected_comments(published), duckdb.__version__
            tags = con.execute(
                "select tags['storage_version'] from duckdb_databases() where database_name = current_database()"
            ).fetchall()[0][0]
            assert tags.startswith(STORAGE_VERSION)


def test_the_published_file_holds_no_function_of_the_pipelines_own(published):
    """The loader's SQL helpers call Python functions that a shell does not have: they must stay in
    the loading session (temp), not be saved in the warehouse where a query would trip on them."""
    with duckdb.connect(str(published), read_only=True) as con:
        saved = con.execute(
            "select schema_name, function_name from duckdb_functions() "
            "where database_name = current_database() and not internal"
        ).fetchall()
    assert saved == []


@needs_cli
def test_clusterdw_shell_opens_the_published_file_read_only(published, tmp_path):
    project = published.parent.parent
    shown = run([str(CLUSTERDW), "--project-dir", str(project), "shell", "-csv", "-c", COMMENTS], tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert csv_rows(shown.stdout) == expected_comments(published)
    write = run(
        [str(CLUSTERDW), "--project-dir", str(project), "shell", "-c", "create table marts.x as select 1"], tmp_path
    )
    assert write.returncode != 0 and "read-only" in write.stderr, write.stderr


def test_clusterdw_shell_without_a_warehouse_says_how_to_make_one(published, tmp_path):
    project = published.parent.parent
    missing = run(
        [str(CLUSTERDW), "--project-dir", str(project), "--db", str(tmp_path / "none.duckdb"), "shell"], tmp_path
    )
    assert missing.returncode == 1
    assert "no published warehouse" in missing.stderr and "clusterdw run" in missing.stderr
