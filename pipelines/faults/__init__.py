"""What a run does when the world fails it: a full disk, SIGTERM, and named points where tests kill it.

fault_point(name) is the hook of tests/faults.py: with CLUSTERDW_FAULT_AT=<name> in the environment
the process kills itself with SIGKILL there, as a power loss or the OOM killer would, so a test can
show that a run stopped at any step leaves the last good warehouse and that the next run succeeds.
"""

from __future__ import annotations

import os
import signal

FAULT_ENV = "CLUSTERDW_FAULT_AT"
# The points a run passes, in order (tests/functional/test_faults.py kills a run at each one).
FAULT_POINTS = ("load", "build", "validate", "before-rename", "after-rename", "export")


def fault_point(name: str) -> None:
    if os.environ.get(FAULT_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
