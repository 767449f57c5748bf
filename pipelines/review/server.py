"""The review page's server: the standard library's http.server on 127.0.0.1 only, one request at a
time (the review is one file; nothing to race). The page (static/) is one HTML file, a script and a
stylesheet, nothing from the network. Every change the page asks for is saved before it is answered."""

from __future__ import annotations

import csv
import io
import json
import secrets
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from ..errors import ClusterdwError, ContractError
from .added import Guesser
from .check import Checker, Verdict
from .finish import finish, refusals
from .session import Review

STATIC = Path(__file__).with_name("static")
PAGES = {
    "/": ("review.html", "text/html"),
    "/review.js": ("review.js", "text/javascript"),
    "/review.css": ("review.css", "text/css"),
}
# The reference files the page may add a row to, as the load's messages name them.
REFERENCE_FILES = (
    "places.csv",
    "place_aliases.csv",
    "clusters.csv",
    "cluster_aliases.csv",
    "units.csv",
    "metrics.csv",
    "cue_words.csv",
)
MUTATING = {"accept", "edit", "add", "undo", "document", "reopen", "reject"}


class ReviewApp:
    def __init__(self, project_dir: Path, review: Review, document: Path, published_year: int):
        self.project_dir = project_dir
        self.review = review
        self.document = document
        self.text = document.read_text(encoding="utf-8-sig")
        self.checker = Checker(project_dir)
        self.guesser = Guesser(project_dir / "raw", self.text, review.document_id, published_year)
        self.token = secrets.token_urlsafe(16)
        self._verdict: Verdict | None = None

    def close(self) -> None:
        self.checker.close()

    @property
    def verdict(self) -> Verdict:
        if self._verdict is None:
            checked = self.review.checked()
            self._verdict = self.checker.check(
                self.review.document_id, [r["fields"] for r in checked], self.review.state["document_row"]
            )
        return self._verdict

    def problems(self) -> dict[str, list[str]]:
        checked = self.review.checked()
        return {checked[i]["key"]: told for i, told in self.verdict.rows.items()}

    def state(self) -> dict:
        verdict, problems = self.verdict, self.problems()
        return {
            "token": self.token,
            "document_id": self.review.document_id,
            "document": self.document.name,
            "rows": [
                r
                | {
                    "problems": problems.get(r["key"], []),
                    "edited": [c for c in r["fields"] if r["draft"] and r["fields"][c] != r["draft"][c]],
                }
                for r in self.review.rows
            ],
            "cursor": self.review.state["cursor"],
            "document_row": self.review.state["document_row"],
            "document_problems": verdict.document,
            "reference_problems": verdict.reference,
            "summary": self.review.summary(),
            "finished": self.review.state["finished"],
            "written": self.review.state["written"],
            "can_undo": bool(self.review.state["history"]),
        }

    def act(self, action: dict) -> tuple[int, dict]:
        review = self.review
        if review.seen(action.get("id")):
            return HTTPStatus.OK, {"applied": "already"}  # the page resent it after a lost answer
        kind = action.get("kind")
        if kind == "accept":
            row = review.row(action["key"])
            checked = list(review.checked())
            index = checked.index(row) if row in checked else None
            told = self.verdict.rows.get(index, []) if index is not None else []
            if told or self.verdict.reference:
                return HTTPStatus.CONFLICT, {
                    "problems": told + self.verdict.reference,
                    "why": "this row would fail the load: fix it, or reject it",
                }
        if kind == "add":
            start, end = int(action["start"]), int(action["end"])
            if not (0 <= start < end <= len(self.text)):
                return HTTPStatus.BAD_REQUEST, {"why": "the selection is not inside the document"}
            action = action | {"fields": self.guesser.guess(start, end), "offset": start}
        review.apply(action)
        review.save()
        if kind in MUTATING:
            self._verdict = None
        return HTTPStatus.OK, {"applied": kind}

    def add_reference(self, file: str, line: str) -> tuple[int, dict]:
        """Append one row, written as CSV in the file's column order, to raw/reference/<file>; taken
        back if the reference then fails its contract."""
        if file not in REFERENCE_FILES:
            return HTTPStatus.BAD_REQUEST, {"why": f"not a reference file the page adds to: {file}"}
        path = self.project_dir / "raw" / "reference" / file
        before = path.read_bytes()
        text = before.decode("utf-8-sig")
        header = next(csv.reader([text.splitlines()[0]]))
        values = next(csv.reader([line.strip()]), [])
        if len(values) != len(header) or any("<" in v and ">" in v for v in values):
            return HTTPStatus.BAD_REQUEST, {
                "why": f"write {len(header)} fields ({','.join(header)}), "
                "every <...> replaced (empty where not required)"
            }
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow(values)
        from ..publish.atomic import write_atomic

        write_atomic(path, before + (b"" if before.endswith(b"\n") else b"\n") + out.getvalue().encode("utf-8"))
        self.checker.reload()
        if self.checker.reference_problems:
            problems = self.checker.reference_problems
            write_atomic(path, before)
            self.checker.reload()
            return HTTPStatus.BAD_REQUEST, {"why": "the row breaks the reference's contract", "problems": problems}
        self.guesser.forget()
        self._verdict = None
        return HTTPStatus.OK, {"added": f"raw/reference/{file}: {line.strip()}"}

    def finish(self) -> tuple[int, dict]:
        problems = refusals(self.review, self.checker)
        if problems:
            return HTTPStatus.CONFLICT, {"why": "not accepted into raw/figures", "problems": problems}
        done = finish(self.project_dir, self.review, self.checker, self.document)
        return HTTPStatus.OK, {
            "path": str(done.path.relative_to(self.project_dir)),
            "figures": done.figures,
            "document_row_added": done.document_row_added,
            "evidence_problems": done.evidence_problems,
        }


