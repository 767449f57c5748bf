"""Run the Great Expectations suites of checks/ on the built tables; critical failures stop publish.

Each suite is GX's JSON format plus, in `meta.clusterdw`, the table it checks (`table`) and,
optionally, the SQL of the frame it validates (`frame_sql`) where a check needs a join, such as
foreign keys. GX's pandas datasource validates frames pulled from DuckDB (its SQL datasource does
not work on DuckDB). GX is imported here only: it takes seconds to import.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from .errors import ClusterdwError, ValidationFailed

log = logging.getLogger(__name__)


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


@dataclass
class SuiteSummary:
    suite: str
    table: str
    rows: int
    passed: int
    warned: int
    failed: int

    @property
    def outcome(self) -> str:
        return "failed" if self.failed else "warned" if self.warned else "passed"


@dataclass
class Suite:
    name: str
    path: Path
    table: str
    frame_sql: str
    definition: dict


def read_suites(project_dir: Path, only: list[str] | None = None) -> list[Suite]:
    suites = []
    for path in sorted((project_dir / "checks").glob("*.json")):
        try:
            definition = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise ClusterdwError(f"suite is not valid JSON: {error.msg}", f"{path}:{error.lineno}",
                                 "fix the JSON") from error
        settings = (definition.get("meta") or {}).get("clusterdw") or {}
        table = settings.get("table")
        if not table:
            raise ClusterdwError("suite names no table", path, 'add "meta": {"clusterdw": {"table": "schema.table"}}')
        definition.setdefault("name", path.stem)
        suite = Suite(path.stem, path, table, settings.get("frame_sql") or f"select * from {table}", definition)
        if only is None or suite.table in only or suite.table.split(".")[-1] in only:
            suites.append(suite)
    return suites


def _column_of(kwargs: dict) -> str | None:
    if "column" in kwargs:
        return kwargs["column"]
    if "column_A" in kwargs:
        return f"{kwargs['column_A']}, {kwargs['column_B']}"
    if "column_list" in kwargs:
        return ", ".join(kwargs["column_list"])
    return None


class Validator:
    """One GX ephemeral context for the run; Data Docs written under `docs_dir` when asked."""

    def __init__(self, docs_dir: Path | None = None):
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        from . import expectations  # noqa: F401  (registers clusterdw's own expectation)

        self.gx = gx
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.docs_dir = docs_dir
        if docs_dir is not None:
            self.context.add_data_docs_site(site_name="clusterdw", site_config={
                "class_name": "SiteBuilder",
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            })
        self.datasource = self.context.data_sources.add_pandas("clusterdw")

    def validate(self, suite: Suite, frame) -> list[ExpectationResult]:
        from great_expectations.core.expectation_suite import ExpectationSuite

        try:
            gx_suite = self.context.suites.add(ExpectationSuite(**suite.definition))
        except Exception as error:  # GX raises many types for a malformed suite
            raise ClusterdwError(f"suite is not a valid GX suite: {error}", suite.path,
                                 "check each expectation's type and kwargs") from error
        asset = self.datasource.add_dataframe_asset(suite.name)
        batch_definition = asset.add_batch_definition_whole_dataframe("all")
        definition = self.context.validation_definitions.add(
            self.gx.ValidationDefinition(name=suite.name, data=batch_definition, suite=gx_suite))
        outcome = definition.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY")
        results = []
        for item in outcome.results:
            config = item.expectation_config
            info = item.result or {}
            sample = info.get("partial_unexpected_list") or info.get("observed_value")
            error = (item.exception_info or {}).get("exception_message") if item.exception_info else None
            results.append(ExpectationResult(
                suite.name, suite.table, config.type, _column_of(config.kwargs),
                getattr(config.severity, "value", str(config.severity)), bool(item.success),
                info.get("unexpected_count"),
                None if sample is None else json.dumps(sample, ensure_ascii=False, default=str)[:300],
                error or (config.meta or {}).get("guards")))
        return results

    def build_docs(self) -> Path | None:
        if self.docs_dir is None:
            return None
        self.context.build_data_docs(site_names=["clusterdw"])
        return self.docs_dir / "index.html"


def summarise(results: list[ExpectationResult], rows: dict[str, int]) -> list[SuiteSummary]:
    summaries: dict[str, SuiteSummary] = {}
    for r in results:
        s = summaries.setdefault(r.suite, SuiteSummary(r.suite, r.table, rows.get(r.suite, 0), 0, 0, 0))
        if r.success:
            s.passed += 1
        elif r.severity == "critical":
            s.failed += 1
        else:
            s.warned += 1
    return list(summaries.values())


def validate(con: duckdb.DuckDBPyConnection, project_dir: Path, docs_dir: Path | None = None,
             only: list[str] | None = None) -> tuple[list[ExpectationResult], list[SuiteSummary], Path | None]:
    """Run every suite; returns all results. Raising on critical failures is the caller's choice."""
    suites = read_suites(project_dir, only)
    started = time.perf_counter()
    validator = Validator(docs_dir)
    log.debug("great_expectations ready in %.2fs", time.perf_counter() - started)
    results: list[ExpectationResult] = []
    rows: dict[str, int] = {}
    for suite in suites:
        try:
            frame = con.execute(suite.frame_sql).df()
        except duckdb.Error as error:
            raise ClusterdwError(f"suite {suite.name} cannot read its frame: {str(error).splitlines()[0]}",
                                 suite.path, "fix meta.clusterdw.table or frame_sql") from error
        rows[suite.name] = len(frame)
        results.extend(validator.validate(suite, frame))
    docs = validator.build_docs()
    return results, summarise(results, rows), docs


def raise_on_critical(results: list[ExpectationResult]) -> None:
    failed = [r for r in results if not r.success and r.severity == "critical"]
    if failed:
        first = failed[0]
        raise ValidationFailed(
            f"{len(failed)} critical expectation(s) failed, first: {first.expectation} on {first.column} "
            f"({first.unexpected_count} unexpected, e.g. {first.sample})",
            f"checks/{first.suite}.json ({first.table})",
            "fix the data or the model; nothing was published",
        )


def as_dicts(results: list[ExpectationResult]) -> list[dict]:
    return [asdict(r) for r in results]
