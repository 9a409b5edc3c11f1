"""The notebooks, run as the report command runs them: every notebook on the seed issue,
its charts and tables written, its executed copy and HTML in reports/, one Excel workbook.
The notebooks themselves are stored without outputs, with a tagged parameters cell."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corpus_utils.running.report import run_report

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
SEED_ID = "000_5e927a446d779796"
EXPECTED = {
    "01_issue_overview": [
        "01_column_sizes.png",
        "tables/contents.csv",
        "tables/column_overview.csv",
        "tables/phrase_check.csv",
    ],
    "02_keywords": ["02_top_terms_by_column.png", "02_wordclouds_by_column.svg", "tables/term_frequencies_column.csv"],
    "03_columns_tfidf_keyness": ["03_keyness_heatmap.png", "03_tfidf_by_column.png", "tables/keyness.csv"],
    "04_recurring_phrases": [
        "04_phrase_counts_by_column.png",
        "04_phrase_dispersion.png",
        "tables/phrase_counts.csv",
        "tables/kwic.csv",
    ],
    "05_compare_issues": [
        "../compare/05_phrase_trends.png",
        "../compare/tables/phrase_trends.csv",
        "../compare/05_keyness_latest.png",
        "../compare/tables/keyness_latest_vs_previous.csv",
    ],
    "06_collocations_network": [
        "06_concepts_by_column.png",
        "06_cooccurrence_network.png",
        "tables/collocates.csv",
        "tables/network_edges.csv",
        "tables/kwic_sorted.csv",
    ],
    "07_concepts_topics": [
        "../compare/07_concept_trends.png",
        "../compare/07_topic_terms.png",
        "../compare/07_topic_shares_by_column.png",
        "../compare/tables/topic_choice.csv",
        "../compare/tables/topic_terms.csv",
        "../compare/tables/concept_trends.csv",
    ],
    "08_discourse": [
        "08_formulas_by_column.png",
        "08_citations_by_column.png",
        "08_units.png",
        "08_county_coverage.png",
        "08_framing_by_column.png",
        "tables/formula_counts.csv",
        "tables/citations.csv",
        "tables/named_documents.csv",
        "tables/units.csv",
        "tables/place_mentions.csv",
        "tables/framing_kwic.csv",
    ],
    "09_discourse_across_issues": [
        "../compare/09_reprint_shares.png",
        "../compare/09_formula_trends.png",
        "../compare/09_citation_trends.png",
        "../compare/09_framing_trends.png",
        "../compare/09_county_coverage.png",
        "../compare/tables/reprint_pairs.csv",
        "../compare/tables/formula_trends.csv",
        "../compare/tables/county_coverage.csv",
    ],
}
ACROSS = ("05_compare_issues", "07_concepts_topics", "09_discourse_across_issues")  # take issue_paths


def test_the_numbered_notebooks_are_there():
    assert [p.stem for p in NOTEBOOKS] == list(EXPECTED)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stored_clean_with_a_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert "parameters" in code[0]["metadata"].get("tags", [])
    title = "".join(nb["cells"][0]["source"])
    assert nb["cells"][0]["cell_type"] == "markdown" and title.startswith("# ")


@pytest.fixture(scope="module")
def report(tmp_path_factory, seed_path):
    """One report run over the seed, figures and reports in a temporary folder."""
    root = tmp_path_factory.mktemp("report")
    before = os.environ.get("CORPUS_UTILS_FIGURES")
    os.environ["CORPUS_UTILS_FIGURES"] = str(root / "figures")
    try:
        result = run_report([seed_path], out_dir=root / "reports", progress=False)
    finally:
        if before is None:
            os.environ.pop("CORPUS_UTILS_FIGURES")
        else:
            os.environ["CORPUS_UTILS_FIGURES"] = before
    return root, result


def test_every_notebook_ran_without_failure(report):
    _, result = report
    assert result.failures == []
    assert sorted(p.stem for p in result.done) == list(EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_notebook_wrote_its_charts_tables_and_report(report, name):
    root, _ = report
    for rel in EXPECTED[name]:
        assert (root / "figures" / SEED_ID / rel).resolve().is_file(), rel
    folder = "compare" if name in ACROSS else SEED_ID
    executed = root / "reports" / folder / f"{name}.ipynb"
    nb = json.loads(executed.read_text(encoding="utf-8"))
    assert any(c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")
    html = executed.with_suffix(".html").read_text(encoding="utf-8")
    assert "<html" in html and "data:image/png;base64" in html


def test_one_workbook_gathers_the_issue_s_tables(report):
    import openpyxl

    root, result = report
    # the issue's, and the comparison's across issues
    assert sorted(result.workbooks) == sorted(root / "reports" / f / "tables.xlsx" for f in (SEED_ID, "compare"))
    sheets = openpyxl.load_workbook(root / "reports" / SEED_ID / "tables.xlsx", read_only=True).sheetnames
    assert {"keyness", "phrase_counts", "contents", "kwic"} <= set(sheets)
    sheets = openpyxl.load_workbook(root / "reports" / "compare" / "tables.xlsx", read_only=True).sheetnames
    assert {"phrase_trends", "topic_terms", "reprint_summary", "county_coverage"} <= set(sheets)


def test_the_published_tables_keep_their_columns(report):
    import pandas as pd

    root, _ = report
    tables = root / "figures" / SEED_ID / "tables"
    keyness = pd.read_csv(tables / "keyness.csv", encoding="utf-8-sig")
    assert list(keyness.columns) == [
        "column", "term", "count_column", "count_rest", "tokens_column", "tokens_rest",
        "g2", "p", "p_adj", "log_ratio", "n_articles", "dp",
    ]  # fmt: skip
    counts = pd.read_csv(tables / "phrase_counts.csv", encoding="utf-8-sig")
    assert list(counts.columns) == ["phrase", "article_id", "column", "count", "per_10k"]
    # the notebook's table is the package's, for the phrases of dictionaries/phrases.txt
    import corpus_utils as cu

    expected = cu.phrase_counts(cu.load_issue(f"seeds/{SEED_ID}.txt")).groupby("phrase")["count"].sum()
    assert counts.groupby("phrase")["count"].sum().to_dict() == expected.to_dict()
    assert (tables / "keyness.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_every_table_that_names_issues_can_be_plotted_by_date(report):
    """A table with an issue's ``label`` (2019年第11期) also has its ISO ``date``, for pandas."""
    import pandas as pd

    root, _ = report
    for path in sorted((root / "figures").glob("*/tables/*.csv")):
        columns = pd.read_csv(path, encoding="utf-8-sig", nrows=0).columns
        for prefix in ("", "earlier_"):
            if f"{prefix}label" in columns:
                assert f"{prefix}date" in columns, (
                    f"{path.parent.parent.name}/{path.name}: {prefix}label, no {prefix}date"
                )


