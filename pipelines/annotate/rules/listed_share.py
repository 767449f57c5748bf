"""Parts listed with their shares in brackets (占比前五的为：木材加工业(20.13%)、非金属矿物制品业(15.28%)、…) are
shares of one whole: the cue word before the first (企业数量占比) says what each is a share of, though the
later ones stand too far from it to see it. A share written in brackets after its part's name, listed right
after another such share (only 、 or a joiner and the next part's name between), takes that share's
rate_of_metric_code when it has none of its own."""

from __future__ import annotations

import re
from functools import lru_cache

_NAME = r"[^\d,;:。!?()%]{1,24}"  # the next part's name: no number, clause or bracket of its own


@lru_cache(maxsize=8)
def _gap(joiners: str) -> re.Pattern:
    return re.compile(rf"\)\s*(?:、|{joiners})\s*{_NAME}\($")


def _in_brackets(figure, norm: str) -> bool:
    return figure.at > 0 and norm[figure.at - 1] == "(" and norm[figure.unit_end : figure.unit_end + 1] == ")"


def like_the_share_before(figure, doc, earlier):
    if figure.at < 0 or not earlier or figure.rate_of_metric_code or figure.metric_code != "share":
        return figure
    norm = doc.norm
    before = earlier[-1]
    if before.metric_code != "share" or not before.rate_of_metric_code or before.at < figure.sentence[0]:
        return figure
    if not (_in_brackets(figure, norm) and _in_brackets(before, norm)):
        return figure
    joiners = doc.reference.alternation("listed_value", "joiner", "between_values")
    if not _gap(joiners).match(norm[before.unit_end : figure.at]):
        return figure
    figure.rate_of_metric_code = before.rate_of_metric_code
    figure.notes.append(
        f"a part's share listed after {before.value}{before.unit}: a share of {before.rate_of_metric_code} too"
    )
    return figure
