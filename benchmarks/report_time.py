"""Time build_report in-process: `python report_time.py WAREHOUSE OUT_DIR [RUNS]`.

Each run writes the report of WAREHOUSE into OUT_DIR (replaced); prints each run's wall time, the median
(and of the process's CPU time, which the other jobs of a shared machine change less) and the 1-minute load
average. The Vega bundle is made once before timing (vl_convert's cost, cached per
process), so the figures are the report's own work.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

from pipelines.report.build import build_report, vega_bundle


def main(db: str, out: str, runs: int = 3) -> None:
    vega_bundle()
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        build_report(Path(db), Path(out))
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(
        f"wall {', '.join(f'{t:.2f}' for t in times)} s, median {statistics.median(times):.2f} s; "
        f"CPU median {statistics.median(cpu):.2f} s; load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 3)
