"""Why a drafted row's subject differs from the reviewed one, on seed and development documents only.

Drafts each seed and development document and pairs each gold figure with its drafted row as `make
bench-suggest` does (draft_pairs.py), and sorts every subject edit into one cause:

    too long        the gold subject is inside the drafted one (lead words or metric words kept)
    too short       the drafted subject is inside the gold one
    empty draft     drafted empty, gold filled
    filled draft    drafted filled, gold empty
    scope missed    gold is a scope (规上工业, 规模以上工业) and the draft is not
    rate vs level   a rate whose gold subject is its level's (a gold row of its rate_of_metric_code)
    alias form      the two resolve to one subjects.csv key, written differently
    wrong noun      any other

Held-out documents are never drafted here (issue 22's rule): only their counts are read, from SUGGEST_RESULTS.md.

    python benchmarks/subject_causes.py [--rows]   (--rows: print every edit, draft -> gold, with its evidence)
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

import suggest_loo as loo  # noqa: E402
from draft_pairs import drafted_documents  # noqa: E402

from pipelines.annotate.script import simplified  # noqa: E402
from pipelines.review.stats import FIELDS as REVIEWED  # noqa: E402
from pipelines.review.stats import same_value  # noqa: E402

SCOPES = ("规上工业", "规模以上工业", "规上服务业", "规模以上服务业")


def cause(gold: dict, drafted: dict, gold_rows: list[dict], keys: dict[str, str], kinds: dict[str, str]) -> str:
    want, got = gold["subject"], drafted["subject"]
    if simplified(want) in SCOPES and simplified(got) not in SCOPES:
        return "scope missed"
    if want and got and keys.get(simplified(want)) and keys.get(simplified(want)) == keys.get(simplified(got)):
        return "alias form"
    if not got:
        return "empty draft"
    if not want:
        return "filled draft"
    if kinds.get(gold["metric_code"]) in ("rate", "share", "rank") and gold["rate_of_metric_code"]:
        levels = {r["subject"] for r in gold_rows if r["metric_code"] == gold["rate_of_metric_code"]}
        if want in levels and want not in got and got not in want:
            return "rate vs level"
    if want in got:
        return "too long"
    if got in want:
        return "too short"
    return "wrong noun"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", action="store_true", help="print every edit, draft -> gold")
    args = parser.parse_args()
    raw = REPO / "raw"
    keys = {simplified(r["alias"]): r["subject_key"] for r in loo.rows(raw / "reference" / "subjects.csv")}
    kinds = {r["metric_code"]: r["metric_kind"] for r in loo.rows(raw / "reference" / "metrics.csv")}
    counts: dict[str, collections.Counter] = {"seed": collections.Counter(), "development": collections.Counter()}
    for document in drafted_documents(raw):
        for want, got in document.row_pairs():
            if want["subject"] == got["subject"]:
                continue
            why = cause(want, got, document.gold, keys, kinds)
            others = [c for c in REVIEWED if c not in ("subject", "note") and not same_value(c, got[c], want[c])]
            counts[document.group][why] += 1
            if args.rows:
                print(
                    f"{want['figure_id']} {why:13} {got['subject'] or '∅'} -> {want['subject'] or '∅'}"
                    f"  [{want['metric_code']}/{want['rate_of_metric_code']}]"
                    f" draft [{got['metric_code']}/{got['rate_of_metric_code']}] {want['evidence']}"
                    f"  also: {','.join(others) or 'none'}"
                )
    for group, counter in counts.items():
        print(
            f"{group}: {sum(counter.values())} subject edits: "
            + ", ".join(f"{c} {n}" for c, n in counter.most_common())
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
