"""An amount's change since a past time (入围门槛为25.6亿元,比上年提高1.2亿元) has no noun of its own: it is a change
of the amount before it in its sentence, and what that amount is (its subject) is the change's too, as a count's
net change is (比上年净增80家: the count before it names what it counts; subject.py)."""

from __future__ import annotations

from . import subject
from .subject import after_the_lead

LEVEL = "level"


def like_the_amount_before(figure, doc, earlier):
    if figure.subject or figure.at < 0:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind != LEVEL:
        return figure
    since = max([figure.clause[0]] + [f.unit_end for f in earlier if f.clause == figure.clause and f.at < figure.at])
    start = after_the_lead(doc, since, figure.at)
    if not reference.pattern("subject_over_time", subject._over_time).match(doc.norm, start, figure.at):
        return figure  # 比上年提高, 较去年同期增加: a change since a time opens the clause
    for before in reversed(earlier):
        if before.at < figure.sentence[0]:
            break
        if 0 <= before.at < figure.at and before.metric_code == figure.metric_code and before.unit == figure.unit:
            if before.subject:
                figure.subject = before.subject
                figure.notes.append(f"subject {before.subject}: a change of the amount before it")
            return figure
    return figure
