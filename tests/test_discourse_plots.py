"""The discourse charts: each draws the numbers of its table, says when it has nothing to draw,
and keeps its size and its issue names from 2 to 240 issues."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import corpus_utils as cu
from corpus_utils import charts

pytestmark = pytest.mark.usefixtures("figures_in_tmp")


def _bars(ax, labelled=None) -> dict[str, float]:
    """A horizontal bar chart's bars: label → the right end of the bar (stacked bars summed);
    the labels read from ``labelled`` where the axes share them."""
    labels = [t.get_text() for t in (labelled or ax).get_yticklabels()]
    ends: dict[str, float] = {}
    for b in ax.patches:
        label = labels[round(b.get_y() + b.get_height() / 2)]
        ends[label] = max(ends.get(label, 0.0), b.get_x() + b.get_width())
    return ends


def test_citing_columns_stack_what_each_column_cites():
    columns = pd.DataFrame(
        {
            "column": ["组工论坛", "城市党建"],
            "leaders": [3, 0],
            "officials": [1, 0],
            "documents": [2, 1],
            "n_chars": [10000, 5000],
        }
    ).assign(per_10k=[4.0, 0.0])
    fig = charts.plot_citing_columns(columns, issue="2019年第1期")
    assert _bars(fig.axes[0]) == {"组工论坛": 6, "城市党建": 1}
    assert fig.axes[0].get_title(loc="left").endswith("2019年第1期")  # named by its label, as every per-issue chart
    assert any(t.get_text().strip() == "4.0/万字" for t in fig.axes[0].texts)
    empty = charts.plot_citing_columns(columns.assign(leaders=0, officials=0, documents=0))
    assert "没有引用" in empty.axes[0].texts[0].get_text()


def test_framing_draws_a_panel_per_frame_with_the_issue_s_rate(seed_issue):
    table = cu.framing_counts(seed_issue, by="column")
    fig = charts.plot_framing(table, issue="2019年第11期")
    assert len(fig.axes) == 2
    for ax, frame in zip(fig.axes, ["问题", "指令"], strict=True):
        rows = table[table["frame"] == frame]
        assert _bars(ax, fig.axes[0]) == pytest.approx(dict(zip(rows["column"], rows["per_1k"], strict=True)))
        overall = rows["count"].sum() / rows["n_chars"].sum() * 1000
        assert ax.lines[0].get_xdata()[0] == pytest.approx(overall)


def test_units_are_bars_of_records_coloured_by_level():
    units = pd.DataFrame(
        {
            "unit": ["磐石市委组织部", "磐石市委组织部", "市委组织部干部一处"],
            "level": ["county", "county", "department"],
        }
    )
    fig = charts.plot_units(units, issue="2019年第1期")
    assert _bars(fig.axes[0]) == {"磐石市委组织部": 2, "市委组织部干部一处": 1}
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["县级", "部门处室"]


def _coverage(n_issues: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    rows = [
        {
            "issue_id": f"{k:03d}",
            "label": f"{2000 + k // 12}年第{k % 12 + 1}期",
            "date": f"{2000 + k // 12}-{k % 12 + 1:02d}-01",
            "province": "吉林省",
            "city": "吉林市",
            "county": county,
            "records_written": int(rng.random() < 0.2),
            "mentions": int(rng.poisson(3)),
        }
        for k in range(n_issues)
        for county in ("磐石市", "蛟河市", "舒兰市")
    ]
    return pd.DataFrame(rows)


@pytest.mark.parametrize("n_issues", [2, 12, 240])
def test_county_coverage_holds_from_two_issues_to_240(n_issues):
    coverage = _coverage(n_issues)
    fig = charts.plot_county_coverage(coverage)
    ax = fig.axes[0]
    width, _ = fig.get_size_inches()
    assert width <= 11
    image = ax.get_images()[0].get_array()
    # past 24 issues a cell sums a year (240 monthly issues: 20 years), else a cell an issue
    cell = coverage["issue_id"] if n_issues <= 24 else coverage["date"].str[:4]
    grid = coverage.assign(cell=cell).pivot_table(
        index="county", columns="cell", values="mentions", aggfunc="sum", sort=False
    )
    assert image.shape == (3, n_issues if n_issues <= 24 else 20)
    assert np.array_equal(np.asarray(image), grid.loc[["磐石市", "蛟河市", "舒兰市"]].to_numpy())
    assert ("每格一年" in ax.get_title(loc="left")) == (n_issues > 24)
    fig.canvas.draw()
    named = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert 2 <= len(named) <= 12 and all(("年第" if n_issues <= 24 else "年") in n for n in named)
    numbers = [t for t in ax.texts if t.get_text()]
    # at most 24 cells across, so every cell with a count has it printed
    assert len(numbers) == int((np.asarray(image) > 0).sum())
    # the dots are named beside the scale (a legend drifted above tall charts); counts are whole
    scale = fig.axes[1]
    assert ax.get_legend() is None and "圆点" in scale.get_ylabel()
    assert all(float(v).is_integer() for v in scale.get_yticks())
    plt.close(fig)


def test_county_coverage_of_one_issue_is_bars_with_what_the_county_wrote():
    coverage = _coverage(1).assign(records_written=[2, 0, 0], mentions=[5, 3, 1])
    fig = charts.plot_county_coverage(coverage)
    assert _bars(fig.axes[0]) == {"磐石市（吉林市）": 5, "蛟河市（吉林市）": 3, "舒兰市（吉林市）": 1}
    assert any("供稿 2 篇" in t.get_text() for t in fig.axes[0].texts)
    assert "没有" in charts.plot_county_coverage(coverage.iloc[:0]).axes[0].texts[0].get_text()
