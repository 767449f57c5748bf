"""`clusterdw report`: a static, self-contained HTML report of the published warehouse.

Charts are Vega-Lite specs made with altair and drawn in the page by the Vega bundle that
vl-convert ships, inlined (no script or font from the network). The site is written beside its
folder and renamed into place (write.py).
"""

from .build import build_report

__all__ = ["build_report"]
