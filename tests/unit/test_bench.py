"""benchmarks/bench.py's own parts: per-process peak memory, and the report it writes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _bench():
    spec = importlib.util.spec_from_file_location("bench", REPO / "benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_peak_memory_is_each_processes_own():
    """A small process after a large one reports its own peak, not the largest child's so far."""
    bench = _bench()
    large = bench.measure([sys.executable, "-c", "b = bytearray(300 * 2**20); b[::4096] = b'x' * len(b[::4096])"])
    small = bench.measure([sys.executable, "-c", "pass"])
    assert large.max_rss_kib > 300 * 1024
    assert small.max_rss_kib < 100 * 1024


def test_report_shows_ratio_and_goals(tmp_path):
    bench = _bench()
    results = []
    for size, figures, scale in (("1m", 1_000_000, 1.0), ("10m", 10_000_000, 10.0)):
        r = bench.SizeResult(size, figures, 160.0 * scale)
        r.clusterdw = {
            "load": 5 * scale,
            "build": 10 * scale,
            "validate": 9 * scale,
            "publish": 0.01,
            "export": 3 * scale,
        }
        r.bare = {"load": 4 * scale, "build": 10 * scale, "close": 1 * scale, "export": 3 * scale}
        r.floor = {"load": 2 * scale, "build": 4 * scale, "close": 1 * scale, "export": 2 * scale}
        r.clusterdw_peak_mib, r.bare_peak_mib = 2000 * scale**0.5, 1000
        r.clusterdw_wall = 30 * scale
        results.append(r)
    results[0].equal = "21 of 22 (not: marts.fct_growth_rates: 3 rows only in the old, 3 only in the new)"
    path = tmp_path / "RESULTS.md"
    text = bench.write_results(results, {"cpu": "test"}, 0.1, 4.0, path, 1)
    assert path.read_text(encoding="utf-8") == text
    assert "| **ratio** clusterdw / bare (load + build + export) | **1.06** | **1.06** |" in text
    assert "- 1m: clusterdw / bare DuckDB on load + build + export = 1.06 (goal <= 1.2): met" in text
    assert "| **ratio** clusterdw / floor (load + build + export) | **2.25** | **2.25** |" in text
    assert "- 10M: validation 90.0 s (goal <= 30 s): NOT met" in text
    assert "- 10M: `run` + `export` wall 300.0 s (goal <= 120 s): NOT met" in text
    assert "- cost linear in N: 10M / 1M = 10.0 x (goal <= 12 x): met" in text
    assert "peak memory 6.18 GiB (goal <= 4.0 GiB): NOT met" in text
    assert "- 1m: every staging and mart table equal to the old models' build: 21 of 22 (not: " in text
    assert "fct_growth_rates: 3 rows only in the old, 3 only in the new): NOT met" in text


def test_report_shows_the_spark_columns(tmp_path):
    bench = _bench()
    r = bench.SizeResult("1m", 1_000_000, 160.0)
    r.clusterdw = {"load": 3.0, "build": 7.0}
    r.spark = {"spark session": 8.5, "load and raw to Parquet": 7.0, "models": 90.0, "build without session": 97.0}
    r.spark_wall, r.spark_equal = 110.0, "22 of 22"
    text = bench.write_results([r], {"cpu": "test"}, 0.1, 4.0, tmp_path / "RESULTS.md", 1)
    assert "| DuckDB load + build s (from clusterdw run) | 10.00 |" in text
    assert "| Spark session start s | 8.50 |" in text
    assert "| Spark build without session s | 97.00 |" in text
    assert "| Spark tables equal to DuckDB's | 22 of 22 |" in text


def test_equal_builds_finds_a_changed_row_a_duplicate_and_a_missing_table(tmp_path):
    import duckdb

    spec = importlib.util.spec_from_file_location("equal_builds", REPO / "benchmarks" / "equal_builds.py")
    equal_builds = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = equal_builds  # dataclasses look their module up there
    spec.loader.exec_module(equal_builds)
    for name, rows, extra in (("old", "(1, 'a'), (2, 'b')", True), ("new", "(1, 'a'), (2, 'c'), (2, 'c')", False)):
        with duckdb.connect(str(tmp_path / f"{name}.duckdb")) as con:
            con.execute("create schema marts")
            con.execute(f"create table marts.t as select * from (values {rows}) as v(k, x)")
            con.execute("create table marts.same as select 1 as k")
            if extra:
                con.execute("create table marts.gone as select 1 as k")
    tables, differences = equal_builds.compare(str(tmp_path / "old.duckdb"), str(tmp_path / "new.duckdb"))
    assert equal_builds.summary(tables, differences) == (
        "1 of 3 (not: marts.gone: only in the old build; marts.t: 1 rows only in the old, 2 only in the new)"
    )
