"""Series across issues: one small panel a phrase (or column, concept, topic), issues in date
order and named by their label. It is its own room because it is the one chart whose width
must hold from one issue to hundreds (bars for one, lines and a rolling mean for many)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .style import ACCENT, PALETTE, in_report_style, panels, the_first


@in_report_style
def plot_issue_trends(
    trends: pd.DataFrame,
    *,
    value: str = "per_10k",
    ncols: int = 2,
    series: str = "phrase",
    what: str = "重点短语",
    unit: str | None = None,
) -> Figure:
    """Phrases across issues (an ``issue_trends`` table, issues in date order): one small panel
    per phrase, so the chart keeps its width from 2 to 240 issues; issues named by their
    ``label`` (``2019年第10期``), at most eight on an axis; past twelve issues a rolling mean is
    drawn over the issue values. With a single issue, one bar per phrase."""
    names = "label" if "label" in trends.columns else "issue_id"
    issues = list(dict.fromkeys(trends["issue_id"]))
    labels = dict(zip(trends["issue_id"], trends[names], strict=False))
    unit = unit or {"per_10k": "每万字出现次数", "count": "出现次数"}.get(value, value)
    shown, left_out = the_first(list(dict.fromkeys(trends[series])))
    trends = trends[trends[series].isin(shown)]
    if len(issues) == 1:
        rows = trends.iloc[::-1]
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(rows) + 1.6))
        ax.barh(rows[series].astype(str), rows[value], color=ACCENT)
        for y, v in enumerate(rows[value]):
            ax.text(v, y, f" {v:.1f}", va="center", fontsize=9)
        ax.margins(x=0.15)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(unit)
        ax.set_title(f"{what}：{unit}（目前只有一期：{labels[issues[0]]}）{left_out}", loc="left")
        return fig
    phrases = shown
    fig, axes = panels(len(phrases), ncols=ncols, height=2.5)
    x = np.arange(len(issues))
    window = max(3, len(issues) // 12)
    for k, (ax, phrase) in enumerate(zip(axes, phrases, strict=True)):
        values = trends[trends[series] == phrase].set_index("issue_id").reindex(issues)[value]
        color = PALETTE[k % len(PALETTE)]
        many = len(issues) > 12
        ax.plot(
            x,
            values,
            marker="o" if len(issues) <= 40 else None,
            markersize=3.5,
            linewidth=0.9 if many else 1.4,
            color=color,
            alpha=0.45 if many else 1.0,
        )
        if many:
            ax.plot(x, values.rolling(window, center=True, min_periods=1).mean(), color=color, linewidth=2.0)
        last = float(values.iloc[-1])
        ax.annotate(f"{last:.1f}", (x[-1], last), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
        ax.set_title(str(phrase), fontsize=11, loc="left")
        ax.set_xlim(-0.5, len(issues) - 0.5)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=7, integer=True))
        ax.xaxis.set_major_formatter(
            FuncFormatter(lambda v, _pos: labels[issues[int(v)]] if 0 <= int(v) < len(issues) else "")
        )
        ax.tick_params(axis="x", labelsize=8, labelrotation=25)
        ax.set_ylim(bottom=0)
    note = f"，粗线为 {window} 期滚动平均" if len(issues) > 12 else ""
    fig.suptitle(f"{what}的期际变化：{unit}（{len(issues)} 期；各图纵轴刻度不同{note}）{left_out}")
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return fig