def test_every_notebook_runs_on_an_issue_without_records(tmp_path, monkeypatch):
    """A file that reads but holds no article: the notebooks say so instead of failing."""
    monkeypatch.setenv("CORPUS_UTILS_FIGURES", str(tmp_path / "figures"))
    issue = tmp_path / "007_noart.txt"
    issue.write_text(
        " 这是一页没有文章的文字，只有几句话。\n\n第二行文字也在这里。\n\n 第二页也只有零散的文字。\n", "utf-8"
    )
    notebooks = [p for p in NOTEBOOKS if p.stem not in ACROSS]
    result = run_report([issue], notebooks=notebooks, out_dir=tmp_path / "reports", progress=False, html=False)
    assert [str(f) for f in result.failures] == []
    assert len(result.done) == len(notebooks)


def test_a_reader_s_report_has_contents_charts_and_tables_but_no_code(report):
    root, result = report
    page, across = root / "reports" / SEED_ID / "report.html", root / "reports" / "compare" / "report.html"
    assert sorted(result.readers) == sorted([page, across])  # the issue's, and the comparison's
    for path in (page, across):
        html = path.read_text(encoding="utf-8")
        assert "目录 · Contents" in html and 'href="#' in html
        assert html.count("data:image/png;base64") >= 6 and "<table" in html
        for code in ("save_table", "load_issue", "import corpus_utils", "In&nbsp;["):
            assert code not in html, code


def test_interactive_tables_are_in_the_html_and_fetch_nothing(report):
    root, _ = report
    html = (root / "reports" / SEED_ID / "03_columns_tfidf_keyness.html").read_text(encoding="utf-8")
    assert "itables" in html and "各栏目的关键词" in html
    assert "unpkg.com" not in html and "cdn.jsdelivr" not in html  # itables' offline mode: its code is inline


def test_the_reader_s_report_is_small_titled_and_shows_each_table_once(report):
    import re

    from corpus_utils.running.documents import ITABLES_INIT

    root, _ = report
    html = (root / "reports" / SEED_ID / "report.html").read_text(encoding="utf-8")
    assert len(html.encode("utf-8")) < 3_000_000  # 8.3 MB when each notebook brought itables' script
    assert html.count(ITABLES_INIT) == 1
    assert "<title>阅读报告 · Report — 000（日期未知）</title>" in html
    assert html.count("全部语境行") == 1 and html.count("全部搭配词") == 1  # no static copy above them
    assert not re.search(r"\d\.\d{6}e[-+]\d\d", html)  # numbers as shown rounds them, not 6.131000e-18
    assert re.search(r'"lengthMenu": ?\[10, ?15, ?25, ?50, ?100\]', html)  # the page length is a choice
    assert "Name: count, dtype: int64" not in html  # no raw Series
    page = (root / "reports" / SEED_ID / "04_recurring_phrases.html").read_text(encoding="utf-8")
    assert "<title>重点短语 · Recurring phrases — 000（日期未知）</title>" in page
