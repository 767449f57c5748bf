"""Load raw/*.csv into schema `raw` under their declared contracts (pipelines/load/contracts.py).

Each file is read by DuckDB as text (so nothing is guessed and nothing fails half-way), then every
column is checked against its contract and cast to its declared type, and every cross-table rule is
run. All violations of all files are collected and raised together as one ContractError.
Raw tables keep lineage: source file, physical line number, and the file's SHA-256.

A file is loaded in one of two ways, which accept exactly the same rows:
- the clean path (pipelines/load/clean_load.py): one scan of all of a contract's CSVs casts them into the
  raw table and marks each row that breaks a column check. A file with no marked row, one line per
  row, is done;
- the careful path (Loader.load_carefully): any other file is read into a temp table first, so that
  every broken row can be told with its line, column and what to write instead.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import ContractError, Location, Violation
from ..faults.space import is_disk_full
from ..sql import quote, sql_literal
from .clean_load import CleanCandidate, FileScan, Scanner, insert_clean
from .contract_sql import any_broken, cast, casts, checks_of, csv_columns, csv_scan
from .contracts import CONTRACTS, CORRECTABLE, CORRECTIONS, FIGURES, Contract
from .numbers import SAFE_EVIDENCE, value_in_evidence

log = logging.getLogger(__name__)

# Python's csv module refuses a field over 128 KiB, which DuckDB reads (up to its 2,000,000-byte line):
# the careful path must read every file the clean path reads.
csv.field_size_limit(sys.maxsize)
MAX_LINE_BYTES = 2_000_000  # DuckDB read_csv's max_line_size, left at its default

LINEAGE_COLUMNS = ("source_file", "source_line", "source_file_sha256")
FILE_ORDER_VIEW = "numbered_in_file_order"  # the rows of a file that has one line per row


@dataclass
class LoadResult:
    table: str
    files: int
    rows: int


def register_functions(con: duckdb.DuckDBPyConnection) -> None:
    """SQL functions the contracts use. The provenance rule runs a fast SQL match first and calls
    Python only for the rare evidence that needs Chinese numerals or full-width digits read.

    The fast match is sound: it answers true only where Python would (see numbers.SAFE_EVIDENCE),
    and uses constant regexes only (a pattern built per row is compiled per row: 25 s per 1M rows).
    CASE calls Python only for the rows the fast match leaves undecided."""
    con.create_function(
        "value_in_evidence_py",
        lambda v, e: value_in_evidence(v, e),
        ["VARCHAR", "VARCHAR"],
        "BOOLEAN",
        side_effects=False,
    )
    # Numbers of at most 20 characters cast exactly to decimal(38, 18); longer ones are left to Python.
    con.execute(f"""
        create or replace temp macro value_in_evidence(v, e) as
            case
                when regexp_full_match(e, '[{SAFE_EVIDENCE}]*')
                    and list_contains(
                        list_transform(list_filter(regexp_extract_all(e, '[0-9]+(\\.[0-9]+)?'),
                                                   lambda n: length(n) <= 20),
                                       lambda n: n::decimal(38, 18)),
                        abs(v))
                    then true
                else value_in_evidence_py(v::varchar, e)
            end
    """)


def files_of(raw_dir: Path, contract: Contract) -> list[Path]:
    """The files a contract loads, sorted: what the load reads, no more, no less. ContractError
    naming every entry that matches the contract but cannot be loaded as it is: not a regular file
    (a folder named x.csv, a FIFO, a device such as /dev/zero, which would be read forever), a
    symlink out of the project or to nothing, or a file whose name differs only in case (x.CSV,
    which `*.csv` would leave out without a word)."""
    paths, violations = list_files(raw_dir, contract)
    if violations:
        raise ContractError(violations)
    return paths


def list_files(raw_dir: Path, contract: Contract) -> tuple[list[Path], list[Violation]]:
    """files_of's answer as (the loadable files, a violation per entry that cannot be loaded)."""
    if any(ch in contract.path for ch in "*?["):
        pattern = contract.path
        folder = raw_dir / Path(pattern).parent
        name_pattern = Path(pattern).name
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
        matched = [p for p in entries if fnmatch.fnmatchcase(p.name, name_pattern)]
        misnamed = [p for p in entries if p not in matched and fnmatch.fnmatch(p.name.lower(), name_pattern.lower())]
    else:
        path = raw_dir / contract.path
        matched = [path] if path.exists() or path.is_symlink() else []
        misnamed = []
    project_dir = raw_dir.resolve().parent
    violations = [
        Violation(Location(_shown(p, raw_dir)), problem) for p in matched if (problem := _unloadable(p, project_dir))
    ]
    violations += [
        Violation(
            Location(_shown(p, raw_dir)),
            f"not loaded: its name must end in {Path(contract.path).suffix} (lower case): rename it",
        )
        for p in misnamed
    ]
    violations.sort(key=lambda v: v.location.file)  # one order, whoever lists them (load or --if-changed)
    refused = {v.location.file for v in violations}
    return [p for p in matched if _shown(p, raw_dir) not in refused], violations


