"""Which investment an amount or its growth is, where the metric is investment of no kind (metrics.csv
investment: 投资, 技改投资): 技改投资增长19.7%, 民间投资同比增长8.1%, 技改投资完成85亿元 → the investment's name as
written (docs/codes.md, Subjects: where the metric alone does not say; raw/figures 002's reviewer writes 技改投资
and 工业投资 beside rate_of investment). The name is the noun ending in 投资 that opens the clause, past its date,
place and lead words, with only glue (完成, 同比, 累计) between it and the number or its growth word. A project's
total investment (项目总投资) is the project's (project_investment.py), no kind of investment; 固定资产投资 and
工业投资 have metrics of their own, so their rate_of_metric_code says it and this rule never sees them."""

from __future__ import annotations

import re

from .level_noun import _is_a_company
from .subject import _no_noun, after_the_lead

INVESTMENT = "investment"
_NAME = re.compile(r"[\u4e00-\u9fff]{1,10}投资")  # 技改投资, 民间投资, 基础设施投资: a word before 投资
# the growth's own words after the name (增长, 同比下降): from the growth metric's cues and the direction words
_GROWS = re.compile(r"(?:同比|累计|当月)*(?:增长|下降|增速|增幅|回落|提高)")


def named_at_the_opening(figure, doc, earlier):
    reference = doc.reference
    if figure.subject or figure.at < 0 or INVESTMENT not in (figure.metric_code, figure.rate_of_metric_code):
        return figure
    norm = doc.norm
    start = figure.clause[0]
    for before in reversed(earlier):  # 工业投资增长11.4%技改投资增长19.7%: run together, its words start after
        if 0 <= before.at < figure.at and before.clause == figure.clause:
            start = max(start, before.unit_end)
            break
        if 0 <= before.at < figure.clause[0]:
            break
    start = after_the_lead(doc, start, figure.at)
    while start < figure.at and norm[start].isspace():
        start += 1
    name = _NAME.match(norm, start, figure.at)
    if name is None:
        return figure
    rest = norm[name.end() : figure.at]
    if figure.metric_code != INVESTMENT:
        rest = _GROWS.sub(" ", rest, count=1)
    noun = name.group()
    holders = reference.metric("project_count").cues
    if not _no_noun(doc, rest) or "总投资" in noun or any(h in noun for h in holders) or _is_a_company(doc, noun):
        return figure
    figure.subject = doc.text.span(*name.span())
    figure.notes.append(f"subject {figure.subject}: the investment the clause opens with")
    return figure
