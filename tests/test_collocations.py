"""Collocates: the 2×2 table, MI, t-score and log-likelihood worked by hand, then the seed."""

from __future__ import annotations

import math

import pytest

import corpus_utils as cu
from corpus_utils.analyses.collocations import collocation_table
from corpus_utils.corpus.corpus import sentence_terms

# two documents of sentences of terms
DOCS = [[["甲", "乙", "丙"], ["乙", "丁"]], [["甲", "丙", "丙"]]]


def test_a_window_of_one_by_hand():
    # doc 1 reads 甲 乙 丙 乙 丁, doc 2 甲 丙 丙: N = 8 terms, the node 甲 twice; its ±1 company
    # is the 乙 after the first and the 丙 after the second: c = 2 positions, d = 8 - 2 - 2 = 4
    got = collocation_table(DOCS, "甲", window=1, min_freq=1).set_index("collocate")
    assert set(got.index) == {"乙", "丙"}
    yi = got.loc["乙"]  # a = 1 in the company, b = 1 elsewhere
    assert (yi["count"], yi.collocate_total, yi.span_terms, yi.rest_terms) == (1, 2, 2, 4)
    expected = 2 * 2 / 6
    assert yi.expected == pytest.approx(expected)
    assert yi.mi == pytest.approx(math.log2(1 / expected))
    assert yi.t_score == pytest.approx((1 - expected) / 1)
    by_hand = 2 * (1 * math.log(1 / (2 * 2 / 6)) + 1 * math.log(1 / (4 * 2 / 6)) + 1 * math.log(1 / (2 * 4 / 6)))
    by_hand += 2 * 3 * math.log(3 / (4 * 4 / 6))
    assert yi.log_likelihood == pytest.approx(by_hand)  # 0.367: a/c = 1/2 > b/d = 1/4, so positive
    assert got.loc["丙", "collocate_total"] == 3 and got.loc["丙"].log_likelihood < yi.log_likelihood


def test_a_sentence_span_by_hand():
    # sentences holding 甲: 甲 乙 丙 and 甲 丙 丙 → company 乙 丙 丙 丙 (c = 4), rest 乙 丁 (d = 2)
    got = collocation_table(DOCS, "甲", window=None, min_freq=1).set_index("collocate")
    assert got.loc["丙", "count"] == 3 and got.loc["丙", "rest_terms"] == 2 and got.loc["丙", "span_terms"] == 4
    assert got.loc["丙", "expected"] == pytest.approx(3 * 4 / 6)
    assert "丁" not in got.index  # never in the node's sentences


def test_overlapping_windows_count_a_position_once_and_min_freq_filters():
    docs = [[["甲", "乙", "甲"]]]  # 乙 is in the windows of both occurrences
    got = collocation_table(docs, "甲", window=1, min_freq=1)
    assert got[["collocate", "count", "span_terms"]].values.tolist() == [["乙", 1, 1]]
    assert collocation_table(docs, "甲", window=1, min_freq=2).empty
    assert collocation_table(docs, "无", window=1, min_freq=1).empty  # no node, no rows


def test_sentences_end_at_chinese_stops_and_paragraphs(domain_tokenizer):
    text = "加强党建联盟建设。激发干部担当作为\n推动基层治理！"
    got = sentence_terms(text, tokenizer=domain_tokenizer, stopwords=cu.stopword_list())
    assert len(got) == 3 and "党建联盟" in got[0] and "担当作为" in got[1] and "基层治理" in got[2]


def test_the_seed_s_collocates_of_a_followed_phrase(seed_issue):
    got = cu.collocates(seed_issue, "担当作为", window=5, min_freq=3)
    assert not got.empty and (got["count"] >= 3).all() and (got["node"] == "担当作为").all()
    assert got["log_likelihood"].is_monotonic_decreasing
    assert "激励" in got["collocate"].head(10).tolist()  # 激励干部担当作为: the cadre-work formula
    # every row's numbers recompute from its own 2×2 table
    for r in got.itertuples():
        e = r.collocate_total * r.span_terms / (r.span_terms + r.rest_terms)
        assert r.expected == pytest.approx(e) and r.mi == pytest.approx(math.log2(r.count / e))


def test_mi3_log_dice_and_bh_by_hand():
    # the window-of-one table of test_a_window_of_one_by_hand: 乙 a = 1, expected 2/3, node 甲 ×2
    got = collocation_table(DOCS, "甲", window=1, min_freq=1).set_index("collocate")
    yi, bing = got.loc["乙"], got.loc["丙"]
    assert yi.mi3 == pytest.approx(math.log2(1**3 / (2 * 2 / 6)))
    assert yi.log_dice == pytest.approx(14 + math.log2(2 * 1 / (2 + 2)))  # f(甲) = 2, f(乙) = 2
    assert bing.log_dice == pytest.approx(14 + math.log2(2 * 1 / (2 + 3)))
    # Benjamini–Hochberg over the node's two collocates: the larger p stays, the smaller is p·m/rank
    ps = sorted([yi.p, bing.p])
    adj = {ps[1]: ps[1], ps[0]: min(ps[0] * 2, ps[1])}
    assert yi.p_adj == pytest.approx(adj[yi.p]) and bing.p_adj == pytest.approx(adj[bing.p])


def test_a_node_inside_a_longer_token_is_an_occurrence_of_it():
    # 担当作为 alone and inside 新时代担当作为 (a longer formulation): both are the node's
    docs = [[["激发", "担当作为", "动力"], ["干部", "新时代担当作为", "动力"]]]
    got = collocation_table(docs, "担当作为", window=1, min_freq=1).set_index("collocate")
    assert got.loc["动力", "count"] == 2 and got.loc["动力", "rest_terms"] == 0
    assert "新时代担当作为" not in got.index


def test_a_node_of_one_column_is_compared_with_its_column(seed_issue):
    """党建联盟 is used in 城市党建 only: against the whole issue its collocates include the
    column's own topic words; against the column they are what goes with it inside the column."""
    whole = cu.collocates(seed_issue, "党建联盟", reference="corpus", min_freq=3)
    column = cu.collocates(seed_issue, "党建联盟", reference="column", min_freq=3)
    assert set(column["collocate"]) == set(whole["collocate"])  # the same company, another rest
    assert (column["rest_terms"] < whole["rest_terms"]).all()
    city = seed_issue.articles[seed_issue.articles.column == "城市党建"]
    assert column["span_terms"].iloc[0] + column["rest_terms"].iloc[0] < sum(len(t) for t in city.text)
    # a topic word of the column (社区) weighs less against the column than against the issue
    assert (
        column.set_index("collocate").loc["社区", "log_likelihood"]
        < whole.set_index("collocate").loc["社区", "log_likelihood"]
    )
    with pytest.raises(ValueError, match="reference must be"):
        cu.collocates(seed_issue, "党建联盟", reference="archive")
