"""`clusterdw suggest` and `verify-evidence` at the command line: the draft's columns, raw/drafts never
loaded, a reviewed draft that loads as it is, and each bad input a one-line error."""

from __future__ import annotations

import csv
import shutil

import duckdb

from pipelines.load.contracts import FIGURES

# A small report of the tests' own, with a byline, a contribution rate above 100 % and a target.
REPORT = (
    "南宁市2023年工业经济运行情况\n记者 李四\n"
    "2023年，南宁市规模以上工业增加值同比增长8.5%，工业对经济增长的贡献率达到120.6%。"
    "全市规上工业企业超过1500家。南宁市力争到2025年工业总产值突破5000亿元。\n"
)
DOCUMENT_ID = "905_nanning_2023"


def write_document(folder, text=REPORT, name=DOCUMENT_ID):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def suggest(cli, project, document, *more):
    return cli(project, "suggest", str(document), "--document-id", DOCUMENT_ID, "--published", "2024-01-20", *more)


def test_a_draft_has_the_columns_of_raw_figures_and_lands_in_raw_drafts(project, cli, tmp_path):
    document = write_document(tmp_path / "docs")
    result = suggest(cli, project, document)
    assert result.exit_code == 0, result.output
    draft = project / "raw" / "drafts" / f"{DOCUMENT_ID}.csv"
    assert f"Drafted 4 figures of {document}" in result.output and str(draft) in result.output
    with draft.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == FIGURES.column_names
    assert [(r["figure_id"], r["metric_code"], r["value"], r["unit"], r["status"], r["qualifier"]) for r in rows] == [
        ("905-001", "growth_rate", "8.5", "%", "actual", "exact"),
        ("905-002", "contribution_rate", "120.6", "%", "actual", "exact"),
        ("905-003", "enterprise_count", "1500", "家", "actual", "more_than"),
        ("905-004", "output_value", "5000", "亿元", "target", "more_than"),
    ]
    assert all(r["evidence"] in REPORT and len(r["evidence"]) <= 40 for r in rows)
    assert rows[3]["period_end_year"] == "2025" and rows[3]["is_year_inferred"] == "false"


def test_the_loader_never_reads_raw_drafts(project, cli):
    drafts = project / "raw" / "drafts"
    drafts.mkdir(exist_ok=True)
    (drafts / "999_broken.csv").write_text("not,a,figure\n1,2\n", encoding="utf-8")
    result = cli(project, "load")
    assert result.exit_code == 0, result.output


def test_a_reviewed_draft_moved_into_raw_figures_loads_as_it_is(project, cli, tmp_path):
    documents = tmp_path / "docs"
    document = write_document(documents)
    assert suggest(cli, project, document).exit_code == 0
    with (project / "raw" / "documents.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{DOCUMENT_ID},南宁市2023年工业经济运行情况,,2024-01-20,zh-Hans,test report\n")
    shutil.move(project / "raw" / "drafts" / f"{DOCUMENT_ID}.csv", project / "raw" / "figures" / f"{DOCUMENT_ID}.csv")

    verified = cli(project, "verify-evidence", "--documents", str(documents), "--document", DOCUMENT_ID)
    assert verified.exit_code == 0, verified.output
    assert "All 4 checked figures' evidence found verbatim" in verified.output
    result = cli(project, "run", "--no-docs")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(project / "target" / "warehouse.duckdb"), read_only=True) as con:
        rate = con.execute(
            "select value_in_base_unit from marts.fct_shares_ranks where figure_id = '905-002'"
        ).fetchall()
    assert [float(r[0]) for r in rate] == [120.6]  # a contribution rate above 100 % passes the checks


