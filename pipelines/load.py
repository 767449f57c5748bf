"""Load raw/*.csv into schema `raw` under their declared contracts (pipelines/contracts.py).

Each file is read by DuckDB as text (so nothing is guessed and nothing fails half-way), then every
column is checked against its contract and cast to its declared type, and every cross-table rule is
run. All violations of all files are collected and raised together as one ContractError.
Raw tables keep lineage: source file, physical line number, and the file's SHA-256.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .contracts import CONTRACTS, Column, Contract
from .errors import ContractError, Location, Violation
from .numbers import value_in_evidence

log = logging.getLogger(__name__)

LINEAGE_COLUMNS = ("source_file", "source_line", "source_file_sha256")


@dataclass
class LoadResult:
    table: str
    files: int
    rows: int


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def register_functions(con: duckdb.DuckDBPyConnection) -> None:
    """SQL functions the contracts use. The provenance rule runs a fast SQL match first and calls
    Python only for the rare evidence that needs Chinese numerals or full-width digits read."""
    con.create_function(
        "value_in_evidence_py", lambda v, e: value_in_evidence(v, e), ["VARCHAR", "VARCHAR"], "BOOLEAN",
        side_effects=False,
    )
    con.execute(r"""
        create or replace macro value_in_evidence(v, e) as
            regexp_matches(
                replace(e, ',', ''),
                '(^|[^0-9.])'
                || regexp_replace(regexp_replace(abs(v)::varchar, '0+$', ''), '\.$', '')
                || '(\.0*)?($|[^0-9.]|\.[^0-9])')
            or value_in_evidence_py(v::varchar, e)
    """)


def files_of(raw_dir: Path, contract: Contract) -> list[Path]:
    if any(ch in contract.path for ch in "*?["):
        return sorted(raw_dir.glob(contract.path))
    path = raw_dir / contract.path
    return [path] if path.exists() else []


def _message(template: str, *args: str) -> str:
    """A SQL expression formatting `template` (with {} placeholders) with SQL `args`."""
    return f"format({sql_literal(template)}, {', '.join(args)})" if args else sql_literal(template)


def _column_checks(col: Column) -> list[tuple[str, str]]:
    """(SQL predicate on the text value, SQL message) pairs for one column."""
    v = quote(col.name)
    checks: list[tuple[str, str]] = []
    if col.required:
        checks.append((f"{v} is null or trim({v}) = ''", _message("required, but empty")))
    if col.allowed is not None:
        allowed = ", ".join(sql_literal(a) for a in col.allowed)
        checks.append((f"{v} not in ({allowed})", _message(f"'{{}}' is not one of: {', '.join(col.allowed)}", v)))
    if col.type in ("integer", "double") and col.allowed is None:
        kind = "an integer" if col.type == "integer" else "a number"
        checks.append((f"{v} is not null and try_cast({v} as {col.sql_type}) is null", _message(f"'{{}}' is not {kind}", v)))
    if col.pattern is not None:
        fix = f" (write {col.fix})" if col.fix else ""
        checks.append((f"not regexp_full_match({v}, {sql_literal(col.pattern)})",
                       _message(f"'{{}}' is not a valid {col.name}{fix}", v)))
    if col.max_length is not None:
        checks.append((f"length({v}) > {col.max_length}",
                       _message(f"{{}} characters, at most {col.max_length} allowed", f"length({v})")))
    if col.min_value is not None and col.max_value is not None:
        checks.append((f"try_cast({v} as {col.sql_type}) not between {col.min_value} and {col.max_value}",
                       _message(f"{{}} is outside {col.min_value}..{col.max_value}", v)))
    return checks


class Loader:
    """Loads every contract's files into `raw.<table>` on one connection, collecting violations."""

    def __init__(self, con: duckdb.DuckDBPyConnection, project_dir: Path):
        self.con = con
        self.project_dir = project_dir
        self.raw_dir = project_dir / "raw"
        self.violations: list[Violation] = []

    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.project_dir))
        except ValueError:
            return str(path)

    def load_all(self, contracts: Iterable[Contract] = CONTRACTS) -> list[LoadResult]:
        self.con.execute("create schema if not exists raw")
        register_functions(self.con)
        contracts = list(contracts)
        results = [self.load_contract(c) for c in contracts]
        self.create_place_names()
        for contract in contracts:
            self.check_key(contract)
            self.check_rules(contract)
        if self.violations:
            self.violations.sort(key=lambda v: (v.location.file, v.location.line or 0))
            raise ContractError(self.violations)
        return results

    def load_contract(self, contract: Contract) -> LoadResult:
        table = f"raw.{contract.table}"
        typed = ", ".join(f"{quote(c.name)} {c.sql_type}" for c in contract.columns)
        self.con.execute(f"create or replace table {table} ({typed}, source_file varchar, "
                         f"source_line integer, source_file_sha256 varchar)")
        files = files_of(self.raw_dir, contract)
        if not files and not contract.optional:
            where = self.relative(self.raw_dir / contract.path)
            self.violations.append(Violation(Location(where), "no such file: the contract requires it"))
        rows = 0
        for path in files:
            rows += self.load_file(contract, path)
        log.debug("loaded %s: %d rows from %d file(s)", table, rows, len(files))
        return LoadResult(contract.table, len(files), rows)

    def load_file(self, contract: Contract, path: Path) -> int:
        where = self.relative(path)
        if path.stat().st_size == 0:
            self.violations.append(Violation(Location(where, 1), "empty file: the first line must be the header"))
            return 0
        self.con.execute("drop table if exists reject_errors; drop table if exists reject_scans")
        # all_varchar: no type sniffing; the contract casts. store_rejects: every malformed line, not the first.
        self.con.execute(
            "create or replace temp table incoming as select * from read_csv(?, header = true, all_varchar = true, "
            "auto_detect = true, delim = ',', quote = '\"', escape = '\"', encoding = 'utf-8', store_rejects = true, "
            "null_padding = false, strict_mode = true)",
            [str(path)],
        )
        rejects = self.con.execute(
            "select line, column_name, error_type::varchar, error_message from reject_errors order by line").fetchall()
        for line, column, error_type, message in rejects:
            self.violations.append(Violation(Location(where, int(line), column), _reject_problem(error_type, message)))
        if rejects:
            return 0  # line numbers of the remaining rows can't be trusted; fix the structure first
        header = [row[0] for row in self.con.execute("select name from pragma_table_info('incoming') order by cid").fetchall()]
        if not self.check_header(contract, header, where):
            return 0
        self.con.execute(_numbered_rows_sql(contract))
        for col in contract.columns:
            for predicate, message in _column_checks(col):
                bad = self.con.execute(
                    f"select source_line, {message} from numbered where {predicate} order by source_line"
                ).fetchall()
                self.violations.extend(Violation(Location(where, line, col.name), problem) for line, problem in bad)
        casts = ", ".join(_cast(col) for col in contract.columns)
        self.con.execute(
            f"insert into raw.{contract.table} select {casts}, ?, source_line, ? from numbered order by source_line",
            [where, file_sha256(path)],
        )
        return self.con.execute("select count(*) from numbered").fetchall()[0][0]

    def check_header(self, contract: Contract, header: list[str], where: str) -> bool:
        """Columns are matched by name, so their order is free; missing or unknown ones are errors."""
        expected = contract.column_names
        missing = [c for c in expected if c not in header]
        unknown = [c for c in header if c not in expected]
        for name in missing:
            self.violations.append(Violation(Location(where, 1, name), "missing column: the header must name it"))
        for name in unknown:
            self.violations.append(Violation(Location(where, 1, name),
                                             f"unknown column: the contract has {', '.join(expected)}"))
        return not missing and not unknown

    def create_place_names(self) -> None:
        """Every name that resolves to a place: the names in places.csv and the aliases."""
        self.con.execute("""
            create or replace view raw.place_names as
            select distinct name, place_key from (
                select unnest([name_zh_hans, name_zh_hant, short_name_zh_hans, short_name_zh_hant]) as name,
                       place_key
                from raw.places
                union all
                select alias, place_key from raw.place_aliases
            )
            where name is not null
        """)

    def check_key(self, contract: Contract) -> None:
        key = ", ".join(quote(k) for k in contract.key)
        shown = " || '/' || ".join(f"coalesce({quote(k)}::varchar, '')" for k in contract.key)
        rows = self.con.execute(f"""
            select source_file, source_line, {shown},
                   first_value(source_file || ':' || source_line) over w
            from (select *, count(*) over (partition by {key}) as n from raw.{contract.table})
            where n > 1
            window w as (partition by {key} order by source_file, source_line)
            qualify row_number() over w > 1
            order by source_file, source_line
        """).fetchall()
        for file, line, value, first in rows:
            self.violations.append(Violation(
                Location(file, line, "/".join(contract.key)), f"duplicate key '{value}' (first at {first})"))

    def check_rules(self, contract: Contract) -> None:
        for rule in contract.rules:
            rows = self.con.execute(
                f"select source_file, source_line, {rule.problem} from raw.{contract.table} "
                f"where coalesce({rule.failing_when}, false) order by source_file, source_line"
            ).fetchall()
            self.violations.extend(Violation(Location(f, l, rule.column), p) for f, l, p in rows)


