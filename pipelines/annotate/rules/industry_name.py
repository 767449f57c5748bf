"""An industry the text names in the statistics' own pattern (采矿业, 高新产业, 六堡茶产业集群, 铝产业链)
that the reference does not hold yet is still the figure's cluster, as written: raw/README.md's cluster
column holds the name as the document writes it, and the review adds the new name to cluster_aliases.csv
(the note says so). The name is the first run of words ending in 业, 集群 or 产业链 in the figure's own
clause that what the number measures follows (measured_after: 采矿业增加值, 智能家电产业实现产值), from the
last place, glue word (的, 其中) or word before a name (中, 规上) before it (广西招商项目中高新产业项目:
高新产业); a run ending in a word that is no industry (企业, 工业, 就业: cue_words.csv, cluster_frame
not_industry), inside a scope (规模以上服务业) or of fewer than MIN_NAME characters is none. A clause that
names nothing of its own (当月增长3.7%) keeps the name the figure before it in its sentence took this way.
Such a name also replaces a drafted cluster named farther from the number: the known item before it in a
list of names with values (…农副食品加工业(6.79%)、化学原料及化学制品业(4.48%)), or one of an earlier clause."""

from __future__ import annotations

import re

from ..places import IMPLIED, within
from ..script import simplified
from .own_cluster import names_its_own
from .scope import written_scope

COUNTS_OF_CLUSTERS = ("cluster_count", "size_tier_count")  # as extract.py: of no one cluster
MIN_NAME = 3  # 采矿业; a two-character 农业 or 就业 is too often no industry of a figure
NAME_REACH = 20  # characters of a name (信息传输、软件和信息技术服务业)
_CUT = re.compile(r"[^\u4e00-\u9fff、]")  # the name holds Chinese words and 、 only
NOTE = "an industry named as the statistics name them"
INDUSTRY_WORDS = ("产业", "行业", "集群", "产业链")  # an industry's name even as a verb's subject (not 铜业)
_NAME_END = re.compile("产业集群|产业链|集群|业")  # 采矿业, 茶产业集群, 铝产业链: the end of an industry's name
NEW_NAME = "not in reference/cluster_aliases.csv: add it or correct it"


_METRIC_WORDS: dict[int, tuple[object, tuple[str, ...]]] = {}


def metric_words(reference) -> tuple[str, ...]:
    """Every metric's cue words of two characters or more (增加值, 营业收入, 项目), longest first; worked out
    once per reference (kept by identity), not per figure."""
    kept = _METRIC_WORDS.get(id(reference))
    if kept is not None and kept[0] is reference:
        return kept[1]
    words = tuple(sorted({c for m in reference.metrics for c in m.cues if len(c) > 1}, key=len, reverse=True))
    if len(_METRIC_WORDS) > 8:
        _METRIC_WORDS.clear()
    _METRIC_WORDS[id(reference)] = (reference, words)
    return words


def measured_after(doc, start: int, end: int, at: int) -> bool:
    """Whether the name ending at `end` is of what the number measures: a metric's word right after it
    (采矿业增加值), the number's bracket (制品业(15.28%)), or for an industry's word (产业, 集群) a verb it is
    the subject of, then the metric's word (智能家电产业实现产值: subject noun_end words of cue_words.csv)."""
    norm, cues = doc.norm, metric_words(doc.reference)
    if norm.startswith(cues, end) or norm[end:at].strip() in ("(", "（"):
        return True
    verbs = doc.reference.words_of("subject", "noun_end", "after_noun")  # 实现, 完成
    verb = next((v for v in verbs if norm.startswith(v, end)), None)
    return bool(verb) and norm.endswith(INDUSTRY_WORDS, start, end) and norm.startswith(cues, end + len(verb))


def _name(figure, doc) -> tuple[int, int] | None:
    """The first run in 业, 集群 or 产业链 of the clause that what the number measures follows (采矿业增加值,
    高新产业项目占比, 制品业(15.28%)): a name of what the figure measures, not a company's (南国铜业实现产值)
    or a place's (羽绒产业片区)."""
    norm, start, at = doc.norm, figure.clause[0], figure.at
    for found in _NAME_END.finditer(norm, start, at):
        end = found.end()
        if measured_after(doc, start, end, at):
            break
    else:
        return None
    begin = name_start(doc, max(start, end - NAME_REACH), end)
    name = norm[begin:end]
    if len(name) < MIN_NAME or name.endswith(doc.reference.words_of("cluster_frame", "not_industry")):
        return None
    if any(m.end() > begin for m in written_scope(doc.reference).finditer(norm, max(0, begin - 4), end)):
        return None  # 规模以上服务业营业收入: the scope of a total, not an industry of its own
    return begin, end


_KEPT: dict[int, tuple[object, re.Pattern]] = {}


