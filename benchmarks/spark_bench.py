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

The cluster's daemons are stopped (their process groups) before the script exits, failed or not.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LoopbackCluster:
    """A standalone master and its workers on 127.0.0.1, each JVM in its own process group."""

    def __init__(self, log_dir: Path):
        import pyspark

        self.home = Path(pyspark.__file__).parent
        self.env = {**os.environ, "SPARK_HOME": str(self.home), "SPARK_LOCAL_IP": "127.0.0.1"}
        self.log_dir, self.processes = log_dir, []
        port = free_port()
        self.url = f"spark://127.0.0.1:{port}"
        self._start(
            "master",
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--webui-port",
            str(free_port()),
        )
        self._wait(lambda: _listening(port), "master")
        for n in range(1, WORKERS + 1):
            work = log_dir / f"worker-{n}-work"
            work.mkdir(parents=True, exist_ok=True)
            log = self._start(
                f"worker-{n}",
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--webui-port",
                str(free_port()),
                "--cores",
                str(WORKER_CORES),
                "--memory",
                WORKER_MEMORY,
                "--work-dir",
                str(work),
                self.url,
            )
            self._wait(
                lambda log=log: "Successfully registered with master" in log.read_text(errors="replace"), log.name
            )

    def _start(self, name: str, main_class: str, *args: str) -> Path:
        log = self.log_dir / f"{name}.log"
        with open(log, "wb") as out:
            self.processes.append(
                subprocess.Popen(
                    [str(self.home / "bin" / "spark-class"), main_class, *args],
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    env=self.env,
                    start_new_session=True,
                )
            )
        return log

    def _wait(self, ready, name: str, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while not ready():
            if time.monotonic() > deadline or any(p.poll() is not None for p in self.processes):
                raise SystemExit(f"Error: the loopback cluster's {name} did not start — {self.log_dir}")
            time.sleep(0.5)

    def stop(self) -> None:
        for process in reversed(self.processes):
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
            try:
                os.killpg(process.pid, signal.SIGKILL)  # a worker's executors, if they outlived it
            except ProcessLookupError:
                pass


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def timed(argv: list[str], env: dict | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    process = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, **(env or {})})
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"Error: {' '.join(argv)} failed ({process.returncode}):\n{process.stderr[-3000:]}")
    return seconds, process.stdout


def spark_steps(stdout: str) -> dict[str, float]:
    line = next(line for line in stdout.splitlines() if line.startswith("Times: "))
    return {
        name: float(seconds.rstrip("s"))
        for name, seconds in (part.rsplit(" ", 1) for part in line.removeprefix("Times: ").split(", "))
    }


def equal_tables(project: Path, spark_dir: Path) -> str:
    import duckdb

    from pipelines.engines.compare import compare_builds
    from pipelines.models.builder import load_graph

    names = load_graph(project).order()
    with duckdb.connect(str(project / "target" / "warehouse.dev.duckdb"), read_only=True) as con:
        comparisons = compare_builds(con, names, spark_dir)
    unequal = [c.table for c in comparisons if not c.equal]
    return f"{len(comparisons) - len(unequal)} of {len(comparisons)}" + (
        f" (not: {', '.join(unequal)})" if unequal else ""
    )


def make_project(size: str, root: Path) -> Path:
    project = root / size
    shutil.rmtree(project, ignore_errors=True)
    if SIZES[size] is None:
        for folder in PROJECT_FOLDERS:
            shutil.copytree(REPO / folder, project / folder)
    else:
        from pipelines.synth import synthesize

        synthesize(REPO, project, SIZES[size])
    return project


def measure(size: str, cluster: LoopbackCluster) -> dict:
    project = make_project(size, OUT)
    row = {"size": size}
    row["duckdb"], _ = timed([CLUSTERDW, "--project-dir", str(project), "build"])
    spark_env = {"CLUSTERDW_SPARK_DRIVER_MEMORY": "2g"}
    for mode, master, extra in (
        ("local[2]", "local[2]", []),
        ("cluster", cluster.url, ["--conf", f"spark.executor.memory={EXECUTOR_MEMORY}"]),
    ):
        spark_dir = project / "target" / ("spark-local" if mode.startswith("local") else "spark-cluster")
        seconds, stdout = timed(
            [
                CLUSTERDW,
                "--project-dir",
                str(project),
                "build",
                "--engine",
                "spark",
                "--master",
                master,
                "--spark-dir",
                str(spark_dir),
                *extra,
            ],
            spark_env,
        )
        row[mode] = {"wall": seconds, **spark_steps(stdout), "equal": equal_tables(project, spark_dir)}
        print(f"{size} {mode}: {row[mode]}", flush=True)
    shutil.rmtree(project, ignore_errors=True)
    return row


def write_results(rows: list[dict]) -> None:
    def cell(row, mode, key):
        value = row[mode].get(key)
        return f"{value:.2f}" if isinstance(value, float) else str(value)

    lines = [
        "# Spark: local[2] and a loopback standalone cluster beside DuckDB",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node()}, {os.cpu_count()} cores "
        f"(load average {os.getloadavg()[0]:.1f} at the end; the machine is shared), one run per size. "
        f"Cluster: a master and {WORKERS} workers of {WORKER_CORES} core and {WORKER_MEMORY} each on 127.0.0.1, "
        f"executors of {EXECUTOR_MEMORY}. `benchmarks/spark_bench.py --sizes {','.join(r['size'] for r in rows)}`.",
        "",
        "| size | step | DuckDB | Spark local[2] | Spark loopback cluster |",
        "|---|---|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['size']} | `build` process wall s | {row['duckdb']:.2f} | {cell(row, 'local[2]', 'wall')} "
            f"| {cell(row, 'cluster', 'wall')} |"
        )
        for key in ("spark session", "load and raw to Parquet", "models", "equal"):
            lines.append(f"| {row['size']} | {key} | | {cell(row, 'local[2]', key)} | {cell(row, 'cluster', key)} |")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="project,1m", help=f"comma-separated, of {', '.join(SIZES)}")
    args = parser.parse_args()
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    OUT.mkdir(parents=True, exist_ok=True)
    cluster = LoopbackCluster(OUT)
    try:
        rows = [measure(size, cluster) for size in sizes]
    finally:
        cluster.stop()
    write_results(rows)
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
