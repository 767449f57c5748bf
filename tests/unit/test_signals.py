"""A Ctrl-C or SIGTERM stops the run even when Python swallows its KeyboardInterrupt (pipelines/faults/signals.py)."""

from __future__ import annotations

import subprocess
import sys

from helpers import REPO

# In a process of its own (it signals itself): SIGTERM arrives, its KeyboardInterrupt is swallowed as Python
# swallows one raised in a weakref callback (an import's module lock), then the next step starts.
SWALLOWED = """
import os, signal, time, types
from pipelines.faults.signals import sigterm_as_ctrl_c
from pipelines.runner import timed
with sigterm_as_ctrl_c():
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)
        print("no interrupt")
    except KeyboardInterrupt:
        pass  # "Exception ignored in: <function _get_module_lock.<locals>.cb ...>": the run goes on
    try:
        with timed(types.SimpleNamespace(step_seconds={}), "build"):
            print("the build started")
    except KeyboardInterrupt:
        print("stopped before the build")
"""


def test_a_signal_whose_interrupt_python_swallowed_stops_the_run_at_its_next_step():
    done = subprocess.run([sys.executable, "-c", SWALLOWED], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["stopped before the build"], done.stdout
