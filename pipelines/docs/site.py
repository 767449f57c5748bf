"""`clusterdw docs --html`: one static page of every model and column (description, type, grain, data
tests, unit tests, the raw columns each column comes from) with the dependency graph drawn as inline
SVG and a search box that filters models and columns in the browser. It needs no network and no
server: open index.html."""

from __future__ import annotations

import html
import json
import os
import uuid
from pathlib import Path

from ..models.descriptions import read_doc
from ..project import Project
from .catalog import Catalog, build_catalog
from .direct_lineage import direct_inputs, raw_lineage

NODE_W, NODE_H, GAP_X, GAP_Y = 190, 24, 70, 10


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _layers(catalog: Catalog) -> dict[str, int]:
    """Each table's column in the drawing: raw tables first, each model right of everything it reads."""
    depth: dict[str, int] = dict.fromkeys(catalog.sources, 0)

    def of(name: str) -> int:
        if name not in depth:
            depth[name] = 1 + max((of(p) for p in catalog.models[name].parents), default=0)
        return depth[name]

    for name in catalog.models:
        of(name)
    return depth


def graph_svg(catalog: Catalog) -> str:
    depth = _layers(catalog)
    columns: dict[int, list[str]] = {}
    for name in sorted(depth, key=lambda n: (depth[n], n)):
        columns.setdefault(depth[name], []).append(name)
    place = {
        name: (layer * (NODE_W + GAP_X) + 10, row * (NODE_H + GAP_Y) + 10)
        for layer, names in columns.items()
        for row, name in enumerate(names)
    }
    width = (max(columns) + 1) * (NODE_W + GAP_X)
    height = max(len(names) for names in columns.values()) * (NODE_H + GAP_Y) + 20
    parts = [
        f'<svg id="graph" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="dependency graph">'
    ]
    for parent, child in catalog.edges:
        (x1, y1), (x2, y2) = place[parent], place[child]
        x1, y1, y2 = x1 + NODE_W, y1 + NODE_H / 2, y2 + NODE_H / 2
        middle = (x1 + x2) / 2
        parts.append(
            f'<path class="edge" data-from="{_e(parent)}" data-to="{_e(child)}" '
            f'd="M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}"/>'
        )
    for name, (x, y) in place.items():
        kind = name.split(".")[0]
        label = f'<text x="{x + 6}" y="{y + 16}">{_e(name)}</text>'
        box = f'<rect class="node {kind}" x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="4"/>'
        inner = f'<a href="#{_e(name)}">{box}{label}</a>' if name in catalog.models else box + label
        parts.append(f'<g class="node" data-name="{_e(name)}">{inner}</g>')
    parts.append("</svg>")
    return "".join(parts)


def _test_label(test) -> str:
    args = ", ".join(f"{k}: {v}" for k, v in test.args.items())
    return f"{test.test}" + (f" ({args})" if args else "") + (" [warning]" if test.severity == "warning" else "")


def _suite_tests(project_dir: Path, name: str) -> list[str]:
    path = project_dir / "checks" / f"{name.split('.')[-1]}.json"
    if not path.exists():
        return []
    definition = json.loads(path.read_text(encoding="utf-8"))
    return [
        f"{e['type']} on {e['kwargs'].get('column') or e['kwargs'].get('column_A') or 'table'}"
        f"{' [warning]' if e.get('severity') == 'warning' else ''} (checks/{path.name})"
        for e in definition.get("expectations", [])
    ]


