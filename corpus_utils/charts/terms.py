"""One issue's columns and their words: how long each column is, its most frequent terms, its
highest TF-IDF terms and its word cloud, each from a by-column table of one issue. The word
clouds bring their own font handling (wordcloud draws with the font file, not matplotlib),
which no other chart needs; that is why they live here and not in the shared style."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from contextlib import contextmanager

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .fonts import check_glyphs, font_path
from .style import ACCENT, PALETTE, empty_chart, in_report_style, issue_title, panels


@in_report_style
def plot_column_sizes(overview: pd.DataFrame, *, issue: str = "") -> Figure:
    """Records and characters per column (a ``column_overview`` table), in the issue's order."""
    if overview.empty:
        return empty_chart(issue_title("各栏目篇数与字数", issue))
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 0.45 * len(overview) + 1.6), sharey=True)
    y = np.arange(len(overview))
    ax1.barh(y, overview["n_records"], color=PALETTE[1])
    ax2.barh(y, overview["n_chars"] / 1000, color=ACCENT)
    ax1.set_yticks(y, overview["column"])
    ax1.invert_yaxis()
    for ax, values, fmt in ((ax1, overview["n_records"], "{:d}"), (ax2, overview["n_chars"] / 1000, "{:.1f}")):
        for yi, v in zip(y, values, strict=True):
            ax.text(v, yi, " " + fmt.format(v), va="center", fontsize=9)
        ax.grid(axis="y", visible=False)
        ax.margins(x=0.15)
    ax1.set_xlabel("篇数（含编者按、讲话摘编）")
    ax2.set_xlabel("字数（千字，不计空白）")
    fig.suptitle(issue_title("各栏目篇数与字数", issue))
    return fig


@in_report_style
def plot_top_terms(
    freq: pd.DataFrame,
    *,
    n: int = 10,
    columns: Sequence[str] | None = None,
    value: str = "per_10k",
    issue: str = "",
) -> Figure:
    """The ``n`` most frequent terms of each column (a ``term_frequencies(by="column")`` table).

    Bars are rates per 10,000 characters on one scale for every panel, so a short column's
    panel is not stretched to look like a long one's; each bar ends with its raw count.
    ``value="count"`` draws counts instead (whole-number ticks, still one scale)."""
    if freq.empty:
        return empty_chart(issue_title("各栏目高频词", issue))
    columns = list(columns or dict.fromkeys(freq["column"]))
    fig, axes = panels(len(columns), ncols=3, height=2.9)
    tops = {c: freq[freq["column"] == c].nlargest(n, "count").iloc[::-1] for c in columns}
    limit = max(float(t[value].max()) for t in tops.values() if len(t)) * 1.18
    for ax, column in zip(axes, columns, strict=True):
        top = tops[column]
        ax.barh(top["term"], top[value], color=ACCENT)
        for y, (v, count) in enumerate(zip(top[value], top["count"], strict=True)):
            ax.text(v, y, f" {count}", va="center", fontsize=7.5, color="#555555")
        ax.set_xlim(0, limit)
        if value == "count":
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(column, fontsize=11)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=9)
    label = {
        "count": "出现次数（各栏目同一刻度；只计独立成词者，长词中的不计入）",
        "per_10k": "每万字出现次数（各栏目同一刻度；条末数字为出现次数；只计独立成词者，长词中的不计入）",
    }.get(value, value)
    fig.suptitle(issue_title(f"各栏目高频词（按出现次数取前 {n} 个，不含停用词）", issue))
    fig.tight_layout(rect=(0, 0.03, 1, 0.97))
    fig.supxlabel(label, fontsize=10, y=0.005)
    return fig


