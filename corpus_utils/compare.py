"""Several issues → one table per question, for trends across the issues in ``seeds/``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from .dfm import article_table
from .issue import Issue
from .recurring import followed_phrases, phrase_counts


def issue_summary(issues: Sequence[Issue]) -> pd.DataFrame:
    """One row per issue: ``issue_id, n_pages, n_records, n_articles, n_chars, columns,
    leftover_chars, page_offset``."""
    rows = []
    for issue in issues:
        arts = article_table(issue)
        bal = issue.balance()
        rows.append(
            {
                "issue_id": issue.issue_id,
                "n_pages": issue.n_pages,
                "n_records": len(arts),
                "n_articles": int((arts["kind"] == "article").sum()),
                "n_chars": int(arts["n_chars"].sum()),
                "columns": "、".join(dict.fromkeys(arts["column"])),
                "leftover_chars": bal.leftovers,
                "page_offset": issue.page_offset.offset,
            }
        )
    return pd.DataFrame(rows)


def issue_trends(issues: Sequence[Issue], phrases: Iterable[str] | None = None) -> pd.DataFrame:
    """Each phrase in each issue: ``issue_id, phrase, count, n_chars, per_10k, n_articles``."""
    phrases = list(dict.fromkeys(followed_phrases() if phrases is None else phrases))
    rows = []
    for issue in issues:
        n_chars = int(article_table(issue)["n_chars"].sum())
        counts = phrase_counts(issue, phrases).groupby("phrase")["count"]
        totals, users = counts.sum(), counts.size()
        for phrase in phrases:
            count = int(totals.get(phrase, 0))
            rows.append(
                {
                    "issue_id": issue.issue_id,
                    "phrase": phrase,
                    "count": count,
                    "n_chars": n_chars,
                    "per_10k": count / n_chars * 10_000 if n_chars else 0.0,
                    "n_articles": int(users.get(phrase, 0)),
                }
            )
    return pd.DataFrame(rows, columns=["issue_id", "phrase", "count", "n_chars", "per_10k", "n_articles"])


def column_shares(issues: Sequence[Issue]) -> pd.DataFrame:
    """Each column's share of each issue's characters: ``issue_id, column, n_chars, share``."""
    frames = []
    for issue in issues:
        arts = article_table(issue)
        sizes = arts.groupby("column", sort=False)["n_chars"].sum().reset_index()
        sizes.insert(0, "issue_id", issue.issue_id)
        sizes["share"] = sizes["n_chars"] / sizes["n_chars"].sum()
        frames.append(sizes)
    return (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["issue_id", "column", "n_chars", "share"])
    )
