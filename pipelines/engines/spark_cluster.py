"""The cluster side of a Spark build: is the master there before anything is loaded, did executors
register, and a watchdog that ends a build that waits on a cluster that cannot run it (every executor
lost, a per-model or whole-build time limit). Each of these is a SparkClusterError (exit 69), never
the model's error (exit 4)."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from urllib.parse import urlparse

from ..errors import SparkClusterError

log = logging.getLogger(__name__)

CONNECT_SECONDS = 3.0  # a master on a working network answers a TCP connect in milliseconds
DEFAULT_PORTS = {"spark": 7077, "sc": 15002}
EXECUTOR_WAIT_SECONDS = 60.0  # a worker starts its executor in a few seconds
EXECUTOR_WAIT_ENV = "CLUSTERDW_SPARK_EXECUTOR_WAIT"
LOST_EXECUTORS_SECONDS = 30.0  # Spark waits for executors forever; a build waits this long with none

# Failures of the cluster, not of the model's SQL, as Spark and its clients word them
CLUSTER_FAILURES = (
    "SparkContext was shut down",
    "SparkContext has been shutdown",
    "ExecutorLostFailure",
    "cancelled",
    "Connection refused",
    "StatusCode.UNAVAILABLE",
    "Py4JNetworkError",
    "Answer from Java side is empty",
    "Failed to connect",
    "RpcTimeoutException",
    "OPERATION_CANCELED",
    "INVALID_HANDLE.SESSION_CLOSED",
)


def is_cluster_master(master: str | None) -> bool:
    return bool(master) and not master.startswith("local")


def check_reachable(master: str | None) -> None:
    """A TCP connect to spark://host:port (each host of an HA list) or sc://host:port, before raw/ is loaded:
    Spark's own client retries for 1 to 10 minutes before it says, vaguely, that it gave up."""
    if not master or "://" not in master:
        return  # local[N], yarn: nothing to dial
    scheme = master.split("://", 1)[0]
    if scheme not in DEFAULT_PORTS:
        return
    addresses = master.split("://", 1)[1].split("/", 1)[0].split(",")
    reasons = []
    for address in addresses:
        parsed = urlparse(f"//{address}")
        host, port = parsed.hostname or "localhost", parsed.port or DEFAULT_PORTS[scheme]
        try:
            with socket.create_connection((host, port), timeout=CONNECT_SECONDS):
                return
        except OSError as error:
            reasons.append(f"{host}:{port}: {error.strerror or error}")
    what = "Spark Connect server" if scheme == "sc" else "Spark master"
    raise SparkClusterError(
        f"no {what} answers at {master} ({'; '.join(reasons)})",
        "--master",
        f"start the {what} or correct --master (nothing was loaded or written)",
    )


def executor_count(session) -> int | None:
    """Executors registered with a classic session's driver (None on Spark Connect: the client cannot see them)."""
    if not hasattr(session, "_jsc"):
        return None
    return max(session._jsc.sc().getExecutorMemoryStatus().size() - 1, 0)  # the driver is listed too


def wait_for_executors(session, master: str, seconds: float | None = None) -> int:
    """At least one executor, or an error: a master without a free worker accepts the application and
    then runs nothing, for ever."""
    seconds = seconds or float(os.environ.get(EXECUTOR_WAIT_ENV) or EXECUTOR_WAIT_SECONDS)
    deadline = time.monotonic() + seconds
    while True:
        count = executor_count(session)
        if count is None:
            return count
        if count > 0:
            return _settled_count(session, count)
        if time.monotonic() > deadline:
            raise SparkClusterError(
                f"no executor registered with {master} in {seconds:.0f} s",
                "--master",
                "start a worker, or ask for what a worker has free (spark.executor.memory, "
                "spark.executor.cores, spark.cores.max: --conf key=value)",
            )
        time.sleep(0.5)


def _settled_count(session, count: int, quiet_seconds: float = 3.0) -> int:
    """The workers' executors register within a second or two of each other: count them all."""
    quiet_until = time.monotonic() + quiet_seconds
    while time.monotonic() < quiet_until:
        time.sleep(0.5)
        now = executor_count(session)
        if now > count:
            count, quiet_until = now, time.monotonic() + quiet_seconds
    return count


def cancel_all(session) -> None:
    try:
        if hasattr(session, "_jsc"):
            session.sparkContext.cancelAllJobs()
        else:
            session.interruptAll()
    except Exception:  # noqa: BLE001 — the session may be the thing that broke
        log.debug("cancelling Spark's jobs failed", exc_info=True)


class Watchdog:
    """Ends a build that cannot progress: a model over its time limit, the build over its own, or a
    cluster with no executor for LOST_EXECUTORS_SECONDS. It cancels Spark's jobs and keeps the reason,
    which the build raises in place of the exception Spark gives the cancelled call."""

    def __init__(
        self,
        session,
        build_seconds: float | None,
        model_seconds: float | None,
        watch_executors: bool,
        lost_seconds: float = LOST_EXECUTORS_SECONDS,
        poll: float = 1.0,
    ):
        self.session, self.model_seconds, self.lost_seconds, self.poll = session, model_seconds, lost_seconds, poll
        self.build_deadline = time.monotonic() + build_seconds if build_seconds else None
        self.watch_executors = watch_executors and executor_count(session) is not None
        self.model: str | None = None
        self.model_deadline: float | None = None
        self.reason: SparkClusterError | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="clusterdw-spark-watchdog", daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)

    def start_model(self, name: str) -> None:
        if self.reason is not None:
            raise self.reason
        self.model = name
        self.model_deadline = time.monotonic() + self.model_seconds if self.model_seconds else None

    def _run(self) -> None:
        without_executors_since = None
        while not self._stop.wait(self.poll):
            now = time.monotonic()
            if self.build_deadline and now > self.build_deadline:
                self._fail(
                    SparkClusterError(
                        "the build ran longer than its time limit",
                        "--timeout",
                        "raise --timeout, or give the cluster more executors",
                    )
                )
            elif self.model_deadline and now > self.model_deadline:
                self._fail(
                    SparkClusterError(
                        f"model {self.model} ran longer than its time limit",
                        "--model-timeout",
                        "raise --model-timeout, or give the cluster "
                        "more executors (a lost worker's tasks are re-run elsewhere)",
                    )
                )
            elif self.watch_executors:
                try:
                    count = executor_count(self.session)
                except Exception:  # noqa: BLE001 — a stopped context: the build's own call fails and says so
                    return
                without_executors_since = None if count else (without_executors_since or now)
                if without_executors_since and now - without_executors_since > self.lost_seconds:
                    self._fail(
                        SparkClusterError(
                            f"no executor left for {self.lost_seconds:.0f} s (every worker "
                            f"lost) while building {self.model}",
                            "--master",
                            "restart the cluster's workers, then build again",
                        )
                    )

    def _fail(self, reason: SparkClusterError) -> None:
        if self.reason is None:
            self.reason = reason
            log.error("%s: cancelling Spark's jobs", reason.what)
            cancel_all(self.session)
        self._stop.set()


def looks_like_cluster_failure(error: BaseException) -> bool:
    if isinstance(error, (ConnectionError, TimeoutError)) or type(error).__name__ == "Py4JNetworkError":
        return True
    text = str(error)
    return any(marker in text for marker in CLUSTER_FAILURES)
