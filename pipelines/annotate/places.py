"""Places, clusters and enterprises named in the text: every mention, longest name first, so
柳州市柳江区 is one mention and not 柳州市 + 柳江区."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .script import Text, simplified

# Words before a place that make it a frame (位居全国第一, 占全区的), and after an implied place (在全区率先,
# 全市第一): cue_kind place_frame of cue_words.csv, code frame.
# A place that opens a company's name (广西玉柴集团, 柳州津晶公司) is not what the figure is about: a few
# characters, then a word that ends a company's name (cue_words.csv, cue_kind company, code name_end).
COMPANY_REACH = 8
# Words that mean the document's own place: 全市 is the subject city, 全区/我区/自治区 is Guangxi.
IMPLIED = ("全市", "我市", "该市", "本市", "全区", "我区", "该区", "自治区", "全省", "全县", "我县", "该县", "本县")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # Simplified, as matched
    key: str


def mentions(norm: str, names: dict[str, str]) -> list[Mention]:
    found: list[Mention] = []
    taken = bytearray(len(norm))
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 2:
            continue
        at = norm.find(name)
        while at >= 0:
            end = at + len(name)
            if not any(taken[at:end]):
                found.append(Mention(at, end, name, names[name]))
                taken[at:end] = b"\x01" * len(name)
            at = norm.find(name, at + 1)
    return sorted(found, key=lambda m: m.start)


# Characters that may stand right before a place named as a place (2024年广西, 在广西, 全区和广西); any
# other character of a word makes the name part of that word (中国石油广西石化, 娱乐业 holding 乐业).
BEFORE_A_PLACE = re.compile(r"[^\u4e00-\u9fff]|[年月日在和与及、的是为对从到至向赴于同比较占居列由将]")
_SUFFIXES = ("市", "区", "县", "旗")
_NUMBER_AFTER = re.compile(r"\s*\d")
LOCAL = ("county", "district")


def inside_a_word(norm: str, mention: Mention, levels: dict[str, str], ends: set[int]) -> bool:
    """A county's or district's short name (乐业, 大新, 江南: no 县 or 区 of its own) written inside another
    word (娱乐业, 加大新能源, 工业园区江南片区) is no mention of the place: it must open the text, follow a
    character that no word runs on from, follow another place's name (广西横州, 南宁武鸣), or stand right
    before a number it labels (两地产能平果260万吨)."""
    if levels.get(mention.key) not in LOCAL or mention.name.endswith(_SUFFIXES) or mention.start == 0:
        return False
    if _NUMBER_AFTER.match(norm, mention.end):
        return False  # 两地产能平果260万吨: a name right before its number labels it, whatever stands before
    return mention.start not in ends and not BEFORE_A_PLACE.match(norm, mention.start - 1)


def opens_inside_a_lead(norm: str, mention: Mention, leads: tuple[str, ...]) -> bool:
    """其中国家级2个: a lead word (其中, cue_kind subject lead) that runs into the name's first characters holds
    them; 中国 here is no mention of the country."""
    return any(
        norm.startswith(word, mention.start - k)
        for word in leads
        for k in range(1, len(word))
        if k <= mention.start and word[k:] and mention.name.startswith(word[k:])
    )


def as_places(norm: str, found: list[Mention], levels: dict[str, str], leads: tuple[str, ...] = ()) -> list[Mention]:
    """The mentions of places that name a place, not a piece of another word."""
    ends = {m.end for m in found}
    return [m for m in found if not inside_a_word(norm, m, levels, ends) and not opens_inside_a_lead(norm, m, leads)]


@lru_cache(maxsize=8)
def _company_after(endings: str) -> re.Pattern:
    return re.compile(rf"[\u4e00-\u9fff]{{0,{COMPANY_REACH}}}?(?:{endings})")


def names_a_company(norm: str, mention: Mention, reference) -> bool:
    endings = reference.alternation("company", "name_end") if reference is not None else "(?!)"
    return bool(_company_after(endings).match(norm, mention.end))


# A dateline's date between the place and the word that signs it: 新华社南宁8月1日电, 本报柳州3月5日讯 (the
# words, 日电 and 日讯 after the month, are cue words: place_frame, frame, after_place).
_DATELINE_DATE = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*(?=日)")


def signed_after(norm: str, end: int, words: tuple[str, ...]) -> bool:
    """A word that makes the place before it a signature (南宁讯, 广西日报, 南宁8月1日电), after its date if any."""
    if not words:
        return False
    date = _DATELINE_DATE.match(norm, end)
    return norm.startswith(words, date.end() if date else end)


TITLE_REACH = 12
_TITLE = r"[\u4e00-\u9fff]{0,%d}?(?:%s)"
_YEAR_BEFORE = re.compile(r"\d{4}\s*年度?\s*$")


def is_frame(norm: str, mention: Mention, reference=None) -> bool:
    before = norm[max(0, mention.start - 9) : mention.start]
    year = _YEAR_BEFORE.search(before)  # 入围2024年广西高新技术企业百强: the list's year sits between
    before = (before[: year.start()] if year else before)[-3:]
    before = before[:-1] if before.endswith("全") else before  # 位居全广西第一
    frame_before = reference.words_of("place_frame", "frame", "before_place") if reference else ()
    frame_after = reference.words_of("place_frame", "frame", "after_implied") if reference else ()
    frame_next = reference.words_of("place_frame", "frame", "after_place") if reference else ()
    if any(before.endswith(word) for word in frame_before) or signed_after(norm, mention.end, frame_next):
        return True
    titles = reference.alternation("place_frame", "frame", "title_end") if reference else "(?!)"
    # 广西高新技术企业百强, 广西智能制造标杆企业: the province names a title or list, not the place
    if (
        titles != "(?!)"
        and reference.place_levels.get(mention.key) == "province"
        and re.match(_TITLE % (TITLE_REACH, titles), norm[mention.end : mention.end + TITLE_REACH + 6])
    ):
        return True
    if mention.name == "自治区" and norm[mention.end : mention.end + 1] == "级":
        return True  # 自治区级实验室: a rank of the lab, not a place
    if mention.name in IMPLIED and (before.endswith("在") or norm.startswith(frame_after, mention.end)):
        return True
    if names_a_company(norm, mention, reference):
        # 广西玉柴集团: a province opening a company's name is no place of its figures; 柳州五菱公司: a
        # company keeps the city (or county) it is named after
        level = reference.place_levels.get(mention.key) if reference is not None else None
        return level not in ("prefecture", "county", "district")
    return False


COUNTRY_REACH = 8
# A document is about a province, a city, or a county or district it names more than any other place
# (港南区 in a feature on Guigang's 港南区).
SUBJECT_LEVELS = ("province", "prefecture", "county", "district")
LOCAL_LEVELS = ("county", "district")


def within(found: list[Mention], span: tuple[int, int]) -> list[Mention]:
    """The mentions that start in span, of `found` sorted by start: by bisection, so that a figure's
    look-up costs the mentions of its sentence, not every mention of the document (quadratic: 1 MB of
    text took minutes)."""
    return found[bisect_left(found, span[0], key=_start) : bisect_left(found, span[1], key=_start)]


def last_mention_of_its_cluster(figure, doc, start: int | None = None) -> Mention | None:
    """The last mention of the figure's cluster, as drafted, between `start` (by default its sentence's
    start) and its number; None where the text does not name it there."""
    name, begin = simplified(figure.cluster), figure.sentence[0] if start is None else start
    named = [m for m in within(doc.clusters, (begin, figure.at)) if m.name == name]
    return named[-1] if named else None


def _start(mention: Mention) -> int:
    return mention.start


def nearest(
    found: list[Mention],
    span: tuple[int, int],
    at: int,
    norm: str | None = None,
    levels: dict[str, str] | None = None,
    reference=None,
) -> Mention | None:
    """The mention nearest before `at` in span, else the nearest after it. Frames are left out, and
    so is the country unless it stands right before the number (全国平均水平2.65%): 全国两会 earlier
    in a sentence about a city's buses does not make its figures national."""

    def fits(m: Mention) -> bool:
        if norm is not None and is_frame(norm, m, reference):
            return False
        if levels is not None and levels.get(m.key) == "country":
            return m.end <= at and at - m.end <= COUNTRY_REACH
        return True

    inside = [m for m in within(found, span) if fits(m)]
    before = [m for m in inside if m.end <= at]
    if before:
        return before[-1]
    after = [m for m in inside if m.start >= at]
    return after[0] if after else None


