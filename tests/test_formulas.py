"""Numbered formulas: found quoted or not, counted once per stretch of text, per record, column
and issue, with the members the text spells out; counts worked by hand on inline texts and
checked against a literal count on the seed."""

from __future__ import annotations

import re

import pytest
from inline import inline_corpus

import corpus_utils as cu
from corpus_utils.analyses.formulas import formula_matrix, formula_occurrences, numbered

TEXTS = [
    # 1 (组工论坛): 四个意识 ×2 (one quoted), 两个维护 ×1, 三个代表重要思想 → 三个代表 ×1
    {"text": "增强“四个意识”，做到两个维护。牢固树立四个意识，践行三个代表重要思想。", "column": "组工论坛"},
    # 2 (农村党建): 三会一课 ×1 (not also a 三会), 三会 ×1 alone, 十九大 is no formula
    {"text": "落实三会一课制度，开好“三会”。学习十九大精神。", "column": "农村党建"},
    # 3 (农村党建): none
    {"text": "从八个方面入手，村里修了三条路。", "column": "农村党建"},
]


@pytest.fixture
def corpus():
    return inline_corpus(TEXTS)


def test_numbered_names_the_members_and_their_word():
    assert numbered("四个意识") == (4, "意识")
    assert numbered("十四个坚持") == (14, "坚持")
    assert numbered("三大攻坚战") == (3, "攻坚战")
    assert numbered("五位一体") is None and numbered("一个月") is None


def test_occurrences_read_left_to_right_longest_first():
    got = formula_occurrences("三会一课和三会，三会一课。", ["三会", "三会一课"])
    assert got == {"三会一课": 2, "三会": 1}
    assert formula_occurrences("“四个意识”与四个意识", ["四个意识"], quoted=True) == {"四个意识": 1}


def test_counts_by_hand(corpus):
    formulas = ["四个意识", "两个维护", "三个代表", "三会一课", "三会"]
    table = cu.formula_counts(corpus, formulas)
    assert table[["formula", "article_id", "column", "count", "quoted"]].values.tolist() == [
        ["四个意识", 1, "组工论坛", 2, 1],
        ["两个维护", 1, "组工论坛", 1, 0],
        ["三个代表", 1, "组工论坛", 1, 0],
        ["三会一课", 2, "农村党建", 1, 0],
        ["三会", 2, "农村党建", 1, 1],
    ]
    n1 = sum(not c.isspace() for c in TEXTS[0]["text"])
    assert table.loc[0, "per_10k"] == pytest.approx(2 / n1 * 10_000)
    by_column = cu.formula_counts(corpus, formulas, by="column", zeros=True)
    assert by_column.set_index(["formula", "column"])["count"].to_dict() == {
        ("四个意识", "组工论坛"): 2, ("四个意识", "农村党建"): 0,
        ("两个维护", "组工论坛"): 1, ("两个维护", "农村党建"): 0,
        ("三个代表", "组工论坛"): 1, ("三个代表", "农村党建"): 0,
        ("三会一课", "组工论坛"): 0, ("三会一课", "农村党建"): 1,
        ("三会", "组工论坛"): 0, ("三会", "农村党建"): 1,
    }  # fmt: skip


def test_the_inventory_finds_known_quoted_and_spelled_out_formulas(corpus):
    inventory = cu.formula_inventory(corpus).set_index("formula")
    # known from formulations.toml: 四个意识, 两个维护 (编号提法), 三个代表 (理论, numbered),
    # 三会一课; 三会 because the text quotes it; 三个代表重要思想 counts as 三个代表; no 十九大
    assert {"四个意识", "两个维护", "三个代表", "三会一课", "三会"} <= set(inventory.index)
    assert "三个代表重要思想" not in inventory.index and "十九大" not in inventory.index
    assert inventory.loc["三会", "source"] == "quoted in the text"
    assert inventory.loc["四个意识", ["count", "n", "head"]].tolist() == [2, 4, "意识"]
    assert "八个方面" in set(cu.formula_candidates(corpus)["candidate"])  # a quantity, for review only


