"""SIGTERM (what cron, systemd and `kill` send) stops a run exactly as Ctrl-C does: it becomes SIGINT.

Python runs a signal handler only when the main thread is back in the interpreter, never while DuckDB
runs a query there, so a handler cannot stop a long load. The C-level handler does write the signal's
number to the wakeup fd at once, though; a thread reading it sends the process SIGINT, which DuckDB's
query, the build loop and Python code all answer already (the build removed, exit 130). The flag
tells the CLI to say "terminated" and exit 143 (128 + SIGTERM) instead.
"""

from __future__ import annotations

import os
import signal
import socket
import threading
from contextlib import contextmanager

EXIT_TERMINATED = 128 + signal.SIGTERM
_terminated, _interrupted = threading.Event(), threading.Event()


def was_terminated() -> bool:
    return _terminated.is_set()


def was_stopped() -> bool:
    """Whether Ctrl-C or SIGTERM came during the run: then whatever it raised is reported as that
    signal (a KeyboardInterrupt inside DuckDB's lazy import of numpy comes out as "numpy is required")."""
    return _terminated.is_set() or _interrupted.is_set()


def raise_if_stopped() -> None:
    """Stop at the next step when Ctrl-C or SIGTERM came and its KeyboardInterrupt was lost: raised inside a
    weakref callback or a __del__ (an import's module lock: "Exception ignored in …"), Python prints it and
    goes on, and the run went on into an endless build (seen once in CI)."""
    if was_stopped():
        raise KeyboardInterrupt


@contextmanager
def sigterm_as_ctrl_c():
    _terminated.clear()
    _interrupted.clear()
    if threading.current_thread() is not threading.main_thread():  # no handler can be set there
        yield
        return
    reader, writer = socket.socketpair()
    writer.setblocking(False)
    previous_handler = signal.signal(signal.SIGTERM, lambda *_: None)  # the C handler writes the fd
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)

    def watch() -> None:
        while data := reader.recv(64):
            if signal.SIGINT in data:
                _interrupted.set()
            if signal.SIGTERM in data and not _terminated.is_set():
                _terminated.set()
                os.kill(os.getpid(), signal.SIGINT)

    watcher = threading.Thread(target=watch, name="clusterdw-sigterm", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous_fd)
        signal.signal(signal.SIGTERM, previous_handler)
        writer.close()
        reader.shutdown(socket.SHUT_RDWR)  # ends the watcher's recv
        watcher.join(timeout=5)
        reader.close()
