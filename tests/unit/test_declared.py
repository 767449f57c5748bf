"""The .yml's declared tests compile to GX expectations: every kind the schema accepts, none dropped."""

import pytest

from pipelines.models.data_tests import COLUMN_TESTS, MODEL_TESTS, DeclaredTest
from pipelines.validate.declared import compile_suite, expectation_of

ARGUMENTS = {
    "values": ["a"],
    "column": "other",
    "evidence": "evidence",
    "columns": ["a", "b"],
    "name": "n",
    "sql": "x > 0",
}


@pytest.mark.parametrize("kind", sorted((set(COLUMN_TESTS) | set(MODEL_TESTS)) - {"relationships"}))
def test_every_declared_kind_compiles_to_one_expectation(kind):
    required = (COLUMN_TESTS.get(kind) or MODEL_TESTS[kind])[0]
    test = DeclaredTest(kind, None if kind in MODEL_TESTS else "value", {k: ARGUMENTS[k] for k in required})
    expectation = expectation_of(test)
    assert expectation is not None, f"{kind} is accepted in a .yml but compiles to nothing"
    assert expectation["type"].startswith("expect_") and expectation["meta"]["guards"]
    assert expectation["severity"] == "critical"


def test_a_between_keeps_its_bounds_and_strictness_and_guards_says_what_the_yml_says():
    test = DeclaredTest("between", "pct", {"min": 0, "max": 100, "strict_min": True}, guards="a share")
    assert expectation_of(test) == {
        "type": "expect_column_values_to_be_between",
        "kwargs": {"column": "pct", "min_value": 0, "max_value": 100, "strict_min": True},
        "meta": {"guards": "a share", "declared_in": ""},
        "severity": "critical",
    }


def test_an_expression_is_a_column_of_the_frame_expected_null():
    test = DeclaredTest("expression", None, {"name": "negative", "sql": "value >= 0"})
    expectations, frame = compile_suite([test], "select 1 as value")
    assert expectations[0]["kwargs"] == {"column": "negative"}
    assert "case when not (value >= 0) then cast(('value >= 0') as varchar) end as \"negative\"" in frame


def _unresolved(frame_sql: str) -> list:
    import duckdb

    con = duckdb.connect()
    con.execute("create schema dims")
    con.execute("create table dims.city as select 'c' || range as city_key from range(1000)")
    con.execute("insert into dims.city values ('c7')")  # a repeated key: the lookup still keeps one row per row
    return con.execute(f"select city_key, unresolved_keys from ({frame_sql}) order by all").fetchall()


def test_a_narrowed_lookup_reads_only_the_frames_keys_and_names_the_same_keys_unresolved():
    test = DeclaredTest("relationships", "city_key", {"to": "dims.city", "field": "city_key", "required": True})
    frame = "select * from (values ('c7'), ('c7'), ('atlantis'), (null)) as rows(city_key)"
    _, whole = compile_suite([test], frame)
    _, narrowed = compile_suite([test], frame, frozenset({"dims.city"}))
    lookups = [sql.split("left join")[1].split(" as __key_0")[0] for sql in (narrowed, whole)]
    assert "from __checked" in lookups[0] and "__checked" not in lookups[1]
    assert (
        _unresolved(narrowed)
        == _unresolved(whole)
        == [
            ("atlantis", "city_key atlantis not in dims.city"),
            ("c7", None),
            ("c7", None),
            (None, "city_key missing"),
        ]
    )


def test_a_lookup_is_narrowed_only_into_a_dimension_ten_times_the_models_rows():
    from pipelines.validate.declared import narrow_lookup

    assert narrow_lookup(0, 10_000_000) and narrow_lookup(5_200, 1_000_000)
    assert not narrow_lookup(1_000_000, 5_000) and not narrow_lookup(370_000, 1_000_000)
    assert not narrow_lookup(None, 1_000_000) and not narrow_lookup(10, None)
