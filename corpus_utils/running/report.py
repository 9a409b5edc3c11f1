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
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
from dataclasses import dataclass, field
from pathlib import Path

from ..analyses.recurring import followed_phrases
from ..paths import (
    figures_dir,
    notebooks_dir,
    project_root,
    reports_dir,
    resolve_issue,
    seed_paths,
    write_text_replacing,
)
from .documents import documents_exist, issue_documents
from .kernels import Failure, KernelPool, KernelRoot, load_runner, run_notebook
from .lock import project_lock
from .tasks import CROSS_ISSUE, NOTEBOOKS, Task, executed_path, is_up_to_date, report_tasks

INTERRUPT_GRACE = 10.0  # seconds a notebook interrupted by Ctrl-C has to stop before its kernel is ended


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
    vocabulary: str | None = None  # what was learned again, when the archive or a dictionary changed

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
    comparison only. Raises ``ReportError`` when there are no notebooks, no readable issue, or a
    configuration file of the project that does not fit its shape (``config``); ``ProjectBusy``
    when another run holds the project; ``KeyboardInterrupt`` after Ctrl-C has stopped every
    notebook (none of them then counts as up to date).
    """
    from tqdm import tqdm

    if "ipykernel" in sys.modules:  # in a notebook: its own progress bar
        from tqdm.auto import tqdm
    root = project_root()
    out_dir = Path(out_dir) if out_dir is not None else reports_dir()
    notebooks = sorted(notebooks or notebooks_dir().glob(NOTEBOOKS))
    if not notebooks:
        raise ReportError(f"no notebooks (NN_name.ipynb) in {notebooks_dir()}")
    with project_lock(out_dir):
        problem = project_config_error()
        if problem:
            raise ReportError(problem)
        result = ReportResult()
        named = [resolve_issue(p).resolve() for p in issues] if issues else _seeds()
        everyone = list(dict.fromkeys([*_seeds(), *named]))
        phrases = list(phrases) if phrases else followed_phrases()
        tasks = report_tasks(named, phrases=phrases, notebooks=notebooks, compare=everyone)
        kernels = KernelPool(log=out_dir / "kernels.log")
        with KernelRoot(root), contextlib.closing(kernels):
            # every task finished before with these very inputs (the issue files among them): each
            # issue was read then and reads now, and nothing needs checking, importing or running
            stale = [t for t in tasks if force or not is_up_to_date(t, out_dir=out_dir, html=html)]
            if stale or not tasks:
                # while the issues are checked: papermill loads, and kernels start
                threading.Thread(target=load_runner, daemon=True).start()
                kernels.prestart(min(max(1, jobs), len(stale)))
                errors = {p: issue_error(p) for p in everyone}
                readable = [p for p in everyone if errors[p] is None]
                result.broken = [errors[p] for p in everyone if errors[p] is not None]
                if not readable:
                    broken = "; ".join(result.broken) or f"none in {root / 'seeds'}"
                    raise ReportError(f"no readable issue: {broken}")
                # a changed issue or dictionary makes some task stale: the vocabulary is learned
                # again before any notebook reads it, and each task is checked again as it starts
                result.vocabulary = _vocabulary_refreshed(
                    [p for p in _seeds() if p in readable], jobs, announce=_say if progress else None
                )
                if result.broken:
                    tasks = report_tasks(
                        [p for p in named if p in readable], phrases=phrases, notebooks=notebooks, compare=readable
                    )
            bar = tqdm(total=len(tasks), desc="notebooks", unit="nb", disable=not progress)
            try:
                _run_tasks(
                    tasks, result, out_dir, html=html, jobs=jobs, force=force, bar=bar, on_done=on_done, kernels=kernels
                )
            finally:
                bar.close()
    return result


def project_config_error() -> str | None:
    """The first configuration file of the project that does not fit its shape, in one line
    (``dictionaries/concepts.toml: [主题教育] terms: must list at least 1``), or None. Checked
    before anything runs, so that no notebook fails half-way on it."""
    from ..analyses.concepts import concepts_file, read_concepts
    from ..config import ConfigError
    from ..corpus.dates import issues_table
    from ..text.lexicon import read_empty_words, read_formulations, read_learned_terms
    from ..text.tokens import read_dictionary

    root = project_root()
    try:
        followed_phrases()
        issues_table()
        for name in ("terms.txt", "stopwords.txt"):
            if (root / "dictionaries" / name).is_file():
                read_dictionary(root / "dictionaries" / name)
        read_formulations()
        read_learned_terms()
        read_empty_words()
        if concepts_file().is_file():
            read_concepts()
    except ConfigError as err:
        return str(err)
    return None


def _run_tasks(
    tasks: list[Task],
    result: ReportResult,
    out_dir: Path,
    *,
    html: bool,
    jobs: int,
    force: bool,
    bar,
    on_done: Callable[[Task, Failure | None], None] | None,
    kernels: KernelPool,
) -> None:
    """Run the tasks not up to date, two at a time, longest first; write each issue's documents
    (and the comparison's) once all its notebooks are done. Ctrl-C cancels what has not started and ends the kernels of
    what has, and no document of an unfinished issue is written."""
    per_issue = [t for t in tasks if t.issue_id != CROSS_ISSUE]
    across = [t for t in tasks if t.issue_id == CROSS_ISSUE]
    # each issue, and the comparison across issues, gets its workbook and reader's report
    remaining = Counter(t.issue_id for t in tasks)
    closing = ThreadPoolExecutor(max_workers=1)
    closed = []

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
    ran: set[str] = set()  # issues with a notebook run this time: their documents are written anew

    def issue_done(issue_id: str, *, rerun: bool) -> None:
        remaining[issue_id] -= 1
        if rerun:
            ran.add(issue_id)
        if remaining[issue_id] == 0 and (issue_id in ran or not documents_exist(issue_id, out_dir, html)):
            executed = [executed_path(t, out_dir) for t in tasks if t.issue_id == issue_id]
            label = next((t.label for t in tasks if t.issue_id == issue_id), "")
            closed.append(closing.submit(issue_documents, issue_id, executed, out_dir, html, label))

    # the comparison reads the issues themselves, not the other notebooks' outputs: every
    # notebook goes into one queue, the longest (by the last run) first, so both cores stay busy
    took = _durations(out_dir)
    todo = []
    with closing:
        for task in [*per_issue, *across]:
            if not force and is_up_to_date(task, out_dir=out_dir, html=html):
                result.skipped.append(executed_path(task, out_dir))
                bar.update()
                if task.issue_id in remaining:
                    issue_done(task.issue_id, rerun=False)
            else:
                todo.append(task)
        # unknown durations (a first run): the notebooks that read every issue first where the
        # issues outnumber the workers, since they grow with the archive and depend on no other
        # notebook; with as many issues as workers or fewer, last, so that an issue's workbook
        # and reader's report are written while they run instead of after everything
        many = len(remaining) > max(1, jobs)
        unknown = (max(took.values(), default=0.0) + 1.0) if many else -1.0
        todo.sort(key=lambda t: -took.get(t.notebook.stem, unknown if t.issue_id == CROSS_ISSUE else 0.0))
        pool = ThreadPoolExecutor(max_workers=max(1, jobs))
        try:
            futures = {pool.submit(_timed_run, t, out_dir, html, kernels): t for t in todo}
            for future in as_completed(futures):
                task = futures[future]
                failure, path, seconds = future.result()
                took[task.notebook.stem] = seconds
                finish(task, failure, path)
                if task.issue_id in remaining:
                    issue_done(task.issue_id, rerun=True)
        except KeyboardInterrupt:
            # nothing more starts; the running notebooks are interrupted (their stamps were
            # removed when they started), and their kernels ended if they do not stop at once
            pool.shutdown(wait=False, cancel_futures=True)
            kernels.interrupt()
            wait([f for f in futures if f.running()], timeout=INTERRUPT_GRACE)
            kernels.close()
            raise
        pool.shutdown(wait=True)
    if todo:
        _store_durations(out_dir, took)
    for future in closed:
        book, reader = future.result()
        if book:
            result.workbooks.append(book)
        if reader:
            result.readers.append(reader)


def issue_error(path: Path) -> str | None:
    """Why an issue cannot be read, in one line (None if it reads): its file, its ``.fix.toml``
    or its own word list (``seeds/<issue_id>.terms``)."""
    from ..config import ConfigError
    from ..segmenting.issue import read_issue
    from ..text.tokens import read_dictionary

    error = read_issue(path)[1]
    terms = Path(path).with_suffix(".terms")
    if error is None and terms.is_file():
        try:
            read_dictionary(terms)
        except ConfigError as err:
            error = str(err)
    return error


def stale_outputs(out_dir: Path | None = None) -> list[Path]:
    """Folders in ``figures/`` and ``reports/`` of issues no longer in ``seeds/``."""
    keep = {p.stem for p in seed_paths()} | {CROSS_ISSUE}
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
    failure, path = run_notebook(task, out_dir=out_dir, html=html, kernels=kernels)
    return failure, path, time.perf_counter() - t0


def _say(line: str) -> None:
    """One line for the person watching, where the progress bar will be."""
    print(line, file=sys.stderr, flush=True)


def _vocabulary_refreshed(
    archive: list[Path], jobs: int, *, announce: Callable[[str], None] | None = None
) -> str | None:
    """Learn the vocabulary tables again when the archive or a dictionary changed (before any
    notebook, which reads them); one line saying what they hold, or None if up to date."""
    from ..analyses.vocabulary import refresh_vocabulary

    if not archive:
        return None
    tables = refresh_vocabulary(archive, project_root() / "dictionaries", jobs=jobs, announce=announce)
    if tables is None:
        return None
    learned, empty = tables["learned_terms"], tables["empty_words"]
    return (
        f"vocabulary learned again from {len(archive)} issue(s): {int((learned['decision'] == 'accept').sum())} "
        f"terms accepted of {len(learned)} candidates (dictionaries/learned_terms.tsv), "
        f"{int((empty['decision'] == 'empty').sum())} empty words (dictionaries/empty_words.tsv)"
    )


def _seeds() -> list[Path]:
    return [p.resolve() for p in seed_paths()]


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
    write_text_replacing(out_dir / "durations.json", text)
