"""The report runner: which notebooks run, failures named by issue, notebook and cell,
the others still running, and the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import nbformat
import pandas as pd
import pytest

from corpus_utils.analyses import recurring
from corpus_utils.paths import project_root
from corpus_utils.running.documents import tables_workbook
from corpus_utils.running.report import run_report
from corpus_utils.running.tasks import report_tasks


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
    cross_issue = ["05_compare_issues", "07_concepts_topics", "09_discourse_across_issues"]
    per_issue_notebooks = len(list((seed_path.parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb"))) - 3
    assert len(per_issue) == 2 * per_issue_notebooks and {t.issue_id for t in per_issue} == {
        seed_path.stem,
        "001_other",
    }
    across = [t for t in tasks if t.issue_id == "compare"]
    assert [t.notebook.stem for t in across] == cross_issue == [t.notebook.stem for t in tasks[-3:]]
    # relative to the project root where inside it, absolute elsewhere
    assert all(t.parameters["issue_paths"] == tasks[-1].parameters["issue_paths"] for t in across)
    assert tasks[-1].parameters["issue_paths"] == [f"seeds/{seed_path.name}", str(other.resolve())]
    # the phrases go to the notebooks that declare them, and only there
    wants = {t.notebook.stem for t in tasks if "phrases" in t.parameters}
    assert wants == {"01_issue_overview", "04_recurring_phrases", "05_compare_issues", "06_collocations_network"}
    assert all(t.parameters["phrases"] == ["党建联盟"] for t in tasks if t.notebook.stem in wants)


def test_without_phrases_given_the_report_follows_the_project_s_list(tmp_path, seed_path, monkeypatch):
    mine = tmp_path / "phrases.txt"
    mine.write_text("# mine\n网格化\n党建联盟\n", encoding="utf-8")
    monkeypatch.setattr(recurring, "phrases_file", lambda: mine)
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
    here = os.getcwd()
    result = run_report([seed_path], notebooks=[good, bad], out_dir=tmp_path / "out", progress=False, html=False)
    assert os.getcwd() == here  # no notebook moved the process (papermill's cwd= would, racing in threads)
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


def test_report_refuses_a_bad_named_file_with_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "corpus_utils", "report", "--no-html", str(empty)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,  # not in a project
    )
    assert out.returncode == 2
    assert out.stderr.strip().startswith("error: no project folder (one holding seeds/ and notebooks/) at or above")


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


# a project of its own: the seed, a second readable issue, two broken files, two small notebooks
@pytest.fixture
def project(tmp_path, seed_path, monkeypatch):
    root = tmp_path / "proj"
    for folder in ("seeds", "notebooks", "dictionaries"):
        (root / folder).mkdir(parents=True)
    shutil.copy(seed_path, root / "seeds" / seed_path.name)
    (root / "seeds" / "003_small.txt").write_text(
        " 组 工 论 坛\n\n党建联盟引领基层治理，推动发展。\n\n加强党建联盟建设\n\n张三\n", encoding="utf-8"
    )
    (root / "seeds" / "001_empty.txt").write_bytes(b"")
    (root / "seeds" / "002_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "dictionaries" / "phrases.txt").write_text("担当作为\n党建联盟\n", encoding="utf-8")
    write = "import corpus_utils as cu, pandas as pd\n"
    _notebook(
        root / "notebooks" / "01_size.ipynb",
        write + "issue = cu.load_issue(issue_path)\n"
        "cu.save_table(pd.DataFrame({'records': [len(issue.articles)]}), issue.issue_id, 'size')",
    )
    compare = _notebook(
        root / "notebooks" / "05_compare_issues.ipynb",
        write + "cu.save_table(pd.DataFrame({'path': issue_paths}), 'compare', 'issues')",
    )
    nb = nbformat.read(compare, as_version=4)
    nb.cells[0].source = "issue_paths = []\nphrases = []"
    nbformat.write(nb, compare)
    for name in ("CORPUS_UTILS_ROOT", "CORPUS_UTILS_FIGURES"):
        monkeypatch.delenv(name, raising=False)
    return root


def _report(root, *args):
    return subprocess.run(
        [sys.executable, "-m", "corpus_utils", "report", "--no-html", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=root / "notebooks",  # the root is found walking up from the working folder
    )


def test_broken_files_are_named_the_rest_runs_and_the_exit_says_so(project, seed_path):
    out = _report(project)
    assert out.returncode == 1
    skipped = [line for line in out.stderr.splitlines() if line.startswith("SKIPPED")]
    assert skipped == ["SKIPPED seeds/001_empty.txt: empty file", skipped[1]]
    assert skipped[1].startswith("SKIPPED seeds/002_image.txt: ")
    assert "KeyboardInterrupt" not in out.stderr + out.stdout
    for issue_id in (seed_path.stem, "003_small"):
        assert (project / "figures" / issue_id / "tables" / "size.csv").is_file()
    compared = pd.read_csv(project / "figures" / "compare" / "tables" / "issues.csv", encoding="utf-8-sig")
    assert compared["path"].tolist() == [f"seeds/{seed_path.name}", "seeds/003_small.txt"]


def test_one_named_issue_is_compared_with_every_issue_in_seeds(project, seed_path):
    (project / "seeds" / "001_empty.txt").unlink()
    (project / "seeds" / "002_image.txt").unlink()
    out = _report(project, "seeds/003_small.txt")
    assert out.returncode == 0, out.stderr
    assert not (project / "figures" / seed_path.stem).exists()  # only the named issue's notebooks ran
    compared = pd.read_csv(project / "figures" / "compare" / "tables" / "issues.csv", encoding="utf-8-sig")
    assert compared["path"].tolist() == [f"seeds/{seed_path.name}", "seeds/003_small.txt"]


def test_executed_notebooks_show_their_parameters_once_readable_and_relative(project, seed_path):
    _report(project, f"seeds/{seed_path.name}", "--phrases", "担当作为")
    nb = nbformat.read(project / "reports" / seed_path.stem / "01_size.ipynb", as_version=4)
    params = [c for c in nb.cells if {"parameters", "injected-parameters"} & set(c.metadata.get("tags", []))]
    assert len(params) == 1
    assert f"issue_path = 'seeds/{seed_path.name}'" in params[0].source
    assert "phrases = ['担当作为']" in params[0].source
    assert "\\u" not in params[0].source and str(project) not in params[0].source


def test_outputs_of_removed_issues_are_named_then_pruned(project):
    (project / "seeds" / "001_empty.txt").unlink()
    (project / "seeds" / "002_image.txt").unlink()
    (project / "figures" / "999_gone" / "tables").mkdir(parents=True)
    (project / "reports" / "999_gone").mkdir(parents=True)
    out = _report(project)
    assert "stale: figures/999_gone (its issue is no longer in seeds/; --prune removes it)" in out.stdout
    assert (project / "figures" / "999_gone").is_dir()
    out = _report(project, "--prune")
    assert "removed figures/999_gone" in out.stdout and "removed reports/999_gone" in out.stdout
    assert not (project / "figures" / "999_gone").exists() and not (project / "reports" / "999_gone").exists()
    assert (project / "figures" / "003_small").is_dir()


def test_no_notebooks_or_no_readable_issue_is_an_error(project):
    for nb in (project / "notebooks").glob("*.ipynb"):
        nb.unlink()
    out = _report(project)
    assert out.returncode == 2 and "error: no notebooks (NN_name.ipynb) in" in out.stderr


def test_the_root_follows_the_working_folder_so_clones_stay_apart(project, tmp_path, seed_path):
    other = tmp_path / "other_clone"
    shutil.copytree(project, other)
    for root in (project, other):
        for broken in ("001_empty.txt", "002_image.txt"):
            (root / "seeds" / broken).unlink()
    assert _report(other, "seeds/003_small.txt").returncode == 0
    assert (other / "figures" / "003_small" / "tables" / "size.csv").is_file()
    assert not (project / "figures").exists() and not (project / "reports").exists()
    assert project_root(project / "notebooks") == project.resolve()


def test_a_reused_kernel_carries_nothing_from_one_notebook_to_the_next(tmp_path, seed_path):
    first = _notebook(tmp_path / "01_first.ipynb", "leaked = 'from 01'", "import json")
    second = _notebook(
        tmp_path / "02_second.ipynb",
        "assert 'leaked' not in globals() and 'json' not in globals()",
        "raise ValueError('x')",
    )
    result = run_report(
        [seed_path], notebooks=[first, second], out_dir=tmp_path / "out", progress=False, html=False, jobs=1
    )
    (failure,) = result.failures  # the assert passed: only the deliberate error is left
    assert "ValueError: x" in failure.error
    assert failure.cell == 4  # numbered from 1 in its own notebook, though the kernel ran 01 first
