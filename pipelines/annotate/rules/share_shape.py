"""A percent with no cue word is a share, not a growth rate, when its shape says so: 7.14%的企业 (a
percent of something that follows), 制品业(15.28%) (a part's percent in parentheses after its name), or
no word of change in its clause (平均水平的85%, 仅有20%进入百强, 水质100%达标): a growth rate is said
with 增长, 下降, 提高 or 同比, a share needs none; a change *to* a percent (加工率提高到35%) is a share reached."""

from __future__ import annotations

import re

GUESSED = "no cue word: metric growth_rate guessed from the unit"
# Words of a change (cue_kind change) or a sign: one of them in the clause before a bare percent, or right
# after it, keeps it a rate.
_SIGN = r"[+＋-]$"


def percent_of_a_whole(figure, doc, earlier):
    if figure.metric_code != "growth_rate" or GUESSED not in figure.notes or figure.at < 1:
        return figure
    if figure.at in doc.cells:
        # 本月(%) over 固定资产投资 | 5.2: a table's cell has no clause of words, so no missing 增长 makes it a share;
        # a share's table says so in its header or caption (比重, 占), a cue word read before this rule
        return figure
    norm = doc.norm
    of_what = norm[figure.unit_end : figure.unit_end + 1] == "的"
    in_brackets = norm[figure.at - 1] == "(" and norm[figure.unit_end : figure.unit_end + 1] == ")"
    # 加工率提高到35%: a change *to* a percent is the level reached, not the size of the change
    clause_before = norm[figure.clause[0] : figure.at].rstrip()
    reached = re.search(f"(?:{doc.reference.cue('direction', 'reached').pattern})$", clause_before)
    if reached:
        clause_before = clause_before[: reached.start()]
    change = re.compile(f"{doc.reference.alternation('change', 'rate', 'in_clause')}|{_SIGN}")
    unchanged = not change.search(clause_before) and not change.match(norm, figure.unit_end)
    if not (of_what or in_brackets or unchanged):
        return figure
    share = next((m for m in doc.reference.metrics if m.code == "share"), None)
    if share is None:
        return figure
    figure.metric_code = share.code
    figure.notes = [n for n in figure.notes if n != GUESSED]
    figure.notes.append("no cue word: a share, read from its shape (X%的…, name(X%), no word of change): say of what")
    return figure
