"""A figure of a place's whole economy or industry is no one industry's: 地区生产总值 (gdp, or a rate of it), and
a total whose clause opens its noun with the place and the sector (全市工业增加值, 全区规上工业总产值, 柳州市规模
以上工业产值: a place, cue_words.csv scope above_size, then scope sector). An industry named in an earlier
clause (受汽车产业下滑影响,全市工业增加值下降3%) is the cause or the setting, not the figure's cluster; one named in
the figure's own clause stays (全市工业中汽车产业产值…), and so does a share's (绿色化工产业…,占全市工业投资的57.4%)."""

from __future__ import annotations

import re

from ..places import IMPLIED, last_mention_of_its_cluster


def _whole(doc) -> re.Pattern:
    reference = doc.reference
    places = "|".join([*map(re.escape, IMPLIED), doc.place_names[1]])
    above = reference.alternation("scope", "above_size")
    sector = reference.alternation("scope", "sector", "after_scope")
    return re.compile(f"(?:{places})(?:{above})?(?:{sector})")


def of_the_whole(figure, doc) -> bool:
    if "gdp" in (figure.metric_code, figure.rate_of_metric_code):
        return True
    found = doc.once(("whole_economy", "pattern"), _whole).search(doc.norm, figure.clause[0], figure.at)
    # 占全市工业投资的57.4%: the place's total after 占 is the whole a share is of, not the figure
    return found is not None and "占" not in doc.norm[figure.clause[0] : found.start()]


def no_industry(figure, doc, earlier):
    if not figure.cluster or figure.at < 0 or not of_the_whole(figure, doc):
        return figure
    mention = last_mention_of_its_cluster(figure, doc)
    if mention is None or mention.end > figure.clause[0]:
        return figure  # named in its own clause
    figure.notes.append(f"cluster {figure.cluster} named before a figure of the whole economy: left empty")
    figure.cluster = ""
    return figure
