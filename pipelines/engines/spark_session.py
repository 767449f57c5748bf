"""A SparkSession for a build: local (`local[2]`), a cluster's master (`spark://...`, `yarn`), or a
Spark Connect server (`sc://...`). pyspark is an optional extra; it is imported only here."""

from __future__ import annotations

import logging
import os
import time
import warnings
from pathlib import Path

from ..errors import ClusterdwError
from ..publish.safe_open import open_own

log = logging.getLogger(__name__)

DEFAULT_MASTER = "local[2]"
DRIVER_MEMORY_ENV = "CLUSTERDW_SPARK_DRIVER_MEMORY"  # a local driver's heap; read once, when the JVM starts

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


def require_pyspark():
    """SparkSession, or a clear error if the .[spark] extra is not installed (checked before any work)."""
    try:
        with warnings.catch_warnings():  # pyspark 4 warns on import that it does not yet support pandas 3
            warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")
            import pyspark.sql  # noqa: F401
    except ImportError as error:
        raise ClusterdwError("pyspark is not installed", "--engine spark",
                             "install the extra: pip install -e '.[spark]' (and Java 17 for a local master)") from error
    from pyspark.sql import SparkSession

    return SparkSession


def start_session(master: str | None = None, warehouse_dir: Path | None = None):
    """(session, seconds it took to start). Under spark-submit (no --master) the session spark-submit
    set up is used as it is; `sc://` connects to a Spark Connect server; anything else is a master URL.
    `warehouse_dir`: Spark's own catalog folder (never used by the build, but Spark creates it, by default
    in the current directory)."""
    SparkSession = require_pyspark()
    started = time.perf_counter()
    builder = SparkSession.builder.appName("clusterdw")
    if master and master.startswith("sc://"):
        builder = builder.remote(master)
    else:
        if master or not os.environ.get("PYSPARK_GATEWAY_PORT"):  # not under spark-submit: we choose
            builder = builder.master(master or DEFAULT_MASTER)
        builder = (builder
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", os.environ.get("CLUSTERDW_SPARK_PARTITIONS", "4"))
                   .config("spark.sql.session.timeZone", "UTC")
                   .config("spark.driver.memory", os.environ.get(DRIVER_MEMORY_ENV, "4g")))
        if warehouse_dir is not None:
            warehouse = Path(warehouse_dir).resolve()
            warehouse.mkdir(parents=True, exist_ok=True)
            log_config = warehouse / "log4j2.properties"
            with open_own(log_config, "a+") as handle:  # never through a link planted there
                handle.seek(0)
                handle.truncate()
                handle.write(LOG4J2)
            builder = (builder.config("spark.sql.warehouse.dir", str(warehouse))
                       .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={log_config}"))
    try:
        with warnings.catch_warnings():  # pyspark 4 warns again, at the start, of pandas 3
            warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")
            session = builder.getOrCreate()
    except Exception as error:  # pyspark raises its own classes, and plain ones, when Java is missing
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ClusterdwError(f"Spark did not start: {message}", master or DEFAULT_MASTER,
                             "install Java 17 and set JAVA_HOME for a local master, or check the master's "
                             "URL and that the cluster or Spark Connect server is reachable") from error
    if not (master and master.startswith("sc://")):
        session.sparkContext.setLogLevel("ERROR")  # Spark's WARN lines are noise beside clusterdw's output
    # pyspark logs each failed query, JVM stack and all, on stderr; the build reports it in one line
    logging.getLogger("SQLQueryContextLogger").setLevel(logging.CRITICAL)
    seconds = time.perf_counter() - started
    log.info("spark session on %s: %.2fs", master or DEFAULT_MASTER, seconds)
    return session, seconds
