"""The package's import graph: its modules, the imports between its rooms (folders, or top-level modules),
and the imports that run back up (a room importing one of a higher layer).

    python benchmarks/import_graph.py            # summary
    python benchmarks/import_graph.py --edges    # also every import between rooms

Layers, lowest first: what everything may use (errors, sql, faults), the rooms that do one job each, the jobs that drive
them (a run, a Spark build), and the command line's face. An import may go down or sideways, never up."""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pipelines"
LAYERS = {
    "errors": 0,
    "sql": 0,
    "faults": 0,
    "text_files": 0,
    "load": 1,
    "project": 1,
    "models": 1,
    "validate": 1,
    "publish": 1,
    "annotate": 1,
    "docs": 1,
    "report": 1,
    "synth": 1,
    "review": 1,
    "runner": 2,
    "engines": 2,
    "cli": 3,
    "__main__": 3,
    "logs": 3,
    "progress": 3,  # the CLI's, at the top level before they moved into cli/
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def room_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "pipelines"


def imports_of(path: Path, module: str) -> set[str]:
    """The package modules a file imports (relative imports resolved), at any depth of the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("pipelines"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("pipelines"):
                found.add(target)
    return found


def graph() -> tuple[list[str], list[tuple[str, str]]]:
    modules, edges = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        modules.append(module)
        edges += [(module, target) for target in sorted(imports_of(path, module)) if target != module]
    return modules, edges


def report(show_edges: bool) -> int:
    modules, edges = graph()
    between = Counter(
        (room_of(a), room_of(b)) for a, b in edges if room_of(a) != room_of(b) and room_of(b) != "pipelines"
    )
    back_up = [(a, b) for a, b in edges if LAYERS.get(room_of(b), -1) > LAYERS.get(room_of(a), 99)]
    unplaced = sorted({room_of(m) for m in modules} - set(LAYERS) - {"pipelines"})
    print(f"modules: {len(modules)} in {len({room_of(m) for m in modules})} rooms")
    print(f"imports between modules: {len(edges)}; between rooms: {sum(between.values())} ({len(between)} room pairs)")
    if show_edges:
        for (a, b), count in sorted(between.items()):
            print(f"  {a} -> {b}: {count}")
    print(f"imports that run back up: {len(back_up)}")
    for a, b in back_up:
        print(f"  {a} -> {b}")
    if unplaced:
        print(f"rooms with no layer: {', '.join(unplaced)}")
    return 1 if back_up or unplaced else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", action="store_true", help="list every pair of rooms with imports between them")
    sys.exit(report(parser.parse_args().edges))
