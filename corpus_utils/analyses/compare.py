"""A corpus of several issues → one table per question, issues named by date and in date order.

Each table is a grouping of the corpus's records or of one of its matrices (terms, followed
phrases) by issue, or by issue and column; ``dates.dated`` adds each issue's ``label``
(``2019年第10期``) after its ``issue_id`` and puts the issues in date order. Every function takes
a ``Corpus`` (``Corpus.from_paths``: one worker process per issue, no issue kept in memory),
a list of loaded issues, or a list of issue files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus, as_corpus
from ..corpus.dates import LABEL_COLUMNS, dated, unlabelled
from ..segmenting.issue import Issue
from .frequencies import feature_frequencies
from .rates import PER_1K, rate, share
from .recurring import followed_phrases

SUMMARY_COLUMNS = [
    "issue_id",
    *LABEL_COLUMNS,
    "n_pages",
    "n_records",
    "n_articles",
    "n_chars",
    "columns",
    "leftover_chars",
    "page_offset",
]
TREND_COLUMNS = ["issue_id", *LABEL_COLUMNS, "phrase", "count", "n_chars", "per_10k", "n_articles"]
SHARE_COLUMNS = ["issue_id", *LABEL_COLUMNS, "column", "n_chars", "share"]
PHRASE_COLUMN_COLUMNS = ["issue_id", *LABEL_COLUMNS, "phrase", "column", "count", "n_chars", "per_10k"]
TERM_TREND_COLUMNS = ["issue_id", *LABEL_COLUMNS, "term", "column", "count", "column_terms", "per_1k"]


def issue_summary(x: Corpus | Sequence[Issue]) -> pd.DataFrame:
    """One row per issue, in date order: ``issue_id, label, n_pages, n_records, n_articles,
    n_chars, columns, leftover_chars, page_offset`` (``columns``: in the order printed)."""
    corpus = as_corpus(x)
    issues = corpus.issues.copy()
    in_order = corpus.records.groupby("issue_id", sort=False)["column"].agg(lambda c: "、".join(dict.fromkeys(c)))
    issues["columns"] = issues["issue_id"].map(in_order).fillna("")
    return dated(issues[unlabelled(SUMMARY_COLUMNS)], corpus.issues)[SUMMARY_COLUMNS]


def phrase_trends(x: Corpus | Sequence[Issue], phrases: Iterable[str] | None = None) -> pd.DataFrame:
    """Each phrase in each issue, in date order: ``issue_id, label, phrase, count, n_chars,
    per_10k, n_articles`` (``n_articles``: the issue's records that use the phrase)."""
    corpus = as_corpus(x)
    grouped = corpus.phrase_matrix(_phrases(phrases)).group("issue_id")
    table = feature_frequencies(grouped, zeros=True).rename(columns={"feature": "phrase", "doc_freq": "n_articles"})
    return dated(table[unlabelled(TREND_COLUMNS)], corpus.issues)


def issue_trends(issues: Corpus | Sequence[Issue], phrases: Iterable[str] | None = None) -> pd.DataFrame:
    """The old name of ``phrase_trends``."""
    return phrase_trends(issues, phrases)


def phrase_trends_by_column(x: Corpus | Sequence[Issue], phrases: Iterable[str] | None = None) -> pd.DataFrame:
    """Each phrase in each column of each issue, zeros included: ``issue_id, label, phrase,
    column, count, n_chars, per_10k``, issue by issue, then phrase by phrase."""
    corpus = as_corpus(x)
    grouped = corpus.phrase_matrix(_phrases(phrases)).group(["issue_id", "column"])
    table = feature_frequencies(grouped, zeros=True, by_feature=True).rename(columns={"feature": "phrase"})
    table = table.iloc[_issue_major(table, corpus)]
    return dated(table[unlabelled(PHRASE_COLUMN_COLUMNS)], corpus.issues)


def column_shares(x: Corpus | Sequence[Issue]) -> pd.DataFrame:
    """Each column's share of each issue's characters: ``issue_id, label, column, n_chars, share``."""
    corpus = as_corpus(x)
    sizes = corpus.records.groupby(["issue_id", "column"], sort=False)["n_chars"].sum().reset_index()
    totals = sizes.groupby("issue_id", sort=False)["n_chars"].transform("sum")
    sizes["share"] = [share(n, total) for n, total in zip(sizes["n_chars"], totals, strict=True)]
    return dated(sizes, corpus.issues)[SHARE_COLUMNS]


def term_trends(
    x: Corpus | Sequence[str | Path], terms: Sequence[str] | None = None, *, n: int = 6, jobs: int | None = None
) -> pd.DataFrame:
    """``terms`` (default: the ``n`` most frequent analysis terms of all the issues together)
    issue by issue and column by column: ``issue_id, label, term, column, count, column_terms,
    per_1k`` (per 1,000 terms of the column), issues in date order, then term by term. A column
    whose records have no terms at all is left out."""
    corpus = as_corpus(x, jobs=jobs)
    dtm = corpus.dtm()
    if terms is None:
        totals = dtm.totals()
        best = np.lexsort((np.arange(len(totals)), -totals))[:n]
        terms = [dtm.features[j] for j in best]
    grouped = dtm.subset(dtm.sizes() > 0).group(["issue_id", "column"]).select(list(terms))
    table = feature_frequencies(grouped, zeros=True, by_feature=True).rename(columns={"feature": "term"})
    table = table.iloc[_issue_major(table, corpus)]
    column_terms = pd.Series(grouped.sizes(), index=pd.MultiIndex.from_frame(grouped.docvars[["issue_id", "column"]]))
    table["column_terms"] = column_terms.reindex(pd.MultiIndex.from_frame(table[["issue_id", "column"]])).to_numpy()
    table["per_1k"] = rate(table["count"], table["column_terms"], PER_1K)
    return dated(table[unlabelled(TERM_TREND_COLUMNS)], corpus.issues)


def term_trends_by_issue(trends: pd.DataFrame) -> pd.DataFrame:
    """A ``term_trends`` table summed over the columns: ``issue_id, label, term, count,
    issue_terms, per_1k``, in the same issue order."""
    keys = ["issue_id", *LABEL_COLUMNS, "term"]
    out = trends.groupby(keys, sort=False, dropna=False)[["count", "column_terms"]].sum().reset_index()
    out = out.rename(columns={"column_terms": "issue_terms"})
    out["per_1k"] = rate(out["count"], out["issue_terms"], PER_1K)
    return out


def _issue_major(table: pd.DataFrame, corpus: Corpus) -> np.ndarray:
    """Row order: issue by issue (in the corpus's order), the table's order inside each issue."""
    rank = {issue_id: k for k, issue_id in enumerate(corpus.issues["issue_id"])}
    return np.argsort(table["issue_id"].map(rank).to_numpy(), kind="stable")


def _phrases(phrases: Iterable[str] | None) -> list[str]:
    return list(dict.fromkeys(followed_phrases() if phrases is None else phrases))
