"""Comparing issues: the seed and a second, synthetic issue."""

from __future__ import annotations

import warnings

from synthetic import SynArticle, build_issue

import corpus_utils as cu


def test_two_issues_side_by_side(seed_issue, tmp_path):
    second = tmp_path / "001_synthetic.txt"
    second.write_text(
        build_issue(
            [
                SynArticle(
                    "党建研究",
                    ["推动党建联盟提质增效"],
                    "王海涛",
                    ["党建联盟建设持续推进，党建联盟成员单位不断增加，担当作为氛围浓厚。"],
                ),
                SynArticle(
                    "基层风采",
                    ["软弱涣散村整顿见实效"],
                    "李明",
                    ["全县软弱涣散村党组织全部完成整顿，群众满意度明显提升。"],
                ),
            ]
        ),
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        other = cu.load_issue(second)
    issues = [seed_issue, other]
    summary = cu.issue_summary(issues).set_index("issue_id")
    assert summary.loc["001_synthetic", "n_articles"] == 2
    assert summary.loc["000_5e927a446d779796", "n_records"] == 26
    trends = cu.issue_trends(issues, ["党建联盟", "担当作为"]).set_index(["issue_id", "phrase"])
    assert trends.loc[("001_synthetic", "党建联盟"), "count"] == 2
    in_seed = sum(t.count("党建联盟") for t in seed_issue.articles["text"])
    assert trends.loc[("000_5e927a446d779796", "党建联盟"), "count"] == in_seed
    n = trends.loc[("001_synthetic", "担当作为"), "n_chars"]
    assert trends.loc[("001_synthetic", "担当作为"), "per_10k"] == 1 / n * 10_000
    shares = cu.column_shares(issues)
    assert shares.groupby("issue_id")["share"].sum().round(9).eq(1).all()


def test_phrases_are_counted_literally_across_issues(seed_issue):
    """Regression: pandas' str.count took “3+1” for a pattern (3 then one or more 1s)."""
    row = cu.issue_trends([seed_issue], ["3+1"]).iloc[0]
    assert row["count"] == sum(t.count("3+1") for t in seed_issue.articles.text) == 1  # the regex found 4
    assert row["n_articles"] == 1