@in_report_style
def plot_tfidf_terms(top: pd.DataFrame, *, columns: Sequence[str] | None = None, issue: str = "") -> Figure:
    """Each column's highest TF-IDF terms (a ``top_tfidf_terms(by="column")`` table)."""
    if top.empty:
        return empty_chart(issue_title("各栏目 TF-IDF 最高的词", issue))
    columns = list(columns or dict.fromkeys(top["column"]))
    fig, axes = panels(len(columns), ncols=3, height=2.7)
    for ax, column in zip(axes, columns, strict=True):
        rows = top[top["column"] == column].sort_values("tfidf")
        ax.barh(rows["term"], rows["tfidf"], color=PALETTE[1])
        ax.set_title(column, fontsize=11)
        ax.grid(axis="y", visible=False)
        ax.tick_params(axis="y", labelsize=9)
    fig.supxlabel("TF-IDF（IDF 按全刊各篇计算）", fontsize=10)
    fig.suptitle(issue_title("各栏目 TF-IDF 最高的词", issue))
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    return fig


@in_report_style
def plot_wordclouds(
    freq: pd.DataFrame,
    *,
    columns: Sequence[str] | None = None,
    max_words: int = 60,
    issue: str = "",
) -> Figure:
    """One word cloud per column (a ``term_frequencies(by="column")`` table), deterministic."""
    if freq.empty:
        return empty_chart(issue_title("各栏目词云", issue))
    columns = list(columns or dict.fromkeys(freq["column"]))
    fig, axes = panels(len(columns), ncols=2, height=3.1)
    with _fonts_loaded_once():
        _draw_clouds(freq, axes, columns, max_words)
    fig.suptitle(issue_title("各栏目词云（词越大出现越多）", issue))
    fig.tight_layout(rect=(0, 0.03, 1, 0.97))
    fig.text(
        0.5,
        0.005,
        "每幅词云按本栏目的词频各自缩放：同一幅内字号可比，不同栏目之间不可比（看次数请用高频词图）。",
        fontsize=8.5,
        color="#666666",
        ha="center",
        va="bottom",
    )
    return fig


def _draw_clouds(freq: pd.DataFrame, axes: list, columns: list[str], max_words: int) -> None:
    from wordcloud import WordCloud

    for k, (ax, column) in enumerate(zip(axes, columns, strict=True)):
        rows = freq[freq["column"] == column].nlargest(max_words, "count")
        words = dict(zip(rows["term"], rows["count"], strict=True))
        check_glyphs("".join(words), where=f"word cloud {column}")
        cloud = WordCloud(
            font_path=str(font_path()),
            # laid out on a 380 × 195 grid and drawn at twice that (760 px for a 5.5-in panel): sharp,
            # and 3.5 times faster than laying out every pixel (1.2 s → 0.35 s for the seed's seven)
            width=380,
            height=195,
            scale=2,
            background_color="white",
            color_func=_dark_shades(PALETTE[k % len(PALETTE)]),
            prefer_horizontal=1.0,
            random_state=42,
            max_words=max_words,
            min_font_size=5,  # of the grid: 10 px drawn
            relative_scaling=0.5,
        ).generate_from_frequencies(words)
        ax.imshow(cloud.to_array(), interpolation="bilinear")
        ax.set_title(column, fontsize=11)
        ax.set_axis_off()


@contextmanager
def _fonts_loaded_once():
    """wordcloud opens the font file anew for every size it tries (thousands of times for one
    chart, a third of its time with a CJK font): open each size once while clouds are drawn."""
    import wordcloud.wordcloud as wc
    from PIL import ImageFont

    class _Cached:
        truetype = staticmethod(functools.lru_cache(maxsize=None)(ImageFont.truetype))

        def __getattr__(self, name: str):
            return getattr(ImageFont, name)

    before = wc.ImageFont
    wc.ImageFont = _Cached()
    try:
        yield
    finally:
        wc.ImageFont = before


def _dark_shades(hex_color: str):
    """A word-cloud colour function: shades of one palette colour, none too pale to read."""
    from matplotlib.colors import to_rgb

    base = np.array(to_rgb(hex_color))

    def color(word, font_size, position, orientation, random_state=None, **kwargs):
        mix = 0.35 * (random_state.random() if random_state is not None else 0.5)
        r, g, b = (base * (1 - mix) + np.array([0.15, 0.15, 0.15]) * mix) * 255
        return f"rgb({int(r)}, {int(g)}, {int(b)})"

    return color
