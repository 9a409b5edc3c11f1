"""Issue dates: from seeds/issues.csv, the file name, the issue's text, or its place."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_utils as cu
from corpus_utils.corpus.dates import LABEL_COLUMNS, dated


@pytest.fixture
def project(tmp_path, monkeypatch):
    for folder in ("seeds", "notebooks"):
        (tmp_path / folder).mkdir()
    monkeypatch.setenv("CORPUS_UTILS_ROOT", str(tmp_path))
    return tmp_path


def _issue(project, name: str, text: str = " 党建联盟引领基层治理。\n") -> object:
    path = project / "seeds" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_dates_from_names_text_and_order(project):
    paths = [
        _issue(project, "001_2019-10.txt"),
        _issue(project, "002_2019年第11期.txt"),
        _issue(project, "003_201912.txt"),
        _issue(project, "004_x.txt", " 组工通讯 2020年第1期\n\n目录\n"),
        _issue(project, "005_5e9201910a446d77.txt"),  # a hash with 201910 inside: no date
    ]
    got = cu.issue_dates(paths).set_index("issue_id")
    assert got["label"].tolist() == ["2019年10月", "2019年第11期", "2019年12月", "2020年第1期", "005（日期未知）"]
    dates = got["date"].tolist()
    assert dates[0] == "2019-10-01" and dates[2] == "2019-12-01" and pd.isna(dates[1])  # ISO, the first of the month
    assert got["date_source"].tolist() == ["file name", "file name", "file name", "text", "order"]
    assert got.loc["001_2019-10", ["year", "month"]].tolist() == [2019, 10]
    assert got.loc["002_2019年第11期", ["year", "number"]].tolist() == [2019, 11]


def test_issues_csv_wins_and_its_columns_are_optional(project):
    path = _issue(project, "001_2019-10.txt")
    other = _issue(project, "002_other.txt")
    (project / "seeds" / "issues.csv").write_text(
        "issue_id,date,volume,number,title\n001_2019-10,2019-10-15,27,10,组工通讯\n002_other,,,3,\n", encoding="utf-8"
    )
    got = cu.issue_dates([path, other]).set_index("issue_id")
    assert got.loc["001_2019-10", ["date", "volume", "number", "title", "date_source"]].tolist() == [
        "2019-10-15",
        27,
        10,
        "组工通讯",
        "issues.csv",
    ]
    assert got.loc["001_2019-10", "label"] == "2019年第10期"
    assert got.loc["002_other", "label"] == "002（日期未知）"  # a number without a year says too little


def test_an_issues_csv_without_header_is_refused_by_name(project):
    (project / "seeds" / "issues.csv").write_text("001,2019-10\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"issues\.csv: the first line must name the columns"):
        cu.issue_dates([_issue(project, "001_x.txt")])


def test_the_seed_has_no_date_and_says_so(seed_path):
    got = cu.issue_dates([seed_path])
    assert got["label"].tolist() == ["000（日期未知）"] and got["date_source"].tolist() == ["order"]


def test_a_date_without_a_number_is_named_as_a_date_in_chinese(project):
    path = _issue(project, "001_x.txt")
    (project / "seeds" / "issues.csv").write_text("issue_id,date\n001_x,2019-10-15\n", encoding="utf-8")
    got = cu.issue_dates([path]).iloc[0]
    assert (got["label"], got["date"]) == ("2019年10月15日", "2019-10-15")


def test_dated_tables_carry_the_iso_date_volume_and_number_after_the_label(project):
    paths = [_issue(project, "002_2020-01.txt"), _issue(project, "001_2019-11.txt")]
    (project / "seeds" / "issues.csv").write_text(
        "issue_id,date,volume,number\n001_2019-11,2019-11,27,11\n", encoding="utf-8"
    )
    table = dated(pd.DataFrame({"issue_id": ["002_2020-01", "001_2019-11"], "n": [1, 2]}), cu.issue_dates(paths))
    assert (
        list(table.columns)
        == ["issue_id", *LABEL_COLUMNS, "n"]
        == ["issue_id", "label", "date", "volume", "number", "n"]
    )
    assert table["issue_id"].tolist() == ["001_2019-11", "002_2020-01"]  # in date order
    assert table["label"].tolist() == ["2019年11月", "2020年1月"]  # one style: 002 has no number
    assert pd.to_datetime(table["date"]).dt.year.tolist() == [2019, 2020]  # pandas reads the dates as dates
    assert table["number"].tolist() == [11, pd.NA]


def test_issues_with_dates_but_not_all_numbers_are_all_named_by_date(project):
    paths = [_issue(project, "001_2019-10.txt"), _issue(project, "002_2019-11.txt")]
    (project / "seeds" / "issues.csv").write_text("issue_id,date,number\n001_2019-10,2019-10,10\n", encoding="utf-8")
    assert cu.issue_dates(paths)["label"].tolist() == ["2019年10月", "2019年11月"]  # not 2019年第10期 beside 2019年11月
    assert cu.issue_label(paths[1]) == "2019年11月"
    (project / "seeds" / "issues.csv").write_text(
        "issue_id,date,number\n001_2019-10,2019-10,10\n002_2019-11,2019-11,11\n", encoding="utf-8"
    )
    assert cu.issue_dates(paths)["label"].tolist() == ["2019年第10期", "2019年第11期"]
    assert cu.issue_label(paths[0]) == "2019年第10期"
