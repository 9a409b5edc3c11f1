"""The followed phrases within one issue: how often each comes up in each column (a heatmap of
rates with the counts printed) and where each falls across the printed pages. They chart
the ``recurring`` tables, which is why they have a room of their own."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .style import PALETTE, empty_chart, in_report_style, issue_title, the_first


@in_report_style
def plot_phrase_counts(
    by_column: pd.DataFrame,
    *,
    columns: Sequence[str] | None = None,
    issue_id: str = "",
    rows: str = "phrase",
    title: str = "重点短语在各栏目的出现次数",
) -> Figure:
    """Phrase × column counts (a ``phrase_counts_by_column`` table; ``rows="concept"`` for a
    ``concepts_by_column`` one): colour per 10,000 characters, number = raw count."""
    if by_column.empty:
        return empty_chart(issue_title(title, issue_id))
    columns = list(columns or dict.fromkeys(by_column["column"]))
    phrases, left_out = the_first(list(dict.fromkeys(by_column[rows])))
    rate = by_column.pivot(index=rows, columns="column", values="per_10k").reindex(index=phrases, columns=columns)
    count = by_column.pivot(index=rows, columns="column", values="count").reindex(index=phrases, columns=columns)
    fig, ax = plt.subplots(figsize=(1.05 * len(columns) + 2.4, 0.5 * len(phrases) + 1.8))
    image = ax.imshow(rate.to_numpy(), cmap="Reds", aspect="auto", vmin=0)
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
    bar.set_label("每万字出现次数")
    ax.set_title(issue_title(title + left_out, issue_id), loc="left")
    # the note as the x label: it sits below the tick labels whatever their height
    ax.set_xlabel(
        "格中数字：出现次数；颜色：每万字出现次数。短栏目出现几次，颜色也可能比长栏目出现多次更深。",
        fontsize=8,
        color="#666666",
        loc="left",
    )
    return fig


@in_report_style
def plot_phrase_dispersion(
    positions: pd.DataFrame, *, phrases: Sequence[str] | None = None, issue_id: str = ""
) -> Figure:
    """Where each phrase falls across the issue's printed pages (a ``phrase_positions`` table):
    one tick per occurrence, spread within its page."""
    if positions.empty and not phrases:
        return empty_chart(issue_title("重点短语在本期各页的分布", issue_id), "本期没有出现任何重点短语")
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
    pages = positions["page"]
    lo, hi = (int(pages.min()), int(pages.max())) if len(pages) else (1, 2)
    ax.set_xlim(lo - 1, hi + 1)
    ax.set_yticks(range(len(phrases)), phrases)
    ax.set_ylim(len(phrases) - 0.5, -0.5)
    ax.set_xlabel("印刷页码")
    ax.grid(axis="y", visible=False)
    ax.set_title(issue_title("重点短语在本期各页的分布" + left_out, issue_id), loc="left")
    return fig
