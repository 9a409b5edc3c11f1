"""Issues → executed notebooks, HTML reports, charts, tables and an Excel workbook.

``run_report`` executes every numbered notebook for every issue with papermill (two at a
time on two cores), then the cross-issue notebook once. Executed notebooks and their HTML
export go to ``reports/<issue_id>/``, charts and CSV tables to ``figures/<issue_id>/`` (the
notebooks write them), and every table of an issue is gathered in one workbook,
``reports/<issue_id>/tables.xlsx``. A notebook that fails is reported with its issue,
notebook and cell; the others still run. A notebook whose inputs are unchanged since its
last successful run is not run again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .cache import file_key, text_key
from .paths import NOTEBOOKS_DIR, PACKAGE_DIR, ROOT, figures_dir, seed_paths
from .recurring import followed_phrases
from .tokens import DOMAIN_STOPWORDS, PROJECT_STOPWORDS, dictionary_files

REPORTS_DIR = ROOT / "reports"
COMPARE = "05_compare_issues"
_QUIET_KERNEL = ["--IPKernelApp.log_level=ERROR"]


@dataclass(frozen=True)
class Task:
    """One notebook to run: for one issue, or across issues (``issue_id`` is ``compare``)."""

    notebook: Path
    issue_id: str
    parameters: dict


@dataclass
class Failure:
    """Where a notebook stopped: issue, notebook, cell (its ``In [n]`` number and first line) and the error."""

    issue_id: str
    notebook: str
    cell: int | None
    source: str
    error: str

    def __str__(self) -> str:
        cell = f"cell In [{self.cell}] «{self.source}»" if self.cell is not None else "before any cell ran"
        return f"{self.issue_id} / {self.notebook}, {cell}: {self.error}"


@dataclass
class ReportResult:
    """What a report run made and what failed."""

    done: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # up to date, not rerun
    workbooks: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def report_tasks(
    issues: Sequence[Path] | None = None,
    *,
    phrases: Sequence[str] | None = None,
    notebooks: Sequence[Path] | None = None,
) -> list[Task]:
    """The notebooks to run: each numbered notebook for each issue, then the comparison once."""
    issues = [Path(p) for p in issues] if issues else seed_paths()
    notebooks = sorted(notebooks or NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    extra = {"phrases": list(phrases)} if phrases else {}
    declared = {nb: notebook_parameters(nb) for nb in notebooks}

    def task(nb: Path, issue_id: str, params: dict) -> Task:
        return Task(nb, issue_id, params | {k: v for k, v in extra.items() if k in declared[nb]})

    tasks = [
        task(nb, Path(issue).stem, {"issue_path": str(Path(issue).resolve())})
        for issue in issues
        for nb in notebooks
        if nb.stem != COMPARE
    ]
    tasks += [
        task(nb, "compare", {"issue_paths": [str(Path(p).resolve()) for p in issues]})
        for nb in notebooks
        if nb.stem == COMPARE
    ]
    return tasks


def notebook_parameters(notebook: Path) -> set[str]:
    """The names a notebook's ``parameters`` cell declares (a notebook gets only those)."""
    import papermill

    return set(papermill.inspect_notebook(str(notebook)))


def run_report(
    issues: Sequence[Path] | None = None,
    *,
    phrases: Sequence[str] | None = None,
    notebooks: Sequence[Path] | None = None,
    jobs: int = 2,
    html: bool = True,
    out_dir: Path = REPORTS_DIR,
    progress: bool = True,
    force: bool = False,
    on_done: Callable[[Task, Failure | None], None] | None = None,
) -> ReportResult:
    """Run every notebook for every issue; see the module docstring for what is written where.

    A notebook whose inputs have not changed since its last successful run (``task_fingerprint``)
    is skipped unless ``force``: adding an issue to ``seeds/`` reruns that issue and the
    comparison only.
    """
    from tqdm.auto import tqdm

    phrases = list(phrases) if phrases else followed_phrases()
    tasks = report_tasks(issues, phrases=phrases, notebooks=notebooks)
    per_issue = [t for t in tasks if t.issue_id != "compare"]
    across = [t for t in tasks if t.issue_id == "compare"]
    result = ReportResult()
    bar = tqdm(total=len(tasks), desc="notebooks", unit="nb", disable=not progress)

    def finish(task: Task, failure: Failure | None, path: Path) -> None:
        if failure is None:
            result.done.append(path)
        else:
            result.failures.append(failure)
        bar.set_postfix_str(f"{task.issue_id} {task.notebook.stem}")
        bar.update()
        if on_done:
            on_done(task, failure)

    for batch in (per_issue, across):
        todo = []
        for task in batch:
            if not force and is_up_to_date(task, out_dir=out_dir, html=html):
                result.skipped.append(out_dir / task.issue_id / task.notebook.name)
                bar.update()
            else:
                todo.append(task)
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(run_notebook, t, out_dir=out_dir, html=html): t for t in todo}
            for future in as_completed(futures):
                task = futures[future]
                finish(task, *future.result())
    bar.close()
    for issue_id in dict.fromkeys(t.issue_id for t in per_issue):
        book = tables_workbook(issue_id, out_dir / issue_id / "tables.xlsx")
        if book:
            result.workbooks.append(book)
    return result


