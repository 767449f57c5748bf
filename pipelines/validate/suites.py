"""Run the Great Expectations suites on the built tables; critical failures stop publish.

A table's suite is the data tests declared beside its model (`data_tests:` in the model's .yml,
compiled by declared.py) plus checks/<table>.json, in GX's JSON format with, in `meta.clusterdw`,
the table it checks (`table`). Where an expectation needs a column only SQL can compute (a join, a
plausible range from the metric catalogue), the frame it validates is the one SELECT of
checks/<table>.sql, or of checks/shared/<name>.sql where suites validate alike (`frame`: <name>).
GX's pandas datasource validates frames pulled from DuckDB (its SQL datasource does not work on
DuckDB). GX is imported here only: it takes seconds to import.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import ClusterdwError, ValidationFailed
from ..models.descriptions import read_doc
from ..sql import qualified, quote
from ..text_files import read_text
from .declared import compile_suite, narrow_lookup
from .kinds import columns_of
from .optimizers import disable_slow_optimizers

SHARED_FRAMES = "shared"  # checks/shared/<name>.sql: a frame several suites name in meta.clusterdw.frame
SHARED_FRAME_NAME = re.compile(r"[a-z_][a-z0-9_]*")

log = logging.getLogger(__name__)

COUNTED = "__clusterdw_counted"  # a temporary table of the counting pass's one row
FRAMES_AHEAD_BYTES = 256 * 2**20  # frames read ahead of validation wait in memory up to this size


@dataclass
class ExpectationResult:
    suite: str
    table: str
    expectation: str
    column: str | None
    severity: str
    success: bool
    unexpected_count: int | None
    sample: str | None
    note: str | None
    # every failing row by the table's key (its unique column or columns) and, for a figure, the raw
    # file and line it was read from: [{"figure_id": "003-017", "source": "raw/figures/x.csv:19"}, ...]
    failing_rows: list[dict] | None = None
    declared_in: str | None = None  # the model's .yml (file:line) of a test declared there, else the suite's file


@dataclass
class SuiteSummary:
    suite: str
    table: str
    rows: int
    passed: int
    warned: int
    failed: int
    skipped: bool = False  # its tables are not built in this (partially built) dev file
    # the suite's wall time in its two parts: DuckDB computing its frame (the SQL: joins, windows, the
    # suspects' counting pass), on the frames' worker thread, and GX validating that frame
    frame_seconds: float = 0.0
    gx_seconds: float = 0.0

    @property
    def seconds(self) -> float:
        """Both parts: they overlap across suites (the next frame is read while GX validates), not within one."""
        return round(self.frame_seconds + self.gx_seconds, 3)

    @property
    def outcome(self) -> str:
        if self.skipped:
            return "skipped"
        return "failed" if self.failed else "warned" if self.warned else "passed"


@dataclass
class Suite:
    name: str
    path: Path
    table: str
    frame_sql: str
    definition: dict


def key_columns(definition: dict) -> list[str]:
    """The suite's table key: the column, or columns, of its first uniqueness expectation (its grain)."""
    for expectation in definition.get("expectations", []):
        kwargs = expectation.get("kwargs", {})
        if expectation.get("type") == "expect_column_values_to_be_unique":
            return [kwargs["column"]]
        if expectation.get("type") == "expect_compound_columns_to_be_unique":
            return list(kwargs["column_list"])
    return []


