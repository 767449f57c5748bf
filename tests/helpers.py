"""Helpers the tests share (imported as `from helpers import ...`; conftest.py holds only fixtures)."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
PROJECT_FOLDERS = ("raw", "staging", "marts", "checks")

# pytest-xdist groups (`--dist loadgroup`, in pyproject's addopts): a group's tests run on one worker, so a
# session fixture they share (a JVM, a cluster) starts once, not once on each worker that runs one of them
SPARK_LOCAL = pytest.mark.xdist_group("spark_local")  # the tests of the `spark` fixture's local session
SPARK_LOOPBACK = pytest.mark.xdist_group("spark_loopback")  # the tests of the loopback standalone cluster
SPARK_CONNECT = pytest.mark.xdist_group("spark_connect")  # its Connect server's: free to run beside them


def copy_project(root: Path) -> Path:
    """The real project's inputs (raw/, the models, the suites) copied to `root`, which is returned."""
    for folder in PROJECT_FOLDERS:
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, root / folder)
    return root


def fast_project(root: Path) -> Path:
    """The real project's inputs, models and descriptions without its GX suites, for tests that are not about
    the checks, which take most of a run's CPU (a warm in-process run: 8.2 s with them, 1.3 s without):
    an empty checks/, and no `data_tests:` in the models' .yml, which compile into suites of their own.
    `root` is returned."""
    for folder in PROJECT_FOLDERS:
        if (REPO / folder).exists() and folder != "checks":
            shutil.copytree(REPO / folder, root / folder)
    (root / "checks").mkdir()
    for path in sorted((root / "staging").glob("*.yml")) + sorted((root / "marts").glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc.pop("data_tests", None)
        for column in (doc.get("columns") or {}).values():
            if isinstance(column, dict):
                column.pop("data_tests", None)
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return root


def invoke(project_dir: Path, *args: str, env: dict | None = None):
    """Run clusterdw in-process on a project: invoke(project, "run", "--no-docs") -> click Result."""
    from pipelines.cli import main

    return CliRunner().invoke(main, ["--project-dir", str(project_dir), *args], env=env or {}, catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def edit_figure(project_dir: Path, figure_id: str, **changes: str) -> Path:
    """Change fields of one figure in raw/figures; returns the file edited."""
    for path in sorted((project_dir / "raw" / "figures").glob("*.csv")):
        header, rows = read_rows(path)
        for row in rows:
            if row["figure_id"] == figure_id:
                row.update(changes)
                write_rows(path, header, rows)
                return path
    raise KeyError(figure_id)


def line_of(path: Path, figure_id: str) -> int:
    """The physical line a figure's row starts on (rows here hold no newlines)."""
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text.startswith(figure_id + ","):
            return number
    raise KeyError(figure_id)
