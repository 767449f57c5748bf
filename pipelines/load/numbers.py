"""Reading numbers as documents write them: the provenance rule "the value occurs in its evidence".

Evidence is kept exactly as the source writes it; to compare it with a figure's decimal value we
normalise a copy: full-width characters to ASCII, thousands separators dropped, and runs of Chinese
numerals (十二, 五百, 两) read as numbers.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_NUMERAL = re.compile("[零〇一二两兩三四五六七八九十百千万萬]+")
# Thousands separators only between digit groups of exactly three: 1,700 and 12,345,678.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

# The fast path (here and in the loader's SQL): characters that NFKC maps to no digit, '.' or ',' and
# that are no digit themselves beyond ASCII 0-9 (tests/test_fast_paths.py checks every one). In
# evidence made of these only, normalising changes no ASCII number, so an ASCII number equal to the
# value proves the rule holds (Chinese numerals only add numbers). Otherwise read the evidence fully.
# A regex character class that Python's re and DuckDB's RE2 both read.
SAFE_EVIDENCE = (
    r"\x20-\x2B\x2D-\x7E"  # printable ASCII but the comma
    "\u00b7\u00c0-\u024f\u2013\u2014\u2018-\u201d\u2030"  # · Latin letters (pinyin ǐ ì) – — ‘ ’ “ ” ‰
    "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"  # CJK punctuation 、。《》 and ideographs
    "\uff01-\uff0b\uff0d\uff0f\uff1a-\uff5e"
)  # full-width forms but ， ． and ０-９
_SAFE = re.compile(f"[{SAFE_EVIDENCE}]*")
_ASCII_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def chinese_numeral_value(text: str) -> int:
    """Value of a run of Chinese numerals: 十二 -> 12, 五百 -> 500, 两千三百 -> 2300, 一二 -> 12."""
    if all(ch in _DIGITS for ch in text):  # digit by digit, as in 二〇二四
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        else:  # 万 / 萬 closes a section
            section += digit or 0
            total += (section or 1) * 10_000
            section, digit = 0, None
    return total + section + (digit or 0)


# A line break inside a number (a PDF's column wrapped it: 1250.\n3亿元) with the indent after it: no text.
_WRAPPED_NUMBER = re.compile(r"(?<=[0-9.])\r?\n[ \t\u3000]*(?=[0-9.])")
# Pinyin in parentheses after a character, left by a machine conversion (兩(liǎng)千, 業(yè)): not part of a numeral.
_PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,8}\)")


def normalise_evidence(text: str) -> str:
    """Full-width to ASCII (NFKC), pinyin notes, a number's line wrap and thousands separators dropped, Chinese
    numerals as digits."""
    text = _PINYIN_NOTE.sub("", unicodedata.normalize("NFKC", text))
    text = _WRAPPED_NUMBER.sub("", text)
    text = _THOUSANDS.sub("", text)
    return _CHINESE_NUMERAL.sub(lambda m: f" {chinese_numeral_value(m.group())} ", text)


def numbers_in(text: str) -> list[Decimal]:
    """Every number that a span of text states, after normalisation."""
    return [Decimal(m.group()) for m in _NUMBER.finditer(normalise_evidence(text))]


def value_in_evidence(value: Decimal | str | float, evidence: str) -> bool:
    """True when the evidence states the value (or its magnitude, for a decrease written 下降2%)."""
    try:
        wanted = abs(Decimal(str(value)))
    except InvalidOperation:
        return False
    if _SAFE.fullmatch(evidence) and any(Decimal(n) == wanted for n in _ASCII_NUMBER.findall(evidence)):
        return True  # the fast path: see SAFE_EVIDENCE
    return any(number == wanted for number in numbers_in(evidence))


def settled_sql(value: str, evidence: str) -> str:
    """A DuckDB condition, true where the fast path proves that the double `value` is in the text
    `evidence` (never null). A number of at most 16 characters has at most 15 significant digits, and no
    two such decimals make the same double: so when it equals a double value v, it is exactly the
    number repr(v) writes."""
    return f"""coalesce(
        regexp_full_match({evidence}, '[{SAFE_EVIDENCE}]*')
        and list_contains(
            list_transform(list_filter(regexp_extract_all({evidence}, '[0-9]+(\\.[0-9]+)?'),
                                       lambda n: length(n) <= 16),
                           lambda n: n::double),
            abs({value})),
        false)"""


_VECTOR_SQL = f"select {settled_sql('v', 'e')} as settled from pairs"


def values_in_evidence(values, evidences) -> list[bool]:
    """value_in_evidence over two columns, as GX checks whole tables: for float values DuckDB settles
    in one pass the rows whose evidence is SAFE_EVIDENCE and states the value in ASCII digits (10M
    rows in seconds, not a minute); Python reads only the rest. A missing value or evidence: False."""
    import duckdb
    import numpy as np
    import pyarrow as pa

    floats = np.asarray(values)
    settled = None
    if floats.dtype.kind == "f":
        try:
            pairs = pa.table(
                {
                    "v": pa.array(floats, type=pa.float64()),  # noqa: F841 (DuckDB reads it)
                    "e": pa.array(evidences, type=pa.string(), from_pandas=True),
                }
            )
        except (pa.ArrowException, TypeError, ValueError):
            pairs = None  # evidence that is not text: the row-by-row rule says why not
        if pairs is not None:
            con = duckdb.connect()
            try:
                settled = con.execute(_VECTOR_SQL).fetchnumpy()["settled"]
            finally:
                con.close()
    if settled is None:
        settled = np.zeros(len(floats), dtype=bool)
    results = settled.tolist()
    at = (
        (lambda column, number: column.iloc[number])
        if hasattr(evidences, "iloc")
        else (lambda column, number: column[number])
    )
    for number in np.flatnonzero(~settled).tolist():  # the rows DuckDB left: usually none
        value = at(values, number) if hasattr(values, "iloc") else values[number]
        evidence = at(evidences, number)
        missing = value is None or (isinstance(value, float) and value != value) or not isinstance(evidence, str)
        results[number] = not missing and value_in_evidence(value, evidence)
    return results
