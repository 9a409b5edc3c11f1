"""Keyness as charts: the column × term heatmap of signed G2 for one issue, and the bars of
the terms one body of issues uses more or less than another. Both read a ``g2``/``p_adj``
table and show only significant terms, red for over-use and blue for under-use, so they
share a room apart from the charts of plain counts."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize, SymLogNorm
from matplotlib.figure import Figure

from ..analyses.keyness import ONE_ARTICLE
from .style import ACCENT, PALETTE, empty_chart, heatmap, in_report_style, issue_title


@in_report_style
def plot_keyness_heatmap(
    table: pd.DataFrame,
    *,
    n: int = 6,
    alpha: float = 0.05,
    columns: Sequence[str] | None = None,
    issue: str = "",
) -> Figure:
    """Column × term heatmap of signed G2 (a ``keyness`` table): for each column its ``n``
    strongest significant keywords (``p_adj < alpha``); red = the column over-uses the term."""
    columns = list(columns or dict.fromkeys(table["column"]))
    picked = []
    for column in columns:
        rows = table[(table["column"] == column) & (table["g2"] > 0) & (table["p_adj"] < alpha)]
        picked += [(column, t) for t in rows.nlargest(n, "g2")["term"] if t not in {p[1] for p in picked}]
    terms = [t for _, t in picked]
    grid = table.pivot_table(index="term", columns="column", values="g2").reindex(index=terms, columns=columns)
    sig = table.pivot_table(index="term", columns="column", values="p_adj").reindex(index=terms, columns=columns)
    # a keyword one article carries (the only user in its column, or the column's only record)
    lonely = (
        table.assign(lonely=table["n_articles"] <= 1)
        .pivot_table(index="term", columns="column", values="lonely", aggfunc="max")
        .reindex(index=terms, columns=columns)
        .fillna(False)
        .astype(bool)
    )
    fig, ax = plt.subplots(figsize=(1.05 * len(columns) + 2.6, 0.3 * len(terms) + 1.8))
    if not terms:
        ax.text(0.5, 0.5, "没有显著关键词", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        limit = float(np.nanmax(np.abs(grid.to_numpy()))) or 1.0
        # a few huge G2 would wash out the rest: colour on a log scale beyond |G2| = 10
        norm = SymLogNorm(linthresh=10, vmin=-limit, vmax=limit, base=10)
        cmap = plt.get_cmap("RdBu_r")
        heatmap(ax, grid.to_numpy(dtype=float), cmap=cmap, norm=norm)
        ax.xaxis.tick_top()
        ax.set_xticks(range(len(columns)), columns, rotation=30, ha="left")
        ax.tick_params(axis="x", length=0)
        ax.set_yticks(range(len(terms)), terms, fontsize=9)
        ax.grid(False)
        for i in range(len(terms)):
            for j in range(len(columns)):
                v = grid.iat[i, j]
                if np.isfinite(v) and sig.iat[i, j] < alpha:
                    strong = abs(norm(v) - 0.5) > 0.3
                    mark = "*" if v > 0 and lonely.iat[i, j] else ""
                    ax.text(
                        j,
                        i,
                        f"{v:.0f}{mark}",
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="white" if strong else "#333333",
                    )
        # the colorbar on a plain 0–1 axis, ticked at the G² values: on a symlog axis it draws slowly
        bar = fig.colorbar(ScalarMappable(Normalize(0, 1), cmap), ax=ax, shrink=0.5, pad=0.02)
        marks = [v for v in (-1000, -100, -10, 0, 10, 100, 1000) if abs(v) < limit] + [-limit, limit]
        bar.set_ticks([float(norm(v)) for v in sorted(marks)], labels=[f"{v:.0f}" for v in sorted(marks)])
        bar.set_label("带符号的 G²（红：本栏目偏用；蓝：本栏目少用）")
    fig.suptitle(issue_title("栏目关键词：各栏目对全刊其余部分的对数似然 G²", issue), x=0.02, ha="left")
    fig.text(
        0.02,
        0.0,
        f"格中数字为 BH 校正后 p < {alpha} 的 G²；每栏目取 G² 最大的 {n} 个正向关键词。"
        "带 * 者只出自该栏目的一篇文章（或该栏目只有一篇），是那篇文章的用词，未必是栏目的。\n"
        "色阶：|G²| 在 10 以内按数值均匀加深，10 以上每大十倍加深一档（10、100、1000），颜色只示量级，数值看格中数字。",
        fontsize=8,
        color="#666666",
        ha="left",
        va="top",
    )
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    return fig


@in_report_style
def plot_period_keyness(
    table: pd.DataFrame, *, n: int = 12, alpha: float = 0.05, title: str = "", note: str = ""
) -> Figure:
    """The terms one body of issues uses more (red, right) and less (blue, left) than another
    (a ``period_keyness`` table): the ``n`` strongest each way with ``p_adj < alpha``; ``新``
    marks a term the reference never has, ``无`` one the target never has, ``*`` a keyword one
    article carries (``top_share`` from ``ONE_ARTICLE`` on)."""
    title = title or "期际关键词：目标各期相对参照各期"
    if note:
        title = f"{title}\n{note}"
    if table.empty:
        return empty_chart(title, "只有一期，或两组之间没有共同统计的词：无从比较")
    sig = table[table["p_adj"] < alpha]
    up = sig[sig["g2"] > 0].nlargest(n, "g2")
    down = sig[sig["g2"] < 0].nsmallest(n, "g2")
    rows = pd.concat([down.iloc[::-1], up.iloc[::-1]]) if len(sig) else sig
    if rows.empty:
        return empty_chart(title, "两组之间没有显著差异的词（或只有一期）")
    fig, ax = plt.subplots(figsize=(8.5, 0.3 * len(rows) + 1.8))
    colors = [ACCENT if g > 0 else PALETTE[1] for g in rows["g2"]]
    y = np.arange(len(rows))
    ax.barh(y, rows["g2"], color=colors)
    marks = {"new": "（新）", "vanished": "（无）"}
    one = rows["top_share"] >= ONE_ARTICLE if "top_share" in rows else pd.Series(False, index=rows.index)
    labels = [
        f"{t}{marks.get(st, '')}{' *' if g > 0 and o else ''}"
        for t, st, g, o in zip(rows["term"], rows["status"], rows["g2"], one, strict=True)
    ]
    ax.set_yticks(y, labels)
    ax.axvline(0, color="#555555", linewidth=0.8)
    ax.grid(axis="y", visible=False)
    ax.set_title(title, loc="left")
    counts = f"目标 {int(rows['tokens_target'].iloc[0]):,} 词，参照 {int(rows['tokens_reference'].iloc[0]):,} 词"
    # the note is part of the x label, so it sits below the tick labels whatever their size
    lines = [
        "带符号的 G²（正：目标各期偏用；负：少用）",
        f"BH 校正后 p < {alpha}；{counts}",
    ]
    shown_marks = [
        f"{m}：{say}"
        for st, m, say in (("new", "（新）", "参照各期没有"), ("vanished", "（无）", "目标各期没有"))
        if (rows["status"] == st).any()
    ]
    if shown_marks:  # a mark is explained where the chart shows it
        lines.append("；".join(shown_marks))
    if bool((one & (rows["g2"] > 0)).any()):
        lines.append(f"*：目标各期的用例一半以上（≥{ONE_ARTICLE:.0%}）出自一篇文章，是那篇的用词，未必是这一时期的")
    ax.set_xlabel("\n".join(lines))
    return fig
