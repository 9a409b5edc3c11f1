"""Document-term table → term frequencies per issue, column and article."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_utils as cu

# a hand-made table for the tiny issue (see conftest): terms as a tokenizer might give them
TINY_DTM = pd.DataFrame(
    [(1, "组工论坛", "党建联盟", 2), (1, "组工论坛", "基层治理", 2), (2, "组工论坛", "担当作为", 2),
     (2, "组工论坛", "干部", 1), (3, "城市党建", "党建联盟", 1)],
    columns=["article_id", "column", "term", "count"],
)  # fmt: skip


def test_frequencies_by_column_by_hand(tiny_issue):
    got = cu.term_frequencies(tiny_issue, by="column", dtm=TINY_DTM)
    assert got[["column", "term", "count", "doc_freq", "n_docs", "n_chars"]].values.tolist() == [
        ["组工论坛", "党建联盟", 2, 1, 2, 43],  # ties broken by term
        ["组工论坛", "基层治理", 2, 1, 2, 43],
        ["组工论坛", "担当作为", 2, 1, 2, 43],
        ["组工论坛", "干部", 1, 1, 2, 43],
        ["城市党建", "党建联盟", 1, 1, 1, 7],
    ]
    assert got["per_10k"].tolist() == pytest.approx([2 / 43e-4, 2 / 43e-4, 2 / 43e-4, 1 / 43e-4, 1 / 7e-4])


def test_frequencies_by_issue_and_article_by_hand(tiny_issue):
    issue = cu.term_frequencies(tiny_issue, by="issue", dtm=TINY_DTM).set_index("term")
    assert issue.loc["党建联盟", ["count", "doc_freq", "n_docs", "n_chars"]].tolist() == [3, 2, 3, 50]
    assert issue.loc["党建联盟", "per_10k"] == pytest.approx(600.0)  # 3 of 50 characters
    article = cu.term_frequencies(tiny_issue, by="article", dtm=TINY_DTM)
    assert article[article.article_id == 2][["term", "count", "n_chars"]].values.tolist() == [
        ["担当作为", 2, 15],
        ["干部", 1, 15],
    ]


def test_frequencies_by_issue_column_and_article_agree_on_the_seed(seed_issue):
    dtm = cu.document_terms(seed_issue)
    issue = cu.term_frequencies(seed_issue, by="issue", dtm=dtm).set_index("term")
    column = cu.term_frequencies(seed_issue, by="column", dtm=dtm)
    article = cu.term_frequencies(seed_issue, by="article", dtm=dtm)
    for grouped in (column, article):
        assert grouped.groupby("term")["count"].sum().sort_index().equals(issue["count"].sort_index())
    assert issue["doc_freq"].sort_index().equals(article.groupby("term").size().sort_index())
    assert column.groupby("column")["n_chars"].first().sum() == issue["n_chars"].iloc[0]
