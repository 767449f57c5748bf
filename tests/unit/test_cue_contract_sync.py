"""The cue-word contract is written once, in pipelines/load/contracts.py (CUE_CODES, CUE_POSITIONS);
staging/stg_cue_words.yml's accepted_values repeat it for the suite, so a kind, code or position added
to the contract and not to the model's tests fails here, at once, not as a critical failure of every run."""

from __future__ import annotations

import yaml

from pipelines.load import contracts

from helpers import REPO


def accepted(column: str) -> set[str]:
    doc = yaml.safe_load((REPO / "staging" / "stg_cue_words.yml").read_text(encoding="utf-8"))
    [values] = [t["accepted_values"]["values"] for t in doc["columns"][column]["data_tests"] if "accepted_values" in t]
    return set(values)


def test_the_models_accepted_values_are_the_contracts():
    assert accepted("cue_kind") == set(contracts.CUE_CODES)
    assert accepted("cue_code") == {code for codes in contracts.CUE_CODES.values() for code in codes}
    assert accepted("cue_position") == {p for positions in contracts.CUE_POSITIONS.values() for p in positions}
