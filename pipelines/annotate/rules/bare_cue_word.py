"""A subject that is only the count's own generic noun says nothing the metric does not (docs/codes.md,
Subjects: never the metric's own words): 矿卡等11条产品线 → 产品 for product_count, 甲醇制烯烃等4个项目 → 项目 for
project_count, 18家企业 → 企业 for enterprise_count. Such a subject (a cue word of the figure's metric or of the
metric it is a rate of, two characters at most: 企业, 产业, 项目, 平台, 标准) is emptied; a longer cue word names a
kind (单项冠军, 千亿产业) and stays."""

from __future__ import annotations

from ..script import plain

GENERIC = 2  # 企业, 产品: a generic head noun; 单项冠军, 专精特新: a kind of its own


def not_the_metric_word(figure, doc, earlier):
    if not figure.subject or figure.at < 0 or len(plain(figure.subject)) > GENERIC:
        return figure
    reference = doc.reference
    codes = [c for c in (figure.metric_code, figure.rate_of_metric_code) if c]
    cues = {cue for code in codes for cue in reference.metric(code).cues}
    if plain(figure.subject) in cues:
        figure.notes.append(f"subject {figure.subject} is the metric's own word: left empty")
        figure.subject = ""
    return figure
