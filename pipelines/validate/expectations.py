"""clusterdw's own Great Expectations expectation: a figure's value occurs in its evidence.

GX has no expectation for "this number is written in that text"; this one applies the same rule as
the loader (pipelines/load/numbers.py). Importing the module registers it with GX under
`expect_column_pair_values_value_in_evidence`.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import ColumnPairMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnPairMapMetricProvider,
    column_pair_condition_partial,
)

from ..load.numbers import values_in_evidence


class ColumnPairValuesValueInEvidence(ColumnPairMapMetricProvider):
    condition_metric_name = "column_pair_values.value_in_evidence"
    condition_domain_keys = ("column_A", "column_B", "ignore_row_if")

    @column_pair_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_A, column_B, **kwargs):  # noqa: N803 (GX's names)
        # vectorised (DuckDB settles ordinary evidence, Python the rest); a missing value or evidence
        # proves nothing: the figure fails
        return pd.Series(values_in_evidence(column_A, column_B), index=column_A.index)


class ExpectColumnPairValuesValueInEvidence(ColumnPairMapExpectation):
    """Expect the number in column_A to be written in the text of column_B (the evidence span)."""

    # provenance has no exemptions: a row missing its value or its evidence is unexpected
    ignore_row_if: Literal["both_values_are_missing", "either_value_is_missing", "neither"] = "neither"

    map_metric = "column_pair_values.value_in_evidence"
    success_keys = ("column_A", "column_B", "ignore_row_if", "mostly")
