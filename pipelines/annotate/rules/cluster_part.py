"""A part of a sentence that opens with a verb has no subject of its own: in 柳州市汽车产量达151.9万辆,增长16%;
实现规模以上工业产值1376.7亿元 the output is the car industry's, as the part before it says. Such a part (after
a ;, opening with a word that ends a noun: cue_words.csv, cue_kind subject, noun_end: 实现, 完成, 达 …) with
no cluster named takes the cluster of the last figure of the part before it."""

from __future__ import annotations

import re

# 其中: what follows is a part of the whole the part before opened with; the next part goes on with the whole
# (after a comma: a sentence that opens with 其中 is about the part throughout)
_PART = re.compile(r"[,,]\s*其中")


def of_the_part_before(figure, doc, earlier):
    if figure.cluster or figure.at < 0 or not earlier:
        return figure
    start = figure.sentence[0]
    norm = doc.norm
    if start == 0 or norm[start - 1] != ";":
        return figure
    if not norm.startswith(doc.reference.words_of("subject", "noun_end", "after_noun"), start):
        return figure
    before = norm.rfind("。", 0, start - 1)  # the part before, within its full sentence
    for f in reversed(earlier):
        if f.at < before or f.at < 0:
            break
        if f.at < start and f.cluster:
            if under_its_whole(doc, f):
                break  # 全县完成产值…,其中铝产业完成产值…;完成固定资产投资…: the whole's, not its part's
            figure.cluster = f.cluster
            figure.notes.append(f"cluster {f.cluster}: of the part before, this part naming no subject of its own")
            break
    return figure


def under_its_whole(doc, figure) -> bool:
    """Whether the figure's cluster is a part named after 其中 in its sentence (a part of the whole the sentence
    opened with): a later part that names nothing goes on with the whole."""
    return bool(_PART.search(doc.norm, figure.sentence[0], figure.at))
