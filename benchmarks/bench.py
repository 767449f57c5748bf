"""Benchmark clusterdw against a bare DuckDB script doing the same work; write benchmarks/RESULTS.md.

For the project's own data and for synthetic projects of N figures (`clusterdw synth`), it runs, each
in a fresh process so that peak memory is measured per size:

  clusterdw run --no-docs       load, build, validate (with and without GX's import), publish
  clusterdw export              every mart table to Parquet (zstd)
  benchmarks/bare_duckdb.py     read_csv with the same column types, the same model SQL, COPY to Parquet
  benchmarks/floor_duckdb.py    the floor: read_csv once, one plain table per model of its row count, COPY

  clusterdw build --engine spark   (at --spark-sizes: project and 1M) the same models on local[2] Spark,
                                  its tables then compared with the DuckDB build's

and prints one table: step times, the ratios clusterdw / bare DuckDB and clusterdw / floor on load +
build + export, and peak memory (max RSS of the processes). It also times `clusterdw --help` (mean of
10 runs). At --equal-sizes (1M) it builds the models of --reference (the commit before issue 18's
changes) on the same raw data and compares every staging and mart table with this build's
(benchmarks/equal_builds.py: types, EXCEPT ALL both ways).

    .venv/bin/python benchmarks/bench.py                       # project, 10k, 1M, 10M (all four, twice each: ~16 minutes)
    .venv/bin/python benchmarks/bench.py --sizes project,10k   # a quick look

Work files go to benchmarks/out/ (git-ignored); a size's files are deleted after it unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CLUSTERDW = str(BIN / "clusterdw")
OUT = REPO / "benchmarks" / "out"
RESULTS = REPO / "benchmarks" / "RESULTS.md"
SIZES = {"project": None, "10k": 10_000, "1m": 1_000_000, "10m": 10_000_000}
SPARK_SIZES = "project,1m"  # Spark on 2 shared cores: 10M would take most of an hour
EQUAL_SIZES = "1m"
REFERENCE = "2bac4fa"  # main before issue 18's faster models: the tables they must equal
PROJECT_FOLDERS = ("raw", "staging", "marts", "checks")

# Goals of issues #2, #8 and #18
GOAL_RATIO = 1.2  # clusterdw / bare DuckDB on load + build + export, at 1M and 10M
GOAL_MEMORY_GIB = 4.0  # peak at 10M (issue 18; was 6.0)
GOAL_VALIDATE_SECONDS = 30.0  # at 10M (issue 18; was 180)
GOAL_WALL_10M_SECONDS = 120.0  # run + export at 10M (issue 18)
GOAL_LINEAR = 12.0  # 10M total <= 12 x 1M total
GOAL_HELP_SECONDS = 0.5
GOAL_PROJECT_SECONDS = 1.5  # everything but GX's import, on the project's data

# The same view the loader creates (pipelines/load/loader.py, Loader.create_place_names).
PLACE_NAMES_SQL = """
    create or replace view raw.place_names as
    select distinct name, place_key from (
        select unnest([name_zh_hans, name_zh_hant, short_name_zh_hans, short_name_zh_hant]) as name, place_key
        from raw.places
        union all
        select alias, place_key from raw.place_aliases
    )
    where name is not null
