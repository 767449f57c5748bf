"""How to make a folder of many small files durable, measured: `python folder_sync.py N FOLDER [WAY...]`.

Writes N files of 8 KB (the report site's mean file size) into a new folder under FOLDER, then forces
them to disk one way, then fsyncs the folder; prints the seconds of each. The ways: an fsync of each
file (the journal commits once per file), fdatasync of each, 32 fsyncs in flight at once (the journal
commits those waiting together), one syncfs(2) of the filesystem (Linux). publish/durable.py's TreeSync
uses syncfs where it reports write-back errors (Linux 5.8+), else the threaded fsyncs.
"""

import ctypes
import os
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PAYLOAD = b"x" * 8000


def each(folder: Path, sync) -> None:
    for path in folder.iterdir():
        handle = os.open(path, os.O_RDONLY)
        try:
            sync(handle)
        finally:
            os.close(handle)


def threaded(folder: Path) -> None:
    with ThreadPoolExecutor(32) as pool:
        list(pool.map(each_one, list(folder.iterdir())))


def each_one(path: Path) -> None:
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def syncfs(folder: Path) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    handle = os.open(folder, os.O_RDONLY)
    try:
        if libc.syncfs(handle) != 0:
            raise OSError(ctypes.get_errno(), "syncfs")
    finally:
        os.close(handle)


WAYS = {
    "fsync each": lambda folder: each(folder, os.fsync),
    "fdatasync each": lambda folder: each(folder, os.fdatasync),
    "fsync each, 32 threads": threaded,
    "syncfs once": syncfs,
}


def main() -> int:
    n, root, ways = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] or list(WAYS)
    for way in ways:
        folder = root / f"folder-sync-{time.time_ns()}"
        os.sync()  # start each way with nothing else dirty
        started = time.perf_counter()
        folder.mkdir()
        for i in range(n):
            (folder / f"f{i}.html").write_bytes(PAYLOAD)
        written = time.perf_counter()
        WAYS[way](folder)
        each_one(folder)
        synced = time.perf_counter()
        print(f"{n} files: {way:24s} write {written - started:6.2f} s  sync {synced - written:7.2f} s", flush=True)
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
