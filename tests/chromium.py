"""Debian's chromium, headless: load a page, dump its DOM after scripts ran, take a screenshot.

Used by tests/functional/test_report.py and test_site.py, and to refresh the screenshots of the site (docs/site-*.png):
    .venv/bin/python tests/chromium.py target/report/index.html docs/site-index.png
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# as root in a container: no sandbox, no GPU; nothing fetched from the network
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--virtual-time-budget=20000",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]  # the page must need no host: none resolves


def find() -> str | None:
    return next((path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None)


def _run(page: Path, *options: str, timeout: int = 120) -> subprocess.CompletedProcess:
    browser = find()
    if browser is None:
        raise FileNotFoundError("chromium is not installed (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory(prefix="clusterdw-chromium-") as profile:
        return subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile}", *options, page.absolute().as_uri()],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )


def dump_dom(page: Path) -> str:
    """The page's DOM once its scripts ran (virtual time lets the charts' promises settle)."""
    return _run(page, "--dump-dom").stdout


def screenshot(page: Path, png: Path, width: int = 1400, height: int = 3200) -> Path:
    _run(page, f"--window-size={width},{height}", f"--screenshot={Path(png).absolute()}")
    return png


if __name__ == "__main__":
    print(screenshot(Path(sys.argv[1]), Path(sys.argv[2])))
