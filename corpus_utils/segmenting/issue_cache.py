"""The on-disk cache of segmented issues, and the code a cached issue depends on.

``load_issue`` stores each issue it segments as plain data (``IssueData``: text, pages and the
rows of its tables, no DataFrame), pickled under a key made of the file's bytes, its path, the
page offset, the ``.fix.toml`` beside it and a hash of the segmenter's source; a rerun on an
unchanged issue reads it back instead of segmenting again, whatever pandas is installed.
The key and the list of source files it hashes (``_segmenter_sources``: every module of
``reading`` and ``segmenting``, and ``text``'s chars, sentences and genre) sit together
here, apart from the ``Issue`` type they serve.
"""

from __future__ import annotations

import os
import pickle
from functools import lru_cache
from pathlib import Path

from ..cache import cache_dir, file_key, text_key
from .fixes import fix_path
from .frames import IssueData


def cache_key(path: Path, page_offset: int | None) -> str:
    """The key an issue file, read with ``page_offset``, is cached under."""
    fixes = fix_path(path)
    fix_key = file_key(fixes) if fixes.is_file() else "no fixes"
    return text_key(file_key(path), fix_key, str(path.resolve()), str(page_offset), _segmenter_version())


def cached_issue(key: str) -> IssueData | None:
    """The issue's plain data cached under ``key``, or None when there is none or it cannot be read."""
    try:
        with _cache_file(key).open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def store_issue(key: str, data: IssueData) -> None:
    """Cache an issue's plain data under ``key``; a cache that cannot be written is skipped."""
    target = _cache_file(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(target)
    except OSError:
        pass  # a read-only checkout still works, only slower


# internal functions ----------------------------------------------------------


def _segmenter_sources() -> list[Path]:
    """The code a segmented issue depends on: every module of ``reading`` and ``segmenting``,
    and the characters, sentence marks and genre conventions of ``text``."""
    package = Path(__file__).parent.parent
    stages = [*sorted((package / "reading").glob("*.py")), *sorted((package / "segmenting").glob("*.py"))]
    return [*stages, *(package / "text" / f"{name}.py" for name in ("chars", "sentences", "genre"))]


@lru_cache(maxsize=1)
def _segmenter_version() -> str:
    """A hash of the segmenter's source: editing any of its modules invalidates the cache."""
    return text_key(*(f.read_text(encoding="utf-8") for f in _segmenter_sources()))


def _cache_file(key: str) -> Path:
    return cache_dir() / "issues" / f"{key}.pickle"