def _shown(path: Path, raw_dir: Path) -> str:
    """The path as messages show it: from the project folder."""
    return str(Path(raw_dir.name) / path.relative_to(raw_dir))


def _unloadable(path: Path, project_dir: Path) -> str | None:
    """Why a raw entry cannot be loaded, or None."""
    fix = "put the CSV itself there, or remove it"
    if path.is_symlink():
        target = path.resolve()
        if not target.exists():
            return f"a symlink to {os.readlink(path)}, which does not exist: {fix}"
        if not target.is_relative_to(project_dir):
            return f"a symlink out of the project (to {target}): copy the file into raw/, or remove the link"
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"cannot be read: {error.strerror}: {fix}"
    if stat.S_ISREG(mode) and not os.access(path, os.R_OK):
        return "cannot be read: permission denied: make it readable by the user who runs clusterdw (chmod a+r)"
    if not stat.S_ISREG(mode):
        kind = (
            "a folder"
            if stat.S_ISDIR(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a FIFO"
            if stat.S_ISFIFO(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "not a file"
        )
        return f"not a regular file ({kind}): {fix}"
    return None


class Loader:
    """Loads every contract's files into `raw.<table>` on one connection, collecting violations."""

    def __init__(self, con: duckdb.DuckDBPyConnection, project_dir: Path):
        self.con = con
        self.project_dir = project_dir
        self.raw_dir = project_dir / "raw"
        self.violations: list[Violation] = []
        # Tables with a file that could not be read at all: rules that read them are skipped, so one
        # broken file is reported once, not again as an "unknown ..." on every row that refers to it.
        self.unreadable: set[str] = set()
        # A violation told once for a name that several rows write -> the location of every such row.
        self.same_name: dict[Violation, list[Location]] = {}

    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.project_dir))
        except ValueError:
            return str(path)

    def listed(self, contract: Contract) -> list[Path]:
        """The contract's files; its entries that cannot be loaded are recorded, and its table is
        marked unreadable, so rules reading it are skipped."""
        paths, violations = list_files(self.raw_dir, contract)
        if violations:
            self.violations.extend(violations)
            self.unreadable.add(contract.table)
        return paths

    def load_all(self, contracts: Iterable[Contract] = CONTRACTS) -> list[LoadResult]:
        self.con.execute("create schema if not exists raw")
        # DuckDB's default, stated because the clean path numbers rows by the order they are inserted in
        # (off, 200,000 of 230,000 rows got wrong lines: tests/test_load.py).
        self.con.execute("set preserve_insertion_order = true")
        register_functions(self.con)
        contracts = list(contracts)
        with Scanner() as scanner:
            scans = {c.table: scanner.submit(self.listed(c)) for c in contracts}
            results = [self.load_contract(c, [scan.result() for scan in scans[c.table]]) for c in contracts]
        self.create_place_names()
        for contract in contracts:
            self.check_key(contract)
            self.check_rules(contract)
        if not self.violations and CORRECTIONS in contracts:
            self.check_corrected_figures()
        if self.violations:
            self.violations.sort(key=lambda v: (v.location.file, v.location.line or 0))
            raise ContractError(self.violations)
        return results

    def load_contract(self, contract: Contract, scans: list[FileScan]) -> LoadResult:
        table = f"raw.{contract.table}"
        typed = ", ".join(f"{quote(c.name)} {c.sql_type}" for c in contract.columns)
        self.con.execute(
            f"create or replace table {table} ({typed}, source_file varchar, "
            f"source_line integer, source_file_sha256 varchar)"
        )
        if not scans and not contract.optional and contract.table not in self.unreadable:
            where = self.relative(self.raw_dir / contract.path)
            self.violations.append(Violation(Location(where), "no such file: the contract requires it"))
            self.unreadable.add(contract.table)
        candidates = []
        for scan in scans:
            where = self.relative(scan.path)
            if scan.bare_cr is not None:
                self.violations.append(_bare_cr_violation(scan, where))
                self.unreadable.add(contract.table)
                continue
            header = self.read_header(scan.first_line, where)
            if header is None or not self.check_header(contract, header, where):
                self.unreadable.add(contract.table)
                continue
            candidates.append(CleanCandidate(scan, where, header))
        loaded = insert_clean(self.con, contract, candidates)
        rows = sum(loaded.values())
        for candidate in candidates:
            if candidate.scan.path not in loaded:
                careful = self.load_carefully(contract, candidate)
                if careful is None:
                    self.unreadable.add(contract.table)
                rows += careful or 0
        log.debug(
            "loaded %s: %d rows from %d file(s), %d the careful way",
            table,
            rows,
            len(scans),
            len(candidates) - len(loaded),
        )
        return LoadResult(contract.table, len(scans), rows)

    def load_carefully(self, contract: Contract, candidate: CleanCandidate) -> int | None:
        """Load one file that the clean path refused, telling every row that breaks a check; None when
        it cannot be read (encoding, structure), after saying why."""
        where, scan = candidate.where, candidate.scan
        data = scan.path.read_bytes()
        columns = csv_columns(candidate.header)
        try:
            # A well-formed file parses at once; keeping rejects costs a third more, so only a file that
            # fails is read again with store_rejects, to list every bad line, not just the first.
            self.con.execute(_read_csv_sql(columns, store_rejects=False), [str(scan.path)])
        except duckdb.InterruptException:
            raise  # Ctrl-C or SIGTERM (faults/signals.py): the run stops, no file is read again
        except duckdb.Error:
            self.con.execute("drop table if exists reject_errors; drop table if exists reject_scans")
            try:
                self.con.execute(_read_csv_sql(columns, store_rejects=True), [str(scan.path)])
            except duckdb.Error as error:
                if is_disk_full(error) or isinstance(error, duckdb.InterruptException):
                    raise  # the disk or a signal, not the file: the run says so (faults/space.py, signals.py)
                self.violations.append(
                    Violation(Location(where), f"cannot be read as CSV: {str(error).splitlines()[0]}")
                )
                return None
            if self.collect_rejects(data, where, candidate.header):
                return None  # line numbers of the remaining rows can't be trusted; fix the structure first
        rows = self.number_rows(contract, data, scan, where)
        if rows is None:
            return None
        numbered = self.numbered
        # Every check of every column in one scan, which keeps the rows that break any check; only those
        # few rows are then checked one check at a time for the messages (none: no second query).
        before, after_insert = checks_of(contract)
        bad = []
        self.con.execute(f"create or replace temp table broken as select * from {numbered} where {any_broken(before)}")
        if self.con.execute("select count(*) from broken").fetchall()[0][0]:
            bad += self.con.execute(
                " union all ".join(
                    f"select source_line, {number} as check_number, {sql_literal(name)} as column_name, "
                    f"{message} as problem from broken where {predicate}"
                    for number, name, predicate, message in before
                )
            ).fetchall()
        self.con.execute(
            f"insert into raw.{contract.table} select {casts(contract)}, ?, source_line, ? from {numbered}"
            + ("" if numbered == FILE_ORDER_VIEW else " order by source_line"),  # a sort only where needed
            [where, scan.sha256],
        )
        if after_insert:
            bad += self.con.execute(
                " union all ".join(
                    f"select source_line, {number} as check_number, {sql_literal(name)} as column_name, "
                    f"{message} as problem from raw.{contract.table} where source_file = $file and {quote(name)} is null"
                    for number, name, _, message in after_insert
                ),
                {"file": where},
            ).fetchall()
        # Let go of the file's text now, not when the next file replaces it: at 1M rows it is a
        # gigabyte of DuckDB's memory that the next file's read would otherwise wait on.
        self.con.execute(
            f"drop view if exists {FILE_ORDER_VIEW}; drop table if exists temp.numbered; "
            "drop table if exists temp.broken; drop table if exists temp.incoming"
        )
        bad.sort(key=lambda found: (found[0], found[1]))
        self.violations.extend(Violation(Location(where, line, name), problem) for line, _, name, problem in bad)
        return rows

    def read_header(self, data: bytes, where: str) -> list[str] | None:
        """The column names on line 1 (a UTF-8 BOM is tolerated), or None after recording why not."""
        end = data.find(b"\n")
        first_line = (data if end < 0 else data[:end]).rstrip(b"\r")  # a slice: no copy of the whole file
        try:
            text = first_line.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.violations.append(Violation(Location(where, 1), _NOT_UTF8.format(lines="")))
            return None
        header = next(csv.reader([text]), [])
        if not any(name.strip() for name in header):
            self.violations.append(Violation(Location(where, 1), "empty file: the first line must be the header"))
            return None
        return header

    def collect_rejects(self, data: bytes, where: str, header: list[str]) -> bool:
        """Record the lines DuckDB could not parse, at the physical line each starts on; True if any."""
        rejects = self.con.execute(
            "select line_byte_position, column_name, error_type::varchar, error_message from reject_errors "
            "order by line_byte_position, column_idx"
        ).fetchall()
        reported: set[int] = set()
        not_utf8: list[int] = []
        for position, column, error_type, message in rejects:
            # DuckDB's own `line` counts records, not the newlines inside quoted fields: count them here.
            line = data.count(b"\n", 0, position) + 1
            if error_type == "INVALID ENCODING":
                not_utf8.append(line)
            elif line not in reported:  # one problem per line, not one per missing field
                reported.add(line)
                problem, named_column = _reject_problem(error_type, message, column)
                if error_type == "LINE SIZE OVER MAXIMUM":
                    problem, named_column = _line_too_long(data, position, header)
                self.violations.append(Violation(Location(where, line, named_column), problem))
        # (DuckDB also flags the encoding of a line that an open quote runs into: that line is reported already.)
        not_utf8 = [line for line in not_utf8 if line not in reported]
        if not_utf8:  # a file saved as GBK breaks nearly every line: say so once
            more = len(set(not_utf8)) - 1
            lines = f"this line and {more} more; " if more else ""
            self.violations.append(Violation(Location(where, not_utf8[0]), _NOT_UTF8.format(lines=lines)))
        return bool(rejects)

    def number_rows(self, contract: Contract, data: bytes, scan: FileScan, where: str) -> int | None:
        """The file's rows, each with the physical line it starts on, in self.numbered (a temp view or
        table); returns how many rows, or None after recording why the lines cannot be told."""
        rows = self.con.execute("select count(*) from incoming").fetchall()[0][0]
        if scan.lines == rows + 1:
            # One line per row (no blank line, no newline inside a field): row n is on line n + 1. A view
            # numbers the rows by rowid (file order) without a window over the whole file (6 s per 1M rows).
            self.con.execute(
                f"create or replace temp view {FILE_ORDER_VIEW} as "
                "select *, (rowid + 2)::integer as source_line from incoming"
            )
            self.numbered = FILE_ORDER_VIEW
            return rows
        self.numbered = "numbered"
        self.con.execute(_numbered_rows_sql(contract))
        last_line, rows = self.con.execute(
            f"select coalesce(max(source_line + {_newlines_sql(contract)}), 1), count(*) from numbered"
        ).fetchall()[0]
        if last_line == scan.lines:
            return rows
        # DuckDB skips blank lines, which the SQL numbering cannot see: number the records in Python.
        starts = record_start_lines(data)
        if len(starts) != rows:
            self.violations.append(
                Violation(
                    Location(where),
                    "cannot tell the line each row starts on: remove blank lines and stray carriage returns",
                )
            )
            return None
        self.con.execute(
            "create or replace temp table numbered as select *, "
            "(?::integer[])[row_number() over (order by rowid)] as source_line from incoming",
            [starts],
        )
        return rows

    def check_header(self, contract: Contract, header: list[str], where: str) -> bool:
        """Columns are matched by name, so their order is free; missing or unknown ones are errors."""
        expected = contract.column_names
        missing = [c for c in expected if c not in header]
        unnamed = [number for number, name in enumerate(header, start=1) if not name.strip()]
        unknown = [c for c in header if c not in expected and c.strip()]
        for number in unnamed:
            self.violations.append(
                Violation(
                    Location(where, 1, f"column {number}"),
                    f"the header gives column {number} no name: name it (the contract has "
                    f"{', '.join(expected)}), or remove the column",
                )
            )
        for name in missing:
            self.violations.append(Violation(Location(where, 1, name), "missing column: the header must name it"))
        for name in unknown:
            self.violations.append(
                Violation(Location(where, 1, name), f"unknown column: the contract has {', '.join(expected)}")
            )
        twice = sorted({c for c in header if header.count(c) > 1 and c.strip()})
        for name in twice:
            self.violations.append(Violation(Location(where, 1, name), "column named twice in the header: keep one"))
        return not missing and not unknown and not twice and not unnamed

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
        same_key = " and ".join(f"t.{quote(k)} is not distinct from d.{quote(k)}" for k in contract.key)
        # A hash aggregate finds the duplicated keys (a window over every row sorts the whole table:
        # seconds at 10M figures); only their rows are then numbered.
        rows = self.con.execute(f"""
            with duplicated as (
                select {key} from raw.{contract.table} group by all having count(*) > 1
            )
            select source_file, source_line, {shown},
                   first_value(source_file || ':' || source_line) over w
            from raw.{contract.table} as t
            semi join duplicated as d on {same_key}
            window w as (partition by {key} order by source_file, source_line)
            qualify row_number() over w > 1
            order by source_file, source_line
        """).fetchall()
        for file, line, value, first in rows:
            self.violations.append(
                Violation(Location(file, line, "/".join(contract.key)), f"duplicate key '{value}' (first at {first})")
            )

    def check_rules(self, contract: Contract) -> None:
        unreadable = self.unreadable | ({"place_names"} if self.unreadable & {"places", "place_aliases"} else set())
        if contract.rules and not self.con.execute(f"select exists (from raw.{contract.table})").fetchall()[0][0]:
            return  # no rows, nothing to break a rule (and a rule's subquery may read 10M figures: 1 s)
        # A field that broke its type loads as null: a rule reading it would report that null again.
        broken = {(v.location.file, v.location.line, v.location.column) for v in self.violations}
        for rule in contract.rules:
            if any(f"raw.{table}" in rule.failing_when for table in unreadable):
                continue
            reads = [c for c in contract.column_names if re.search(rf"\b{c}\b", rule.failing_when)]
            group = quote(rule.once_per) if rule.once_per else "null"
            rows = self.con.execute(
                f"select source_file, source_line, {rule.problem}, {group} from raw.{contract.table} "
                f"where coalesce({rule.failing_when}, false) order by source_file, source_line"
            ).fetchall()
            rows = [row for row in rows if not any((row[0], row[1], c) in broken for c in reads)]
            if rule.once_per is None:
                self.violations.extend(Violation(Location(f, line, rule.column), p) for f, line, p, _ in rows)
            else:
                self.violations.extend(self.once_per_name(rule.column, rows))

    def once_per_name(self, column: str, rows: list[tuple]) -> list[Violation]:
        """One violation per name, at its first row, naming every other row that writes it; the rows of
        each are kept in self.same_name, so a caller can tell every row (the review page does)."""
        by_name: dict[object, list[tuple]] = {}
        for row in rows:
            by_name.setdefault((row[2], row[3]), []).append(row)
        told = []
        for same in by_name.values():
            file, line, problem, _ = same[0]
            others = [f"{f}:{at}" if f != file else str(at) for f, at, _, _ in same[1:]]
            if others:
                problem = f"{problem} (also line{'s' if len(others) > 1 else ''} {', '.join(others)})"
            violation = Violation(Location(file, line, column), problem)
            self.same_name[violation] = [Location(f, at, column) for f, at, _, _ in same]
            told.append(violation)
        return told

    def check_corrected_figures(self) -> None:
        """A corrected figure must keep its contract's rules (a correction 2019 of a period that ends in
        2018, a value its evidence does not state): each one broken is reported at the line of
        raw/corrections.csv that made the figure break it, not left to fail a check after the build."""
        if not self.con.execute("select exists (from raw.corrections)").fetchall()[0][0]:
            return
        columns = []
        for col in FIGURES.columns:
            corrected = (
                f"(select {cast(col).replace(quote(col.name), 'c.corrected_value')} from raw.corrections c "
                f"where c.figure_id = f.figure_id and c.column_name = {sql_literal(col.name)})"
            )
            columns.append(
                f"coalesce({corrected}, f.{quote(col.name)}) as {quote(col.name)}"
                if col.name in CORRECTABLE
                else f"f.{quote(col.name)}"
            )
        self.con.execute(f"""
            create or replace temp table corrected_figures as
            select {", ".join(columns)}, c.source_file, c.source_line, c.column_name as corrected_column
            from raw.figures f
            join (select figure_id, arg_min(source_file, source_line) as source_file, min(source_line) as source_line,
                         string_agg(column_name, '/' order by source_line) as column_name
                  from raw.corrections group by figure_id) c using (figure_id)
        """)
        for rule in FIGURES.rules:
            rows = self.con.execute(
                f"select source_file, source_line, corrected_column, figure_id, {rule.problem} "
                f"from corrected_figures as figures where coalesce({rule.failing_when}, false) "
                "order by source_file, source_line"
            ).fetchall()
            self.violations.extend(
                Violation(Location(f, line, column), f"corrected, figure {figure_id} breaks its contract: {problem}")
                for f, line, column, figure_id, problem in rows
            )
        self.con.execute("drop table if exists temp.corrected_figures")


