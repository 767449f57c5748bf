"""The fault-injection harness: a disk of a given size, and a run killed at a named point of its way.

- small_disk(path, size): a tmpfs of `size` mounted at `path` (an empty folder) for the block, where the
  platform allows it (Linux, root); else the test is skipped, saying why.
- run_process(project, *args, fault_at=...): `python -m pipelines ...` in a process of its own, with
  CLUSTERDW_FAULT_AT set: the process kills itself with SIGKILL at that point (pipelines/faults).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from pipelines.faults import FAULT_ENV

from helpers import REPO


@contextmanager
def small_disk(path: Path, size: str):
    path.mkdir(parents=True, exist_ok=True)
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a tmpfs of a given size needs Linux and root (mount -t tmpfs)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def run_process(
    project: Path, *args: str, fault_at: str | None = None, timeout: float = 180, env: dict | None = None
) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != FAULT_ENV} | (env or {})
    if fault_at:
        environment[FAULT_ENV] = fault_at
    return subprocess.run(
        [sys.executable, "-m", "pipelines", "--project-dir", str(project), *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("Error: ")]
