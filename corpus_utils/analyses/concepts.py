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
from pathlib import Path

import pandas as pd

from ..corpus.dtm import article_table
from ..paths import project_root
from ..segmenting.issue import Issue

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


def concept_counts(issue: Issue, concepts: dict[str, re.Pattern] | None = None) -> pd.DataFrame:
    """Occurrences of each concept in each record, zeros included: ``concept, article_id,
    column, count, n_chars, per_10k`` (per 10,000 non-whitespace characters of the record)."""
    concepts = read_concepts() if concepts is None else concepts
    arts = article_table(issue)
    rows = [
        {
            "concept": name,
            "article_id": art.article_id,
            "column": art.column,
            "count": len(pattern.findall(art.text)),
            "n_chars": art.n_chars,
        }
        for name, pattern in concepts.items()
        for art in arts.itertuples()
    ]
    frame = pd.DataFrame(rows, columns=CONCEPT_COLUMNS[:-1])
    frame["per_10k"] = frame["count"] / frame["n_chars"].where(frame["n_chars"] > 0) * 10_000
    return frame.fillna({"per_10k": 0.0})


def concepts_by_column(issue: Issue, concepts: dict[str, re.Pattern] | None = None) -> pd.DataFrame:
    """Concept × column: ``concept, column, count, n_chars, per_10k``, columns in the issue's order."""
    counts = concept_counts(issue, concepts)
    grouped = counts.groupby(["concept", "column"], sort=False)[["count", "n_chars"]].sum().reset_index()
    grouped["per_10k"] = grouped["count"] / grouped["n_chars"].where(grouped["n_chars"] > 0) * 10_000
    return grouped.fillna({"per_10k": 0.0})
