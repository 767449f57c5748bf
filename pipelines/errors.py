"""One root error class; subclasses carry where the problem is and how to fix it.

The CLI boundary prints `Error: what — where — how to fix` and exits with the class's exit code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in a file: any part may be unknown."""

    file: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        text = self.file if self.line is None else f"{self.file}:{self.line}"
        return text if self.column is None else f"{text}: {self.column}"


class ClusterdwError(Exception):
    """Root of every error the pipeline reports to its user."""

    exit_code = 1
    violations: list[Violation] = []  # a ContractError's rows, each printed on its own line; none for the rest

    def __init__(self, what: str, where: str | Location | None = None, fix: str | None = None):
        super().__init__(what)
        self.what = what
        self.where = str(where) if where is not None else None
        self.fix = fix

    def one_line(self) -> str:
        return " — ".join(part for part in (self.what, self.where, self.fix) if part)


@dataclass(frozen=True)
class Violation:
    """One broken rule of a raw file's contract, at one row and column."""

    location: Location
    problem: str

    def __str__(self) -> str:
        return f"{self.location}: {self.problem}"


class ContractError(ClusterdwError):
    """Raw input breaks its declared contract; carries every violation, not just the first."""

    exit_code = 3

    def __init__(self, violations: list[Violation]):
        self.violations = violations
        first = violations[0]
        more = f" (and {len(violations) - 1} more, listed above)" if len(violations) > 1 else ""
        super().__init__(
            f"{len(violations)} contract violation(s) in raw input: {first.problem}{more}",
            first.location,
            "fix the rows listed (raw/README.md gives each file's contract), then run again",
        )


class ModelError(ClusterdwError):
    """A SQL model cannot be parsed, resolved, ordered or run."""

    exit_code = 4
    # When a build fails: the results of its models that were built or failed, in dependency order, so the
    # run's record shows what was built before it (set by the builder).
    model_results: list = []


class ValidationFailed(ClusterdwError):
    """A critical expectation failed: nothing is published."""

    exit_code = 5


class LockBusy(ClusterdwError):
    """Another run holds the project's lock (EX_TEMPFAIL, so cron wrappers can tell it apart)."""

    exit_code = 75


class SparkClusterError(ClusterdwError):
    """The Spark cluster could not run the build (nothing at --master, no executor, a time limit passed):
    EX_UNAVAILABLE, so a scheduler can tell it from a model's error (4) and retry later."""

    exit_code = 69


class PathRefused(ClusterdwError):
    """Refusing to overwrite or delete a path that clusterdw did not create."""

    exit_code = 6


class DiskFull(ClusterdwError):
    """The disk of the target folder filled up (ENOSPC): nothing is published."""

    exit_code = 1


class DamagedWarehouse(ClusterdwError):
    """A warehouse file that DuckDB cannot open (truncated, emptied, overwritten): never replaced unasked."""

    exit_code = 1
