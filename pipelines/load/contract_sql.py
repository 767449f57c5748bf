"""The SQL that a contract's columns become: how a raw CSV is read, what each column accepts (its
checks, with the message each gives), and how each is cast to its declared type.

Both ways of loading a file (pipelines/load/loader.py) use these, so that they accept exactly the same rows.
"""

from __future__ import annotations

from ..sql import quote, sql_literal
from .contracts import Column, Contract, integer_as_written

Check = tuple[int, str, str, str]  # (number, column, SQL predicate on the text as written, SQL message)


def _message(template: str, *args: str) -> str:
    """A SQL expression formatting `template` (with {} placeholders) with SQL `args`."""
    return f"format({sql_literal(template)}, {', '.join(args)})" if args else sql_literal(template)


_FULL_WIDTH, _ASCII = "０１２３４５６７８９．，－％", "0123456789.,-%"
_LEADING_NUMBER = sql_literal(r"^-?[0-9][0-9,]*(\.[0-9]+)?")
_CHINESE_NUMERALS = sql_literal("[零〇一二两兩三四五六七八九十百千万萬亿億]")
_THOUSANDS_SEPARATED = sql_literal(r"-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")
_UNIT_START = sql_literal(r"^[^0-9.,\-]")


def _decimal_hint(v: str, otherwise: str) -> str:
    """A SQL message for a decimal written the way a document writes it, saying what to write instead:
    ５７ (full-width digits), 1,700 (a thousands separator), 57% (a unit), 十二 (Chinese numerals)."""
    ascii_v = f"translate({v}, {sql_literal(_FULL_WIDTH)}, {sql_literal(_ASCII)})"
    number = f"replace(regexp_extract({ascii_v}, {_LEADING_NUMBER}), ',', '')"
    unit = f"trim(regexp_replace({ascii_v}, {_LEADING_NUMBER}, ''))"
    unit_hint = f"case when {unit} <> '' then format(' and put ''{{}}'' in column unit', {unit}) else '' end"
    return f"""case
        when regexp_matches({v}, {sql_literal(f"[{_FULL_WIDTH}]")}) and {number} <> ''
            then {_message("'{}' has full-width characters: write {} in ASCII digits{}", v, number, unit_hint)}
        when regexp_full_match({v}, {_THOUSANDS_SEPARATED})
            then {_message("'{}' has a thousands separator: write {}", v, number)}
        when {number} <> '' and regexp_matches({unit}, {_UNIT_START})
            then {_message("'{}' holds a unit: write {}{}", v, number, unit_hint)}
        when regexp_matches({v}, {_CHINESE_NUMERALS})
            then {
        _message(
            "'{}' is written in Chinese numerals: write it in ASCII digits (十二 -> 12; "
            "a multiplier such as 万 or 亿 goes in column unit)",
            v,
        )
    }
        else {otherwise}
    end"""


def column_checks(col: Column) -> list[tuple[str, str, bool]]:
    """(SQL predicate on the text value, SQL message, whether the typed table answers it as `column is
    null`) for one column. That is a text column's "required": its cast, nullif(trim(v), ''), makes
    exactly the empty and blank values null."""
    v = quote(col.name)
    checks: list[tuple[str, str, bool]] = []
    if col.required:
        checks.append((f"{v} is null or trim({v}) = ''", _message("required, but empty"), col.type == "text"))
    if col.allowed is not None:
        allowed = ", ".join(sql_literal(a) for a in col.allowed)
        checks.append(
            (f"{v} not in ({allowed})", _message(f"'{{}}' is not one of: {', '.join(col.allowed)}", v), False)
        )
    if col.type == "integer" and col.allowed is None:
        # DuckDB's cast rounds 2020.5 and reads 0x7E5 and 2_021: an integer is digits as written.
        checks.append(
            (
                f"{v} is not null and not ({integer_as_written(v)})",
                _message("'{}' is not an integer (write ASCII digits only, e.g. 2020)", v),
                False,
            )
        )
    if col.type == "double" and col.allowed is None:
        checks.append(
            (f"{v} is not null and try_cast({v} as {col.sql_type}) is null", _message("'{}' is not a number", v), False)
        )
    if col.pattern is not None:
        fix = f" (write {col.fix})" if col.fix else ""
        message = _message(f"'{{}}' is not a valid {col.name}{fix}", v)
        checks.append(
            (
                f"not regexp_full_match({v}, {sql_literal(col.pattern)})",
                _decimal_hint(v, message) if col.type == "decimal" else message,
                False,
            )
        )
    if col.max_length is not None:
        checks.append(
            (
                f"length({v}) > {col.max_length}",
                _message(f"{{}} characters, at most {col.max_length} allowed", f"length({v})"),
                False,
            )
        )
    if col.min_value is not None and col.max_value is not None:
        written = f"{integer_as_written(v)} and " if col.type == "integer" else ""  # else one error, not two
        checks.append(
            (
                f"{written}try_cast({v} as {col.sql_type}) not between {col.min_value} and {col.max_value}",
                _message(f"{{}} is outside {col.min_value}..{col.max_value}", v),
                False,
            )
        )
    return checks


def checks_of(contract: Contract) -> tuple[list[Check], list[Check]]:
    """(number, column, SQL predicate, SQL message) of every column check: those asked of the text as
    written, and those asked of the typed row after the insert. A text column's "required" is the
    latter: there `column is null` is exactly `column is null or trim(column) = ''` on the text, and
    costs no trim (a second per 1M rows)."""
    checks = [
        (number, col.name, predicate, message, on_typed)
        for number, (col, (predicate, message, on_typed)) in enumerate(
            (col, check) for col in contract.columns for check in column_checks(col)
        )
    ]
    return ([check[:4] for check in checks if not check[4]], [check[:4] for check in checks if check[4]])


def any_broken(checks: list[Check]) -> str:
    """SQL: true where a row breaks any of the checks (a check that is null is not broken)."""
    return " or ".join(f"({predicate})" for _, _, predicate, _ in checks) or "false"


def cast(col: Column) -> str:
    v = quote(col.name)
    if col.type == "text":
        return f"nullif(trim({v}), '')"
    return f"try_cast({v} as {col.sql_type})"


def casts(contract: Contract) -> str:
    return ", ".join(cast(col) for col in contract.columns)


def csv_columns(header: list[str]) -> str:
    """read_csv's `columns`: the header's names, every one as text. Given, DuckDB sniffs nothing (no
    dialect, no types), so an unterminated quote is a rejected line, not a failed sniff."""
    return "{" + ", ".join(f"{sql_literal(name)}: 'varchar'" for name in header) + "}"


def csv_scan(columns: str, store_rejects: bool = False, path_column: str | None = None) -> str:
    """read_csv of the CSV file or list of files in the statement's `?`, every column as text;
    with path_column, each row's file path (as given) in that column."""
    path = f", filename = {sql_literal(path_column)}" if path_column else ""
    return (
        f"read_csv(?, columns = {columns}{path}, "
        "header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', encoding = 'utf-8', "
        f"store_rejects = {str(store_rejects).lower()}, null_padding = false, strict_mode = true)"
    )
