"""Recurring phrases: counts, rates, positions and KWIC over the rebuilt text, worked by hand
on a tiny issue and checked against the raw text on the seed."""

from __future__ import annotations

import re

import pytest

import corpus_utils as cu


def test_functions_given_no_phrases_follow_the_project_list(tiny_issue, tmp_path, monkeypatch):
    mine = tmp_path / "phrases.txt"
    mine.write_text("# followed\n担当作为\n", encoding="utf-8")
    monkeypatch.setattr(cu.analyses.recurring, "phrases_file", lambda: mine)
    assert cu.followed_phrases() == ["担当作为"]
    assert set(cu.phrase_counts(tiny_issue)["phrase"]) == {"担当作为"}
    mine.write_text("# nothing followed\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"phrases\.txt: the list of phrases to follow is empty"):
        cu.followed_phrases()


def test_phrase_counts_by_hand(tiny_issue):
    got = cu.phrase_counts(tiny_issue, ["党建联盟", "担当作为"])
    assert got[["phrase", "article_id", "column", "count"]].values.tolist() == [
        ["党建联盟", 1, "组工论坛", 2],  # one of them split by a line wrap: 党建联盟推|动发展
        ["党建联盟", 3, "城市党建", 1],
        ["担当作为", 2, "组工论坛", 2],
    ]
    assert got["per_10k"].tolist() == pytest.approx([2 / 28e-4, 1 / 7e-4, 2 / 15e-4])


def test_phrase_counts_by_column_by_hand(tiny_issue):
    got = cu.phrase_counts_by_column(tiny_issue, ["党建联盟", "担当作为"])
    assert got[["phrase", "column", "count", "n_chars"]].values.tolist() == [
        ["党建联盟", "组工论坛", 2, 43],
        ["党建联盟", "城市党建", 1, 7],
        ["担当作为", "组工论坛", 2, 43],
        ["担当作为", "城市党建", 0, 7],
    ]
    assert got["per_10k"].tolist() == pytest.approx([2 / 43e-4, 1 / 7e-4, 2 / 43e-4, 0.0])


def test_kwic_by_hand(tiny_issue):
    lines = cu.kwic(tiny_issue, "担当作为", width=2)
    assert lines[["article_id", "page", "left", "keyword", "right"]].values.tolist() == [
        [2, 2, "干部", "担当作为", "，担"],
        [2, 2, "为，", "担当作为", "见行"],
    ]
    assert set(lines["title"]) == {"激励干部担当作为"}


def test_positions_by_hand(tiny_issue):
    pos = cu.phrase_positions(tiny_issue, ["党建联盟"])
    # 50 body characters in reading order: 党建联盟 at 0 and 11 of #1 (after 党建联盟引领基层治理，),
    # and at 0 of #3, which starts after 28 + 15 = 43
    assert pos["position"].tolist() == pytest.approx([0 / 50, 11 / 50, 43 / 50])
    assert pos["page"].tolist() == [1, 1, 3]


def test_the_seed_s_followed_phrase_counts(seed_issue):
    """The one seed test of these numbers: counted over the raw text with wraps undone, minus
    what lies in titles, headers and bylines (metadata) and in the leftovers."""
    solid = re.sub(r"\s", "", seed_issue.text)
    outside = re.sub(r"\s", "", "".join(seed_issue.metadata.text) + "".join(seed_issue.leftovers.text))
    phrases = ["担当作为", "党建联盟", "软弱涣散", "不忘初心", "主题教育"]  # named here, not read from the user's list
    counts = cu.phrase_counts(seed_issue, phrases).groupby("phrase")["count"].sum()
    for phrase in phrases:
        assert counts[phrase] == solid.count(phrase) - outside.count(phrase), phrase
    assert counts.to_dict() == {"担当作为": 23, "党建联盟": 98, "软弱涣散": 97, "不忘初心": 13, "主题教育": 13}


def test_phrase_counts_table_shape_and_rates_on_the_seed(seed_issue):
    table = cu.phrase_counts(seed_issue, ["担当作为"])
    texts = seed_issue.articles.set_index("article_id")["text"]
    assert table["count"].tolist() == [texts[a].count("担当作为") for a in table["article_id"]]
    assert set(texts.index[texts.str.contains("担当作为")]) == set(table["article_id"])
    n_chars = seed_issue.articles.set_index("article_id").loc[table.article_id.iloc[0], "n_chars"]
    assert table.per_10k.iloc[0] == pytest.approx(table["count"].iloc[0] / n_chars * 10_000)


def test_kwic_gives_article_column_and_printed_page(seed_issue):
    lines = cu.kwic(seed_issue, "党建联盟", width=8)
    assert len(lines) == seed_issue.articles["text"].str.count("党建联盟").sum()
    assert set(lines.column) == {"城市党建"}
    first = lines.iloc[0]
    assert (first.page, first.left, first.right) == (17, "《吉林市城市基层", "工作法》，实施党")
    continued = cu.kwic(seed_issue, "围着块块转")  # on page 16, the continuation of a page-25 article
    assert continued.iloc[0].page == 16 and continued.iloc[0].title == "党建联盟 为城市基层党建注入新活力"


def test_phrase_positions_follow_the_pages(seed_issue):
    pos = cu.phrase_positions(seed_issue, ["软弱涣散"])
    assert len(pos) == seed_issue.articles["text"].str.count("软弱涣散").sum()
    assert pos.position.between(0, 1).all() and pos.position.is_monotonic_increasing
    assert set(pos.page) <= set(range(3, 49))


def test_quoted_slogans_and_formulas(seed_issue):
    slogans = cu.quoted_phrase_counts(seed_issue).set_index("phrase")
    assert slogans.loc["不忘初心、牢记使命", "count"] == 10
    assert slogans.loc["五个强化", "formula"]
    assert slogans.loc["吹哨报到", "n_articles"] == 1


def test_kwic_takes_a_regular_expression_and_sorts_by_either_context(tiny_issue):
    lines = cu.kwic(tiny_issue, r"党建联盟|担当作为", regex=True, width=2)
    assert lines["keyword"].tolist() == ["党建联盟", "党建联盟", "担当作为", "担当作为", "党建联盟"]
    by_right = cu.kwic(tiny_issue, "担当作为", width=2, sort="right")
    assert by_right["right"].tolist() == sorted(by_right["right"])
    by_left = cu.kwic(tiny_issue, r"党建联盟|担当作为", regex=True, width=2, sort="left")
    nearest = [left[::-1] for left in by_left["left"]]
    assert nearest == sorted(nearest)  # the character next to the keyword decides first
    with pytest.raises(ValueError, match="sort must be"):
        cu.kwic(tiny_issue, "党建联盟", sort="middle")
