"""A total within one stated year is that year's, not a total over a period: 2023年全市共计完成工业投资500亿元 and
2020年,…累计实现销售收入450亿元 are the year's flow (period_kind year; of the seed and development gold, no total
with one stated year is cumulative: 累计 of one year is only the year to date, read at publication). At the year's
end it is what is held: 2023年末,全市规上工业企业共计1300家 is a stock (as_of), as a count with no flow word before
it is (stock_in_its_year.py). Words of the year's end are cue_words period year_end (年末, 年底; 上年末 is a base)."""

from __future__ import annotations

NEAR = 20  # characters before the number a period word is looked for in (extract's _period_kind)
NOTE = "a total within one stated year: {}"


def of_its_year(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.period_kind != "cumulative" or figure.status != "actual":
        return figure
    if period.inferred or period.start is None or period.start != period.end or figure.start_month is not None:
        return figure
    reference = doc.reference
    before = doc.norm[figure.sentence[0] : figure.at]
    near = doc.norm[max(figure.sentence[0], figure.at - NEAR) : figure.at]
    held = bool(reference.cue("period", "year_end").search(before))
    if not held and reference.metric(figure.metric_code).kind == "count":
        held = not reference.cue("period", "flow").search(near)  # 2023年全市规上企业共计1300家: what exists
    figure.period_kind = "as_of" if held else "year"
    figure.notes.append(NOTE.format("held at its end, as_of" if held else "the year's flow"))
    return figure
