"""What the reviews teach, from the review record alone: each reviewed document's draft as suggest wrote
it (raw/drafts/<ID>.csv) beside its reviewed file (raw/figures/<ID>.csv). A kept row keeps its draft
figure_id, an added row has an id the draft does not, a deleted row leaves a gap (the integrator's
convention for documents reviewed by hand, which `review` keeps too).

`clusterdw review --stats`: per field how often the draft was right, rows deleted and added, and the
reference rows the reviews imply (a name or cue word typed by hand twice). `--results`: the table of
benchmarks/REVIEW_RESULTS.md, one line per document in review order."""

from __future__ import annotations

import csv
import json
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..annotate import reference
from ..annotate.numerals import numerals
from ..annotate.script import read, simplified
from ..load.contracts import FIGURES
from ..publish.atomic import write_atomic

FIELDS = [c for c in FIGURES.column_names if c not in ("figure_id", "document_id")]
COMMENTARY = ("note",)  # a note the reviewer writes is no correction of the draft
TWICE = 2
_CJK = re.compile(r"[\u4e00-\u9fff]+")
# The period kind a reviewer set, as the code of a period cue word (cue_words.csv) that would have said it
PERIOD_CODES = {"as_of": "stock", "cumulative": "cumulative", "average": "average"}
_GLUE_BEFORE_NUMBER = re.compile(r"(?:达到|达|为|约|超过|超|近|有)$")  # 规划面积为4060亩: the word is 规划面积


@dataclass
class Review:
    document_id: str
    drafted: int
    kept: int = 0
    unedited: int = 0
    deleted: int = 0
    added: int = 0
    edited: Counter = field(default_factory=Counter)  # column -> kept rows whose value the reviewer changed
    changes: list[tuple[dict, dict | None]] = field(default_factory=list)  # (reviewed, draft or None if added)
    order: tuple = ()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{c: (row.get(c) or "").strip() for c in FIGURES.column_names} for row in csv.DictReader(handle)]


def same_value(column: str, a: str, b: str) -> bool:
    if column == "value":
        try:
            return Decimal(a) == Decimal(b)
        except InvalidOperation:
            pass
    return a == b


def compare(draft: list[dict], reviewed: list[dict], document_id: str) -> Review:
    by_id = {row["figure_id"]: row for row in draft}
    result = Review(document_id, len(draft))
    seen = set()
    for row in reviewed:
        before = by_id.get(row["figure_id"])
        if before is None:
            result.added += 1
            result.changes.append((row, None))
            continue
        seen.add(row["figure_id"])
        result.kept += 1
        changed = [c for c in FIELDS if not same_value(c, before[c], row[c])]
        result.edited.update(changed)
        if not [c for c in changed if c not in COMMENTARY]:
            result.unedited += 1
        result.changes.append((row, before))
    result.deleted = len(draft) - len(seen)
    return result


def _review_order(project_dir: Path, document_id: str, figures: Path) -> tuple:
    """When the review was finished: the review record's time, else the reviewed file's first commit."""
    record = project_dir / "raw" / "drafts" / f"{document_id}.review.json"
    if record.exists():
        try:
            finished = json.loads(record.read_text(encoding="utf-8")).get("finished")
            if finished:
                return (finished, document_id)
        except json.JSONDecodeError:
            pass
    try:
        out = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=%cI", "--", str(figures)],
            cwd=project_dir,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        out = []
    return (out[-1] if out else "~", document_id)  # not committed yet: after the committed ones


def reviews(project_dir: Path) -> list[Review]:
    raw = project_dir / "raw"
    found = []
    for figures in sorted((raw / "figures").glob("*.csv")):
        draft = raw / "drafts" / figures.name
        if draft.exists():
            review = compare(_rows(draft), _rows(figures), figures.stem)
            review.order = _review_order(project_dir, figures.stem, figures)
            found.append(review)
    return sorted(found, key=lambda r: r.order)


# --- reference rows the reviews imply ---------------------------------------------------------------


def _around_number(row: dict) -> tuple[str, str]:
    """The evidence's words just before its number and just after its unit (Simplified)."""
    text = read(row["evidence"])
    try:
        value = abs(Decimal(row["value"]))
    except InvalidOperation:
        return "", ""
    number = next((n for n in numerals(text.norm) if n.value == value), None)
    if number is None:
        return "", ""
    before = _CJK.findall(text.norm[: number.start])
    after_unit = text.norm[number.end :].lstrip()
    unit = simplified(row["unit"])
    after = _CJK.findall(after_unit[len(unit) :] if after_unit.startswith(unit) else "")
    return (before[-1] if before and text.norm[: number.start].endswith(before[-1]) else ""), (
        after[0] if after else ""
    )