def task_fingerprint(task: Task) -> str:
    """Everything a notebook's output depends on: the notebook, its parameters, the issue
    files, the dictionaries and stopword lists, and the package's code and data."""
    issues = task.parameters.get("issue_paths") or [task.parameters.get("issue_path", "")]
    issue_ids = [Path(p).stem for p in issues]
    files = [task.notebook, *map(Path, issues), DOMAIN_STOPWORDS, PROJECT_STOPWORDS]
    files += [f for issue_id in issue_ids for f in dictionary_files(issue_id)]
    parts = [json.dumps(task.parameters, sort_keys=True, ensure_ascii=False), _package_version()]
    parts += [f"{f}:{file_key(f)}" for f in files if f.is_file()]
    return text_key(*parts)


def is_up_to_date(task: Task, *, out_dir: Path = REPORTS_DIR, html: bool = True) -> bool:
    """Whether the last run of this task had the same fingerprint and its outputs are all there."""
    target = out_dir / task.issue_id / task.notebook.name
    stamp = target.with_suffix(".fingerprint")
    figures = figures_dir(task.issue_id)
    return (
        stamp.is_file()
        and stamp.read_text(encoding="utf-8") == task_fingerprint(task)
        and target.is_file()
        and (not html or target.with_suffix(".html").is_file())
        and figures.is_dir()
        and any(figures.iterdir())
    )


def run_notebook(task: Task, *, out_dir: Path = REPORTS_DIR, html: bool = True) -> tuple[Failure | None, Path]:
    """Execute one notebook with its parameters; write it (and its HTML) under ``out_dir``."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    target = out_dir / task.issue_id / task.notebook.name
    target.parent.mkdir(parents=True, exist_ok=True)
    failure = None
    try:
        papermill.execute_notebook(
            str(task.notebook),
            str(target),
            parameters=task.parameters,
            cwd=str(task.notebook.parent),
            progress_bar=False,
            log_output=False,
            extra_arguments=_QUIET_KERNEL,
        )
    except PapermillExecutionError as err:
        first = next((ln for ln in err.source.splitlines() if ln.strip()), "")
        failure = Failure(task.issue_id, task.notebook.name, err.exec_count, first, f"{err.ename}: {err.evalue}")
    except Exception as err:  # the kernel did not start, the notebook is unreadable, …
        failure = Failure(task.issue_id, task.notebook.name, None, "", f"{type(err).__name__}: {err}")
    if html and target.is_file():
        _export_html(target)
    stamp = target.with_suffix(".fingerprint")
    if failure is None:
        stamp.write_text(task_fingerprint(task), encoding="utf-8")
    else:
        stamp.unlink(missing_ok=True)
    return failure, target


def tables_workbook(issue_id: str, path: Path) -> Path | None:
    """Gather ``figures/<issue_id>/tables/*.csv`` into one Excel workbook, a sheet per table
    (rewritten only when a table is newer than the workbook)."""
    tables = sorted((figures_dir(issue_id) / "tables").glob("*.csv"))
    if not tables:
        return None
    if path.is_file() and path.stat().st_mtime >= max(t.stat().st_mtime for t in tables):
        return path  # no table changed since the workbook was written
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for csv in tables:
            pd.read_csv(csv, encoding="utf-8-sig").to_excel(writer, sheet_name=csv.stem[:31], index=False)
    return path


# internal functions ----------------------------------------------------------


@lru_cache(maxsize=1)
def _package_version() -> str:
    """The package's code and data, hashed once a run (every task's fingerprint needs it)."""
    files = sorted(PACKAGE_DIR.rglob("*.py")) + sorted((PACKAGE_DIR / "data").glob("*"))
    return text_key(*(f"{f.name}:{file_key(f)}" for f in files if f.is_file()))


def _export_html(notebook: Path) -> Path:
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_filename(str(notebook))
    html = notebook.with_suffix(".html")
    html.write_text(body, encoding="utf-8")
    return html
