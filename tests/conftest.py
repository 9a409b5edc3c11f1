"""Shared fixtures: the seed issue, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_utils import load_issue

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_5e927a446d779796.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_issue():
    return load_issue(SEED)
