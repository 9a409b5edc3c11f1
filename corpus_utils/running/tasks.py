"""The report's plan: which notebook runs for which issue with which parameters, where its
executed copy goes, which files it reads (``task_inputs``, the one place that says so), the
fingerprint of those inputs and whether the outputs of its last run still match it. It starts
no kernel and writes nothing: deciding what to run is kept apart from running it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..cache import file_key, text_key
from ..paths import PACKAGE_DIR, figures_dir, notebooks_dir, resolve_issue, seed_paths, shown_path
from ..text.tokens import dictionary_files, stopword_files

CROSS_ISSUE = "compare"  # the issue_id of the notebooks that read every issue (reports/compare/)


@dataclass(frozen=True)
class Task:
    """One notebook to run: for one issue, or across issues (``issue_id`` is ``compare``)."""

    notebook: Path
    issue_id: str
    parameters: dict


def report_tasks(
    issues: Sequence[Path] | None = None,
    *,
    phrases: Sequence[str] | None = None,
    notebooks: Sequence[Path] | None = None,
    compare: Sequence[Path] | None = None,
) -> list[Task]:
    """The notebooks to run: each numbered notebook that takes an ``issue_path`` for each issue,
    and each that takes ``issue_paths`` (the comparison, concepts and topics) once, over
    ``compare`` (default: the same issues). Issue paths are passed relative to the project root
    where they lie inside it."""
    issues = [Path(p) for p in issues] if issues else seed_paths()
    compare = [Path(p) for p in compare] if compare is not None else issues
    notebooks = sorted(notebooks or notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
    extra = {"phrases": list(phrases)} if phrases else {}
    declared = {nb: notebook_parameters(nb) for nb in notebooks}

    def task(nb: Path, issue_id: str, params: dict) -> Task:
        return Task(nb, issue_id, params | {k: v for k, v in extra.items() if k in declared[nb]})

    across = [nb for nb in notebooks if "issue_paths" in declared[nb]]
    tasks = [
        task(nb, Path(issue).stem, {"issue_path": shown_path(issue)})
        for issue in issues
        for nb in notebooks
        if nb not in across
    ]
    tasks += [task(nb, CROSS_ISSUE, {"issue_paths": [shown_path(p) for p in compare]}) for nb in across]
    return tasks


def notebook_parameters(notebook: Path) -> set[str]:
    """The names a notebook's ``parameters`` cell declares (a notebook gets only those)."""
    import papermill

    return set(papermill.inspect_notebook(str(notebook)))


def executed_path(task: Task, out_dir: Path) -> Path:
    """Where a task's executed notebook goes: ``<out_dir>/<issue_id>/<notebook>.ipynb``."""
    return out_dir / task.issue_id / task.notebook.name


def fingerprint_path(task: Task, out_dir: Path) -> Path:
    """Where the fingerprint of a task's last successful run is kept, beside its executed notebook."""
    return executed_path(task, out_dir).with_suffix(".fingerprint")


def task_inputs(task: Task) -> list[Path]:
    """The files a notebook's output depends on, those that exist: the notebook, the issue
    files, the stopword lists and the issues' dictionaries (the package itself aside)."""
    issues = task.parameters.get("issue_paths") or [task.parameters.get("issue_path", "")]
    issue_ids = [Path(p).stem for p in issues]
    files = [task.notebook, *(resolve_issue(p) for p in issues), *stopword_files()]
    files += [f for issue_id in issue_ids for f in dictionary_files(issue_id)]
    return [f for f in files if f.is_file()]


def task_fingerprint(task: Task) -> str:
    """Everything a notebook's output depends on: the notebook, its parameters, the issue
    files, the dictionaries and stopword lists, and the package's code and data."""
    inputs = task_inputs(task)
    parts = [json.dumps(task.parameters, sort_keys=True, ensure_ascii=False), _package_version()]
    parts += [f"{f}:{file_key(f)}" for f in inputs]
    return text_key(*parts)


def is_up_to_date(task: Task, *, out_dir: Path, html: bool = True) -> bool:
    """Whether the last run of this task had the same fingerprint and its outputs are all there."""
    target = executed_path(task, out_dir)
    stamp = fingerprint_path(task, out_dir)
    figures = figures_dir(task.issue_id)
    return (
        stamp.is_file()
        and stamp.read_text(encoding="utf-8") == task_fingerprint(task)
        and target.is_file()
        and (not html or target.with_suffix(".html").is_file())
        and figures.is_dir()
        and any(figures.iterdir())
    )


@lru_cache(maxsize=1)
def _package_version() -> str:
    """The package's code and data, hashed once a run (every task's fingerprint needs it)."""
    files = sorted(PACKAGE_DIR.rglob("*.py")) + sorted((PACKAGE_DIR / "data").glob("*"))
    return text_key(*(f"{f.name}:{file_key(f)}" for f in files if f.is_file()))
