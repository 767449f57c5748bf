"""A cluster named before another figure is that figure's: in 氧化铝增长29.3%,瓷质砖增长28.8%,钢材增长25.6%
only the first names 氧化铝, and in 六大高耗能行业企业数占30%以上…电子、机械和汽车制造企业数只占16%强,
资产总计占20% the cluster of an earlier item is no later one's. A growth clause with nothing but the growth
(产值544亿元,同比增长33.7%) keeps the cluster of the amount before it."""

from __future__ import annotations

import re

from ..places import IMPLIED, last_mention_of_its_cluster, within
from . import growth_clause

_SHARE_OF = re.compile(r"占")  # 占铝产业总产值的比重: what follows 占 in the share's clause is its whole


def _whole_of_a_share(figure, doc, mention) -> bool:
    if doc.reference.metric(figure.metric_code).kind != "share" or mention.start < figure.clause[0]:
        return False
    return bool(_SHARE_OF.search(doc.norm, figure.clause[0], mention.start))


def _part_before(figure, earlier) -> str:
    """The cluster of the amount right before a share in its sentence (the part the share measures), if another's
    than the whole's."""
    before = earlier[-1] if earlier else None
    if before is None or before.sentence != figure.sentence or not before.cluster or before.cluster == figure.cluster:
        return ""
    return before.cluster


def named_before_no_other(figure, doc, earlier):
    if not figure.cluster or figure.at < 0 or not earlier:
        return figure
    mention = last_mention_of_its_cluster(figure, doc)
    if mention is not None and _whole_of_a_share(figure, doc, mention):
        # 铝加工产值…,占铝产业总产值的比重提高到40.0%: the industry after 占 is the whole, not the share's
        figure.notes.append(f"cluster {figure.cluster} is the whole the share is of: not this one's")
        figure.cluster = _part_before(figure, earlier)
        if figure.cluster:  # 新能源汽车产量20万辆,占全市汽车产量的10%: the share is the part's
            figure.notes.append(f"cluster {figure.cluster}: of the part the share measures, named before it")
        return figure
    if mention is not None and mention.end <= figure.clause[0] and growth_clause.bare_clause(figure, doc):
        level = growth_clause.level_before(figure, doc, earlier)
        if level is not None and not level.cluster and level.at > mention.end:
            # 其中,铝加工产值63.5亿元,增长25.8%: the growth is of the amount before it, which names no cluster
            figure.notes.append(f"cluster {figure.cluster} named before the amount this growth is of: not this one's")
            figure.cluster = ""
            return figure
    if mention is None or mention.end > figure.clause[0] or not names_its_own(figure, doc):
        return figure  # named in its own clause; or its clause says only how much (当月增长7.0%, 产值73.5亿元)
    for f in reversed(earlier):  # back to the mention only: no pass over the whole draft
        if 0 <= f.at < mention.end:
            break
        if mention.end <= f.at < figure.clause[0]:
            figure.notes.append(f"cluster {figure.cluster} named before another figure ({f.value}): not this one's")
            figure.cluster = ""
            break
    return figure


# Words that say how much, when or compared with what, and no what (当月, 同比, 的, 达, 比): cue_words.csv's
# rows of these kinds (and codes; None: every code). A kind not named here is no glue: a new kind (a name's
# part, a list's joint, an earlier time: 公司, 和, 上年) changes nothing here until it is added on purpose.
GLUE_KINDS = {
    "glue": ("no_what",),  # not adverb: 能 of 智能 opens no clause of glue (qualifier_gap.py)
    "status": None,
    "qualifier": None,
    "period": None,
    "direction": None,
    "rank": ("exact", "at_most"),  # not a bare rank clause's glue (均, 继续): rules/rank_clause.py
    "furniture": None,
    "unit_guard": None,
    # not an interview's or a setting body's words (书记, 报告, 提出): they name something of the clause's own
    "place_frame": ("frame", "comparison", "zone", "helps", "speaker"),
    "cluster_frame": ("name",),  # not the topic frame's 在 and 上 (上月 names a time, 在 no what)
    "table": None,
    "list": ("respectively",),
    "subject": ("lead", "noun_end", "honour", "pull", "metric_noun"),
}
OWN_NOUN = 2  # characters of a clause left when its cue, period, place and glue words are taken out


_KEPT: dict[int, tuple[object, re.Pattern]] = {}


def _words(reference) -> re.Pattern:
    """One alternation of every cue, place and glue word (cue_kind glue), built once per reference (kept
    by identity)."""
    kept = _KEPT.get(id(reference))
    if kept is not None and kept[0] is reference:
        return kept[1]
    # a count's cue is the noun it counts (企业技术中心45家: 中心): that is naming something of its own
    words = {cue for metric in reference.metrics if metric.kind != "count" for cue in metric.cues}
    words |= {c.word for c in reference.cue_words if "{" not in c.word and _is_glue(c)}
    words |= set(IMPLIED)
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    if len(_KEPT) > 8:
        _KEPT.clear()
    _KEPT[id(reference)] = (reference, pattern)
    return pattern


def _is_glue(cue) -> bool:
    if (cue.kind, cue.position) == ("qualifier", "before_magnitude"):
        return False  # 上, 数, 几: glue only before 百, 千 (上百家), a word's part elsewhere (上月, 几何)
    return cue.kind in GLUE_KINDS and (GLUE_KINDS[cue.kind] is None or cue.code in GLUE_KINDS[cue.kind])


def names_its_own(figure, doc) -> bool:
    """Whether the figure's clause names something of its own before the number (瓷质砖增长28.8%), not only
    its amount, period or comparison (当月增长7.0%, 1—5月完成工业投资108.4亿元, 高于全国平均水平1.3个百分点)."""
    if growth_clause.bare_clause(figure, doc):
        return False
    said = doc.norm[figure.clause[0] : figure.at]
    if _SHARE_OF.match(said.lstrip()) and doc.reference.metric(figure.metric_code).kind == "share":
        return False  # 汽车产业增长10.2%,占规上工业的比重为35%: the holder is elided, what follows 占 is the whole
    for mention in within(doc.places, (figure.clause[0], figure.at)):
        said = said.replace(mention.name, " ")
    said = _words(doc.reference).sub(" ", said)
    return len(re.findall(r"[\u4e00-\u9fff]", said)) >= OWN_NOUN
