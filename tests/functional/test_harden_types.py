"""Issue 25, types: an integer is an integer as written (DuckDB's cast rounds 2020.5 and reads 0x7E5 and
2_021), an invisible character inside a number is an error naming file, line and column (in raw/ and in
a document given to suggest), and a correction that breaks a figure's contract fails at load (exit 3)
naming raw/corrections.csv's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit_figure, line_of, read_rows, write_rows

FIGURE = "002-004"  # an actual of 2020, value 20, evidence '2020 年产值超 20 亿元'
TAKT = "002-002"  # value 10, evidence '每台 10 秒钟的最快节拍'


def load_errors(cli, project: Path) -> tuple[int, list[str]]:
    result = cli(project, "load")
    return result.exit_code, [line for line in result.stderr.splitlines() if line.startswith("raw/")]


@pytest.mark.parametrize("year", ["2020.5", "0x7E4", "2_020", "2020.0", "1e3", "٢٠٢٠"])
def test_a_year_that_is_not_digits_as_written_is_refused(project, cli, year):
    path = edit_figure(project, FIGURE, period_start_year=year)
    code, listed = load_errors(cli, project)
    assert code == 3
    line = line_of(path, FIGURE)
    assert listed == [
        f"raw/figures/{path.name}:{line}: period_start_year: '{year}' is not an integer "
        "(write ASCII digits only, e.g. 2020)"
    ]


def test_a_member_order_of_0_6_is_not_order_1(project, cli):
    path = project / "raw" / "reference" / "cluster_members.csv"
    header, rows = read_rows(path)
    rows[0]["member_order"] = "0.6"
    write_rows(path, header, rows)
    code, listed = load_errors(cli, project)
    assert code == 3
    assert listed == [
        "raw/reference/cluster_members.csv:2: member_order: '0.6' is not an integer "
        "(write ASCII digits only, e.g. 2020)"
    ]


def write_corrections(project: Path, *rows: tuple[str, str, str]) -> Path:
    path = project / "raw" / "corrections.csv"
    write_rows(
        path,
        ["figure_id", "column_name", "corrected_value", "reason"],
        [dict(figure_id=f, column_name=c, corrected_value=v, reason="checked the source") for f, c, v in rows],
    )
    return path


def test_a_correction_of_a_year_to_2019_5_is_refused_not_applied_as_2020(project, cli):
    write_corrections(project, (FIGURE, "period_start_year", "2019.5"))
    code, listed = load_errors(cli, project)
    assert code == 3
    assert listed == [
        "raw/corrections.csv:2: corrected_value: '2019.5' is not a valid period_start_year "
        "(write a whole number in 1990..2050)"
    ]


@pytest.mark.parametrize(
    "column, value, problem",
    [
        ("period_start_year", "2024", "period ends (2020) before it starts (2024)"),
        ("value", "21", "value 21.0 does not occur in evidence '2020 年产值超 20 亿元'"),
        ("unit", "万辆", "unit '万辆' is not a unit of"),
    ],
)
def test_a_correction_that_breaks_the_figures_contract_fails_at_load_at_its_line(project, cli, column, value, problem):
    write_corrections(
        project,
        ("000-001", "status", "target"),  # a harmless one first: line 2
        (FIGURE, column, value),
    )
    code, listed = load_errors(cli, project)
    assert code == 3, listed
    assert len(listed) == 1 and listed[0].startswith(
        f"raw/corrections.csv:3: {column}: corrected, figure {FIGURE} breaks its contract: {problem}"
    ), listed


@pytest.mark.parametrize("invisible", ["\u200b", "\u202e", "\u2060", "\ufeff", "\u00ad"])
def test_an_invisible_character_inside_a_number_in_evidence_is_an_error(project, cli, invisible):
    path = edit_figure(project, TAKT, value="1", evidence=f"每台 1{invisible}0 秒钟的最快节拍")
    code, listed = load_errors(cli, project)
    assert code == 3
    assert listed == [
        f"raw/figures/{path.name}:{line_of(path, TAKT)}: evidence: an invisible character "
        f"(U+{ord(invisible):04X}) inside a number in evidence: delete it, so the number reads as "
        "the document shows it"
    ]


@pytest.mark.parametrize("invisible", ["\u200b", "\u202e"])
def test_suggest_refuses_a_document_with_an_invisible_character_in_a_number(project, cli, tmp_path, invisible):
    document = tmp_path / "905_x.txt"
    document.write_text(
        f"南宁市2023年工业经济运行情况\n2023年，全市规上工业企业超过1{invisible}500家。\n", encoding="utf-8"
    )
    result = cli(project, "suggest", str(document), "--document-id", "905_x", "--published", "2024-01-20")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: an invisible character (U+{ord(invisible):04X}) inside a number — "
        f"{document}:2:18 — delete it, so that the number reads as the document "
        "shows it"
    )
    assert not (project / "raw" / "drafts" / "905_x.csv").exists()
