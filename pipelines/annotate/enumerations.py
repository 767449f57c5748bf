"""Lists that share one number: 食品、冶金等2个产业产值超2000亿元 states 2000亿元 for each of 食品 and
冶金, so a level, rank or size tier after a list of items (A、B、C) is one figure per item."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Where the last item of a list ends: 等 (cue_kind list, code group_end), 的, a number, the figure's cue word.
_LAST_ITEM_END = r"{}|的|[0-9]|[零〇一二两三四五六七八九十百千万]+(?=[个大项家条千百万亿])"
_CLAUSE_END = re.compile(r"[,;:。!?\n]")
MAX_ITEM = 16
_COMMA = re.compile("、")  # the enumeration comma: punctuation, kept in code
_OWN_NUMBER = re.compile(r"\d[\d.]*\s*[^\d\s、]{0,3}$")  # an item that ends in its number and unit
_ANY_NUMBER = re.compile(r"\d")
_BOUND_AFTER_JOINER = re.compile(r"以上|以下|以内")  # X及以上: a bound, not a second item


@dataclass(frozen=True)
class _Words:
    """The list words of cue_words.csv (cue_kind list) as patterns, built once per reference."""

    joints: re.Pattern  # 、 or a joiner word (和, 及, 与)
    joiners: re.Pattern  # a joiner word alone
    last_item_end: re.Pattern
    lead: re.Pattern  # words before the first item that are not part of it: 聚焦新能源, 打造新能源 (code lead)
    after_list: re.Pattern  # words that open a list after a size tier: 将聚焦A、B、C (code opener)
    group_end: re.Pattern  # 等 / 的: where an item after a size tier ends


@lru_cache(maxsize=8)
def _compiled(joiners: str, group_end: str, lead: str, opener: str) -> _Words:
    return _Words(
        re.compile(f"、|{joiners}"),
        re.compile(joiners),
        re.compile(_LAST_ITEM_END.format(group_end)),
        re.compile(f".*(?:{lead})"),
        re.compile(opener),
        re.compile(f"{group_end}|的"),
    )


def _words(reference) -> _Words:
    return _compiled(*(reference.alternation("list", code) for code in ("joiner", "group_end", "lead", "opener")))


def _protect(segment: str, offset: int, names: list[tuple[int, int]], words: _Words) -> str:
    """The segment with the 、/和/及 inside known names masked, so 人工智能及新一代信息技术 stays one."""
    chars = list(segment)
    for start, end in names:
        lo, hi = max(start, offset) - offset, min(end, offset + len(segment)) - offset
        for joint in words.joints.finditer(segment, lo, hi) if lo < hi else ():
            chars[joint.start() : joint.end()] = "\x00" * (joint.end() - joint.start())
    return "".join(chars)


def _split(segment: str, offset: int, names, separators: re.Pattern, words: _Words) -> list[tuple[int, int]]:
    masked = _protect(segment, offset, names, words)
    items, at = [], 0
    for found in separators.finditer(masked):
        items.append((offset + at, offset + found.start()))
        at = found.end()
    items.append((offset + at, offset + len(masked)))
    return items


def _trim_first(norm: str, item: tuple[int, int], names, places, words: _Words) -> tuple[int, int]:
    start, end = item
    for s, e in names:  # a known name that ends the first item is the item
        if e == end and s >= start:
            lead = words.lead.match(norm[start:s])
            if lead and start + lead.end() < s:  # 培育铜基新材料: what stands between the lead and the name is its own
                return start + lead.end(), e
            return s, e
    for s, e in places:
        if start <= s and e < end:
            start = max(start, e)
    lead = words.lead.match(norm[start:end])
    return (start + lead.end(), end) if lead and lead.end() < end - start else (start, end)


def items_before(
    norm: str, clause_start: int, at: int, stops: list[int], names, places, reference
) -> list[tuple[int, int]]:
    """The items of a list that ends right before the figure at `at` in its clause (or none)."""
    words = _words(reference)
    segment = norm[clause_start:at]
    if "、" not in _protect(segment, clause_start, names, words) and not words.joiners.search(segment):
        return []
    items = _split(segment, clause_start, names, _COMMA, words)
    if any(_OWN_NUMBER.search(norm[s:e]) for s, e in items[:-1]):
        return []  # 氧化铝1010万吨、电解铝218万吨: each item has its own number, none shares this one
    items = _after_an_earlier_number(norm, items, words)
    if not items:
        return []
    if len(items) == 1:
        items = _split(segment, clause_start, names, words.joiners, words)
        if len(items) != 2 or _BOUND_AFTER_JOINER.match(norm, items[1][0]):
            return []  # 中层及以上管理人员: 及以上 (and above) joins no two items
        if _ANY_NUMBER.search(norm, *items[0]):
            return []  # 规划面积3000亩的A和规划面积4000亩的B: the first item has its own number
    last_start, _ = items[-1]
    end = at
    found = words.last_item_end.search(norm, last_start, at)
    if found:
        end = found.start()
    end = min([end] + [s for s in stops if last_start < s < end])
    items[-1] = (last_start, end)
    if len(items) > 1:
        last_s, last_e = items[-1]
        tail = _split(norm[last_s:last_e], last_s, names, words.joiners, words)
        if len(tail) == 2 and not _BOUND_AFTER_JOINER.match(norm, tail[1][0]):
            items[-1:] = tail
    items[0] = _trim_first(norm, items[0], names, places, words)
    if any(not (2 <= e - s <= MAX_ITEM) for s, e in items):
        return []
    return items


def _after_an_earlier_number(norm: str, items, words) -> list[tuple[int, int]]:
    """钢铁、有色、食品3个三千亿和石化、造纸与木材加工、电力3个两千亿产业: an item holding an earlier number
    (食品3个三千亿和石化) ends the list that number shares; this number's list starts after its joiner."""
    numbered = [k for k, (s, e) in enumerate(items[:-1]) if _ANY_NUMBER.search(norm, s, e)]
    if not numbered:
        return items
    k = numbered[-1]
    s, e = items[k]
    joiner = next(reversed(list(words.joiners.finditer(norm, s, e))), None)  # the item's last joiner
    if joiner is None or _ANY_NUMBER.search(norm, joiner.end(), e):
        return items[k + 1 :]
    return [(joiner.end(), e), *items[k + 1 :]]


def items_after(norm: str, end: int, sentence_end: int, names, reference) -> list[tuple[int, int]]:
    """A list that follows a size tier in the next clause: 千亿级产业集群,将聚焦A、B、C."""
    words = _words(reference)
    clause = _CLAUSE_END.search(norm, end, sentence_end)
    if not clause:
        return []
    lead = words.after_list.search(norm, clause.end(), sentence_end)
    if not lead or _CLAUSE_END.search(norm, clause.end(), lead.start()):
        return []
    stop = _CLAUSE_END.search(norm, lead.end(), sentence_end)
    stop_at = stop.start() if stop else sentence_end
    items = _split(norm[lead.end() : stop_at], lead.end(), names, _COMMA, words)
    cut = []
    for s, e in items:
        last = words.group_end.search(norm[s:e])
        cut.append((s, s + last.start()) if last else (s, e))
    if len(cut) < 2 or any(not (2 <= e - s <= MAX_ITEM) for s, e in cut):
        return []
    return cut