def implied(
    norm: str, subject_key: str | None, levels: dict[str, str], found: list[Mention], reference=None
) -> list[Mention]:
    """Mentions by 全市/我市 (the subject city; in a district's or a 县's document, the city it is in; a
    county-level city's own, 平果市) and 全区/我区/自治区 (the province the document names; in a
    district's document, the district)."""
    parents = reference.place_parents if reference is not None else {}
    full_names = reference.place_full_names if reference is not None else {}
    provinces = Counter(m.key for m in found if levels.get(m.key) == "province")
    province = max(provinces, key=lambda k: provinces[k]) if provinces else None  # 广西, not a 北京 named once
    if province is None:  # 全区 in a text that names only its city (本报柳州讯 …全区增长6%): the city's region
        province = _province_of(subject_key, levels, parents)
    out = []
    level = levels.get(subject_key) if subject_key else None
    for word in IMPLIED:
        if word in ("全区", "我区", "该区"):  # a district's own 全区 is the district, else the province
            key = subject_key if level == "district" else (province if word != "该区" else None)
        elif word == "全省":
            key = province
        elif word == "自治区":
            # In a city's or county's document 自治区 qualifies a body, a fund or a list (自治区各部门,
            # 自治区技术创新示范企业): the region's, not the place of the city's figures.
            key = province if level in (None, "province") else None
        elif word in ("全县", "我县", "该县", "本县"):
            key = subject_key if level == "county" else None
        elif word != "该市" and (level == "district" or full_names.get(subject_key, "").endswith("县")):
            key = parents.get(subject_key)  # 江州区's and 武宣县's 全市 are 崇左 and 来宾
        else:  # 全市, 我市, 该市: the subject city (a county-level city too)
            key = subject_key if level in ("prefecture", "county") else None
        if key is None:
            continue
        at = norm.find(word)
        while at >= 0:
            out.append(Mention(at, at + len(word), word, key))
            at = norm.find(word, at + 1)
    return out


