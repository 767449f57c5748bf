"""Where a Spark build writes: `--spark-dir` as a URI that the driver and every executor read the same
way, whatever the cluster's default file system is (a path without a scheme is a local one, file://).

Only file systems whose rename is atomic are accepted: each table is written beside its place and
renamed into it. Object stores (s3a://, gs://, abfss://) copy on rename, so a reader could see half a
table: they are refused before anything is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from ..errors import ClusterdwError

RENAMING_SCHEMES = ("file", "hdfs", "viewfs")  # a folder's rename is one atomic metadata operation
OBJECT_STORES = ("s3", "s3a", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs", "oss", "cos", "r2")


@dataclass(frozen=True)
class SparkDir:
    uri: str  # no trailing slash: file:///abs/path or hdfs://namenode:8020/path
    local: Path | None  # the same folder on this machine, for file:// only

    def child(self, *parts: str) -> str:
        return "/".join([self.uri, *parts])

    def __str__(self) -> str:
        return str(self.local) if self.local is not None else self.uri


def parse_spark_dir(text: str | Path) -> SparkDir:
    """`text` as given to --spark-dir (or the project's default folder)."""
    text = str(text)
    scheme = urlparse(text).scheme.lower() if "://" in text else ""
    if scheme in ("", "file"):
        path = Path(urlparse(text).path if scheme else text).expanduser().resolve()
        return SparkDir(path.as_uri(), path)
    if scheme in OBJECT_STORES:
        raise ClusterdwError(
            f"--spark-dir {text}: object stores are not supported (each table is written beside "
            "its place and renamed into it, and an object store's rename is a copy that readers "
            "see half done)",
            "--spark-dir",
            "use a folder on a file system every executor mounts (file:///shared/...) or hdfs://",
        )
    if scheme not in RENAMING_SCHEMES:
        raise ClusterdwError(
            f"--spark-dir {text}: the scheme {scheme}:// is not supported",
            "--spark-dir",
            f"use one of {', '.join(s + '://' for s in RENAMING_SCHEMES)} or a local path",
        )
    return SparkDir(text.rstrip("/"), None)
