"""A SparkSession for a build: local (`local[2]`), a cluster's master (`spark://...`, `yarn`), the
session spark-submit made, or a Spark Connect server (`sc://...`). pyspark is an optional extra; it
is imported only here.

clusterdw's SQL settings (UTC, adaptive execution, the shuffle partitions of a small machine) are set
with `conf.set` on the running session: a builder's settings are dropped without a word by Spark
Connect and by a session that spark-submit already made."""

from __future__ import annotations

import logging
import os
import shutil
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..errors import ClusterdwError
from ..publish.safe_open import open_own

log = logging.getLogger(__name__)

DEFAULT_MASTER = "local[2]"
DRIVER_MEMORY_ENV = "CLUSTERDW_SPARK_DRIVER_MEMORY"  # a local driver's heap; read once, when the JVM starts
PARTITIONS_ENV = "CLUSTERDW_SPARK_PARTITIONS"
LOCAL_PARTITIONS = "4"  # right for 2 to 4 cores; a cluster keeps Spark's 200, which AQE coalesces to the data
CONNECT_RETRIES = 4  # Spark Connect's client retries for 10 minutes by default; 4 back-offs are about 4 s

# What every build needs, wherever it runs; set on the running session
SQL_SETTINGS = {
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.adaptive.enabled": "true",  # partitions sized to the data after each shuffle
    "spark.sql.adaptive.coalescePartitions.enabled": "true",
}

# Spark's JVM logs at WARN from its first second (host name, native libraries, log level): only errors
LOG4J2 = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
"""


@dataclass
class SessionInfo:
    master: str
    application_id: str | None
    executors: int | None  # None on Spark Connect: the client cannot count them
    seconds: float = 0.0
    settings: dict[str, str | None] | None = None  # read back from the running session
    created: bool = True  # False: a session of this process was running already (a test's, a notebook's)

    def lines(self) -> list[str]:
        """What a build says of its session: the application, its master and executors, the settings."""
        executors = "" if self.executors is None else f", {self.executors} executor(s)"
        said = [f"Spark: application {self.application_id or '?'} on {self.master}{executors}"]
        if self.settings:
            said.append("Spark settings: " + ", ".join(f"{k}={v}" for k, v in self.settings.items()))
        return said


SHOWN_SETTINGS = ("spark.sql.session.timeZone", "spark.sql.shuffle.partitions", "spark.sql.adaptive.enabled")


def require_pyspark():
    """SparkSession, or a clear error if the .[spark] extra is not installed (checked before any work)."""
    try:
        with warnings.catch_warnings():  # pyspark 4 warns on import that it does not yet support pandas 3
            warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")
            import pyspark.sql  # noqa: F401
    except ImportError as error:
        raise ClusterdwError(
            "pyspark is not installed",
            "--engine spark",
            "install the extra: pip install -e '.[spark]' (and Java 17 for a local master)",
        ) from error
    from pyspark.sql import SparkSession

    return SparkSession


def require_connect_client() -> None:
    """Spark Connect's client packages (grpcio and friends), which plain pyspark does not pull in."""
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")
            from pyspark.sql.connect import utils

            # each of pyspark's own checks (check_dependencies would exit 0 when run from `python -c`)
            utils.require_minimum_grpc_version()
            utils.require_minimum_grpcio_status_version()
            utils.require_minimum_googleapis_common_protos_version()
            utils.require_minimum_zstandard_version()
    except ImportError as error:
        raise ClusterdwError(
            f"the Spark Connect client is not installed ({error})",
            "--master sc://...",
            "install the extra: pip install -e '.[spark-connect]'",
        ) from error