def handler(app: ReviewApp, port_hosts: set[str]):
    class Handler(BaseHTTPRequestHandler):
        server_version = "clusterdw-review"

        def log_message(self, format, *args):  # noqa: A002 (http.server's name)
            pass  # the terminal says what the review did, not every request

        def _host_ok(self) -> bool:
            # Only this machine's own names: a page elsewhere cannot reach the server by rebinding DNS.
            return self.headers.get("Host", "") in port_hosts

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, payload: dict) -> None:
            self._send(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json")

        def do_GET(self):  # noqa: N802 (http.server's name)
            if not self._host_ok():
                return self._json(HTTPStatus.FORBIDDEN, {"why": "unknown host"})
            path = self.path.split("?")[0]
            if path in PAGES:
                name, kind = PAGES[path]
                return self._send(HTTPStatus.OK, (STATIC / name).read_bytes(), kind)
            if path == "/api/state":
                return self._json(HTTPStatus.OK, app.state())
            if path == "/api/text":
                return self._json(HTTPStatus.OK, {"text": app.text})
            if path == "/api/choices":
                return self._json(HTTPStatus.OK, app.checker.choices())
            self._json(HTTPStatus.NOT_FOUND, {"why": "no such page"})

        def do_POST(self):  # noqa: N802
            if not self._host_ok() or self.headers.get("X-Review-Token") != app.token:
                return self._json(HTTPStatus.FORBIDDEN, {"why": "reload the page (token)"})
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                if self.path == "/api/action":
                    status, payload = app.act(body)
                elif self.path == "/api/reference":
                    status, payload = app.add_reference(str(body.get("file")), str(body.get("line") or ""))
                elif self.path == "/api/finish":
                    status, payload = app.finish()
                else:
                    status, payload = HTTPStatus.NOT_FOUND, {"why": "no such action"}
            except ContractError as error:
                status, payload = (
                    HTTPStatus.CONFLICT,
                    {"why": error.what, "problems": [str(v) for v in error.violations]},
                )
            except ClusterdwError as error:
                status, payload = HTTPStatus.CONFLICT, {"why": error.one_line()}
            except (ValueError, KeyError) as error:
                status, payload = HTTPStatus.BAD_REQUEST, {"why": f"bad request: {error}"}
            self._json(status, payload)

    return Handler


def serve(app: ReviewApp, port: int = 0) -> HTTPServer:
    """A server bound to 127.0.0.1 (port 0: a free one); the caller runs serve_forever."""
    try:
        server = HTTPServer(("127.0.0.1", port), lambda *a: None)  # replaced below, once the port is known
    except OSError as error:
        raise ClusterdwError(
            f"cannot serve on 127.0.0.1:{port}: {error.strerror}",
            "--port",
            "give another --port, or leave it out for a free one",
        ) from None
    bound = server.server_address[1]
    server.RequestHandlerClass = handler(app, {f"127.0.0.1:{bound}", f"localhost:{bound}"})
    return server
