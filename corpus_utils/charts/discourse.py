"""What researchers of the genre look for, drawn: which columns cite leaders and documents, how
each column frames (problems named, directives given), which units write, and which counties
write and are written about across issues. Each ``plot_*`` takes the table of the analysis
named in its docstring; formulas per column reuse ``plot_phrase_counts`` and every series
across issues ``plot_issue_trends``, which already hold from one issue to hundreds.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .style import PALETTE, empty_chart, in_report_style, issue_cells, issue_title, the_first

LEVEL_NAMES = {
    "province": "省级",
    "city": "市级",
    "county": "县级",
    "township": "乡镇（街道）",
    "village": "村（社区）",
    "department": "部门处室",
    "press": "本刊",
    "other": "其他",
}
KIND_NAMES = {"leaders": "领导人", "officials": "其他领导干部", "documents": "文件"}
ANNOTATED_ISSUES = 24  # a coverage chart prints its counts up to this many issues


@in_report_style
def plot_citing_columns(columns: pd.DataFrame, *, issue: str = "") -> Figure:
    """Citations per column (a ``citing_columns`` table), stacked by who is cited, with the
    leaders' and officials' citations per 10,000 characters at each bar's end."""
    title = issue_title("各栏目的引用：谁被引用", issue)
    if columns.empty or columns[list(KIND_NAMES)].to_numpy().sum() == 0:
        return empty_chart(title, "本期没有引用领导人讲话或文件的句子")
    rows = columns.iloc[::-1].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(rows) + 1.8))
    left = np.zeros(len(rows))
    for k, (kind, name) in enumerate(KIND_NAMES.items()):
        ax.barh(rows["column"], rows[kind], left=left, color=PALETTE[k], label=name)
        left += rows[kind].to_numpy()
    for y, (total, rate) in enumerate(zip(left, rows["per_10k"], strict=True)):
        ax.text(total, y, f" {rate:.1f}/万字" if rate else "", va="center", fontsize=9)
    ax.margins(x=0.18)
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("引用次数（“某某指出/强调”及讲话摘编）；数字：领导人与领导干部的引用每万字次数")
    ax.legend(loc="lower right", fontsize=9, frameon=False)
    ax.set_title(title, loc="left")
    return fig


@in_report_style
def plot_framing(counts: pd.DataFrame, *, issue: str = "") -> Figure:
    """Each frame per 1,000 characters in each column (a ``framing_counts`` table by column): a
    panel per frame, the issue's own rate as a dashed line, the count at each bar's end."""
    title = issue_title("各栏目的框架：问题与指令（每千字）", issue)
    if counts.empty or counts["n_chars"].sum() == 0:
        return empty_chart(title)
    frames = list(dict.fromkeys(counts["frame"]))
    fig, axes = plt.subplots(
        1, len(frames), figsize=(5 * len(frames), 0.45 * counts["column"].nunique() + 1.8), sharey=True, squeeze=False
    )
    for k, (ax, frame) in enumerate(zip(axes[0], frames, strict=True)):
        rows = counts[counts["frame"] == frame].iloc[::-1]
        ax.barh(rows["column"], rows["per_1k"], color=PALETTE[k % len(PALETTE)])
        for y, (rate, n) in enumerate(zip(rows["per_1k"], rows["count"], strict=True)):
            ax.text(rate, y, f" {n}", va="center", fontsize=8)
        overall = rows["count"].sum() / max(rows["n_chars"].sum(), 1) * 1000
        ax.axvline(overall, color="#555555", linestyle="--", linewidth=1)
        ax.set_title(f"{frame}（全期 {overall:.1f}/千字）", loc="left", fontsize=11)
        ax.grid(axis="y", visible=False)
        ax.margins(x=0.15)
        ax.set_xlabel("每千字次数；数字：次数")
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    return fig


@in_report_style
def plot_units(units: pd.DataFrame, *, issue: str = "") -> Figure:
    """The units that wrote this issue's records (a ``contributing_units`` table): records per
    unit, coloured by level; at most ``MAX_ROWS`` units."""
    title = issue_title("供稿单位与层级", issue)
    if units.empty:
        return empty_chart(title, "本期没有署名单位的文章")
    per_unit = units.groupby(["unit", "level"], sort=False).size().reset_index(name="records")
    per_unit = per_unit.sort_values(["records", "unit"], ascending=[False, True], kind="stable")
    shown, left_out = the_first(list(per_unit["unit"]), "个单位")
    rows = per_unit[per_unit["unit"].isin(shown)].iloc[::-1]
    levels = list(dict.fromkeys(LEVEL_NAMES))
    colour = {level: PALETTE[k % len(PALETTE)] for k, level in enumerate(levels)}
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(rows) + 1.8))
    ax.barh(rows["unit"], rows["records"], color=[colour.get(lv, PALETTE[-1]) for lv in rows["level"]])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("篇数")
    present = [lv for lv in levels if lv in set(rows["level"])]
    ax.legend(
        handles=[Patch(color=colour[lv], label=LEVEL_NAMES[lv]) for lv in present],
        loc="lower right",
        fontsize=9,
        frameon=False,
    )
    ax.set_title(title + left_out, loc="left")
    return fig


