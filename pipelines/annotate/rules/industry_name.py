"""An industry the text names in the statistics' own pattern (采矿业, 高新产业, 计算机通信和其他电子设备制造业)
that the reference does not hold yet is still the figure's cluster, as written: raw/README.md's cluster
column holds the name as the document writes it, and the review adds the new name to cluster_aliases.csv
(the note says so). The name is a run of words ending in 业, in the figure's own clause before its number,
from the clause's start or the last place, particle (的, 为, 中) or glue word (其中) before it (广西招商项目中高新产业项目: 高新产业);
a run ending in a word that is no industry (企业, 工业, 就业: cue_words.csv, cluster_frame not_industry) or
of fewer than MIN_NAME characters is none. A clause that names nothing of its own (当月增长3.7%) keeps the
name the figure before it in its sentence took this way."""

from __future__ import annotations

import re

from ..places import within
from ..script import simplified
from .own_cluster import names_its_own
from .scope import _SCOPE

MIN_NAME = 3  # 采矿业; a two-character 农业 or 就业 is too often no industry of a figure
NAME_REACH = 20  # characters of a name (信息传输、软件和信息技术服务业)
_CUT = re.compile(r"[^\u4e00-\u9fff、]")  # the name holds Chinese words and 、 only
_STOPS = "的为中是在对从将向由"  # a particle or verb before a name: it starts after them
NOTE = "an industry named as the statistics name them"


def _cues(reference) -> tuple[str, ...]:
    """Every metric's cue words of two characters or more (增加值, 营业收入, 项目), longest first."""
    return tuple(sorted({c for m in reference.metrics for c in m.cues if len(c) > 1}, key=len, reverse=True))


def _name(figure, doc) -> tuple[int, int] | None:
    """The first run in 业 of the clause that a metric's word or the number's bracket follows right after
    (采矿业增加值, 高新产业项目占比, 制品业(15.28%)): a name of what the figure measures, not a company's
    (南国铜业实现产值) or a place's (羽绒产业片区)."""
    norm, start, at = doc.norm, figure.clause[0], figure.at
    cues = _cues(doc.reference)
    end = norm.find("业", start, at) + 1
    while end > start:
        after = norm[end:at].strip()
        if norm.startswith(cues, end) or after in ("(", "（"):
            break
        end = norm.find("业", end, at) + 1
    if end <= start:
        return None
    begin = max(start, end - NAME_REACH)
    for cut in _CUT.finditer(norm, begin, end):
        begin = cut.end()
    for mention in within(doc.places, (begin, end)):
        begin = max(begin, mention.end)
    glue = [w for w in doc.reference.words_of("glue") if len(w) > 1]  # 其中, 当月: no part of a name
    begin = max([begin] + [norm.rfind(w, begin, end) + len(w) for w in glue if norm.rfind(w, begin, end) >= 0])
    stop = max((norm.rfind(c, begin, end - 1) for c in _STOPS), default=-1)
    begin = max(begin, stop + 1)
    name = norm[begin:end].lstrip("、")
    begin = end - len(name)
    if len(name) < MIN_NAME or name.endswith(doc.reference.words_of("cluster_frame", "not_industry")):
        return None
    if any(m.end() > begin for m in _SCOPE.finditer(norm, max(0, begin - 4), end)):
        return None  # 规模以上服务业营业收入: the scope of a total, not an industry of its own
    return begin, end


def named_as_an_industry(figure, doc, earlier):
    if figure.cluster or figure.at < 0 or any(n.startswith("cluster ") for n in figure.notes):
        return figure  # a cluster drafted, or one a rule took off
    span = _name(figure, doc)
    if span is None:
        before = earlier[-1] if earlier else None
        if (
            before is None
            or before.sentence != figure.sentence
            or NOTE not in " ".join(before.notes)
            or names_its_own(figure, doc)
        ):
            return figure
        figure.cluster = before.cluster
        figure.notes.append(f"cluster {figure.cluster}: {NOTE}, like the figure before")
        return figure
    if within(doc.clusters, span):
        return figure  # a known name there was the draft's to take, or a rule's to take off
    figure.cluster = doc.text.span(*span)
    figure.notes.append(f"cluster {figure.cluster}: {NOTE}")
    if simplified(figure.cluster) not in doc.reference.clusters:
        figure.notes.append(f"cluster {figure.cluster} not in reference/cluster_aliases.csv: add it or correct it")
    return figure