def proposals(project_dir: Path, found: list[Review]) -> list[str]:
    """Reference rows typed by hand in at least two reviews that raw/reference does not hold yet: a place
    or cluster name that resolves through no reference row, a qualifier word right before a number (or
    after its unit) whose qualifier the reviewer set, the words before a number whose period kind
    (as_of, cumulative, average) or metric the reviewer changed."""
    known = reference.load(project_dir / "raw")
    cue_words = {(c.kind, c.word, c.position) for c in known.cue_words}
    metric_cues = {m.code: set(m.cues) for m in known.metrics}
    counted: dict[tuple[str, str], set[str]] = {}

    def typed_in(key: tuple[str, str], document_id: str) -> None:
        counted.setdefault(key, set()).add(document_id)

    for review in found:
        for row, draft in review.changes:
            typed = lambda c, draft=draft, row=row: draft is None or not same_value(c, draft[c], row[c])  # noqa: E731
            for column, file, template in (
                ("place", "place_aliases.csv", "{},<place_key>,"),
                ("cluster", "cluster_aliases.csv", "{},<cluster_key>"),
            ):
                name = row[column]
                table = known.places if column == "place" else known.clusters
                if name and typed(column) and simplified(name) not in table:
                    typed_in((file, template.format(name)), review.document_id)
            if draft is None:
                continue  # cue words only from a draft's guess corrected: an added row's words are no pattern
            before, after = _around_number(row)
            if typed("qualifier") and row["qualifier"] != "exact":
                for word, position in (
                    (before[-2:], "before_number"),
                    (before[-1:], "before_number"),
                    (after[:2], "after_unit"),
                ):
                    if word and ("qualifier", word, position) not in cue_words:
                        typed_in(
                            ("cue_words.csv", f"qualifier,{word},{row['qualifier']},{position},,,"), review.document_id
                        )
            if typed("period_kind") and row["period_kind"] in PERIOD_CODES and before:
                # 规划面积3000亩 set to as_of in two reviews: 规划面积 is a stock cue word
                word = _GLUE_BEFORE_NUMBER.sub("", before)[-4:]
                code = PERIOD_CODES[row["period_kind"]]
                if len(word) >= 2 and ("period", word, "before_number") not in cue_words:
                    typed_in(("cue_words.csv", f"period,{word},{code},before_number,,,"), review.document_id)
            if typed("metric_code") and row["metric_code"] in metric_cues and before:
                word = before[-4:] if len(before) > 4 else before
                if word not in metric_cues[row["metric_code"]]:
                    typed_in(("metrics.csv", f"{row['metric_code']}: add cue word {word}"), review.document_id)
    # Twice means in two reviews: one document that writes a name often is one review's word.
    ranked = sorted(counted.items(), key=lambda item: (-len(item[1]), item[0]))
    return [
        f"raw/reference/{file}: {line}   (typed in {len(documents)} reviews: {', '.join(sorted(documents))})"
        for (file, line), documents in ranked
        if len(documents) >= TWICE
    ]


# --- what the command prints and writes -------------------------------------------------------------


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def report(project_dir: Path) -> str:
    found = reviews(project_dir)
    if not found:
        return (
            "No reviewed document has its draft beside it (raw/figures/<ID>.csv with raw/drafts/<ID>.csv): "
            "nothing to learn from yet.\n"
        )
    drafted = sum(r.drafted for r in found)
    kept = sum(r.kept for r in found)
    lines = [
        f"{len(found)} reviewed documents: {drafted} rows drafted, {kept} kept "
        f"({sum(r.unedited for r in found)} unedited, note aside), {sum(r.deleted for r in found)} deleted, "
        f"{sum(r.added for r in found)} added.",
        "",
        "How often the draft was right, per field, over the kept rows:",
    ]
    edited = sum((r.edited for r in found), Counter())
    for column in FIELDS:
        lines.append(f"  {column:<20} {_pct(kept - edited[column], kept):>5}  ({edited[column]} edited)")
    lines += [
        "",
        "Reference rows the reviews imply (typed by hand twice or more; add them to raw/reference if they are right):",
    ]
    lines += [f"  {p}" for p in proposals(project_dir, found)] or ["  none"]
    return "\n".join(lines) + "\n"


def results_table(found: list[Review]) -> str:
    lines = [
        "# Review results",
        "",
        "Written by `clusterdw review --results benchmarks/REVIEW_RESULTS.md` from the review records: each",
        "reviewed document's draft (raw/drafts/<ID>.csv, as suggest wrote it) beside its reviewed file",
        "(raw/figures/<ID>.csv), in review order. A kept row keeps its draft figure_id; an added row has an id",
        'the draft does not; a deleted row leaves a gap. "Unedited" leaves the reviewer\'s note aside.',
        "",
        '"Fields right": of the kept rows\' fields (note aside), the share the draft had right.',
        "",
        "These drafts are the ones each reviewer saw. What today's suggest would draft for the same documents, and",
        "how many of its rows a reviewer would accept unedited, is forecast by `make bench-suggest` (column",
        "`unedited` and the edits per column in benchmarks/SUGGEST_RESULTS.md).",
        "",
        "| # | document | drafted | accepted unedited | edited | deleted | added | fields right | edits per column |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    judged = [c for c in FIELDS if c not in COMMENTARY]
    for number, r in enumerate(found, start=1):
        per_column = ", ".join(f"{c} {n}" for c, n in sorted(r.edited.items(), key=lambda x: (-x[1], x[0])))
        right = r.kept * len(judged) - sum(r.edited[c] for c in judged)
        lines.append(
            f"| {number} | {r.document_id} | {r.drafted} | {r.unedited} ({_pct(r.unedited, r.drafted)}) | "
            f"{r.kept - r.unedited} | {r.deleted} | {r.added} | {_pct(right, r.kept * len(judged))} | "
            f"{per_column or '–'} |"
        )
    last = found[-5:]
    if last:
        drafted = sum(r.drafted for r in last)
        lines += [
            "",
            f"Last {len(last)} documents: {sum(r.unedited for r in last)} of {drafted} drafted rows "
            f"accepted with no edit ({_pct(sum(r.unedited for r in last), drafted)}).",
        ]
    return "\n".join(lines) + "\n"


def write_results(project_dir: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, results_table(reviews(project_dir)))
    return out
