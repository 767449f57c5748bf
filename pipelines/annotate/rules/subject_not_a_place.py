"""A place is no subject: the place has its own column. 南宁市上榜企业4家,柳州市2家,桂林市1家: the words before 2家
are only its place, so the count counts what the count before it in its sentence counts (上榜企业), or,
with none before it, nothing the text names."""

from __future__ import annotations

from ..script import simplified


def like_the_count_before(figure, doc, earlier):
    if not figure.subject or figure.at < 0:
        return figure
    if doc.reference.places.get(simplified(figure.subject)) is None:
        return figure
    subject = ""
    for before in reversed(earlier):
        if before.at < figure.sentence[0]:
            break
        if 0 <= before.at < figure.at and before.metric_code == figure.metric_code:
            subject = before.subject
            break
    figure.subject = subject
    figure.notes.append(f"subject {subject or 'none'}: the words before the number are only its place")
    return figure
