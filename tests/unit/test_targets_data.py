"""The project's own annotated targets: a year only where the document states one."""

from __future__ import annotations

from helpers import REPO, read_rows

# targets whose documents state no deadline (size tiers of 000 and 002, 每年 goals of 003; capacities
# "once at full production" of 031; Guangxi's park-count goals quoted by 034; Beihai's 千亿元 electronics
# tier of 026)
OPEN_ENDED = {f"000-{n:03d}" for n in (*range(1, 11), 12)} | {
    "002-009",
    "002-010",
    "002-011",
    "002-012",
    *(f"002-{n:03d}" for n in range(22, 31)),
    "003-029",
    "003-030",
    "031-007",
    "031-008",
    "031-009",
    "031-014",
    "034-004",
    "034-005",
    "034-006",
    "034-010",
    "026-006",
}


def targets() -> dict[str, dict]:
    rows = {}
    for path in sorted((REPO / "raw" / "figures").glob("*.csv")):
        rows |= {row["figure_id"]: row for row in read_rows(path)[1] if row["status"] == "target"}
    return rows


def test_targets_without_a_stated_deadline_have_no_year():
    rows = targets()
    open_ended = {fid for fid, row in rows.items() if not row["period_end_year"]}
    assert open_ended == OPEN_ENDED
    assert all(rows[fid]["period_start_year"] == "" and rows[fid]["is_year_inferred"] == "false" for fid in open_ended)


def test_no_target_of_document_000_has_a_year():
    assert not [fid for fid, row in targets().items() if fid.startswith("000-") and row["period_end_year"]]