"""


@dataclass
class Measured:
    seconds: float
    max_rss_kib: int
    stdout: str
    stderr: str


@dataclass
class SizeResult:
    size: str
    figures: int
    raw_mib: float
    synth_seconds: float | None = None
    clusterdw: dict[str, float] = field(default_factory=dict)
    bare: dict[str, float] = field(default_factory=dict)
    clusterdw_peak_mib: float = 0.0
    bare_peak_mib: float = 0.0
    clusterdw_wall: float = 0.0  # `run` and `export`, each a process
    clusterdw_run_wall: float = 0.0
    bare_wall: float = 0.0
    floor: dict[str, float] = field(default_factory=dict)
    floor_peak_mib: float = 0.0
    equal: str | None = None  # "22 of 22" tables equal to the --reference build's
    spark: dict[str, float] = field(default_factory=dict)  # `build --engine spark`'s own step times
    spark_wall: float | None = None
    spark_equal: str | None = None  # "22 of 22" tables equal to the DuckDB build's
    error: str | None = None

    def work(self, side: str) -> float:
        steps = {"clusterdw": self.clusterdw, "bare": self.bare, "floor": self.floor}[side]
        return sum(steps.get(k, 0.0) for k in ("load", "build", "export"))

    @property
    def ratio(self) -> float | None:
        return self.work("clusterdw") / self.work("bare") if self.work("bare") else None

    @property
    def floor_ratio(self) -> float | None:
        return self.work("clusterdw") / self.work("floor") if self.work("floor") else None


PEAK_RSS = REPO / "benchmarks" / "peak_rss.py"


def measure(argv: list[str], check: bool = True) -> Measured:
    """Run argv in a fresh process, started by peak_rss.py: its wall time and its own peak RSS. Dirty
    pages are written out first, so that no run pays for the disk writes of the one before (seen at 1M:
    the first load after synth took 6.4 s, the next ones 3.6-4.3 s)."""
    os.sync()
    with tempfile.TemporaryDirectory(prefix="clusterdw-bench-") as scratch:
        report = Path(scratch) / "report.json"
        process = subprocess.run(
            [sys.executable, str(PEAK_RSS), str(report), "--", *argv], capture_output=True, text=True, cwd=REPO
        )
        if not report.exists():
            raise RuntimeError(f"{PEAK_RSS.name} failed for {' '.join(argv[:6])}:\n{process.stderr[-3000:]}")
        measured = json.loads(report.read_text(encoding="utf-8"))
    if check and measured["returncode"] != 0:
        raise RuntimeError(f"{' '.join(argv[:6])} ... exited {measured['returncode']}:\n{process.stderr[-3000:]}")
    return Measured(measured["seconds"], measured["max_rss_kib"], process.stdout, process.stderr)


def json_logs(stderr: str) -> list[dict]:
    entries = []
    for line in stderr.splitlines():
        try:
            entries.append(json.loads(line))
        except ValueError:
            continue
    return entries


def seconds_from_log(entries: list[dict], prefix: str) -> float | None:
    for entry in entries:
        message = entry.get("message", "")
        if message.startswith(prefix):
            return float(message.split(" in ")[-1].rstrip("s"))
    return None


def prepare(size: str, figures: int | None, work: Path) -> tuple[Path, float | None]:
    project = work / size
    if figures is None:
        shutil.rmtree(project, ignore_errors=True)
        for folder in PROJECT_FOLDERS:
            if (REPO / folder).is_dir():
                shutil.copytree(REPO / folder, project / folder)
        return project, None
    from pipelines.synth import synthesize

    result = synthesize(REPO, project, figures)
    return project, result.seconds


def raw_rows(project: Path) -> int:
    import duckdb

    files = sorted(str(p) for p in (project / "raw" / "figures").glob("*.csv"))
    return duckdb.sql(f"select count(*) from read_csv({files!r}, all_varchar = true)").fetchall()[0][0]


@dataclass
class Side:
    """One measured run of one side: step seconds, wall seconds, peak MiB."""

    steps: dict[str, float]
    wall: float
    peak_mib: float
    run_wall: float = 0.0

    @property
    def work(self) -> float:
        return sum(self.steps.get(k, 0.0) for k in ("load", "build", "export"))


def read_inputs(project: Path) -> None:
    """Read every raw CSV once, so that each side starts with them in the page cache. This machine's
    disk reads 165 MB cold in 4 s, at times 2 MB/s, and its page cache drops files early: without
    this, a run measures the disk's mood (bare load at 10M: 12 s warm, 31 s cold)."""
    for path in sorted((project / "raw").rglob("*.csv")):
        with path.open("rb") as handle:
            while handle.read(8 << 20):
                pass


