"""raw/reference/cue_words.csv: the grammar suggest drafts with is data, under a contract, in staging."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.annotate import reference
from pipelines.annotate.extract import extract
from pipelines.docs import codes as codes_md
from pipelines.load import contracts

from helpers import REPO, read_rows, write_rows

CUES = Path("raw") / "reference" / "cue_words.csv"


@pytest.fixture
def raw(tmp_path) -> Path:
    """A raw/ of the project's reference and no figures, for suggest to read."""
    raw = tmp_path / "raw"
    shutil.copytree(REPO / "raw" / "reference", raw / "reference")
    (raw / "figures").mkdir()
    return raw


def edit_cues(root: Path, change=None, add: list[dict] | None = None) -> Path:
    """Change rows of cue_words.csv under root (change(row) edits a row in place) and append rows."""
    path = root / "reference" / "cue_words.csv" if root.name == "raw" else root / CUES
    header, rows = read_rows(path)
    for row in rows:
        if change:
            change(row)
    rows += [dict(dict.fromkeys(header, ""), **new) for new in add or []]
    write_rows(path, header, rows)
    return path


def only(text: str, raw: Path):
    figures = extract(text, 2023, reference.load(raw))
    assert len(figures) == 1, [(f.value, f.unit, f.evidence) for f in figures]
    return figures[0]


# suggest reads the grammar from the table -----------------------------------------------------------


def test_a_status_word_added_to_the_table_makes_a_target(raw):
    text = "柳州市谋求汽车产量达到150万辆。"
    assert only(text, raw).status == "actual"
    edit_cues(raw, add=[dict(cue_kind="status", cue_word="谋求", code="target", position="before_number")])
    assert only(text, raw).status == "target"


def test_not_followed_by_is_read_from_the_table(raw):
    text = "柳州市汽车产量将近150万辆。"
    assert only(text, raw).status == "actual"  # 将近 is nearly, not 将 (will)

    def drop_rule(row):
        if row["cue_word"] == "将":
            row["not_followed_by"] = ""

    edit_cues(raw, drop_rule)
    assert only(text, raw).status == "target"


def test_not_preceded_by_is_read_from_the_table(raw):
    text = "为了到2023年柳州市汽车产量达到150万辆。"  # published 2023: no year to come (future_year)
    assert only(text, raw).status == "target"  # 为了 is no done verb

    def drop_rule(row):
        if row["cue_word"] == "了":
            row["not_preceded_by"] = ""

    edit_cues(raw, drop_rule)
    assert only(text, raw).status == "actual"


@pytest.mark.parametrize(
    "word, code, position, text",
    [
        ("保底", "at_least", "before_number", "柳州市汽车产量保底150万辆。"),  # 不少于, 起码 are in the table now
        ("光景", "about", "after_unit", "柳州市汽车产量150万辆光景。"),  # and 上下
    ],
)
def test_a_qualifier_added_to_the_table_qualifies_the_value(raw, word, code, position, text):
    assert only(text, raw).qualifier == "exact"
    edit_cues(raw, add=[dict(cue_kind="qualifier", cue_word=word, code=code, position=position)])
    assert only(text, raw).qualifier == code


def test_a_period_word_added_to_the_table_sets_the_period_kind(raw):
    text = "柳州市汽车产量一共150万辆。"  # no stated year: one year's total is that year's (total_of_a_stated_year.py)
    assert only(text, raw).period_kind == "year"
    edit_cues(raw, add=[dict(cue_kind="period", cue_word="一共", code="cumulative", position="before_number")])
    assert only(text, raw).period_kind == "cumulative"


def test_traditional_cue_words_are_matched_through_their_simplified_form(raw):
    text = "柳州市汽車產量預計達到150萬輛。"
    assert only(text, raw).status == "target"  # 預計 matches the table's 预计
    edit_cues(raw, add=[dict(cue_kind="qualifier", cue_word="達到約", code="about", position="before_number")])
    assert only("柳州市汽車產量達到約150萬輛。", raw).qualifier == "about"


def test_the_leave_one_out_filter_takes_grammar_words_out_too(raw):
    known = reference.load(raw)
    text = "南宁市、柳州市的汽车产量分别达到150万辆、200万辆。"
    kept = known.without(lambda word: word != "分别")
    assert "分别" not in {c.word for c in kept.cue_words} and kept.removed["grammar"] == ("分别",)
    assert "分别" in {c.word for c in known.cue_words}
    assert [c.word for c in kept.cue_words] == [c.word for c in known.cue_words if c.word != "分别"]
    assert kept.cue("list", "respectively").search(text) is None
    assert known.cue("list", "respectively").search(text) is not None


