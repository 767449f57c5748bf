"""Each suite's time on a built dev file, as `clusterdw check` validates it: a Markdown table of the suites,
slowest first, with DuckDB's frame and GX's validation apart (the same figures run_results.json keeps).

    python benchmarks/suite_times.py PROJECT_DIR [--repeat N] [--cpu] [--memory-limit 1GB]

PROJECT_DIR holds a dev file built by `clusterdw build` (target/warehouse.dev.duckdb). With --repeat, each
suite's best time over the runs is shown: the machine may be shared. The load average is printed before
and after. With --cpu, the suites run one at a time, nothing overlapping, and each part's CPU seconds of
this process (DuckDB's threads included) are shown beside its wall time: on a machine shared with other
work, CPU time is what compares across runs. --memory-limit sets DuckDB's limit while validating (default:
the run's own, pipelines/publish/warehouse.py)."""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path

from pipelines.publish import warehouse
from pipelines.validate.suites import Validator, _read_frames, read_suites, table_rows, validate


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def one_at_a_time(con, project_dir: Path) -> None:
    """Each suite alone: its frame read (DuckDB), then GX's validation, each part's CPU and wall seconds."""
    validator = Validator()
    rows = []
    for suite in read_suites(project_dir, rows=table_rows(con)):
        cpu, wall = cpu_seconds(), time.perf_counter()
        frames, close = _read_frames(con, [suite])
        try:
            frame, count, _ = next(frames).result()
        finally:
            close()
        frame_cpu, frame_wall = cpu_seconds() - cpu, time.perf_counter() - wall
        cpu, wall = cpu_seconds(), time.perf_counter()
        validator.validate(suite, frame)
        rows.append((suite.name, count, frame_cpu, frame_wall, cpu_seconds() - cpu, time.perf_counter() - wall))
    print("\n| suite | rows | frame CPU s | frame wall s | GX CPU s | GX wall s |\n|---|---:|---:|---:|---:|---:|")
    for name, count, frame_cpu, frame_wall, gx_cpu, gx_wall in sorted(rows, key=lambda r: -(r[2] + r[4])):
        print(f"| {name} | {count:,} | {frame_cpu:.2f} | {frame_wall:.2f} | {gx_cpu:.2f} | {gx_wall:.2f} |")
    totals = [sum(r[n] for r in rows) for n in range(2, 6)]
    print("| all suites | | " + " | ".join(f"{t:.2f}" for t in totals) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--cpu", action="store_true", help="one suite at a time, with CPU seconds")
    parser.add_argument("--memory-limit", help="DuckDB's memory limit while validating")
    args = parser.parse_args()
    print(f"load average before (1, 5, 15 min): {load_average()}")
    if args.cpu:
        con = warehouse.connect(args.project_dir / "target" / "warehouse.dev.duckdb")
        try:
            with warehouse.validation_memory(con):
                if args.memory_limit:
                    con.execute(f"set memory_limit = '{args.memory_limit}'")
                one_at_a_time(con, args.project_dir)
        finally:
            con.close()
        print(f"load average after: {load_average()}")
        return
    best: dict[str, tuple[float, float, float, int, str]] = {}
    totals = []
    for _ in range(args.repeat):
        con = warehouse.connect(args.project_dir / "target" / "warehouse.dev.duckdb")
        try:
            started = time.perf_counter()
            with warehouse.validation_memory(con):
                if args.memory_limit:
                    con.execute(f"set memory_limit = '{args.memory_limit}'")
                _, summaries, _ = validate(con, args.project_dir)
            totals.append(time.perf_counter() - started)
        finally:
            con.close()
        for s in summaries:
            if s.suite not in best or s.seconds < best[s.suite][0]:
                best[s.suite] = (s.seconds, s.frame_seconds, s.gx_seconds, s.rows, s.outcome)
    print(f"load average after: {load_average()}")
    print(f"validate() wall s, each run: {', '.join(f'{t:.2f}' for t in totals)}")
    print("\n| suite | rows | outcome | frame (DuckDB) s | GX s | total s |\n|---|---:|---|---:|---:|---:|")
    for suite, (seconds, frame, gx, rows, outcome) in sorted(best.items(), key=lambda item: -item[1][0]):
        print(f"| {suite} | {rows:,} | {outcome} | {frame:.2f} | {gx:.2f} | {seconds:.2f} |")
    print(
        f"| all suites | | | {sum(b[1] for b in best.values()):.2f} | {sum(b[2] for b in best.values()):.2f} | "
        f"{sum(b[0] for b in best.values()):.2f} |"
    )


if __name__ == "__main__":
    main()
