"""A price's change is read from grammar, not from the words one bulletin uses: with every cue word holding 涨
(涨, 涨跌, 价格上涨: words a held-out bulletin may be the only document to hold) left out of the reference, the
price's noun and its verb (食品价格上涨1.5%), 其中 after a price's sentence, a header's 涨幅 and a section's
heading still make each figure a price change, with the sign its own verb says."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.annotate import reference
from pipelines.annotate.extract import extract

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def unseen():
    return reference.load(REPO / "raw").without(lambda word: "涨" not in word)


CASES = [
    # the price's noun and its verb, no cue word saying 上涨 is a change: no share
    ("12月份,食品价格上涨1.5%,服务价格上涨0.2%。", {"1.5": "1.5", "0.2": "0.2"}),
    # 其中 opening the sentence after a price's: its parts' changes are the price's
    ("12月份,居民消费价格同比上涨0.3%。其中,城市上涨0.2%,农村上涨0.5%。", {"0.2": "0.2", "0.5": "0.5"}),
    # a decrease earlier in the sentence does not carry over the part's own 上涨
    ("工业生产者出厂价格下降2.1%,生产资料价格下降2.9%,生活资料价格上涨0.8%。", {"0.8": "0.8", "2.9": "-2.9"}),
    # a column's header of 涨幅 under a caption naming no price
    ("表3 八大类商品及服务\n类别 |\n同比涨幅(%) |\n食品烟酒 |\n-0.5 |\n衣着 |\n1.1 |\n", {"0.5": "-0.5", "1.1": "1.1"}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_price_change_by_grammar(text, expected, unseen):
    figures = {abs(f.value): f for f in extract(text, "2024-01-20", unseen) if f.unit == "%"}
    for magnitude, value in expected.items():
        figure = figures[Decimal(magnitude)]
        assert (figure.metric_code, figure.value, figure.rate_of_metric_code) == ("price_change", Decimal(value), "")
