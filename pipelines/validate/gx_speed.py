"""Make Great Expectations cheap enough to validate every table on every run.

GX 1.x rebuilds an expectation's `configuration` from its pydantic fields each time it is read: about
70 times per expectation while validating, close to half of validation time. The fields do not
change while a suite is validated, so inside `memoised_configurations()` each expectation builds it
once. The patch is undone on leaving, so nothing outside validation sees it; GX's own copies of a
configuration (it deep-copies before changing one) are unaffected.
"""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def memoised_configurations():
    from great_expectations.expectations.expectation import Expectation

    original = Expectation.__dict__["configuration"]
    built: dict[int, tuple[object, object]] = {}  # id -> (expectation kept alive, its configuration)

    def configuration(self):
        hit = built.get(id(self))
        if hit is None or hit[0] is not self:
            hit = built[id(self)] = (self, original.fget(self))
        return hit[1]

    Expectation.configuration = property(configuration, doc=original.__doc__)
    try:
        yield
    finally:
        Expectation.configuration = original


@contextmanager
def unfingerprinted_batches():
    """GX's pandas engine fingerprints every batch it is given by hashing the whole DataFrame, and
    pickles the frame to hash it when a column holds objects (a text column with nulls): at 10M rows
    seconds per suite and a copy of the frame in memory. The fingerprint only labels the batch in
    results; frames of at least HASH_THRESHOLD bytes go without one, so the threshold is set to 0
    while a suite runs."""
    from great_expectations.execution_engine import pandas_execution_engine as engine

    original = engine.HASH_THRESHOLD
    engine.HASH_THRESHOLD = 0
    try:
        yield
    finally:
        engine.HASH_THRESHOLD = original
