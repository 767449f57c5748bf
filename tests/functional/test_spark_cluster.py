"""`build --engine spark` the way a cluster runs it: a standalone master and a worker on 127.0.0.1,
started from pyspark's own launcher (bin/spark-class), a Spark Connect server (spark-submit), and the
build in its own process, as a platform engineer runs it. Every staging and mart table a build writes is
compared with DuckDB's (types, counts, EXCEPT ALL both ways); the tasks must have run on the worker's executor.

Each daemon gets a free port, its pid is kept, and it is stopped (its process group) in teardown
(pipelines/engines/loopback.py starts them). The machine is small and shared: workers have 1 core and
little memory, the module builds only the project's 160 figures, and its cluster tests are one xdist
group (one cluster, on one worker), the Connect test another."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.engines.compare import compare_builds
from pipelines.engines.loopback import Loopback, free_port, loopback_env
from pipelines.models.builder import load_graph

from helpers import SPARK_CONNECT, SPARK_LOCAL, SPARK_LOOPBACK

pytestmark = pytest.mark.spark
pyspark = pytest.importorskip("pyspark", reason="pyspark is the optional extra .[spark]; `make test` installs it")

BIN = Path(sys.executable).parent
SPARK_HOME = Path(pyspark.__file__).parent
WORKER_MEMORY = "900m"
EXECUTOR_CONF = ["--conf", "spark.executor.memory=512m"]  # fits the worker, leaves the machine some room
ENV = loopback_env(
    CLUSTERDW_SPARK_DRIVER_MEMORY="1g", PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable
)


@pytest.fixture(scope="module")
def loopback(tmp_path_factory):
    """The module's daemons (the master, its workers, the Connect server), each stopped in teardown."""
    with Loopback(tmp_path_factory.mktemp("spark-daemons"), ENV) as daemons:
        yield daemons


@pytest.fixture(scope="module")
def standalone(loopback):
    """A master and one worker (1 core) on 127.0.0.1: (master URL, worker's work folder)."""
    url = loopback.start_master()
    _, work = loopback.add_worker("worker-1", cores=1, memory=WORKER_MEMORY)
    return url, work


@pytest.fixture(scope="module")
def connect_server(loopback):
    """A Spark Connect server, local[1] inside it: sc://127.0.0.1:PORT."""
    return loopback.start_connect_server(driver_memory="1g")


@pytest.fixture(scope="module")
def duckdb_built(dev_built_once, tmp_path_factory) -> Path:
    """The project built by DuckDB (target/warehouse.dev.duckdb): the session's build, copied for the module,
    which writes its Spark folders beside it."""
    return shutil.copytree(dev_built_once, tmp_path_factory.mktemp("cluster") / "project")


# staging and mart models, stg_places read by both marts (so cached and released on the cluster)
SUBMITTED = ("+marts.dim_cluster", "marts.dim_city")


def clusterdw(project: Path, *args: str, timeout: float = 900, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "clusterdw"), "--project-dir", str(project), *args],
        capture_output=True,
        text=True,
        env={**ENV, **env},
        timeout=timeout,
    )


def assert_equal_to_duckdb(project: Path, spark_dir: Path, select: list[str] | None = None) -> None:
    names = load_graph(project).select(select)
    assert any(n.startswith("staging.") for n in names) and any(n.startswith("marts.") for n in names)
    with duckdb.connect(str(project / "target" / "warehouse.dev.duckdb"), read_only=True) as con:
        comparisons = compare_builds(con, names, spark_dir)
    unequal = [c for c in comparisons if not c.equal]
    assert not unequal, "\n".join(
        f"{c.table}: rows {c.duckdb_rows} vs {c.spark_rows}, only in DuckDB {c.only_in_duckdb}, only in Spark "
        f"{c.only_in_spark}, types {c.type_differences}"
        for c in unequal
    )
    assert sum(c.spark_rows for c in comparisons if c.table.startswith("marts.")) > 0
    assert not list(spark_dir.glob("*/.writing-*")), "a half-written folder was left"


def application_id(output: str) -> str:
    found = re.search(r"^Spark: application (app-\S+) on spark://", output, re.MULTILINE)
    assert found, output
    return found.group(1)


def tasks_finished_on(work: Path, app: str) -> int:
    """Tasks the worker's executors of application `app` finished, from their own logs."""
    return sum(log.read_text(errors="replace").count("Finished task") for log in (work / app).glob("*/stderr"))