def run_clusterdw(project: Path) -> Side:
    shutil.rmtree(project / "target", ignore_errors=True)
    read_inputs(project)
    run = measure([CLUSTERDW, "--project-dir", str(project), "--log-format", "json", "-v", "run", "--no-docs"])
    record = json.loads((project / "target" / "run_results.json").read_text(encoding="utf-8"))
    steps = dict(record["step_seconds"])
    gx = seconds_from_log(json_logs(run.stderr), "great_expectations ready in")
    if gx is not None and "validate" in steps:
        steps["gx_import"] = gx
        steps["validate_excl_gx"] = steps["validate"] - gx
    exported = measure([CLUSTERDW, "--project-dir", str(project), "--log-format", "json", "-v", "export"])
    steps["export"] = seconds_from_log(json_logs(exported.stderr), "exported ") or exported.seconds
    return Side(steps, run.seconds + exported.seconds, max(run.max_rss_kib, exported.max_rss_kib) / 1024, run.seconds)


def run_bare(project: Path) -> Side:
    from pipelines.models.builder import load_graph

    graph = load_graph(project)
    return _run_baseline(
        project,
        "bare",
        {
            "place_names_sql": PLACE_NAMES_SQL,
            "models": [[name, str(graph.models[name].path)] for name in graph.select(None)],
        },
    )


def run_floor(project: Path) -> Side:
    """The floor script on the row counts of the models clusterdw just built (its published file)."""
    import duckdb

    with duckdb.connect(str(project / "target" / "warehouse.duckdb"), read_only=True) as con:
        rows = {
            f"{schema}.{name}": count
            for schema, name, count in con.execute(
                "select schema_name, table_name, estimated_size from duckdb_tables() "
                "where schema_name in ('staging', 'marts') order by schema_name, table_name"
            ).fetchall()
        }
    return _run_baseline(project, "floor", {"model_rows": rows})


def _run_baseline(project: Path, name: str, plan_of_its_own: dict) -> Side:
    """benchmarks/<name>_duckdb.py in a process of its own, on a plan of the raw tables' declared types
    (and what that script needs beside them), in a scratch folder removed afterwards."""
    from pipelines.load.contracts import CONTRACTS
    from pipelines.publish.warehouse import DEFAULT_MEMORY_LIMIT, MEMORY_LIMIT_ENV

    scratch = project / name
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "parquet").mkdir(parents=True)
    plan = {
        "db": str(scratch / "warehouse.duckdb"),
        "raw_dir": str(project / "raw"),
        "parquet_dir": str(scratch / "parquet"),
        "tables": [
            {"name": c.table, "path": c.path, "columns": [[col.name, col.sql_type] for col in c.columns]}
            for c in CONTRACTS
        ],
        "memory_limit": os.environ.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT,
        **plan_of_its_own,
    }
    plan_path = scratch / "plan.json"
    plan_path.write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
    read_inputs(project)
    measured = measure([sys.executable, str(REPO / "benchmarks" / f"{name}_duckdb.py"), str(plan_path)])
    shutil.rmtree(scratch, ignore_errors=True)
    return Side(json.loads(measured.stdout.strip().splitlines()[-1]), measured.seconds, measured.max_rss_kib / 1024)


