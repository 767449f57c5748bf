"""The command line: fast help, the steps alone on the dev file, exit codes."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import duckdb


def test_help_imports_nothing_heavy():
    code = (
        "import sys; from pipelines.cli import main; "
        "heavy = [m for m in ('great_expectations', 'duckdb', 'pandas', 'pyarrow', 'sqlglot') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "pipelines", "--help"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for command in ("run", "load", "build", "check", "verify-evidence"):
        assert command in result.stdout


def test_steps_work_on_the_dev_file_and_never_touch_the_published_one(project, cli):
    assert cli(project, "run", "--no-docs").exit_code == 0
    published = project / "target" / "warehouse.duckdb"
    before = hashlib.sha256(published.read_bytes()).hexdigest()

    loaded = cli(project, "load")
    assert loaded.exit_code == 0, loaded.output
    assert "raw tables" in loaded.output
    built = cli(project, "build", "--select", "+fct_rd_intensity")
    assert built.exit_code == 0, built.output
    assert "marts.fct_rd_intensity" in built.output and "marts.fct_output_values" not in built.output
    checked = cli(project, "check")
    assert checked.exit_code == 0, checked.output

    assert hashlib.sha256(published.read_bytes()).hexdigest() == before
    with duckdb.connect(str(project / "target" / "warehouse.dev.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from marts.fct_rd_intensity").fetchall()[0][0] > 0


def test_build_loads_raw_first_when_the_dev_file_is_empty(project, cli):
    result = cli(project, "build", "--select", "stg_documents")
    assert result.exit_code == 0, result.output
    assert "staging.stg_documents" in result.output


def test_unknown_selection_is_a_clear_error(project, cli):
    result = cli(project, "build", "--select", "fct_nothing")
    assert result.exit_code == 4
    assert result.output.strip().splitlines()[-1].startswith("Error: no model named 'fct_nothing'")


def test_not_a_project_is_a_clear_error(cli, tmp_path):
    result = cli(tmp_path, "run")
    assert result.exit_code == 1
    assert "not a clusterdw project" in result.output and "--project-dir" in result.output


def test_verify_evidence_finds_every_span_and_reports_the_missing_ones(project, cli, tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "000_35157f1fbdb36fec.txt").write_text(
        "南宁 2026 年：规上工业总产值年均增长率达57%，", encoding="utf-8"
    )
    figures = project / "raw" / "figures"
    for path in figures.glob("*.csv"):
        if not path.name.startswith("000_"):
            path.unlink()
    lines = (figures / "000_35157f1fbdb36fec.csv").read_text(encoding="utf-8").splitlines()
    kept = [lines[0]] + [line for line in lines[1:] if "规上工业总产值年均增长率达57%" in line]
    kept.append(kept[1].replace("000-011", "000-099").replace("年均增长率达57%", "年均增长率达75%"))
    (figures / "000_35157f1fbdb36fec.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")

    result = cli(project, "verify-evidence", "--documents", str(documents))
    assert result.exit_code == 1
    assert "raw/figures/000_35157f1fbdb36fec.csv:3: evidence: figure 000-099" in result.output
    assert "000-011" not in result.output
    assert "1 of 2 checked figures' evidence not found" in result.output