@SPARK_LOOPBACK
def test_spark_submit_on_the_cluster_equals_the_duckdb_build(standalone, duckdb_built):
    """spark-submit makes the session (its --conf included); clusterdw's settings are set on it. What the
    submitted build adds is the entry and the session, not the models: it builds a selection with staging
    and mart models and a table two of them read (cached), not all 29, which the build below proves."""
    url, work = standalone
    spark_dir = duckdb_built / "target" / "spark-submit"
    import pipelines.engines.submit as submit

    process = subprocess.run(
        [
            str(SPARK_HOME / "bin" / "spark-submit"),
            "--master",
            url,
            "--driver-memory",
            "1g",
            *EXECUTOR_CONF,
            "--conf",
            "spark.sql.shuffle.partitions=3",
            submit.__file__,
            "--project-dir",
            str(duckdb_built),
            "build",
            "--engine",
            "spark",
            "--spark-dir",
            str(spark_dir),
            *[arg for selector in SUBMITTED for arg in ("--select", selector)],
        ],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=900,
    )
    assert process.returncode == 0, process.stderr[-3000:]
    assert "spark.sql.session.timeZone=UTC, spark.sql.shuffle.partitions=3" in process.stdout, process.stdout
    assert tasks_finished_on(work, application_id(process.stdout)) > 20
    assert_equal_to_duckdb(duckdb_built, spark_dir, list(SUBMITTED))
    assert not (spark_dir / "marts" / "fct_facts").exists()  # the selection, not the whole project


