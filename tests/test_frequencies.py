"""The document-term matrix → term frequencies per issue, column and article, or any grouping."""

from __future__ import annotations

import pytest

import corpus_utils as cu
from corpus_utils.corpus.dtm import matrix_from_counts

# hand-made counts for the tiny issue's three records (see conftest): terms as a tokenizer might give them
TINY_COUNTS = [{"党建联盟": 2, "基层治理": 2}, {"担当作为": 2, "干部": 1}, {"党建联盟": 1}]


@pytest.fixture(scope="module")
def tiny_dtm(tiny_issue):
    records = cu.Corpus.from_issue(tiny_issue).records.drop(columns="text")
    records["n_terms"] = [sum(c.values()) for c in TINY_COUNTS]
    return matrix_from_counts(records, TINY_COUNTS, keys=["article_id"])


def test_frequencies_by_column_by_hand(tiny_dtm):
    got = cu.term_frequencies(tiny_dtm, by="column")
    assert got[["column", "term", "count", "doc_freq", "n_docs", "n_chars"]].values.tolist() == [
        ["组工论坛", "党建联盟", 2, 1, 2, 43],  # ties broken by term
        ["组工论坛", "基层治理", 2, 1, 2, 43],
        ["组工论坛", "担当作为", 2, 1, 2, 43],
        ["组工论坛", "干部", 1, 1, 2, 43],
        ["城市党建", "党建联盟", 1, 1, 1, 7],
    ]
    assert got["per_10k"].tolist() == pytest.approx([2 / 43e-4, 2 / 43e-4, 2 / 43e-4, 1 / 43e-4, 1 / 7e-4])


def test_frequencies_by_issue_and_article_by_hand(tiny_dtm):
    issue = cu.term_frequencies(tiny_dtm, by="issue").set_index("term")
    assert issue.loc["党建联盟", ["count", "doc_freq", "n_docs", "n_chars"]].tolist() == [3, 2, 3, 50]
    assert issue.loc["党建联盟", "per_10k"] == pytest.approx(600.0)  # 3 of 50 characters
    article = cu.term_frequencies(tiny_dtm, by="article")
    assert article[article.article_id == 2][["term", "count", "n_chars"]].values.tolist() == [
        ["担当作为", 2, 15],
        ["干部", 1, 15],
    ]


def test_frequencies_by_issue_column_and_article_agree_on_the_seed(seed_issue):
    dtm = cu.Corpus.from_issue(seed_issue).dtm()
    issue = cu.term_frequencies(dtm, by="issue").set_index("term")
    column = cu.term_frequencies(dtm, by="column")
    article = cu.term_frequencies(dtm, by="article")
    for grouped in (column, article):
        assert grouped.groupby("term")["count"].sum().sort_index().equals(issue["count"].sort_index())
    # a formulation seen only inside a longer token has a row (count 0, count_rolled > 0)
    tokens = issue[issue["count"] > 0]
    assert tokens["doc_freq"].sort_index().equals(article[article["count"] > 0].groupby("term").size().sort_index())
    assert (issue["count_rolled"] >= issue["count"]).all()
    assert column.groupby("column")["n_chars"].first().sum() == issue["n_chars"].iloc[0]


def test_a_grouped_matrix_gives_its_own_groups(tiny_dtm):
    grouped = cu.term_frequencies(tiny_dtm.group(["column", "kind"]), by=None)
    assert grouped.columns[:3].tolist() == ["column", "kind", "term"]
    assert grouped.groupby("column", sort=False)["n_docs"].first().to_dict() == {"组工论坛": 2, "城市党建": 1}
    with pytest.raises(ValueError, match="grouped already"):
        cu.term_frequencies(tiny_dtm.group("column"), by="column")


def test_an_issue_a_corpus_and_a_matrix_give_the_same_table(seed_issue):
    corpus = cu.Corpus.from_issue(seed_issue)
    from_issue = cu.term_frequencies(seed_issue, by="column")
    assert from_issue.equals(cu.term_frequencies(corpus, by="column"))
    assert from_issue.equals(cu.term_frequencies(corpus.dtm(), by="column"))
