"""A rank whose clause names nothing but the ranking, right after a share (新能源汽车产量达45万辆,占全国的5.1%,
列全国第6位; 氧化铝产量占全区的35%,居全区第一): it ranks what the share is of, so it carries the share's
subject without the whole in front of it (docs/codes.md, Subjects: a rank's field is no part of it; raw/figures
021: 全国规模以上工业企业 for 占全国的1.4%, 规模以上工业企业 for 列全国第18位). subject_share.py does this for a
rank of a count; a rank of an amount or a volume is this rule's."""

from __future__ import annotations

from . import rank_clause, subject_share

MIN_NOUN = 2  # 全国 alone, the whole, names nothing that is ranked


def like_the_share_before(figure, doc, earlier):
    reference = doc.reference
    if figure.subject or figure.at < 0 or reference.metric(figure.metric_code).kind not in subject_share.RANKS:
        return figure
    start = figure.clause[0]
    if start <= figure.sentence[0] or doc.norm[start - 1] not in ",," or not rank_clause._bare(figure, doc):
        return figure
    share = None
    for before in reversed(earlier):  # back to its sentence's start only: linear in the document's length
        if 0 <= before.at < figure.sentence[0]:
            break
        if before.at >= 0 and before.clause[1] == start - 1:
            share = before
            break
    if share is None or not share.subject or reference.metric(share.metric_code).kind not in subject_share.SHARES:
        return figure
    if figure.rate_of_metric_code and share.rate_of_metric_code != figure.rate_of_metric_code:
        return figure  # ranks another amount than the share is of
    what = share.subject
    whole = subject_share._whole(share, doc)
    written = whole and doc.text.span(*whole)
    if written and what.startswith(written) and len(what) - len(written) >= MIN_NOUN:
        what = what[len(written) :]
    figure.subject = what
    figure.notes.append(f"subject {what}: what the share before it is of")
    return figure
