"""Series across issues: one small panel a phrase (or column, concept, topic), issues in date
order and named by their label. It is its own room because it is the one chart whose width
must hold from one issue to hundreds (bars for one, lines and a rolling mean for many)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .style import ACCENT, PALETTE, empty_chart, heatmap, in_report_style, issue_cells, panels, the_first


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
            ax.text(v, y, f" {v:.3g}", va="center", fontsize=9)
        ax.margins(x=0.15)
        ax.grid(axis="y", visible=False)
        ax.set_xlabel(unit)
        ax.set_title(f"{what}：{unit}（目前只有一期：{labels[issues[0]]}）{left_out}", loc="left")
        return fig
    phrases = shown
    fig, axes = panels(len(phrases), ncols=ncols, height=2.5)
    x = _issue_positions(trends, issues)
    pad = 0.5 * float(np.median(np.diff(x))) if len(x) > 1 else 0.5
    ticks = sorted(set(np.linspace(0, len(issues) - 1, min(len(issues), 7)).round().astype(int).tolist()))
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
            clip_on=False,  # a marker at zero shows whole on the axis line
            zorder=3,
        )
        if many:
            ax.plot(x, values.rolling(window, center=True, min_periods=1).mean(), color=color, linewidth=2.0)
        last = float(values.iloc[-1])
        ax.annotate(f"{last:.3g}", (x[-1], last), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
        ax.set_title(str(phrase), fontsize=11, loc="left")
        ax.set_xlim(x[0] - pad, x[-1] + pad)
        top = float(np.nanmax(values.to_numpy(dtype=float))) if values.notna().any() else 0.0
        # room above the highest marker, and a plain 0–1 axis (not an invented 0–0.04) for a series of zeros
        ax.set_ylim(0, top * 1.18 if top > 0 else 1.0)
        if top == 0:
            ax.text(0.5, 0.5, "各期均未出现", transform=ax.transAxes, ha="center", va="center", color="#888888")
        ax.set_xticks([x[k] for k in ticks], [labels[issues[k]] for k in ticks])
        ax.tick_params(axis="x", labelsize=8, labelrotation=25)
    note = f"，粗线为 {window} 期滚动平均" if len(issues) > 12 else ""
    scales = "；各图纵轴刻度不同" if len(phrases) > 1 else ""
    fig.suptitle(f"{what}的期际变化：{unit}（{len(issues)} 期{scales}{note}）{left_out}")
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    return fig


@in_report_style
def plot_phrase_by_column(table: pd.DataFrame, *, what: str = "重点短语") -> Figure:
    """Every followed phrase in every column of every issue (a ``phrase_trends_by_column``
    table): one heatmap panel a phrase, columns down, issues across in date order, all on one
    colour scale (per 10,000 characters) with the count printed where the issues are few. A
    blank cell is a column that issue does not have, a grey 0 one that has none of the phrase;
    columns where no phrase ever occurs are left out (and counted in the title). Past
    ``MAX_ISSUE_CELLS`` issues, the issues of a year (or of a run of issues, undated) make one
    cell: their counts over their characters."""
    title = f"{what}在各栏目的期际分布"
    if table.empty:
        return empty_chart(title, "没有可比较的栏目或短语")
    table, grouped = _grouped_issues(table)
    issues = list(dict.fromkeys(table["issue_id"]))
    labels = dict(zip(table["issue_id"], table["label"], strict=False))
    phrases, left_out = the_first(list(dict.fromkeys(table["phrase"])))
    used = table[table["phrase"].isin(phrases)].groupby("column", sort=False)["count"].sum()
    columns, more = the_first([c for c in used.index if used[c] > 0], "个栏目")
    silent = int((used == 0).sum())
    if not columns:
        return empty_chart(title, f"各期各栏目都没有出现这些短语（{len(phrases)} 个）")
    top = float(table.loc[table["column"].isin(columns), "per_10k"].max()) or 1.0
    ncols = 3 if len(issues) <= 6 else 2
    rows_of_panels = int(np.ceil(len(phrases) / ncols))
    panel = 0.24 * len(columns) + 0.4  # inches of one panel's cells
    gap = 1.3 if len(issues) > 1 else 0.9  # room for a panel's title and the issues' names below it
    height = rows_of_panels * (panel + gap) + 1.6
    fig, axes = panels(len(phrases), ncols=ncols, height=height / rows_of_panels)
    fig.subplots_adjust(top=1 - 0.75 / height, bottom=1.5 / height, hspace=gap / panel, left=0.12, right=0.9)
    numbers = len(issues) * ncols <= 18
    for k, (ax, phrase) in enumerate(zip(axes, phrases, strict=True)):
        rows = table[table["phrase"] == phrase]
        rate = rows.pivot_table(index="column", columns="issue_id", values="per_10k", aggfunc="sum")
        count = rows.pivot_table(index="column", columns="issue_id", values="count", aggfunc="sum")
        rate = rate.reindex(index=columns, columns=issues)
        count = count.reindex(index=columns, columns=issues)
        image = heatmap(ax, rate.to_numpy(dtype=float), cmap="Reds", vmax=top)
        ax.grid(False)
        ax.set_title(f"「{phrase}」（共 {int(rows['count'].sum())} 次）", fontsize=10, loc="left")
        ax.set_yticks(range(len(columns)), columns if k % ncols == 0 else [""] * len(columns), fontsize=8)
        step = max(1, int(np.ceil(len(issues) / (11 / ncols * 1.6))))
        ticks = list(range(0, len(issues), step))
        bottom = k + ncols >= len(phrases)  # the issues are named under the lowest panel of each column
        names = [labels[issues[i]] if bottom else "" for i in ticks]
        ax.set_xticks(ticks, names, rotation=40, ha="right", fontsize=7.5)
        if numbers:
            for (i, j), n in np.ndenumerate(count.to_numpy(dtype=float)):
                if np.isfinite(n):
                    dark = rate.iat[i, j] > 0.55 * top
                    ax.text(j, i, f"{n:.0f}", ha="center", va="center", fontsize=7,
                            color="white" if dark else ("#333333" if n else "#bbbbbb"))  # fmt: skip
    bar = fig.colorbar(image, ax=axes, shrink=min(0.6, 4 / height), pad=0.02, fraction=0.03)
    bar.set_label("每万字出现次数（各图同一色阶）")
    dropped = f"；{silent} 个栏目各期都未出现这些短语，未画出" if silent else ""
    span = f"{len(table.attrs.get('issues', issues))} 期{grouped}"
    fig.suptitle(f"{title}（{span}{dropped}）{left_out}{more}", fontsize=12, y=1 - 0.25 / height)
    fig.text(
        0.01,
        0.1 / height,
        "格中数字：出现次数（灰色 0：该期有此栏目但未出现）；空白：该期没有这个栏目。",
        fontsize=8,
        color="#666666",
        va="bottom",
    )
    return fig


def _issue_positions(trends: pd.DataFrame, issues: list[str]) -> np.ndarray:
    """Where each issue stands on a trend's x axis: at its date, in days, where every issue has
    one (issues 4 and 6 months apart are drawn 4 and 6 months apart), else one step an issue."""
    if "date" in trends.columns:
        dates = pd.to_datetime(trends.drop_duplicates("issue_id").set_index("issue_id")["date"], errors="coerce")
        dates = dates.reindex(issues)
        if dates.notna().all() and dates.is_monotonic_increasing and dates.nunique() == len(issues):
            return ((dates - dates.iloc[0]).dt.days / 30.44).to_numpy(dtype=float)  # months since the first
    return np.arange(len(issues), dtype=float)


def _grouped_issues(table: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The phrase × column table as it is, or past ``MAX_ISSUE_CELLS`` issues summed into cells
    of a year (``issue_cells``) with its rates worked out again, and a note saying so."""
    sums, note = issue_cells(table, ["phrase", "column"], ["count", "n_chars"])
    if note:
        sums["per_10k"] = sums["count"] / sums["n_chars"].where(sums["n_chars"] > 0) * 10_000
    return sums, note
