"""Shared fixtures: the seed issue, loaded once per test session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Token caches of the test run go to a temporary folder, not the project's .cache/.
os.environ.setdefault("CORPUS_UTILS_CACHE", tempfile.mkdtemp(prefix="corpus_utils_test_cache_"))

from corpus_utils import Tokenizer, load_issue
from corpus_utils.cache import TextCache

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_5e927a446d779796.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_issue():
    return load_issue(SEED)


@pytest.fixture(scope="session")
def seed_texts(seed_issue) -> list[str]:
    return list(seed_issue.articles["text"])


@pytest.fixture(scope="session")
def domain_tokenizer() -> Tokenizer:
    """The shipped domain dictionary only (no project or issue terms), memory cache."""
    from corpus_utils.tokens import DOMAIN_TERMS

    return Tokenizer([DOMAIN_TERMS], cache=TextCache(enabled=False))


@pytest.fixture(scope="session")
def bare_tokenizer() -> Tokenizer:
    """jieba's own dictionary and nothing else: what the domain dictionary is measured against."""
    return Tokenizer([], cache=TextCache(enabled=False))
