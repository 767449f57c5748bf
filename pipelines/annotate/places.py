"""Places, clusters and enterprises named in the text: every mention, longest name first, so
柳州市柳江区 is one mention and not 柳州市 + 柳江区."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .script import Text

# A place right after these is a frame of comparison (位居全国第一, 占全区的), not what the figure is about.
_FRAME_BEFORE = ("居", "进入", "占", "跻身", "列", "排名", "领先")
# Words that mean the document's own place: 全市 is the subject city, 全区/我区/自治区 is Guangxi.
IMPLIED = ("全市", "我市", "全区", "我区", "自治区", "全省")


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


def is_frame(norm: str, mention: Mention) -> bool:
    before = norm[max(0, mention.start - 2):mention.start]
    return any(before.endswith(word) for word in _FRAME_BEFORE)


COUNTRY_REACH = 12


def nearest(found: list[Mention], span: tuple[int, int], at: int, norm: str | None = None,
            levels: dict[str, str] | None = None) -> Mention | None:
    """The mention nearest before `at` in span, else the nearest after it. Frames are left out, and
    so is the country unless it stands right before the number (全国平均水平2.65%): 全国两会 earlier
    in a sentence about a city's buses does not make its figures national."""
    def fits(m: Mention) -> bool:
        if norm is not None and is_frame(norm, m):
            return False
        if levels is not None and levels.get(m.key) == "country":
            return m.end <= at and at - m.end <= COUNTRY_REACH
        return True

    inside = [m for m in found if span[0] <= m.start < span[1] and fits(m)]
    before = [m for m in inside if m.end <= at]
    if before:
        return before[-1]
    after = [m for m in inside if m.start >= at]
    return after[0] if after else None


def subject(text: Text, found: list[Mention], levels: dict[str, str]) -> tuple[str, str] | None:
    """(place as the document writes it, key): the city or province the document names most."""
    counts = Counter(m.key for m in found if levels.get(m.key) in ("province", "prefecture"))
    if not counts:
        return None
    key = max(counts, key=lambda k: (counts[k], -next(m.start for m in found if m.key == k)))
    written = Counter(text.span(m.start, m.end) for m in found if m.key == key)
    return written.most_common(1)[0][0], key