def _before_name(reference) -> re.Pattern:
    """Glue words and words before a name, with the words after them that cancel them (中 not before 药),
    built once per reference (kept by identity)."""
    kept = _KEPT.get(id(reference))
    if kept is not None and kept[0] is reference:
        return kept[1]
    words = [
        c
        for c in reference.cue_words
        if (c.kind, c.code) == ("glue", "no_what")
        or (c.kind, c.code) == ("list", "group_end")  # 智能家电等战略性新兴产业: 等 closes a list before the name
        or (c.kind, c.code, c.position) == ("cluster_frame", "not_industry", "before_name")
        or (c.kind, c.code) == ("subject", "lead")  # 累计引进铝产业项目: what was done, before any name
    ]
    pattern = re.compile("|".join(c.regex for c in sorted(words, key=lambda c: -len(c.word))) or "(?!)")
    if len(_KEPT) > 8:
        _KEPT.clear()
    _KEPT[id(reference)] = (reference, pattern)
    return pattern


def name_start(doc, begin: int, end: int) -> int:
    """Where the name ending at `end` starts, at `begin` or later: after the last character that is no word
    (a comma, a digit), place, glue word (其中, 的), list's 等, word before a name (规上, 中, 在: cue_words.csv,
    cluster_frame not_industry before_name) or word before a noun (累计, 引进: subject lead) in it."""
    norm = doc.norm
    for cut in _CUT.finditer(norm, begin, end):
        begin = cut.end()
    for mention in within(doc.places, (begin, end)):
        begin = max(begin, mention.end)
    for word in IMPLIED:  # 全市先进制造业: the implied place is no part of the name
        found = norm.rfind(word, begin, end)
        if found >= 0:
            begin = max(begin, found + len(word))
    for word in _before_name(doc.reference).finditer(norm, begin, end - 1):
        begin = max(begin, word.end())
    while begin < end and norm[begin] == "、":
        begin += 1
    return begin


def _opened_by_a_known_name(doc, span: tuple[int, int]) -> bool:
    """Whether a cluster the reference knows opens the name (电子信息制造业: cluster_form's to write), as
    against a known word only at its end (六堡茶产业集群: the longer name is the one the text gives)."""
    return any(m.start == span[0] for m in within(doc.clusters, span))


def _took(note: str) -> bool:
    """A note of a rule that took the drafted cluster off or set it on purpose (not the note asking the
    review to add a new name to the reference)."""
    return note.startswith("cluster ") and not note.endswith(NEW_NAME)


def _drafted_mention(figure, doc):
    """The last mention of the drafted cluster (as drafted, or with the 业 cluster_form wrote onto it)."""
    name = simplified(figure.cluster)
    named = [m for m in within(doc.clusters, (figure.sentence[0], figure.at)) if name.startswith(m.name)]
    return named[-1] if named else None


def _in_its_own_clause(figure, doc) -> tuple[int, int] | None:
    """A new industry's name in the figure's own clause, where the drafted cluster is named in an earlier
    one (重点培育壮大智能家电等战略性新兴产业,力争2021年智能家电产业实现产值100亿元): the clause's own."""
    mention = _drafted_mention(figure, doc)
    if mention is None or mention.end > figure.clause[0]:
        return None
    span = _name(figure, doc)
    return None if span is None or _opened_by_a_known_name(doc, span) else span


def _nearer_name(figure, doc) -> tuple[int, int] | None:
    """A new industry's name between the drafted cluster's mention and the number, the next item of a list
    of names with their values (木材加工及木制品业(20.13%)、化学原料及化学制品业(4.48%)): the nearer name."""
    mention = _drafted_mention(figure, doc)
    if mention is None:
        return None
    name, norm, at = simplified(figure.cluster), doc.norm, figure.at
    drafted_end = mention.start + len(name)  # 电力、热力生产和供应业 (cluster_whole): one name, not two
    end = norm.rfind("业", drafted_end, at) + 1
    if end <= drafted_end or not (
        norm.startswith(metric_words(doc.reference), end) or norm[end:at].strip() in ("(", "（")
    ):
        return None
    begin = name_start(doc, max(drafted_end, end - NAME_REACH), end)
    if end - begin < MIN_NAME or norm[begin - 1] != "、" or within(doc.clusters, (begin, end)):
        return None
    if norm[begin:end].endswith(doc.reference.words_of("cluster_frame", "not_industry")):
        return None
    return begin, end


def named_as_an_industry(figure, doc, earlier):
    if figure.metric_code in COUNTS_OF_CLUSTERS:
        return figure  # 6个先进制造业集群: a count of clusters is of no one cluster
    if figure.at >= 0 and figure.cluster and not any(_took(n) for n in figure.notes):
        span, why = _nearer_name(figure, doc), "the list's item nearest the number"
        if span is None:
            span, why = _in_its_own_clause(figure, doc), "in its own clause, the draft's in an earlier one"
        if span is not None:
            figure.cluster = doc.text.name(*span)
            figure.notes.append(f"cluster {figure.cluster}: {NOTE}, {why}")
            if simplified(figure.cluster) not in doc.reference.clusters:
                figure.notes.append(f"cluster {figure.cluster} {NEW_NAME}")
        return figure
    if figure.cluster or figure.at < 0 or any(_took(n) for n in figure.notes):
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
    if _opened_by_a_known_name(doc, span):
        return figure  # a known name there was the draft's to take, or a rule's to take off
    figure.cluster = doc.text.name(*span)
    figure.notes.append(f"cluster {figure.cluster}: {NOTE}")
    if simplified(figure.cluster) not in doc.reference.clusters:
        figure.notes.append(f"cluster {figure.cluster} not in reference/cluster_aliases.csv: add it or correct it")
    return figure
