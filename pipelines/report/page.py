"""The report's one HTML page: sections of charts, each with the table of its rows beside it.

The Vega bundle is the site's shared assets/vega.js; each chart's spec sits in a JSON script tag and is drawn as SVG.
A small error hook writes any script error into the page (#report-errors) and the number of charts
drawn into <body data-charts-rendered>, so a headless browser's DOM dump tells whether it worked.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

import pandas as pd

from .shell import HOOK  # the overview reports its page errors as every page of the site does

STYLE = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       margin: 2rem auto; max-width: 1400px; color: #212529; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #dee2e6; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
.question { color: #495057; font-style: italic; margin: .25rem 0 1rem; }
.pair { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.chart { flex: 0 0 auto; } .rows { flex: 1 1 420px; max-height: 420px; overflow: auto; }
table { border-collapse: collapse; font-size: .8rem; width: 100%; }
th, td { border-bottom: 1px solid #e9ecef; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #f8f9fa; position: sticky; top: 0; }
nav a { margin-right: 1rem; } #report-errors:empty { display: none; }
#report-errors { color: #b00020; white-space: pre-wrap; }
"""


DRAW = """
(function () {
  var charts = document.querySelectorAll('.chart[data-spec]');
  var drawn = 0;
  var pending = Array.prototype.map.call(charts, function (el) {
    var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
    return vegaEmbed(el, spec, {renderer: 'svg', actions: false}).then(function () { drawn += 1; });
  });
  Promise.allSettled(pending).then(function (results) {
    results.forEach(function (r) { if (r.status === 'rejected') { console.error('chart failed: ' + r.reason); } });
    document.body.dataset.chartsRendered = String(drawn);
    document.body.dataset.chartsExpected = String(charts.length);
  });
})();
"""


@dataclass
class Section:
    anchor: str
    title: str
    question: str
    parts: list[str] = field(default_factory=list)


@dataclass
class Page:
    title: str
    subtitle: str
    sections: list[Section] = field(default_factory=list)
    specs: list[dict] = field(default_factory=list)

    def chart(self, spec: dict, table: pd.DataFrame, heading: str | None = None) -> str:
        """A chart and the table of its rows, side by side; returns their HTML."""
        spec_id = f"spec-{len(self.specs)}"
        self.specs.append(spec)
        head = f"<h3>{html.escape(heading)}</h3>" if heading else ""
        return (
            f'{head}<div class="pair"><div class="chart" data-spec="{spec_id}"></div>'
            f'<div class="rows">{table_html(table)}</div></div>'
        )


def table_html(frame: pd.DataFrame) -> str:
    def cell(value) -> str:
        if value is None or (not isinstance(value, (list, tuple, str)) and pd.isna(value)):
            return ""
        if isinstance(value, float):
            return f"{value:g}"
        return html.escape(str(value))

    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _script_json(value) -> str:
    """JSON safe inside a <script> element: no `<` or `>` at all, so neither `</script>` ends it early nor
    `<!--<script>` puts the parser in its "double escaped" state, where the real `</script>` no longer
    ends the element and every chart after it is lost. `&` as well, for good measure; JSON reads the
    \\u escapes back as the same characters."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render(page: Page, vega_src: str = "assets/vega.js") -> str:
    """The page; the Vega bundle is the site's shared file at `vega_src` (relative), not inlined."""
    nav = "".join(f'<a href="#{s.anchor}">{html.escape(s.title)}</a>' for s in page.sections)
    sections = "".join(
        f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>'
        f'<p class="question">{html.escape(s.question)}</p>{"".join(s.parts)}</section>'
        for s in page.sections
    )
    specs = "".join(
        f'<script type="application/json" id="spec-{i}">{_script_json(spec)}</script>'
        for i, spec in enumerate(page.specs)
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(page.title)}</title>"
        f"<style>{STYLE}</style></head><body>"
        f'<pre id="report-errors"></pre><script>{HOOK}</script>'
        f"<h1>{html.escape(page.title)}</h1><p>{html.escape(page.subtitle)}</p><nav>{nav}</nav>{sections}"
        f'{specs}<script src="{html.escape(vega_src)}"></script><script>{DRAW}</script></body></html>\n'
    )