def _cast(col: Column) -> str:
    v = quote(col.name)
    if col.type == "text":
        return f"nullif(trim({v}), '')"
    return f"try_cast({v} as {col.sql_type})"


def _numbered_rows_sql(contract: Contract) -> str:
    """Number rows by the physical line they start on: after the header, one line per earlier row plus
    the newlines inside earlier rows' quoted fields."""
    newlines = " + ".join(
        f"coalesce(length({quote(c)}) - length(replace({quote(c)}, chr(10), '')), 0)" for c in contract.column_names)
    return f"""
        create or replace temp table numbered as
        select *, (1 + row_number() over w
                   + coalesce(sum({newlines}) over (w rows between unbounded preceding and 1 preceding), 0)
                  )::integer as source_line
        from incoming
        window w as (order by rowid)
    """


def _reject_problem(error_type: str, message: str) -> str:
    if error_type == "INVALID ENCODING":
        return "not UTF-8 (was it saved as GBK?): re-save the file as UTF-8"
    if error_type in ("TOO MANY COLUMNS", "MISSING COLUMNS"):
        return f"{error_type.lower()}: {message.splitlines()[0]} (quote fields that hold commas)"
    return f"{error_type.lower()}: {message.splitlines()[0]}"


def load(con: duckdb.DuckDBPyConnection, project_dir: Path) -> list[LoadResult]:
    """Load every raw file into schema raw; raise ContractError listing every violation."""
    return Loader(con, project_dir).load_all()
