"""As an attacker with write access to a model folder, a shared target/ or export folder would try:
no SQL built from names or paths, no file followed through a symlink, no stale --if-changed skip,
and raw values that break their type reported at load, with file:line: column."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.project import Project

from helpers import PROJECT_FOLDERS, REPO, digest, fast_project, read_rows, write_rows

MODEL, CONTRACT, PATH_REFUSED = 4, 3, 6


def error_line(result) -> str:
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.output
    return errors[0]


def sql_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# --- 1. SQL injection through identifiers ---------------------------------------------------------------


def test_a_yml_column_key_cannot_run_sql_in_the_published_warehouse(fast_built_project, cli):
    db = fast_built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    attack = (
        f"x\" is 'a'; commit; attach '{db}' as published; create table published.main.pwned as select 1; "
        "detach published; begin; --"
    )
    (fast_built_project / "marts" / "zz_evil.sql").write_text(
        f"select 1 as x, 1 as {sql_identifier(attack)}\n", encoding="utf-8"
    )
    (fast_built_project / "marts" / "zz_evil.yml").write_text(
        "description: Harmless.\ncolumns:\n  " + json.dumps(attack) + ": A column.\n", encoding="utf-8"
    )
    # and a model after it that fails, so this run publishes nothing: the file must stay as it was
    (fast_built_project / "marts" / "zz_fails.sql").write_text(
        "select cast('x' as integer) as n from marts.zz_evil\n", encoding="utf-8"
    )
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == MODEL, result.output
    assert "model zz_fails failed" in error_line(result)
    assert digest(db) == before, "the published warehouse changed"
    con = duckdb.connect(str(db), read_only=True)
    assert not con.execute("select * from duckdb_tables() where table_name = 'pwned'").fetchall()


def test_a_column_named_with_quotes_gets_its_comment(fast_built_project, cli):
    (fast_built_project / "marts" / "zz_hi.sql").write_text('select 1 as "say ""hi"""\n', encoding="utf-8")
    (fast_built_project / "marts" / "zz_hi.yml").write_text(
        "description: A greeting, quoted.\ncolumns:\n  'say \"hi\"': What is said.\n", encoding="utf-8"
    )
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(fast_built_project / "target" / "warehouse.duckdb"), read_only=True)
    assert con.execute("select column_name, comment from duckdb_columns() where table_name = 'zz_hi'").fetchall() == [
        ('say "hi"', "What is said.")
    ]
    assert con.execute("select comment from duckdb_tables() where table_name = 'zz_hi'").fetchall() == [
        ("A greeting, quoted.",)
    ]


def test_a_model_file_name_that_is_not_a_plain_identifier_is_refused_naming_the_file(fast_built_project, cli):
    name = "zz as select 1; drop table marts.dim_city; create table marts.zz_after"
    path = fast_built_project / "marts" / f"{name}.sql"
    path.write_text("select 1 as n\n", encoding="utf-8")
    db = fast_built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == MODEL, result.output
    line = error_line(result)
    assert "is not a plain identifier" in line and str(path) in line, line
    assert digest(db) == before


@pytest.mark.parametrize(
    "frame_sql",
    [
        "select 1 as n; attach '{db}' as published; create table published.main.pwned as select 1",
        "attach '{db}' as published",
    ],
)
def test_a_suite_frame_sql_must_be_one_select(fast_built_project, cli, frame_sql):
    db = fast_built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    suite = {
        "name": "zz_frame",
        "meta": {"clusterdw": {"table": "marts.dim_year", "frame_sql": frame_sql.format(db=db)}},
        "expectations": [
            {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 0}, "severity": "warning"}
        ],
    }
    (fast_built_project / "checks" / "zz_frame.json").write_text(json.dumps(suite), encoding="utf-8")
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == 1, result.output
    line = error_line(result)
    assert "frame_sql must be one SELECT" in line and str(fast_built_project / "checks" / "zz_frame.json") in line, line
    assert digest(db) == before
    con = duckdb.connect(str(db), read_only=True)
    assert not con.execute("select * from duckdb_tables() where table_name = 'pwned'").fetchall()


