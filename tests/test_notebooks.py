"""Every notebook runs on the seed issue (papermill), writes its charts and tables, and is
stored without outputs, with a tagged parameters cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
    "05_compare_issues": ["../compare/05_phrase_trends.png", "../compare/tables/phrase_trends.csv"],
}


def test_the_five_notebooks_are_there():
    assert [p.stem for p in NOTEBOOKS] == list(EXPECTED)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stored_clean_with_a_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert "parameters" in code[0]["metadata"].get("tags", [])
    title = "".join(nb["cells"][0]["source"])
    assert nb["cells"][0]["cell_type"] == "markdown" and title.startswith("# ")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_on_the_seed_and_writes_its_files(path, tmp_path, monkeypatch):
    import papermill

    monkeypatch.setenv("CORPUS_UTILS_FIGURES", str(tmp_path / "figures"))
    papermill.execute_notebook(
        str(path), str(tmp_path / path.name), cwd=str(path.parent), progress_bar=False, log_output=False
    )
    for name in EXPECTED[path.stem]:
        assert (tmp_path / "figures" / SEED_ID / name).resolve().is_file(), name
