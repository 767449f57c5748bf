"""Hold a review's rows to the load's own rules: the project's reference data is loaded once by the
loader into an in-memory DuckDB, and each check loads the candidate rows (and the document's row) by
the same loader, so the page shows exactly the messages `clusterdw load` would give. No second copy
of a rule lives here."""

from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..errors import ClusterdwError, ContractError
from ..load.contracts import CONTRACTS, DOCUMENTS, FIGURES, PERIOD_KINDS, QUALIFIERS, STATUSES
from ..load.loader import Loader
from .session import DOCUMENT_COLUMNS

_ALSO = re.compile(r" \(also lines? [^)]*\)$")
CANDIDATE = "~review_{}.csv"
REFERENCE = tuple(c for c in CONTRACTS if c.path.startswith("reference/"))


@dataclass
class Verdict:
    rows: dict[int, list[str]] = field(default_factory=dict)  # index in the rows checked -> "column: problem"
    document: list[str] = field(default_factory=list)  # the document's row
    reference: list[str] = field(default_factory=list)  # raw/reference itself is broken

    def ok(self, index: int) -> bool:
        return not self.rows.get(index) and not self.reference


def _csv(columns, rows: list[dict]) -> tuple[str, list[int]]:
    """The CSV text and the physical line each row starts on (a note may hold a newline)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    lines, line = [], 2
    for row in rows:
        start = buffer.tell()
        writer.writerow({c: row.get(c, "") for c in columns})
        lines.append(line)
        line += buffer.getvalue()[start:].count("\n")
    return buffer.getvalue(), lines


class Checker:
    def __init__(self, project_dir: Path):
        self.project_dir = project_dir
        self.con = duckdb.connect()
        self.scratch = Path(tempfile.mkdtemp(prefix="clusterdw-review-"))
        self.reference_problems: list[str] = []
        self.reload()

    def close(self) -> None:
        self.con.close()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def reload(self) -> None:
        """Load raw/reference as the load does (after a reference row is added, too)."""
        self.reference_problems = []
        self._forget_functions()
        try:
            Loader(self.con, self.project_dir).load_all(REFERENCE)
        except ContractError as error:
            self.reference_problems = [str(v) for v in error.violations]

    def _forget_functions(self) -> None:
        """The loader registers its Python functions on the connection each load: drop the last load's."""
        try:
            self.con.remove_function("value_in_evidence_py")
        except duckdb.Error:
            pass

    def _others(self, document_id: str) -> None:
        """The project's other figures files and document rows beside the candidate, so that a figure_id
        another document holds is the duplicate key the load would find. Their own problems are theirs."""
        raw = self.scratch / "raw"
        shutil.rmtree(raw, ignore_errors=True)
        (raw / "figures").mkdir(parents=True)
        for path in sorted((self.project_dir / "raw" / "figures").glob("*.csv")):
            if path.stem != document_id and path.is_file() and not path.is_symlink():
                shutil.copyfile(path, raw / "figures" / path.name)
        documents = self.project_dir / "raw" / "documents.csv"
        self.other_documents: list[dict[str, str]] = []
        if documents.is_file():
            with documents.open(encoding="utf-8-sig", newline="") as handle:
                self.other_documents = [r for r in csv.DictReader(handle) if r.get("document_id") != document_id]
        self.prepared = document_id

    def check(self, document_id: str, rows: list[dict[str, str]], document_row: dict[str, str]) -> Verdict:
        verdict = Verdict(reference=list(self.reference_problems))
        if getattr(self, "prepared", None) != document_id:
            self._others(document_id)
        raw = self.scratch / "raw"
        # the candidate's row first (line 2), then the others
        text, _ = _csv(DOCUMENT_COLUMNS, [document_row | {"document_id": document_id}, *self.other_documents])
        (raw / "documents.csv").write_text(text, encoding="utf-8")
        figures = f"raw/figures/{CANDIDATE.format(document_id)}"  # sorts after every other file: a duplicate
        text, lines = _csv(FIGURES.column_names, rows)  # key is reported on the candidate's row
        (self.scratch / figures).write_text(text, encoding="utf-8")
        by_line = {line: index for index, line in enumerate(lines)}
        loader = Loader(self.con, self.scratch)
        self._forget_functions()
        try:
            loader.load_all((DOCUMENTS, FIGURES))
        except ContractError as error:
            for violation in error.violations:
                where = violation.location
                told = f"{where.column}: {violation.problem}" if where.column else violation.problem
                told = told.replace(figures, f"raw/figures/{document_id}.csv")
                if where.file == "raw/documents.csv":
                    if where.line in (None, 2):
                        verdict.document.append(told)
                    continue
                rows = loader.same_name.get(violation, [where])
                if len(rows) > 1:  # each row shows it: the list of the other lines is the file's, not the page's
                    told = _ALSO.sub("", told)
                for same in rows:
                    if same.file == figures and same.line in by_line:
                        verdict.rows.setdefault(by_line[same.line], []).append(told)
        except ClusterdwError as error:
            verdict.reference.append(error.one_line())
        return verdict

    def choices(self) -> dict[str, list]:
        """The reference data's choices for the page's fields, read from the tables the loader loaded."""

        def rows(sql: str) -> list:
            try:
                return [list(r) for r in self.con.execute(sql).fetchall()]
            except duckdb.Error:
                return []  # a reference file that did not load: its problems are shown instead

        return {
            "place": rows(
                "select n.name, n.place_key, p.level from raw.place_names n "
                "join raw.places p using (place_key) order by n.place_key, n.name"
            ),
            "place_key": rows("select place_key, name_zh_hans, level from raw.places order by place_key"),
            "cluster": rows("select alias, cluster_key from raw.cluster_aliases order by cluster_key, alias"),
            "cluster_key": rows("select cluster_key, name_zh_hans, cluster_type from raw.clusters order by 1"),
            "metric_code": rows("select metric_code, name_zh, metric_kind, unit_measure from raw.metrics"),
            "rate_of_metric_code": rows("select metric_code, name_zh, metric_kind, unit_measure from raw.metrics"),
            "unit": rows("select unit, unit_measure, unit_multiplier from raw.units order by unit_measure, unit"),
            "status": [[s] for s in STATUSES],
            "qualifier": [[q] for q in QUALIFIERS],
            "period_kind": [[k] for k in PERIOD_KINDS],
            "is_year_inferred": [["false"], ["true"]],
        }
