"""What has been done since a time (今年以来, 2021年以来, “十四五”以来: a look back) is a result, an actual, though a
plan's word of doing (建成, 培育, 打造) stands after it: 今年以来,全市建成投产项目35个 reports 35 projects put
into operation. Only a word of intention after the frame (cue_kind goal: 力争, 目标, 将 …) makes a target:
今年以来…增长12%,力争全年增长15%."""

from __future__ import annotations

from ..periods import Period

NOTE = "{} looks back: what has been done since, an actual"


def looks_back(figure, doc, earlier):
    if figure.status != "target" or figure.at < 0:
        return figure
    before = doc.norm[figure.sentence[0] : figure.at]
    frames = list(doc.reference.cue("plan_year", "since").finditer(before))
    if not frames:
        return figure
    after = before[frames[-1].end() :]
    if doc.reference.cue("goal", "goal").search(after):
        return figure  # 今年以来…,力争全年增长15%: a goal set after the look back
    figure.status = "actual"
    figure.notes.append(NOTE.format(frames[-1].group()))
    if figure.period.end is None:  # a target's year was left empty: what is done so far is as of publication
        year = doc.published_year
        figure.period = Period(year, year, True, f"year not stated: publication year ({year}), done so far")
        figure.notes = [n for n in figure.notes if n != "target year not stated: left empty"] + [figure.period.basis]
    return figure
