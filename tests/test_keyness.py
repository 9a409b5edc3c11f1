"""Keyness: the statistics against hand-worked values and scipy's reference, then the seed table."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import chi2_contingency

from corpus_utils import keyness
from corpus_utils.analyses.keyness import benjamini_hochberg, gries_dp, log_ratio, signed_g2


def test_g2_by_hand():
    # a=10 of c=1000 in the column, b=20 of d=4000 in the rest; E = 6, 24, 994, 3976
    by_hand = 2 * (
        10 * math.log(10 / 6) + 20 * math.log(20 / 24) + 990 * math.log(990 / 994) + 3980 * math.log(3980 / 3976)
    )
    assert by_hand == pytest.approx(2.9437, abs=1e-4)
    assert signed_g2([10], [20], 1000, 4000)[0] == pytest.approx(by_hand)


@pytest.mark.parametrize(
    ("a", "b", "c", "d"), [(10, 20, 1000, 4000), (0, 35, 800, 9000), (98, 0, 5000, 20000), (3, 3, 50, 60)]
)
def test_g2_matches_scipy_four_cell_log_likelihood(a, b, c, d):
    g, *_ = chi2_contingency([[a, b], [c - a, d - b]], correction=False, lambda_="log-likelihood")
    ours = signed_g2([a], [b], c, d)[0]
    assert abs(ours) == pytest.approx(g)
    assert math.copysign(1, ours) == (1 if a / c >= b / d else -1)


def test_log_ratio_by_hand():
    assert log_ratio([10], [20], 1000, 4000)[0] == pytest.approx(1.0)  # 1% against 0.5%
    assert log_ratio([0], [20], 1000, 4000)[0] == pytest.approx(math.log2((0.5 / 1000) / (20 / 4000)))


def test_benjamini_hochberg_by_hand():
    # sorted p 0.005, 0.01, 0.03, 0.04 → ×4/rank 0.02, 0.02, 0.04, 0.04 (already monotone)
    assert benjamini_hochberg(np.array([0.01, 0.04, 0.03, 0.005])).tolist() == pytest.approx([0.02, 0.04, 0.04, 0.02])
    assert benjamini_hochberg(np.array([0.5, 0.9])).tolist() == pytest.approx([0.9, 0.9])


def test_gries_dp_by_hand():
    sizes = np.array([100, 100, 100, 100, 100])
    counts = np.array([[2, 0, 0, 0, 0], [1, 1, 1, 1, 1], [0, 0, 0, 0, 0]])
    dp = gries_dp(counts, sizes)
    assert dp[0] == pytest.approx(0.8) and dp[1] == pytest.approx(0.0) and math.isnan(dp[2])
    # unequal parts: sizes 0.5/0.3/0.2, term 1/1/0 → ½(|0.5−0.5| + |0.5−0.3| + |0−0.2|) = 0.2
    assert gries_dp(np.array([[1, 1, 0]]), np.array([50, 30, 20]))[0] == pytest.approx(0.2)


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
    assert top["农村党建"] == "软弱涣散"
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


def test_the_one_degree_chi2_tail_is_scipy_s():
    from scipy.stats import chi2

    from corpus_utils.analyses.keyness import chi2_sf_1df

    x = np.array([0.0, 1e-9, 0.5, 3.841458820694124, 10.0, 84.0, 700.0])
    assert chi2_sf_1df(x) == pytest.approx(chi2.sf(x, df=1), rel=1e-12, abs=1e-300)


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
