"""fetch_frame gives exactly what DuckDB's .df() gives: same columns, dtypes and values."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipelines.validate.frames import fetch_frame

SQL = """
    select
        case when i % 2 = 0 then 'a' end as some_null,
        null::varchar as all_null,
        '南宁' || i as no_null,
        case when i > 3000 then 'late' end as first_chunk_null,
        i::integer as i,
        case when i % 2 = 0 then i::integer end as int_null,
        (i / 3)::decimal(18, 4) as d,
        i::bigint * 1000000000 as big,
        i / 7 as dbl,
        i % 2 = 0 as b,
        case when i % 3 = 0 then true end as b_null,
        [i] as l,
        {'a': i} as st,
        date '2020-01-01' + i::integer as dt,
        'dup' as x,
        'dup again' as x,
        'dup thrice' as x,
    from range(5000) as t(i)
"""


def test_fetch_frame_equals_df():
    con = duckdb.connect()
    try:
        expected = con.execute(SQL).df()
        got = fetch_frame(con, SQL)
    finally:
        con.close()
    assert list(got.columns) == list(expected.columns)
    assert list(got.dtypes.astype(str)) == list(expected.dtypes.astype(str))
    for number in range(len(expected.columns)):
        a, b = got.iloc[:, number], expected.iloc[:, number]
        assert type(a.array) is type(b.array), expected.columns[number]
        if b.dtype == object:  # lists and structs: compare as text
            assert a.astype(str).tolist() == b.astype(str).tolist()
        else:
            pd.testing.assert_series_equal(a, b, check_names=False)


def test_fetch_frame_of_an_empty_result():
    con = duckdb.connect()
    try:
        sql = "select 'a' as t, 1 as n where false"
        expected, got = con.execute(sql).df(), fetch_frame(con, sql)
    finally:
        con.close()
    assert list(got.columns) == list(expected.columns) and len(got) == 0
    assert list(got.dtypes.astype(str)) == list(expected.dtypes.astype(str))


def test_gx_frame_widens_integers_only():
    from pipelines.validate.frames import gx_frame

    con = duckdb.connect()
    try:
        sql = (
            "select 1::tinyint as a, 2::integer as b, 3::bigint as c, 4::uinteger as d, 5::ubigint as e, "
            "case when false then 1 end::integer as f, 1.5::double as g, 'x' as h"
        )
        expected, got = con.execute(sql).df(), gx_frame(con, sql)
    finally:
        con.close()
    assert [str(t) for t in got.dtypes] == ["int64", "int64", "int64", "int64", "uint64", "Int32", "float64", "str"]
    assert got.astype(object).values.tolist() == expected.astype(object).values.tolist()
