"""Shared fixtures: every test builds its own project in a temporary folder, never the real target/."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.cli import main

REPO = Path(__file__).resolve().parents[1]
PROJECT_FOLDERS = ("raw", "staging", "marts", "checks")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real project (inputs, models, suites) in a temporary folder."""
    root = tmp_path / "project"
    for folder in PROJECT_FOLDERS:
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, root / folder)
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The real project, run once per test module: inputs and target/ with its published warehouse."""
    root = tmp_path_factory.mktemp("built") / "project"
    for folder in PROJECT_FOLDERS:
        shutil.copytree(REPO / folder, root / folder)
    result = CliRunner().invoke(main, ["--project-dir", str(root), "run", "--no-docs"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def built_project(built, tmp_path) -> Path:
    """A copy of the built project, for a test to break."""
    copy = tmp_path / "project"
    shutil.copytree(built, copy)
    return copy


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def cli():
    """Run clusterdw in-process: cli(project, "run", "--no-docs") -> click Result."""
    runner = CliRunner()

    def invoke(project_dir: Path, *args: str, env: dict | None = None):
        return runner.invoke(main, ["--project-dir", str(project_dir), *args], env=env or {},
                             catch_exceptions=False)

    return invoke


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
