"""One review of one draft: every row's decision and fields, the document's row, an undo history, and
where the reviewer stopped. Saved as it goes to raw/drafts/<ID>.review.json (written beside and
renamed), so a killed server or a closed tab loses nothing and the next `review` reopens where it
stopped. The draft itself is never changed: it stays as suggest wrote it, beside the reviewed file."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

from ..errors import ClusterdwError, Location
from ..load.contracts import FIGURES
from ..publish.atomic import write_atomic

COLUMNS = FIGURES.column_names
DOCUMENT_COLUMNS = ("document_id", "title", "publisher", "published", "script", "notes")
VERSION = 1
KEEP_ACTION_IDS = 500  # ids of actions applied: a page that resends an action after a crash applies it once
SAVE_FAULT = "review-save"  # kill point between writing the state and renaming it (tests)

# What a draft's note says a guess rests on -> the columns that guess filled (so the page marks them).
GUESS_NOTES = (
    (re.compile(r"place (from|not in the sentence)|no place found"), ("place",)),
    (re.compile(r"no cue word: metric"), ("metric_code",)),
    (re.compile(r"cluster .* not in reference|one of a list"), ("cluster",)),
    (
        re.compile(r"year (from|not stated)|read as|年以来|target year not stated"),
        ("period_start_year", "period_end_year", "is_year_inferred"),
    ),
    (re.compile(r"a decrease"), ("value",)),
    (re.compile(r"unit read from"), ("unit",)),
    (re.compile(r"size tier"), ("metric_code", "unit", "qualifier")),
    (re.compile(r"check evidence"), ("evidence",)),
    (
        re.compile(r"guessed from the selection"),
        ("place", "metric_code", "period_start_year", "period_end_year", "status", "qualifier", "period_kind"),
    ),
)


def guessed_columns(note: str) -> list[str]:
    found: list[str] = []
    for part in (note or "").split(";"):
        for pattern, columns in GUESS_NOTES:
            if pattern.search(part):
                found += [c for c in columns if c not in found]
    return found


def state_path(draft: Path) -> Path:
    return draft.with_name(f"{draft.stem}.review.json")


def read_draft(draft: Path) -> list[dict[str, str]]:
    """The draft's rows in the figures columns (a column a draft lacks is empty: older drafts)."""
    try:
        with draft.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            unknown = [c for c in reader.fieldnames or [] if c not in COLUMNS]
            if unknown:
                raise ClusterdwError(
                    f"draft has column {unknown[0]}, which raw/figures does not",
                    Location(str(draft), 1, unknown[0]),
                    "a draft has the columns of raw/figures (raw/README.md): rename or drop it",
                )
            return [{c: (row.get(c) or "") for c in COLUMNS} for row in reader]
    except FileNotFoundError:
        raise ClusterdwError(
            "draft not found", Location(str(draft)), "give the draft suggest wrote: raw/drafts/<document_id>.csv"
        ) from None


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Review:
    """The review's state as one JSON-able dict, with the operations the page asks for."""

    def __init__(self, path: Path, state: dict):
        self.path = path
        self.state = state

    # --- opening and saving -------------------------------------------------------------------------

    @classmethod
    def open(cls, draft: Path, document: Path, document_row: dict[str, str]) -> Review:
        path = state_path(draft)
        for stale in path.parent.glob(f".{path.name}.*.tmp"):  # a save killed before its rename
            stale.unlink(missing_ok=True)
        digest = sha256(draft)
        if path.exists():
            try:
                state = json.loads(path.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                raise ClusterdwError(
                    f"review record does not parse: {error}",
                    Location(str(path)),
                    "move it away to start the review again",
                ) from None
            if state.get("draft_sha256") != digest:
                raise ClusterdwError(
                    "the draft changed since its review began",
                    Location(str(draft)),
                    f"restore the draft, or move {path.name} away to review the new draft afresh",
                )
            return cls(path, state)
        rows = []
        for number, fields in enumerate(read_draft(draft)):
            rows.append(
                {
                    "key": f"d{number}",
                    "origin": "draft",
                    "draft": dict(fields),
                    "fields": dict(fields),
                    "decision": "pending",
                    "guessed": guessed_columns(fields["note"]),
                }
            )
        document_id = rows[0]["fields"]["document_id"] if rows else draft.stem
        state = {
            "version": VERSION,
            "document_id": document_id or draft.stem,
            "draft": draft.name,
            "draft_sha256": digest,
            "document": str(document),
            "started": _now(),
            "finished": None,
            "rows": rows,
            "cursor": 0,
            "history": [],
            "applied": [],
            "added": 0,
            "document_row": {c: document_row.get(c, "") for c in DOCUMENT_COLUMNS},
            "written": None,
        }
        review = cls(path, state)
        review.save()
        return review

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.state, ensure_ascii=False, indent=1) + "\n", fault=SAVE_FAULT)

    # --- reading -------------------------------------------------------------------------------------

    @property
    def document_id(self) -> str:
        return self.state["document_id"]

    @property
    def rows(self) -> list[dict]:
        return self.state["rows"]

    def kept(self) -> list[dict]:
        return [r for r in self.rows if r["decision"] == "accepted"]

    def checked(self) -> list[dict]:
        """The rows the contract checks hold: all but the rejected ones."""
        return [r for r in self.rows if r["decision"] != "rejected"]

    def row(self, key: str) -> dict:
        for row in self.rows:
            if row["key"] == key:
                return row
        raise ClusterdwError(f"no row {key} in this review", None, "reload the page")

    # --- changing (each change is one step of the undo history) --------------------------------------

    def seen(self, action_id: str | None) -> bool:
        return bool(action_id) and action_id in self.state["applied"]

    def _remember(self, action_id: str | None) -> None:
        if action_id:
            self.state["applied"] = (self.state["applied"] + [action_id])[-KEEP_ACTION_IDS:]

    def _step(self, key: str | None, before: dict | None) -> None:
        self.state["history"].append({"key": key, "before": before, "cursor": self.state["cursor"]})

    def select(self, index: int) -> None:
        self.state["cursor"] = max(0, min(index, len(self.rows) - 1))

    def decide(self, key: str, decision: str) -> None:
        row = self.row(key)
        self._step(key, json.loads(json.dumps(row)))
        row["decision"] = decision
        self.select(self.rows.index(row) + 1 if decision != "pending" else self.rows.index(row))

    def edit(self, key: str, fields: dict[str, str]) -> None:
        row = self.row(key)
        self._step(key, json.loads(json.dumps(row)))
        for column, value in fields.items():
            if column in COLUMNS and column not in ("figure_id", "document_id"):
                row["fields"][column] = "" if value is None else str(value).strip()

    def add(self, fields: dict[str, str], offset: int | None) -> dict:
        """A figure the draft missed: a new id, after every id the draft or this review used."""
        self.state["added"] += 1
        taken = [
            int(r["fields"]["figure_id"].split("-")[1])
            for r in self.rows
            if re.fullmatch(r"\d{3}-\d{3,6}", r["fields"]["figure_id"])
        ]
        figure_id = f"{self.document_id[:3]}-{max(taken, default=0) + 1:03d}"
        row = {
            "key": f"a{self.state['added']}",
            "origin": "added",
            "draft": None,
            "offset": offset,
            "fields": dict.fromkeys(COLUMNS, "")
            | {k: str(v) for k, v in fields.items() if k in COLUMNS}
            | {"figure_id": figure_id, "document_id": self.document_id},
            "decision": "pending",
            "guessed": guessed_columns(fields.get("note", "")),
        }
        self._step(row["key"], None)
        self.rows.append(row)
        self.select(len(self.rows) - 1)
        return row

    def set_document(self, fields: dict[str, str]) -> None:
        self._step(None, dict(self.state["document_row"]))
        for column in DOCUMENT_COLUMNS:
            if column in fields and column != "document_id":
                self.state["document_row"][column] = str(fields[column]).strip()

    def undo(self) -> bool:
        if not self.state["history"]:
            return False
        step = self.state["history"].pop()
        if step["key"] is None:
            self.state["document_row"] = step["before"]
        elif step["before"] is None:  # an added row: taken out again
            self.state["rows"] = [r for r in self.rows if r["key"] != step["key"]]
        else:
            index = next(i for i, r in enumerate(self.rows) if r["key"] == step["key"])
            self.rows[index] = step["before"]
        self.select(step["cursor"])
        return True

    def apply(self, action: dict) -> None:
        """One action of the page (already checked by the caller where it must be)."""
        kind = action.get("kind")
        if kind == "select":
            self.select(int(action["index"]))
        elif kind in ("accept", "reject", "reopen"):
            self.decide(action["key"], {"accept": "accepted", "reject": "rejected", "reopen": "pending"}[kind])
        elif kind == "edit":
            self.edit(action["key"], action.get("fields") or {})
        elif kind == "document":
            self.set_document(action.get("fields") or {})
        elif kind == "add":
            self.add(action.get("fields") or {}, action.get("offset"))
        elif kind == "undo":
            self.undo()
        else:
            raise ClusterdwError(f"unknown action '{kind}'", None, "reload the page")
        self._remember(action.get("id"))

    def summary(self) -> dict[str, int]:
        counts = {"pending": 0, "accepted": 0, "rejected": 0}
        for row in self.rows:
            counts[row["decision"]] += 1
        return counts