@in_report_style
def plot_county_coverage(coverage: pd.DataFrame, *, value: str = "mentions", note: str = "") -> Figure:
    """Counties across issues (a ``county_coverage`` table): a row per county (the most covered
    first, at most ``MAX_ROWS``), a column per issue in date order, the colour ``value``
    (``mentions`` or ``records_written``); a dot where the county also wrote (for mentions).
    Past ``ANNOTATED_ISSUES`` issues the cells are not numbered and at most eight issues are named;
    past ``MAX_ISSUE_CELLS`` a cell sums a year (``issue_cells``). ``note`` ends the title (how the
    text was counted: 转载文字只计一次)."""
    what = {"mentions": "正文提及次数", "records_written": "供稿篇数"}.get(value, value)
    title = f"各县（市、区）的覆盖：{what}"
    if coverage.empty:
        return empty_chart(title, "没有可定位到县级的供稿单位或地名")
    n_issues = coverage["issue_id"].nunique()
    coverage, per_cell = issue_cells(coverage, ["province", "city", "county"], ["records_written", "mentions"])
    issues = list(dict.fromkeys(coverage["issue_id"]))
    labels = dict(zip(coverage["issue_id"], coverage["label"], strict=False))
    counties, left_out = the_first(list(dict.fromkeys(coverage["county"])), "个县（市、区）")
    grid = coverage.pivot_table(index="county", columns="issue_id", values=value, aggfunc="sum", fill_value=0)
    grid = grid.reindex(index=counties, columns=issues, fill_value=0)
    wrote = coverage.pivot_table(
        index="county", columns="issue_id", values="records_written", aggfunc="sum", fill_value=0
    )
    wrote = wrote.reindex(index=counties, columns=issues, fill_value=0)
    noted = f"；{note}" if note else ""
    if len(issues) == 1:
        title = f"{title}（{labels[issues[0]]}{noted}）{left_out}"
        return _one_issue_coverage(grid.iloc[:, 0], wrote.iloc[:, 0], coverage, what, title)
    fig, ax = plt.subplots(figsize=(11 if len(issues) > 12 else 5 + 0.5 * len(issues), 0.38 * len(counties) + 2))
    image = ax.imshow(grid.to_numpy(), cmap="Reds", aspect="auto", vmin=0, interpolation="nearest")
    ax.set_yticks(range(len(counties)), [_county_label(coverage, c) for c in counties], fontsize=9)
    ax.set_xlim(-0.5, len(issues) - 0.5)
    if len(issues) <= 12:
        ax.set_xticks(range(len(issues)), [labels[i] for i in issues])
    else:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
        ax.xaxis.set_major_formatter(
            FuncFormatter(lambda v, _p: labels[issues[int(v)]] if 0 <= int(v) < len(issues) else "")
        )
    ax.tick_params(axis="x", labelsize=8, labelrotation=25)
    ax.grid(False)
    top = float(grid.to_numpy().max()) or 1.0
    if len(issues) <= ANNOTATED_ISSUES:
        for i in range(len(counties)):
            for j in range(len(issues)):
                n = int(grid.iat[i, j])
                ax.text(
                    j,
                    i,
                    str(n) if n else "",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if n > 0.55 * top else "#333333",
                )
    ys, xs = np.nonzero(wrote.to_numpy()) if value == "mentions" else ((), ())
    if len(xs):
        ax.scatter(xs + 0.32, ys - 0.25, s=10, color=PALETTE[1], marker="o")
    bar = fig.colorbar(image, ax=ax, shrink=0.7, pad=0.02)
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    # said beside the scale, not in a legend that drifts above tall charts
    bar.set_label(what + (f"；圆点：该{'期' if not per_cell else '格'}有本县供稿" if len(xs) else ""))
    ax.set_title(f"{title}（{n_issues} 期{per_cell}{noted}）{left_out}", loc="left")
    return fig


# internal functions ----------------------------------------------------------


def _one_issue_coverage(values: pd.Series, wrote: pd.Series, coverage: pd.DataFrame, what: str, title: str) -> Figure:
    """One issue: a bar per county, its records written beside it."""
    rows = values.iloc[::-1]
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(rows) + 1.8))
    y = np.arange(len(rows))
    ax.barh(y, rows.to_numpy(), color=PALETTE[0])
    ax.set_yticks(y, [_county_label(coverage, c) for c in rows.index])
    for yi, county in zip(y, rows.index, strict=True):
        n = int(wrote[county])
        ax.text(rows[county], yi, f" {int(rows[county])}" + (f"（供稿 {n} 篇）" if n else ""), va="center", fontsize=9)
    ax.margins(x=0.25)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(what)
    ax.set_title(title, loc="left")
    return fig


def _county_label(coverage: pd.DataFrame, county: str) -> str:
    """A county named with its prefecture (磐石市（吉林市）), as two share a name elsewhere."""
    city = coverage.loc[coverage["county"] == county, "city"].iloc[0]
    return f"{county}（{city}）" if city else county
