"""Issue 25, model SQL reads the machine: once the load is done, a build's connection reads no file and no
URL (DuckDB's enable_external_access, allowed paths, no extension installed or loaded on demand), so a
model is an error naming its file, and nothing of the machine reaches the warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from helpers import digest

SECRET = "not for the warehouse"


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "outside" / "secret.csv"
    path.parent.mkdir()
    path.write_text(f"a\n{SECRET}\n", encoding="utf-8")
    return path


def reads(secret: Path) -> list[str]:
    return [
        f"select content from read_text('{secret}')",
        f"select content::varchar as content from read_blob('{secret}')",
        f"select file from glob('{secret.parent}/*')",
        f"select a from read_csv('{secret}')",
        "select * from read_csv('/etc/passwd')",
        "select * from read_parquet('http://127.0.0.1:9/x.parquet')",
    ]


@pytest.mark.parametrize("number", range(6))
def test_a_model_cannot_read_a_file_or_url_in_a_run(built_project, cli, secret, number):
    model = built_project / "marts" / "zz_reads.sql"
    model.write_text(reads(secret)[number] + "\n", encoding="utf-8")
    db = built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    result = cli(built_project, "run", "--no-docs")
    assert result.exit_code == 4, result.output
    [line] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert line.startswith("Error: model zz_reads failed in DuckDB: Permission Error: Cannot access file"), line
    assert "file system operations are disabled by configuration" in line
    assert f" — {model}" in line and "may read only the warehouse's tables" in line
    assert digest(db) == before


def test_a_model_cannot_read_a_file_in_a_dev_build(project, cli, secret):
    (project / "marts" / "zz_reads.sql").write_text(reads(secret)[0] + "\n", encoding="utf-8")
    result = cli(project, "build")
    assert result.exit_code == 4, result.output
    assert "Permission Error" in result.stderr
    with duckdb.connect(str(project / "target" / "warehouse.dev.duckdb"), read_only=True) as con:
        assert not con.execute("select * from duckdb_tables() where table_name = 'zz_reads'").fetchall()


def test_the_run_still_reads_its_history_into_meta_runs(fast_built_project, cli):
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(fast_built_project / "target" / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from meta.runs").fetchall()[0][0] == 2
