"""benchmarks/suggest_loo.py's count of how drafts are wrong: codes and shapes, never a document's words."""

from __future__ import annotations

from benchmarks import suggest_loo


def _row(**fields: str) -> dict[str, str]:
    from pipelines.review.stats import FIELDS

    return dict.fromkeys(FIELDS, "") | fields


def test_a_wrong_code_is_counted_gold_to_drafted_and_written_columns_by_shape_alone():
    how_wrong = suggest_loo.how_wrong
    gold = _row(
        metric_code="capacity_tonnes",
        period_kind="as_of",
        period_end_year="2023",
        subject="规上工业企业",
        cluster="新能源汽车",
        evidence="全市规上工业企业达到120家",
    )
    drafted = _row(
        metric_code="production_tonnes",
        period_kind="year",
        period_end_year="2024",
        subject="",
        cluster="汽车",
        evidence="规上工业企业达到120家",
    )
    kinds = how_wrong(drafted, gold)
    assert kinds == [
        "metric_code capacity_tonnes → production_tonnes",
        "period_kind as_of → year",
        "period_end_year +1",
        "subject left empty",
        "cluster shorter",
        "evidence shorter",
    ]
    assert not any(word in kind for kind in kinds for word in ("规上", "新能源", "企业"))  # no text of the document
    assert how_wrong(gold, gold) == []
