"""Keyness: each column against the rest of the seed, a target against a reference by hand."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import chi2_contingency

from corpus_utils import keyness
from corpus_utils.analyses.significance import benjamini_hochberg


@pytest.fixture(scope="module")
def seed_keyness(seed_issue):
    return keyness(seed_issue)


def test_keyness_table_has_the_published_columns_in_order(seed_keyness):
    # written out, not read from the module: a swap of two columns must turn this red
    assert list(seed_keyness.columns) == [
        "column", "term", "count_column", "count_rest", "tokens_column", "tokens_rest",
        "g2", "p", "p_adj", "log_ratio", "n_articles", "dp",
    ]  # fmt: skip
    assert (seed_keyness["p_adj"] >= seed_keyness["p"] * (1 - 1e-12)).all()  # an adjusted p is never smaller


def test_each_row_recomputes_from_its_own_counts(seed_keyness):
    sample = seed_keyness.sample(200, random_state=1)
    for r in sample.itertuples():
        g, p, *_ = chi2_contingency(
            [[r.count_column, r.count_rest], [r.tokens_column - r.count_column, r.tokens_rest - r.count_rest]],
            correction=False,
            lambda_="log-likelihood",
        )
        assert abs(r.g2) == pytest.approx(g, abs=1e-9)
        assert r.p == pytest.approx(p, rel=1e-9)


def test_margins_are_consistent(seed_keyness):
    per_column = seed_keyness.groupby("column")[["tokens_column", "tokens_rest"]].first()
    assert per_column.sum(axis=1).nunique() == 1  # every column splits the same total
    totals = seed_keyness.assign(t=seed_keyness.count_column + seed_keyness.count_rest).groupby("term")["t"].nunique()
    assert (totals == 1).all()  # a term's total is the same seen from every column


def test_the_seed_columns_have_their_expected_keywords(seed_issue, seed_keyness):
    top = seed_keyness[seed_keyness.g2 > 0].groupby("column").head(1).set_index("column")["term"]
    assert top["城市党建"] == "党建联盟"
    # 软弱涣散 stands alone and inside the formulation 软弱涣散村党组织: two tokens, both key
    rural = seed_keyness[(seed_keyness.column == "农村党建") & (seed_keyness.g2 > 0)].head(3)
    assert set(rural.term) == {"整顿", "软弱涣散", "软弱涣散村党组织"}
    assert top["卷首语"] == "自我革命"
    row = seed_keyness[(seed_keyness.column == "城市党建") & (seed_keyness.term == "党建联盟")].iloc[0]
    users = seed_issue.articles[seed_issue.articles.text.str.contains("党建联盟")]
    assert row.count_rest == 0 and set(users.column) == {"城市党建"}  # used in no other column
    assert row.n_articles == len(users) == 5
    assert row.p_adj < 1e-10
    lonely = seed_keyness[(seed_keyness.column == "组工论坛") & (seed_keyness.term == "公务员")].iloc[0]
    assert lonely.n_articles == 1 and lonely.dp > 0.7  # carried by one article of four


def test_rows_have_one_order_whatever_the_ties(seed_keyness):
    # columns in the issue's order, then G2 down, then the term: tied rows never swap between runs
    for _, grp in seed_keyness.groupby("column", sort=False):
        assert grp.equals(grp.sort_values(["g2", "term"], ascending=[False, True], kind="stable"))


def test_p_adj_is_bh_within_each_column(seed_keyness):
    for _, grp in seed_keyness.groupby("column"):
        assert np.allclose(grp.p_adj.to_numpy(), benjamini_hochberg(grp.p.to_numpy()))


def test_dispersion_is_empty_for_a_column_of_one_record(seed_issue, seed_keyness):
    sizes = seed_issue.articles.groupby("column").size()
    single = sizes[sizes == 1].index  # 卷首语
    assert len(single) and seed_keyness[seed_keyness.column.isin(single)]["dp"].isna().all()
    several = seed_keyness[~seed_keyness.column.isin(single) & (seed_keyness.count_column > 0)]
    assert several["dp"].notna().all()


def test_keyness_of_counts_by_hand():
    from corpus_utils.analyses.keyness import keyness_of_counts

    target = {"担当作为": 10, "干部": 990}  # c = 1000
    reference = {"担当作为": 20, "干部": 3970, "联盟": 10}  # d = 4000
    got = keyness_of_counts(target, reference, min_count=5).set_index("term")
    row = got.loc["担当作为"]
    assert (row.count_target, row.count_reference, row.tokens_target, row.tokens_reference) == (10, 20, 1000, 4000)
    assert row.g2 == pytest.approx(2.9437, abs=1e-4)  # the hand-worked table of test_g2_by_hand
    assert row.log_ratio == pytest.approx(1.0) and row.status == ""
    assert got.loc["联盟", "status"] == "vanished" and got.loc["联盟", "g2"] < 0
    assert keyness_of_counts({"新词": 6}, {"旧词": 6}, min_count=5).set_index("term").loc["新词", "status"] == "new"
    assert keyness_of_counts(target, reference, min_count=10_000).empty


def test_a_period_s_keyword_carried_by_one_article_by_hand():
    """Two issues, three records each: in issue b 联盟 is used 8 times in one record and once in
    another (top share 8/9), 治理 once in each of three; the reference (issue a) never has 联盟."""
    import pandas as pd

    from corpus_utils.corpus.dtm import matrix_from_counts

    docvars = pd.DataFrame(
        {"issue_id": ["a"] * 3 + ["b"] * 3, "article_id": [1, 2, 3] * 2, "column": "x", "n_chars": 100}
    )
    counts = [
        {"干部": 10, "治理": 2},
        {"干部": 10},
        {"干部": 10, "治理": 1},
        {"干部": 10, "联盟": 8, "治理": 1},
        {"干部": 10, "联盟": 1, "治理": 1},
        {"干部": 10, "治理": 1},
    ]
    dtm = matrix_from_counts(docvars, counts, keys=["issue_id", "article_id"])
    got = keyness(dtm, by="issue_id", target="b", reference="a", min_count=1).set_index("term")
    assert got.columns[-4:].tolist() == ["n_articles_target", "n_articles_reference", "top_share", "dp_target"]
    lianmeng = got.loc["联盟"]
    assert (lianmeng.count_target, lianmeng.n_articles_target, lianmeng.n_articles_reference) == (9, 2, 0)
    assert lianmeng.top_share == pytest.approx(8 / 9) and lianmeng.status == "new"
    # DP over issue b's records (sizes 19, 12, 11 of 42): uses 8/9, 1/9, 0
    by_hand = 0.5 * (abs(8 / 9 - 19 / 42) + abs(1 / 9 - 12 / 42) + abs(0 - 11 / 42))
    assert lianmeng.dp_target == pytest.approx(by_hand)
    zhili = got.loc["治理"]
    assert (zhili.n_articles_target, zhili.n_articles_reference) == (3, 2)
    assert zhili.top_share == pytest.approx(1 / 3) and zhili.dp_target < lianmeng.dp_target
