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
