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
    from corpus_utils.text.tokens import DOMAIN_TERMS

    return Tokenizer([DOMAIN_TERMS], cache=TextCache(enabled=False))


@pytest.fixture(scope="session")
def seed_tokenizer() -> Tokenizer:
    """Every dictionary that applies to the seed issue: the shipped terms, the project's
    formulations and learned terms, and the seed's own ``seeds/<id>.terms``, memory cache."""
    from corpus_utils.text.tokens import dictionary_files

    return Tokenizer(dictionary_files(SEED.stem), cache=TextCache(enabled=False))


@pytest.fixture(scope="session")
def bare_tokenizer() -> Tokenizer:
    """jieba's own dictionary and nothing else: what the domain dictionary is measured against."""
    return Tokenizer([], cache=TextCache(enabled=False))


@pytest.fixture(scope="session")
def tiny_issue(tmp_path_factory):
    """Three short articles in two columns, small enough to work every statistic by hand.

    Bodies (non-whitespace characters): #1 组工论坛 「党建联盟引领基层治理，党建联盟推动发展。」
    + 「基层治理见实效。」 = 20 + 8 = 28; #2 组工论坛 「干部担当作为，担当作为见行动。」 = 15;
    #3 城市党建 「党建联盟建设。」 = 7. One article a page, printed pages 1–3.
    """
    import warnings

    from synthetic import SynArticle, build_issue

    text = build_issue(
        [
            SynArticle(
                "组工论坛",
                ["加强党建联盟建设"],
                "张三",
                ["党建联盟引领基层治理，党建联盟推动发展。", "基层治理见实效。"],
            ),
            SynArticle("组工论坛", ["激励干部担当作为"], "李四", ["干部担当作为，担当作为见行动。"]),
            SynArticle("城市党建", ["城市党建新路径"], "王五", ["党建联盟建设。"]),
        ]
    )
    path = tmp_path_factory.mktemp("tiny") / "tiny.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # no continuation markers: pages assumed to start at 1
        issue = load_issue(path, cache=False)
    assert issue.articles["n_chars"].tolist() == [28, 15, 7]
    return issue


@pytest.fixture
def figures_in_tmp(tmp_path, monkeypatch):
    """Charts and tables of the test go to its own folder; figures are closed afterwards."""
    import matplotlib.pyplot as plt

    monkeypatch.setenv("CORPUS_UTILS_FIGURES", str(tmp_path))
    yield tmp_path
    plt.close("all")
