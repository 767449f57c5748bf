"""Issue 25, messages: paths that ended in "internal error" are one clear line, a raw value's newline or ESC
never reaches stderr as it is (no forged `Error:` line, no terminal control), and click's usage errors
exit 2, which the README lists."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from faults import error_lines, run_process, small_disk
from helpers import REPO, read_rows, write_rows


def only_error(result) -> str:
    stderr = result.stderr
    [line] = error_lines(stderr)
    assert "internal error" not in line
    return line


def test_a_newline_or_esc_in_a_raw_value_is_escaped_on_stderr(project):
    path = project / "raw" / "documents.csv"
    header, rows = read_rows(path)
    rows[0]["document_id"] = "x\nError: all is well\x1b[2J\u202e"
    write_rows(path, header, rows)
    result = run_process(project, "load", timeout=120)
    assert result.returncode == 3
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith("Error: all is well")]
    assert (
        "raw/documents.csv:2: document_id: 'x\\nError: all is well\\x1b[2J\\u202e' is not a valid document_id"
        in result.stderr
    )


def test_a_memory_limit_too_small_to_run_is_one_clear_line(project):
    result = run_process(project, "load", env={"CLUSTERDW_MEMORY_LIMIT": "1KB"}, timeout=120)
    assert result.returncode == 1
    line = only_error(result)
    assert line.startswith("Error: DuckDB ran out of memory: Out of Memory Error: ")
    assert line.endswith(
        " — CLUSTERDW_MEMORY_LIMIT=1KB — give DuckDB more (CLUSTERDW_MEMORY_LIMIT=3GB is the "
        "default), or free memory; the published warehouse was left as it was"
    )


def test_a_model_not_in_utf8_is_a_model_error_at_its_line(project, cli):
    (project / "marts" / "zz_gbk.sql").write_bytes("select 1 as a\n-- 南宁\n".encode("gbk"))
    result = cli(project, "build")
    assert result.exit_code == 4
    assert only_error(result) == (
        f"Error: not UTF-8 text (was it saved as GBK?) — {project}/marts/zz_gbk.sql:2 — save it as UTF-8"
    )


@pytest.mark.parametrize("file, code", [("marts/zz_fifo.sql", 4), ("checks/zz_fifo.json", 1)])
def test_a_fifo_planted_as_a_model_or_suite_is_refused_not_waited_on(project, file, code):
    os.mkfifo(project / file)
    result = run_process(project, "run", "--no-docs", timeout=120)
    assert result.returncode == code, result.stderr
    assert only_error(result) == (
        f"Error: not a regular file (a FIFO, device, socket or folder) — {project}/{file} "
        "— put the file itself there, or remove it"
    )


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root to run as another user")
def test_an_unreadable_raw_file_is_named(project):
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="clusterdw-unreadable-"))  # pytest's folders are root's alone
    try:
        _unreadable_raw_file(shutil.copytree(project, shared / "project"))
    finally:
        shutil.rmtree(shared)


def _unreadable_raw_file(project: Path) -> None:
    os.chmod(project / "raw" / "documents.csv", 0o600)
    for folder in (project.parent, project, *project.rglob("*")):
        if folder.is_dir():
            os.chmod(folder, 0o777)
    done = subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-m",
            "pipelines",
            "--project-dir",
            str(project),
            "load",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 3, done.stderr
    assert (
        "raw/documents.csv: cannot be read: permission denied: make it readable by the user who runs clusterdw "
        "(chmod a+r)" in done.stderr
    )


def test_synth_below_a_file_is_one_clear_line(project, cli, tmp_path):
    file = tmp_path / "afile"
    file.write_text("x", encoding="utf-8")
    result = cli(project, "synth", "--figures", "10", "--out", str(file / "x"))
    assert result.exit_code == 1
    assert only_error(result).startswith(f"Error: not a directory — {file / 'x'}")


def test_a_full_disk_under_the_report_is_one_clear_line(built_project, cli, tmp_path):
    with small_disk(tmp_path / "small", "64k") as disk:
        result = cli(built_project, "report", "--out", str(disk / "report"))
        assert result.exit_code == 1, result.output
        assert only_error(result) == (
            f"Error: cannot write the report: No space left on device — {disk / 'report'} — "
            "free space there, or pass --out a folder on a larger disk; the last report "
            "was left as it was"
        )
        assert not list(disk.iterdir())


def test_verify_evidence_with_a_gbk_document_is_one_clear_line(project, cli, tmp_path):
    documents = tmp_path / "docs"
    documents.mkdir()
    (documents / "000_35157f1fbdb36fec.txt").write_bytes("南宁".encode("gbk"))
    result = cli(project, "verify-evidence", "--documents", str(documents))
    assert result.exit_code == 1
    assert only_error(result) == (
        f"Error: document is not UTF-8 (byte 0) — {documents}/000_35157f1fbdb36fec.txt:1 — "
        "save the document as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)"
    )


def test_a_usage_error_exits_2_which_the_readme_lists(project, cli):
    result = cli(project, "run", "--no-such-option")
    assert result.exit_code == 2
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "2 a command line clusterdw cannot read" in " ".join(readme.split())
