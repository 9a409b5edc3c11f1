"""The co-occurrence network drawn: a spring layout of the terms, sized by sentences, coloured
by community, and labels placed so that none overlaps another. The label placement works
with the renderer's text extents, which no other chart needs, so it has a room of its own."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from .style import PALETTE, empty_chart, in_report_style


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
