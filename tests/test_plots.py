"""Charts: each draws the numbers of its table, in the shipped font, titled in Chinese; saved
as PNG (≥200 dpi) and SVG; missing glyphs are errors; word clouds are deterministic."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from PIL import Image

import corpus_utils as cu
from corpus_utils import charts
from corpus_utils.charts.fonts import FONT_NAME, MissingGlyphError, check_glyphs, font_path, missing_glyphs
from corpus_utils.charts.style import NO_RECORDS

pytestmark = pytest.mark.usefixtures("figures_in_tmp")


def test_the_font_is_an_installed_noto_sans_sc_with_the_seed_s_characters(seed_issue):
    assert font_path().name == "NotoSansSC-Regular.otf"
    with charts.report_style_context():
        assert plt.rcParams["font.family"] == [FONT_NAME]
    text = "".join(seed_issue.articles.text) + "".join(seed_issue.articles.title.dropna())
    assert missing_glyphs(text) == []


def test_a_missing_glyph_is_an_error_not_a_box(tmp_path):
    assert missing_glyphs("党建𠀀联盟") == ["𠀀"]
    with pytest.raises(MissingGlyphError, match="U\\+20000"):
        check_glyphs("党建𠀀联盟")
    fig, ax = plt.subplots()
    ax.set_title("党建𠀀联盟")
    with pytest.raises(MissingGlyphError):
        cu.save_figure(fig, "x", "bad")
    assert not (tmp_path / "x" / "bad.png").exists()


def test_charts_are_saved_as_png_at_200_dpi_and_svg(seed_issue, tmp_path):
    fig = charts.plot_column_sizes(cu.column_overview(seed_issue), issue="2019年第11期")
    png, svg = cu.save_figure(fig, seed_issue.issue_id, "01_column_sizes")
    assert png == tmp_path / seed_issue.issue_id / "01_column_sizes.png" and svg.suffix == ".svg"
    dpi = Image.open(png).info["dpi"]
    assert round(dpi[0]) >= 200
    assert "各栏目篇数与字数" in fig._suptitle.get_text() and "2019年第11期" in fig._suptitle.get_text()
    assert svg.read_text(encoding="utf-8").startswith("<?xml")


def _chinese_title(fig) -> bool:
    titles = [fig._suptitle.get_text()] if fig._suptitle else []
    titles += [ax.get_title(loc="left") or ax.get_title() for ax in fig.axes]
    return any(any("\u4e00" <= c <= "\u9fff" for c in t) for t in titles)


def _bars(ax) -> dict[str, float]:
    """A horizontal bar chart's bars: label → length."""
    labels = [t.get_text() for t in ax.get_yticklabels()]
    return {labels[round(b.get_y() + b.get_height() / 2)]: b.get_width() for b in ax.patches}


def test_top_terms_draw_each_column_s_top_terms_as_rates_on_one_scale(seed_issue):
    freq = cu.term_frequencies(seed_issue, by="column")
    fig = charts.plot_top_terms(freq, n=5)
    assert _chinese_title(fig)
    columns = list(dict.fromkeys(freq["column"]))
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in panels] == columns
    assert len({ax.get_xlim() for ax in panels}) == 1  # one scale for every panel
    for ax, column in zip(panels, columns, strict=True):
        top = freq[freq["column"] == column].nlargest(5, "count")
        assert _bars(ax) == pytest.approx(dict(zip(top["term"], top["per_10k"], strict=True))), column
        assert sorted(int(t.get_text()) for t in ax.texts) == sorted(top["count"])  # counts at the bar ends


def test_top_terms_as_counts_have_whole_number_ticks(seed_issue):
    fig = charts.plot_top_terms(cu.term_frequencies(seed_issue, by="column"), n=5, value="count")
    fig.canvas.draw()
    ticks = fig.axes[0].get_xticks()
    assert all(float(t).is_integer() for t in ticks)


def test_the_keyness_heatmap_colours_the_g2_of_each_picked_cell(seed_issue):
    table = cu.keyness(seed_issue)
    fig = charts.plot_keyness_heatmap(table, n=3)
    assert _chinese_title(fig)
    ax = fig.axes[0]
    grid = ax.collections[0].get_array()  # one coloured quad per cell
    terms = [t.get_text() for t in ax.get_yticklabels()]
    columns = [t.get_text() for t in ax.get_xticklabels()]
    assert grid.shape == (len(terms), len(columns)) and len(terms) > 3
    g2 = table.set_index(["term", "column"])["g2"]
    for i, term in enumerate(terms):
        for j, column in enumerate(columns):
            want = g2.get((term, column), np.nan)
            assert (np.isnan(want) and np.ma.is_masked(grid[i, j])) or grid[i, j] == pytest.approx(want)


