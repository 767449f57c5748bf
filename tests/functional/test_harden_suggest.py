"""Issue 25, unbounded work in suggest and verify-evidence: linear time on ordinary text (1 MB took 214 s),
no regex that backtracks on a hostile line, a size limit, regular files only (a FIFO or /dev/zero is
refused unread), and a URL or an e-mail address on a line does not drop the line's figures."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import REPO

PARAGRAPH = (
    "南宁市{i}号工业园区2023年工业经济运行情况\n2023年，园区规模以上工业增加值同比增长{a}.5%，"
    "工业投资增长{b}.4%。园区力争到2025年工业总产值突破{c}亿元，规上工业企业超过{d}家。\n"
)


def ordinary_text(size: int) -> str:
    parts, length, i = [], 0, 0
    while length < size:
        part = PARAGRAPH.format(i=i, a=i % 9 + 1, b=i % 7 + 1, c=1000 + i, d=200 + i)
        parts.append(part)
        length += len(part.encode())
        i += 1
    return "".join(parts)


def extract_seconds(text: str, budget: float) -> float:
    """CPU seconds extract takes in a process of its own (CPU, not wall: the ratio of two runs must not move
    with the machine's load), killed after `budget` wall seconds (a hang fails, not waits)."""
    code = (
        "import sys, time; from pathlib import Path; from pipelines.annotate import reference; "
        "from pipelines.annotate.extract import extract; text = sys.stdin.read(); "
        "known = reference.load(Path('raw')); t = time.process_time(); extract(text, 2024, known); "
        "print(time.process_time() - t)"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            input=text,
            text=True,
            capture_output=True,
            cwd=REPO,
            timeout=budget,
            check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"extract took over {budget} s on {len(text):,} characters")
    return float(done.stdout)


def test_suggest_takes_linear_time_on_ordinary_text():
    small = extract_seconds(ordinary_text(64 * 1024), 120)
    large = extract_seconds(ordinary_text(512 * 1024), 600)
    assert large < 16 * max(small, 0.05), (small, large)  # 8 times the text: linear ~8x, quadratic ~64x


@pytest.mark.parametrize(
    "name, text",
    [
        ("an 80 KB run of 1,000,…", "产值" + "1,000" * 16_000 + ",亿元"),
        ("a year and 50,000 spaces", "2020" + " " * 50_000 + "产值20亿元"),
        ("a line of 50,000 spaces before a byline word", " " * 50_000 + "(记者 x\n产值20亿元"),
        ("50,000 letters and no @", "a" * 50_000 + "产值20亿元"),
    ],
)
def test_no_hostile_line_makes_suggest_backtrack(name, text):
    assert extract_seconds(text, 60) < 20, name


def test_a_sentence_of_80_kb_costs_linear_time():
    small = extract_seconds("产值增长" + "增长1.5%，" * 1_250, 120)
    large = extract_seconds("产值增长" + "增长1.5%，" * 10_000, 600)
    assert large < 16 * max(small, 0.05), (small, large)  # 8 times the figures: linear ~8x, quadratic ~64x


# --- the command: limits, files, URL lines ---------------------------------------------------------------


def suggest(cli, project, document, *more):
    return cli(project, "suggest", str(document), "--document-id", "905_x", "--published", "2024-01-20", *more)


def error_of(result) -> str:
    [line] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    return line


def test_a_document_over_2_mb_is_refused(project, cli, tmp_path):
    document = tmp_path / "905_x.txt"
    document.write_text(ordinary_text(2 * 1024 * 1024 + 10), encoding="utf-8")
    result = suggest(cli, project, document)
    assert result.exit_code == 1
    assert error_of(result) == (
        f"Error: document is over the 2,097,152 bytes suggest reads — {document} — split it "
        "into documents of at most 2 MB, each with its own document_id"
    )


def test_dev_zero_is_refused_unread(project, cli):
    result = suggest(cli, project, Path("/dev/zero"))
    assert result.exit_code == 1
    assert error_of(result) == (
        "Error: document is not a regular file (a FIFO, device or socket) — /dev/zero — give the path of a .txt file"
    )


def test_a_fifo_is_refused_without_waiting_for_a_writer(project, tmp_path):
    fifo = tmp_path / "905_x.txt"
    os.mkfifo(fifo)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines",
            "--project-dir",
            str(project),
            "suggest",
            str(fifo),
            "--document-id",
            "905_x",
            "--published",
            "2024-01-20",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Error: document is not a regular file (a FIFO, device or socket)" in done.stderr


@pytest.mark.parametrize("link", ["详见 https://www.gxzf.gov.cn/a/2024/1.html ，", "联系邮箱 abc@gx.gov.cn ；"])
def test_a_url_or_e_mail_on_a_line_keeps_the_lines_figures(project, cli, tmp_path, link):
    document = tmp_path / "905_x.txt"
    document.write_text(f"南宁市工业经济\n{link}2023年全市工业增加值增长8.5%。\n", encoding="utf-8")
    result = suggest(cli, project, document)
    assert result.exit_code == 0, result.output
    draft = (project / "raw" / "drafts" / "905_x.csv").read_text(encoding="utf-8")
    assert ",8.5,%," in draft
    assert "2024" not in draft.split("\n", 1)[1].split(",8.5,")[0][-40:]  # no number of the URL drafted


def test_verify_evidence_refuses_a_fifo_in_raw_figures_as_the_load_does(project, tmp_path):
    documents = tmp_path / "docs"
    documents.mkdir()
    (documents / "000_35157f1fbdb36fec.txt").write_text("x", encoding="utf-8")
    os.mkfifo(project / "raw" / "figures" / "zz_fifo.csv")
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines",
            "--project-dir",
            str(project),
            "verify-evidence",
            "--documents",
            str(documents),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert time.perf_counter() - started < 60
    assert done.returncode == 3, done.stderr
    assert "raw/figures/zz_fifo.csv: not a regular file (a FIFO): put the CSV itself there, or remove it" in done.stderr
