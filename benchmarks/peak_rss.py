"""Run a command and report its own wall time and peak RSS: `python peak_rss.py REPORT.json -- ARGV...`.

Linux carries a process's peak RSS across fork and exec, so a command started straight from a large
process (bench.py holds DuckDB and the synthetic data) would report the parent's size as its own.
Started from this small process instead, it reports just what it used. Imports only the standard
library, to stay small.
"""

import json
import os
import sys
import time


def main() -> int:
    report, separator, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
    assert separator == "--" and argv, "usage: peak_rss.py REPORT.json -- ARGV..."
    started = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    with open(report, "w", encoding="utf-8") as handle:
        json.dump({"seconds": seconds, "max_rss_kib": usage.ru_maxrss, "returncode": code}, handle)
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