def test_verify_evidence_leaves_absent_documents_unchecked(project, cli, tmp_path):
    documents = tmp_path / "docs"
    write_document(documents, "南宁 2026 年：规上工业总产值年均增长率达57%，", "000_35157f1fbdb36fec")
    path = project / "raw" / "figures" / "000_35157f1fbdb36fec.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join([lines[0]] + [line for line in lines[1:] if "增长率达57%" in line]) + "\n", encoding="utf-8"
    )
    result = cli(project, "verify-evidence", "--documents", str(documents))
    assert result.exit_code == 0, result.output
    absent = [line for line in result.output.splitlines() if line.startswith("Warning:")]
    others = len(list((project / "raw" / "figures").glob("*.csv"))) - 1  # every annotated document but 000
    assert len(absent) == others and all("were not checked" in line for line in absent)
    assert f"Warning: 002_f8316eb84ec5ff3b.txt is not in {documents}: its " in result.output
    assert "All 1 checked figures' evidence found verbatim" in result.output

    only = cli(project, "verify-evidence", "--documents", str(documents), "--document", "000_35157f1fbdb36fec")
    assert only.exit_code == 0 and "Warning" not in only.output, only.output

    path.write_text(path.read_text(encoding="utf-8").replace("增长率达57%", "增长率达75%"), encoding="utf-8")
    failed = cli(project, "verify-evidence", "--documents", str(documents))
    assert failed.exit_code == 1
    assert "raw/figures/000_35157f1fbdb36fec.csv:2: evidence: figure 000-011" in failed.output
    assert "Error: 1 of 1 checked figures' evidence not found" in failed.output


def test_verify_evidence_with_no_document_in_the_folder_is_an_error(project, cli, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli(project, "verify-evidence", "--documents", str(empty))
    assert result.exit_code == 1
    annotated = len(list((project / "raw" / "figures").glob("*.csv")))
    assert result.output.strip().splitlines()[-1] == (
        f"Error: none of the {annotated} annotated documents is in the folder — {empty} — give the folder that holds "
        "the documents as <document_id>.txt"
    )
    unknown = cli(project, "verify-evidence", "--documents", str(empty), "--document", "777_nothing")
    assert unknown.exit_code == 1
    assert "Error: no figure of document 777_nothing in raw/figures — --document" in unknown.output


def test_bad_input_to_suggest_is_a_one_line_error(project, cli, tmp_path):
    document = write_document(tmp_path / "docs")

    def last_line(*args):
        result = cli(project, "suggest", *args)
        assert result.exit_code != 0
        return result.output.strip().splitlines()[-1]

    assert last_line(str(document), "--document-id", DOCUMENT_ID, "--published", "20.1.2024") == (
        "Error: publication date '20.1.2024' is not YYYY-MM-DD — --published — give the date as documents.csv "
        "has it: YYYY-MM-DD (or YYYY-MM, YYYY)"
    )
    assert last_line(str(document), "--document-id", "nanning", "--published", "2024-01-20").startswith(
        "Error: document id 'nanning' does not start with three digits — --document-id — "
    )
    missing = tmp_path / "nowhere.txt"
    assert last_line(str(missing), "--document-id", DOCUMENT_ID, "--published", "2024-01-20") == (
        f"Error: document not found — {missing} — give the path of a .txt file"
    )
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("第一行\n南宁市产值".encode("gb18030"))
    assert last_line(str(gbk), "--document-id", DOCUMENT_ID, "--published", "2024-01-20").startswith(
        f"Error: document is not UTF-8 (byte 0) — {gbk}:1 — save the document as UTF-8"
    )
    into_figures = project / "raw" / "figures" / "905.csv"
    assert last_line(
        str(document), "--document-id", DOCUMENT_ID, "--published", "2024-01-20", "--out", str(into_figures)
    ).startswith("Error: a draft is not written into raw/figures")
    assert not into_figures.exists()
    assert suggest(cli, project, document).exit_code == 0
    again = suggest(cli, project, document)
    assert again.exit_code == 6
    assert "Error: draft already exists (it may hold a review)" in again.output
    assert suggest(cli, project, document, "--force").exit_code == 0


def test_a_draft_is_no_input_of_a_run(project):
    from pipelines.project import Project

    before = Project.at(project).inputs_sha256()
    drafts = project / "raw" / "drafts"
    drafts.mkdir(exist_ok=True)
    (drafts / f"{DOCUMENT_ID}.csv").write_text(",".join(FIGURES.column_names) + "\n", encoding="utf-8")
    assert Project.at(project).inputs_sha256() == before  # `run --if-changed` does not rerun for a draft
    (project / "raw" / "figures" / f"{DOCUMENT_ID}.csv").write_text(
        ",".join(FIGURES.column_names) + "\n", encoding="utf-8"
    )
    assert Project.at(project).inputs_sha256() != before
