"""Issues → executed notebooks, HTML reports, charts, tables and an Excel workbook.

``run_report`` executes every numbered notebook for every issue with papermill (two at a
time on two cores), then the cross-issue notebook once. Executed notebooks and their HTML
export go to ``reports/<issue_id>/``, charts and CSV tables to ``figures/<issue_id>/`` (the
notebooks write them), and every table of an issue is gathered in one workbook,
``reports/<issue_id>/tables.xlsx``. A notebook that fails is reported with its issue,
notebook and cell; the others still run. A notebook whose inputs are unchanged since its
last successful run is not run again. The plan (``tasks``), running one notebook
(``kernels``) and writing the documents (``documents``) have modules of their own; this one
queues the run and says what it made.

An issue file that cannot be read (empty, binary, a picture renamed ``.txt``) is named with its
one-line error and left out; the others run, and the comparison always covers every readable
issue in ``seeds/`` (plus any named outside it), never just the ones named on the command line.
Paths are relative to the project root (``paths.project_root``), which the kernels are given
through ``$CORPUS_UTILS_ROOT``, so a second clone sharing the environment writes only into itself.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ..analyses.recurring import followed_phrases
from ..paths import figures_dir, notebooks_dir, project_root, reports_dir, resolve_issue, seed_paths
from .documents import issue_documents
from .kernels import Failure, KernelPool, KernelRoot, run_notebook
from .tasks import CROSS_ISSUE, Task, executed_path, is_up_to_date, report_tasks


class ReportError(RuntimeError):
    """Nothing to run: no notebooks, or no readable issue."""


@dataclass
class ReportResult:
    """What a report run made and what failed."""

    done: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # up to date, not rerun
    workbooks: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)  # issue files left out, one line each
    readers: list[Path] = field(default_factory=list)  # one reader's report (HTML, no code) per issue

    @property
    def ok(self) -> bool:
        return not self.failures and not self.broken


def run_report(
    issues: Sequence[Path] | None = None,
    *,
    phrases: Sequence[str] | None = None,
    notebooks: Sequence[Path] | None = None,
    jobs: int = 2,
    html: bool = True,
    out_dir: Path | None = None,
    progress: bool = True,
    force: bool = False,
    on_done: Callable[[Task, Failure | None], None] | None = None,
) -> ReportResult:
    """Run every notebook for every issue; see the module docstring for what is written where.

    A notebook whose inputs have not changed since its last successful run (``task_fingerprint``)
    is skipped unless ``force``: adding an issue to ``seeds/`` reruns that issue and the
    comparison only. Raises ``ReportError`` when there are no notebooks or no readable issue.
    """
    from tqdm.auto import tqdm

    root = project_root()
    out_dir = Path(out_dir) if out_dir is not None else reports_dir()
    notebooks = sorted(notebooks or notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
    if not notebooks:
        raise ReportError(f"no notebooks (NN_name.ipynb) in {notebooks_dir()}")
    result = ReportResult()
    named = [resolve_issue(p) for p in issues] if issues else seed_paths()
    everyone = list(dict.fromkeys([*seed_paths(), *named]))
    errors = {p: issue_error(p) for p in everyone}
    readable = [p for p in everyone if errors[p] is None]
    result.broken = [errors[p] for p in everyone if errors[p] is not None]
    if not readable:
        raise ReportError("no readable issue: " + ("; ".join(result.broken) or f"none in {root / 'seeds'}"))
    phrases = list(phrases) if phrases else followed_phrases()
    tasks = report_tasks([p for p in named if p in readable], phrases=phrases, notebooks=notebooks, compare=readable)
    per_issue = [t for t in tasks if t.issue_id != CROSS_ISSUE]
    across = [t for t in tasks if t.issue_id == CROSS_ISSUE]
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

    # an issue's workbook and reader's report are written, in a thread of their own, as soon as
    # its last notebook is done: while the other notebooks and the comparison still run
    remaining = Counter(t.issue_id for t in per_issue)
    closing = ThreadPoolExecutor(max_workers=1)
    closed = []

    def issue_done(issue_id: str) -> None:
        remaining[issue_id] -= 1
        if remaining[issue_id] == 0:
            executed = [executed_path(t, out_dir) for t in per_issue if t.issue_id == issue_id]
            closed.append(closing.submit(issue_documents, issue_id, executed, out_dir, html))

    # the comparison reads the issues themselves, not the other notebooks' outputs: every
    # notebook goes into one queue, the longest (by the last run) first, so both cores stay busy
    took = _durations(out_dir)
    kernels = KernelPool()
    with KernelRoot(root), closing, contextlib.closing(kernels):
        todo = []
        for task in [*per_issue, *across]:
            if not force and is_up_to_date(task, out_dir=out_dir, html=html):
                result.skipped.append(executed_path(task, out_dir))
                bar.update()
                if task.issue_id in remaining:
                    issue_done(task.issue_id)
            else:
                todo.append(task)
        # unknown durations (a first run): the notebooks that read every issue first, since they
        # grow with the archive and depend on no other notebook
        unknown = max(took.values(), default=0.0) + 1.0
        todo.sort(key=lambda t: -took.get(t.notebook.stem, unknown if t.issue_id == CROSS_ISSUE else 0.0))
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(_timed_run, t, out_dir, html, kernels): t for t in todo}
            for future in as_completed(futures):
                task = futures[future]
                failure, path, seconds = future.result()
                took[task.notebook.stem] = seconds
                finish(task, failure, path)
                if task.issue_id in remaining:
                    issue_done(task.issue_id)
        bar.close()
    _store_durations(out_dir, took)
    for future in closed:
        book, reader = future.result()
        if book:
            result.workbooks.append(book)
        if reader:
            result.readers.append(reader)
    return result


def issue_error(path: Path) -> str | None:
    """Why an issue file cannot be read, in one line (None if it reads)."""
    from ..segmenting.issue import read_issue

    return read_issue(path)[1]


def stale_outputs(out_dir: Path | None = None) -> list[Path]:
    """Folders in ``figures/`` and ``reports/`` of issues no longer in ``seeds/``."""
    keep = {p.stem for p in seed_paths()} | {"compare"}
    folders = [figures_dir(), Path(out_dir) if out_dir is not None else reports_dir()]
    return sorted(d for base in folders if base.is_dir() for d in base.iterdir() if d.is_dir() and d.name not in keep)


def prune_outputs(out_dir: Path | None = None) -> list[Path]:
    """Remove the outputs ``stale_outputs`` names; return what was removed."""
    stale = stale_outputs(out_dir)
    for folder in stale:
        shutil.rmtree(folder)
    return stale


def _timed_run(task: Task, out_dir: Path, html: bool, kernels: KernelPool) -> tuple[Failure | None, Path, float]:
    t0 = time.perf_counter()
    failure, path = run_notebook(task, out_dir=out_dir, html=html, km=kernels.fresh())
    return failure, path, time.perf_counter() - t0


def _durations(out_dir: Path) -> dict[str, float]:
    """Seconds each notebook took on its last run (``reports/durations.json``), to start the
    longest first."""
    try:
        return json.loads((out_dir / "durations.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _store_durations(out_dir: Path, took: dict[str, float]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps({k: round(v, 2) for k, v in sorted(took.items())}, indent=1)
    (out_dir / "durations.json").write_text(text, encoding="utf-8")
