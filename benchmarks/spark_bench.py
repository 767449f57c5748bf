"""The same models on DuckDB, on local[2] Spark and on a loopback standalone cluster; writes
benchmarks/SPARK_RESULTS.md (`make bench-spark`).

For each size (the project's data, synthetic projects of N figures), each in a fresh process:

  clusterdw build                                  DuckDB: load raw/ and build every model (the dev file)
  clusterdw build --engine spark --master local[2] Spark inside the clusterdw process
  clusterdw build --engine spark --master spark:// a master and two workers (1 core, 1 GiB each) on
                                                   127.0.0.1, started from pyspark's own launcher

and the Spark tables are compared with DuckDB's (types, counts, EXCEPT ALL both ways).

    .venv/bin/python benchmarks/spark_bench.py                      # project and 1M (about 20 minutes)
    .venv/bin/python benchmarks/spark_bench.py --sizes project      # a quick look
    .venv/bin/python benchmarks/spark_bench.py --sizes project,1m,10m
    .venv/bin/python benchmarks/spark_bench.py --sizes 10m --modes local --timeout 2700 --work /tmp/w --reuse

DuckDB is timed twice: `build` (load and models, what Spark does) and `run --no-docs` (its whole run:
load, build, validate, publish). Each build's process group (clusterdw and its JVM) is sampled for its
peak memory (sum of RSS), and the cluster's daemons and executors likewise; the load average is
recorded before and after each build (the machine may be shared). A Spark build past --timeout is
stopped (its process group) and reported with the models it had built and its time.

The cluster's daemons are stopped (their process groups) before the script exits, failed or not.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BIN = Path(sys.executable).parent
CLUSTERDW = str(BIN / "clusterdw")
OUT = REPO / "benchmarks" / "out" / "spark"
RESULTS = REPO / "benchmarks" / "SPARK_RESULTS.md"
SIZES = {"project": None, "10k": 10_000, "1m": 1_000_000, "10m": 10_000_000}
PROJECT_FOLDERS = ("raw", "staging", "marts", "checks")
WORKERS, WORKER_CORES, WORKER_MEMORY, EXECUTOR_MEMORY = 2, 1, "1g", "768m"


def start_cluster(log_dir: Path):
    """The loopback master and its WORKERS (pipelines/engines/loopback.py, as the cluster tests start them)."""
    from pipelines.engines.loopback import Loopback, LoopbackError

    cluster = Loopback(log_dir)
    try:
        cluster.start_master()
        for n in range(1, WORKERS + 1):
            cluster.add_worker(f"worker-{n}", WORKER_CORES, WORKER_MEMORY)
    except LoopbackError as error:
        cluster.stop()
        raise SystemExit(f"Error: the loopback cluster did not start — {log_dir} — {error}") from error
    return cluster


def group_rss_mib(pgids: list[int]) -> float:
    """The summed resident memory of every process in these process groups, from /proc."""
    total_kib = 0
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) in pgids:  # field 5 of stat: the process group
                total_kib += int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024  # field 24: rss in pages
        except (OSError, IndexError, ValueError):
            continue
    return total_kib / 1024


class PeakSampler:
    """Peak of group_rss_mib over a run, sampled every half second in a thread."""

    def __init__(self, pgids):
        self.pgids, self.peak, self._stop = pgids, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, group_rss_mib(self.pgids()))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def timed(
    argv: list[str], env: dict | None = None, timeout: float | None = None, log: Path | None = None, cluster=None
):
    """Run argv in its own process group: (seconds, stdout, facts). Past `timeout` the group is killed and
    facts["timed out"] is set; stderr goes to `log` as it comes (the models built so far, with -v)."""
    log = log or OUT / "last.stderr"
    facts = {"load before": load_average()}
    started = time.perf_counter()
    with open(log, "w", encoding="utf-8") as err:
        process = subprocess.Popen(
            argv,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
        own = [process.pid]
        with PeakSampler(lambda: own) as driver, PeakSampler(lambda: cluster.pgids() if cluster else []) as daemons:
            try:
                stdout, _ = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                stdout, _ = process.communicate()
                facts["timed out"] = True
    seconds = time.perf_counter() - started
    facts.update({"load after": load_average(), "peak MiB": driver.peak})
    if cluster:
        facts["cluster peak MiB"] = daemons.peak
    if process.returncode != 0 and not facts.get("timed out"):
        raise SystemExit(f"Error: {' '.join(argv)} failed ({process.returncode}):\n{log.read_text()[-3000:]}")
    return seconds, stdout, facts


def models_built(log: Path) -> list[str]:
    """`built <model> on spark: N rows in Xs` lines of a -v build's stderr."""
    return [
        line.split("built ", 1)[1].split(" on spark")[0]
        for line in log.read_text(errors="replace").splitlines()
        if "built " in line and " on spark" in line
    ]


