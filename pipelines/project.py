"""Where a project's inputs are and where its outputs go."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import ClusterdwError

INPUT_DIRS = ("raw", "staging", "marts", "checks")


@dataclass(frozen=True)
class Project:
    project_dir: Path
    db_path: Path

    @classmethod
    def at(cls, project_dir: str | Path, db: str | Path | None = None) -> Project:
        root = Path(project_dir).resolve()
        if not (root / "raw").is_dir():
            raise ClusterdwError(
                "not a clusterdw project: there is no raw/ folder",
                root,
                "run from the project folder or pass --project-dir",
            )
        db_path = Path(db).resolve() if db else root / "target" / "warehouse.duckdb"
        return cls(root, db_path)

    @property
    def target_dir(self) -> Path:
        return self.db_path.parent

    @property
    def dev_db_path(self) -> Path:
        """Where the single steps (load, build, check) work: never the published file."""
        return self.db_path.with_name(f"{self.db_path.stem}.dev{self.db_path.suffix}")

    @property
    def run_results_path(self) -> Path:
        return self.target_dir / "run_results.json"

    @property
    def run_history_path(self) -> Path:
        return self.target_dir / "run_history.jsonl"

    @property
    def docs_dir(self) -> Path:
        return self.target_dir / "data_docs"

    @property
    def spark_dir(self) -> Path:
        """Where `build --engine spark` writes: one Parquet folder per table."""
        return self.target_dir / "spark"

    @property
    def parquet_dir(self) -> Path:
        return self.target_dir / "parquet"

    @property
    def report_dir(self) -> Path:
        return self.target_dir / "report"

    @property
    def drafts_dir(self) -> Path:
        """raw/drafts: what `clusterdw suggest` writes; never loaded, so no input of a run."""
        return self.project_dir / "raw" / "drafts"

    def inputs_sha256(self) -> str:
        """One hash of every input file's path and content, for --if-changed. Of raw/, exactly the files
        the load reads, listed by the loader's own function: through a symlinked raw/figures as the
        load goes through it, and not raw/drafts/ or README.md, which it never reads."""
        from .load.contracts import CONTRACTS
        from .load.loader import files_of

        raw_dir = self.project_dir / "raw"
        paths = {path for contract in CONTRACTS for path in files_of(raw_dir, contract)}
        for folder in INPUT_DIRS:
            if folder != "raw":
                paths |= set((self.project_dir / folder).rglob("*"))
        digest = hashlib.sha256()
        for path in sorted(p for p in paths if p.is_file()):  # a regular file: never a FIFO or device
            digest.update(str(path.relative_to(self.project_dir)).encode())
            with path.open("rb") as handle:
                digest.update(hashlib.file_digest(handle, "sha256").digest())
        return digest.hexdigest()
