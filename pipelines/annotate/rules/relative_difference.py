"""A percent said as more or less than something compared with (比江西少30%以上, 较靖西市高40%, 与靖西相比,
…高40%) is a relative difference: how far the figure lies above (+) or below (-) what it is compared with,
in percent of that, not a share nor a growth over time (比上年增长 stays a growth). The direction words are
cue words (direction above / below), the comparison's (比, 较, 相比) place_frame comparison words."""

from __future__ import annotations

import re

CODE = "relative_difference"
FROM = ("share", "growth_rate")  # what a bare percent is read as before this rule
_FLIP = {"at_least": "at_most", "more_than": "less_than", "at_most": "at_least", "less_than": "more_than"}
REACH = 16  # how far the compared thing may run between 比 and the direction word


def compared_with_another(figure, doc, earlier):
    if figure.at < 0 or figure.metric_code not in FROM or figure.unit != "%":
        return figure
    reference = doc.reference
    if all(m.code != CODE for m in reference.metrics):
        return figure
    above = reference.alternation("direction", "above", "before_number")
    below = reference.alternation("direction", "below", "before_number")
    markers = reference.alternation("place_frame", "comparison", "before_place")
    clause = doc.norm[figure.clause[0] : figure.at]
    found = re.search(rf"(?:{markers})(?P<what>[^,;:。!?、\d]{{1,{REACH}}}?)(?:(?P<up>{above})|{below})\s*$", clause)
    if found is None:
        sentence = doc.norm[figure.sentence[0] : figure.at]  # 与靖西市相比,平果市的产值高40%
        said = re.search(rf"相比.*?(?:(?P<up>{above})|{below})\s*$", sentence)
        if said is None or not re.search(rf"(?:{above}|{below})\s*$", clause):
            return figure
        found, what = said, ""
    else:
        what = found.group("what")
        # 同比减少4.5%: 比 closes 同比 (year on year, cue_kind change), a change over time, no comparison
        if any(clause.endswith(w, 0, found.start("what")) for w in reference.words_of("change", "rate")):
            return figure
    # a comparison over time is a growth: 比上年, 较去年同期, 比2015年 (cue_kind time_base)
    if re.match(rf"\s*(?:{reference.cue('time_base', 'earlier').pattern})", what):
        return figure
    figure.metric_code = CODE
    if found.group("up") is None:
        figure.value = -abs(figure.value)
        figure.qualifier = _FLIP.get(figure.qualifier, figure.qualifier)
    figure.notes = [n for n in figure.notes if not n.startswith("no cue word")]
    figure.notes.append("a difference from what is compared (比…高/少 N%): relative_difference; say what in subject")
    return figure