def test_a_new_formula_is_counted_where_its_members_are_spelled_out():
    corpus = inline_corpus(
        [{"text": "坚持五个坚持，即坚持政治引领、坚持问题导向、坚持系统观念、坚持从严从实和坚持守正创新。"}]
    )
    inventory = cu.formula_inventory(corpus)
    row = inventory[inventory["formula"] == "五个坚持"]
    assert row["source"].tolist() == ["members spelled out"] and row["count"].tolist() == [1]


@pytest.mark.parametrize(
    ("text", "formula", "members", "shape"),
    [
        (
            "坚持“五个强化”，即强化政治引领、强化正确导向、强化正向激励、强化监督管理、强化实践锻炼，激发活力。",
            "五个强化",
            "强化政治引领、强化正确导向、强化正向激励、强化监督管理、强化实践锻炼",
            "after",
        ),
        (
            "为压实责任，建立定期调查、情况专报和月通报三项制度，跟踪问效。",
            "三项制度",
            "定期调查、情况专报、月通报",
            "before",
        ),
        (
            "要注意抓“四个到位”：一是抓思想认识到位，把学习贯穿始终。二是抓检视问题到位，找准问题。"
            "三是抓整改落实到位，对症下药。四是抓组织领导到位，带头学习。",
            "四个到位",
            "抓思想认识到位、抓检视问题到位、抓整改落实到位、抓组织领导到位",
            "enumerated",
        ),
        (
            "全体干部牢固树立政治意识、大局意识、核心意识和看齐意识，坚决维护权威。",
            "四个意识",
            "政治意识、大局意识、核心意识、看齐意识",
            "same head",
        ),
    ],
)
def test_members_by_hand(text, formula, members, shape):
    got = cu.formula_members(inline_corpus([{"text": text}]), [formula])
    assert got[["formula", "members", "shape"]].values.tolist() == [[formula, members, shape]]


@pytest.mark.parametrize(
    "text",
    [
        "增强“四个意识”、坚定“四个自信”、做到“两个维护”。",  # quoted neighbours are no list of members
        "政治意识、大局意识、核心意识，还有担当意识、看齐意识。",  # five items sharing 意识, not four
        "要抓“四个到位”：一是抓学习到位。二是抓整改到位。三是抓落实到位。",  # three items for four
    ],
)
def test_no_members_where_the_count_or_the_shape_does_not_fit(text):
    assert cu.formula_members(inline_corpus([{"text": text}]), ["四个意识", "两个维护", "四个到位"]).empty


def test_trends_across_issues():
    corpus = inline_corpus(
        [{"issue_id": "001", "text": "增强四个意识。"}, {"issue_id": "002", "text": "增强四个意识，增强“四个意识”。"}],
        issues=["001", "002"],
    )
    trends = cu.formula_trends(corpus, ["四个意识"])
    assert trends[["issue_id", "label", "formula", "count", "quoted", "n_articles"]].values.tolist() == [
        ["001", "2020年第1期", "四个意识", 1, 0, 1],
        ["002", "2020年第2期", "四个意识", 2, 1, 1],
    ]


def test_on_the_seed_each_count_is_the_literal_count_less_the_longer_formulas(seed_issue):
    corpus = cu.Corpus.from_issue(seed_issue)
    inventory = cu.formula_inventory(corpus)
    formulas = list(inventory["formula"])
    matrix = formula_matrix(corpus, formulas)
    texts = corpus.records["text"].tolist()
    for j, formula in enumerate(formulas):
        longer = [f for f in formulas if formula in f and f != formula]
        literal = sum(t.count(formula) for t in texts) - sum(
            t.count(g) * g.count(formula) for t in texts for g in longer
        )
        assert int(matrix.counts[:, j].sum()) == literal, formula
    counts = inventory.set_index("formula")["count"]
    # the issue's own: 四个意识, 四个自信, 两个维护 three times each, all quoted in the seed
    assert counts[["四个意识", "四个自信", "两个维护", "三大攻坚战"]].tolist() == [3, 3, 3, 3]
    quoted = cu.formula_counts(corpus, formulas).groupby("formula")["quoted"].sum()
    assert quoted["四个意识"] == len(re.findall("“四个意识”", "".join(texts)))
