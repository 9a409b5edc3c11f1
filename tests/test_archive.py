"""Many issues in worker processes: the same tables as issue by issue, on one core or two."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_utils as cu


@pytest.fixture(scope="module")
def three_issues(tmp_path_factory, seed_path):
    from issuegen import generate_issue

    folder = tmp_path_factory.mktemp("archive")
    return [seed_path, *(generate_issue(k).write(folder / f"{k:03d}_gen.txt") for k in (1, 2))]


def test_the_archive_tables_are_the_comparison_s_tables(three_issues):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        issues = [cu.load_issue(p) for p in three_issues]
    tables = cu.archive_tables(three_issues, phrases=["党建联盟", "担当作为"], jobs=2)
    pd.testing.assert_frame_equal(tables.summary, cu.issue_summary(issues))
    pd.testing.assert_frame_equal(tables.trends, cu.issue_trends(issues, ["党建联盟", "担当作为"]))
    pd.testing.assert_frame_equal(tables.shares, cu.column_shares(issues))
    assert tables.summary["issue_id"].tolist() == [p.stem for p in three_issues]  # in the order given


def test_one_core_and_two_give_the_same_tables_and_files(three_issues, tmp_path, monkeypatch):
    written = {}
    for jobs in (1, 2):
        monkeypatch.setenv("CORPUS_UTILS_FIGURES", str(tmp_path / f"j{jobs}"))
        tables = cu.archive_tables(three_issues, phrases=["党建联盟"], jobs=jobs, write=True)
        written[jobs] = {
            p.relative_to(tmp_path / f"j{jobs}"): p.read_bytes() for p in (tmp_path / f"j{jobs}").rglob("*.csv")
        }
        written[f"t{jobs}"] = tables
    assert written[1] == written[2] and len(written[1]) == 3 * 3  # keyness, frequencies, phrase counts
    pd.testing.assert_frame_equal(written["t1"].trends, written["t2"].trends)


def test_a_broken_file_is_named_and_the_others_still_counted(three_issues, tmp_path):
    empty = tmp_path / "009_empty.txt"
    empty.write_bytes(b"")
    tables = cu.archive_tables([*three_issues, empty], phrases=["党建联盟"], jobs=2)
    assert tables.broken == [f"{empty}: empty file"]
    assert len(tables.summary) == 3


def test_the_tables_command_writes_each_issue_s_tables_and_the_comparison(three_issues, tmp_path):
    import subprocess
    import sys

    env = dict(__import__("os").environ, CORPUS_UTILS_FIGURES=str(tmp_path / "fig"))
    out = subprocess.run(
        [sys.executable, "-m", "corpus_utils", "tables", "--phrases", "党建联盟", *map(str, three_issues)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    for path in three_issues:
        assert {p.name for p in (tmp_path / "fig" / path.stem / "tables").iterdir()} == {
            "keyness.csv",
            "phrase_counts.csv",
            "term_frequencies_column.csv",
        }
    trends = pd.read_csv(tmp_path / "fig" / "compare" / "tables" / "phrase_trends.csv", encoding="utf-8-sig")
    assert trends["issue_id"].tolist() == [p.stem for p in three_issues]


@pytest.fixture(scope="module")
def a_year(tmp_path_factory):
    """Twelve monthly issues; from July on, 党员 gives way to 两新组织 (a dictionary term no
    generated issue uses)."""
    from issuegen import generate_issue

    folder = tmp_path_factory.mktemp("year")
    paths = []
    for month in range(1, 13):
        text = generate_issue(100 + month).text
        if month >= 7:
            text = text.replace("党员", "两新组织")
        path = folder / f"{month:03d}_2019-{month:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_a_period_against_another_finds_what_rose_and_what_is_new(a_year):
    before, after = cu.split_at(a_year, "2019-07")
    assert [p.stem for p in before] == [f"{m:03d}_2019-{m:02d}" for m in range(1, 7)]
    assert len(after) == 6
    got = cu.period_keyness(after, before, min_count=5, jobs=2).set_index("term")
    assert got.loc["两新组织", "status"] == "new" and got.loc["两新组织", "count_reference"] == 0
    # a few 党员 survive, split by a line wrap in the raw text where the replace did not reach
    assert got.loc["党员", "g2"] < 0 and got.loc["党员", "count_target"] < got.loc["党员", "count_reference"] / 5
    assert got.index[0] == "两新组织"  # the strongest rise of the year
    assert got["count_target"].sum() <= got["tokens_target"].iloc[0]


def test_without_a_date_the_split_is_the_halves_of_a_year_or_the_latest_year(a_year, tmp_path):
    before, after, how = cu.default_split(list(reversed(a_year)))
    assert [p.stem for p in before] == [f"{m:03d}_2019-{m:02d}" for m in range(1, 7)]  # one year: its halves
    assert [p.stem for p in after] == [f"{m:03d}_2019-{m:02d}" for m in range(7, 13)]
    assert "后一半对前一半" in how
    later = tmp_path / "013_2020-01.txt"  # a new year begins: it stands against the year before
    later.write_text(a_year[0].read_text(encoding="utf-8"), encoding="utf-8")
    undated = tmp_path / "000_x.txt"  # an issue without a date is in neither period
    undated.write_text(a_year[0].read_text(encoding="utf-8"), encoding="utf-8")
    before, after, how = cu.default_split([undated, *a_year, later])
    assert [p.stem for p in after] == ["013_2020-01"] and len(before) == 12
    assert "最近一年（2020年）" in how
    assert cu.default_split([undated, later])[:2] == ([], [])  # one dated issue: nothing to compare


def test_the_latest_issue_against_the_ones_before(a_year):
    latest, previous = cu.latest_against_previous(list(reversed(a_year)), previous=3)
    assert [p.stem for p in latest] == ["012_2019-12"]  # by date, whatever the order given
    assert [p.stem for p in previous] == ["009_2019-09", "010_2019-10", "011_2019-11"]
    one_core = cu.period_keyness(latest, previous, jobs=1)
    pd.testing.assert_frame_equal(one_core, cu.period_keyness(latest, previous, jobs=2))


def test_a_year_of_trends_is_in_date_order_with_labels(a_year):
    tables = cu.archive_tables(list(reversed(a_year)), phrases=["两新组织"], jobs=2)
    assert tables.summary["label"].tolist() == [f"2019年{m}月" for m in range(1, 13)]
    assert tables.summary["date"].tolist() == [f"2019-{m:02d}-01" for m in range(1, 13)]
    rates = tables.trends.set_index("label")["per_10k"]
    assert (rates[[f"2019年{m}月" for m in range(1, 7)]] == 0).all()
    assert (rates[[f"2019年{m}月" for m in range(7, 13)]] > 0).all()


def test_a_group_of_issues_is_named_by_its_first_and_last_dates(a_year):
    assert cu.period_label(a_year[:1]) == "2019年1月"
    assert cu.period_label(list(reversed(a_year[3:6]))) == "2019年4月—2019年6月（3 期）"
    assert cu.period_label([]) == "（无）"


def test_phrases_column_by_column_add_up_to_the_issue(a_year):
    tables = cu.archive_tables(a_year[:3], phrases=["党建联盟", "担当作为"], jobs=1)
    per_column = tables.phrase_columns.groupby(["issue_id", "phrase"])["count"].sum()
    per_issue = tables.trends.set_index(["issue_id", "phrase"])["count"]
    assert per_column.sort_index().tolist() == per_issue.sort_index().tolist()
    row = tables.phrase_columns.iloc[0]
    assert row.per_10k == pytest.approx(row["count"] / row.n_chars * 10_000)


def test_term_trends_column_by_column(a_year):
    got = cu.term_trends(a_year[5:8], ["两新组织", "党员"], jobs=2)
    assert got["label"].drop_duplicates().tolist() == ["2019年6月", "2019年7月", "2019年8月"]
    per_issue = got.groupby(["label", "term"])["count"].sum().unstack()
    assert per_issue.loc["2019年6月", "两新组织"] == 0
    assert (per_issue.loc[["2019年7月", "2019年8月"], "两新组织"] > 0).all()
    row = got[got["count"] > 0].iloc[0]
    assert row.per_1k == pytest.approx(row["count"] / row.column_terms * 1000)
    # the default: the most frequent terms of the issues together, the same from one core or two
    pd.testing.assert_frame_equal(cu.term_trends(a_year[:2], n=3, jobs=1), cu.term_trends(a_year[:2], n=3, jobs=2))
    assert cu.term_trends(a_year[:2], n=3, jobs=1)["term"].nunique() == 3


def test_term_trends_summed_over_columns_are_the_issue_s(a_year):
    by_column = cu.term_trends(a_year[:2], ["党员"], jobs=1)
    by_issue = cu.term_trends_by_issue(by_column).set_index("issue_id")
    for issue_id, grp in by_column.groupby("issue_id"):
        assert by_issue.loc[issue_id, "count"] == grp["count"].sum()
        assert by_issue.loc[issue_id, "per_1k"] == pytest.approx(grp["count"].sum() / grp["column_terms"].sum() * 1000)
