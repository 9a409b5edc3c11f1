"""The report's look, which every chart shares: the style (Chinese font, sizes, light grid),
the palette, the decorator that draws a chart inside that style without touching the user's
``rcParams``, and the pieces several kinds of chart are built from (a chart that says it has
nothing to show, a grid of small panels, a title naming the issue). It is its own room so
that each chart module takes them from one place and none takes them from another chart."""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import ParamSpec

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .fonts import register_font

PALETTE = ["#b5322a", "#2f5d8a", "#d99a2b", "#5b8c5a", "#7a5c99", "#3c8d93", "#c96f3b", "#8c8c8c"]
ACCENT = PALETTE[0]
P = ParamSpec("P")
MAX_ROWS = 40  # rows (or panels) one chart draws at most
MAX_ISSUE_CELLS = 24  # issues across one heatmap; past that, a cell a year
NO_RECORDS = "本期没有可统计的正文（0 篇文章）"


def report_style() -> dict:
    """The project's chart style: the Chinese font, sizes, light grid, no top/right frame."""
    return {
        "font.family": register_font(),
        "font.size": 10,
        "axes.titlesize": 12,
        "axes.titleweight": "normal",  # the font has one weight; bold would fall back
        "axes.labelsize": 10,
        "figure.titlesize": 14,
        "figure.titleweight": "normal",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#e3e3e3",
        "grid.linewidth": 0.6,
        "axes.axisbelow": True,
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.unicode_minus": False,  # U+2212 is not in every CJK font; use '-'
        "figure.dpi": 100,
        "savefig.dpi": 200,
        "savefig.bbox": "tight",
        "svg.fonttype": "path",
        "svg.hashsalt": "corpus_utils",
    }


def report_style_context() -> AbstractContextManager:
    """``with report_style_context(): …`` draws in the project's style and leaves the user's
    own ``plt.rcParams`` as they were."""
    return plt.rc_context(report_style())


def in_report_style(plot: Callable[P, Figure]) -> Callable[P, Figure]:
    """Draw a chart inside the report style, without touching the global rcParams."""

    @functools.wraps(plot)
    def styled(*args: P.args, **kwargs: P.kwargs) -> Figure:
        with report_style_context():
            return plot(*args, **kwargs)

    return styled


def empty_chart(title: str, message: str = NO_RECORDS) -> Figure:
    """A chart that says why it has nothing to show, instead of failing or drawing blank axes."""
    fig, ax = plt.subplots(figsize=(8, 1.8))
    ax.set_axis_off()
    ax.text(0.5, 0.45, message, ha="center", va="center", fontsize=12, color="#555555", transform=ax.transAxes)
    ax.set_title(title, loc="left")
    return fig


def panels(n: int, *, ncols: int, height: float) -> tuple[Figure, list]:
    """A grid for ``n`` small multiples, ``ncols`` a row, ``height`` inches a row; unused cells hidden."""
    nrows = max(1, int(np.ceil(n / ncols)))
    fig, axes = plt.subplots(nrows, ncols, figsize=(11, height * nrows), squeeze=False)
    flat = list(axes.flat)
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def heatmap(ax, values: np.ndarray, *, cmap: str = "Reds", norm=None, vmin: float = 0.0, vmax: float | None = None):
    """A grid of coloured cells (row 0 at the top), as ``imshow`` draws it but as one quad per
    cell: ``imshow`` colours every pixel of the image upsampled to 200 dpi (seconds for a tall
    chart), this colours each cell once, and the SVG gets shapes instead of a picture. Missing
    values are left blank. Returns the mappable, for a colorbar."""
    from matplotlib.colors import Normalize

    grid = np.ma.masked_invalid(np.asarray(values, dtype=float))
    rows, cols = grid.shape
    if norm is None:
        top = vmax if vmax is not None else (float(grid.max()) if grid.count() else 1.0)
        norm = Normalize(vmin, max(top, vmin + 1e-9))
    mesh = ax.pcolormesh(np.arange(cols + 1) - 0.5, np.arange(rows + 1) - 0.5, grid, cmap=cmap, norm=norm)
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    return mesh


def issue_title(text: str, issue: str) -> str:
    """A chart's title with the issue it shows after it (its label, ``2019年第11期``), when one is named."""
    return f"{text}　{issue}" if issue else text


def issue_cells(table: pd.DataFrame, keys: list[str], values: list[str]) -> tuple[pd.DataFrame, str]:
    """A table of one row per issue and ``keys`` as it is (with a ``label``), or, past
    ``MAX_ISSUE_CELLS`` issues, ``values`` summed over the issues of each year (over runs of
    issues where any has no date), ``issue_id`` and ``label`` naming the cell (``2021年``,
    ``2019年第3期起``), and a note saying so (``，每格一年``); the issues in ``attrs["issues"]``."""
    if "label" not in table.columns:
        table = table.assign(label=table["issue_id"])
    issues = list(dict.fromkeys(table["issue_id"]))
    if len(issues) <= MAX_ISSUE_CELLS:
        return table, ""
    years = pd.to_datetime(table["date"], errors="coerce").dt.year if "date" in table.columns else None
    if years is not None and years.notna().all():
        key, note = years.astype(int).map(lambda y: f"{y}年"), "，每格一年"
    else:
        size = int(np.ceil(len(issues) / MAX_ISSUE_CELLS))
        first = {i: issues[k - k % size] for k, i in enumerate(issues)}
        label = dict(zip(table["issue_id"], table["label"], strict=False))
        key = table["issue_id"].map(lambda i: f"{label[first[i]]}起", na_action="ignore")
        note = f"，每格 {size} 期"
    sums = (
        table.assign(issue_id=key)
        .groupby(["issue_id", *keys], sort=False, dropna=False)[values]
        .sum(min_count=1)
        .reset_index()
    )
    sums["label"] = sums["issue_id"]
    sums.attrs["issues"] = issues
    return sums, note


def the_first(names: list, what: str = "项") -> tuple[list, str]:
    """At most ``MAX_ROWS`` names for one chart, and a note saying how many were left out
    (empty when none were): a chart of thousands of phrases would be thousands of inches
    tall, while its table keeps them all."""
    if len(names) <= MAX_ROWS:
        return names, ""
    return names[:MAX_ROWS], f"（图中只画出前 {MAX_ROWS} {what}，共 {len(names):,} {what}；表中有全部）"
