"""Records → the document-term matrix, grouped by any document variable: worked by hand on a
tiny issue, then the seed."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

import corpus_utils as cu
from corpus_utils.cache import TextCache
from corpus_utils.corpus.corpus import EXCERPTS_LABEL
from corpus_utils.corpus.dtm import matrix_from_counts, stacked
from corpus_utils.text.tokens import terms

# the tiny issue's terms with 党建联盟, 基层治理, 担当作为 kept whole and no stopwords:
# #1 组工论坛 党建联盟×2 发展 基层治理×2 实效 引领 推动 (8); #2 组工论坛 干部 担当作为×2 行动 (4);
# #3 城市党建 党建联盟 建设 (2)
FEATURES = ["党建联盟", "发展", "基层治理", "实效", "干部", "建设", "引领", "担当作为", "推动", "行动"]
BY_RECORD = [[2, 1, 2, 1, 0, 0, 1, 0, 1, 0], [0, 0, 0, 0, 1, 0, 0, 2, 0, 1], [1, 0, 0, 0, 0, 1, 0, 0, 0, 0]]


@pytest.fixture(scope="module")
def tiny_dtm(tiny_issue, tmp_path_factory):
    words = tmp_path_factory.mktemp("words") / "words.txt"
    words.write_text("党建联盟\n基层治理\n担当作为\n", encoding="utf-8")
    tok = cu.Tokenizer([words], cache=TextCache(enabled=False))
    return cu.Corpus.from_issue(tiny_issue).dtm(tokenizer=tok, stopwords=frozenset())


def test_the_matrix_by_hand_on_a_tiny_issue(tiny_dtm):
    assert tiny_dtm.features.tolist() == FEATURES  # code-point order
    assert tiny_dtm.counts.toarray().tolist() == BY_RECORD
    assert tiny_dtm.docvars["n_terms"].tolist() == [8, 4, 2] and tiny_dtm.docvars["n_chars"].tolist() == [28, 15, 7]
    assert tiny_dtm.keys == ("article_id",) and "text" not in tiny_dtm.docvars
    assert tiny_dtm.docvars["column"].tolist() == ["组工论坛", "组工论坛", "城市党建"]


def test_grouping_by_a_document_variable_sums_rows_and_sizes(tiny_dtm):
    g = tiny_dtm.group("column")
    assert g.keys == ("column",) and g.docvars["column"].tolist() == ["组工论坛", "城市党建"]  # as first printed
    assert g.counts.toarray().tolist() == [[2, 1, 2, 1, 1, 0, 1, 2, 1, 1], [1, 0, 0, 0, 0, 1, 0, 0, 0, 0]]
    assert g.docvars[["n_docs", "n_chars", "n_terms"]].values.tolist() == [[2, 43, 12], [1, 7, 2]]
    assert g.docvars["issue_id"].nunique() == 1  # the same in every group: kept
    assert "title" not in g.docvars  # differs inside a group: dropped
    assert g.users().toarray()[0].tolist() == [1, 1, 1, 1, 1, 0, 1, 1, 1, 1]  # records using each term
    assert g.membership.tolist() == [0, 0, 1] and g.parts is tiny_dtm


def test_any_labels_group_in_one_line(tiny_dtm):
    """A grouping the package has never heard of: the first author's surname."""
    surname = tiny_dtm.docvars["authors"].map(lambda names: names[0][0]).rename("surname")
    freq = cu.term_frequencies(tiny_dtm, by=surname).set_index(["surname", "term"])
    assert freq.loc[("张", "党建联盟"), "count"] == 2 and freq.loc[("王", "党建联盟"), "count"] == 1
    assert freq.loc[("李", "担当作为"), "per_10k"] == pytest.approx(2 / 15 * 10_000)
    key = cu.keyness(tiny_dtm, by=surname, min_count=2)
    assert key.columns[:4].tolist() == ["surname", "term", "count_surname", "count_rest"]
    row = key.set_index(["surname", "term"]).loc[("李", "担当作为")]
    assert (row.count_surname, row.count_rest, row.tokens_surname, row.tokens_rest) == (2, 0, 4, 10)


def test_grouping_twice_and_subsets_keep_track_of_the_records(tiny_dtm):
    by_record = tiny_dtm.group(["column", "article_id"])
    again = by_record.group("column")
    np.testing.assert_array_equal(again.counts.toarray(), tiny_dtm.group("column").counts.toarray())
    assert again.membership.tolist() == [0, 0, 1] and again.parts is tiny_dtm
    one = tiny_dtm.group("column").subset(column="城市党建")
    assert one.n_docs == 1 and one.membership.tolist() == [-1, -1, 0]
    assert tiny_dtm.subset(tiny_dtm.docvars["n_terms"] > 3).docvars["article_id"].tolist() == [1, 2]
    with pytest.raises(KeyError, match="no document variable 'author_type'"):
        tiny_dtm.group("author_type")