def _read_csv_sql(columns: str, store_rejects: bool) -> str:
    """Temp table `incoming` from one CSV file (the `?`), every column as text."""
    return f"create or replace temp table incoming as select * from {csv_scan(columns, store_rejects)}"


def _newlines_sql(contract: Contract) -> str:
    """SQL: the number of newlines inside a row's quoted fields."""
    return " + ".join(
        f"coalesce(length({quote(c)}) - length(replace({quote(c)}, chr(10), '')), 0)" for c in contract.column_names
    )


def _numbered_rows_sql(contract: Contract) -> str:
    """Number rows by the physical line they start on: after the header, one line per earlier row plus
    the newlines inside earlier rows' quoted fields (Loader.number_rows handles blank lines)."""
    newlines = _newlines_sql(contract)
    return f"""
        create or replace temp table numbered as
        select *, (1 + row_number() over w
                   + coalesce(sum({newlines}) over (w rows between unbounded preceding and 1 preceding), 0)
                  )::integer as source_line
        from incoming
        window w as (order by rowid)
    """


_NOT_UTF8 = "not UTF-8 ({lines}was it saved as GBK?): re-save the file as UTF-8"
_FIELD_COUNTS = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def _line_too_long(data: bytes, position: int, header: list[str]) -> tuple[str, str]:
    """A line over DuckDB's limit, with the column of its longest field (what there is to shorten)."""
    end = data.find(b"\n", position)
    line = data[position : end if end >= 0 else len(data)]
    fields = next(csv.reader([line.decode("utf-8", "replace")]), [""])
    longest = max(range(len(fields)), key=lambda i: len(fields[i]))
    column = header[longest] if longest < len(header) else f"column {longest + 1}"
    return (
        f"a line of {len(line):,} bytes, over the {MAX_LINE_BYTES:,} DuckDB reads in a line: "
        f"shorten this field ({len(fields[longest].encode()):,} bytes)",
        column,
    )


