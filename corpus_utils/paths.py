"""Where things live: the project folder is found from the working directory, not from where
the package is installed, so a non-editable install works and two clones sharing one
environment each write into themselves.

The project root is ``$CORPUS_UTILS_ROOT`` if set, else the nearest folder at or above the
working directory that holds ``seeds/`` and ``notebooks/``. The package's own data (the domain
dictionary, stopwords, the radical table) comes through ``importlib.resources``.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

ROOT_ENV = "CORPUS_UTILS_ROOT"
PACKAGE_DIR = Path(str(files("corpus_utils")))
DATA_DIR = Path(str(files("corpus_utils").joinpath("data")))
# an issue id names folders under figures/ and reports/: no path separators, no leading dot
SAFE_NAME = re.compile(r"[^\W_][\w\-.]*", re.UNICODE)
TEMPORARY = ".tmp"  # marks a file still being written (temporary_name)
SAFE_NAME_RULE = "it must start with a letter or digit and hold only letters, digits, '-', '_' and '.'"


class ProjectRootError(RuntimeError):
    """No project folder (one holding ``seeds/`` and ``notebooks/``) where one is needed."""


def project_root(start: str | Path | None = None) -> Path:
    """The project folder: ``$CORPUS_UTILS_ROOT``, or the nearest folder at or above ``start``
    (default: the working directory) holding ``seeds/`` and ``notebooks/``."""
    if os.environ.get(ROOT_ENV):
        root = Path(os.environ[ROOT_ENV]).expanduser().resolve()
        if not root.is_dir():
            raise ProjectRootError(f"{ROOT_ENV}={root}: no such folder")
        return root
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "seeds").is_dir() and (folder / "notebooks").is_dir():
            return folder
    raise ProjectRootError(
        f"no project folder (one holding seeds/ and notebooks/) at or above {here}: "
        f"run from inside the project or set {ROOT_ENV}"
    )


def find_project_root() -> Path | None:
    """The project folder, or None outside any project (the package then works on its own data)."""
    try:
        return project_root()
    except ProjectRootError:
        return None


def project_file(*parts: str) -> Path | None:
    """A path inside the project (None outside any project)."""
    root = find_project_root()
    return root.joinpath(*parts) if root else None


def seeds_dir() -> Path:
    return project_root() / "seeds"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def reports_dir() -> Path:
    return project_root() / "reports"


def phrases_file() -> Path:
    """``dictionaries/phrases.txt``: the phrases every notebook and report follows."""
    return project_root() / "dictionaries" / "phrases.txt"


def figures_dir(issue_id: str | None = None) -> Path:
    """Where charts go: ``figures/`` (or ``$CORPUS_UTILS_FIGURES``), one folder per issue (or
    per group of charts, such as ``compare``), whose name must be a plain folder name."""
    base = Path(os.environ.get("CORPUS_UTILS_FIGURES") or project_root() / "figures")
    if issue_id and not SAFE_NAME.fullmatch(issue_id):
        raise ValueError(f"{issue_id!r} cannot name a folder of figures: {SAFE_NAME_RULE}")
    return base / issue_id if issue_id else base


def issue_id_of(path: str | Path) -> str:
    """An issue's id, its file name without the extension, when it can name a folder
    (``ValueError`` saying why not: ``...txt`` would write outside ``figures/``)."""
    stem = Path(path).stem
    if not SAFE_NAME.fullmatch(stem):
        raise ValueError(f"the file name gives the issue id {stem!r}, which cannot name a folder: {SAFE_NAME_RULE}")
    return stem


@contextmanager
def replaced(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` (same extension) to write to, renamed onto ``path`` when
    the block ends without error and removed otherwise: a reader never sees half a file, and a
    run killed or stopped by a full disk leaves the old file whole."""
    tmp = temporary_name(path)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def temporary_name(path: Path) -> Path:
    """A hidden name beside ``path``, with its extension, that no other process or thread uses:
    ``.report.1234-5678.tmp.html``. What a killed run leaves under such names,
    ``leftover_temporaries`` finds."""
    path = Path(path)
    return path.with_name(f".{path.stem}.{os.getpid()}-{threading.get_ident()}{TEMPORARY}{path.suffix}")


def leftover_temporaries(folder: Path) -> list[Path]:
    """Temporary files under ``folder`` (see ``temporary_name``) whose writer is no longer running:
    what a killed run left."""
    if not Path(folder).is_dir():
        return []
    found = []
    for path in Path(folder).rglob(f".*{TEMPORARY}*"):
        m = re.search(rf"\.(\d+)-\d+{re.escape(TEMPORARY)}", path.name)
        if path.is_file() and m and not _running(int(m.group(1))):
            found.append(path)
    return sorted(found)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_text_replacing(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` through ``replaced``."""
    with replaced(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path


def resolve_issue(path: str | Path) -> Path:
    """An issue path as given, or relative to the project root (so notebooks can say ``seeds/…``)."""
    path = Path(path)
    if path.is_absolute() or path.exists():
        return path
    root = find_project_root()
    return root / path if root else path


def seed_paths() -> list[Path]:
    """Every issue in ``seeds/``, sorted by name: its text, or its PDF where no text of the same
    name is there (the text extracted from a PDF, perhaps corrected, wins)."""
    folder = seeds_dir()
    texts = {p.stem: p for p in folder.glob("*.txt") if p.is_file()}
    pdfs = {p.stem: p for p in folder.glob("*.pdf") if p.is_file() and p.stem not in texts}
    return sorted({**texts, **pdfs}.values())


def shown_path(path: str | Path) -> str:
    """A path as a reader should see it: relative to the project root where it lies inside."""
    path = Path(path).resolve()
    root = find_project_root()
    if root and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return str(path)
