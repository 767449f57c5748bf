"""Fixtures, one meaning each. Every test works in a temporary folder, never in the real target/.

  project        a fresh copy of the real project's inputs (raw/, staging/, marts/, checks/), nothing built
  built          the real project after `clusterdw run --no-docs`: its published target/warehouse.duckdb;
                 one copy per test module, for reading
  built_project  the same, one copy per test, for a test to break
  fast_built_project  the real project without its GX suites (an empty checks/, no data_tests in the models' .yml:
                 helpers.fast_project) after `clusterdw run --no-docs`,
                 one copy per test, for a test to break: for claims about what a run does around its checks
                 (the load, the publish, locks, faults, the run history), where validation is beside the point
                 and would cost most of each run's seconds
  dev_built      the real project after `clusterdw build`: its dev file target/warehouse.dev.duckdb (loaded
                 and built, not validated); one copy per test module
  first_run      (folder, click Result) of the session's run, for tests of what a first run says and writes
  cli            clusterdw in-process: cli(project, "run", "--no-docs") -> click Result
  spark          one local[2] SparkSession per test session (per pytest-xdist worker), which `build --engine
                 spark` and `test --engine spark` run in-process find and use; the modules that use it
                 share the xdist group helpers.SPARK_LOCAL, so one worker starts it

No test module redefines these names: a module's own fixture gets a name of its own.

The run and the build happen once per test session (once per pytest-xdist worker) and are copied from
there. Shared helpers live in helpers.py; they are re-exported here for test files that still import
them from conftest."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from helpers import copy_project, fast_project, invoke

# A pytest-xdist worker's __main__ has neither __spec__ nor __file__, which pyspark's Spark Connect module
# (imported by GX) takes for a doctest run and answers with sys.exit(0) when grpc is absent: the worker's
# first validation would exit 0 with nothing done. Give it the file a plain pytest's __main__ has.
_main = sys.modules["__main__"]
if getattr(_main, "__spec__", None) is None and not hasattr(_main, "__file__"):
    _main.__file__ = "pytest-xdist worker"

# Test files at tests/ top level (new ones, not yet sorted into unit/ or functional/) are collected
# as they are; the folders only sort what make test-fast runs.


def pytest_configure(config):
    """pytest 9.2 makes xdist's --dist loadgroup drop every xdist_group without a word (pytest-xdist issue
    1386): each worker would start its own Spark session and cluster. Refuse it with the fix, not run slow."""
    if hasattr(config, "workerinput") or config.getoption("dist", "no") != "loadgroup":
        return
    if not config.getoption("numprocesses", None):
        return
    if tuple(int(part) for part in pytest.__version__.split(".")[:2]) >= (9, 2):
        raise pytest.UsageError(
            f"--dist loadgroup does not group tests on pytest {pytest.__version__} (pytest-xdist issue 1386) — "
            "pyproject.toml's dev extra — install the pytest it asks for: pip install -e '.[dev]'"
        )


def _built_once(tmp_path_factory, name: str, made: str, *args: str, copy=copy_project):
    root = copy(tmp_path_factory.mktemp(name) / "project")
    result = invoke(root, *args)
    assert result.exit_code == 0, result.output
    assert (root / "target" / made).is_file(), f"exit 0 but no target/{made}: {result.output}"
    return root, result


@pytest.fixture(scope="session")
def first_run(tmp_path_factory):
    """The session's one `clusterdw run --no-docs` of a fresh copy: (its project folder, its click Result),
    for tests of what a first run says and writes. Never changed: read it, or use the fixtures below."""
    return _built_once(tmp_path_factory, "published", "warehouse.duckdb", "run", "--no-docs")


@pytest.fixture(scope="session")
def published_once(first_run) -> Path:
    """The real project run once per session. Never changed: the fixtures below copy it."""
    return first_run[0]


@pytest.fixture(scope="session")
def fast_published_once(tmp_path_factory) -> Path:
    """The real project without its GX suites run once per session. Never changed: copied below."""
    return _built_once(tmp_path_factory, "fast_published", "warehouse.duckdb", "run", "--no-docs", copy=fast_project)[0]


@pytest.fixture(scope="session")
def report_once(published_once, tmp_path_factory) -> Path:
    """The report's folder for the published warehouse, built once per session (the report and site tests
    read it). Never changed: copy it to change it."""
    from pipelines.report import build_report

    warehouse = published_once / "target" / "warehouse.duckdb"
    return build_report(warehouse, tmp_path_factory.mktemp("report") / "report").parent


@pytest.fixture(scope="session")
def dev_built_once(tmp_path_factory) -> Path:
    """The real project loaded and built once per session into its dev file. Never changed."""
    return _built_once(tmp_path_factory, "dev_built", "warehouse.dev.duckdb", "build")[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real project (inputs, models, suites) in a temporary folder."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="module")
def built(published_once, tmp_path_factory) -> Path:
    """The real project with its published warehouse, copied once per test module."""
    return shutil.copytree(published_once, tmp_path_factory.mktemp("built") / "project")


@pytest.fixture
def built_project(published_once, tmp_path) -> Path:
    """A copy of the built project, for a test to break."""
    return shutil.copytree(published_once, tmp_path / "project")


@pytest.fixture
def fast_built_project(fast_published_once, tmp_path) -> Path:
    """A copy of the published project without GX suites, for a test to break (see the module's docstring)."""
    return shutil.copytree(fast_published_once, tmp_path / "project")


@pytest.fixture(scope="module")
def dev_built(dev_built_once, tmp_path_factory) -> Path:
    """The real project with its dev file loaded and built, copied once per test module."""
    return shutil.copytree(dev_built_once, tmp_path_factory.mktemp("dev_built") / "project")


@pytest.fixture
def cli():
    """Run clusterdw in-process: cli(project, "run", "--no-docs") -> click Result."""
    return invoke


@pytest.fixture(scope="session")
def spark(tmp_path_factory):
    """One local[2] SparkSession for the session's in-process Spark runs, stopped at its end."""
    pytest.importorskip("pyspark", reason="pyspark is the optional extra .[spark]; `make test` installs it")
    from pipelines.engines.spark_session import PARTITIONS_ENV, start_session

    os.environ.setdefault(PARTITIONS_ENV, "2")  # tiny tables: fewer tasks, quicker jobs
    session, _ = start_session("local[2]", tmp_path_factory.mktemp("spark-warehouse"))
    yield session
    session.stop()
