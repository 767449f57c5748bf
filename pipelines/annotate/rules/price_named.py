"""Which price a price change is of (docs/codes.md, Subjects: what the figure is where the metric alone does not
say): price_change is any price index's change, so 居民消费价格上涨1.5% and 工业生产者出厂价格下降2.1% differ only
in the price named. The subject is that price, as written: the noun ending in 价格 (or 价格指数) that opens the
figure's clause, past its place, date and lead words, right before the change word (上涨, 下降, 同比…).

A rate so written is a price change whatever cue word was near it: 工业生产者购进价格下降3.5% is no growth of
a production (the 生产 of 生产者 is no production cue), so its metric is price_change and it rates nothing."""

from __future__ import annotations

import re

from .. import cues
from ..script import plain
from . import sub_year
from .subject import after_the_lead

# a price's change read as a growth (同比上涨0.3%: growth_rate), or as a bare percent (a share) where no cue word
# says 上涨 is a change, is still that price's: the price's noun and its verb right before the number say so
PRICE_CHANGES = ("price_change", "growth_rate", "share")
# the price's noun, then the glue and change words between it and the number (同比上涨, 比上年下降, 持平)
_PRICE = re.compile(
    r"([\u4e00-\u9fff]{0,12}价格(?:总?指数)?)(?:\([A-Za-z]+\))?(?:总水平)?(?:同比|环比|累计|[比较](?:上年|去年|上月)(?:同期|同月)?)?"
    r"(?:(上涨|上升|涨|增长)|下降|下跌|降|回落|持平)(?:了)?(?:约|近)?\s*$"
)
_MINUS = "-−－"


def _signed(figure, doc, rose: bool) -> None:
    """The verb right before the number says the sign (上涨0.8%, 下降2.1%), whatever a decrease earlier in the
    sentence made of it; a minus written before the number (上涨-0.5) is kept as written."""
    if figure.at > 0 and doc.norm[figure.at - 1] in _MINUS:
        return
    signed = abs(figure.value) if rose else -abs(figure.value)
    if signed != figure.value:
        figure.notes.append(f"the price's verb says the sign: {signed}")
        figure.value = signed


# a price's noun anywhere in a table's row label, caption or section heading (居民消费价格, 工业生产者出厂价格指数,
# 四、物价: prices as a whole)
_PRICE_NOUN = re.compile(r"价格(?:总?指数)?|物价")


def names_a_price(text: str) -> bool:
    return bool(_PRICE_NOUN.search(text))


# a clause that is a short label and a change word (城市上涨0.2%, 衣着类下降0.5%): a part of what came before
_PART_CHANGED = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:同比|比上年)?(?:(上涨|上升)|(下降|下跌|回落)|持平)(?:了)?\s*$")


# 2023年, 2023年12月 opening the clause, in digits: the figure's date, no part of the price's name
_DATE_DIGITS = re.compile(r"(?:19|20)\d{2}年(?:\d{1,2}月份?)?")


def _past_the_months(doc, start: int, end: int) -> int:
    """上半年, 1-6月, 前三季度 opening the clause: the figure's months, no part of the price's name."""
    norm = doc.norm
    dated = _DATE_DIGITS.match(norm, start, end)
    if dated:
        start = after_the_lead(doc, dated.end(), end)
    for pattern in (sub_year._SPAN, sub_year._NAMED_RE, sub_year._ONE_MONTH):
        found = pattern.match(norm, start, end)
        if found:
            return after_the_lead(doc, found.end(), end)
    return start


def the_price_changed(figure, doc, earlier):
    if figure.at < 0 or figure.metric_code not in PRICE_CHANGES:
        return figure
    start = _past_the_months(doc, after_the_lead(doc, figure.clause[0], figure.at), figure.at)
    named = _PRICE.fullmatch(doc.norm, start, figure.at)
    # a subject already drafted stands unless it is a part of the price's own words (全年农产品 of 农产品生产者价格)
    if not named or (figure.subject and plain(figure.subject) not in plain(doc.norm[named.start(1) : named.end(1)])):
        return figure
    figure.subject = ""
    figure.metric_code, figure.rate_of_metric_code = "price_change", ""
    if not named.group(0).rstrip().endswith("持平"):
        _signed(figure, doc, rose=named.group(2) is not None)
    if len(named.group(1)) > len("价格"):  # 价格上涨3%: the metric's words alone, no price named
        figure.subject = doc.text.span(*named.span(1))
    return figure


def rates_nothing(figure, doc, earlier):
    """A price change is its price index's own change, a rate of no amount: 工业生产者出厂价格 | -2.1 read as a rate
    of a production (生产者's 生产, then its product's metric) keeps no rate_of once it is a price change."""
    if figure.metric_code == "price_change" and figure.rate_of_metric_code:
        figure.notes.append(f"a price change rates no {figure.rate_of_metric_code}")
        figure.rate_of_metric_code = ""
    return figure


# 其中 opening a sentence (…上涨0.3%。其中,城市上涨0.2%): "of which", the whole is the sentence before
_OF_WHICH = "其中"
SENTENCE_BACK = 160  # characters looked back for the sentence before: one sentence, not the paragraph


def _the_whole_from(norm: str, sentence_start: int) -> int:
    """Where the words about the whole begin: the sentence's start, or the one before's when it opens with 其中."""
    if not norm.startswith(_OF_WHICH, sentence_start) or sentence_start == 0:
        return sentence_start
    return norm.rfind("。", max(0, sentence_start - SENTENCE_BACK), sentence_start - 1) + 1


def of_the_price_before(figure, doc, earlier):
    """居民消费价格上涨0.3%,其中城市上涨0.2%,农村上涨0.5% and 八大类价格"五涨三降":食品烟酒类上涨1.2%: a part's
        change after a price named earlier in its sentence (or in the sentence before, its own opening with 其中) is a
    change of that price's part, a price change too. Only
        when the part's clause names no amount of its own (工业增加值增长5% after a price is a growth)."""
    if figure.metric_code not in ("growth_rate", "share") or figure.at < 0 or figure.clause[0] <= figure.sentence[0]:
        return figure
    norm = doc.norm
    if not names_a_price(norm[_the_whole_from(norm, figure.sentence[0]) : figure.clause[0]]):
        return figure
    start = after_the_lead(doc, figure.clause[0], figure.at)
    part = _PART_CHANGED.fullmatch(norm, start, figure.at)
    if part is None:
        return figure
    reference = doc.reference
    if any(h.metric.kind != "rate" for h in cues.cue_hits(norm, (start, figure.at), reference)):
        return figure
    figure.metric_code, figure.rate_of_metric_code = "price_change", ""
    figure.notes.append("a part's change after a price named before it: price_change")
    if part.group(1) or part.group(2):  # 城市上涨0.2% after 下降 elsewhere in the sentence: its own verb's sign
        _signed(figure, doc, rose=part.group(1) is not None)
    return figure
