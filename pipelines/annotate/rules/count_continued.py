"""柳州市有15家企业入围,南宁市有8家,桂林市有6家: a count whose clause is only a place (and 有, 为) before it and
nothing after its unit leaves out what the count before it in its sentence said: it is that count's again, of
another place, so it keeps that count's period, period kind and status (入围: that year's entrants, not a
stock held at publication because of 有)."""

from __future__ import annotations

import re

from .. import places

_GLUE = re.compile(r"\s*(?:有|为|共有|共|达|达到)?\s*")


def like_the_count_before(figure, doc, earlier):
    if figure.at < 0 or doc.reference.metric(figure.metric_code).kind != "count":
        return figure
    norm, (start, end) = doc.norm, figure.clause
    mentions = places.within(doc.places, (start, figure.at))
    if len(mentions) != 1 or norm[start : mentions[0].start].strip():
        return figure  # the clause opens with its place, and holds no other
    if not _GLUE.fullmatch(norm, mentions[0].end, figure.at) or norm[figure.unit_end : end].strip():
        return figure
    before = next(
        (
            f
            for f in reversed(earlier)
            if figure.sentence[0] <= f.at < start and f.metric_code == figure.metric_code and f.place != figure.place
        ),
        None,
    )
    if before is None or (before.period, before.period_kind, before.status) == (
        figure.period,
        figure.period_kind,
        figure.status,
    ):
        return figure
    figure.period, figure.period_kind, figure.status = before.period, before.period_kind, before.status
    figure.start_month, figure.end_month = before.start_month, before.end_month
    figure.notes.append("period and status of the count before it in its sentence, of which it is another place's")
    return figure