def _reject_problem(error_type: str, message: str, column: str | None) -> tuple[str, str | None]:
    """What a line that DuckDB rejected breaks, in the annotator's words, and the column to name."""
    counts = _FIELD_COUNTS.search(message)
    if error_type in ("TOO MANY COLUMNS", "MISSING COLUMNS") and counts:
        expected, found = counts.groups()
        if error_type == "TOO MANY COLUMNS":
            return f'{found} fields where the header has {expected}: quote fields that hold commas ("a, b")', None
        return f"fewer fields than the header's {expected}: give every row all the header's columns", None
    if error_type == "UNQUOTED VALUE":
        return (
            "a quote that does not close, or text after a closing quote: quote the whole field and "
            'double each quote inside it ("say ""hi""")',
            column,
        )
    return f"{error_type.lower()}: {message.splitlines()[0]}", column


def _bare_cr_violation(scan: FileScan, where: str) -> Violation:
    """The line (as an editor counts lines: CR alone ends one too) and column of a file's first bare CR."""
    with scan.path.open("rb") as handle:
        before = handle.read(scan.bare_cr)
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    line = len(_LINE_ENDS.findall(before)) + 1
    text = before[line_start:].decode("utf-8", "replace")
    field = len(next(csv.reader([text]), [""])) or 1
    header = next(csv.reader([scan.first_line.split(b"\r")[0].decode("utf-8-sig", "replace")]), [])
    column = header[field - 1] if field <= len(header) and header[field - 1].strip() else f"column {field}"
    return Violation(
        Location(where, line, column),
        "a carriage return (CR) not followed by a line feed, the line end of old Macs and Excel for "
        'Mac\'s "CSV": save the file with LF (or CRLF) line ends, as "CSV UTF-8"',
    )


_LINE_ENDS = re.compile(rb"\r\n|\n|\r")


def record_start_lines(data: bytes) -> list[int]:
    """The physical line each data row starts on, counting the blank lines that DuckDB skips."""
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    starts, lines_read = [], 0
    for record in reader:
        if record:
            starts.append(lines_read + 1)
        lines_read = reader.line_num
    return starts[1:]


def load(con: duckdb.DuckDBPyConnection, project_dir: Path) -> list[LoadResult]:
    """Load every raw file into schema raw; raise ContractError listing every violation."""
    return Loader(con, project_dir).load_all()
