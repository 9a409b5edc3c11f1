"""TF-IDF: the package's scores against scikit-learn run independently on the seed."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

import corpus_utils as cu
from corpus_utils.tokens import stopword_list, terms


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
    in_column = seed_issue.articles[seed_issue.articles.column == "城市党建"]["text"]
    assert top.loc[("城市党建", 1), "count"] <= in_column.str.count("党建联盟").sum()
    n = len(seed_issue.articles)
    # 党建联盟 is used by 5 records (4 articles and the 编者按; 永吉县's is about 吹哨报到)
    assert top.loc[("城市党建", 1), "idf"] == pytest.approx(np.log((1 + n) / (1 + 5)) + 1)
