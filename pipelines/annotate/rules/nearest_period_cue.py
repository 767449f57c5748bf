"""Of two period words before a number, the nearer one says its kind: 累计新增企业526家，总数达827家 (827家 is a
stock: 总数, not 累计), 每年新增企业1000多家、总量突破1万家 (a stock: 总量, not 每年). Run after the year rules
(a look back's as_of count is made a total there; 总数 says it is held). A stock is held at one date: a range's
end year (raw/README.md: as_of is a stock at a date in the end year)."""

from __future__ import annotations

from ..periods import Period

NEAR = 20  # characters before the number a period word is looked for in (extract's _period_kind)
CODES = ("average", "cumulative", "stock", "flow")


def _nearest(near: str, reference) -> str | None:
    """The code of the period word that ends last in near (the longer on a tie), or None."""
    best, key = None, (-1, 0)
    for code in CODES:
        for match in reference.cue("period", code).finditer(near):
            if (match.end(), match.end() - match.start()) > key:
                best, key = code, (match.end(), match.end() - match.start())
    return best


def kind_of_the_nearer_word(figure, doc, earlier):
    if figure.at < 0 or figure.period.start is None:
        return figure
    near = doc.norm[max(figure.sentence[0], figure.at - NEAR) : figure.at]
    nearest = _nearest(near, doc.reference)
    period = figure.period
    if nearest == "stock" and figure.period_kind in ("average", "cumulative"):
        figure.period_kind = "as_of"
        figure.notes.append("a stock word nearer the number than the period word before it: as_of")
    if figure.period_kind == "as_of" and period.start != period.end:
        figure.period = Period(period.end, period.end, True, f"a stock at the end of {period.start}-{period.end}")
        figure.notes.append(figure.period.basis)
    return figure
