"""The report runner: which notebooks run, failures named by issue, notebook and cell,
the others still running, and the command line."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import pandas as pd

from corpus_utils import recurring
from corpus_utils.report import report_tasks, run_report, tables_workbook


def _notebook(path, *cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell('issue_path = ""\nphrases = []')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(nbformat.v4.new_code_cell(c) for c in cells)]
    nbformat.write(nb, path)
    return path


def test_tasks_cover_every_issue_then_compare_once(tmp_path, seed_path):
    other = tmp_path / "001_other.txt"
    tasks = report_tasks([seed_path, other], phrases=["党建联盟"])
    per_issue = [t for t in tasks if t.issue_id != "compare"]
    assert len(per_issue) == 8 and {t.issue_id for t in per_issue} == {seed_path.stem, "001_other"}
    assert tasks[-1].notebook.stem == "05_compare_issues"
    assert tasks[-1].parameters["issue_paths"] == [str(seed_path.resolve()), str(other.resolve())]
    # the phrases go to the notebooks that declare them, and only there
    wants = {t.notebook.stem for t in tasks if "phrases" in t.parameters}
    assert wants == {"01_issue_overview", "04_recurring_phrases", "05_compare_issues"}
    assert all(t.parameters["phrases"] == ["党建联盟"] for t in tasks if t.notebook.stem in wants)


def test_without_phrases_given_the_report_follows_the_project_s_list(tmp_path, seed_path, monkeypatch):
    mine = tmp_path / "phrases.txt"
    mine.write_text("# mine\n网格化\n党建联盟\n", encoding="utf-8")
    monkeypatch.setattr(recurring, "PHRASES_FILE", mine)
    seen = []
    run_report(
        [seed_path],
        notebooks=[_notebook(tmp_path / "01_p.ipynb", "x = 1")],
        out_dir=tmp_path / "out",
        progress=False,
        html=False,
        on_done=lambda task, failure: seen.append(task.parameters["phrases"]),
    )
    assert seen == [["网格化", "党建联盟"]]


def test_a_failing_notebook_is_named_and_the_others_still_run(tmp_path, seed_path):
    good = _notebook(tmp_path / "01_good.ipynb", "x = len(issue_path)")
    bad = _notebook(tmp_path / "02_bad.ipynb", "y = 1", "raise ValueError('no such column: 栏目')")
    result = run_report([seed_path], notebooks=[good, bad], out_dir=tmp_path / "out", progress=False, html=False)
    assert [p.name for p in result.done] == ["01_good.ipynb"]
    (failure,) = result.failures
    # In [4] as the executed notebook shows it: parameters, injected parameters, y = 1, raise
    assert (failure.issue_id, failure.notebook, failure.cell) == (seed_path.stem, "02_bad.ipynb", 4)
    assert "ValueError: no such column: 栏目" in str(failure)
    assert "raise ValueError" in str(failure)
    assert (tmp_path / "out" / seed_path.stem / "02_bad.ipynb").is_file()  # kept, to look at the error


def test_tables_are_gathered_into_one_workbook(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_UTILS_FIGURES", str(tmp_path))
    (tmp_path / "x" / "tables").mkdir(parents=True)
    pd.DataFrame({"a": [1], "词": ["党建"]}).to_csv(
        tmp_path / "x" / "tables" / "one.csv", index=False, encoding="utf-8-sig"
    )
    book = tables_workbook("x", tmp_path / "book.xlsx")
    assert pd.read_excel(book, sheet_name="one").to_dict("records") == [{"a": 1, "词": "党建"}]
    assert tables_workbook("nothing", tmp_path / "none.xlsx") is None


def test_report_refuses_bad_input_with_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "corpus_utils", "report", str(empty)], capture_output=True, text=True, check=False
    )
    assert out.returncode == 1
    assert out.stderr.strip() == f"error: {empty}: empty file"


def test_unchanged_notebooks_are_not_rerun_and_a_changed_issue_is(tmp_path, monkeypatch):
    monkeypatch.setenv("CORPUS_UTILS_FIGURES", str(tmp_path / "figures"))
    issue = tmp_path / "042_issue.txt"
    issue.write_text(" 党建联盟工作法。\n", encoding="utf-8")
    nb = _notebook(
        tmp_path / "01_write.ipynb",
        "import corpus_utils as cu, pandas as pd\n"
        "cu.save_table(pd.DataFrame({'n': [len(issue_path)]}), '042_issue', 'n')",
    )
    run = lambda: run_report([issue], notebooks=[nb], out_dir=tmp_path / "out", progress=False, html=False)  # noqa: E731
    first = run()
    assert (len(first.done), len(first.skipped)) == (1, 0)
    second = run()
    assert (len(second.done), len(second.skipped)) == (0, 1)
    issue.write_text(" 党建联盟工作法，推动基层治理。\n", encoding="utf-8")
    third = run()
    assert (len(third.done), len(third.skipped)) == (1, 0)
    forced = run_report([issue], notebooks=[nb], out_dir=tmp_path / "out", progress=False, html=False, force=True)
    assert len(forced.done) == 1
