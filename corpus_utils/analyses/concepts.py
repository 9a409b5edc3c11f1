"""Article texts → concepts: groups of terms counted literally, per record, column and issue.

A concept (``基层治理``) stands for several terms (``党建联盟``, ``吹哨报到``, ``网格``…), read from
``dictionaries/concepts.toml``: a plain string is matched as written, ``"re:…"`` as a regular
expression. Counts are taken over the rebuilt text, like the followed phrases, so they do not
depend on the tokenizer; the terms of one concept are matched as one alternation, longest
first, so an occurrence is counted once even where two of its terms overlap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..config import ConfigError, ListOf, Schema, Str, Table, checked, toml_of
from ..corpus.corpus import Corpus, PatternTimeout, as_corpus
from ..corpus.dates import dated
from ..corpus.dtm import DocumentTermMatrix
from ..paths import project_root
from ..segmenting.issue import Issue
from .frequencies import feature_frequencies

CONCEPT_COLUMNS = ["concept", "article_id", "column", "count", "n_chars", "per_10k"]
# what may stand between two terms of one concept for them to be one mention: nothing, a pause
# mark or comma, 和 / 与 / 及 / 并, quotes and brackets (不忘初心、牢记使命; “整顿”软弱涣散)
JOINED = re.compile(r"[、和与及并“”‘’\"'（）()\s]{0,3}")
MAX_TERM = 200  # characters in one term or pattern of a concept
CONCEPTS_SCHEMA = Schema(free=Table({"terms": ListOf(Str(longest=MAX_TERM), least=1)}, required=("terms",)))


def concepts_file() -> Path:
    return project_root() / "dictionaries" / "concepts.toml"


class Concepts(dict):
    """Concept name → one compiled pattern for all its terms (the ``regex`` module's, so that a
    pattern can be stopped), with the file they come from (``path``) for error messages."""

    path: Path | None = None


def read_concepts(path: str | Path | None = None) -> Concepts:
    """Each concept of ``dictionaries/concepts.toml`` (or ``path``) with one compiled pattern for
    all its terms; a ``ConfigError`` names the file, the concept and the problem."""
    import regex

    path = Path(path) if path is not None else concepts_file()
    if not path.is_file():
        raise ConfigError(path, 'no such file: write the concepts to follow there, [name] terms = ["…", …]')
    data = checked(toml_of(path), CONCEPTS_SCHEMA, path)
    if not data:
        raise ConfigError(path, 'defines no concept: write [name] and terms = ["…", …] under it')
    concepts = Concepts()
    concepts.path = path
    for name, entry in data.items():
        parts = []
        for term in sorted(entry["terms"], key=len, reverse=True):
            if term.startswith("re:"):
                try:
                    regex.compile(term[3:])
                except regex.error as err:
                    raise ConfigError(path, f"{term!r}: {err}", f"[{name}]") from None
                parts.append(f"(?:{term[3:]})")
            else:
                parts.append(regex.escape(term))
        concepts[name] = regex.compile("|".join(parts))
    return concepts


def concept_matrix(
    x: Issue | Corpus, concepts: dict[str, re.Pattern] | None = None, *, unit: str = "mention"
) -> DocumentTermMatrix:
    """Records × concepts: each concept's mentions in each record's text (``unit="mention"``:
    terms of one concept next to each other, or joined only by a pause mark, 和, 与, 及 or
    quotes, are one mention, so ``不忘初心、牢记使命`` and ``整顿软弱涣散`` count once; where two
    terms overlap the longest wins), or 1 where the record mentions it (``unit="record"``). A
    pattern that runs longer than ``PATTERN_TIMEOUT`` on one record (one that backtracks without
    end, such as ``(党|党党)+建``) is a ``ConfigError`` naming the concept."""
    if unit not in ("mention", "record"):
        raise ValueError(f"unit must be 'mention' or 'record', not {unit!r}")
    concepts = read_concepts() if concepts is None else concepts
    try:
        matrix = as_corpus(x).pattern_matrix(concepts, joined_by=JOINED)
    except PatternTimeout as err:
        source = getattr(concepts, "path", None) or "concepts"
        raise ConfigError(
            source,
            f"took over {err.seconds:g} s on one record: the pattern backtracks without end, rewrite it",
            f"[{err.name}]",
        ) from None
    if unit == "record":
        return DocumentTermMatrix(
            (matrix.counts > 0).astype(matrix.counts.dtype), matrix.features, matrix.docvars, matrix.keys
        )
    return matrix


def concept_counts(
    x: Issue | Corpus, concepts: dict[str, re.Pattern] | None = None, *, by=None, unit: str = "mention"
) -> pd.DataFrame:
    """Mentions of each concept in each record (or group, ``by``: any document variable; with
    ``unit="record"``, the records that mention it), zeros included, concept by concept:
    ``concept``, the record's keys and ``column`` (or the group's keys), ``count, n_chars,
    per_10k`` (per 10,000 non-whitespace characters)."""
    matrix = concept_matrix(x, concepts, unit=unit)
    grouped = matrix.group(by if by is not None else [*matrix.keys, "column"])
    table = feature_frequencies(grouped, zeros=True, by_feature=True).rename(columns={"feature": "concept"})
    return table[["concept", *grouped.keys, "count", "n_chars", "per_10k"]]


def concepts_by_column(x: Issue | Corpus, concepts: dict[str, re.Pattern] | None = None) -> pd.DataFrame:
    """Concept × column: ``concept, column, count, n_chars, per_10k``, columns in the records' order."""
    return concept_counts(x, concepts, by="column")


def concept_trends(
    x: Corpus | Sequence[Issue], concepts: dict[str, re.Pattern] | None = None, *, unit: str = "mention"
) -> pd.DataFrame:
    """Each concept in each issue, issues in date order: ``issue_id, label, concept, count,
    n_chars, per_10k`` (``unit="record"``: ``count`` is the issue's records that mention it)."""
    corpus = as_corpus(x)
    grouped = concept_matrix(corpus, concepts, unit=unit).group("issue_id")
    table = feature_frequencies(grouped, zeros=True).rename(columns={"feature": "concept"})
    return dated(table[["issue_id", "concept", "count", "n_chars", "per_10k"]], corpus.issues)
