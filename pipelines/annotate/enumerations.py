"""Lists that share one number: 食品、冶金等2个产业产值超2000亿元 states 2000亿元 for each of 食品 and
冶金, so a level, rank or size tier after a list of items (A、B、C) is one figure per item."""

from __future__ import annotations

import re

# Where the last item of a list ends: 等, a number, the figure's cue word, 的.
_LAST_ITEM_END = re.compile(r"等|的|[0-9]|[零〇一二两三四五六七八九十百千万]+(?=[个大项家条千百万亿])")
# Words before the first item that are not part of it: 聚焦新能源, 打造新能源.
_LEAD = re.compile(r".*(?:聚焦|打造|培育|形成|建成|发展|包括|推动|推进|壮大|做强|将|有|了|是|为|在|把|等)")
_AFTER_LIST = re.compile(r"聚焦|包括|涵盖|重点发展")
_CLAUSE_END = re.compile(r"[,;:。!?\n]")
MAX_ITEM = 16
_OWN_NUMBER = re.compile(r"\d[\d.]*\s*[^\d\s、]{0,3}$")  # an item that ends in its number and unit


def _protect(segment: str, offset: int, names: list[tuple[int, int]]) -> str:
    """The segment with the 、/和/及 inside known names masked, so 人工智能及新一代信息技术 stays one."""
    chars = list(segment)
    for start, end in names:
        for i in range(max(start, offset), min(end, offset + len(segment))):
            if chars[i - offset] in "、和及与":
                chars[i - offset] = "\x00"
    return "".join(chars)


def _split(segment: str, offset: int, names, separators: str) -> list[tuple[int, int]]:
    masked = _protect(segment, offset, names)
    items, at = [], 0
    for i, ch in enumerate(masked):
        if ch in separators:
            items.append((offset + at, offset + i))
            at = i + 1
    items.append((offset + at, offset + len(masked)))
    return items


def _trim_first(norm: str, item: tuple[int, int], names, places) -> tuple[int, int]:
    start, end = item
    for s, e in names:  # a known name that ends the first item is the item
        if e == end and s >= start:
            return s, e
    for s, e in places:
        if start <= s and e < end:
            start = max(start, e)
    lead = _LEAD.match(norm[start:end])
    return (start + lead.end(), end) if lead and lead.end() < end - start else (start, end)


def items_before(norm: str, clause_start: int, at: int, stops: list[int], names, places) -> list[tuple[int, int]]:
    """The items of a list that ends right before the figure at `at` in its clause (or none)."""
    segment = norm[clause_start:at]
    if "、" not in _protect(segment, clause_start, names) and not re.search(r"[和及与]", segment):
        return []
    items = _split(segment, clause_start, names, "、")
    if any(_OWN_NUMBER.search(norm[s:e]) for s, e in items[:-1]):
        return []  # 氧化铝1010万吨、电解铝218万吨: each item has its own number, none shares this one
    if len(items) == 1:
        items = _split(segment, clause_start, names, "和及与")
        if len(items) != 2:
            return []
    last_start, _ = items[-1]
    end = at
    found = _LAST_ITEM_END.search(norm, last_start, at)
    if found:
        end = found.start()
    end = min([end] + [s for s in stops if last_start < s < end])
    items[-1] = (last_start, end)
    if len(items) > 1:
        last_s, last_e = items[-1]
        tail = _split(norm[last_s:last_e], last_s, names, "和及与")
        if len(tail) == 2:
            items[-1:] = tail
    items[0] = _trim_first(norm, items[0], names, places)
    if any(not (2 <= e - s <= MAX_ITEM) for s, e in items):
        return []
    return items


def items_after(norm: str, end: int, sentence_end: int, names) -> list[tuple[int, int]]:
    """A list that follows a size tier in the next clause: 千亿级产业集群,将聚焦A、B、C."""
    clause = _CLAUSE_END.search(norm, end, sentence_end)
    if not clause:
        return []
    lead = _AFTER_LIST.search(norm, clause.end(), sentence_end)
    if not lead or _CLAUSE_END.search(norm, clause.end(), lead.start()):
        return []
    stop = _CLAUSE_END.search(norm, lead.end(), sentence_end)
    stop_at = stop.start() if stop else sentence_end
    items = _split(norm[lead.end() : stop_at], lead.end(), names, "、")
    cut = []
    for s, e in items:
        last = re.search(r"等|的", norm[s:e])
        cut.append((s, s + last.start()) if last else (s, e))
    if len(cut) < 2 or any(not (2 <= e - s <= MAX_ITEM) for s, e in cut):
        return []
    return cut