def test_tfidf_bars_are_the_column_s_top_scores(seed_issue):
    top = cu.top_tfidf_terms(seed_issue, by="column", n=5)
    fig = charts.plot_tfidf_terms(top)
    assert _chinese_title(fig)
    column = top["column"].iloc[0]
    rows = top[top["column"] == column]
    assert _bars(fig.axes[0]) == pytest.approx(dict(zip(rows["term"], rows["tfidf"], strict=True)))


def test_phrase_counts_colour_rates_and_print_counts(seed_issue):
    by_column = cu.phrase_counts_by_column(seed_issue, ["党建联盟", "担当作为"])
    fig = charts.plot_phrase_counts(by_column)
    assert _chinese_title(fig)
    ax = fig.axes[0]
    rate = by_column.pivot(index="phrase", columns="column", values="per_10k")
    count = by_column.pivot(index="phrase", columns="column", values="count")
    columns = [t.get_text() for t in ax.get_xticklabels()]
    phrases = [t.get_text() for t in ax.get_yticklabels()]
    assert phrases == ["党建联盟", "担当作为"]
    # colour: the rate, a column shorter than the median column counted at the median's length
    sizes = by_column.drop_duplicates("column").set_index("column")["n_chars"]
    length = np.maximum(sizes[columns].to_numpy(), sizes.median())
    shrunk = count.loc[phrases, columns].to_numpy() / length * 10_000
    np.testing.assert_allclose(ax.collections[0].get_array(), shrunk)
    longer = sizes[columns].to_numpy() >= sizes.median()  # the long columns keep their own rate
    np.testing.assert_allclose(shrunk[:, longer], rate.loc[phrases, columns].to_numpy()[:, longer])
    assert (~longer).any()  # and the seed has short columns, whose one occurrence no longer sets the scale
    printed = [int(t.get_text()) for t in ax.texts]
    assert printed == count.loc[phrases, columns].to_numpy().ravel().tolist()


def test_the_dispersion_plot_has_one_tick_per_occurrence(seed_issue):
    positions = cu.phrase_positions(seed_issue, ["党建联盟", "担当作为"])
    fig = charts.plot_phrase_dispersion(positions)
    assert _chinese_title(fig)
    ticks = [len(c.get_offsets()) for c in fig.axes[0].collections]
    assert ticks == positions.groupby("phrase", sort=False).size().tolist()
    assert sum(ticks) == len(positions) > 0


def test_the_dispersion_axis_spans_the_issue_s_printed_pages_in_whole_pages(seed_issue):
    positions = cu.phrase_positions(seed_issue, ["党建联盟"])
    first = seed_issue.page_offset.offset
    fig = charts.plot_phrase_dispersion(positions, pages=(first, first + seed_issue.n_pages - 1))
    ax = fig.axes[0]
    assert ax.get_xlim() == (2.5, 48.5)  # printed pages 3–48, not just those with the phrase
    ticks = [t for t in ax.get_xticks() if 2.5 <= t <= 48.5]
    assert all(float(t).is_integer() for t in ticks)


def test_trends_of_one_issue_are_bars_of_each_phrase_s_rate(seed_issue):
    trends = cu.issue_trends([seed_issue], ["党建联盟", "担当作为"])
    fig = charts.plot_issue_trends(trends)
    assert _chinese_title(fig)
    assert _bars(fig.axes[0]) == pytest.approx(dict(zip(trends["phrase"], trends["per_10k"], strict=True)))


def test_trends_of_several_issues_are_one_line_per_phrase(seed_issue):
    other = cu.issue_trends([seed_issue], ["党建联盟"]).assign(issue_id="001", per_10k=1.0)
    trends = pd.concat([cu.issue_trends([seed_issue], ["党建联盟"]), other], ignore_index=True)
    fig = charts.plot_issue_trends(trends)
    (line,) = fig.axes[0].lines
    assert line.get_ydata().tolist() == pytest.approx(trends["per_10k"].tolist())


