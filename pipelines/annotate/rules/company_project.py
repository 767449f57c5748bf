"""A figure of a project named by its company is that company's (raw/README.md, enterprise): a project's name
opens with the company that builds it, then the place where it is built or the phase (恒逸钦州高端…一期项目 →
恒逸; 中国石油广西石化…项目 → 中国石油; 华谊三期 → 华谊). The project is the one whose name opens a clause of
the figure's sentence, its own or one before it, no ; or : between (as project_investment.of_its_project reads
it). A name that opens with its place (广西石化炼化一体化项目), or whose words before the place or phase are an
industry's (新能源汽车南宁项目), names no company."""

from __future__ import annotations

import re

from .. import places
from .mentions import spans_starting_in
from .project_investment import _SEGMENT_ENDS, _project_opening

MIN_NAME = 2  # a company's name: two characters at least (恒逸, 华谊)
_MODIFIED = "的"
_PROJECT_WORD = "项目"  # as project_investment's _PROJECT ends
_PHASE = re.compile(r"[一二三四五六七八九十]期")


def of_its_project(figure, doc, earlier):
    if figure.enterprise or figure.at < 0:
        return figure
    norm = doc.norm
    said = norm[figure.sentence[0] : figure.at]
    if _PROJECT_WORD not in said and not _PHASE.search(said):
        return figure  # no project named before the number: nothing to look for clause by clause
    clauses = spans_starting_in(doc.clauses, figure.sentence[0], figure.clause[0] + 1)
    for start, end in reversed(clauses):
        project = _project_opening(doc, start, min(end, figure.at))
        if project:
            name = _company_of(doc, *project)
            if name:
                figure.enterprise = doc.text.name(*name)
                figure.notes.append(f"enterprise {figure.enterprise}: the company that opens the project's name")
            return figure
        if norm[start - 1 : start] in _SEGMENT_ENDS:
            return figure  # a ; or : before this clause: the clauses further back are about another project
    return figure


def _company_of(doc, start: int, end: int) -> tuple[int, int] | None:
    """The company's words of a project's name: those before the first place after them, else before its phase."""
    if _MODIFIED in doc.norm[start:end]:
        return None  # 位于万秀区…的黄埔化工药业生产项目: a clause that describes the project, no name opening it
    cut = next((m.start for m in places.within(doc.places, (start + MIN_NAME, end))), None)
    if cut is None:
        phase = _PHASE.search(doc.norm, start + MIN_NAME, end)
        cut = phase.start() if phase else None
    if cut is None or any(m.start == start and m.end >= cut for m in doc.clusters):
        return None  # no place or phase after a name; or the words are an industry's name (新能源汽车南宁项目)
    if any(m.start == start and m.end >= cut for m in doc.places):
        return None  # 柳州南宁项目: places alone
    return start, cut