# --- 2. Paths pasted into SQL ---------------------------------------------------------------------------


def test_a_full_run_works_in_a_folder_whose_name_holds_an_apostrophe(tmp_path, cli):
    home = tmp_path / "o'brien"
    root = home / "project"
    for folder in PROJECT_FOLDERS:
        shutil.copytree(REPO / folder, root / folder)
    db = home / "it's here" / "warehouse.duckdb"
    result = cli(root, "--db", str(db), "run", "--export", str(home / "bi's"))
    assert result.exit_code == 0, result.output
    assert f"Published: {db}" in result.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from marts.fct_output_values").fetchall()[0][0] > 0
    assert (home / "bi's" / "manifest.json").exists()
    from_env = home / "env'd" / "warehouse.duckdb"
    result = cli(root, "run", "--no-docs", env={"CLUSTERDW_DB": str(from_env)})
    assert result.exit_code == 0, result.output
    assert from_env.exists()
    assert cli(root, "--db", str(db), "build").exit_code == 0


def test_synth_writes_into_a_folder_whose_name_holds_an_apostrophe(tmp_path, cli):
    root = fast_project(tmp_path / "project")
    out = tmp_path / "o'brien" / "synth"
    result = cli(root, "synth", "--figures", "30", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "raw" / "documents.csv").exists() and list((out / "raw" / "figures").glob("*.csv"))


# --- 3. Symlinks followed on write ----------------------------------------------------------------------


@pytest.fixture
def victim(tmp_path) -> Path:
    path = tmp_path / "victim.txt"
    path.write_text("precious\n", encoding="utf-8")
    return path


def test_a_symlink_planted_as_the_export_lock_is_refused_and_its_target_untouched(
    fast_built_project, cli, tmp_path, victim
):
    out = tmp_path / "shared"
    out.mkdir()
    (out / ".clusterdw-export.lock").symlink_to(victim)
    result = cli(fast_built_project, "export", "--out", str(out))
    assert result.exit_code == PATH_REFUSED, result.output
    line = error_line(result)
    assert "symbolic link" in line and str(out / ".clusterdw-export.lock") in line, line
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (out / "manifest.json").exists()


