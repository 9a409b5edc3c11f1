"""The 2×2 statistics against hand-worked values and scipy's reference."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import chi2_contingency

from corpus_utils.analyses.significance import benjamini_hochberg, gries_dp, log_ratio, signed_g2, two_by_two


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
    # a zero in a much smaller target: 0.5 of 980 outweighs 5 of 17,609 (+0.85); its sign would
    # say over-used what the target never uses, so the ratio is 0; and the same the other way round
    assert math.log2((0.5 / 980) / (5 / 17609)) == pytest.approx(0.845, abs=1e-3)
    assert log_ratio([0], [5], 980, 17609)[0] == 0.0
    assert log_ratio([5], [0], 17609, 980)[0] == 0.0
    assert log_ratio([0, 3], [0, 0], 100, 100).tolist() == [0.0, pytest.approx(math.log2(3 / 0.5))]


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


def test_the_one_degree_chi2_tail_is_scipy_s():
    from scipy.stats import chi2

    from corpus_utils.analyses.significance import chi2_sf_1df

    x = np.array([0.0, 1e-9, 0.5, 3.841458820694124, 10.0, 84.0, 700.0])
    assert chi2_sf_1df(x) == pytest.approx(chi2.sf(x, df=1), rel=1e-12, abs=1e-300)


def test_two_by_two_gives_every_statistic_of_a_table_at_once():
    got = two_by_two(np.array([10.0]), np.array([20.0]), 1000, 4000)
    assert got["g2"][0] == pytest.approx(2.9437, abs=1e-4) and got["log_ratio"][0] == pytest.approx(1.0)
    assert got["p_adj"][0] == pytest.approx(got["p"][0])  # one row: nothing to adjust