def _province_of(key: str | None, levels: dict[str, str], parents: dict[str, str]) -> str | None:
    seen = set()
    while key is not None and key not in seen and levels.get(key) != "province":
        seen.add(key)
        key = parents.get(key)
    return key


def plain_name(key: str, reference) -> str:
    """The shortest Simplified name the reference knows a place by (广西 of guangxi): how a text that never
    names its region is written for a figure of 全区."""
    names = [n for n, k in reference.places.items() if k == key and simplified(n) == n]
    return min(names, key=len) if names else reference.place_full_names.get(key, key)


def written_forms(text: Text, found: list[Mention], reference=None) -> dict[str, str]:
    """Each place's name as the document writes it most often, one form for all its figures (reviewers
    write 桂林市 on every row of a text that says 桂林市 six times and 桂林 twice). A name that opens a
    body's name (广西壮族自治区统计局 in a source line) is not counted unless the place has no other."""
    after = reference.words_of("place_frame", "frame", "after_place") if reference is not None else ()
    counts: dict[str, Counter] = {}
    bodies: dict[str, Counter] = {}
    for m in found:
        into = bodies if signed_after(text.norm, m.end, after) else counts
        into.setdefault(m.key, Counter())[text.name(m.start, m.end)] += 1
    out = {key: c.most_common(1)[0][0] for key, c in bodies.items()}
    out.update({key: c.most_common(1)[0][0] for key, c in counts.items()})
    return out


# How a document calls its own place says its level: 全县/我县 a county's.
# Only a county's words are read: a city's document says 占全区, 排全区第一 of the region it is compared
# within, and a region's feature says 全市 in each city's story.
_OWN_PLACE = {
    "county": (("全县", "我县", "该县"), ("county",)),
}
OWN_PLACE_MIN = 2  # said at least twice, and more often than the other levels' words