def table_rows(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Each table of the connection's database (schema.table) and its row count as DuckDB estimates it."""
    return dict(
        con.execute(
            "select schema_name || '.' || table_name, estimated_size from duckdb_tables() "
            "where database_name = current_database()"
        ).fetchall()
    )


def read_suites(project_dir: Path, only: list[str] | None = None, rows: dict[str, int] | None = None) -> list[Suite]:
    """Every suite: checks/<table>.json (GX's format, no SQL), its frame's SQL in checks/<table>.sql
    where it needs one, and the data tests declared in the model's .yml compiled in (declared.py).
    A model with declared tests and no .json gets a suite of its own. `rows` (table_rows) only chooses
    how a declared lookup is computed (declared.narrow_lookup), never its result."""
    suites = []
    paths = {path.stem: path for path in sorted((project_dir / "checks").glob("*.json"))}
    for folder in ("staging", "marts"):
        for model in sorted((project_dir / folder).glob("*.sql")):
            if model.stem not in paths and read_doc(model).tests:
                paths[model.stem] = model.with_suffix(".yml")
    for name, path in sorted(paths.items()):
        suite = _read_suite(project_dir, name, path, rows or {})
        if only is None or suite.table in only or suite.table.split(".")[-1] in only:
            suites.append(suite)
    return suites


def _read_suite(project_dir: Path, name: str, path: Path, rows: dict[str, int]) -> Suite:
    if path.suffix == ".yml":  # declared tests only
        definition, table = {"name": name, "expectations": []}, f"{path.parent.name}.{name}"
    else:
        try:
            definition = json.loads(read_text(path))
        except json.JSONDecodeError as error:
            raise ClusterdwError(
                f"suite is not valid JSON: {error.msg}", f"{path}:{error.lineno}", "fix the JSON"
            ) from error
        settings = (definition.get("meta") or {}).get("clusterdw") or {}
        table = settings.get("table")
        if not table:
            raise ClusterdwError("suite names no table", path, 'add "meta": {"clusterdw": {"table": "schema.table"}}')
        definition.setdefault("name", name)
    frame_sql, frame_path = _frame_sql_of(project_dir, name, path, definition, table)
    _refuse_other_than_one_select(frame_sql, frame_path)
    model = project_dir / str(table).split(".")[0] / f"{str(table).split('.')[-1]}.sql"
    declared = read_doc(model).tests if model.is_file() else []
    if declared:
        narrowed = frozenset(
            t.args["to"]
            for t in declared
            if t.test == "relationships" and narrow_lookup(rows.get(str(table)), rows.get(t.args["to"]))
        )
        expectations, frame_sql = compile_suite(declared, frame_sql, narrowed)
        definition = {**definition, "expectations": expectations + list(definition.get("expectations", []))}
    return Suite(name, path, table, frame_sql, definition)


def _frame_sql_of(project_dir: Path, name: str, path: Path, definition: dict, table: str) -> tuple[str, Path]:
    """The SQL of the frame a suite validates: checks/<name>.sql where the suite needs one (a join, a
    computed column), else the table. A suite written before the .sql files may still hold it in
    meta.clusterdw.frame_sql (a string, or its lines)."""
    settings = (definition.get("meta") or {}).get("clusterdw") or {}
    legacy = settings.get("frame_sql")
    own = project_dir / "checks" / f"{name}.sql"
    if "frame" in settings:
        if legacy or own.exists():
            raise ClusterdwError(
                f"the suite's frame SQL is written twice: in meta.clusterdw.frame and in "
                f"{'meta.clusterdw.frame_sql' if legacy else own.name}",
                path,
                "keep meta.clusterdw.frame only",
            )
        return _shared_frame(project_dir, path, settings["frame"], table)
    if legacy and own.exists():
        raise ClusterdwError(
            f"the suite's frame SQL is written twice: in meta.clusterdw.frame_sql and in {own.name}",
            path,
            f"keep it in checks/{own.name} only",
        )
    if legacy:
        return ("\n".join(legacy) if isinstance(legacy, list) else legacy), path
    if own.exists():
        return own.read_text(encoding="utf-8"), own
    return f"select * from {qualified(*str(table).split('.'))}", path


def _shared_frame(project_dir: Path, path: Path, shared: object, table: str) -> tuple[str, Path]:
    """The frame several suites validate alike (meta.clusterdw.frame: checks/shared/<name>.sql), in which
    `this_table` is the suite's own table (as SQLMesh's audits name theirs @this_model)."""
    if not isinstance(shared, str) or not SHARED_FRAME_NAME.fullmatch(shared):
        raise ClusterdwError(
            f"meta.clusterdw.frame is not the name of a shared frame: {shared!r}",
            path,
            f"name a file of checks/{SHARED_FRAMES}/ by its stem (lower-case letters, digits and _)",
        )
    file = project_dir / "checks" / SHARED_FRAMES / f"{shared}.sql"
    if not file.exists():
        raise ClusterdwError(
            "the suite's shared frame is not there", file, f"write it, or fix meta.clusterdw.frame in {path.name}"
        )
    sql = read_text(file)
    _refuse_other_than_one_select(sql, file)
    this_table = f"select * from {qualified(*str(table).split('.'))}"
    return f"with this_table as ({this_table})\nselect * from (\n{sql}\n) as shared_frame", file


def _column_of(kind: str, kwargs: dict) -> str | None:
    columns = columns_of(kind, kwargs)
    return ", ".join(columns) if columns else None


class Validator:
    """One GX ephemeral context for the run; Data Docs written under `docs_dir` when asked.

    Without Data Docs, each suite runs straight on a batch with GX's cheapest result format, and only
    the expectations that failed run again with SUMMARY for their unexpected values: validation then
    costs a fraction of a full ValidationDefinition run. With Data Docs, each suite runs as a
    ValidationDefinition so its results are stored for the docs. Either way GX's configurations are
    memoised while a suite runs (gx_speed.py).
    """

    def __init__(self, docs_dir: Path | None = None, speed_patches: bool = True):
        import warnings

        with warnings.catch_warnings():  # GX imports pyspark where the .[spark] extra is installed, and
            warnings.filterwarnings("ignore", category=FutureWarning, module="pyspark")  # it warns of pandas 3
            import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        from . import expectations  # noqa: F401  (registers clusterdw's own expectation)

        self.gx = gx
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.docs_dir = docs_dir
        self.staging = None
        self.speed_patches = speed_patches  # off only to test that gx_speed.py changes no result
        if docs_dir is not None:
            from .inert_docs import staging_dir

            self.staging = staging_dir(docs_dir)  # GX writes into a new folder, never through a planted link
            self.context.add_data_docs_site(
                site_name="clusterdw",
                site_config={
                    "class_name": "SiteBuilder",
                    "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(self.staging)},
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                },
            )
        self.datasource = self.context.data_sources.add_pandas("clusterdw")
        self._frames = None  # the one batch definition the fast path reuses for every frame

    def _gx_suite(self, suite: Suite):
        from great_expectations.core.expectation_suite import ExpectationSuite

        try:
            gx_suite = ExpectationSuite(**suite.definition)
        except Exception as error:  # GX raises many types for a malformed suite
            raise ClusterdwError(
                f"suite is not a valid GX suite: {error}", suite.path, "check each expectation's type and kwargs"
            ) from error
        # GX logs and drops an expectation it cannot build (unknown type, bad kwargs): never skip a check
        wanted = Counter(e.get("type") for e in suite.definition.get("expectations", []))
        built = Counter(e.expectation_type for e in gx_suite.expectations)
        for missing in wanted - built:
            raise ClusterdwError(
                f"GX cannot build expectation {missing}",
                suite.path,
                "check its type name and kwargs against GX's expectation gallery",
            )
        return gx_suite

    def validate(self, suite: Suite, frame) -> list[ExpectationResult]:
        from contextlib import nullcontext

        from .gx_speed import memoised_configurations, unfingerprinted_batches

        gx_suite = self._gx_suite(suite)
        patched = self.speed_patches
        with (
            memoised_configurations() if patched else nullcontext(),
            unfingerprinted_batches() if patched else nullcontext(),
        ):
            keys = [c for c in key_columns(suite.definition) if c in frame.columns]
            if self.docs_dir is not None:
                items = self._run_for_docs(suite, gx_suite, frame)
                failing = self._failing_rows(items, frame, keys)
            else:
                items = self._run_fast(gx_suite, frame, keys)
                failing = {number: _keys_of(item, keys) for number, item in enumerate(items) if keys}
        return [self._result(suite, item, failing.get(number)) for number, item in enumerate(items)]

    def _batch(self, frame):
        if self._frames is None:
            self._frames = self.datasource.add_dataframe_asset("frames").add_batch_definition_whole_dataframe("all")
        return self._frames.get_batch(batch_parameters={"dataframe": frame})

    def _failing_rows(self, items: list, frame, keys: list[str]) -> dict[int, list[dict] | None]:
        """The failing rows of the expectations that failed, by key (a Data Docs run reads BASIC results)."""
        failing = {}
        if not keys:
            return failing
        batch = None
        for number, item in enumerate(items):
            if not item.success and _exception_message(item.exception_info) is None:
                batch = batch or self._batch(frame)
                again = batch.validate(item.expectation_config.to_domain_obj(), result_format=_complete(keys))
                failing[number] = _keys_of(again, keys)
        return failing

    def _run_for_docs(self, suite: Suite, gx_suite, frame) -> list:
        gx_suite = self.context.suites.add(gx_suite)
        asset = self.datasource.add_dataframe_asset(suite.name)
        batch_definition = asset.add_batch_definition_whole_dataframe("all")
        definition = self.context.validation_definitions.add(
            self.gx.ValidationDefinition(name=suite.name, data=batch_definition, suite=gx_suite)
        )
        # BASIC still lists unexpected values (what the docs show), at two thirds of SUMMARY's cost
        return definition.run(batch_parameters={"dataframe": frame}, result_format="BASIC").results

    def _run_fast(self, gx_suite, frame, keys: list[str]) -> list:
        batch = self._batch(frame)
        items = list(batch.validate(gx_suite, result_format="BOOLEAN_ONLY").results)
        for number, item in enumerate(items):
            if not item.success and _exception_message(item.exception_info) is None:
                # SUMMARY's counts and values, and with the keys every failing row's key
                items[number] = batch.validate(
                    item.expectation_config.to_domain_obj(), result_format=_complete(keys) if keys else "SUMMARY"
                )
        return items

    @staticmethod
    def _result(suite: Suite, item, failing_rows: list[dict] | None = None) -> ExpectationResult:
        config = item.expectation_config
        info = item.result or {}
        sample = info.get("partial_unexpected_list") or info.get("observed_value")
        error = _exception_message(item.exception_info)
        return ExpectationResult(
            suite.name,
            suite.table,
            config.type,
            _column_of(config.type, config.kwargs),
            getattr(config.severity, "value", str(config.severity)),
            bool(item.success),
            info.get("unexpected_count"),
            None if sample is None else json.dumps(sample, ensure_ascii=False, default=str)[:300],
            f"error: {error}" if error else (config.meta or {}).get("guards"),
            failing_rows if not item.success else None,
            (config.meta or {}).get("declared_in") or _relative(suite.path),
        )

    def build_docs(self) -> Path | None:
        if self.docs_dir is None:
            return None
        from .inert_docs import make_inert, put_in_place

        try:
            self.context.build_data_docs(site_names=["clusterdw"])
            make_inert(self.staging)
            put_in_place(self.staging, self.docs_dir)
        finally:
            self.discard()
        return self.docs_dir / "index.html"

    def discard(self) -> None:
        """Remove the staged docs (nothing left once they are in place)."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)


def _relative(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _complete(keys: list[str]) -> dict:
    return {"result_format": "COMPLETE", "unexpected_index_column_names": keys}


def _plain(value):
    """A key's value as JSON holds it: numpy scalars as Python's, NaN as null."""
    value = value.item() if hasattr(value, "item") else value
    return None if isinstance(value, float) and value != value else value


def _keys_of(item, keys: list[str]) -> list[dict] | None:
    """The key of each row GX lists as unexpected; None where GX lists none (a table-level expectation)."""
    listed = (item.result or {}).get("unexpected_index_list") if not item.success else None
    if not listed or not isinstance(listed[0], dict):
        return None
    return [{key: _plain(row.get(key)) for key in keys} for row in listed]


def _exception_message(info: dict | None) -> str | None:
    """GX reports an expectation that raised either flat or keyed by the metric that raised."""
    if not info:
        return None
    if info.get("raised_exception"):
        return info.get("exception_message")
    for value in info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return value.get("exception_message")
    return None


def summarise(
    results: list[ExpectationResult],
    rows: dict[str, int],
    seconds: dict[str, tuple[float, float]] | None = None,
    tables: dict[str, str] | None = None,
) -> list[SuiteSummary]:
    """One summary per suite with results, and per suite validated (`tables`: suite -> table) even with
    none; `seconds` holds each suite's (frame, GX) seconds."""
    summaries: dict[str, SuiteSummary] = {}
    seconds = seconds or {}

    def summary(suite: str, table: str) -> SuiteSummary:
        if suite not in summaries:
            frame_seconds, gx_seconds = seconds.get(suite, (0.0, 0.0))
            summaries[suite] = SuiteSummary(
                suite, table, rows.get(suite, 0), 0, 0, 0, frame_seconds=frame_seconds, gx_seconds=gx_seconds
            )
        return summaries[suite]

    for suite, table in (tables or {}).items():
        summary(suite, table)
    for r in results:
        s = summary(r.suite, r.table)
        if r.success:
            s.passed += 1
        elif r.severity == "critical":
            s.failed += 1
        else:
            s.warned += 1
    return list(summaries.values())


def suite_columns(definition: dict) -> list[str] | None:
    """The columns a suite's expectations read, or None when one reads the whole table (expect_table_*)."""
    columns: dict[str, None] = {}
    for expectation in definition.get("expectations", []):
        named = columns_of(expectation.get("type", ""), expectation.get("kwargs", {}))
        if named is None:
            return None
        columns.update(dict.fromkeys(named))
    return list(columns)


def _refuse_other_than_one_select(frame_sql: str, path: Path) -> None:
    """A frame is read with one SELECT, as DuckDB's own parser sees it: DuckDB runs every statement of a
    string, so a second one (an ATTACH of the published file, a CREATE) never runs."""
    try:
        statements = duckdb.extract_statements(frame_sql)
    except duckdb.Error as error:
        raise ClusterdwError(
            f"the suite's frame_sql does not parse: {str(error).splitlines()[0]}",
            path,
            "fix meta.clusterdw.frame_sql: one SELECT",
        ) from error
    if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
        kinds = ", ".join(statement.type.name for statement in statements) or "none"
        raise ClusterdwError(
            f"the suite's frame_sql must be one SELECT; DuckDB reads {len(statements)} statement(s) in it: {kinds}",
            path,
            "write meta.clusterdw.frame_sql as one SELECT (a WITH ... SELECT is one)",
        )


def _frame_sql(suite: Suite) -> str:
    """Fetch only the columns the expectations read: converting and hashing the rest is wasted time."""
    columns = suite_columns(suite.definition)
    if not columns:
        return suite.frame_sql
    quoted = ", ".join(quote(c) for c in columns)
    return f"select {quoted} from (\n{suite.frame_sql}\n) as frame"


class _TableMissing(ClusterdwError):
    """A suite's frame reads a table the database does not hold."""


def _unbuilt_models(con: duckdb.DuckDBPyConnection, project_dir: Path) -> set[str]:
    """The project's models that the database does not hold: a dev file built with --select."""
    models = {
        f"{folder}.{path.stem}" for folder in ("staging", "marts") for path in (project_dir / folder).glob("*.sql")
    }
    built = con.execute(
        "select schema_name || '.' || table_name from duckdb_tables() where database_name = current_database()"
    ).fetchall()
    return models - {name for (name,) in built}


def _read_frames(con: duckdb.DuckDBPyConnection, suites: list[Suite], whole: bool = False, one_pass: bool = True):
    """Read every suite's frame on a worker thread: DuckDB works while GX imports and validates. Each
    is the rows some expectation may fail (pipelines/validate/suspects), or with `whole` (Data Docs) every row;
    each comes with the row count of the whole frame. The suspects come from the counting pass itself
    unless a uniqueness expectation has some (or `one_pass` is off, to test that both give the same)."""
    database, schema = con.execute("select current_database(), current_schema()").fetchall()[0]
    cursor = con.cursor()  # a cursor starts in the default catalog: follow the connection's `use`
    cursor.execute(f"use {qualified(database, schema)}").fetchall()
    restore_optimizers = disable_slow_optimizers(cursor)

    def read(suite: Suite):
        """(the frame, the whole frame's row count, the seconds DuckDB took to compute it)."""
        started = time.perf_counter()
        frame, rows = _compute(suite)
        return frame, rows, round(time.perf_counter() - started, 3)

    def _compute(suite: Suite):
        try:
            from .frames import gx_frame  # pandas and pyarrow: imported where frames are read
            from .suspects import counts_only_sql, gathered_sql, split_counts, suspect_queries

            queries = (
                None
                if whole
                else suspect_queries(suite.definition, suite.frame_sql, suite_columns(suite.definition) or [])
            )
            if queries is None:
                frame = gx_frame(cursor, _frame_sql(suite))  # .df()'s frame, 5x faster at 10M rows
                return frame, len(frame)
            cursor.execute(f"create or replace temp table {COUNTED} as {queries.counts_sql}")
            try:
                first, rows, suspects, windowed = split_counts(
                    gx_frame(cursor, counts_only_sql(COUNTED, queries)), queries
                )
                if not suspects:
                    return first, rows
                if windowed or not one_pass:  # a repeated key: the frame again, with its windows
                    return gx_frame(cursor, queries.suspects_sql), rows
                return gx_frame(cursor, gathered_sql(COUNTED)), rows
            finally:
                cursor.execute(f"drop table if exists {COUNTED}")
        except duckdb.CatalogException as error:
            raise _TableMissing(
                f"suite {suite.name} cannot read its frame: {str(error).splitlines()[0]}",
                suite.path,
                "build the tables it reads (`clusterdw build`), or fix its meta.clusterdw.table or frame_sql",
            ) from error
        except duckdb.Error as error:
            raise ClusterdwError(
                f"suite {suite.name} cannot read its frame: {str(error).splitlines()[0]}",
                suite.path,
                "fix meta.clusterdw.table, frame_sql or the expectations' columns",
            ) from error

    ahead = _FramesAhead(suites, read)

    def close():
        ahead.close()
        try:
            restore_optimizers()
        finally:
            cursor.close()

    return ahead.frames(), close


class _Ready:
    """A frame read, or the error reading it raised: `result()` gives the one or raises the other."""

    def __init__(self, frame=None, error: BaseException | None = None):
        self.frame, self.error = frame, error
        self.nbytes = 0 if frame is None else int(frame[0].memory_usage().sum())  # frame: (frame, rows, seconds)

    def result(self):
        if self.error is not None:
            raise self.error
        return self.frame


class _FramesAhead:
    """Reads the suites' frames in order on one worker thread, starting at once, so DuckDB works while
    GX imports and validates. It reads ahead while the frames waiting stay under FRAMES_AHEAD_BYTES:
    the project's frames are all read during GX's import. The frame being validated counts too: at
    10M figures a frame takes gigabytes, and the next is read only once this one is let go (reading it
    meanwhile would hold two, and DuckDB's working memory on top: past 6 GiB)."""

    def __init__(self, suites: list[Suite], read):
        self._suites, self._read = suites, read
        self._ready: dict[int, _Ready] = {}
        self._waiting_bytes = 0
        self._in_use_bytes = 0  # the frame handed out for validation, until the next is asked for
        self._stopped = False
        self._changed = threading.Condition()
        self._worker = threading.Thread(target=self._run, name="clusterdw-frames", daemon=True)
        self._worker.start()

    def _run(self) -> None:
        for number, suite in enumerate(self._suites):
            with self._changed:
                self._changed.wait_for(
                    lambda: (
                        self._stopped
                        or not (self._ready or self._in_use_bytes)
                        or self._waiting_bytes + self._in_use_bytes < FRAMES_AHEAD_BYTES
                    )
                )
                if self._stopped:
                    return
            try:
                ready = _Ready(self._read(suite))
            except BaseException as error:  # handed to the validating thread, which raises it
                ready = _Ready(error=error)
            with self._changed:
                self._ready[number] = ready
                self._waiting_bytes += ready.nbytes
                self._changed.notify_all()

    def frames(self):
        for number in range(len(self._suites)):
            with self._changed:
                self._changed.wait_for(lambda number=number: number in self._ready)
                ready = self._ready.pop(number)
                self._waiting_bytes -= ready.nbytes
                self._in_use_bytes = ready.nbytes
                self._changed.notify_all()
            yield ready
            ready = None  # the caller has let go of it
            with self._changed:
                self._in_use_bytes = 0
                self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self._stopped = True
            self._ready.clear()
            self._changed.notify_all()
        self._worker.join()


def validate(
    con: duckdb.DuckDBPyConnection,
    project_dir: Path,
    docs_dir: Path | None = None,
    only: list[str] | None = None,
    one_pass: bool = True,
) -> tuple[list[ExpectationResult], list[SuiteSummary], Path | None]:
    """Run every suite; returns all results. Raising on critical failures is the caller's choice.
    `one_pass` off only to test that the suspects gathered while counting are those a second pass finds."""
    suites = read_suites(project_dir, only, table_rows(con))
    unbuilt = _unbuilt_models(con, project_dir)
    futures, close_frames = _read_frames(con, suites, whole=docs_dir is not None, one_pass=one_pass)
    try:
        started = time.perf_counter()
        validator = None
        validator = Validator(docs_dir)
        ready = time.perf_counter()
        log.debug("great_expectations ready in %.2fs", ready - started)  # benchmarks/bench.py reads this line
        results: list[ExpectationResult] = []
        rows: dict[str, int] = {}
        seconds: dict[str, tuple[float, float]] = {}  # per suite: DuckDB's frame, GX's validation
        tables: dict[str, str] = {}  # suite -> table, in the order validated
        skipped: list[SuiteSummary] = []
        for suite, future in zip(suites, futures):
            try:
                frame, rows[suite.name], frame_seconds = future.result()
            except _TableMissing:
                if not unbuilt:  # every model is built: the suite names a table that no model builds
                    raise
                log.info("validate: skipped suite %s: it reads tables not built in this file", suite.name)
                skipped.append(SuiteSummary(suite.name, suite.table, 0, 0, 0, 0, skipped=True))
                continue
            gx_started = time.perf_counter()
            results.extend(validator.validate(suite, frame))
            seconds[suite.name] = (frame_seconds, round(time.perf_counter() - gx_started, 3))
            tables[suite.name] = suite.table
            frame = future = None  # release this frame before waiting for the next
    except BaseException:
        if validator is not None:
            validator.discard()
        raise
    finally:
        close_frames()
    validated = time.perf_counter()
    docs = validator.build_docs()
    log.debug(
        "validate: %d suites, %d expectations validated in %.2fs after GX's import%s",
        len(suites),
        len(results),
        validated - ready,
        f"; Data Docs built in {time.perf_counter() - validated:.2f}s" if docs else "",
    )
    _trace_to_raw(con, results)
    return results, summarise(results, rows, seconds, tables) + skipped, docs


def _trace_to_raw(con: duckdb.DuckDBPyConnection, results: list[ExpectationResult]) -> None:
    """Add to each failing row keyed by a figure id the raw file and line the figure was read from."""
    ids = {
        value
        for r in results
        for row in r.failing_rows or []
        for key, value in row.items()
        if key.endswith("figure_id") and isinstance(value, str)
    }
    if not ids:
        return
    try:
        found = dict(
            con.execute(
                "select figure_id, source_file || ':' || source_line from raw.figures "
                "where figure_id in (select unnest(?::varchar[]))",
                [sorted(ids)],
            ).fetchall()
        )
    except duckdb.CatalogException:  # a dev file without raw tables: the keys alone
        return
    for r in results:
        for row in r.failing_rows or []:
            sources = [found[v] for k, v in row.items() if k.endswith("figure_id") and v in found]
            if sources:
                row["source"] = sources[0] if len(sources) == 1 else sources


def raise_on_critical(results: list[ExpectationResult]) -> None:
    failed = [r for r in results if not r.success and r.severity == "critical"]
    for r in failed:  # every failure on its own line; the Error line names the first
        log.error(
            "check failed: %s: %s on %s: %s unexpected, e.g. %s",
            r.declared_in or f"checks/{r.suite}.json",
            r.expectation,
            r.column,
            r.unexpected_count,
            r.sample,
        )
    if failed:
        first = failed[0]
        raise ValidationFailed(
            f"{len(failed)} critical expectation(s) failed, first: {first.expectation} on {first.column} "
            f"({first.unexpected_count} unexpected, e.g. {first.sample})",
            f"{first.declared_in or f'checks/{first.suite}.json'} ({first.table})",
            "fix the data or the model; nothing was published",
        )
