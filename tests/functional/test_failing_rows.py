"""Every failing row, by key and raw file:line: in target/failing_rows.json, in meta.expectation_failures of a
warehouse published with warnings, and in `clusterdw status`; every contract violation kept in the history."""

from __future__ import annotations

import json

import duckdb

from helpers import edit_figure, line_of, read_rows, write_rows


def _rd_intensity_figures(project) -> list[str]:
    return [
        row["figure_id"]
        for path in sorted((project / "raw" / "figures").glob("*.csv"))
        for row in read_rows(path)[1]
        if row["metric_code"] == "rd_intensity"
    ]


def test_a_failed_run_leaves_every_failing_row_by_figure_and_line(project, cli):
    figures = _rd_intensity_figures(project)[:2]
    paths = [edit_figure(project, figure, value="45", evidence="研发投入强度达45%") for figure in figures]
    result = cli(project, "run", "--no-docs")
    assert result.exit_code == 5, result.output

    document = json.loads((project / "target" / "failing_rows.json").read_text(encoding="utf-8"))
    by_check = {(f["suite"], f["column"]): f for f in document["failures"]}
    plausible = by_check[("stg_figures", "outside_plausible_range")]
    assert plausible["unexpected_count"] == 2
    expected = {(figure, f"raw/figures/{path.name}:{line_of(path, figure)}") for figure, path in zip(figures, paths)}
    assert {(row["figure_id"], row["source"]) for row in plausible["rows"]} == expected

    record = json.loads((project / "target" / "run_results.json").read_text(encoding="utf-8"))
    summary = {(f["suite"], f["column"]): f for f in record["failing_rows"]}
    assert summary[("stg_figures", "outside_plausible_range")]["first_rows"] == plausible["rows"][:5]
    assert "failing_rows" not in record["expectations"][0]  # the record keeps counts; the rows file keeps rows

    status = cli(project, "status")
    assert status.exit_code == 0, status.output
    assert (
        "critical stg_figures: expect_column_values_to_be_null on outside_plausible_range: 2 unexpected"
        in status.output
    )
    for figure, source in expected:
        assert f"figure_id={figure}  ({source})" in status.output
    assert "all in " + str(project / "target" / "failing_rows.json") in status.output


def test_a_run_published_with_warnings_keeps_its_failing_rows_in_meta(project, cli):
    path = project / "raw" / "reference" / "cluster_members.csv"
    header, rows = read_rows(path)
    cluster = rows[0]["cluster_key"]
    for row in rows:
        if row["cluster_key"] == cluster:
            row["member_order"] = "1"  # a warning: two members share an order
    write_rows(path, header, rows)
    members = sum(row["cluster_key"] == cluster for row in rows)
    result = cli(project, "run", "--no-docs")
    assert result.exit_code == 0, result.output

    con = duckdb.connect(str(project / "target" / "warehouse.duckdb"), read_only=True)
    try:
        failing = con.execute(
            "select severity, row_key::varchar, run_id from meta.expectation_failures "
            "where suite = 'stg_cluster_members'"
        ).fetchall()
        run_id = con.execute("select max(run_id) from meta.runs where status = 'success'").fetchall()[0][0]
    finally:
        con.close()
    assert len(failing) == members
    assert {severity for severity, _, _ in failing} == {"warning"}
    assert {json.loads(key)["cluster_key"] for _, key, _ in failing} == {cluster}
    assert {run for _, _, run in failing} == {run_id}
    status = cli(project, "status")
    assert (
        f"warning stg_cluster_members: expect_compound_columns_to_be_unique on cluster_key, member_order: "
        f"{members} unexpected" in status.output
    )
    assert "meta.expectation_failures" in status.output


def test_status_shows_every_contract_violation_of_a_failed_run(project, cli):
    path = project / "raw" / "reference" / "metrics.csv"
    header, rows = read_rows(path)
    for row in rows[:3]:
        row["unit_measure"] = ""  # required: three violations at least
    write_rows(path, header, rows)
    result = cli(project, "run", "--no-docs")
    assert result.exit_code == 3, result.output
    record = json.loads((project / "target" / "run_results.json").read_text(encoding="utf-8"))
    listed = int(record["error"].split(" contract violation(s)")[0])  # the error line counts them all
    assert len(record["violations"]) == listed >= 3
    status = cli(project, "status")
    for violation in record["violations"]:
        assert violation in status.output
    assert status.output.index(record["violations"][-1]) < status.output.index("error: ")
