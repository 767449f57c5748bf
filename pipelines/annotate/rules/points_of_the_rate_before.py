"""A change in percentage points with no amount named in its clause is a change of the rate right before it in its
sentence, and of what that rate is of: 全市经济增速达到6.5%,高于全区1个百分点 (gdp, as the growth); 增长8.5%,增速比
上年回落1.2个百分点. extract found no level cue word before the points (经济 and 增速 are none) and left
rate_of_metric_code empty; reviewers record the rate's metric (024-014: 高于全国平均水平1.3个百分点, added_value
as the growth before it)."""

from __future__ import annotations

POINTS = "percentage_point_change"
RATES = ("rate", "share")  # a growth, a share: a change in points of either


def like_the_rate_before(figure, doc, earlier):
    if figure.at < 0 or figure.metric_code != POINTS or figure.rate_of_metric_code or not earlier:
        return figure
    reference = doc.reference
    before = earlier[-1]
    if before.at < figure.sentence[0] or before.at >= figure.at or not before.rate_of_metric_code:
        return figure
    if reference.metric(before.metric_code).kind not in RATES:
        return figure
    own = doc.norm[figure.clause[0] : figure.at]
    for metric in reference.metrics:  # 高于全区工业投资3个百分点: an amount of its own named
        if metric.kind == "level" and any(cue in own for cue in metric.cues):
            return figure
    figure.rate_of_metric_code = before.rate_of_metric_code
    figure.notes.append(f"points of the rate before it ({before.value}{before.unit}): of {before.rate_of_metric_code}")
    return figure
