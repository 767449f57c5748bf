"""Models stay in the SQL subset DuckDB and Spark run the same way: a construct known not to port is a
graph error on both engines, naming the model's file and line and the portable way to write it. The
check runs before any Spark session starts, so these tests need no Spark."""

from __future__ import annotations

import pytest

PORTABLE_CASES = {
    # case: (model SQL, line the error names, what it says, the alternative it gives)
    "union by name": (
        "with\n\na as (select unit from raw.units),\n\nfinal as (\n    select * from a\n    union all by name\n"
        "    select unit from a\n)\n\nselect * from final\n",
        7,
        "`union ... by name` (Spark has no such union)",
        "use `union all`",
    ),
    "untyped null in a union": (
        "with\n\nknown as (select unit, unit_measure from raw.units),\n\n"
        "missing as (\n    select\n        'none' as unit,\n        null as unit_measure,\n),\n\n"
        "final as (select * from known union all select * from missing)\n\nselect * from final\n",
        8,
        "untyped `null` in a union (column unit_measure",
        "`cast(null as varchar) as x`",
    ),
    "unnest(range(...))": (
        "with\n\nyears as (\n    select\n        unnest(range(2016, 2031)) as year,\n)\n\nselect * from years\n",
        5,
        "`range(...)`/`generate_series(...)`",
        "(values (0), (1), (2)) as offsets(n)",
    ),
    "list subscript": (
        "select\n    unit,\n    ['a', 'b'][unit_multiplier] as letter,\nfrom raw.units\n",
        3,
        "a list subscript `x[i]` (DuckDB counts from 1, Spark from 0)",
        "a `case` expression",
    ),
}


@pytest.mark.parametrize("engine", ["duckdb", "spark"])
@pytest.mark.parametrize("case", list(PORTABLE_CASES))
def test_a_construct_that_does_not_port_fails_the_graph_check(project, cli, case, engine):
    sql, line, what, alternative = PORTABLE_CASES[case]
    path = project / "marts" / "zz_unportable.sql"
    path.write_text(sql, encoding="utf-8")
    result = cli(project, "build", "--engine", engine)
    assert result.exit_code == 4, result.output
    error = result.output.strip().splitlines()[-1]
    assert error.startswith(f"Error: {what}"), error
    assert f"does not run the same way on DuckDB and Spark — {path}:{line} — " in error, error
    assert alternative in error, error
    assert not (project / "target" / "spark" / "marts").exists()  # refused before anything ran


def test_the_first_construct_by_line_is_named(project, cli):
    (project / "marts" / "zz_two.sql").write_text(
        "select\n    ['a'][1] as letter,\n    unnest(range(1, 3)) as n,\n", encoding="utf-8"
    )
    result = cli(project, "build")
    assert result.exit_code == 4, result.output
    assert f"{project / 'marts' / 'zz_two.sql'}:2 — " in result.output


def test_the_project_models_are_portable_and_comments_do_not_count(project, cli):
    (project / "marts" / "zz_comment.sql").write_text(
        "-- not `union all by name`, nor unnest(range(3))\nselect unit from raw.units\n", encoding="utf-8"
    )
    (project / "marts" / "zz_field.sql").write_text(  # a struct's field by name is no list subscript
        "select {'a': unit}['a'] as unit from raw.units\n", encoding="utf-8"
    )
    result = cli(project, "docs")
    assert result.exit_code == 0, result.output
    for name in ("zz_comment", "zz_field"):  # documented as any model is: in the graph, reading raw.units
        assert f"\nmarts.{name}  (marts/{name}.sql" in result.output
        assert f"raw.units -> marts.{name}\n" in result.output
