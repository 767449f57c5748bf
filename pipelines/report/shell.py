"""The HTML around every page of the site: head, navigation, the error hook, shared assets, safe JSON.

Every raw value reaches a page through html.escape (text and attributes) or script_json (data read by
the page's script), so a `<!--<script>` in an evidence span stays text. The Vega bundle and the site's
own script and style are files of assets/, shared by all pages (a page links them, relatively).
"""

from __future__ import annotations

import html
import json
from importlib import resources

ASSETS = "assets"
VEGA_JS, SITE_JS, SITE_CSS, FIGURE_JS = "vega.js", "site.js", "site.css", "figure.js"

# runs first, inline: any script error, failed load or console.error is written into #report-errors
HOOK = """
(function () {
  var errors = document.getElementById('report-errors');
  function note(text) { errors.textContent += text + '\\n'; }
  // capture: a script, style or image that fails to load is reported too (the page needs none)
  window.addEventListener('error', function (e) {
    note(e.message ? 'error: ' + e.message : 'failed to load ' + (e.target.src || e.target.href));
  }, true);
  window.addEventListener('unhandledrejection', function (e) { note('rejection: ' + e.reason); });
  var consoleError = console.error;
  console.error = function () { note('console.error: ' + Array.prototype.join.call(arguments, ' '));
                                consoleError.apply(console, arguments); };
})();
"""


def esc(value) -> str:
    """Text or attribute value, escaped; None shows as nothing."""
    return "" if value is None else html.escape(str(value), quote=True)


def script_json(value) -> str:
    """JSON that is safe inside <script>: <, > and & as \\u escapes, so no `</script>` or `<!--` can
    end or change the element (the JSON means the same to JSON.parse)."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, default=str)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def asset_text(name: str) -> str:
    return resources.files(__package__).joinpath(ASSETS, name).read_text(encoding="utf-8")


def assets(vega_bundle: str) -> dict[str, str]:
    """The shared files every page links: the Vega bundle, the site's script and style, the figure viewer."""
    return {
        f"{ASSETS}/{VEGA_JS}": vega_bundle,
        f"{ASSETS}/{SITE_JS}": asset_text(SITE_JS),
        f"{ASSETS}/{SITE_CSS}": asset_text(SITE_CSS),
        f"{ASSETS}/{FIGURE_JS}": asset_text(FIGURE_JS),
    }


def page(title: str, body: str, depth: int, data: dict | None = None, charts: bool = False) -> str:
    """A whole page. `depth`: folders below the site's root (relative links); `data`: what site.js reads."""
    up = "../" * depth
    nav = (
        f'<nav><a href="{up}index.html">Overview</a><a href="{up}map.html">Map</a>'
        f'<a href="{up}coverage.html">Coverage</a><a href="{up}clusters.html">Clusters</a>'
        f'<a href="{up}overview.html">All charts</a></nav>'
    )
    scripts = ""
    if data is not None:
        scripts += f'<script type="application/json" id="page-data">{script_json(data)}</script>'
    if charts:
        scripts += f'<script src="{up}{ASSETS}/{VEGA_JS}"></script>'
    if data is not None:
        scripts += f'<script src="{up}{ASSETS}/{SITE_JS}"></script>'
    return (
        '<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{esc(title)}</title><link rel="stylesheet" href="{up}{ASSETS}/{SITE_CSS}"></head><body>'
        f'<pre id="report-errors"></pre><script>{HOOK}</script>{nav}<h1>{esc(title)}</h1>'
        f"{body}{scripts}</body></html>\n"
    )


def link(href: str, text) -> str:
    return f'<a href="{esc(href)}">{esc(text)}</a>'


def table(columns: list[tuple[str, str]], rows: list[dict], cls: str = "") -> str:
    """A static table: columns are (key, human header); a cell whose key has `<key>_href` is a link."""
    head = "".join(f"<th>{esc(label)}</th>" for _, label in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{link(row[key + '_href'], cell(row.get(key))) if row.get(key + '_href') else esc(cell(row.get(key)))}</td>"
            for key, _ in columns
        )
        + "</tr>"
        for row in rows
    )
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        return f"{value:,.4f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:g}"
    return str(value)
