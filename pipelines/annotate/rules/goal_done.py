"""A goal named as what the figure is a part of is no goal of the figure: 完成年度目标任务的55%, 完成全年计划任务的
52.3% report the share of the goal done, an actual. The goal's word is then a noun that 的 ties to the number
(a few characters of the noun between: 目标任务的); cue_words.csv's not_followed_by 的 (目标的, 计划的) catches
only the word right before 的. Another target word of the sentence, after any word of what is done, keeps
the target (力争完成全年目标的60%)."""

from __future__ import annotations

import re

from ..periods import Period
from . import sub_year

# the goal's noun runs on a few characters to 的, and a qualifier may stand between 的 and the number
_TO_THE_NUMBER = re.compile(r"[\u4e00-\u9fff]{0,4}的[近约超逾]?\s*$")
REACH = 120  # characters before the number its sentence's status words are read in: no sentence read whole
NOTE = "{} is the goal the figure is a part of (…的): a share done, an actual"


def share_of_the_goal(figure, doc, earlier):
    if figure.status != "target" or figure.at < 0:
        return figure
    reference = doc.reference
    start = max(figure.sentence[0], figure.at - REACH)
    targets = list(reference.cue("status", "target").finditer(doc.norm, start, figure.at))
    if not targets or not _TO_THE_NUMBER.fullmatch(doc.norm, targets[-1].end(), figure.at):
        return figure
    actuals = list(reference.cue("status", "actual").finditer(doc.norm, start, targets[-1].start()))
    done_at = actuals[-1].start() if actuals else start
    if any(t.start() >= done_at for t in targets[:-1]):
        return figure  # 力争完成全年目标的60%: a goal word of the figure's own before the goal it is a part of
    figure.status = "actual"
    figure.notes.append(NOTE.format(targets[-1].group()))
    if figure.period.end is None:  # a target's year was left empty: a share done so far is of publication
        year = doc.published_year
        figure.period = Period(year, year, True, f"year not stated: publication year ({year})")
        figure.notes = [n for n in figure.notes if n != "target year not stated: left empty"] + [figure.period.basis]
        return sub_year.months(figure, doc, earlier)  # the months, which it skipped while the year was empty
    return figure