def render_page(project: Project, catalog: Catalog, lineage: dict[str, list[str]]) -> str:
    sections = []
    for name, entry in catalog.models.items():
        doc = read_doc(entry.path)
        by_column: dict[str | None, list[str]] = {}
        for test in doc.tests:
            by_column.setdefault(test.column, []).append(_test_label(test))
        rows = []
        for column in entry.columns:
            raw = lineage.get(f"{name}.{column.name}", [])
            tests = by_column.get(column.name, [])
            search = " ".join([column.name, column.description or "", *tests, *raw]).lower()
            rows.append(
                f'<tr class="column" data-search="{_e(search)}"><td><code>{_e(column.name)}</code></td>'
                f"<td>{_e(column.data_type or '')}</td><td>{_e(column.description or '')}</td>"
                f"<td>{'<br>'.join(_e(t) for t in tests)}</td>"
                f'<td class="lineage">{"<br>".join(_e(r) for r in raw)}</td></tr>'
            )
        model_tests = by_column.get(None, []) + _suite_tests(project.project_dir, name)
        units = [
            f"{_e(t.get('name'))}: {_e(t.get('description') or '')}" for t in doc.unit_tests if isinstance(t, dict)
        ]
        search = " ".join([name, entry.description, entry.grain]).lower()
        sections.append(
            f'<section class="model" id="{_e(name)}" data-search="{_e(search)}">'
            f'<h2>{_e(name)}</h2><p class="path">{_e(entry.path.parent.name)}/{_e(entry.path.name)}'
            f"{f' · {entry.rows} rows' if entry.rows is not None else ''}</p>"
            f"<p>{_e(entry.description)}</p>"
            + (f'<p class="grain"><b>Grain:</b> {_e(entry.grain)}</p>' if entry.grain else "")
            + f"<p><b>Reads:</b> {', '.join(_link(p, catalog) for p in entry.parents) or '-'} · "
            f"<b>Read by:</b> {', '.join(_link(c, catalog) for c in entry.children) or '-'}</p>"
            + (f"<p><b>Tests of the model:</b> {'; '.join(_e(t) for t in model_tests)}</p>" if model_tests else "")
            + (f"<p><b>Unit tests:</b> {'; '.join(units)}</p>" if units else "")
            + "<table><thead><tr><th>column</th><th>type</th><th>description</th><th>data tests</th>"
            "<th>raw columns it comes from</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>"
        )
    return (
        PAGE.replace("__GRAPH__", graph_svg(catalog))
        .replace("__MODELS__", "".join(sections))
        .replace("__COUNT__", str(len(catalog.models)))
    )


def _link(name: str, catalog: Catalog) -> str:
    return f'<a href="#{_e(name)}">{_e(name)}</a>' if name in catalog.models else _e(name)


def write_site(project: Project, out: Path) -> Path:
    """Write out/index.html (beside its place, then renamed) and return its path."""
    catalog = build_catalog(project)
    from ..models.builder import load_graph

    lineage = raw_lineage(direct_inputs(load_graph(project.project_dir)))
    page = render_page(project, catalog, lineage)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "index.html"
    tmp = out / f".index.html.{uuid.uuid4().hex}.tmp"
    try:
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>clusterdw models</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
#search { font-size: 1.1em; width: 30em; padding: .3em; position: sticky; top: 0; }
#graph-box { overflow-x: auto; border: 1px solid #ddd; margin: 1em 0; }
#graph .edge { fill: none; stroke: #999; stroke-width: 1; }
#graph rect.node { fill: #f4f4f4; stroke: #888; }
#graph rect.staging { fill: #e8f0fb; } #graph rect.marts { fill: #e9f7ea; } #graph rect.raw { fill: #fbf3e4; }
#graph text { font-size: 11px; font-family: monospace; }
section.model { border-top: 1px solid #ccc; padding-top: .5em; }
table { border-collapse: collapse; font-size: .9em; } td, th { border: 1px solid #ddd; padding: .2em .4em; vertical-align: top; }
td.lineage { font-family: monospace; font-size: .85em; } .path { color: #666; } .hidden { display: none; }
</style></head>
<body data-models="__COUNT__" data-visible-models="__COUNT__">
<h1>clusterdw: models, columns, tests and lineage</h1>
<input id="search" type="search" placeholder="filter models and columns (name, description, test, raw column)">
<span id="shown"></span>
<div id="graph-box">__GRAPH__</div>
<main>__MODELS__</main>
<pre id="docs-errors"></pre>
<script>
(function () {
  var errors = document.getElementById('docs-errors');
  window.addEventListener('error', function (e) { errors.textContent += e.message + '\\n'; });
  var input = document.getElementById('search');
  function filter() {
    var q = input.value.trim().toLowerCase(), visible = 0;
    document.querySelectorAll('section.model').forEach(function (model) {
      var own = !q || model.dataset.search.indexOf(q) >= 0, any = false;
      model.querySelectorAll('tr.column').forEach(function (row) {
        var hit = own || row.dataset.search.indexOf(q) >= 0;
        row.classList.toggle('hidden', !hit); any = any || hit;
      });
      var shown = own || any;
      model.classList.toggle('hidden', !shown);
      if (shown) visible++;
    });
    document.body.dataset.visibleModels = visible;
    document.getElementById('shown').textContent = q ? visible + ' of __COUNT__ models' : '';
  }
  input.addEventListener('input', filter);
  var asked = new URLSearchParams(location.search).get('q');
  if (asked) { input.value = asked; }
  filter();
})();
</script>
</body></html>
"""
