"""Topics (NMF) as charts: each topic's strongest terms, one small panel a topic, and the mean
topic shares by column as a heatmap. They read the ``topics`` tables and nothing else does,
so they share a room."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from .style import PALETTE, empty_chart, heatmap, in_report_style, panels


@in_report_style
def plot_topic_terms(terms: pd.DataFrame, *, n: int = 8, title: str = "") -> Figure:
    """Each topic's strongest terms (a ``Topics.terms`` table), one small panel a topic."""
    title = title or "各主题的主要词（NMF，TF-IDF）"
    if terms.empty:
        return empty_chart(title, "没有主题（文章太少）")
    topics = sorted(terms["topic"].unique())
    fig, axes = panels(len(topics), ncols=4, height=2.3)
    rows = -(-len(topics) // 4)
    fig.set_size_inches(11, 2.3 * rows + 1.2)  # the title and the axis's name need room of their own
    for ax, topic in zip(axes, topics, strict=True):
        rows = terms[terms["topic"] == topic].nsmallest(n, "rank").iloc[::-1]
        ax.barh(rows["term"], rows["weight"], color=PALETTE[topic % len(PALETTE)])
        ax.set_title(f"主题 {topic}", fontsize=10, loc="left")
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=8.5)
        ax.tick_params(axis="x", labelsize=7)
    fig.suptitle(title)
    fig.supxlabel("词在主题中的权重（NMF 主题—词矩阵的值；越大越能代表该主题）", fontsize=9)
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return fig


@in_report_style
def plot_topic_shares(
    shares: pd.DataFrame, *, by: str = "column", labels: dict | None = None, title: str = ""
) -> Figure:
    """Mean topic shares by ``column`` (a ``topic_shares`` table) as a heatmap: one row a topic,
    named by its top terms (``labels``), the share printed in each cell."""
    title = title or "各栏目的主题构成（篇均份额）"
    cols = [c for c in shares.columns if c.startswith("topic_")]
    if shares.empty or not cols:
        return empty_chart(title, "没有主题（文章太少）")
    grid = shares.set_index(by)[cols].T.to_numpy()
    names = [labels.get(int(c.split("_")[1]), c) if labels else c for c in cols]
    fig, ax = plt.subplots(figsize=(1.0 * len(shares) + 3.5, 0.42 * len(cols) + 1.8))
    image = heatmap(ax, grid, cmap="Reds", vmax=max(float(grid.max()), 0.01))
    ax.set_xticks(range(len(shares)), shares[by].astype(str), rotation=30, ha="right")
    ax.set_yticks(range(len(cols)), names, fontsize=9)
    ax.grid(False)
    for i in range(grid.shape[0]):
        for j in range(grid.shape[1]):
            ax.text(j, i, f"{grid[i, j]:.2f}", ha="center", va="center", fontsize=7.5,
                    color="white" if grid[i, j] > 0.55 * grid.max() else "#333333")  # fmt: skip
    fig.colorbar(image, ax=ax, shrink=0.7, pad=0.02).set_label("篇均份额（每篇各主题份额之和为 1）")
    ax.set_title(title, loc="left")
    return fig
