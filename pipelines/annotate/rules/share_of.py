"""A share whose own clause names what it is a share of, with no cue word of a metric: 资产总计占全区的12%
after 企业数30%以上 is a share of total assets, which the catalogue has no metric for, not a share of the
enterprise count named in a clause before. Its rate_of_metric_code is left empty for the analyst."""

from __future__ import annotations

import re

SHARES = ("share",)
# An amount the clause names before 占 (资产总计却占, 羽绒加工量占): what the share is of. A category before a
# share (木材加工及木制品业(20.13%)) is an item of a list whose amount was named before, and keeps it.
_OWN_AMOUNT = re.compile(r"(?:总计|总额|总量|量|额)[却也只仅都]*占")


def rates_an_amount(figure, doc, kinds) -> bool:
    """A figure of one of the kinds (a share, a rate) that extract read as of some amount (rate_of)."""
    return (
        figure.at >= 0 and bool(figure.rate_of_metric_code) and doc.reference.metric(figure.metric_code).kind in kinds
    )


def of_its_own_amount(figure, doc, earlier):
    if not rates_an_amount(figure, doc, SHARES):
        return figure
    reference = doc.reference
    own = doc.norm[figure.clause[0] : figure.at]
    if any(cue in own for cue in reference.metric(figure.rate_of_metric_code).cues):
        return figure
    if not _OWN_AMOUNT.search(own):
        return figure  # 占全国的1.4%: of the amount named before
    figure.notes.append(
        f"a share of what its clause names, not of {figure.rate_of_metric_code} named before: rate_of left empty"
    )
    figure.rate_of_metric_code = ""
    return figure
