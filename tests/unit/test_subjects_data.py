"""The project's own annotated rates: a rate carries the subject of the level it is the rate of
(docs/codes.md, Subjects), so that both belong to facts that differ only in their metric."""

from __future__ import annotations

from pipelines.annotate.script import simplified

from helpers import REPO, read_rows

# cue words that name a kind of their metric (技改投资 is read as investment), so a subject still
KINDS = {"技改投资"}
RATES = ("growth_rate", "percentage_point_change", "multiple")
# what makes a level and its rate the same thing, but for the subject and the metric
SAME = (
    "document_id",
    "place",
    "cluster",
    "enterprise",
    "period_kind",
    "period_start_year",
    "period_end_year",
    "period_start_month",
    "period_end_month",
    "status",
)


def figures() -> list[dict]:
    return [row for path in sorted((REPO / "raw" / "figures").glob("*.csv")) for row in read_rows(path)[1]]


def metric_words() -> dict[str, tuple[str, ...]]:
    """Each metric's Chinese name and cue words: the words that already say what its figures measure."""
    words = {}
    for row in read_rows(REPO / "raw" / "reference" / "metrics.csv")[1]:
        cues = [w for w in row["cue_words"].split(";") if w]
        words[row["metric_code"]] = tuple(simplified(w).lower() for w in (row["name_zh"], *cues) if w not in KINDS)
    return words


def repeats_a_word(subject: str, words: tuple[str, ...]) -> bool:
    """GDP, 产值; or a scope before a metric's longer word (规上工业增加值): 工业投资 and 就业人数 name
    what grows, as two-character words (投资, 人数) end many a subject that says more than the metric."""
    return subject in words or any(len(w) >= 3 and subject.endswith(w) for w in words)


def test_no_rate_subject_repeats_the_metric_it_is_a_rate_of():
    words = metric_words()
    repeats = [
        f"{row['figure_id']} {row['subject']} ({row['rate_of_metric_code']})"
        for row in figures()
        if row["metric_code"] in RATES
        and row["subject"]
        and row["rate_of_metric_code"]
        and repeats_a_word(simplified(row["subject"]).lower(), words[row["rate_of_metric_code"]])
    ]
    assert not repeats, "a rate's subject names what grows, not the metric: " + "; ".join(repeats)


def test_a_rate_has_the_subject_of_its_level_in_the_same_document():
    rows = figures()
    levels = {}
    for row in rows:
        if row["metric_code"] not in RATES and not row["rate_of_metric_code"]:
            levels.setdefault((row["metric_code"], *(row[c] for c in SAME)), set()).add(row["subject"])
    differ = []
    for row in rows:
        if row["metric_code"] in RATES and row["rate_of_metric_code"]:
            subjects = levels.get((row["rate_of_metric_code"], *(row[c] for c in SAME)))
            if subjects and row["subject"] not in subjects:
                differ.append(f"{row['figure_id']} {row['subject']!r}, its level {sorted(subjects)}")
    assert not differ, "; ".join(differ)


def test_the_two_tests_see_rates_with_levels():
    """Both tests above read real pairs: a rename of a column would otherwise make them pass on nothing."""
    rows = figures()
    rates = [r for r in rows if r["metric_code"] in RATES and r["rate_of_metric_code"]]
    assert len(rates) >= 40
    assert any(r["subject"] for r in rates) and any(not r["subject"] for r in rates)


def test_an_enterprise_is_never_the_subject_or_a_sector():
    """The enterprise column names a company (玉柴集团); a sector (第二產業) or the subject itself there
    would split a fact from its other figures."""
    wrong = [
        f"{row['figure_id']} {row['enterprise']}"
        for row in figures()
        if row["enterprise"]
        and (row["enterprise"] == row["subject"] or simplified(row["enterprise"]).endswith(("产业", "行业")))
    ]
    assert not wrong, "; ".join(wrong)
