"""`clusterdw review` without a browser: the load's messages once per name, the review's checks being the
load's own, its saves, undo, accept into raw/figures, the loopback server, --stats and --results."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pipelines.errors import PathRefused
from pipelines.load.contracts import FIGURES
from pipelines.review.check import Checker
from pipelines.review.command import open_review
from pipelines.review.finish import finish
from pipelines.review.server import serve
from pipelines.review.session import state_path
from pipelines.review.stats import compare, proposals, report, results_table, reviews

from helpers import read_rows, write_rows

DOCUMENT_ID = "008_review_unit"
TEXT = "2023年，柳州市汽车产量达到150万辆，同比增长5.2%。\n全市规上工业企业超过1300家。\n"


@pytest.fixture
def drafted(project, cli, tmp_path) -> tuple[Path, Path, Path]:
    """(project, draft, document): a document of our own, drafted by suggest."""
    document = tmp_path / "docs" / f"{DOCUMENT_ID}.txt"
    document.parent.mkdir()
    document.write_text(TEXT, encoding="utf-8")
    result = cli(project, "suggest", str(document), "--document-id", DOCUMENT_ID, "--published", "2024-01-15")
    assert result.exit_code == 0, result.output
    return project, project / "raw" / "drafts" / f"{DOCUMENT_ID}.csv", document


def app_of(project: Path, draft: Path, document: Path):
    return open_review(project, draft, document, {"published": "2024-01-15", "title": "测试"})


def load_lines(cli, project: Path) -> list[str]:
    result = cli(project, "load")
    return [line for line in result.output.splitlines() if line.startswith("raw/")]


def test_a_new_place_on_17_rows_is_told_once_naming_the_file_that_takes_it(project, cli):
    path = max((project / "raw" / "figures").glob("*.csv"), key=lambda p: len(read_rows(p)[1]))
    header, rows = read_rows(path)
    assert len(rows) >= 17
    for row in rows[:17]:
        row["place"] = "火星"
    write_rows(path, header, rows)
    told = [line for line in load_lines(cli, project) if "火星" in line]
    assert len(told) == 1, told
    assert "a new place is a row of raw/reference/places.csv" in told[0]
    assert "raw/reference/place_aliases.csv: 火星,<place_key>," in told[0]
    assert "(also lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18)" in told[0]


def test_a_figures_file_whose_document_is_not_listed_is_told_once(project, cli):
    path = max((project / "raw" / "figures").glob("*.csv"), key=lambda p: len(read_rows(p)[1]))
    header, rows = read_rows(path)
    for row in rows:
        row["document_id"] = row["document_id"][:3] + "_not_listed"
    write_rows(path, header, rows)
    told = [line for line in load_lines(cli, project) if "_not_listed" in line]
    assert len(told) == 1 and "(also lines 3, 4, 5, " in told[0], told


def test_the_page_shows_the_loads_own_message_for_a_bad_row(drafted, cli):
    project, draft, document = drafted
    app = app_of(project, draft, document)
    try:
        first = app.review.rows[0]
        app.act({"kind": "edit", "key": first["key"], "fields": {"unit": "斤", "period_kind": "yearly"}})
        shown = app.state()["rows"][0]["problems"]
    finally:
        app.close()
    # the same row in raw/figures, loaded by `clusterdw load`
    header, rows = read_rows(draft)
    rows[0].update(unit="斤", period_kind="yearly")
    write_rows(project / "raw" / "figures" / f"{DOCUMENT_ID}.csv", header, rows)
    with (project / "raw" / "documents.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{DOCUMENT_ID},测试,,2024-01-15,zh-Hans,\n")
    loaded = [line.split(": ", 1)[1] for line in load_lines(cli, project) if DOCUMENT_ID in line]
    assert sorted(shown) == sorted(loaded) and len(shown) == 2, (shown, loaded)


def test_a_row_that_would_fail_the_load_cannot_be_accepted(drafted):
    project, draft, document = drafted
    app = app_of(project, draft, document)
    try:
        key = app.review.rows[0]["key"]
        app.act({"kind": "edit", "key": key, "fields": {"metric_code": "no_such_metric"}})
        status, payload = app.act({"kind": "accept", "key": key})
        assert status == 409
        assert any("unknown metric_code 'no_such_metric'" in p for p in payload["problems"])
        assert app.review.rows[0]["decision"] == "pending"
        app.act({"kind": "undo"})
        assert app.act({"kind": "accept", "key": key})[0] == 200
    finally:
        app.close()


def test_the_review_reopens_where_it_stopped_and_an_action_resent_applies_once(drafted):
    project, draft, document = drafted
    app = app_of(project, draft, document)
    key = app.review.rows[1]["key"]
    app.act({"id": "x1", "kind": "reject", "key": key})
    app.act({"id": "x1", "kind": "reject", "key": key})  # the page resent it: no second step
    app.close()
    again = app_of(project, draft, document)
    try:
        assert again.review.rows[1]["decision"] == "rejected"
        assert again.review.state["cursor"] == 2
        assert len(again.review.state["history"]) == 1
    finally:
        again.close()


def test_a_save_killed_before_its_rename_leaves_the_last_review_whole(drafted):
    project, draft, document = drafted
    app_of(project, draft, document).close()
    record = state_path(draft)
    before = record.read_bytes()
    script = (
        "import sys; from pathlib import Path; from pipelines.review.command import open_review\n"
        "app = open_review(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), {})\n"
        "app.act({'kind': 'reject', 'key': app.review.rows[0]['key']})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(project), str(draft), str(document)],
        env=os.environ | {"CLUSTERDW_FAULT_AT": "review-save"},
        capture_output=True,
    )
    assert done.returncode == -9, done.stderr
    assert record.read_bytes() == before
    app = app_of(project, draft, document)
    try:
        assert [r["decision"] for r in app.review.rows] == ["pending"] * len(app.review.rows)
        assert not list(record.parent.glob(f".{record.name}.*.tmp"))
    finally:
        app.close()


def test_accept_into_raw_figures_and_never_over_a_file_it_did_not_write(drafted, cli):
    project, draft, document = drafted
    app = app_of(project, draft, document)
    try:
        rows = app.review.rows
        for row in rows:
            app.act({"kind": "accept", "key": row["key"]})
        app.act({"kind": "reject", "key": rows[1]["key"]})  # a second decision replaces the first
        status, payload = app.finish()
        assert status == 200, payload
        assert payload["evidence_problems"] == [] and payload["document_row_added"]
        written = project / "raw" / "figures" / f"{DOCUMENT_ID}.csv"
        _, drafted_rows = read_rows(draft)
        assert read_rows(written)[1] == [drafted_rows[0], drafted_rows[2]]  # the gap where 008-002 was
        assert app.finish()[0] == 200  # its own file: written again
        written.write_text(written.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # changed by hand
        with pytest.raises(PathRefused):
            finish(project, app.review, app.checker, document)
    finally:
        app.close()
    result = cli(project, "load")
    assert result.exit_code == 0, result.output


def test_the_server_answers_on_loopback_only_its_own_host_and_token(drafted):
    project, draft, document = drafted
    app = app_of(project, draft, document)
    server = serve(app, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address
    try:
        assert host == "127.0.0.1"

        def ask(method, path, headers=None, body=None):
            con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            con.request(method, path, body=body, headers=headers or {})
            answer = con.getresponse()
            return answer.status, answer.read()

        assert ask("GET", "/")[0] == 200 and b"review.js" in ask("GET", "/")[1]
        assert ask("GET", "/api/state", {"Host": "evil.example:80"})[0] == 403
        body = json.dumps({"kind": "reject", "key": "d0"})
        assert ask("POST", "/api/action", {"Content-Type": "application/json"}, body)[0] == 403
        token = json.loads(ask("GET", "/api/state")[1])["token"]
        assert ask("POST", "/api/action", {"X-Review-Token": token}, body)[0] == 200
        assert app.review.rows[0]["decision"] == "rejected"
    finally:
        server.shutdown()
        server.server_close()
        app.close()


def test_review_without_a_draft_says_how_to_call_it(project, cli):
    result = cli(project, "review")
    assert result.exit_code == 1
    assert "Error: review needs a draft and its document" in result.output


def _pair(project: Path, document_id: str, draft: list[dict], reviewed: list[dict]) -> None:
    header, template = read_rows(sorted((project / "raw" / "figures").glob("*.csv"))[0])
    base = template[0] | {"qualifier": "exact"}
    write_rows(
        project / "raw" / "drafts" / f"{document_id}.csv",
        header,
        [base | {"document_id": document_id} | r for r in draft],
    )
    write_rows(
        project / "raw" / "figures" / f"{document_id}.csv",
        header,
        [base | {"document_id": document_id} | r for r in reviewed],
    )


def test_stats_count_right_fields_deleted_and_added_rows_and_propose_names_typed_twice(project, cli):
    shutil.rmtree(project / "raw" / "drafts", ignore_errors=True)  # only this test's reviews
    (project / "raw" / "drafts").mkdir()
    for document_id in ("090_a", "091_b"):
        prefix = document_id[:3]
        _pair(
            project,
            document_id,
            [
                {"figure_id": f"{prefix}-001", "place": "柳州"},
                {"figure_id": f"{prefix}-002"},
                {"figure_id": f"{prefix}-003"},
            ],
            [
                {"figure_id": f"{prefix}-001", "place": "火星城"},
                {"figure_id": f"{prefix}-003"},
                {"figure_id": f"{prefix}-004", "note": "added"},
            ],
        )
    found = reviews(project)
    assert [(r.drafted, r.kept, r.unedited, r.deleted, r.added, dict(r.edited)) for r in found] == [
        (3, 2, 1, 1, 1, {"place": 1})
    ] * 2
    assert proposals(project, found) == [
        "raw/reference/place_aliases.csv: 火星城,<place_key>,   (typed in 2 reviews: 090_a, 091_b)"
    ]
    assert proposals(project, found[:1]) == []  # once is no pattern
    text = report(project)
    assert "2 reviewed documents: 6 rows drafted, 4 kept (2 unedited, note aside), 2 deleted, 2 added." in text
    assert "  place                  50%  (2 edited)" in text
    result = cli(project, "review", "--results", str(project / "R.md"))
    assert result.exit_code == 0, result.output
    table = (project / "R.md").read_text(encoding="utf-8")
    assert "| 1 | 090_a | 3 | 1 (33%) | 1 | 1 | 1 | 97% | place 1 |" in table  # 1 of 2 × 17 fields edited
    assert table == results_table(found)


def test_stats_propose_a_period_cue_word_when_two_reviews_set_the_same_period_kind(project):
    shutil.rmtree(project / "raw" / "drafts", ignore_errors=True)  # only this test's reviews
    (project / "raw" / "drafts").mkdir()
    for document_id, number in (("090_a", "3000"), ("091_b", "4060")):
        prefix = document_id[:3]
        row = {"figure_id": f"{prefix}-001", "value": number, "unit": "亩", "metric_code": "land_area"}
        _pair(
            project,
            document_id,
            [row | {"period_kind": "year", "evidence": f"储备用地为{number}亩"}],
            [row | {"period_kind": "as_of", "evidence": f"储备用地为{number}亩"}],
        )
    assert proposals(project, reviews(project)) == [
        "raw/reference/cue_words.csv: period,储备用地,stock,before_number,,,   (typed in 2 reviews: 090_a, 091_b)"
    ]


def test_a_reviewed_value_written_differently_but_equal_is_no_edit():
    empty = dict.fromkeys(FIGURES.column_names, "")
    draft = [empty | {"figure_id": "001-001", "value": "1.50", "note": "a guess"}]
    reviewed = [empty | {"figure_id": "001-001", "value": "1.5", "note": "checked"}]
    result = compare(draft, reviewed, "001_x")
    assert (result.kept, result.unedited, dict(result.edited)) == (1, 1, {"note": 1})


def test_checker_choices_come_from_the_loaded_reference(project):
    checker = Checker(project)
    try:
        choices = checker.choices()
    finally:
        checker.close()
    assert ["柳州", "liuzhou", "prefecture"] in choices["place"]
    assert any(row[0] == "output_value" for row in choices["metric_code"])
    assert ["亿元", "yuan", 8] in choices["unit"]


def test_a_reference_row_offered_by_the_page_is_added_and_checked(drafted):
    project, draft, document = drafted
    app = app_of(project, draft, document)
    try:
        key = app.review.rows[0]["key"]
        app.act({"kind": "edit", "key": key, "fields": {"place": "柳州城区"}})
        assert any("resolves to no place" in p for p in app.state()["rows"][0]["problems"])
        assert app.add_reference("place_aliases.csv", "柳州城区,<place_key>,")[0] == 400
        assert app.add_reference("place_aliases.csv", "柳州城区,no_such_place,")[0] == 400  # breaks the contract
        assert "柳州城区" not in (project / "raw" / "reference" / "place_aliases.csv").read_text(encoding="utf-8")
        assert app.add_reference("place_aliases.csv", "柳州城区,liuzhou,typed in review")[0] == 200
        assert app.state()["rows"][0]["problems"] == []
    finally:
        app.close()


def test_a_metric_added_to_the_catalogue_is_documented_by_the_generator(project):
    from pipelines.docs.codes import render

    from helpers import REPO

    with (project / "raw" / "reference" / "metrics.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "patent_grants,专利授权数,patent grants,count,count,fct_output_values,0,1e8,"
            "Patents granted (专利授权),专利授权\n"
        )
    text = render(project, (REPO / "docs" / "codes.md").read_text(encoding="utf-8"))
    assert "| `patent_grants` | 专利授权数 | patent grants | count | count | fct_output_values | 0 – 1e8 |" in text


def test_a_taken_port_is_one_clear_error(drafted, cli):
    import socket

    project, draft, document = drafted
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli(project, "review", str(draft), "--document", str(document), "--no-browser", "--port", str(port))
    assert result.exit_code == 1
    assert f"Error: cannot serve on 127.0.0.1:{port}" in result.output and "give another --port" in result.output


def test_a_figure_added_from_a_selection_takes_suggests_guesses(drafted):
    project, draft, document = drafted
    app = app_of(project, draft, document)
    try:
        text = app.text
        start = text.index("企业超过1300家")  # drafted by suggest: its own row, the selection as evidence
        status, _ = app.act({"kind": "add", "start": start, "end": start + len("企业超过1300家")})
        added = app.review.rows[-1]
        assert status == 200 and added["origin"] == "added" and added["fields"]["figure_id"] == "008-004"
        assert {c: added["fields"][c] for c in ("value", "unit", "metric_code", "qualifier", "evidence")} == {
            "value": "1300",
            "unit": "家",
            "metric_code": "enterprise_count",
            "qualifier": "more_than",
            "evidence": "企业超过1300家",
        }
        assert app.act({"kind": "undo"})[0] == 200 and app.review.rows[-1]["origin"] == "draft"
        assert app.act({"kind": "add", "start": 5, "end": 2})[0] == 400  # no such selection
    finally:
        app.close()


def test_a_figure_id_another_file_holds_is_the_loads_duplicate_key(drafted):
    project, draft, document = drafted
    other = sorted((project / "raw" / "figures").glob("*.csv"))[0]
    header, rows = read_rows(other)
    rows[0]["figure_id"] = "008-001"  # the draft's first id, in another document's file
    write_rows(other, header, rows)
    app = app_of(project, draft, document)
    try:
        problems = app.state()["rows"][0]["problems"]
    finally:
        app.close()
    assert problems == [f"figure_id: duplicate key '008-001' (first at raw/figures/{other.name}:2)"]
