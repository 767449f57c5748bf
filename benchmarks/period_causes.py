"""Why a drafted row's period columns differ from the reviewed ones, on seed and development documents only.

Drafts each seed and development document and pairs each gold figure with its drafted row as `make
bench-suggest` does (draft_pairs.py), and sorts every row whose period
columns (period_kind, period_start_year, period_end_year, period_start_month, period_end_month,
is_year_inferred) differ into one cause, by the first that applies:

    kind                 period_kind differs (draft kind -> gold kind, e.g. kind year->as_of)
    months               the months differ (a part of a year read or missed)
    start year only      only the start year differs (a range read as one year or the reverse)
    end year             the end year differs (a wrong or missing year)
    inferred only        only is_year_inferred differs (the years are right)

Held-out documents are never drafted here (issue 22's rule): only their counts are read, from SUGGEST_RESULTS.md.

    python benchmarks/period_causes.py [--rows]   (--rows: every row, draft -> gold, with its text around)
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

from draft_pairs import drafted_documents  # noqa: E402

from pipelines.review.stats import same_value  # noqa: E402

COLUMNS = (
    "period_kind",
    "period_start_year",
    "period_end_year",
    "period_start_month",
    "period_end_month",
    "is_year_inferred",
)


def differing(gold: dict, drafted: dict) -> list[str]:
    return [c for c in COLUMNS if not same_value(c, drafted[c], gold[c])]


def cause(columns: list[str], gold: dict, drafted: dict) -> str:
    if "period_kind" in columns:
        return f"kind {drafted['period_kind'] or '∅'}->{gold['period_kind'] or '∅'}"
    if "period_start_month" in columns or "period_end_month" in columns:
        return "months"
    if "period_end_year" in columns:
        return "end year " + (
            "missing" if not drafted["period_end_year"] else "filled" if not gold["period_end_year"] else "wrong"
        )
    if "period_start_year" in columns:
        return "start year only"
    return "inferred only"


def around(original: str, evidence: str, width: int = 40) -> str:
    at = original.find(evidence)
    if at < 0:
        return evidence
    return original[max(0, at - width) : at].replace("\n", "⏎") + "【" + evidence + "】"


def period_text(row: dict) -> str:
    months = f" m{row['period_start_month']}-{row['period_end_month']}" if row["period_end_month"] else ""
    return (
        f"{row['period_kind'] or '∅'} {row['period_start_year'] or '∅'}-{row['period_end_year'] or '∅'}{months}"
        f" inf={row['is_year_inferred']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", action="store_true", help="print every edited row, draft -> gold")
    args = parser.parse_args()
    counts: dict[str, collections.Counter] = {"seed": collections.Counter(), "development": collections.Counter()}
    columns: dict[str, collections.Counter] = {"seed": collections.Counter(), "development": collections.Counter()}
    for document in drafted_documents():
        for want, got in document.row_pairs():
            diff = differing(want, got)
            if not diff:
                continue
            why = cause(diff, want, got)
            counts[document.group][why] += 1
            columns[document.group].update(diff)
            if args.rows:
                print(
                    f"{want['figure_id']} {why:22} {period_text(got)} -> {period_text(want)}"
                    f" [{want['status']}/{want['metric_code']}] {around(document.original, want['evidence'])}"
                )
    for group, counter in counts.items():
        print(
            f"{group}: {sum(counter.values())} rows; columns: "
            + ", ".join(f"{c} {n}" for c, n in columns[group].most_common())
        )
        print("  causes: " + ", ".join(f"{c} {n}" for c, n in counter.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
