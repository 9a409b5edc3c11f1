"""Article texts → concepts: groups of terms counted literally, per record, column and issue.

A concept (``基层治理``) stands for several terms (``党建联盟``, ``吹哨报到``, ``网格``…), read from
``dictionaries/concepts.toml``: a plain string is matched as written, ``"re:…"`` as a regular
expression. Counts are taken over the rebuilt text, like the followed phrases, so they do not
depend on the tokenizer; the terms of one concept are matched as one alternation, longest
first, so an occurrence is counted once even where two of its terms overlap.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..corpus.corpus import Corpus, as_corpus
from ..corpus.dates import dated
from ..corpus.dtm import DocumentTermMatrix
from ..paths import project_root
from ..segmenting.issue import Issue
from .frequencies import feature_frequencies

CONCEPT_COLUMNS = ["concept", "article_id", "column", "count", "n_chars", "per_10k"]


def concepts_file() -> Path:
    return project_root() / "dictionaries" / "concepts.toml"


def read_concepts(path: str | Path | None = None) -> dict[str, re.Pattern]:
    """Each concept with one compiled pattern for all its terms (errors name the file and concept)."""
    path = Path(path) if path is not None else concepts_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ValueError(f"{path}: {err}") from err
    concepts = {}
    for name, entry in data.items():
        terms = entry.get("terms") if isinstance(entry, dict) else None
        if not terms or not all(isinstance(t, str) and t for t in terms):
            raise ValueError(f'{path}: [{name}] needs terms = ["…", …]')
        parts = []
        for term in sorted(terms, key=len, reverse=True):
            if term.startswith("re:"):
                try:
                    re.compile(term[3:])
                except re.error as err:
                    raise ValueError(f"{path}: [{name}] {term!r}: {err}") from err
                parts.append(f"(?:{term[3:]})")
            else:
                parts.append(re.escape(term))
        concepts[name] = re.compile("|".join(parts))
    return concepts


def concept_matrix(x: Issue | Corpus, concepts: dict[str, re.Pattern] | None = None) -> DocumentTermMatrix:
    """Records × concepts: the occurrences of each concept's pattern in each record's text."""
    return as_corpus(x).pattern_matrix(read_concepts() if concepts is None else concepts)


def concept_counts(x: Issue | Corpus, concepts: dict[str, re.Pattern] | None = None, *, by=None) -> pd.DataFrame:
    """Occurrences of each concept in each record (or group, ``by``: any document variable),
    zeros included, concept by concept: ``concept``, the record's keys and ``column`` (or the
    group's keys), ``count, n_chars, per_10k`` (per 10,000 non-whitespace characters)."""
    matrix = concept_matrix(x, concepts)
    grouped = matrix.group(by if by is not None else [*matrix.keys, "column"])
    table = feature_frequencies(grouped, zeros=True, by_feature=True).rename(columns={"feature": "concept"})
    return table[["concept", *grouped.keys, "count", "n_chars", "per_10k"]]


def concepts_by_column(x: Issue | Corpus, concepts: dict[str, re.Pattern] | None = None) -> pd.DataFrame:
    """Concept × column: ``concept, column, count, n_chars, per_10k``, columns in the records' order."""
    return concept_counts(x, concepts, by="column")


def concept_trends(x: Corpus | Sequence[Issue], concepts: dict[str, re.Pattern] | None = None) -> pd.DataFrame:
    """Each concept in each issue, issues in date order: ``issue_id, label, concept, count,
    n_chars, per_10k``."""
    corpus = as_corpus(x)
    grouped = concept_matrix(corpus, concepts).group("issue_id")
    table = feature_frequencies(grouped, zeros=True).rename(columns={"feature": "concept"})
    return dated(table[["issue_id", "concept", "count", "n_chars", "per_10k"]], corpus.issues)