def run_equal(project: Path, result: SizeResult, reference: str) -> None:
    """Build the models of commit `reference` on the same raw/ (the current pipeline, the old SQL), and
    compare every staging and mart table of that build with the one clusterdw just published."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from equal_builds import compare, summary

    old = project / "reference"
    shutil.rmtree(old, ignore_errors=True)
    old.mkdir()
    archive = subprocess.run(
        ["git", "archive", reference, "staging", "marts"], capture_output=True, cwd=REPO, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    (old / "raw").symlink_to(project / "raw", target_is_directory=True)
    measure([CLUSTERDW, "--project-dir", str(old), "build"])
    tables, differences = compare(
        str(old / "target" / "warehouse.dev.duckdb"), str(project / "target" / "warehouse.duckdb")
    )
    result.equal = f"{summary(tables, differences)} (old: {reference})"
    shutil.rmtree(old, ignore_errors=True)


def run_spark(project: Path, result: SizeResult) -> None:
    """`clusterdw build --engine spark` in a fresh process (its session included), after a clusterdw run
    left the published warehouse: then every table of the two builds compared."""
    import duckdb

    from pipelines.engines.compare import compare_builds
    from pipelines.models.builder import load_graph

    shutil.rmtree(project / "target" / "spark", ignore_errors=True)
    read_inputs(project)
    measured = measure([CLUSTERDW, "--project-dir", str(project), "build", "--engine", "spark"])
    times = next(line for line in measured.stdout.splitlines() if line.startswith("Times: "))
    for part in times.removeprefix("Times: ").split(", "):
        name, seconds = part.rsplit(" ", 1)
        result.spark[name] = float(seconds.rstrip("s"))
    result.spark_wall = measured.seconds
    names = load_graph(project).order()
    with duckdb.connect(str(project / "target" / "warehouse.duckdb"), read_only=True) as con:
        comparisons = compare_builds(con, names, project / "target" / "spark")
    unequal = [c.table for c in comparisons if not c.equal]
    result.spark_equal = f"{len(comparisons) - len(unequal)} of {len(comparisons)}" + (
        f" (not: {', '.join(unequal)})" if unequal else ""
    )


def measure_size(project: Path, result: SizeResult, repeat: int) -> None:
    """Each side `repeat` times, alternating (the machine may be shared): the best run of each side
    by load + build + export, and the highest peak memory of all."""
    clusterdw: list[Side] = []
    bare: list[Side] = []
    floors: list[Side] = []
    for _ in range(repeat):
        clusterdw.append(run_clusterdw(project))
        floors.append(run_floor(project))
        bare.append(run_bare(project))
    best, bare_best = min(clusterdw, key=lambda m: m.work), min(bare, key=lambda m: m.work)
    floor_best = min(floors, key=lambda m: m.work)
    result.clusterdw, result.clusterdw_wall, result.clusterdw_run_wall = best.steps, best.wall, best.run_wall
    result.bare, result.bare_wall = bare_best.steps, bare_best.wall
    result.floor = floor_best.steps
    result.clusterdw_peak_mib = max(m.peak_mib for m in clusterdw)
    result.bare_peak_mib = max(m.peak_mib for m in bare)
    result.floor_peak_mib = max(m.peak_mib for m in floors)


def help_seconds(runs: int = 10) -> float:
    times = [measure([CLUSTERDW, "--help"]).seconds for _ in range(runs)]
    return sum(times) / len(times)


def gx_import_seconds() -> float:
    """In a script file, not `python -c`: GX imports pyspark (the .[spark] extra), whose Connect module
    exits the process when __main__ has no file (it takes that for a doctest run)."""
    code = "import time; t = time.perf_counter(); import great_expectations; print(time.perf_counter() - t)\n"
    with tempfile.TemporaryDirectory(prefix="clusterdw-bench-") as scratch:
        script = Path(scratch) / "gx_import.py"
        script.write_text(code, encoding="utf-8")
        return float(measure([sys.executable, str(script)]).stdout.strip())


def machine() -> dict[str, str]:
    import duckdb

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO)
    dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, cwd=REPO).stdout
    try:
        from importlib.metadata import version

        gx = version("great_expectations")
    except Exception:  # noqa: BLE001
        gx = "?"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load average at the start (1, 5, 15 min)": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "clusterdw build threads (CLUSTERDW_BUILD_THREADS)": os.environ.get("CLUSTERDW_BUILD_THREADS") or "1",
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "great_expectations": gx,
        "commit": commit.stdout.strip() + (" (with uncommitted changes)" if dirty.strip() else ""),
    }


def fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def table(results: list[SizeResult]) -> list[str]:
    head = "| step | " + " | ".join(f"{r.size} ({r.figures:,} figures)" for r in results) + " |"
    lines = [head, "|---|" + "---:|" * len(results)]

    def row(label: str, values: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    for step in ("load", "build", "validate", "gx_import", "validate_excl_gx", "publish", "export"):
        row(f"clusterdw {step.replace('_', ' ')} s", [fmt(r.clusterdw.get(step)) for r in results])
    row("clusterdw load + build + export s", [fmt(r.work("clusterdw")) for r in results])
    row("clusterdw `run` process wall s", [fmt(r.clusterdw_run_wall) for r in results])
    row("clusterdw wall (`run` + `export`) s", [fmt(r.clusterdw_wall) for r in results])
    row("clusterdw wall without validate s", [fmt(r.clusterdw_wall - r.clusterdw.get("validate", 0)) for r in results])
    for step in ("load", "build", "close", "export"):
        row(f"bare DuckDB {step} s", [fmt(r.bare.get(step)) for r in results])
    row("bare DuckDB load + build + export s", [fmt(r.work("bare")) for r in results])
    row("bare DuckDB wall s", [fmt(r.bare_wall) for r in results])
    for step in ("load", "build", "close", "export"):
        row(f"floor {step} s", [fmt(r.floor.get(step)) for r in results])
    row("floor load + build + export s", [fmt(r.work("floor")) for r in results])
    row("**ratio** clusterdw / bare (load + build + export)", [f"**{fmt(r.ratio)}**" for r in results])
    row("**ratio** clusterdw / floor (load + build + export)", [f"**{fmt(r.floor_ratio)}**" for r in results])
    row("peak memory clusterdw MiB", [fmt(r.clusterdw_peak_mib, 0) for r in results])
    row("peak memory bare DuckDB MiB", [fmt(r.bare_peak_mib, 0) for r in results])
    row("peak memory floor MiB", [fmt(r.floor_peak_mib, 0) for r in results])
    row("tables equal to the old models' build", [r.equal or "—" for r in results])
    row(
        "DuckDB load + build s (from clusterdw run)",
        [fmt(r.clusterdw.get("load", 0) + r.clusterdw.get("build", 0)) for r in results],
    )
    row("Spark session start s", [fmt(r.spark.get("spark session")) for r in results])
    row("Spark load and raw to Parquet s", [fmt(r.spark.get("load and raw to Parquet")) for r in results])
    row("Spark models s", [fmt(r.spark.get("models")) for r in results])
    row("Spark build without session s", [fmt(r.spark.get("build without session")) for r in results])
    row("Spark `build --engine spark` process wall s", [fmt(r.spark_wall) for r in results])
    row("Spark tables equal to DuckDB's", [r.spark_equal or "—" for r in results])
    row("raw CSV MiB", [fmt(r.raw_mib, 1) for r in results])
    row("synth s", [fmt(r.synth_seconds) for r in results])
    return lines


def goals(results: list[SizeResult], help_s: float, gx_s: float) -> list[str]:
    by = {r.size: r for r in results if not r.error}
    lines = [
        f"- `clusterdw --help`: {help_s:.3f} s (goal < {GOAL_HELP_SECONDS} s): "
        f"{'met' if help_s < GOAL_HELP_SECONDS else 'NOT met'}"
    ]
    if "project" in by:
        r = by["project"]
        # the import as timed inside that very run: one timed alone, with the disk cold, took 27 s
        gx_s = r.clusterdw.get("gx_import", gx_s)
        rest = r.clusterdw_run_wall - gx_s
        lines.append(
            f"- project's data, `clusterdw run` (a fresh process) but GX's import: {rest:.2f} s "
            f"({r.clusterdw_run_wall:.2f} s wall - {gx_s:.2f} s to import great_expectations in it; goal < "
            f"{GOAL_PROJECT_SECONDS} s): {'met' if rest < GOAL_PROJECT_SECONDS else 'NOT met'}"
        )
    for size in ("1m", "10m"):
        if size in by and by[size].ratio is not None:
            ratio = by[size].ratio
            lines.append(
                f"- {size}: clusterdw / bare DuckDB on load + build + export = {ratio:.2f} "
                f"(goal <= {GOAL_RATIO}): {'met' if ratio <= GOAL_RATIO else 'NOT met'}"
            )
    if "10m" in by:
        r = by["10m"]
        peak = r.clusterdw_peak_mib / 1024
        lines.append(
            f"- 10M: peak memory {peak:.2f} GiB (goal <= {GOAL_MEMORY_GIB} GiB): "
            f"{'met' if peak <= GOAL_MEMORY_GIB else 'NOT met'}"
        )
        wall = r.clusterdw_wall
        lines.append(
            f"- 10M: `run` + `export` wall {wall:.1f} s (goal <= {GOAL_WALL_10M_SECONDS:.0f} s): "
            f"{'met' if wall <= GOAL_WALL_10M_SECONDS else 'NOT met'}"
        )
        validate = r.clusterdw.get("validate")
        if validate is not None:
            lines.append(
                f"- 10M: validation {validate:.1f} s (goal <= {GOAL_VALIDATE_SECONDS:.0f} s): "
                f"{'met' if validate <= GOAL_VALIDATE_SECONDS else 'NOT met'}"
            )
    if "1m" in by and "10m" in by:
        total = {
            s: sum(v for k, v in by[s].clusterdw.items() if k in ("load", "build", "validate", "publish", "export"))
            for s in ("1m", "10m")
        }
        factor = total["10m"] / total["1m"]
        lines.append(
            f"- cost linear in N: 10M / 1M = {factor:.1f} x (goal <= {GOAL_LINEAR:.0f} x): "
            f"{'met' if factor <= GOAL_LINEAR else 'NOT met'}"
        )
    for r in results:
        if r.equal:
            lines.append(
                f"- {r.size}: every staging and mart table equal to the old models' build: {r.equal}: "
                f"{'met' if '(not:' not in r.equal else 'NOT met'}"
            )
    for r in results:
        if r.error:
            lines.append(f"- {r.size}: FAILED: {r.error.splitlines()[-1] if r.error.splitlines() else r.error}")
    return lines


def write_results(
    results: list[SizeResult], info: dict[str, str], help_s: float, gx_s: float, path: Path, repeat: int
) -> str:
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            "Written by `make bench` (benchmarks/bench.py). clusterdw runs `run --no-docs` and `export` in fresh",
            "processes; the bare DuckDB script (benchmarks/bare_duckdb.py) reads the CSVs with the contracts'",
            "column types, runs the same model SQL in the same order and COPYs the marts to Parquet (zstd),",
            "with no contract checks, no lineage but the file name, no validation, under the same DuckDB",
            "memory limit as clusterdw (3GB unless CLUSTERDW_MEMORY_LIMIT says otherwise). Synthetic data from",
            "`clusterdw synth --figures N` (seed 0). Times in seconds; peak memory is each process's max RSS.",
            f"Each side ran {repeat} time(s) per size, alternating; the table shows each side's best run by",
            "load + build + export (the machine is shared: its load average is under Machine). Before each",
            "run the raw CSVs are read once, so both sides start with them in the page cache, and dirty pages",
            "are written out (os.sync): the disk's state is not measured. Spark (`build --engine spark`, local[2],",
            "one run) at the Spark sizes: its session start, its load of raw/ (the same contracts) and Parquet",
            "hand-off, its models; then each of its tables compared with the DuckDB build's (types, counts,",
            "EXCEPT ALL both ways). Its peak memory is not shown: the JVM is a process of its own.",
            "The floor (benchmarks/floor_duckdb.py) is the least work these tables can cost: DuckDB reads the raw",
            "CSVs once with the declared types, writes one plain table per model of that model's row count",
            "(CREATE TABLE AS of a projection of raw.figures) and COPYs the mart-sized ones to Parquet (zstd).",
            "At the equality sizes, the models of the reference commit (before issue 18's rewrites) are built",
            "on the same raw data and every staging and mart table compared with clusterdw's (types, EXCEPT ALL",
            "both ways: benchmarks/equal_builds.py).",
            "",
            "## Machine",
            "",
            *[f"- {k}: {v}" for k, v in info.items()],
            "",
            "## Results",
            "",
            *table(results),
            "",
            "## Goals",
            "",
            *goals(results, help_s, gx_s),
            "",
        ]
    )
    path.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help=f"comma-separated, of {', '.join(SIZES)}")
    parser.add_argument("--work", type=Path, default=OUT, help="folder for the synthetic projects")
    parser.add_argument("--results", type=Path, default=RESULTS, help="Markdown file to write")
    parser.add_argument(
        "--spark-sizes",
        default=SPARK_SIZES,
        help="sizes also built on Spark (local[2]); empty for none. Needs the .[spark] extra",
    )
    parser.add_argument(
        "--equal-sizes",
        default=EQUAL_SIZES,
        help="sizes whose tables are compared with a build of --reference's models; empty for none",
    )
    parser.add_argument("--reference", default=REFERENCE, help="commit whose models the tables must equal")
    parser.add_argument("--keep", action="store_true", help="keep each size's project (the 10M CSVs take 1.7 GB)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs of each side per size, alternating; the best is kept (the machine may be shared)",
    )
    args = parser.parse_args(argv)
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {', '.join(unknown)}: choose from {', '.join(SIZES)}")
    spark_sizes = {s.strip().lower() for s in args.spark_sizes.split(",") if s.strip()}
    equal_sizes = {s.strip().lower() for s in args.equal_sizes.split(",") if s.strip()}
    args.work.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(REPO))

    info = machine()
    help_s = help_seconds()
    gx_s = gx_import_seconds()
    print(f"clusterdw --help: {help_s:.3f}s (mean of 10); import great_expectations: {gx_s:.2f}s", flush=True)
    results = []
    for size in sizes:
        started = time.perf_counter()
        project, synth_seconds = prepare(size, SIZES[size], args.work)
        raw_mib = sum(p.stat().st_size for p in (project / "raw").rglob("*.csv")) / 2**20
        result = SizeResult(size, raw_rows(project), raw_mib, synth_seconds)
        print(f"{size}: {result.figures:,} figures, {raw_mib:.0f} MiB of CSV", flush=True)
        try:
            measure_size(project, result, args.repeat)
            if size in equal_sizes:
                run_equal(project, result, args.reference)
            if size in spark_sizes:
                run_spark(project, result)
        except RuntimeError as error:
            result.error = str(error)
            print(f"{size}: FAILED\n{error}", file=sys.stderr, flush=True)
        results.append(result)
        print(
            f"{size}: clusterdw {result.clusterdw} ({result.clusterdw_peak_mib:.0f} MiB); bare {result.bare} "
            f"({result.bare_peak_mib:.0f} MiB); floor {result.floor}; ratio {fmt(result.ratio)} / floor "
            f"{fmt(result.floor_ratio)}; equal {result.equal}; spark {result.spark} "
            f"equal {result.spark_equal}; {time.perf_counter() - started:.0f}s",
            flush=True,
        )
        if not args.keep:
            shutil.rmtree(project, ignore_errors=True)
    info["load average at the end (1, 5, 15 min)"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    text = write_results(results, info, help_s, gx_s, args.results, args.repeat)
    print()
    print(text)
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
