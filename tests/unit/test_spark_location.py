"""--spark-dir as a URI and --conf as key=value: checked before anything runs (no Spark needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.engines.spark_location import parse_spark_dir
from pipelines.engines.spark_session import parse_confs
from pipelines.errors import ClusterdwError


def test_a_local_path_becomes_a_file_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    location = parse_spark_dir("out/spark")
    assert location.local == tmp_path / "out" / "spark"
    assert location.uri == f"file://{tmp_path}/out/spark"  # what Spark is given, whatever its default FS
    assert parse_spark_dir(location.uri).local == location.local
    assert location.child("marts", "dim_city") == f"file://{tmp_path}/out/spark/marts/dim_city"


def test_hdfs_is_passed_as_it_is():
    location = parse_spark_dir("hdfs://namenode:8020/clusterdw/spark/")
    assert location.uri == "hdfs://namenode:8020/clusterdw/spark" and location.local is None


@pytest.mark.parametrize("uri", ["s3a://bucket/x", "gs://bucket/x", "abfss://c@a.dfs.core.windows.net/x"])
def test_an_object_store_is_refused(uri):
    with pytest.raises(ClusterdwError) as caught:
        parse_spark_dir(uri)
    assert caught.value.one_line().startswith(f"--spark-dir {uri}: object stores are not supported")
    assert not Path(uri.split("://")[0] + ":").exists()


def test_an_unknown_scheme_is_refused():
    with pytest.raises(ClusterdwError) as caught:
        parse_spark_dir("ftp://host/x")
    assert caught.value.one_line() == (
        "--spark-dir ftp://host/x: the scheme ftp:// is not supported — --spark-dir — "
        "use one of file://, hdfs://, viewfs:// or a local path"
    )


def test_conf_pairs():
    assert parse_confs(["spark.executor.memory=2g", "spark.sql.shuffle.partitions = 8"]) == {
        "spark.executor.memory": "2g",
        "spark.sql.shuffle.partitions": "8",
    }
    for bad in ["spark.executor.memory", "executor.memory=2g"]:
        with pytest.raises(ClusterdwError, match="expected key=value with a Spark key"):
            parse_confs([bad])
