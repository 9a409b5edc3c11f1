"""The co-occurrence network drawn: a spring layout of the terms, spread until no two nodes
overlap, sized by sentences, coloured by community, with a legend for size, colour and line
width, and labels on their nodes (or beside them with a leader line where the core is dense).
The layout and label placement work with the renderer's extents, which no other chart needs,
so it has a room of its own."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .style import PALETTE, empty_chart, in_report_style

NODE_AREA = (80, 1100)  # marker area (pt²) of the term in the fewest and in the most sentences
FIG_SIZE = (10.5, 8.5)


@in_report_style
def plot_network(graph, *, title: str = "", seed: int = 42) -> Figure:
    """A co-occurrence network (``network.cooccurrence_graph``): node size by the sentences a
    term is in, colour by community, line width by Jaccard; nodes pushed apart until none
    overlaps another, labels on their nodes where there is room, else nearby with a line to it."""
    import networkx as nx

    title = title or "共现网络"
    if graph.number_of_edges() == 0:
        return empty_chart(title, "没有足够的共现（词太少或句子太少）")
    nodes = sorted(graph.nodes, key=lambda t: (-graph.nodes[t]["sentences"], t))
    pos = nx.spring_layout(graph, seed=seed, weight="jaccard", k=2.2 / np.sqrt(graph.number_of_nodes()))
    xy = np.array([pos[t] for t in nodes], dtype=float)
    size = np.array([graph.nodes[t]["sentences"] for t in nodes], dtype=float)
    area = NODE_AREA[0] + (NODE_AREA[1] - NODE_AREA[0]) * (size - size.min()) / max(size.max() - size.min(), 1)
    fig, ax = plt.subplots(figsize=FIG_SIZE)
    ax.set_axis_off()
    xy = _spread(xy, area, [len(t) for t in nodes], ax, fig)
    pos = {t: xy[i] for i, t in enumerate(nodes)}
    jaccard = np.array([d["jaccard"] for _, _, d in graph.edges(data=True)])
    for a, b, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        ax.plot([x1, x2], [y1, y2], color="#9a9a9a", linewidth=_width(data["jaccard"]), alpha=0.6, zorder=1)
    community = [graph.nodes[t].get("community", 0) for t in nodes]
    colors = [PALETTE[c % len(PALETTE)] for c in community]
    ax.scatter(xy[:, 0], xy[:, 1], s=area, c=colors, alpha=0.85, zorder=2, linewidths=0)
    _place_labels(fig, ax, [(t, tuple(pos[t])) for t in nodes])
    ax.set_title(title, loc="left")
    _legend(ax, nodes, community, size, area, jaccard)
    return fig


def _width(jaccard: float) -> float:
    return 0.6 + 4 * jaccard


def _spread(xy: np.ndarray, area: np.ndarray, chars: list[int], ax, fig: Figure, rounds: int = 300) -> np.ndarray:
    """Push overlapping nodes apart (in display units, so what is drawn counts) until each is
    at least its reach plus its neighbour's from every other: a node's reach is its radius or
    half its label's width, whichever is larger, plus a little air."""
    margin = 0.06
    ax.set_xlim(-margin, 1 + margin)
    ax.set_ylim(-margin, 1 + margin)
    span = xy.max(axis=0) - xy.min(axis=0)
    span[span == 0] = 1.0
    xy = (xy - xy.min(axis=0)) / span  # 0–1 in both directions
    box = ax.get_window_extent()
    scale = np.array([box.width, box.height]) / (1 + 2 * margin)  # pixels per unit of layout
    points = fig.dpi / 72
    label = np.array(chars, dtype=float) * 9 * 0.5 * points  # half a 9-pt label's width
    radius = np.maximum(np.sqrt(area / np.pi) * points, label) + 3 * points
    for _ in range(rounds):
        pixels = xy * scale
        delta = pixels[:, None, :] - pixels[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1]) + np.eye(len(xy))
        need = radius[:, None] + radius[None, :]
        overlap = np.clip(need - dist, 0, None)
        np.fill_diagonal(overlap, 0)
        if not overlap.any():
            break
        push = (delta / dist[..., None] * overlap[..., None] / 2).sum(axis=1)
        xy = np.clip(xy + push / scale, -margin / 2, 1 + margin / 2)
    return xy


def _place_labels(fig: Figure, ax, labels: list[tuple[str, tuple[float, float]]]) -> None:
    """Put each label on its node if it overlaps no label placed before, else at the first free
    spot around it (nearest first) with a thin line back to the node; biggest nodes first."""
    renderer = fig.canvas.get_renderer()
    placed = []
    offsets = [(0, 0)] + [
        (r * np.cos(a), r * np.sin(a)) for r in (16, 26, 38) for a in np.linspace(0, 2 * np.pi, 12, endpoint=False)
    ]
    for term, (x, y) in labels:
        for dx, dy in offsets:
            leader = {"arrowstyle": "-", "color": "#777777", "linewidth": 0.6} if (dx, dy) != (0, 0) else None
            text = ax.annotate(
                term,
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                ha="center",
                va="center",
                fontsize=9,
                arrowprops=leader,
                zorder=3,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6} if leader else None,
            )
            box = text.get_window_extent(renderer).expanded(1.04, 1.08)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            text.remove()
        else:  # nowhere free: keep it on its node, drawn small
            text = ax.annotate(term, (x, y), ha="center", va="center", fontsize=7, color="#333333", zorder=3)
            placed.append(text.get_window_extent(renderer))


def _legend(
    ax, nodes: list[str], community: list[int], size: np.ndarray, area: np.ndarray, jaccard: np.ndarray
) -> None:
    """What size, colour and line width mean, in a legend below the network: each community by
    its biggest term, two node sizes with their sentence counts, two line widths with their Jaccard."""
    handles, names = [], []
    for c in list(dict.fromkeys(community))[:8]:
        first = nodes[community.index(c)]
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=8, color=PALETTE[c % len(PALETTE)]))
        names.append(f"社群：{first}…")
    for k in (len(size) - 1, 0):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=min(np.sqrt(area[k]), 18), color="#bbbbbb"))
        names.append(f"{int(size[k])} 句")
    for j in sorted({float(np.min(jaccard)), float(np.max(jaccard))}):
        handles.append(Line2D([], [], color="#9a9a9a", linewidth=_width(j)))
        names.append(f"Jaccard {j:.2f}")
    ax.legend(
        handles,
        names,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.01),
        ncol=min(6, len(handles)),
        frameon=False,
        fontsize=8,
        title="节点颜色：社群（greedy modularity）；节点大小：词所在句子数；线宽：两词句子集合的 Jaccard 系数",
        title_fontsize=8,
        labelspacing=1.6,
        handletextpad=0.9,
        columnspacing=1.2,
    )
