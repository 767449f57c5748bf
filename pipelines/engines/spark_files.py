"""List, rename, delete and count a Spark build's folders where the cluster sees them.

A classic session (local[N], spark://, yarn, spark-submit) goes through Hadoop's FileSystem in Spark's
JVM, so hdfs:// works as file:// does. A Spark Connect client has no JVM: it works on file:// folders
only, through this machine's file system, which must be the one the server's executors mount."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from urllib.parse import urlparse

from ..errors import ClusterdwError
from .spark_location import SparkDir
from .spark_outputs import TEMP_PREFIX


class LocalFiles:
    """file:// folders through this machine's file system (Spark Connect, or before a session starts)."""

    def _path(self, uri: str) -> Path:
        return Path(urlparse(uri).path)

    def exists(self, uri: str) -> bool:
        return self._path(uri).exists()

    def mkdirs(self, uri: str) -> None:
        self._path(uri).mkdir(parents=True, exist_ok=True)

    def rename(self, source: str, target: str) -> None:
        self._path(source).rename(self._path(target))

    def delete(self, uri: str) -> None:
        shutil.rmtree(self._path(uri), ignore_errors=True)

    def names(self, uri: str) -> list[str]:
        path = self._path(uri)
        return sorted(p.name for p in path.iterdir()) if path.is_dir() else []

    def put(self, local: Path, uri: str) -> None:
        """A folder written on this machine, moved to `uri`."""
        if local != self._path(uri):
            shutil.move(str(local), self._path(uri))

    def count_rows(self, uri: str) -> int:
        """From the Parquet footers: no Spark job."""
        import pyarrow.parquet as pq

        return sum(pq.ParquetFile(part).metadata.num_rows for part in self._path(uri).glob("*.parquet"))


class HadoopFiles:
    """Any folder Hadoop's FileSystem reaches (file://, hdfs://), through the classic session's JVM."""

    def __init__(self, session):
        self.session = session
        self._jvm = session._jvm
        self._conf = session._jsc.hadoopConfiguration()

    def _fs_path(self, uri: str):
        path = self._jvm.org.apache.hadoop.fs.Path(uri)
        return path.getFileSystem(self._conf), path

    def exists(self, uri: str) -> bool:
        fs, path = self._fs_path(uri)
        return fs.exists(path)

    def mkdirs(self, uri: str) -> None:
        fs, path = self._fs_path(uri)
        fs.mkdirs(path)

    def rename(self, source: str, target: str) -> None:
        fs, path = self._fs_path(source)
        if not fs.rename(path, self._jvm.org.apache.hadoop.fs.Path(target)):  # Hadoop says False, not why
            raise ClusterdwError(
                f"could not rename {source} to {target}",
                target,
                "check that the folder is writable and that nothing else writes there",
            )

    def delete(self, uri: str) -> None:
        fs, path = self._fs_path(uri)
        fs.delete(path, True)

    def names(self, uri: str) -> list[str]:
        fs, path = self._fs_path(uri)
        if not fs.exists(path):
            return []
        return sorted(status.getPath().getName() for status in fs.listStatus(path))

    def put(self, local: Path, uri: str) -> None:
        fs, path = self._fs_path(uri)
        if path.toUri().getScheme() == "file" and Path(path.toUri().getPath()) == local:
            return
        fs.copyFromLocalFile(True, True, self._jvm.org.apache.hadoop.fs.Path(local.as_uri()), path)

    def count_rows(self, uri: str) -> int:
        """From the Parquet footers, read by the driver through Hadoop: no Spark job (a count job per model
        cost a second or more of scheduling, more than the footers of a few files take)."""
        fs, path = self._fs_path(uri)
        parquet = self._jvm.org.apache.parquet.hadoop
        total = 0
        for status in fs.listStatus(path):
            part = status.getPath()
            if not part.getName().endswith(".parquet"):
                continue
            reader = parquet.ParquetFileReader.open(parquet.util.HadoopInputFile.fromPath(part, self._conf))
            try:
                total += reader.getRecordCount()
            finally:
                reader.close()
        return total


def files_for(session) -> LocalFiles | HadoopFiles:
    return HadoopFiles(session) if hasattr(session, "_jsc") else LocalFiles()


def temp_uri_for(final: str) -> str:
    parent, name = final.rsplit("/", 1)
    return f"{parent}/{TEMP_PREFIX}{name}-{uuid.uuid4().hex[:8]}"


def replace_folder(files, temp: str, final: str) -> None:
    """A fully written folder in place of the old one: two renames (a folder cannot be renamed over a
    non-empty one), the old folder deleted only after the new one is in its place."""
    old = None
    if files.exists(final):
        old = temp_uri_for(final).replace(TEMP_PREFIX, f"{TEMP_PREFIX}old-", 1)
        files.rename(final, old)
    files.rename(temp, final)
    if old is not None:
        files.delete(old)


def remove_stale_folders(files, spark_dir: SparkDir) -> None:
    """Folders left half-written by a build that was killed."""
    for schema in files.names(spark_dir.uri):
        for name in files.names(spark_dir.child(schema)):
            if name.startswith(TEMP_PREFIX):
                files.delete(spark_dir.child(schema, name))