def spark_steps(stdout: str) -> dict[str, float]:
    line = next(line for line in stdout.splitlines() if line.startswith("Times: "))
    return {
        name: float(seconds.rstrip("s"))
        for name, seconds in (part.rsplit(" ", 1) for part in line.removeprefix("Times: ").split(", "))
    }


def equal_tables(database: Path, spark_dir: Path) -> str:
    import duckdb

    from pipelines.engines.compare import compare_builds
    from pipelines.models.builder import load_graph

    names = load_graph(REPO).order()
    with duckdb.connect(str(database), read_only=True) as con:
        comparisons = compare_builds(con, names, spark_dir)
    unequal = [c.table for c in comparisons if not c.equal]
    return f"{len(comparisons) - len(unequal)} of {len(comparisons)}" + (
        f" (not: {', '.join(unequal)})" if unequal else ""
    )


def make_project(size: str, root: Path, reuse: bool = False) -> Path:
    project = root / size
    if reuse and (project / "raw").is_dir():  # e.g. the project bench.py --keep left
        shutil.rmtree(project / "target", ignore_errors=True)
        return project
    shutil.rmtree(project, ignore_errors=True)
    if SIZES[size] is None:
        for folder in PROJECT_FOLDERS:
            shutil.copytree(REPO / folder, project / folder)
    else:
        from pipelines.synth import synthesize

        synthesize(REPO, project, SIZES[size])
    return project


def measure(size: str, cluster, args) -> dict:
    project = make_project(size, args.work, args.reuse)
    row = {"size": size}
    cdw = [CLUSTERDW, "--project-dir", str(project)]
    row["duckdb run"], row["duckdb run facts"] = None, {}
    if not args.no_duckdb_run:
        row["duckdb run"], _, row["duckdb run facts"] = timed(
            [*cdw, "run", "--no-docs"], log=OUT / f"{size}-duckdb-run.log"
        )
    row["duckdb"], row["duckdb facts"] = None, {"peak MiB": None, "load before": "—", "load after": "—"}
    if args.compare_with is None:
        row["duckdb"], _, row["duckdb facts"] = timed([*cdw, "build"], log=OUT / f"{size}-duckdb-build.log")
    print(
        f"{size} duckdb: build {row['duckdb']}s {row['duckdb facts']}; run {row['duckdb run']}s "
        f"{row['duckdb run facts']}",
        flush=True,
    )
    total = len(models_in(project))
    spark_env = {"CLUSTERDW_SPARK_DRIVER_MEMORY": "2g"}
    modes = [("local[2]", "local[2]", [])] if "local" in args.modes else []  # `--modes cluster`: the cluster alone
    if cluster is not None:
        modes.append(("cluster", cluster.master_url, ["--conf", f"spark.executor.memory={EXECUTOR_MEMORY}"]))
    for mode, master, extra in modes:
        spark_dir = project / "target" / ("spark-local" if mode.startswith("local") else "spark-cluster")
        log = OUT / f"{size}-{mode.replace('[2]', '')}.log"
        argv = [*cdw, "-v", "build", "--engine", "spark", "--master", master, "--spark-dir", str(spark_dir), *extra]
        seconds, stdout, facts = timed(argv, spark_env, args.timeout, log, cluster if mode == "cluster" else None)
        built = models_built(log)
        row[mode] = {"wall": seconds, **facts, "built": f"{len(built)} of {total}"}
        if facts.get("timed out"):
            row[mode]["equal"] = f"stopped at {seconds:.0f} s after {built[-1] if built else 'no model'}"
        else:
            row[mode].update(spark_steps(stdout))
            row[mode]["equal"] = equal_tables(
                args.compare_with or project / "target" / "warehouse.dev.duckdb", spark_dir
            )
        print(f"{size} {mode}: {row[mode]}", flush=True)
    if not args.keep:
        shutil.rmtree(project, ignore_errors=True)
    return row