@SPARK_LOOPBACK
def test_build_on_a_standalone_cluster_equals_the_duckdb_build_though_a_worker_is_killed(
    standalone, loopback, duckdb_built
):
    """clusterdw as the cluster's driver, with two workers; the second is killed (JVM and executor) once it
    runs tasks: they run again on the first, and every table equals DuckDB's. (One build proves both the
    cluster's equal tables and a lost worker's: each cluster build takes minutes on a small machine.)"""
    url, work = standalone
    worker, work_2 = loopback.add_worker("worker-2", cores=1, memory=WORKER_MEMORY)
    spark_dir = duckdb_built / "target" / "spark-standalone"
    build = subprocess.Popen(
        [
            str(BIN / "clusterdw"),
            "--project-dir",
            str(duckdb_built),
            "build",
            "--engine",
            "spark",
            "--master",
            url,
            "--spark-dir",
            spark_dir.as_uri(),
            *EXECUTOR_CONF,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    try:
        deadline = time.monotonic() + 600
        while not any("Running task" in log.read_text(errors="replace") for log in work_2.glob("*/*/stderr")):
            assert build.poll() is None and time.monotonic() < deadline, "the second worker ran no task"
            time.sleep(0.2)
        worker.stop()
        stdout, stderr = build.communicate(timeout=900)
    finally:
        if build.poll() is None:
            build.kill()
    assert build.returncode == 0, stderr[-3000:]
    assert f"on {url}, 2 executor(s)" in stdout
    # clusterdw's settings hold, and a cluster keeps Spark's shuffle partitions for AQE to size, not 4
    assert (
        "Spark settings: spark.sql.session.timeZone=UTC, spark.sql.shuffle.partitions=200, "
        "spark.sql.adaptive.enabled=true"
    ) in stdout, stdout
    assert tasks_finished_on(work, application_id(stdout)) > 20  # the (first) worker's executor did the work
    assert_equal_to_duckdb(duckdb_built, spark_dir)


@SPARK_CONNECT
def test_build_on_spark_connect_equals_the_duckdb_build(connect_server, duckdb_built):
    spark_dir = duckdb_built / "target" / "spark-connect"
    process = clusterdw(
        duckdb_built, "build", "--engine", "spark", "--master", connect_server, "--spark-dir", str(spark_dir)
    )
    assert process.returncode == 0, process.stderr
    # set on the server's session, not dropped as a builder's settings are on Connect
    assert (
        "Spark settings: spark.sql.session.timeZone=UTC, spark.sql.shuffle.partitions=200, "
        "spark.sql.adaptive.enabled=true"
    ) in process.stdout, process.stdout
    assert_equal_to_duckdb(duckdb_built, spark_dir)


@SPARK_LOOPBACK
def test_no_executor_is_an_error_not_a_wait(standalone, duckdb_built):
    """More memory than any worker has: the master accepts the application and runs nothing."""
    url, _ = standalone
    spark_dir = duckdb_built / "target" / "spark-starved"
    started = time.monotonic()
    process = clusterdw(
        duckdb_built,
        "build",
        "--engine",
        "spark",
        "--master",
        url,
        "--spark-dir",
        str(spark_dir),
        "--conf",
        "spark.executor.memory=8g",
        timeout=300,
        CLUSTERDW_SPARK_EXECUTOR_WAIT="10",
    )
    assert process.returncode == 69, process.stderr
    assert (
        process.stderr.strip()
        .splitlines()[-1]
        .startswith(f"Error: no executor registered with {url} in 10 s — --master — start a worker")
    )
    assert time.monotonic() - started < 120
    assert not (spark_dir / "marts").exists() and not list(spark_dir.glob("*/.writing-*"))


@pytest.mark.parametrize("scheme", ["spark", "sc"])
def test_a_closed_port_is_a_clear_error_within_seconds(project, scheme):
    port = free_port()  # nothing listens there once the probe socket is closed
    started = time.monotonic()
    process = clusterdw(project, "build", "--engine", "spark", "--master", f"{scheme}://127.0.0.1:{port}", timeout=120)
    seconds = time.monotonic() - started
    assert process.returncode == 69, process.stderr
    what = "Spark Connect server" if scheme == "sc" else "Spark master"
    assert process.stderr.strip().splitlines()[-1] == (
        f"Error: no {what} answers at {scheme}://127.0.0.1:{port} (127.0.0.1:{port}: Connection refused) — "
        f"--master — start the {what} or correct --master (nothing was loaded or written)"
    )
    assert seconds < 30, seconds  # the Python start and imports; Spark's own client took 86 s and 626 s
    assert not (project / "target" / "spark" / "raw").exists()


def test_without_the_connect_client_the_error_says_what_to_install(project, tmp_path):
    script = tmp_path / "clusterdw_without_grpc.py"  # a file: pyspark's Connect import exits 0 under `python -c`
    script.write_text(
        "import sys; sys.modules['grpc'] = None\n"  # as if the .[spark-connect] extra were missing
        "from pipelines.cli import entry; entry()\n",
        encoding="utf-8",
    )
    process = subprocess.run(
        [
            sys.executable,
            str(script),
            "--project-dir",
            str(project),
            "build",
            "--engine",
            "spark",
            "--master",
            "sc://127.0.0.1:1",
        ],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=120,
    )
    assert process.returncode == 1, process.stderr
    line = process.stderr.strip().splitlines()[-1]
    assert line.startswith("Error: the Spark Connect client is not installed (") and "grpcio" in line
    assert line.endswith("— --master sc://... — install the extra: pip install -e '.[spark-connect]'")


def test_an_object_store_folder_is_refused_before_anything_runs(project):
    process = clusterdw(project, "build", "--engine", "spark", "--spark-dir", "s3a://bucket/clusterdw", timeout=120)
    assert process.returncode == 1, process.stderr
    line = process.stderr.strip().splitlines()[-1]
    assert line.startswith("Error: --spark-dir s3a://bucket/clusterdw: object stores are not supported")
    assert line.endswith(
        "— --spark-dir — use a folder on a file system every executor mounts (file:///shared/...) or hdfs://"
    )
    assert not (project / "s3a:").exists() and not (project / "target" / "spark").exists()


@SPARK_LOCAL
def test_the_build_timeout_ends_the_build_and_keeps_the_last_tables(spark, project, tmp_path, cli):
    """--timeout 1: the Spark jobs of every model cannot finish in a second; the build ends as the cluster's
    failure (69), the tables of an earlier build are as they were and no half-written folder stays. On the
    session's local Spark (in-process, warm: the last model's table is the earlier one kept, far past a
    second of jobs), not a JVM of its own."""
    spark_dir = tmp_path / "spark"
    last = Path(*load_graph(project).order()[-1].split("."))
    (spark_dir / last).mkdir(parents=True)
    (spark_dir / last / "part-0.parquet").write_bytes(b"earlier build")
    result = cli(project, "build", "--engine", "spark", "--spark-dir", str(spark_dir), "--timeout", "1")
    assert result.exit_code == 69, result.output
    assert result.output.strip().splitlines()[-1] == (
        "Error: the build ran longer than its time limit — --timeout — raise --timeout, or give the cluster "
        "more executors"
    )
    assert (spark_dir / last / "part-0.parquet").read_bytes() == b"earlier build"
    assert not list(spark_dir.glob("*/.writing-*"))
