"""Are two DuckDB builds the same? Every staging and mart table of one beside the other's: column names and
types, row counts, rows (EXCEPT ALL both ways, so duplicates count). For the bench's proof that faster
models build exactly the tables of the models before them (issue 18).

    python benchmarks/equal_builds.py OLD.duckdb NEW.duckdb [schema.table ...]   # all, or only these
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

SCHEMAS = ("staging", "marts")


@dataclass
class Difference:
    table: str
    what: str


def compare(old_path: str, new_path: str, only: list[str] | None = None) -> tuple[int, list[Difference]]:
    """(tables compared, differences): a table missing on either side, other columns, or other rows."""
    import duckdb

    con = duckdb.connect(config={"memory_limit": "2GB"})
    try:
        con.execute("attach ? as old (read_only)", [old_path])
        con.execute("attach ? as new (read_only)", [new_path])
        listing = (
            "select schema_name || '.' || table_name from duckdb_tables() where database_name = ? "
            f"and schema_name in {SCHEMAS!r}"
        )
        old = {name for (name,) in con.execute(listing, ["old"]).fetchall()}
        new = {name for (name,) in con.execute(listing, ["new"]).fetchall()}
        if only:
            old, new = old & set(only), new & set(only)
        differences = [Difference(name, "only in the old build") for name in sorted(old - new)]
        differences += [Difference(name, "only in the new build") for name in sorted(new - old)]
        for name in sorted(old & new):
            schema, table = name.split(".")
            a, b = f'old."{schema}"."{table}"', f'new."{schema}"."{table}"'
            types_a = con.execute(f"describe select * from {a}").fetchall()
            types_b = con.execute(f"describe select * from {b}").fetchall()
            if [t[:2] for t in types_a] != [t[:2] for t in types_b]:
                differences.append(Difference(name, "other columns or types"))
                continue
            only_old = con.execute(f"select count(*) from (select * from {a} except all select * from {b})").fetchall()
            only_new = con.execute(f"select count(*) from (select * from {b} except all select * from {a})").fetchall()
            if only_old[0][0] or only_new[0][0]:
                differences.append(
                    Difference(name, f"{only_old[0][0]} rows only in the old, {only_new[0][0]} only in the new")
                )
        return len(old | new), differences
    finally:
        con.close()


def summary(tables: int, differences: list[Difference]) -> str:
    equal = tables - len({d.table for d in differences})
    text = f"{equal} of {tables}"
    return text + (f" (not: {'; '.join(f'{d.table}: {d.what}' for d in differences)})" if differences else "")


if __name__ == "__main__":
    tables, differences = compare(sys.argv[1], sys.argv[2], sys.argv[3:])
    print(summary(tables, differences))
    sys.exit(1 if differences else 0)
