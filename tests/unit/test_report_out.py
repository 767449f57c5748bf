"""The report's --out folder is refused before anything is read or built, not after."""

import pytest

from pipelines.errors import PathRefused
from pipelines.report import build_report


def test_a_folder_the_report_did_not_write_is_refused_before_the_warehouse_is_opened(tmp_path):
    not_a_warehouse = tmp_path / "warehouse.duckdb"
    not_a_warehouse.write_text("not a DuckDB file", encoding="utf-8")  # opening it would be another error
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(PathRefused, match="refusing to replace a folder clusterdw's report did not write"):
        build_report(not_a_warehouse, foreign)
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign", "warehouse.duckdb"]
