"""Articles → document-term table: every term of every record counted, sizes as a column."""

from __future__ import annotations

import pandas as pd

import corpus_utils as cu
from corpus_utils.cache import TextCache
from corpus_utils.corpus.dtm import EXCERPTS_LABEL
from corpus_utils.text.tokens import terms


def test_document_terms_by_hand_on_a_tiny_issue(tiny_issue, tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("党建联盟\n基层治理\n担当作为\n", encoding="utf-8")
    tok = cu.Tokenizer([words], cache=TextCache(enabled=False))
    dtm = cu.document_terms(tiny_issue, tokenizer=tok, stopwords=frozenset())
    counts = dtm.set_index(["article_id", "term"])["count"]
    assert (counts[(1, "党建联盟")], counts[(1, "基层治理")]) == (2, 2)
    assert counts[(2, "担当作为")] == 2 and counts[(3, "党建联盟")] == 1
    assert (counts.xs(3, level="article_id").index != "城市党建").all()  # the column header is not body
    sizes = dtm.groupby("article_id")["article_terms"].agg(["first", "nunique"])
    assert (sizes["nunique"] == 1).all()
    assert sizes["first"].to_dict() == dtm.groupby("article_id")["count"].sum().to_dict()


def test_an_article_without_terms_has_no_rows_and_the_columns_stay(tiny_issue):
    none = cu.document_terms(tiny_issue, stopwords=frozenset(), min_len=99)
    assert none.empty and list(none.columns) == ["article_id", "column", "term", "count", "article_terms"]
    assert isinstance(none, pd.DataFrame)


def test_document_terms_count_every_term_of_every_record(seed_issue):
    dtm = cu.document_terms(seed_issue)
    tok = cu.issue_tokenizer(seed_issue)
    text = seed_issue.articles.set_index("article_id").loc[12, "text"]  # the 编者按 of 城市党建
    expected = [t for t in terms(text, tokenizer=tok) if len(t) >= 2]
    got = dtm[dtm.article_id == 12].set_index("term")["count"]
    assert got.sum() == len(expected)
    assert set(dtm.loc[dtm.article_id == 12, "article_terms"]) == {len(expected)}
    for term in got.index[:20]:
        assert got[term] == expected.count(term), term


def test_column_labels_never_leave_a_record_out(seed_issue):
    table = cu.article_table(seed_issue)
    assert table["column"].notna().all()
    assert (table.loc[table.kind == "excerpt", "column"] == EXCERPTS_LABEL).all()
    overview = cu.column_overview(seed_issue)
    assert overview["n_chars"].sum() == seed_issue.balance().body
    assert overview.set_index("column").loc["部长笔谈", "pages"] == "7–13"
