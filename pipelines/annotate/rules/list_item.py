"""One row per listed item sharing a number (培育壮大机械制造、新材料、大健康、服装皮革四大千亿产业): each row's
evidence starts at its own item, so the span says which item the row is for (新材料、大健康、服装皮革四大
千亿产业 for 新材料), as reviewers cut them. The first item's span is the list from it on. When the whole
list is too long for the span (汽车、有色金属、…、造纸与木材加工等8个产业产值超1000亿元), the span, cut
short from the cue word, grows back to its item where that fits: 石化、机械、…等8个产业产值超1000亿元."""

from __future__ import annotations

from ..evidence import LIMIT, occurs_more_than_once, read_length
from ..script import simplified

LISTED = "one of a list sharing the number"


def span_from_its_item(figure, doc, earlier):
    if not figure.cluster or not any(note.startswith(LISTED) for note in figure.notes):
        return figure
    if doc.reference.metric(figure.metric_code).kind == "rank":
        return figure  # 保持全区工业投资总量、增速第一: the rank's span keeps its field
    read = doc.text.reading(figure.evidence)  # found on the copy: the evidence keeps pinyin notes, a name not
    at = read.norm.find(doc.text.reading(figure.cluster).norm)
    if at < 0:
        span = _back_to_its_item(figure, doc)
    elif at > 0:
        span = figure.evidence[read.origin[at] :]
    else:
        return figure
    if not span or occurs_more_than_once(doc.text, span):
        return figure
    figure.evidence = span
    return figure


def _back_to_its_item(figure, doc) -> str:
    """From the item, before the number in its clause, to where the span ends; "" when it does not fit."""
    if figure.at < 0:
        return ""
    text, norm = doc.text, doc.norm
    item = norm.rfind(simplified(figure.cluster), figure.clause[0], figure.at)
    begin = text.original.rfind(figure.evidence, 0, figure.number_start + len(figure.evidence))
    if item < 0 or begin < 0 or begin > figure.number_start:
        return ""  # the span is not around the number (a rule rewrote it): leave it
    last = norm.rfind("、", item, figure.at)  # its item to the list's last one: 等8个 comes after it
    items = norm[item : last + 1] if last >= 0 else norm[item - 1 : item]  # the last item: after a 、
    if "、" not in items or any(ch.isdigit() for ch in items):
        return ""  # not an item of this number's 、 list (产业园和规划面积4000亩; 食品3个三千亿和石化、…)
    span = text.original[text.origin[item] : begin + len(figure.evidence)]
    return span if read_length(text, span) <= LIMIT else ""


def span_from_the_last_item(figure, doc, earlier):
    """A figure of its own whose number follows the last item of a 、 list (生产樟脑、冰片、醋酸钠等12个品种;
    电力、热力、燃气及水生产和供应业累计增长4.9%): its clause is the one between the last 、 and the next
    mark, as reviewers cut them (醋酸钠等12个品种). Rows of a list sharing the number start at their own
    item (span_from_its_item); a list whose items hold numbers is split by evidence._own_item."""
    span = figure.evidence
    if "、" not in span or any(note.startswith(LISTED) for note in figure.notes):
        return figure
    begin = doc.text.original.rfind(span, 0, figure.number_start + len(span))
    if begin < 0 or begin + len(span) <= figure.number_start:
        return figure  # the span is not around the number (a rule rewrote it): leave it
    head = span[: figure.number_start - begin]
    last = head.rfind("、")
    if last < 0 or any(mark in head[last:] for mark in ",，;；") or any(ch.isdigit() for ch in head):
        return figure
    rest = span[last + 1 :].lstrip()
    if not rest or occurs_more_than_once(doc.text, rest):
        return figure
    figure.evidence = rest
    return figure


def span_to_its_item_after(figure, doc, earlier):
    """A listed row whose item is named after its number's clause (培育千亿级产业集群,南宁市将聚焦新能源、人工智能…:
    a size tier whose list follows): the span runs from the number to its item, so it says which item the row
    is for (千亿级产业集群,南宁市将聚焦新能源), cut at LIMIT where the item ends further on, as reviewers cut them."""
    if not figure.cluster or figure.at < 0 or not any(note.startswith(LISTED) for note in figure.notes):
        return figure
    norm, text = doc.norm, doc.text
    name = simplified(figure.cluster)
    if name in norm[figure.clause[0] : figure.clause[1]]:
        return figure  # the item is in the number's own clause (机械制造、新材料…四大千亿产业): span_from_its_item's
    item = norm.find(name, figure.clause[1], figure.sentence[1])
    if item < 0 or "\n" in norm[figure.at : item]:
        return figure
    end = min(text.origin[item + len(name) - 1] + 1, text.origin[min(figure.at + LIMIT, len(norm))])
    span = text.original[figure.number_start : end].strip()
    if occurs_more_than_once(text, span):
        return figure
    figure.evidence = span
    return figure
