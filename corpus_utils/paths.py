"""Where things live in the project, found from this file so no notebook hard-codes a path."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
SEEDS_DIR = ROOT / "seeds"
FIGURES_DIR = ROOT / "figures"
DATA_DIR = PACKAGE_DIR / "data"


def seed_paths() -> list[Path]:
    """Every issue file in ``seeds/``, sorted by name (text now, PDFs once they are supported)."""
    return sorted(p for p in SEEDS_DIR.glob("*") if p.suffix.lower() in {".txt"} and p.is_file())
