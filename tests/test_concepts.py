"""Concepts: groups of terms counted literally over the rebuilt text, by hand on a tiny issue."""

from __future__ import annotations

import pytest

import corpus_utils as cu


@pytest.fixture
def concepts_file(tmp_path):
    path = tmp_path / "concepts.toml"
    path.write_text(
        '["基层治理"]\nterms = ["党建联盟", "基层治理", "联盟"]\n\n["担当"]\nterms = ["re:担当作?为", "干部"]\n',
        encoding="utf-8",
    )
    return path


def test_concept_counts_by_hand(tiny_issue, concepts_file):
    got = cu.concept_counts(tiny_issue, cu.read_concepts(concepts_file)).set_index(["concept", "article_id"])
    # #1: 党建联盟 ×2, 基层治理 ×2 (联盟 inside 党建联盟 is not counted again); #3: 党建联盟 ×1
    assert got["count"].to_dict() == {
        ("基层治理", 1): 4, ("基层治理", 2): 0, ("基层治理", 3): 1,
        ("担当", 1): 0, ("担当", 2): 3, ("担当", 3): 0,  # 干部, 担当作为 ×2 by the pattern
    }  # fmt: skip
    assert got.loc[("基层治理", 1), "per_10k"] == pytest.approx(4 / 28 * 10_000)


def test_concepts_by_column_by_hand(tiny_issue, concepts_file):
    got = cu.concepts_by_column(tiny_issue, cu.read_concepts(concepts_file))
    assert got[["concept", "column", "count", "n_chars"]].values.tolist() == [
        ["基层治理", "组工论坛", 4, 43],
        ["基层治理", "城市党建", 1, 7],
        ["担当", "组工论坛", 3, 43],
        ["担当", "城市党建", 0, 7],
    ]


def test_a_bad_concepts_file_names_the_file_and_the_concept(tmp_path):
    bad = tmp_path / "c.toml"
    bad.write_text('["空"]\nterms = []\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.toml: \[空\] terms: must list at least 1"):
        cu.read_concepts(bad)
    bad.write_text('["坏"]\nterms = ["re:(未闭合"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.toml: \[坏\]: 're:\(未闭合': missing \)"):
        cu.read_concepts(bad)
    bad.write_text("[基层治理]\nterms = ['x']\n", encoding="utf-8")  # unquoted Chinese key
    with pytest.raises(ValueError, match=r"c\.toml: not valid TOML \(Invalid"):
        cu.read_concepts(bad)


def test_the_project_s_concepts_read_and_count_on_the_seed(seed_issue):
    by_column = cu.concepts_by_column(seed_issue).set_index(["concept", "column"])["count"]
    assert by_column[("基层治理", "城市党建")] > 100 and by_column[("整顿软弱涣散", "农村党建")] > 100
