"""The rows of raw/ for the readers beside the load (suggest's reference, verify-evidence, synth): the files
the load reads (files_of: the same set, the same refusals of links out of the project, FIFOs and misnamed
files), each row as text with the physical line its record starts on, as the load numbers it."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ClusterdwError, Location
from .contracts import Contract
from .loader import files_of


@dataclass(frozen=True)
class Row:
    path: Path
    line: int  # where the record starts (a quoted field may span lines)
    values: dict[str, str]


def rows_of(raw_dir: Path, contract: Contract) -> Iterator[Row]:
    """Each row of the contract's files, file by file in the load's order. A file that is not UTF-8 or not
    CSV is one clear error naming it (the load names its line)."""
    for path in files_of(raw_dir, contract):
        where = Location(str(path.relative_to(raw_dir.parent)))
        try:
            yield from _rows_of_file(path)
        except UnicodeDecodeError:
            raise ClusterdwError(
                f"the {contract.table} file is not UTF-8 (was it saved as GBK?)",
                where,
                "re-save it as UTF-8; `clusterdw load` names the line",
            ) from None
        except csv.Error as error:
            raise ClusterdwError(
                f"the {contract.table} file cannot be read as CSV: {error}",
                where,
                "fix it; `clusterdw load` names the line",
            ) from None


def _rows_of_file(path: Path) -> Iterator[Row]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None:  # an empty file; reading the header makes line_num count from it
            return
        line = reader.line_num + 1
        for values in reader:
            yield Row(path, line, values)
            line = reader.line_num + 1


def values_of(raw_dir: Path, contract: Contract) -> list[dict[str, str]]:
    return [row.values for row in rows_of(raw_dir, contract)]
