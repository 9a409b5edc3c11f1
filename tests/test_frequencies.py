"""Frequencies, TF-IDF, recurring phrases and KWIC on the seed, checked against independent counts."""

from __future__ import annotations

import re

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

import corpus_utils as cu
from corpus_utils.dfm import EXCERPTS_LABEL
from corpus_utils.tokens import stopword_list, terms


@pytest.fixture(scope="module")
def dtm(seed_issue):
    return cu.document_terms(seed_issue)


def test_document_terms_count_every_term_of_every_record(seed_issue, dtm):
    tok = cu.issue_tokenizer(seed_issue)
    text = seed_issue.articles.set_index("article_id").loc[12, "text"]  # the 编者按 of 城市党建
    expected = [t for t in terms(text, tokenizer=tok) if len(t) >= 2]
    got = dtm[dtm.article_id == 12].set_index("term")["count"]
    assert got.sum() == len(expected)
    assert set(dtm.loc[dtm.article_id == 12, "article_terms"]) == {len(expected)}
    assert got["党建联盟"] == expected.count("党建联盟") == text.count("党建联盟") == 4


def test_frequencies_by_issue_column_and_article_agree(seed_issue, dtm):
    issue = cu.term_frequencies(seed_issue, by="issue", dtm=dtm).set_index("term")
    column = cu.term_frequencies(seed_issue, by="column", dtm=dtm)
    article = cu.term_frequencies(seed_issue, by="article", dtm=dtm)
    assert issue.loc["党建联盟", "count"] == column[column.term == "党建联盟"]["count"].sum() == 98
    assert issue.loc["担当作为", "count"] == article[article.term == "担当作为"]["count"].sum() == 23
    assert issue.loc["担当作为", "doc_freq"] == 4  # records 9, 10, 23, 25
    row = column[(column.column == "城市党建") & (column.term == "党建联盟")].iloc[0]
    assert row.per_10k == pytest.approx(98 / row.n_chars * 10_000)
    assert (row.doc_freq, row.n_docs) == (5, 6)


def test_column_labels_never_leave_a_record_out(seed_issue):
    table = cu.article_table(seed_issue)
    assert table["column"].notna().all()
    assert (table.loc[table.kind == "excerpt", "column"] == EXCERPTS_LABEL).all()
    overview = cu.column_overview(seed_issue)
    assert overview["n_chars"].sum() == seed_issue.balance().body
    assert overview.set_index("column").loc["部长笔谈", "pages"] == "7–13"


def test_tfidf_matches_scikit_learn_run_independently(seed_issue):
    tok, stop = cu.issue_tokenizer(seed_issue), stopword_list()
    docs = [[t for t in terms(x, tokenizer=tok, stopwords=stop) if len(t) >= 2] for x in seed_issue.articles["text"]]
    ref = TfidfVectorizer(analyzer=lambda d: d).fit(docs)
    weights = ref.transform(docs)
    vocab = ref.get_feature_names_out()
    top = cu.top_tfidf_terms(seed_issue, by="article", n=5)
    for k in (8, 12, 20):
        row = weights[k].toarray()[0]
        best = np.argsort(-row, kind="stable")[:5]
        ours = top[top.article_id == k + 1]
        assert ours["term"].tolist() == [vocab[j] for j in best]
        assert ours["tfidf"].to_numpy() == pytest.approx(row[best])


def test_tfidf_by_column_uses_article_idf(seed_issue):
    top = cu.top_tfidf_terms(seed_issue, by="column", n=3).set_index(["column", "rank"])
    assert top.loc[("城市党建", 1), "term"] == "党建联盟"
    assert top.loc[("城市党建", 1), "count"] == 98
    n = len(seed_issue.articles)
    # 党建联盟 is used by 5 records (4 articles and the 编者按; 永吉县's is about 吹哨报到)
    assert top.loc[("城市党建", 1), "idf"] == pytest.approx(np.log((1 + n) / (1 + 5)) + 1)


def test_phrase_totals_equal_a_count_over_the_whole_raw_text(seed_issue):
    """Body + metadata + leftovers hold the raw text; so do the phrase counts (wraps undone)."""
    solid = re.sub(r"\s", "", seed_issue.text)
    outside = re.sub(r"\s", "", "".join(seed_issue.metadata.text) + "".join(seed_issue.leftovers.text))
    counts = cu.phrase_counts(seed_issue).groupby("phrase")["count"].sum()
    for phrase in cu.followed_phrases():
        assert counts[phrase] == solid.count(phrase) - outside.count(phrase), phrase
    assert counts.to_dict() == {"担当作为": 23, "党建联盟": 98, "软弱涣散": 97, "不忘初心": 13, "主题教育": 13}


def test_phrase_counts_table_shape_and_rates(seed_issue):
    table = cu.phrase_counts(seed_issue, ["担当作为"])
    assert list(table.columns) == ["phrase", "article_id", "column", "count", "per_10k"]
    assert table["article_id"].tolist() == [9, 10, 23, 25]
    assert table["count"].tolist() == [9, 11, 1, 2]
    n_chars = seed_issue.articles.set_index("article_id").loc[table.article_id.iloc[0], "n_chars"]
    assert table.per_10k.iloc[0] == pytest.approx(9 / n_chars * 10_000)
    by_col = cu.phrase_counts_by_column(seed_issue, ["担当作为"]).set_index("column")
    assert by_col.loc["部长笔谈", "count"] == 20 and by_col.loc["城市党建", "count"] == 0


def test_kwic_gives_article_column_and_printed_page(seed_issue):
    lines = cu.kwic(seed_issue, "党建联盟", width=8)
    assert len(lines) == 98
    assert set(lines.column) == {"城市党建"}
    first = lines.iloc[0]
    assert (first.page, first.left, first.right) == (17, "《吉林市城市基层", "工作法》，实施党")
    continued = cu.kwic(seed_issue, "围着块块转")  # on page 16, the continuation of a page-25 article
    assert continued.iloc[0].page == 16 and continued.iloc[0].title == "党建联盟 为城市基层党建注入新活力"


def test_phrase_positions_follow_the_pages(seed_issue):
    pos = cu.phrase_positions(seed_issue, ["软弱涣散"])
    assert len(pos) == 97
    assert pos.position.between(0, 1).all() and pos.position.is_monotonic_increasing
    assert set(pos.page) <= set(range(3, 49))


def test_quoted_slogans_and_formulas(seed_issue):
    slogans = cu.quoted_phrase_counts(seed_issue).set_index("phrase")
    assert slogans.loc["不忘初心、牢记使命", "count"] == 10
    assert slogans.loc["五个强化", "formula"]
    assert slogans.loc["吹哨报到", "n_articles"] == 1
