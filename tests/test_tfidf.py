"""TF-IDF: the package's scores against scikit-learn run independently on the seed."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

import corpus_utils as cu
from corpus_utils.text.tokens import stopword_list, terms


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
    cells = cu.Corpus.from_issue(seed_issue).dtm().to_frame().merge(seed_issue.articles[["article_id", "column"]])
    n = len(seed_issue.articles)
    for column in ("城市党建", "农村党建"):
        best = top.loc[(column, 1)]
        users = cells.loc[cells.feature == best.term, "article_id"].nunique()
        # the IDF of every record, not of the columns: scikit-learn's smoothed ln((1+n)/(1+df)) + 1
        assert best.idf == pytest.approx(np.log((1 + n) / (1 + users)) + 1), column
        assert best["count"] == cells.loc[(cells.feature == best.term) & (cells.column == column), "count"].sum()
