"""The followed phrases within one issue: how often each comes up in each column (a heatmap of
rates with the counts printed) and where each falls across the printed pages. They chart
the ``recurring`` tables, which is why they have a room of their own."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .style import PALETTE, empty_chart, heatmap, in_report_style, issue_title, the_first


@in_report_style
def plot_phrase_counts(
    by_column: pd.DataFrame,
    *,
    columns: Sequence[str] | None = None,
    issue: str = "",
    rows: str = "phrase",
    title: str = "重点短语在各栏目的出现次数",
) -> Figure:
    """Phrase × column counts (a ``phrase_counts_by_column`` table; ``rows="concept"`` for a
    ``concepts_by_column`` one): number = raw count, colour = count per 10,000 characters of the
    column, a column shorter than the median column counted at the median's length, so that one
    occurrence in a short column is not the darkest cell of the chart."""
    if by_column.empty:
        return empty_chart(issue_title(title, issue))
    columns = list(columns or dict.fromkeys(by_column["column"]))
    phrases, left_out = the_first(list(dict.fromkeys(by_column[rows])))
    rate = shrunk_rate(by_column, rows).reindex(index=phrases, columns=columns)
    count = by_column.pivot(index=rows, columns="column", values="count").reindex(index=phrases, columns=columns)
    fig, ax = plt.subplots(figsize=(1.05 * len(columns) + 2.4, 0.5 * len(phrases) + 1.8))
    image = heatmap(ax, rate.to_numpy(dtype=float), cmap="Reds")
    ax.set_xticks(range(len(columns)), columns, rotation=30, ha="right")
    ax.set_yticks(range(len(phrases)), phrases)
    ax.grid(False)
    top = float(np.nanmax(rate.to_numpy())) or 1.0
    for i in range(len(phrases)):
        for j in range(len(columns)):
            n = int(count.iat[i, j])
            ax.text(
                j,
                i,
                str(n),
                ha="center",
                va="center",
                fontsize=9,
                color="white" if rate.iat[i, j] > 0.55 * top else ("#333333" if n else "#bbbbbb"),
            )
    bar = fig.colorbar(image, ax=ax, shrink=0.7, pad=0.02)
    bar.set_label("每万字出现次数（短栏目按中位栏目字数计）")
    ax.set_title(issue_title(title + left_out, issue), loc="left")
    # the note as the x label: it sits below the tick labels whatever their height
    ax.set_xlabel(
        "格中数字：出现次数；颜色：每万字出现次数，短于中位栏目的栏目按中位栏目的字数计，\n"
        "免得短栏目里出现一次就成了最深的一格。",
        fontsize=8,
        color="#666666",
        loc="left",
    )
    return fig


def shrunk_rate(by_column: pd.DataFrame, rows: str = "phrase") -> pd.DataFrame:
    """Row × column rates per 10,000 characters, each column's length taken as at least the
    median column's (a table with ``count`` and ``n_chars``; without ``n_chars``, ``per_10k``)."""
    if "n_chars" not in by_column.columns:
        return by_column.pivot(index=rows, columns="column", values="per_10k")
    sizes = by_column.drop_duplicates("column").set_index("column")["n_chars"].astype(float)
    floor = float(sizes.median()) if len(sizes) else 0.0
    length = by_column["column"].map(sizes.clip(lower=floor)).replace(0, np.nan)
    rated = by_column.assign(_rate=by_column["count"] / length * 10_000)
    return rated.pivot(index=rows, columns="column", values="_rate")


@in_report_style
def plot_phrase_dispersion(
    positions: pd.DataFrame,
    *,
    phrases: Sequence[str] | None = None,
    pages: tuple[int, int] | None = None,
    issue: str = "",
) -> Figure:
    """Where each phrase falls across the issue's printed pages (a ``phrase_positions`` table):
    one tick per occurrence, spread within its page; the axis spans ``pages`` (the issue's first
    and last printed page, ``Corpus.printed_pages()``), else the pages with a phrase."""
    if positions.empty and not phrases:
        return empty_chart(issue_title("重点短语在本期各页的分布", issue), "本期没有出现任何重点短语")
    phrases, left_out = the_first(list(phrases or dict.fromkeys(positions["phrase"])))
    fig, ax = plt.subplots(figsize=(11, 0.55 * len(phrases) + 1.6))
    for i, phrase in enumerate(phrases):
        rows = positions[positions["phrase"] == phrase].sort_values(["page", "position"])
        xs = []
        for _, grp in rows.groupby("page", sort=True):
            k = len(grp)
            xs += [p - 0.4 + 0.8 * (j + 0.5) / k for j, p in enumerate(grp["page"])]
        ax.scatter(xs, [i] * len(xs), marker="|", s=160, linewidths=0.9, alpha=0.85, color=PALETTE[i % len(PALETTE)])
        ax.text(1.005, i, f"{len(rows)} 次", transform=ax.get_yaxis_transform(), va="center", fontsize=9)
    found = positions["page"]
    lo, hi = pages or ((int(found.min()), int(found.max())) if len(found) else (1, 2))
    ax.set_xlim(lo - 0.5, hi + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    ax.set_yticks(range(len(phrases)), phrases)
    ax.set_ylim(len(phrases) - 0.5, -0.5)
    ax.set_xlabel(f"印刷页码（本期第 {lo}–{hi} 页；每条竖线为一次出现）")
    ax.grid(axis="y", visible=False)
    ax.set_title(issue_title("重点短语在本期各页的分布" + left_out, issue), loc="left")
    return fig
