"""Why a reviewer edits a draft's enterprise: each edit of a found row of the seed and development documents
(drafted as `make bench-suggest` drafts them: draft_pairs.py), sorted by the grammar a rule would have to read
(issue 23). Causes, tried in order:

    filled while gold is empty / another company / shorter (place or ending not read whole)
    left empty, and the reviewer's company is:
      a project's company      its name opens a project's name before a place or a phase (恒逸钦州…项目, 华谊三期)
      one of a ; list          it opens the figure's ; segment, the sentence goes on in other segments
      a short name             the head of a company named whole before (祥云亿航 of 广西祥云亿航智能科技有限公司)
      after the number         named after the number, in its clause (约370辆搭载玉柴发动机的客车)
      named before, not in the sentence   pointed back at (该公司, 工厂) or a sentence with no subject
      no form or cue           in its sentence before the number, with no company ending, list or frame to read

    python benchmarks/enterprise_causes.py [--rows]   (--rows: one line per edit)
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from draft_pairs import drafted_documents  # noqa: E402

from pipelines.annotate.script import simplified  # noqa: E402

_PHASE = re.compile(r"[一二三四五六七八九十]期")


def cause(gold: str, drafted: str, figure, doc) -> str:
    if not gold:
        return "filled while gold is empty"
    if drafted:
        return "shorter (place or ending not read whole)" if drafted in gold else "another company"
    norm, name = doc.norm, simplified(gold)
    sentence = norm[figure.sentence[0] : figure.at]
    at = sentence.rfind(name)
    if at >= 0:
        after = figure.sentence[0] + at + len(name)
        if _PHASE.match(norm, after) or any(m.start == after for m in doc.places):
            return "a project's company"
        joined = norm[figure.sentence[0] - 1 : figure.sentence[0]] == ";" or norm[figure.sentence[1]] == ";"
        if joined and not sentence[:at].strip("据统计,0123456789月至—-年 "):
            return "one of a ; list"
    look_back = norm[max(0, figure.sentence[0] - 2000) : figure.sentence[0]]
    if re.search(rf"{re.escape(name)}[\u4e00-\u9fff]{{1,8}}?(?:有限公司|公司|集团)", look_back) and at >= 0:
        return "a short name"
    if at < 0 and name in norm[figure.at : figure.clause[1]]:
        return "after the number"
    if at < 0:
        return "named before, not in the sentence"
    return "no form or cue"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", action="store_true", help="one line per edit")
    rows = parser.parse_args().rows
    counts: dict[str, Counter] = {}
    for drafted in drafted_documents():
        doc_like = _Doc(drafted)
        counts.setdefault(drafted.group, Counter())
        for gold_row, figure in drafted.pairs():
            gold, draft = gold_row["enterprise"], figure.enterprise
            if simplified(gold) == simplified(draft):
                continue
            why = cause(gold, draft, figure, doc_like)
            counts[drafted.group][why] += 1
            if rows:
                print(f"{drafted.document_id[:3]} {gold_row['figure_id']} [{gold}] drafted [{draft}]: {why}")
    for group, found in counts.items():
        listed = ", ".join(f"{why} {n}" for why, n in found.most_common())
        print(f"{group} enterprise: {sum(found.values())} — {listed}")


class _Doc:
    """What cause() reads of a drafted document: its copy and its place mentions, read as suggest reads them."""

    def __init__(self, drafted):
        from pipelines.annotate.extract import read_document

        doc = read_document(drafted.original, 2000, drafted.reference)
        self.norm, self.places = doc.norm, doc.places


if __name__ == "__main__":
    main()
