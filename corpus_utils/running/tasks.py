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
from ..config import ConfigError
from ..corpus.dates import issue_dates
from ..paths import PACKAGE_DIR, find_project_root, notebooks_dir, resolve_issue, seed_paths, shown_path
from ..segmenting.fixes import fix_path
from ..text.tokens import dictionary_files, stopword_files

CROSS_ISSUE = "compare"  # the issue_id of the notebooks that read every issue (reports/compare/)
NOTEBOOKS = "[0-9][0-9]_*.ipynb"  # the notebooks a report runs, in notebooks/


@dataclass(frozen=True)
class Task:
    """One notebook to run: for one issue, or across issues (``issue_id`` is ``compare``)."""

    notebook: Path
    issue_id: str
    parameters: dict
    label: str = ""  # how pages name the issue (2019年第11期), or the issues compared


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
    notebooks = sorted(notebooks or notebooks_dir().glob(NOTEBOOKS))
    extra = {"phrases": list(phrases)} if phrases else {}
    declared = {nb: notebook_parameters(nb) for nb in notebooks}

    def task(nb: Path, issue_id: str, params: dict, label: str) -> Task:
        return Task(nb, issue_id, params | {k: v for k, v in extra.items() if k in declared[nb]}, label)

    across = [nb for nb in notebooks if "issue_paths" in declared[nb]]
    dates = issue_dates(list(dict.fromkeys([*issues, *compare])))
    labels = dict(zip(dates["issue_id"], dates["label"], strict=True))
    tasks = [
        task(nb, Path(issue).stem, {"issue_path": shown_path(issue)}, labels.get(Path(issue).stem, ""))
        for issue in issues
        for nb in notebooks
        if nb not in across
    ]
    together = f"{len(compare)} 期比较"
    tasks += [task(nb, CROSS_ISSUE, {"issue_paths": [shown_path(p) for p in compare]}, together) for nb in across]
    return tasks


def notebook_parameters(notebook: Path) -> set[str]:
    """The names a notebook's ``parameters`` cell declares (a notebook gets only those): the
    names assigned at its top level, read from the notebook's JSON with ``ast``. Papermill's
    ``inspect_notebook`` gives the same names, but importing papermill (nbformat, jsonschema)
    takes seconds, and a rerun with nothing to do must not wait for it."""
    import ast

    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
            try:
                body = ast.parse("\n".join(lines)).body
            except SyntaxError as err:
                raise ConfigError(notebook, f"line {err.lineno}: {err.msg}", "parameters cell") from None
            names = set()
            for node in body:
                targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
            return names
    return set()


def executed_path(task: Task, out_dir: Path) -> Path:
    """Where a task's executed notebook goes: ``<out_dir>/<issue_id>/<notebook>.ipynb``."""
    return out_dir / task.issue_id / task.notebook.name


def fingerprint_path(task: Task, out_dir: Path) -> Path:
    """Where the fingerprint of a task's last successful run is kept, beside its executed notebook."""
    return executed_path(task, out_dir).with_suffix(".fingerprint")


def task_inputs(task: Task) -> list[Path]:
    """Every file a notebook's output depends on, those that exist: the notebook, the issue
    files with their ``.fix.toml`` and ``.terms``, ``seeds/issues.csv`` (dates and labels),
    every file of ``dictionaries/`` (terms, stopwords, followed phrases, concepts) and the
    package's own word lists (the package's code and data are hashed apart, once a run). A file
    that appears or disappears changes the fingerprint as an edit does."""
    issues = [resolve_issue(p) for p in task.parameters.get("issue_paths") or [task.parameters.get("issue_path", "")]]
    files = [task.notebook, *issues, *stopword_files()]
    for issue in issues:
        files += [fix_path(issue), *dictionary_files(issue.stem)]
    root = find_project_root()
    if root is not None:
        files.append(root / "seeds" / "issues.csv")
        files += sorted(p for p in (root / "dictionaries").glob("*") if p.is_file())
    return [f for f in dict.fromkeys(files) if f.is_file()]


def task_fingerprint(task: Task) -> str:
    """Everything a notebook's output depends on: the notebook, its parameters, every input file
    (``task_inputs``) and the package's code and data."""
    parts = [json.dumps(task.parameters, sort_keys=True, ensure_ascii=False), _package_version()]
    parts += [f"{f}:{_content_key(f)}" for f in task_inputs(task)]
    return text_key(*parts)


def stamp_text(fingerprint: str, outputs: list[Path]) -> str:
    """What a successful run leaves beside its executed notebook, written last: the fingerprint of
    its inputs and each file it wrote (``save_figure``, ``save_table``) with its size and time."""
    files = []
    for path in dict.fromkeys(outputs):
        if path.is_file():
            st = path.stat()
            files.append([str(path), st.st_size, st.st_mtime_ns])
    return json.dumps({"fingerprint": fingerprint, "outputs": files}, ensure_ascii=False, indent=1)


def is_up_to_date(task: Task, *, out_dir: Path, html: bool = True) -> bool:
    """Whether the last run of this task finished with the same fingerprint, and its executed
    notebook, HTML and every file it wrote are there as it left them. A run that was killed or
    failed left no stamp; a chart deleted or edited by hand makes the task stale."""
    target = executed_path(task, out_dir)
    try:
        stamp = json.loads(fingerprint_path(task, out_dir).read_text(encoding="utf-8"))
        recorded, outputs = stamp["fingerprint"], stamp["outputs"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if recorded != task_fingerprint(task) or not target.is_file():
        return False
    if html and not target.with_suffix(".html").is_file():
        return False
    return all(_unchanged(Path(path), size, mtime) for path, size, mtime in outputs)


@lru_cache(maxsize=1)
def _package_version() -> str:
    """The package's code and data, hashed once a run (every task's fingerprint needs it)."""
    files = sorted(PACKAGE_DIR.rglob("*.py")) + sorted(p for p in (PACKAGE_DIR / "data").rglob("*") if p.is_file())
    return text_key(*(f"{f.relative_to(PACKAGE_DIR).as_posix()}:{file_key(f)}" for f in files))


def _content_key(path: Path) -> str:
    """A file's content hash, worked out once per version of the file (size and time) in a run."""
    st = path.stat()
    return _hashed(str(path), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=4096)
def _hashed(path: str, _size: int, _mtime: int) -> str:
    return file_key(Path(path))


def _unchanged(path: Path, size: int, mtime: int) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    return st.st_size == size and st.st_mtime_ns == mtime
