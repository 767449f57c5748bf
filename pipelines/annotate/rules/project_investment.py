"""An investment whose clause names nothing of its own (累计完成投资199.4亿元, 其中今年1—5月完成68亿元) is the
investment of the project its sentence names before it (docs/codes.md, Subjects: what the figure is of, where the
metric alone does not say): the nearest clause back in the sentence, up to a ; or :, that opens with a project's
name — its words to its first 项目 (恒逸钦州…一期项目配套辅助工程已完成,…累计完成84亿元), or to a phase where
no 项目 follows (华谊三期已开工在建…,累计完成投资73亿元 → 华谊三期). A phase alone (二期项目计划年底开工) names
no project: another phase of the one before."""

from __future__ import annotations

import re

from .subject import _lead, _no_noun

INVESTMENT = "investment"
PROJECT_COUNT = "project_count"
# a project's name: from its enterprise up to its first 项目, with no digit or punctuation between (a name,
# not a clause: 华谊三期已开工在建甲醇制烯烃等4个项目 is no name)
_PROJECT = re.compile(r"[\u4e00-\u9fff]{2,30}?项目")
_PHASE_ALONE = re.compile(r"[一二三四五六七八九十]期项目")  # 二期项目: a phase of the project before, no name
_NAMED_PHASE = re.compile(r"[\u4e00-\u9fff]{2,12}?[一二三四五六七八九十]期")  # 华谊三期: a name and its phase
_SEGMENT_ENDS = (";", ";", ":", ":")  # a clause back past these is about another project
_TOTAL = "总"  # 总投资为68.5亿元: the total, no noun
_TASK = re.compile(r"[一二三四五六七八九十]是")  # 二是抓好项目建设: a task list's item, a verb phrase and no project


def of_its_project(figure, doc, earlier):
    if figure.subject or figure.at < 0 or figure.metric_code != INVESTMENT:
        return figure
    norm = doc.norm
    since = max([figure.clause[0]] + [f.unit_end for f in earlier if f.clause == figure.clause and f.at < figure.at])
    own = norm[since : figure.at]
    cues = doc.reference.metric(INVESTMENT).cues
    # the metric's plain words (投资, 投资额), not a kind of investment that holds one (技改投资: its own noun)
    plain = [c for c in cues if not any(o != c and o in c for o in cues)]
    for cue in sorted(plain, key=len, reverse=True):
        own = own.replace(cue, " ")
    if not _no_noun(doc, own.replace(_TOTAL, " ")):
        return figure
    after = figure.clause[0]
    for start, end in reversed([c for c in doc.clauses if figure.sentence[0] <= c[0] and c[1] < figure.clause[0]]):
        if norm[after - 1 : after] in _SEGMENT_ENDS:
            break
        name = _project_opening(doc, start, end)
        if name and any(f.metric_code == PROJECT_COUNT and f.at == _skip_space(norm, name[1]) for f in earlier):
            return figure  # 百色累计引进铝产业项目50个,总投资…: a count's noun, not one project's name
        if name:
            figure.subject = doc.text.span(*name)
            return figure
        after = start
    return figure


def _project_opening(doc, start: int, end: int) -> tuple[int, int] | None:
    """Where the project's name that opens the clause is written, past its lead words (其中, 新增); a place is
    part of a project's name (广西石化炼化一体化转型升级项目), so it stays."""
    lead = doc.reference.pattern("subject.lead", _lead).match(doc.norm, start, end)
    start = lead.end() if lead else start
    if _TASK.match(doc.norm, start, end):
        return None
    project = _PROJECT.match(doc.norm, start, end)
    if project and not _PHASE_ALONE.fullmatch(project.group()):
        return project.span()
    phase = _NAMED_PHASE.match(doc.norm, start, end)
    return phase.span() if phase else None


def _skip_space(norm: str, at: int) -> int:
    while at < len(norm) and norm[at] == " ":
        at += 1
    return at
