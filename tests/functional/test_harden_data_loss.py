"""Issue 25, data loss through the other commands: a command replaces only what it wrote (exit 6 otherwise),
a run that would lose most of the published figures stops (exit 3) unless --allow-shrink, and
`run --if-changed --export DIR` exports when DIR lacks the published warehouse's export."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import duckdb
import pytest

from pipelines.engines.spark_outputs import MARKER, claim
from pipelines.errors import PathRefused

from helpers import digest

DOCUMENT = (
    "南宁市2023年工业经济运行情况\n2023年，全市规上工业企业超过1500家。南宁市力争到2025年工业总产值突破5000亿元。\n"
)


def tree_digest(folder: Path) -> str:
    found = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        found.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return found.hexdigest()


def error_of(result) -> str:
    [line] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    return line


# --- build --engine spark --spark-dir ------------------------------------------------------------------


def test_a_spark_build_into_the_project_folder_is_refused_before_anything_is_written(project, cli):
    before = tree_digest(project)
    result = cli(project, "build", "--engine", "spark", "--spark-dir", str(project))
    assert result.exit_code == 6, result.output
    assert error_of(result).startswith(
        "Error: refusing to write a Spark build into a folder holding files clusterdw did not write ("
    )
    assert error_of(result).endswith(f" — {project} — give --spark-dir an empty or new folder (default: target/spark/)")
    assert tree_digest(project) == before


def test_a_spark_dir_below_a_file_is_one_clear_line(project, cli, tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("mine", encoding="utf-8")
    result = cli(project, "build", "--engine", "spark", "--spark-dir", str(file / "spark"))
    assert result.exit_code == 1, result.output
    assert error_of(result) == (
        f"Error: cannot create the Spark folder: Not a directory — {file / 'spark'} — "
        "give a writable --spark-dir folder"
    )
    with pytest.raises(PathRefused, match="the --spark-dir path is a file, not a folder"):
        claim(file)
    assert file.read_text(encoding="utf-8") == "mine"


def test_a_spark_folder_is_claimed_with_a_marker_and_a_linked_marker_does_not_count(tmp_path):
    folder = tmp_path / "spark"
    claim(folder)
    assert (folder / MARKER).is_file()
    (folder / "raw" / "figures").mkdir(parents=True)
    (folder / "raw" / "figures" / "mine.csv").write_text("x", encoding="utf-8")
    claim(folder)  # marked: clusterdw's own folder
    other = tmp_path / "other"
    (other / "raw").mkdir(parents=True)
    (other / "raw" / "mine.csv").write_text("x", encoding="utf-8")
    (other / MARKER).symlink_to(folder / MARKER)
    with pytest.raises(PathRefused):
        claim(other)


def test_a_spark_folder_of_parquet_only_from_before_the_marker_is_accepted(tmp_path):
    folder = tmp_path / "spark"
    (folder / "marts" / "dim_city").mkdir(parents=True)
    (folder / "marts" / "dim_city" / "part-0.parquet").write_bytes(b"PAR1")
    (folder / "marts" / "dim_city" / "_SUCCESS").write_bytes(b"")
    claim(folder)
    assert (folder / MARKER).is_file()


# --- suggest --out X --force -----------------------------------------------------------------------------


@pytest.fixture
def document(tmp_path) -> Path:
    path = tmp_path / "docs" / "905_x.txt"
    path.parent.mkdir()
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def suggest(cli, project, document, *more):
    return cli(project, "suggest", str(document), "--document-id", "905_x", "--published", "2024-01-20", *more)


@pytest.mark.parametrize(
    "victim",
    [
        "target/warehouse.duckdb",
        "raw/documents.csv",
        "raw/reference/places.csv",
        "marts/dim_city.sql",
        "raw/figures/002_f8316eb84ec5ff3b.csv",
    ],
)
def test_suggest_force_overwrites_no_file_but_a_draft(built_project, cli, document, victim):
    path = built_project / victim
    before = digest(path)
    result = suggest(cli, built_project, document, "--out", str(path), "--force")
    assert result.exit_code == 6, result.output
    assert error_of(result).startswith(
        "Error: refusing to overwrite a file that is not a draft of 905_x ("
    ) or error_of(result).startswith("Error: a draft is not written into raw/figures")
    assert digest(path) == before


def test_suggest_force_overwrites_its_own_draft_but_not_through_a_link(project, cli, document, tmp_path):
    assert suggest(cli, project, document).exit_code == 0
    draft = project / "raw" / "drafts" / "905_x.csv"
    assert suggest(cli, project, document, "--force").exit_code == 0
    link = tmp_path / "link.csv"
    link.symlink_to(draft)
    result = suggest(cli, project, document, "--out", str(link), "--force")
    assert result.exit_code == 6
    assert error_of(result).startswith(f"Error: refusing to overwrite a symbolic link — {link} — ")


def test_a_draft_follows_the_umask_like_every_other_output(project, cli, document):
    old = os.umask(0o022)
    try:
        assert suggest(cli, project, document).exit_code == 0
    finally:
        os.umask(old)
    assert (project / "raw" / "drafts" / "905_x.csv").stat().st_mode & 0o777 == 0o644


# --- a run that loses most figures ----------------------------------------------------------------------


def figures_in(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(*) from raw.figures").fetchall()[0][0]


def test_a_run_over_figures_files_cut_to_their_header_stops_unless_allowed(fast_built_project, cli):
    db = fast_built_project / "target" / "warehouse.duckdb"
    published = figures_in(db)
    for path in (fast_built_project / "raw" / "figures").glob("*.csv"):
        path.write_bytes(path.read_bytes().split(b"\n")[0] + b"\n")
    before = digest(db)
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == 3, result.output
    assert error_of(result) == (
        f"Error: raw/figures holds 0 figures, the published warehouse {published:,}: publishing would lose "
        f"{published:,} of them — raw/figures — restore the files cut or removed (a figures file of a header "
        "only?); if the loss is meant, run again with `clusterdw run --allow-shrink`"
    )
    assert digest(db) == before
    result = cli(fast_built_project, "run", "--no-docs", "--allow-shrink")
    assert result.exit_code == 0, result.output
    assert figures_in(db) == 0


# --- run --if-changed --export ---------------------------------------------------------------------------


def test_if_changed_still_exports_when_the_export_folder_is_missing(fast_built_project, cli, tmp_path):
    out = tmp_path / "bi"
    # The copy's run history names the session's warehouse, not this one: one run here first, so that its
    # inputs are unchanged since a run of this file and only the missing export folder can start a run.
    assert cli(fast_built_project, "run", "--no-docs").exit_code == 0
    skipped = cli(fast_built_project, "run", "--no-docs", "--if-changed")
    assert "Skipped: inputs unchanged since run" in skipped.output, skipped.output
    result = cli(fast_built_project, "run", "--no-docs", "--if-changed", "--export", str(out))
    assert result.exit_code == 0, result.output
    # the build is skipped, the export is not: the published warehouse is written out
    assert "Skipped: inputs unchanged since run" in result.output and "export: started" in result.output, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tables"] and (out / manifest["tables"][0]["file"]).is_file()
    mtime = (out / "manifest.json").stat().st_mtime_ns
    assert cli(fast_built_project, "run", "--no-docs", "--if-changed", "--export", str(out)).exit_code == 0
    assert (out / "manifest.json").stat().st_mtime_ns == mtime  # up to date: not written again
