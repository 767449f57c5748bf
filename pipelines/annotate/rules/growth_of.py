"""What a growth rate is of, when its own clause names no amount: the same as the growth before it in
the paragraph. 规模以上工业增加值增长0.4%。…国有控股企业增加值增长1.6%,股份制企业累计增长3.0%,当月增长11.0%:
each is a growth of value added (增加值), not of an enterprise count (企业 names the kind of enterprise) nor
of production (生产 inside 电力、热力、燃气及水生产和供应业 names an industry)."""

from __future__ import annotations

from . import growth_clause

GROWTH = "growth_rate"
AMOUNT = ("level",)  # a count's cue (企业) before a growth names whose growth, not a count
# 水生产和供应业, 外商投资企业: the cue is part of an industry's or an enterprise kind's name
_IN_A_NAME = ("和", "及", "业", "供应", "企业")


def like_the_growth_before(figure, doc, earlier):
    if figure.metric_code != GROWTH or figure.at < 0 or not earlier:
        return figure
    norm, reference = doc.norm, doc.reference
    if growth_clause.bare_clause(figure, doc):  # 产值544亿元,同比增长33.7%: of the amount right before
        level = growth_clause.level_before(figure, doc, earlier)
        # 专利授权量1250件,增长18%: a count right before grows too (a count's cue inside a clause does not)
        if level is not None and reference.metric(level.metric_code).kind in (*AMOUNT, "count"):
            figure.rate_of_metric_code = level.metric_code
            return figure
    from ..extract import _within

    paragraph = _within(doc.paragraphs, figure.at)
    own = norm[figure.clause[0] : figure.at]
    for metric in reference.metrics:
        if metric.kind not in AMOUNT:
            continue
        for cue in metric.cues:
            at = own.find(cue)
            while at >= 0:
                if not own.startswith(_IN_A_NAME, at + len(cue)):
                    return figure  # its own clause says what grew
                at = own.find(cue, at + 1)
    before = None
    for f in reversed(earlier):  # back to the paragraph's start only: no pass over the whole draft
        if 0 <= f.at < paragraph[0]:
            break
        if f.metric_code == GROWTH and paragraph[0] <= f.at < figure.at:
            before = f
            break
    if before is None or not before.rate_of_metric_code or before.rate_of_metric_code == figure.rate_of_metric_code:
        return figure
    figure.rate_of_metric_code = before.rate_of_metric_code
    return figure
