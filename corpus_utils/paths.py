"""Where things live in the project, found from this file so no notebook hard-codes a path."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
SEEDS_DIR = ROOT / "seeds"
FIGURES_DIR = ROOT / "figures"
NOTEBOOKS_DIR = ROOT / "notebooks"
DATA_DIR = PACKAGE_DIR / "data"
PHRASES_FILE = ROOT / "dictionaries" / "phrases.txt"  # the phrases every notebook and report follows


def figures_dir(issue_id: str | None = None) -> Path:
    """Where charts go: ``figures/`` (or ``$CORPUS_UTILS_FIGURES``), one folder per issue."""
    base = Path(os.environ.get("CORPUS_UTILS_FIGURES") or FIGURES_DIR)
    return base / issue_id if issue_id else base


def resolve_issue(path: str | Path) -> Path:
    """An issue path as given, or relative to the project root (so notebooks can say ``seeds/…``)."""
    path = Path(path)
    if path.is_absolute() or path.exists():
        return path
    return ROOT / path


def seed_paths() -> list[Path]:
    """Every issue in ``seeds/``, sorted by name: its text, or its PDF where no text of the same
    name is there (the text extracted from a PDF, perhaps corrected, wins)."""
    texts = {p.stem: p for p in SEEDS_DIR.glob("*.txt") if p.is_file()}
    pdfs = {p.stem: p for p in SEEDS_DIR.glob("*.pdf") if p.is_file() and p.stem not in texts}
    return sorted({**texts, **pdfs}.values())