def test_word_clouds_are_deterministic(seed_issue):
    freq = cu.term_frequencies(seed_issue, by="column")
    first, second = (charts.plot_wordclouds(freq, columns=["城市党建"]) for _ in range(2))
    a = first.axes[0].images[0].get_array()
    b = second.axes[0].images[0].get_array()
    assert np.array_equal(a, b)


def test_drawing_a_chart_leaves_the_user_s_rcparams_alone(seed_issue):
    with plt.rc_context({"font.family": ["serif"], "axes.grid": False}):
        before = dict(plt.rcParams)
        fig = charts.plot_column_sizes(cu.column_overview(seed_issue))
        cu.save_figure(fig, seed_issue.issue_id, "01_column_sizes")
        assert dict(plt.rcParams) == before
    assert fig.axes[0].yaxis.get_ticklabels()[0].get_fontfamily() == [FONT_NAME]  # yet the chart has its font


@pytest.fixture(scope="module")
def no_records(tmp_path_factory):
    """An issue file that reads but holds no article: two pages of stray lines."""
    import warnings

    path = tmp_path_factory.mktemp("empty") / "007_noart.txt"
    path.write_text(
        " 这是一页没有文章的文字，只有几句话。\n\n第二行文字也在这里。\n\n 第二页也只有零散的文字。\n", "utf-8"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        issue = cu.load_issue(path, cache=False)
    assert issue.articles.empty
    return issue


@pytest.mark.parametrize(
    "make",
    [
        lambda i: charts.plot_column_sizes(cu.column_overview(i)),
        lambda i: charts.plot_top_terms(cu.term_frequencies(i, by="column")),
        lambda i: charts.plot_tfidf_terms(cu.top_tfidf_terms(i, by="column")),
        lambda i: charts.plot_phrase_counts(cu.phrase_counts_by_column(i, ["党建"])),
        lambda i: charts.plot_wordclouds(cu.term_frequencies(i, by="column")),
    ],
    ids=["sizes", "top_terms", "tfidf", "phrase_counts", "wordclouds"],
)
def test_an_issue_without_records_gets_charts_that_say_so(no_records, make):
    fig = make(no_records)
    assert [t.get_text() for t in fig.axes[0].texts] == [NO_RECORDS]


def test_an_issue_without_records_gets_empty_tables_not_errors(no_records):
    assert cu.keyness(no_records).empty and list(cu.keyness(no_records).columns)[:2] == ["column", "term"]
    assert cu.top_tfidf_terms(no_records, by="column").empty


def test_the_keyness_heatmap_marks_keywords_one_article_carries(seed_issue):
    table = cu.keyness(seed_issue)
    fig = charts.plot_keyness_heatmap(table, n=3)
    ax = fig.axes[0]
    terms = [t.get_text() for t in ax.get_yticklabels()]
    columns = [t.get_text() for t in ax.get_xticklabels()]
    rows = table.set_index(["term", "column"])
    for text in ax.texts:
        term, column = terms[round(text.get_position()[1])], columns[round(text.get_position()[0])]
        row = rows.loc[(term, column)]
        assert text.get_text().endswith("*") == (row.g2 > 0 and row.n_articles <= 1), (term, column)
    assert any(t.get_text().endswith("*") for t in ax.texts)


def test_trends_keep_their_width_and_name_issues_by_date_at_any_number_of_issues():
    def trends(n):
        return pd.DataFrame(
            [
                {
                    "issue_id": f"{k:03d}_x",
                    "label": f"{2000 + k // 12}年第{k % 12 + 1}期",
                    "phrase": p,
                    "per_10k": k + i,
                }
                for k in range(n)
                for i, p in enumerate(["担当作为", "党建联盟", "软弱涣散"])
            ]
        )

    small, big = charts.plot_issue_trends(trends(3)), charts.plot_issue_trends(trends(240))
    assert tuple(small.get_size_inches()) == tuple(big.get_size_inches())
    big.canvas.draw()
    ticks = [t.get_text() for t in big.axes[0].get_xticklabels() if t.get_text()]
    assert 2 <= len(ticks) <= 9 and all(t.endswith("期") for t in ticks)  # dates, never ids
    assert len(big.axes[0].lines) == 2  # the issues, and their rolling mean
    assert "各图纵轴刻度不同" in small._suptitle.get_text()  # three panels, each its own scale
    one = charts.plot_issue_trends(trends(3).query("phrase == '担当作为'"))
    assert "刻度" not in one._suptitle.get_text()  # one panel: no other scale to warn of


def test_period_keyness_bars_are_the_strongest_significant_g2_each_way():
    from corpus_utils.analyses.keyness import keyness_of_counts

    table = keyness_of_counts(
        {"新词": 40, "多用": 60, "少用": 5, "平常": 895}, {"多用": 20, "少用": 100, "平常": 3880}, min_count=5
    )
    fig = charts.plot_period_keyness(table, n=5)
    ax = fig.axes[0]
    shown = dict(zip([t.get_text() for t in ax.get_yticklabels()], [b.get_width() for b in ax.patches], strict=True))
    sig = table[table.p_adj < 0.05].set_index("term")["g2"]
    assert shown == pytest.approx({("新词（新）" if t == "新词" else t): g for t, g in sig.items()})
    assert "（新）：参照各期没有" in ax.get_xlabel() and "（无）" not in ax.get_xlabel()
    assert charts.plot_period_keyness(table.iloc[0:0]).axes[0].texts  # nothing to compare: it says so


def test_period_keywords_one_article_carries_are_marked_and_the_mark_explained(figures_in_tmp):
    from corpus_utils.analyses.keyness import keyness_of_counts

    table = keyness_of_counts(
        {"多用": 60, "少用": 5, "平常": 935}, {"多用": 20, "少用": 100, "平常": 3880}, min_count=5
    )
    table["top_share"] = [0.6 if t == "多用" else 0.2 for t in table["term"]]
    ax = charts.plot_period_keyness(table, n=5).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["少用", "平常", "多用 *"]  # 平常 is under-used here
    assert "*：" in ax.get_xlabel()
    assert "（新）" not in ax.get_xlabel() and "（无）" not in ax.get_xlabel()  # no such mark shown: none explained
    table["top_share"] = 0.49
    ax = charts.plot_period_keyness(table, n=5).axes[0]
    assert "多用" in [t.get_text() for t in ax.get_yticklabels()] and "*" not in ax.get_xlabel()


def test_ten_thousand_phrases_make_a_chart_of_forty_rows_that_says_so(figures_in_tmp):
    phrases = [f"短语{k}" for k in range(10_000)]
    by_column = pd.DataFrame({"phrase": phrases, "column": "组工论坛", "count": 1, "n_chars": 100, "per_10k": 100.0})
    fig = charts.plot_phrase_counts(by_column)
    assert fig.get_size_inches()[1] < 0.5 * 40 + 2 and len(fig.axes[0].get_yticks()) == 40
    assert "共 10,000 项" in fig.axes[0].get_title(loc="left")
    positions = pd.DataFrame({"phrase": phrases, "page": 3, "position": 0.5})
    fig = charts.plot_phrase_dispersion(positions)
    assert len(fig.axes[0].get_yticks()) == 40 and "共 10,000 项" in fig.axes[0].get_title(loc="left")


def test_dated_issues_stand_at_their_dates_on_a_trend_and_undated_ones_a_step_apart(figures_in_tmp):
    """Issues 4 and 6 months apart are drawn 4 and 6 months apart, each tick named by its label."""
    dates = ["2020-03-01", "2020-07-01", "2021-01-01"]
    trends = pd.DataFrame(
        {
            "issue_id": ["a", "b", "c"] * 2,
            "label": ["2020年第3期", "2020年第7期", "2021年第1期"] * 2,
            "date": dates * 2,
            "phrase": ["担当作为"] * 3 + ["党建联盟"] * 3,
            "per_10k": [1.0, 2.0, 3.0, 0.0, 1.0, 0.0],
        }
    )
    ax = charts.plot_issue_trends(trends).axes[0]
    x = ax.lines[0].get_xdata()
    assert (x[1] - x[0]) / (x[2] - x[1]) == pytest.approx(4 / 6, rel=0.03)  # 122 days against 184
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2020年第3期", "2020年第7期", "2021年第1期"]
    assert list(ax.get_xticks()) == pytest.approx(list(x))
    undated = charts.plot_issue_trends(trends.drop(columns="date")).axes[0]
    assert list(undated.lines[0].get_xdata()) == [0.0, 1.0, 2.0]