def own_level(norm: str) -> tuple[str, ...] | None:
    """The levels a document's own place may be at, from the words it calls itself by; None if unclear."""
    said = {kind: sum(norm.count(w) for w in words) for kind, (words, _) in _OWN_PLACE.items()}
    best = max(said, key=lambda k: said[k])
    if said[best] < OWN_PLACE_MIN:
        return None
    return _OWN_PLACE[best][1]


_JOINER = re.compile(r"\s*(?:[、和与及]|以及)\s*")
_EXAMPLES_END = re.compile(r"\s*等")


def in_a_list(norm: str, mention: Mention, found: list[Mention]) -> bool:
    """南宁、柳州、桂林等市…, 柳州、南宁等地: a place listed with others (or closing with 等) names a set of places,
    none of them the place of a later sentence's figure."""
    at = bisect_left(found, mention.start, key=_start)
    after = found[at + 1] if at + 1 < len(found) else None
    before = found[at - 1] if at > 0 else None
    if after is not None and _JOINER.fullmatch(norm, mention.end, after.start):
        return True
    if before is not None and before.end <= mention.start and _JOINER.fullmatch(norm, before.end, mention.start):
        return True
    return bool(_EXAMPLES_END.match(norm, mention.end))


def qualifies_the_next(mention: Mention, found: list[Mention], parents: dict[str, str]) -> bool:
    """崇左市 in 崇左市江州区, 百色市 in 百色市平果市: a city written before a place in it says where that
    place is; it is no mention of the city as a subject of its own."""
    at = bisect_left(found, mention.end, key=_start)
    return at < len(found) and found[at].start == mention.end and parents.get(found[at].key) == mention.key


TITLE_LENGTH = 40  # a headline: a short first line of the article that no sentence end closes


def title_place(norm: str, counted: list[Mention], body_start: int) -> str | None:
    """The one place a headline names (象州县:工业强县建设提速; 贵港市港南区:…: the district), when the text
    names it again below: a feature's subject, though the city it belongs to is named more often."""
    line_end = norm.find("\n", body_start)
    if line_end < 0 or line_end - body_start > TITLE_LENGTH or "。" in norm[body_start:line_end]:
        return None
    keys = {m.key for m in counted if body_start <= m.start < line_end}
    if len(keys) != 1:
        return None
    key = keys.pop()
    return key if any(m.key == key and m.start > line_end for m in counted) else None


def subject(
    text: Text, found: list[Mention], levels: dict[str, str], reference=None, body_start: int = 0
) -> tuple[str, str] | None:
    """(place as the document writes it, key): the one place its headline names and its text names again;
    else the city or province the document names most (not counting
    a city written before a place in it, nor a name that signs a dateline or body: 南宁讯, 崇左日报); among
    places at the level its own words imply (全县 → a county) when it names one there (广西日报 in a
    byline of a county's interview is not its subject)."""
    parents = reference.place_parents if reference is not None else {}
    signs = reference.words_of("place_frame", "frame", "after_place") if reference is not None else ()
    at_levels = [m for m in found if levels.get(m.key) in SUBJECT_LEVELS]
    # 崇左市 of 崇左市江州区 says where the district is; 崇左 of 崇左日报, 南宁讯 who wrote: neither is what about
    counted = [
        m for m in at_levels if not qualifies_the_next(m, found, parents) and not signed_after(text.norm, m.end, signs)
    ] or at_levels
    counts = Counter(m.key for m in counted)
    if not counts:
        return None
    titled = title_place(text.norm, counted, body_start)
    if titled is not None:
        return written_forms(text, [m for m in found if m.key == titled], reference)[titled], titled
    implied_levels = own_level(text.norm)
    if implied_levels is not None:
        at_level = Counter({k: n for k, n in counts.items() if levels.get(k) in implied_levels})
        counts = at_level or counts
    key = max(counts, key=lambda k: (counts[k], -next(m.start for m in counted if m.key == k)))
    return written_forms(text, [m for m in found if m.key == key], reference)[key], key
