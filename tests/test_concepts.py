"""Concepts: groups of terms counted literally over the rebuilt text, by hand on a tiny issue."""

from __future__ import annotations

import pytest
import regex

import corpus_utils as cu
from corpus_utils.analyses.concepts import JOINED
from corpus_utils.corpus.corpus import matches


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
        ("担当", 1): 0, ("担当", 2): 2, ("担当", 3): 0,  # 干部担当作为 is one mention, 担当作为 another
    }  # fmt: skip
    assert got.loc[("基层治理", 1), "per_10k"] == pytest.approx(4 / 28 * 10_000)


def test_concepts_by_column_by_hand(tiny_issue, concepts_file):
    got = cu.concepts_by_column(tiny_issue, cu.read_concepts(concepts_file))
    assert got[["concept", "column", "count", "n_chars"]].values.tolist() == [
        ["基层治理", "组工论坛", 4, 43],
        ["基层治理", "城市党建", 1, 7],
        ["担当", "组工论坛", 2, 43],
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


def test_a_mention_is_counted_once_however_many_terms_of_the_concept_it_holds():
    pattern = regex.compile("基层治理|基层|治理")  # as read_concepts writes it: longest first
    text = "推进基层治理，夯实基层，完善治理体系，基层与治理并重。"
    # 基层治理 (longest wins, not 基层 + 治理), 基层, 治理, 基层与治理 (joined by 与): 4 mentions
    assert matches(pattern, text, joined_by=JOINED) == 4
    # without the joining rule the same pattern finds 5 matches, never 基层 inside 基层治理
    assert matches(pattern, text) == 5


def test_prefix_overlapping_terms_count_one_mention_each_on_an_issue(tmp_path):
    from synthetic import SynArticle, build_issue

    text = build_issue(
        [
            SynArticle(
                "组工论坛", ["基层治理的路径"], "张三", ["抓基层治理，强基层，优治理。", "不忘初心、牢记使命。"]
            ),
            SynArticle("城市党建", ["城市党建新路径"], "王五", ["整顿软弱涣散，整顿到位。"]),
        ]
    )
    path = tmp_path / "overlap.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.warns(UserWarning):
        issue = cu.load_issue(path, cache=False)
    concepts_path = tmp_path / "concepts.toml"
    concepts_path.write_text(
        '["治理"]\nterms = ["基层", "基层治理", "治理"]\n["初心"]\nterms = ["不忘初心", "牢记使命"]\n'
        '["整顿"]\nterms = ["整顿", "软弱涣散"]\n',
        encoding="utf-8",
    )
    concepts = cu.read_concepts(concepts_path)
    mentions = cu.concept_counts(issue, concepts).set_index(["concept", "article_id"])["count"].to_dict()
    assert mentions == {("治理", 1): 3, ("治理", 2): 0, ("初心", 1): 1, ("初心", 2): 0, ("整顿", 1): 0, ("整顿", 2): 2}
    records = cu.concept_counts(issue, concepts, unit="record").set_index(["concept", "article_id"])["count"]
    assert records.to_dict() == {
        ("治理", 1): 1,
        ("治理", 2): 0,
        ("初心", 1): 1,
        ("初心", 2): 0,
        ("整顿", 1): 0,
        ("整顿", 2): 1,
    }
