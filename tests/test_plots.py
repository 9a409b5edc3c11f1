"""Charts: Chinese drawn with the shipped font, titled, saved as PNG (≥200 dpi) and SVG;
missing glyphs are errors; word clouds are deterministic."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

import corpus_utils as cu
from corpus_utils import plots
from corpus_utils.fonts import FONT_NAME, MissingGlyphError, check_glyphs, font_path, missing_glyphs


@pytest.fixture(autouse=True)
def _figures_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_UTILS_FIGURES", str(tmp_path))
    yield
    plt.close("all")


def test_the_font_is_an_installed_noto_sans_sc_with_the_seed_s_characters(seed_issue):
    assert font_path().name == "NotoSansSC-Regular.otf"
    with plots.report_style_context():
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
    fig = plots.plot_column_sizes(cu.column_overview(seed_issue), issue_id=seed_issue.issue_id)
    png, svg = cu.save_figure(fig, seed_issue.issue_id, "01_column_sizes")
    assert png == tmp_path / seed_issue.issue_id / "01_column_sizes.png" and svg.suffix == ".svg"
    dpi = Image.open(png).info["dpi"]
    assert round(dpi[0]) >= 200
    assert "各栏目篇数与字数" in fig._suptitle.get_text()
    assert svg.read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.parametrize(
    "make",
    [
        lambda i: plots.plot_top_terms(cu.term_frequencies(i, by="column"), n=5),
        lambda i: plots.plot_keyness_heatmap(cu.keyness(i)),
        lambda i: plots.plot_tfidf_terms(cu.top_tfidf_terms(i, by="column", n=5)),
        lambda i: plots.plot_phrase_counts(cu.phrase_counts_by_column(i)),
        lambda i: plots.plot_phrase_dispersion(cu.phrase_positions(i)),
        lambda i: plots.plot_issue_trends(cu.issue_trends([i])),
    ],
    ids=["top_terms", "keyness", "tfidf", "phrase_counts", "dispersion", "trends"],
)
def test_every_chart_has_a_chinese_title_and_saves(seed_issue, make):
    fig = make(seed_issue)
    titles = [fig._suptitle.get_text()] if fig._suptitle else []
    titles += [ax.get_title(loc="left") or ax.get_title() for ax in fig.axes]
    assert any(any("\u4e00" <= c <= "\u9fff" for c in t) for t in titles)
    cu.save_figure(fig, seed_issue.issue_id, "chart")


def test_word_clouds_are_deterministic(seed_issue):
    freq = cu.term_frequencies(seed_issue, by="column")
    first, second = (plots.plot_wordclouds(freq, columns=["城市党建"]) for _ in range(2))
    a = first.axes[0].images[0].get_array()
    b = second.axes[0].images[0].get_array()
    assert np.array_equal(a, b)


def test_drawing_a_chart_leaves_the_user_s_rcparams_alone(seed_issue):
    with plt.rc_context({"font.family": ["serif"], "axes.grid": False}):
        before = dict(plt.rcParams)
        fig = plots.plot_column_sizes(cu.column_overview(seed_issue))
        cu.save_figure(fig, seed_issue.issue_id, "01_column_sizes")
        assert dict(plt.rcParams) == before
    assert fig.axes[0].yaxis.get_ticklabels()[0].get_fontfamily() == [FONT_NAME]  # yet the chart has its font
