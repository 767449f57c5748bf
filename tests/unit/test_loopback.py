"""pipelines/engines/loopback.py without a JVM: a daemon that exits or never gets ready is an error naming
it with its log, and stop() ends its whole process group (a worker's executors are its children)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pipelines.engines.loopback import Daemon, LoopbackError, free_port


def test_a_daemon_that_exits_is_an_error_with_its_log(tmp_path):
    daemon = Daemon("master", ["sh", "-c", "echo no Java here; exit 3"], tmp_path, dict(os.environ))
    with pytest.raises(LoopbackError, match=r"(?s)master exited \(3\):.*no Java here"):
        daemon.wait_for_port(free_port(), seconds=30)


def test_a_daemon_not_ready_in_time_is_an_error(tmp_path):
    daemon = Daemon("worker-1", ["sleep", "30"], tmp_path, dict(os.environ))
    try:
        with pytest.raises(LoopbackError, match="worker-1: 'Successfully registered' in its log not within 1 s"):
            daemon.wait_for_line("Successfully registered", seconds=1)
    finally:
        daemon.stop()


def test_stop_ends_the_daemon_and_its_children(tmp_path):
    child = tmp_path / "child"
    daemon = Daemon("worker-1", ["sh", "-c", f"sleep 300 & echo $! > {child}; wait"], tmp_path, dict(os.environ))
    deadline = time.monotonic() + 10
    while not (child.is_file() and child.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    pid = int(child.read_text())
    daemon.stop()
    assert daemon.process.poll() is not None
    time.sleep(0.2)
    assert not _running(pid)  # the group's other member, as a worker's executor would be


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's exit status waits for whoever adopted it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"
