"""Many issues → the tables only, no notebooks: each issue's own tables and the comparison's.

``archive_tables`` reads the issues into one corpus, one worker process per issue; with
``write``, each worker also writes its issue's tables (term frequencies by column, keyness,
phrase counts) to ``figures/<issue_id>/tables/`` while it holds the issue. The comparison's
tables then come from the corpus's groupings, issues named by date and in date order. The
parent holds the records and one sparse matrix, never an ``Issue``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..analyses.compare import (
    PHRASE_COLUMN_COLUMNS,
    SHARE_COLUMNS,
    SUMMARY_COLUMNS,
    TREND_COLUMNS,
    column_shares,
    issue_summary,
    phrase_trends,
    phrase_trends_by_column,
)
from ..analyses.concepts import concept_trends, concepts_file, read_concepts
from ..analyses.recurring import followed_phrases
from ..corpus.corpus import Corpus
from ..corpus.dates import LABEL_COLUMNS
from ..paths import find_project_root
from ..segmenting.issue import Issue

CONCEPT_TREND_COLUMNS = ["issue_id", *LABEL_COLUMNS, "concept", "count", "n_chars", "per_10k"]


@dataclass
class ArchiveTables:
    """The cross-issue tables: one row per issue (``summary``), per issue and phrase
    (``trends``), per issue and column (``shares``), per issue and concept (``concepts``), per
    issue, phrase and column (``phrase_columns``); issues in date order."""

    summary: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SUMMARY_COLUMNS))
    trends: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TREND_COLUMNS))
    shares: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SHARE_COLUMNS))
    broken: list[str] = field(default_factory=list)  # files that could not be read, one line each
    concepts: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CONCEPT_TREND_COLUMNS))
    phrase_columns: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PHRASE_COLUMN_COLUMNS))


def archive_tables(
    paths: Iterable[str | Path],
    *,
    phrases: Sequence[str] | None = None,
    jobs: int | None = None,
    write: bool = False,
    concepts: dict | None = None,
) -> ArchiveTables:
    """The cross-issue tables of every issue in ``paths`` (see the module docstring); a file that
    cannot be read is named in ``broken`` and left out. ``concepts`` (name → pattern, as
    ``read_concepts`` gives; default: the project's ``dictionaries/concepts.toml`` if there is
    one) are counted per issue."""
    phrases = list(dict.fromkeys(followed_phrases() if phrases is None else phrases))
    if concepts is None:
        found = find_project_root() and concepts_file()
        concepts = read_concepts(found) if found and found.is_file() else {}
    each = functools.partial(write_issue_tables, phrases=phrases) if write else None
    corpus = Corpus.from_paths(paths, jobs=jobs, each=each)
    if corpus.issues.empty:
        return ArchiveTables(broken=corpus.broken)
    return ArchiveTables(
        summary=issue_summary(corpus),
        trends=phrase_trends(corpus, phrases),
        shares=column_shares(corpus),
        broken=corpus.broken,
        concepts=concept_trends(corpus, concepts),
        phrase_columns=phrase_trends_by_column(corpus, phrases),
    )


def write_issue_tables(issue: Issue, corpus: Corpus, phrases: Sequence[str]) -> None:
    """One issue's own tables under ``figures/<issue_id>/tables/``: term frequencies by column,
    keyness of its columns, and the followed phrases' counts per record."""
    from ..analyses.frequencies import term_frequencies
    from ..analyses.keyness import keyness
    from ..analyses.recurring import phrase_counts
    from .output import save_table

    dtm = corpus.dtm()
    save_table(term_frequencies(dtm, by="column"), issue.issue_id, "term_frequencies_column")
    save_table(keyness(dtm), issue.issue_id, "keyness")
    save_table(phrase_counts(corpus, phrases), issue.issue_id, "phrase_counts")