def test_a_cue_row_suggest_cannot_read_is_one_error_naming_file_line_and_column(project, cli, tmp_path):
    def misplace(row):
        if row["cue_word"] == "以上":
            row["position"] = "by_metric_cue"

    path = edit_cues(project, misplace)
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if ",以上," in text)
    document = tmp_path / "005_doc.txt"
    document.write_text("柳州市汽车产量150万辆以上。", encoding="utf-8")
    result = cli(project, "suggest", str(document), "--document-id", "005_doc", "--published", "2024-01-01")
    assert result.exit_code != 0
    assert result.output.strip().splitlines()[-1] == (
        f"Error: position 'by_metric_cue' is not a position of cue_kind qualifier — {path}:{line}: position — "
        "write one of before_number, after_unit, before_magnitude, after_list, closing_unit, before_list "
        "(raw/README.md gives the contract)"
    )


# the contract -------------------------------------------------------------------------------------------


def test_the_contract_declares_every_column_of_the_file():
    header, rows = read_rows(REPO / CUES)
    assert header == contracts.CUE_WORDS.column_names
    assert {(r["cue_kind"], r["code"]) for r in rows} <= {
        (k, c) for k, codes in contracts.CUE_CODES.items() for c in codes
    }
    assert set(contracts.CUE_CODES) == set(contracts.CUE_POSITIONS)


@pytest.mark.parametrize(
    "change, column, message",
    [
        (dict(code="average"), "code", "'average' is not a code of cue_kind status: write one of actual, target"),
        (dict(code="planned"), "code", "'planned' is not one of: actual, target"),
        (
            dict(position="after_unit"),
            "position",
            "'after_unit' is not a position of cue_kind status: write one of before_number",
        ),
        (dict(cue_kind="mood"), "cue_kind", "'mood' is not one of: status, qualifier, period, direction, list"),
        (dict(not_followed_by="了;;的"), "not_followed_by", "words separated by ';'"),
        (dict(cue_word=""), "cue_word", "required, but empty"),
    ],
)
def test_a_bad_cue_row_stops_the_load_naming_file_line_and_column(project, cli, change, column, message):
    def bad(row):
        if row["cue_word"] == "力争":
            row.update(change)

    edit_cues(project, bad)
    result = cli(project, "load")
    assert result.exit_code == 3, result.output
    located = [line for line in result.output.splitlines() if line.startswith(f"{CUES}:2: {column}: ")]
    assert located and message in located[0], result.output


def test_a_word_given_twice_for_one_kind_and_position_is_a_duplicate_key(project, cli):
    edit_cues(project, add=[dict(cue_kind="status", cue_word="力争", code="actual", position="before_number")])
    result = cli(project, "load")
    assert result.exit_code == 3, result.output
    duplicate = f"cue_kind/cue_word/position: duplicate key 'status/力争/before_number' (first at {CUES}:2)"
    assert duplicate in result.output


# staging and docs ---------------------------------------------------------------------------------------


def test_stg_cue_words_holds_every_row_renamed(project, cli):
    result = cli(project, "build")
    assert result.exit_code == 0, result.output
    _, rows = read_rows(REPO / CUES)
    con = duckdb.connect(str(next((project / "target").glob("*.duckdb"))), read_only=True)
    try:
        staged = con.execute(
            "select cue_kind, cue_word, cue_position, cue_code, coalesce(cue_not_followed_by, ''), "
            "coalesce(cue_not_preceded_by, '') from staging.stg_cue_words"
        ).fetchall()
    finally:
        con.close()
    assert sorted(staged) == sorted(
        (r["cue_kind"], r["cue_word"], r["position"], r["code"], r["not_followed_by"], r["not_preceded_by"])
        for r in rows
    )


def test_codes_doc_and_raw_readme_explain_the_cue_table():
    # the catalogue's tables as the generator writes them from raw/reference: a new metric needs no hand edit
    codes = codes_md.render(REPO, (REPO / "docs" / "codes.md").read_text(encoding="utf-8"))
    readme = (REPO / "raw" / "README.md").read_text(encoding="utf-8")
    for kind, values in contracts.CUE_CODES.items():
        assert f"`{kind}`" in codes and f"`{kind}`" in readme, kind
        assert all(f"`{value}`" in codes for value in values), kind
    for position in {p for ps in contracts.CUE_POSITIONS.values() for p in ps}:
        assert f"`{position}`" in codes and f"`{position}`" in readme, position
    _, rows = read_rows(REPO / CUES)
    assert [r["cue_word"] for r in rows if r["cue_word"] not in codes] == []
    assert "reference/cue_words.csv" in readme