def models_in(project: Path) -> list[str]:
    from pipelines.models.builder import load_graph

    return load_graph(project).order()


def write_results(rows: list[dict], args) -> None:
    def cell(row, mode, key):
        if mode not in row:
            return "—"
        value = row[mode].get(key)
        return f"{value:.2f}" if isinstance(value, float) else ("—" if value is None else str(value))

    cluster = "cluster" in args.modes
    lines = [
        "# Spark: local[2] and a loopback standalone cluster beside DuckDB",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores, a shared machine (load "
        f"averages below), one run per size. Cluster: a master and {WORKERS} workers of {WORKER_CORES} core and "
        f"{WORKER_MEMORY} each on 127.0.0.1, executors of {EXECUTOR_MEMORY}. "
        f"`benchmarks/spark_bench.py --sizes {','.join(r['size'] for r in rows)} --modes {','.join(args.modes)}`. "
        "Peak memory: the summed RSS of the build's process group (clusterdw and its JVM), sampled every 0.5 s; "
        "for the cluster, its daemons' and executors' besides.",
        "",
        "| size | step | DuckDB | Spark local[2] | Spark loopback cluster |",
        "|---|---|---:|---:|---:|",
    ]
    for row in rows:
        size = row["size"]
        if row["duckdb run"] is not None:
            lines.append(f"| {size} | DuckDB `run --no-docs` wall s | {row['duckdb run']:.2f} | | |")
        duck_build = "—" if row["duckdb"] is None else f"{row['duckdb']:.2f}"
        lines.append(
            f"| {size} | `build` process wall s | {duck_build} | {cell(row, 'local[2]', 'wall')} "
            f"| {cell(row, 'cluster', 'wall')} |"
        )
        for key in ("spark session", "load and raw to Parquet", "models", "built", "equal", "peak MiB"):
            peak = row["duckdb facts"]["peak MiB"]
            duck = f"{peak:.0f}" if key == "peak MiB" and peak is not None else ""
            lines.append(f"| {size} | {key} | {duck} | {cell(row, 'local[2]', key)} | {cell(row, 'cluster', key)} |")
        if cluster:
            lines.append(
                f"| {size} | cluster daemons + executors peak MiB | | | {cell(row, 'cluster', 'cluster peak MiB')} |"
            )
        for key in ("load before", "load after"):
            lines.append(
                f"| {size} | {key} (1, 5, 15 min) | {row['duckdb facts'][key]} | {cell(row, 'local[2]', key)} "
                f"| {cell(row, 'cluster', key)} |"
            )
    args.results.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    global OUT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="project,1m", help=f"comma-separated, of {', '.join(SIZES)}")
    parser.add_argument("--modes", default="local,cluster", help="Spark masters: local (local[2]), cluster")
    parser.add_argument("--work", type=Path, default=OUT, help="folder for the projects and the logs")
    parser.add_argument("--reuse", action="store_true", help="use a project already in --work/<size>")
    parser.add_argument("--keep", action="store_true", help="keep each size's project")
    parser.add_argument("--timeout", type=float, default=None, help="seconds before a Spark build is stopped")
    parser.add_argument("--no-duckdb-run", action="store_true", help="time DuckDB's build only, not its run")
    parser.add_argument(
        "--compare-with",
        type=Path,
        help="a DuckDB warehouse of the same raw/ (e.g. bench.py's): no DuckDB build here, Spark's tables compared with it",
    )
    parser.add_argument("--results", type=Path, default=RESULTS, help="Markdown file to write")
    args = parser.parse_args()
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    OUT = args.work
    OUT.mkdir(parents=True, exist_ok=True)
    cluster = start_cluster(OUT) if "cluster" in args.modes else None
    try:
        rows = [measure(size, cluster, args) for size in sizes]
    finally:
        if cluster is not None:
            cluster.stop()
    write_results(rows, args)
    print(args.results.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
