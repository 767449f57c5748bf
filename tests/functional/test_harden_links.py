"""Issue 25, links and permissions: every file clusterdw keeps by name is written without following a link
planted there (the report's marker, the Spark folder's log4j2.properties; Data Docs: tests/test_harden_html.py),
and a run keeps the published warehouse's mode and group."""

from __future__ import annotations

import os
import stat

import pytest

from pipelines.errors import PathRefused
from pipelines.report.write import MARKER, write_site


def test_a_run_keeps_the_published_warehouses_mode_and_group(fast_built_project, cli):
    db = fast_built_project / "target" / "warehouse.duckdb"
    os.chmod(db, 0o600)
    groups = [4242] if os.geteuid() == 0 else [g for g in os.getgroups() if g != os.stat(db).st_gid]
    if not groups:
        pytest.skip("this user is in one group only")
    group = groups[0]
    os.chown(db, -1, group)
    assert cli(fast_built_project, "run", "--no-docs").exit_code == 0
    found = os.stat(db)
    assert stat.S_IMODE(found.st_mode) == 0o600
    assert found.st_gid == group


def test_a_link_planted_as_the_reports_marker_proves_nothing(tmp_path):
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "thesis.tex").write_text("years of work", encoding="utf-8")
    some_marker = tmp_path / "elsewhere" / MARKER
    some_marker.parent.mkdir()
    some_marker.write_text("written by clusterdw report\n", encoding="utf-8")
    (theirs / MARKER).symlink_to(some_marker)
    with pytest.raises(PathRefused, match="refusing to replace a folder clusterdw's report did not write"):
        write_site(theirs, {"index.html": "<p>report</p>"})
    assert (theirs / "thesis.tex").read_text(encoding="utf-8") == "years of work"


def test_log4j2_properties_is_never_written_through_a_link(tmp_path):
    from pipelines.engines import spark_session

    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    warehouse = tmp_path / "spark"
    warehouse.mkdir()
    (warehouse / "log4j2.properties").symlink_to(victim)
    with pytest.raises(PathRefused, match="refusing to open a symbolic link where clusterdw keeps its own file"):
        spark_session.start_session(master="local[1]", warehouse_dir=warehouse)
    assert victim.read_text(encoding="utf-8") == "mine"


def test_a_link_planted_as_the_dev_file_is_refused(project, cli, tmp_path):
    import duckdb

    theirs = tmp_path / "theirs.duckdb"
    with duckdb.connect(str(theirs)) as con:
        con.execute("create table mine as select 1 as a")
    before = theirs.read_bytes()
    (project / "target").mkdir()
    (project / "target" / "warehouse.dev.duckdb").symlink_to(theirs)
    result = cli(project, "load")
    assert result.exit_code == 6
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: refusing to open a symbolic link where clusterdw keeps its own file — {project}/target/"
        "warehouse.dev.duckdb — remove it: clusterdw creates this file itself (and check who planted it)"
    )
    assert theirs.read_bytes() == before
