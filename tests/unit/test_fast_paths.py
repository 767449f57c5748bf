"""The fast paths added for scale answer exactly as the slow rules they stand in for."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import duckdb
import pytest

from pipelines.load.loader import register_functions
from pipelines.load.numbers import SAFE_EVIDENCE, value_in_evidence

REPO = Path(__file__).resolve().parents[2]
CASES = [
    ("12", "增长12%", True),
    ("12.5", "达12.50亿元", True),
    ("12", "1,2", False),
    ("1700", "1,700亿元", True),
    ("57", "５７家", True),
    ("12", "十二家", True),
    ("-2", "下降2%", True),
    ("1.5", "1．5倍", True),
    ("1", "1．5", False),
    ("0.5", "0.5%", True),
    ("5", "0.5%", False),
    ("2", "10²", False),
    ("102", "10²", True),
    ("2024", "2024年", True),
    ("1000", "千亿级", True),
    ("0", "0%", True),
    ("100", "100.0%", True),
    ("7", "007", True),
    ("12", "12,345", False),
    ("12345", "12,345", True),
    ("1.5", "1.5倍（约）", True),
    ("5", "超5个", True),
    ("1", "1…2", True),
    ("3", "北部灣經(jì)濟(jì)區3个", True),
    ("4", "第4位", True),
    ("12", "一二", True),
    ("9", "九成", True),
    ("123456789012345678901", "123456789012345678901", False),  # value beyond decimal(18, 4): never equal
    ("1.00000000000000000001", "1.00000000000000000001", False),  # nor here: the fast path must not round
]


def test_every_safe_character_leaves_ascii_numbers_as_they_are():
    """SAFE_EVIDENCE: NFKC turns none of its characters into a digit, '.' or ',', and none is itself a
    digit beyond ASCII 0-9: in evidence made of them the ASCII numbers are the numbers Python reads."""
    safe = re.compile(f"[{SAFE_EVIDENCE}]")
    checked = 0
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF or not safe.fullmatch(ch):
            continue
        checked += 1
        if ch in "0123456789.":
            continue
        normal = unicodedata.normalize("NFKC", ch)
        assert ch != "," and not re.search(r"[\d.,]", normal) and not re.search(r"\d", ch), (hex(code), normal)
    assert checked > 20_000  # the CJK ideographs are in


@pytest.mark.parametrize("value, evidence, expected", CASES)
def test_sql_macro_and_python_agree(value, evidence, expected):
    con = duckdb.connect()
    try:
        register_functions(con)
        (sql,) = con.execute(
            "select value_in_evidence(try_cast(? as decimal(18, 4)), ?)", [value, evidence]
        ).fetchall()[0]
    finally:
        con.close()
    python = value_in_evidence(value, evidence) if len(value) <= 18 else False
    assert python is expected
    assert bool(sql) is expected


def test_sql_fast_path_decides_synthetic_evidence_without_python(tmp_path):
    """The fast match settles ordinary evidence itself: Python is called for none of 2000 figures."""
    from pipelines.synth import synthesize

    synthesize(REPO, tmp_path / "p", 2000)
    con = duckdb.connect()
    try:
        register_functions(con)
        calls = []
        con.remove_function("value_in_evidence_py")
        con.create_function(
            "value_in_evidence_py",
            lambda v, e: calls.append(e) or value_in_evidence(v, e),
            ["VARCHAR", "VARCHAR"],
            "BOOLEAN",
            side_effects=False,
        )
        files = sorted(str(p) for p in (tmp_path / "p" / "raw" / "figures").glob("*.csv"))
        (failing,) = con.execute(
            f"select count(*) filter (where not value_in_evidence(value::decimal(18, 4), evidence)) "
            f"from read_csv({files!r}, all_varchar = true)"
        ).fetchall()[0]
    finally:
        con.close()
    assert failing == 0
    assert calls == []


def test_vectorised_rule_agrees_with_the_row_by_row_rule():
    """values_in_evidence (GX's check of whole tables) answers as value_in_evidence row by row, for
    float values as frames hold them, for missing values and evidence, and for values that are text."""
    import pandas as pd

    from pipelines.load.numbers import values_in_evidence

    floats = [float(v) for v, _, _ in CASES if len(v) <= 18] + [0.1, 0.1, float("nan"), 5.0]
    texts = [e for v, e, _ in CASES if len(v) <= 18] + ["0.1%", "0.10000000000000001", "12", None]
    expected = [isinstance(e, str) and v == v and value_in_evidence(v, e) for v, e in zip(floats, texts)]
    assert values_in_evidence(pd.Series(floats), pd.Series(texts, dtype="str")) == expected
    assert values_in_evidence(floats, texts) == expected
    as_text = [None if v != v else str(v) for v in floats]
    assert values_in_evidence(as_text, texts) == [isinstance(v, str) and e for v, e in zip(as_text, expected)]
