"""Tables → charts. Each ``plot_*`` takes the DataFrame a stat function returns and gives a
matplotlib Figure titled in Chinese, in one report style, drawn with Noto Sans SC."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .style import PALETTE, empty_chart, in_report_style, panels


@in_report_style
def plot_network(graph, *, title: str = "", seed: int = 42) -> Figure:
    """A co-occurrence network (``network.cooccurrence_graph``): node size by the sentences a
    term is in, colour by community, line width by Jaccard; labels placed so none overlaps
    another (each tries the spots around its node, nearest first)."""
    import networkx as nx

    title = title or "共现网络"
    if graph.number_of_edges() == 0:
        return empty_chart(title, "没有足够的共现（词太少或句子太少）")
    pos = nx.spring_layout(graph, seed=seed, weight="jaccard", k=1.6 / np.sqrt(graph.number_of_nodes()))
    fig, ax = plt.subplots(figsize=(10, 8))
    ax.set_axis_off()
    for a, b, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        ax.plot([x1, x2], [y1, y2], color="#9a9a9a", linewidth=0.6 + 4 * data["jaccard"], alpha=0.6, zorder=1)
    size = np.array([graph.nodes[t]["sentences"] for t in graph.nodes], dtype=float)
    colors = [PALETTE[graph.nodes[t].get("community", 0) % len(PALETTE)] for t in graph.nodes]
    xy = np.array([pos[t] for t in graph.nodes])
    ax.scatter(xy[:, 0], xy[:, 1], s=60 + 900 * size / size.max(), c=colors, alpha=0.85, zorder=2, linewidths=0)
    ax.margins(0.12)
    biggest_first = sorted(graph.nodes, key=lambda t: (-graph.nodes[t]["sentences"], t))
    _place_labels(fig, ax, [(t, pos[t]) for t in biggest_first])
    ax.set_title(title, loc="left")
    ax.text(
        0.0,
        -0.02,
        "节点大小：所在句子数；颜色：社群（greedy modularity）；线宽：Jaccard 系数。",
        transform=ax.transAxes,
        fontsize=8,
        color="#666666",
        va="top",
    )
    return fig


def _place_labels(fig: Figure, ax, labels: list[tuple[str, tuple[float, float]]]) -> None:
    """Put each label at the first spot around its point (on it, above, below, right, left,
    then further out) where it overlaps no label placed before; biggest nodes first."""
    renderer = fig.canvas.get_renderer()
    placed = []
    offsets = [(0, 0), (0, 10), (0, -10), (14, 0), (-14, 0), (0, 18), (0, -18), (22, 8), (-22, -8), (0, 26)]
    for term, (x, y) in labels:
        for dx, dy in offsets:
            text = ax.annotate(
                term, (x, y), xytext=(dx, dy), textcoords="offset points", ha="center", va="center", fontsize=9
            )
            box = text.get_window_extent(renderer).expanded(1.05, 1.1)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            text.remove()
        else:  # nowhere free: keep it on its point, drawn small
            text = ax.annotate(term, (x, y), ha="center", va="center", fontsize=7, color="#555555")
            placed.append(text.get_window_extent(renderer))


@in_report_style
def plot_topic_terms(terms: pd.DataFrame, *, n: int = 8, title: str = "") -> Figure:
    """Each topic's strongest terms (a ``Topics.terms`` table), one small panel a topic."""
    title = title or "各主题的主要词（NMF，TF-IDF）"
    if terms.empty:
        return empty_chart(title, "没有主题（文章太少）")
    topics = sorted(terms["topic"].unique())
    fig, axes = panels(len(topics), ncols=4, height=2.3)
    for ax, topic in zip(axes, topics, strict=True):
        rows = terms[terms["topic"] == topic].nsmallest(n, "rank").iloc[::-1]
        ax.barh(rows["term"], rows["weight"], color=PALETTE[topic % len(PALETTE)])
        ax.set_title(f"主题 {topic}", fontsize=10, loc="left")
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=8.5)
        ax.tick_params(axis="x", labelsize=7)
    fig.suptitle(title)
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
    image = ax.imshow(grid, cmap="Reds", vmin=0, vmax=max(float(grid.max()), 0.01), aspect="auto")
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
