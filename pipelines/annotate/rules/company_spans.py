"""Where the document names a company, read once per document before a figure's cue words are weighed: a
word inside a name (投资 of 广西投资集团有限公司, 钢铁 of 柳州钢铁集团, 公司 of its ending) is the company's name,
not a cue for a figure outside it. A name is a place and a company's ending after it (company_name), a head
and an ending with no place (company_ending), or an enterprise the reference knows (柳钢). A cue after the name
(柳钢集团钢材产量) is outside it and still read."""

from __future__ import annotations

from bisect import bisect_right

from .. import places
from .company_ending import _named
from .company_name import _company


def _spans(doc) -> list[tuple[int, int]]:
    """The names' (start, end), overlapping ones joined, sorted by start."""
    norm, reference = doc.norm, doc.reference
    name = _company(reference)[0]
    lead = reference.words_of("subject", "lead", "before_noun")
    found = []
    # an enterprise the reference knows runs on to its ending (上汽通用五菱 + 汽车股份有限公司); a place opens one
    known = [(m, True) for m in doc.enterprises] + [(m, False) for m in doc.places]
    for mention, an_enterprise in known:
        if mention.name in places.IMPLIED:
            continue  # 全市…公司: the text's own place opens no company's name
        match = name.match(norm, mention.end)
        if match and match.end() > mention.end and not any(w in match.group() for w in lead):
            found.append((mention.start, match.end()))  # 南宁市新增公司: a count's lead word, no name
        elif an_enterprise:
            found.append((mention.start, mention.end))
    found.extend(doc.once("company_ending", _named))
    joined: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def inside_a_name(doc, start: int, end: int) -> bool:
    """Whether [start, end) lies within a company's name: by bisection of the names read once."""
    spans = doc.once("company_spans", _spans)
    at = bisect_right(spans, (start, len(doc.norm) + 1)) - 1
    return at >= 0 and spans[at][1] >= end
