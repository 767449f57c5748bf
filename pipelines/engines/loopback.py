"""A Spark standalone cluster and a Spark Connect server on 127.0.0.1, started from pyspark's own launcher
(bin/spark-class, bin/spark-submit): what the cluster tests (tests/functional/test_spark_cluster.py) and
`make bench-spark` build on. A build never uses this module.

Each daemon is one JVM in its own process group (a worker's executors are its children and go with it),
listens on a free port, logs to <log_dir>/<name>.log, and is stopped by stop() with its whole group."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path


class LoopbackError(RuntimeError):
    """A daemon exited, or did not get ready in time; the message ends with its log's last lines."""


def spark_home() -> Path:
    import pyspark

    return Path(pyspark.__file__).parent


def loopback_env(**extra: str) -> dict[str, str]:
    """The environment of the daemons (and of the builds that use them): Spark's home, on 127.0.0.1."""
    return {**os.environ, "SPARK_HOME": str(spark_home()), "SPARK_LOCAL_IP": "127.0.0.1", **extra}


def free_port() -> int:
    """A port nothing listens on once this returns (the probe socket is closed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


class Daemon:
    """One JVM started in its own process group."""

    def __init__(self, name: str, args: list[str], log_dir: Path, env: dict[str, str]):
        self.name, self.log = name, log_dir / f"{name}.log"
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        self.pid = self.process.pid

    def wait_until(self, ready, what: str, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while not ready():
            if self.process.poll() is not None:
                raise LoopbackError(f"{self.name} exited ({self.process.returncode}):\n{self.tail()}")
            if time.monotonic() > deadline:
                raise LoopbackError(f"{self.name}: {what} not within {seconds:.0f} s:\n{self.tail()}")
            time.sleep(0.2)

    def wait_for_port(self, port: int, seconds: float = 180) -> None:
        self.wait_until(lambda: listening(port), f"listening on {port}", seconds)

    def wait_for_line(self, text: str, seconds: float = 180) -> None:
        self.wait_until(lambda: text in self.log.read_text(errors="replace"), f"{text!r} in its log", seconds)

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.pid, signal.SIGKILL)
                self.process.wait()
        try:  # the group's other members (a worker's executor) may outlive the leader
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class Loopback:
    """The daemons started so far, stopped in reverse order by stop() (or on leaving a `with` block)."""

    def __init__(self, log_dir: Path, env: dict[str, str] | None = None):
        self.log_dir, self.env = log_dir, env or loopback_env()
        self.home = Path(self.env["SPARK_HOME"])
        self.daemons: list[Daemon] = []
        self.master_url: str | None = None

    def __enter__(self) -> Loopback:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _start(self, name: str, args: list[str]) -> Daemon:
        daemon = Daemon(name, args, self.log_dir, self.env)
        self.daemons.append(daemon)
        return daemon

    def _spark_class(self, main_class: str, *args: str) -> list[str]:
        return [str(self.home / "bin" / "spark-class"), main_class, *args]

    def start_master(self) -> str:
        """A standalone master; its URL, spark://127.0.0.1:PORT."""
        port = free_port()
        master = self._start(
            "master",
            self._spark_class(
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--webui-port",
                str(free_port()),
            ),
        )
        master.wait_for_port(port)
        self.master_url = f"spark://127.0.0.1:{port}"
        return self.master_url

    def add_worker(self, name: str, cores: int = 1, memory: str = "1g") -> tuple[Daemon, Path]:
        """A worker registered with the master: (its daemon, its work folder, where each application's
        executor logs land as <work>/<app-id>/<executor>/stderr)."""
        work = self.log_dir / f"{name}-work"
        work.mkdir(parents=True, exist_ok=True)
        worker = self._start(
            name,
            self._spark_class(
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--port",
                str(free_port()),
                "--webui-port",
                str(free_port()),
                "--cores",
                str(cores),
                "--memory",
                memory,
                "--work-dir",
                str(work),
                self.master_url,
            ),
        )
        worker.wait_for_line("Successfully registered with master")
        return worker, work

    def start_connect_server(self, driver_memory: str = "1g") -> str:
        """A Spark Connect server (pyspark's wheel ships its jar), local[1] inside it: sc://127.0.0.1:PORT."""
        port = free_port()
        server = self._start(
            "connect",
            [
                str(self.home / "bin" / "spark-submit"),
                "--class",
                "org.apache.spark.sql.connect.service.SparkConnectServer",
                "--master",
                "local[1]",
                "--driver-memory",
                driver_memory,
                "--conf",
                f"spark.connect.grpc.binding.port={port}",
                "--conf",
                "spark.connect.grpc.binding.address=127.0.0.1",
                "--conf",
                "spark.ui.enabled=false",
            ],
        )
        server.wait_for_port(port)
        return f"sc://127.0.0.1:{port}"

    def pgids(self) -> list[int]:
        return [daemon.pid for daemon in self.daemons]

    def stop(self) -> None:
        for daemon in reversed(self.daemons):
            daemon.stop()
