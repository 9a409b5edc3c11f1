"""Several issues → one table per question, for trends across the issues in ``seeds/``.

Each table is built from rows of one issue at a time (``summary_row``, ``trend_rows``,
``share_rows``), so ``archive.archive_tables`` can build the same rows in worker processes
without keeping any issue in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from ..corpus.dates import dated, issue_dates, unlabelled
from ..corpus.dtm import article_table
from ..segmenting.issue import Issue
from .recurring import followed_phrases, phrase_counts

SUMMARY_COLUMNS = [
    "issue_id",
    "label",
    "n_pages",
    "n_records",
    "n_articles",
    "n_chars",
    "columns",
    "leftover_chars",
    "page_offset",
]
TREND_COLUMNS = ["issue_id", "label", "phrase", "count", "n_chars", "per_10k", "n_articles"]
SHARE_COLUMNS = ["issue_id", "label", "column", "n_chars", "share"]


def issue_summary(issues: Sequence[Issue]) -> pd.DataFrame:
    """One row per issue, in date order: ``issue_id, label, n_pages, n_records, n_articles,
    n_chars, columns, leftover_chars, page_offset`` (``label``: ``2019年第10期``, see ``dates``)."""
    return dated(pd.DataFrame([summary_row(i) for i in issues]), _dates(issues))[SUMMARY_COLUMNS]


def issue_trends(issues: Sequence[Issue], phrases: Iterable[str] | None = None) -> pd.DataFrame:
    """Each phrase in each issue, in date order: ``issue_id, label, phrase, count, n_chars,
    per_10k, n_articles``."""
    phrases = list(dict.fromkeys(followed_phrases() if phrases is None else phrases))
    rows = [row for issue in issues for row in trend_rows(issue, phrases)]
    return dated(pd.DataFrame(rows, columns=unlabelled(TREND_COLUMNS)), _dates(issues))


def column_shares(issues: Sequence[Issue]) -> pd.DataFrame:
    """Each column's share of each issue's characters: ``issue_id, label, column, n_chars, share``."""
    rows = [row for issue in issues for row in share_rows(issue)]
    return dated(pd.DataFrame(rows, columns=unlabelled(SHARE_COLUMNS)), _dates(issues))


def summary_row(issue: Issue) -> dict:
    """One issue's row of ``issue_summary``."""
    arts = article_table(issue)
    return {
        "issue_id": issue.issue_id,
        "n_pages": issue.n_pages,
        "n_records": len(arts),
        "n_articles": int((arts["kind"] == "article").sum()),
        "n_chars": int(arts["n_chars"].sum()),
        "columns": "、".join(dict.fromkeys(arts["column"])),
        "leftover_chars": issue.balance().leftovers,
        "page_offset": issue.page_offset.offset,
    }


def trend_rows(issue: Issue, phrases: Sequence[str], counts: pd.DataFrame | None = None) -> list[dict]:
    """One issue's rows of ``issue_trends`` (``counts``: its ``phrase_counts``, if at hand)."""
    n_chars = int(article_table(issue)["n_chars"].sum())
    grouped = (phrase_counts(issue, phrases) if counts is None else counts).groupby("phrase")["count"]
    totals, users = grouped.sum(), grouped.size()
    return [
        {
            "issue_id": issue.issue_id,
            "phrase": phrase,
            "count": int(totals.get(phrase, 0)),
            "n_chars": n_chars,
            "per_10k": int(totals.get(phrase, 0)) / n_chars * 10_000 if n_chars else 0.0,
            "n_articles": int(users.get(phrase, 0)),
        }
        for phrase in phrases
    ]


def share_rows(issue: Issue) -> list[dict]:
    """One issue's rows of ``column_shares``."""
    sizes = article_table(issue).groupby("column", sort=False)["n_chars"].sum()
    total = int(sizes.sum())
    return [
        {"issue_id": issue.issue_id, "column": c, "n_chars": int(n), "share": n / total if total else 0.0}
        for c, n in sizes.items()
    ]


def _dates(issues: Sequence[Issue]) -> pd.DataFrame:
    return issue_dates([i.source for i in issues])