def test_selecting_and_trimming_features(tiny_dtm):
    picked = tiny_dtm.select(["担当作为", "无此词", "党建联盟"])
    assert picked.counts.toarray().tolist() == [[0, 0, 2], [2, 0, 0], [0, 0, 1]]
    assert picked.docvars["n_terms"].tolist() == [8, 4, 2]  # a record's size does not shrink with the view
    trimmed = tiny_dtm.trim(min_docs=2)
    assert trimmed.features.tolist() == ["党建联盟"] and trimmed.totals().tolist() == [3]
    grouped = tiny_dtm.group("column").select(["建设"])
    assert grouped.counts.toarray().tolist() == [[0], [1]] and grouped.parts.counts.toarray().tolist() == [
        [0],
        [0],
        [1],
    ]


def test_matrices_stack_on_a_merged_vocabulary():
    a = matrix_from_counts(pd.DataFrame({"issue_id": ["a"]}), [{"乙": 1, "甲": 2}])
    b = matrix_from_counts(pd.DataFrame({"issue_id": ["b"]}), [{"丙": 3, "乙": 4}])
    both = stacked([a, b])
    assert both.features.tolist() == sorted(["甲", "乙", "丙"])
    assert both.select(["甲", "乙", "丙"]).counts.toarray().tolist() == [[2, 1, 0], [0, 4, 3]]


def test_long_form_is_the_matrix_s_cells(tiny_dtm):
    cells = tiny_dtm.to_frame()
    assert cells.columns.tolist() == ["article_id", "feature", "count"]
    assert cells["count"].sum() == 14 and len(cells) == tiny_dtm.counts.nnz


def test_the_old_document_terms_table_is_still_there(tiny_issue):
    with pytest.warns(DeprecationWarning, match="Corpus.from_issue"):
        old = cu.document_terms(tiny_issue, stopwords=frozenset(), min_len=99)
    assert old.empty and old.columns.tolist() == ["article_id", "column", "term", "count", "article_terms"]


def test_the_matrix_counts_every_term_of_every_record(seed_issue):
    dtm = cu.Corpus.from_issue(seed_issue).dtm()
    tok = cu.issue_tokenizer(seed_issue)
    row = dtm.docvars.index[dtm.docvars["article_id"] == 12][0]  # the 编者按 of 城市党建
    expected = [
        t for t in terms(seed_issue.articles.set_index("article_id").loc[12, "text"], tokenizer=tok) if len(t) >= 2
    ]
    got = dict(zip(dtm.features[dtm.counts[row].indices], dtm.counts[row].data, strict=True))
    assert sum(got.values()) == len(expected) == dtm.docvars["n_terms"].iat[row]
    for term in list(got)[:20]:
        assert got[term] == expected.count(term), term


def test_sentences_are_the_matrix_s_tokens(seed_issue):
    corpus = cu.Corpus.from_issue(seed_issue)
    dtm = corpus.dtm()
    for row, sentences in enumerate(corpus.sentences()):
        flat = [t for s in sentences for t in s]
        assert len(flat) == dtm.docvars["n_terms"].iat[row]
    assert not any(s == [] for record in corpus.sentences() for s in record)


def test_column_labels_never_leave_a_record_out(seed_issue):
    records = cu.Corpus.from_issue(seed_issue).records
    assert records["column"].notna().all()
    assert (records.loc[records.kind == "excerpt", "column"] == EXCERPTS_LABEL).all()
    overview = cu.column_overview(seed_issue)
    assert overview["n_chars"].sum() == seed_issue.balance().body
    assert overview.set_index("column").loc["部长笔谈", "pages"] == "7–13"


def test_keyness_of_a_column_by_hand(tiny_dtm):
    got = cu.keyness(tiny_dtm, by="column").set_index(["column", "term"])
    assert got.index.tolist() == [("组工论坛", "党建联盟"), ("城市党建", "党建联盟")]  # the one term seen 3 times
    row = got.loc[("城市党建", "党建联盟")]
    a, b, c, d = 1, 2, 2, 12
    n = c + d
    cells = [(a, c * 3 / n), (b, d * 3 / n), (c - a, c * (n - 3) / n), (d - b, d * (n - 3) / n)]
    g2 = 2 * sum(o * math.log(o / e) for o, e in cells)
    assert (row.count_column, row.count_rest, row.tokens_column, row.tokens_rest) == (a, b, c, d)
    assert row.g2 == pytest.approx(g2) and row.n_articles == 1 and math.isnan(row.dp)


def test_warnings_stay_quiet_for_the_new_api(tiny_dtm):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cu.term_frequencies(tiny_dtm, by="column")
        cu.top_tfidf_terms(tiny_dtm, by="column")
