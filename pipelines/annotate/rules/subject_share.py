"""What a share or a rank is of (docs/codes.md, Subjects). A share of a whole that is not the place's own
total names the whole in front of what it shares: 羽绒加工量占全国28% → 全国羽绒加工量, and 占世界18% right
after it → 世界羽绒加工量; Nanning's 经济总量占全区比重 → 全区经济总量. A share of the place's own total
stays as it was. A rank of a count carries what the count counts, as a rate carries its level's subject:
规模以上工业企业仅占全国的1.4%,列全国第18位 → 规模以上工业企业 (no whole: a rank's field is no part of it)."""

from __future__ import annotations

import re

from .. import places
from ..script import plain
from . import subject

SHARES = ("share",)
DIFFERENCE = "relative_difference"  # metric_kind share: what differs, and from whom
RANKS = ("rank",)
_SHARE_CUE = re.compile(r"占(?:据)?")
_ADVERBS = re.compile(r"[却也只仅都还]+$")  # 资产总计却占: no part of what is shared
_NOUN = re.compile(r"[\u4e00-\u9fff()、]{2,16}$")


def whole_in_front(figure, doc, earlier):
    if figure.subject or figure.at < 0:
        return figure
    reference = doc.reference
    kind = reference.metric(figure.metric_code).kind
    if kind not in SHARES + RANKS:
        return figure
    what = _what(figure, doc, earlier)
    if not what:
        return figure
    if figure.metric_code == DIFFERENCE:
        compared = _compared(figure, doc)
        if compared is not None:
            figure.subject = doc.text.span(*compared) + what  # 比江西少30%: 江西大中型企业
        return figure
    if kind in RANKS:
        rate_of = figure.rate_of_metric_code
        if rate_of and reference.metric(rate_of).kind == "count":
            figure.subject = what
        return figure
    whole = _whole(figure, doc)
    # 自治区制造业数字化转型升级项目 占全区的23.4%: what already names its region needs no whole in front
    names_a_place = plain(what).startswith(doc.place_names[0] + places.IMPLIED)
    if whole is None:
        return figure
    if not _is_own(figure, doc, whole) and not names_a_place:
        figure.subject = doc.text.span(*whole) + what
    elif figure.rate_of_metric_code and plain(what) not in reference.metric(figure.rate_of_metric_code).cues:
        figure.subject = what  # a share of the place's own total of a count: the count's subject, as a rate's
    return figure


def _what(figure, doc, earlier, depth: int = 2) -> str:
    """What the share or rank is of, as written: the noun before its 占, else what the figure before it in
    its sentence (a count, or a share or rank of the same count) is of."""
    norm, start = doc.norm, figure.clause[0]
    cues = list(_SHARE_CUE.finditer(norm, start, figure.at))
    if cues:
        before = _ADVERBS.sub("", norm[start : cues[-1].start()])
        # 稀土储量约占全国的5%: the share's qualifier (约, 近: cue_kind qualifier) is no part of what is shared
        qualifiers = doc.reference.words_of("qualifier", None, "before_number")
        while before.endswith(qualifiers):
            before = before[: -len(next(q for q in qualifiers if before.endswith(q)))]
            before = _ADVERBS.sub("", before)
        noun = _NOUN.search(before)
        if noun:
            begin = subject.after_the_lead(doc, start + noun.start(), start + noun.end())
            end = start + noun.end()
            # 医药及医疗器械等四大主导产业: the list's 等 (list group_end) closes examples of the head after it
            closes = [norm.rfind(w, begin, end) + len(w) for w in doc.reference.words_of("list", "group_end")]
            head = max([c for c in closes if c > 0 and end - c >= 2], default=begin)
            begin = max(begin, head)
            if end - begin >= 2:
                return doc.text.span(begin, end)
    if depth == 0:
        return ""
    share = doc.reference.metric(figure.metric_code).kind in SHARES
    for before in reversed(earlier):
        if before.at < figure.sentence[0]:
            return ""
        if before.at < 0 or before.at >= start:  # 在全国31个省市中排名第28位: 省市 are the field, not what ranks
            continue
        if figure.rate_of_metric_code and before.metric_code == figure.rate_of_metric_code:
            return before.subject
        if figure.rate_of_metric_code and before.rate_of_metric_code == figure.rate_of_metric_code:
            return _what(before, doc, earlier, depth - 1)
        if share and doc.reference.metric(before.metric_code).kind in SHARES:
            return _what(before, doc, earlier, depth - 1)  # 占全国28%,占世界18%: the same amount's shares
        return ""  # only the figure right before: no reach past another figure
    return ""


def _compared(figure, doc) -> tuple[int, int] | None:
    """Where the place compared with is written, between a comparison word (比, 较: place_frame comparison)
    and the direction word that ends the clause (比江西少30%): a relative difference is of what that place
    has (docs/codes.md, Subjects)."""
    reference, norm = doc.reference, doc.norm
    markers = reference.alternation("place_frame", "comparison", "before_place")
    directions = "|".join(reference.alternation("direction", side, "before_number") for side in ("above", "below"))
    for mention in doc.places:
        if not figure.clause[0] <= mention.start and mention.end <= figure.at:
            continue
        before = re.search(f"(?:{markers})$", norm[figure.clause[0] : mention.start])
        after = re.fullmatch(f"(?:{directions})(?:出|了)?\\s*", norm[mention.end : figure.at])
        if before and after:
            return mention.start, mention.end
    return None


def _whole(figure, doc) -> tuple[int, int] | None:
    """Where the whole is written right after 占 (占全国, 占全区比重, 占世界): a ranking's field word
    (cue_kind rank, field), the set a share or a rank is taken in."""
    norm = doc.norm
    cues = list(_SHARE_CUE.finditer(norm, figure.clause[0], figure.at))
    if not cues:
        return None
    at = cues[-1].end()
    for word in doc.reference.words_of("rank", "exact", "field"):
        if norm.startswith(word, at):
            return at, at + len(word)
    return None


def _is_own(figure, doc, whole: tuple[int, int]) -> bool:
    """The whole is the figure's own place (全区 in a document about Guangxi): a place mention there whose key
    is the figure's. A whole no mention resolves (世界, a region a city's document never names) is wider."""
    mention = next((m for m in doc.places if m.start == whole[0]), None)
    return mention is not None and figure.place_key is not None and mention.key == figure.place_key
