"""`clusterdw status`: the last runs from target/run_history.jsonl, their outcome, time per step, what failed."""

from __future__ import annotations

from datetime import datetime
from itertools import islice

from ..project import Project
from ..publish.run_results import count_runs, last_success, newest_runs


def status_lines(project: Project, last: int = 10) -> list[str]:
    shown = list(islice(newest_runs(project.run_history_path), last))
    if not shown:
        return [f"No runs recorded yet in {project.run_history_path}. Run `clusterdw run`."]
    total = count_runs(project.run_history_path)
    lines = [f"Last {len(shown)} of {total} runs ({project.run_history_path}), newest first:"]
    for run in shown:
        lines.append(
            f"  {run.get('run_id', '?'):<24} {run.get('status', '?'):<8} {_when(run.get('started_at'))}  "
            f"{_duration(run):>8}  {_steps(run.get('step_seconds') or {})}".rstrip()
        )
        lines.extend(f"      {line}" for line in _slowest_suites(run) + _what_failed(run))
    published = project.db_path.exists()
    success = last_success(project.run_history_path)
    if published and success:
        lines.append(f"Published: {project.db_path} (run {success['run_id']}, {_when(success.get('ended_at'))})")
    else:
        lines.append(f"Published: none yet at {project.db_path}")
    return lines


def _what_failed(run: dict) -> list[str]:
    status = run.get("status")
    if status == "skipped":
        return [f"skipped: {run.get('error')}"]
    if status != "failed":
        return (
            ([f"exported: {run['export']}"] if run.get("export") else [])
            + ([f"error: {run['error']}"] if run.get("error") else [])
            + _failing_rows(run)
        )
    # every violation, as the run listed them above its error line
    lines = [f"  {violation}" for violation in run.get("violations") or []] + [f"error: {run.get('error')}"]
    lines += [
        f"failed model: {m['model']}: {m.get('error')}" for m in run.get("models") or [] if m.get("status") != "success"
    ]
    lines += [
        f"failed critical check: {e['suite']}: {e['expectation']} on {e.get('column') or 'table'}"
        f" ({e.get('unexpected_count')} unexpected)"
        for e in run.get("expectations") or []
        if not e.get("success") and e.get("severity") == "critical"
    ]
    return lines + _failing_rows(run)


def _failing_rows(run: dict) -> list[str]:
    """Per failed expectation: how many rows, the first by key (and raw file:line), where all of them are."""
    lines = []
    for failure in run.get("failing_rows") or []:
        lines.append(
            f"{failure['severity']} {failure['suite']}: {failure['expectation']} on "
            f"{failure.get('column') or 'table'}: {failure.get('unexpected_count')} unexpected"
        )
        for row in failure.get("first_rows") or []:
            key = ", ".join(f"{k}={v}" for k, v in row.items() if k != "source")
            source = row.get("source")
            lines.append(
                f"    {key}" + (f"  ({source if isinstance(source, str) else ', '.join(source)})" if source else "")
            )
        if failure.get("all_rows_in"):
            more = (failure.get("keyed_rows") or 0) - len(failure.get("first_rows") or [])
            lines.append(f"    {'and ' + str(more) + ' more; ' if more > 0 else ''}all in {failure['all_rows_in']}")
    return lines


def _slowest_suites(run: dict, shown: int = 3) -> list[str]:
    """The suites that took longest: their frame (DuckDB) and GX's validation of it. Older runs kept no times."""
    timed = [s for s in run.get("suites") or [] if isinstance(s, dict) and isinstance(s.get("seconds"), int | float)]
    if not timed:
        return []
    slowest = sorted(timed, key=lambda s: -s["seconds"])[:shown]
    return [
        "slowest suites: "
        + ", ".join(
            f"{s.get('suite')} {s['seconds']:.2f}s (frame {s.get('frame_seconds') or 0:.2f}s, GX {s.get('gx_seconds') or 0:.2f}s)"
            for s in slowest
        )
    ]


def _when(stamp: str | None) -> str:
    if not stamp:
        return "?"
    return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def _duration(run: dict) -> str:
    if not run.get("started_at") or not run.get("ended_at"):
        return "running?"
    seconds = (datetime.fromisoformat(run["ended_at"]) - datetime.fromisoformat(run["started_at"])).total_seconds()
    return f"{seconds:.1f}s"


def _steps(step_seconds: dict) -> str:
    return ", ".join(f"{step} {seconds:.2f}s" for step, seconds in step_seconds.items())
