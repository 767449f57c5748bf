"""Numbers as documents write them: the provenance rule behind "the value occurs in its evidence"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipelines.load.numbers import chinese_numeral_value, numbers_in, value_in_evidence


@pytest.mark.parametrize(
    "text, value",
    [
        ("十二", 12),
        ("五百", 500),
        ("两千三百", 2300),
        ("一万二千", 12000),
        ("万", 10000),
        ("千", 1000),
        ("二〇二四", 2024),
        ("三", 3),
        ("十", 10),
        ("一百零五", 105),
    ],
)
def test_chinese_numerals(text, value):
    assert chinese_numeral_value(text) == value


@pytest.mark.parametrize(
    "value, evidence",
    [
        ("1700", "钢材产量突破 1,700 万吨"),
        ("57", "占比５７％"),
        ("-2", "同比下降2%"),
        ("1000", "打造千亿级产业集群"),
        ("3000", "3个三千亿"),
        ("76.0", "同比大幅增长76.0%"),
        ("76", "同比大幅增长76.0%"),
        ("12", "共12個"),
    ],
)
def test_value_occurs_in_evidence(value, evidence):
    assert value_in_evidence(value, evidence)


@pytest.mark.parametrize(
    "value, evidence",
    [
        ("5", "增长57%"),
        ("57", "增长5.7%"),
        ("7", "增长57%"),
        ("1.5", "增长1.55%"),
        ("not a number", "增长5%"),
    ],
)
def test_value_absent_from_evidence(value, evidence):
    assert not value_in_evidence(value, evidence)


def test_numbers_in_reads_every_number():
    assert numbers_in("2021年至2023年年均增长6.5%") == [Decimal("2021"), Decimal("2023"), Decimal("6.5")]


def test_a_chinese_numeral_split_by_a_pinyin_note_is_read_whole():
    from pipelines.load.numbers import value_in_evidence

    # a machine conversion's note (兩(liǎng)) inside 兩千: the evidence still states 2000
    assert value_in_evidence("2000", "電(diàn)力3個(gè)兩(liǎng)千億(yì)產業")
    assert not value_in_evidence("2", "電(diàn)力3個(gè)兩(liǎng)千億(yì)產業")