def parse_confs(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """`--conf key=value`, repeatable, as spark-submit takes it."""
    confs = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key.strip().startswith("spark."):
            raise ClusterdwError(
                f"--conf {pair}: expected key=value with a Spark key (spark....)",
                "--conf",
                "write it as spark-submit takes it: --conf spark.executor.memory=1g",
            )
        confs[key.strip()] = value.strip()
    return confs


def start_session(master: str | None = None, warehouse_dir: Path | None = None, confs: dict[str, str] | None = None):
    """(session, SessionInfo). Under spark-submit (no --master) the session spark-submit set up is used;
    `sc://` connects to a Spark Connect server; anything else is a master URL. `warehouse_dir`: Spark's own
    catalog folder (never used by the build, but Spark creates it, by default in the current directory)."""
    SparkSession = require_pyspark()
    confs = dict(confs or {})
    connect = bool(master) and master.startswith("sc://")
    started = time.perf_counter()
    builder = SparkSession.builder.appName("clusterdw")
    if connect:
        require_connect_client()
        builder = builder.remote(master)
    else:
        if master or not os.environ.get("PYSPARK_GATEWAY_PORT"):  # not under spark-submit: we choose
            builder = builder.master(master or DEFAULT_MASTER)
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.memory", os.environ.get(DRIVER_MEMORY_ENV, "4g"))
        )
        if warehouse_dir is not None:
            warehouse = Path(warehouse_dir).resolve()
            warehouse.mkdir(parents=True, exist_ok=True)
            log_config = warehouse / "log4j2.properties"
            with open_own(log_config, "a+") as handle:  # never through a link planted there
                handle.seek(0)
                handle.truncate()
                handle.write(LOG4J2)
            builder = builder.config("spark.sql.warehouse.dir", str(warehouse)).config(
                "spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={log_config}"
            )
        for key, value in confs.items():  # static ones (executor memory, cores) hold only if given here
            builder = builder.config(key, value)
    running = None if connect else SparkSession.getActiveSession()
    try:
        with warnings.catch_warnings():  # pyspark 4 warns again, at the start, of pandas 3
            warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")
            session = builder.getOrCreate()
    except Exception as error:  # pyspark raises its own classes, and plain ones, when Java is missing
        raise _start_failure(error, master, connect) from error
    try:
        if connect:
            _bound_connect_retries(session)
        else:
            session.sparkContext.setLogLevel("ERROR")  # Spark's WARN lines are noise beside clusterdw's output
        apply_settings(session, confs)
    except BaseException:
        if running is None:
            session.stop()
        raise
    # pyspark logs each failed query, JVM stack and all, on stderr; the build reports it in one line
    logging.getLogger("SQLQueryContextLogger").setLevel(logging.CRITICAL)
    info = session_info(session, master)
    info.seconds, info.created = time.perf_counter() - started, running is None
    log.info("spark session on %s: %.2fs", info.master, info.seconds)
    return session, info


def apply_settings(session, confs: dict[str, str]) -> None:
    """clusterdw's SQL settings, then the operator's --conf, on the running session (so they hold on Spark
    Connect and under spark-submit). A key that cannot change on a running session is an error unless it
    already has the value asked for (static keys were given to the builder)."""
    settings = dict(SQL_SETTINGS)
    partitions = os.environ.get(PARTITIONS_ENV)
    if partitions or _runs_locally(session):
        settings["spark.sql.shuffle.partitions"] = partitions or LOCAL_PARTITIONS
    settings.update(confs)
    for key, value in settings.items():
        try:
            session.conf.set(key, value)
        except Exception as error:  # noqa: BLE001 — pyspark's classes differ between classic and Connect
            if _current(session, key) == value:
                continue
            raise ClusterdwError(
                f"--conf {key}={value} cannot be set on a running session: {str(error).splitlines()[0][:200]}",
                "--conf",
                "set it where the session is made: spark-submit --conf, or the Spark Connect "
                "server's own configuration",
            ) from error


def session_info(session, master: str | None) -> SessionInfo:
    from .spark_cluster import executor_count

    settings = {key: _current(session, key) for key in SHOWN_SETTINGS}
    if hasattr(session, "_jsc"):
        context = session.sparkContext
        return SessionInfo(context.master, context.applicationId, executor_count(session), settings=settings)
    return SessionInfo(master or "sc://", _current(session, "spark.app.id"), None, settings=settings)


def _runs_locally(session) -> bool:
    return hasattr(session, "_jsc") and session.sparkContext.master.startswith("local")


def _current(session, key: str) -> str | None:
    try:
        return session.conf.get(key)  # with a default given, Spark returns it for a key left at Spark's default
    except Exception:  # noqa: BLE001 — a key with no value at all
        return None


def _bound_connect_retries(session) -> None:
    """A server that goes away mid-build is an error in seconds, not after 10 minutes of retries."""
    from pyspark.sql.connect.client.retries import DefaultPolicy

    session._client.set_retry_policies([DefaultPolicy(max_retries=CONNECT_RETRIES, max_backoff=2000)])


def _java_found() -> bool:
    home = os.environ.get("JAVA_HOME")
    return (Path(home) / "bin" / "java").exists() if home else shutil.which("java") is not None


def _start_failure(error: Exception, master: str | None, connect: bool) -> ClusterdwError:
    message = str(error).splitlines()[0] if str(error) else type(error).__name__
    where = master or DEFAULT_MASTER
    if connect:
        fix = "check the Spark Connect server's log; the server must run Spark 4, as pyspark does here"
    elif "JAVA_GATEWAY_EXITED" in message and not _java_found():
        home = os.environ.get("JAVA_HOME")
        fix = "install Java 17 and put it on the PATH, or set JAVA_HOME" + (
            f" (JAVA_HOME={home} has no bin/java)" if home else ""
        )
    else:
        fix = (
            "read Spark's messages above: a --conf it rejects, more spark.driver.memory than the machine "
            "has, or a master that refused the application"
        )
    return ClusterdwError(f"Spark did not start: {message}", where, fix)
