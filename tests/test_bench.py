"""benchmarks/bench.py's own parts: per-process peak memory, and the report it writes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


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
        r.clusterdw = {"load": 5 * scale, "build": 10 * scale, "validate": 9 * scale, "publish": 0.01,
                       "export": 3 * scale}
        r.bare = {"load": 4 * scale, "build": 10 * scale, "close": 1 * scale, "export": 3 * scale}
        r.clusterdw_peak_mib, r.bare_peak_mib = 2000 * scale ** 0.5, 1000
        results.append(r)
    path = tmp_path / "RESULTS.md"
    text = bench.write_results(results, {"cpu": "test"}, 0.1, 4.0, path, 1)
    assert path.read_text(encoding="utf-8") == text
    assert "| **ratio** clusterdw / bare (load + build + export) | **1.06** | **1.06** |" in text
    assert "- 1m: clusterdw / bare DuckDB on load + build + export = 1.06 (goal <= 1.2): met" in text
    assert "- 10M: validation 90.0 s (goal <= 180 s): met" in text
    assert "- cost linear in N: 10M / 1M = 10.0 x (goal <= 12 x): met" in text
    assert "peak memory 6.18 GiB (goal <= 6.0 GiB): NOT met" in text
