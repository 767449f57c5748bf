"""A company's figure whose sentence names no cluster is of the industry the paragraph before ends on, implied:
in 其中汽车行业表现最为抢眼…汽车产量达151.9万辆…贡献率达到69%。\n据统计,1月至9月,上汽通用五菱完成产量131.8万辆
reviewers write 汽车 for the carmaker's figures. The cluster is the last drafted figure's of the paragraph
before, or the industry that paragraph names after it (…两个万亿级产业集群,这给贺州市智能制造带来机遇: 智能制造),
and the note says it is implied (an owner's decision still open: a reviewer checks it), as a place implied from
the paragraphs before is noted."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..places import within
from .industry_name import COUNTS_OF_CLUSTERS, NEW_NAME

IMPLIED_NOTE = "implied from the paragraph before, the text names none here: check it"


def _took(note: str) -> bool:
    """A note of a rule that took a drafted cluster off on purpose: left as that rule decided."""
    return note.startswith("cluster ") and not note.endswith(NEW_NAME)


def of_the_paragraph_before(figure, doc, earlier):
    if figure.cluster or not figure.enterprise or figure.at < 0 or figure.metric_code in COUNTS_OF_CLUSTERS:
        return figure
    if not earlier or any(_took(n) for n in figure.notes):
        return figure
    index = bisect_right(doc.paragraphs, figure.at, key=lambda p: p[0]) - 1  # by bisection: no pass per figure
    if index < 1:
        return figure
    before = doc.paragraphs[index - 1]
    last = bisect_left(earlier, before[1], key=lambda f: f.at) - 1  # earlier figures are in the text's order
    if last < 0 or earlier[last].at < before[0] or not earlier[last].cluster:
        return figure
    figure.cluster = earlier[last].cluster
    named = within(doc.clusters, (earlier[last].unit_end, before[1]))
    if named:  # …两个万亿级产业集群,这给贺州市智能制造…: the paragraph ends on an industry named after its last figure
        figure.cluster = doc.text.name(named[-1].start, named[-1].end)
    figure.notes.append(f"cluster {figure.cluster}: {IMPLIED_NOTE}")
    return figure