def test_a_hard_link_planted_as_the_export_lock_is_refused(fast_built_project, cli, tmp_path, victim):
    out = tmp_path / "shared"
    out.mkdir()
    os.link(victim, out / ".clusterdw-export.lock")
    result = cli(fast_built_project, "export", "--out", str(out))
    assert result.exit_code == PATH_REFUSED, result.output
    assert "hard link" in error_line(result)
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_an_export_lock_left_by_an_earlier_export_is_reused(fast_built_project, cli, tmp_path):
    out = tmp_path / "shared"
    out.mkdir()
    (out / ".clusterdw-export.lock").write_text("12345", encoding="utf-8")
    result = cli(fast_built_project, "export", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (out / "manifest.json").exists()


def test_a_symlink_planted_as_run_results_tmp_is_not_written_through(fast_built_project, cli, victim):
    target = fast_built_project / "target"
    (target / "run_results.json.tmp").symlink_to(victim)
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (target / "run_results.json").is_symlink()
    assert json.loads((target / "run_results.json").read_text(encoding="utf-8"))["status"] == "success"
    assert not [p for p in target.iterdir() if p.name.startswith(".run_results.json")], "no temporary left"


def test_a_symlink_planted_as_the_run_history_is_refused_and_its_target_untouched(fast_built_project, cli, victim):
    history = fast_built_project / "target" / "run_history.jsonl"
    history.unlink()
    history.symlink_to(victim)
    db = fast_built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == PATH_REFUSED, result.output
    line = error_line(result)
    assert "symbolic link" in line and str(history) in line, line
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert digest(db) == before, "refused before anything was built or published"


def test_open_own_refuses_a_fifo_and_a_dangling_link_without_waiting_or_creating(tmp_path):
    from pipelines.errors import PathRefused
    from pipelines.publish.safe_open import open_own

    os.mkfifo(tmp_path / "fifo.lock")
    with pytest.raises(PathRefused, match="not a regular file"):
        open_own(tmp_path / "fifo.lock")
    (tmp_path / "dangling.lock").symlink_to(tmp_path / "created-through-the-link")
    with pytest.raises(PathRefused, match="symbolic link"):
        open_own(tmp_path / "dangling.lock")
    assert not (tmp_path / "created-through-the-link").exists()
    with open_own(tmp_path / "fresh.lock") as handle:
        handle.write("1")
    assert (tmp_path / "fresh.lock").read_text() == "1"


# --- 4. verify-evidence reads outside --documents --------------------------------------------------------


def test_verify_evidence_refuses_a_document_id_that_is_a_path(fast_built_project, cli, tmp_path):
    documents = tmp_path / "documents"
    documents.mkdir()
    figures = fast_built_project / "raw" / "figures"
    for path in figures.glob("*.csv"):
        if not path.name.startswith("000_"):
            path.unlink()
    path = figures / "000_35157f1fbdb36fec.csv"
    header, rows = read_rows(path)
    evidence = rows[0]["evidence"]
    (documents / f"{rows[0]['document_id']}.txt").write_text(evidence, encoding="utf-8")
    secret = tmp_path / "secret"
    secret.with_suffix(".txt").write_text(evidence, encoding="utf-8")  # outside --documents
    write_rows(path, header, [rows[0], rows[0] | {"document_id": "../secret"}, rows[0] | {"document_id": str(secret)}])
    result = cli(fast_built_project, "verify-evidence", "--documents", str(documents))
    assert result.exit_code == 1, result.output
    where = "raw/figures/000_35157f1fbdb36fec.csv"
    assert f"{where}:3: document_id: document_id '../secret' is not a valid document_id" in result.output
    assert f"{where}:4: document_id: document_id '{secret}' is not a valid document_id" in result.output
    assert f"{where}:2:" not in result.output
    assert "2 of 3 checked figures' evidence not found" in result.output


# --- 5. run --if-changed --------------------------------------------------------------------------------


def test_if_changed_sees_a_change_in_a_symlinked_figures_folder(fast_built_project, cli, tmp_path):
    elsewhere = tmp_path / "annotations"
    shutil.move(fast_built_project / "raw" / "figures", elsewhere)
    (fast_built_project / "raw" / "figures").symlink_to(elsewhere, target_is_directory=True)
    assert cli(fast_built_project, "run", "--no-docs").exit_code == 0
    path = sorted(elsewhere.glob("*.csv"))[0]
    header, rows = read_rows(path)
    rows[0]["note"] = "changed after the last run"
    write_rows(path, header, rows)
    result = cli(fast_built_project, "run", "--no-docs", "--if-changed")
    assert result.exit_code == 0, result.output
    assert "Skipped" not in result.output and "Published:" in result.output


def test_the_inputs_hash_covers_what_the_load_reads_and_only_that(fast_built_project):
    hashed = Project.at(fast_built_project)
    before = hashed.inputs_sha256()
    (fast_built_project / "raw" / "drafts").mkdir(exist_ok=True)  # the project keeps its review drafts there
    (fast_built_project / "raw" / "drafts" / "009_x.csv").write_text("not data\n", encoding="utf-8")  # never loaded
    assert hashed.inputs_sha256() == before
    (fast_built_project / "raw" / "corrections.csv").write_text("figure_id\n", encoding="utf-8")  # loaded
    assert hashed.inputs_sha256() != before


def test_if_changed_decides_per_published_file(fast_built_project, cli):
    a, b = fast_built_project / "target" / "a.duckdb", fast_built_project / "target" / "b.duckdb"
    assert cli(fast_built_project, "--db", str(a), "run", "--no-docs").exit_code == 0
    assert cli(fast_built_project, "--db", str(b), "run", "--no-docs").exit_code == 0
    model = fast_built_project / "marts" / "dim_year.sql"
    model.write_text(model.read_text(encoding="utf-8") + "\n-- touched\n", encoding="utf-8")
    first = cli(fast_built_project, "--db", str(a), "run", "--no-docs", "--if-changed")
    assert "Published:" in first.output, first.output
    second = cli(fast_built_project, "--db", str(b), "run", "--no-docs", "--if-changed")
    assert second.exit_code == 0, second.output
    assert "Skipped" not in second.output and "Published:" in second.output
    third = cli(fast_built_project, "--db", str(b), "run", "--no-docs", "--if-changed")
    assert "Skipped: inputs unchanged since run" in third.output


# --- 6. Raw values blamed on models ---------------------------------------------------------------------


def refused_at_load(fast_built_project: Path, cli) -> tuple[str, str]:
    db = fast_built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == CONTRACT, result.output
    assert digest(db) == before
    return result.stderr, error_line(result)


@pytest.mark.parametrize("published_on", ["2024-02-30", "2024-13"])
def test_an_impossible_date_in_documents_is_a_contract_violation(fast_built_project, cli, published_on):
    path = fast_built_project / "raw" / "documents.csv"
    header, rows = read_rows(path)
    rows[1]["published"] = published_on
    write_rows(path, header, rows)
    stderr, line = refused_at_load(fast_built_project, cli)
    assert f"raw/documents.csv:3: published: '{published_on}' is not a date: write a real date as YYYY" in stderr
    assert "raw/documents.csv:3: published" in line, line
    assert stderr.count("is not a date") == 2, stderr  # the violation and the Error line: reported once


@pytest.mark.parametrize(
    "column, value",
    [
        ("value", "12.5万"),
        ("period_start_year", "二〇二四"),
        ("period_end_year", "1850"),
        ("qualifier", "roughly"),
        ("status", "planned"),
    ],
)
def test_a_corrected_value_not_of_its_columns_type_is_a_contract_violation(fast_built_project, cli, column, value):
    figure_id = read_rows(sorted((fast_built_project / "raw" / "figures").glob("*.csv"))[0])[1][0]["figure_id"]
    write_rows(
        fast_built_project / "raw" / "corrections.csv",
        ["figure_id", "column_name", "corrected_value", "reason"],
        [
            {"figure_id": figure_id, "column_name": "unit", "corrected_value": "亿元", "reason": "fine"},
            {"figure_id": figure_id, "column_name": column, "corrected_value": value, "reason": "typo"},
        ],
    )
    stderr, line = refused_at_load(fast_built_project, cli)
    assert f"raw/corrections.csv:3: corrected_value: '{value}' is not a valid {column} (write " in stderr
    assert "raw/corrections.csv:3: corrected_value" in line and "1 contract violation(s)" in line, line


def test_a_corrected_value_of_its_columns_type_loads(fast_built_project, cli):
    figure_id = read_rows(sorted((fast_built_project / "raw" / "figures").glob("*.csv"))[0])[1][0]["figure_id"]
    write_rows(
        fast_built_project / "raw" / "corrections.csv",
        ["figure_id", "column_name", "corrected_value", "reason"],
        [{"figure_id": figure_id, "column_name": "qualifier", "corrected_value": "about", "reason": "ok"}],
    )
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(fast_built_project / "target" / "warehouse.duckdb"), read_only=True) as con:
        [(qualifier, approximate)] = con.execute(
            "select qualifier, is_approximate from staging.stg_figures where figure_id = ?", [figure_id]
        ).fetchall()
    assert (qualifier, approximate) == ("about", True), "the correction is applied in staging"
