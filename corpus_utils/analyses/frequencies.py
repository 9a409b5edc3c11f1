"""Document-term counts → term frequencies per issue, column or article."""

from __future__ import annotations

from typing import Literal

import pandas as pd

from ..corpus.dtm import article_table, document_terms
from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer


def term_frequencies(
    issue: Issue,
    *,
    by: Literal["issue", "column", "article"] = "issue",
    tokenizer: Tokenizer | None = None,
    dtm: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How often each term occurs, raw and per 10,000 characters, and in how many articles.

    ``per_10k = count / n_chars * 10,000`` where ``n_chars`` counts the non-whitespace
    characters of the group's text (so it is comparable across columns of any length);
    ``doc_freq`` is the number of the group's records using the term, of ``n_docs``.

    Columns: the group (``issue_id``, ``column`` or ``article_id, column``), then
    ``term, count, per_10k, doc_freq, n_docs, n_chars``; most frequent first in each group.
    """
    dtm = document_terms(issue, tokenizer=tokenizer) if dtm is None else dtm
    arts = article_table(issue)
    if by == "issue":
        keys, dtm = ["issue_id"], dtm.assign(issue_id=issue.issue_id)
        arts = arts.assign(issue_id=issue.issue_id)
    elif by == "column":
        keys = ["column"]
    elif by == "article":
        keys = ["article_id", "column"]
    else:
        raise ValueError(f"by must be 'issue', 'column' or 'article', not {by!r}")
    sizes = arts.groupby(keys, sort=False).agg(n_chars=("n_chars", "sum"), n_docs=("article_id", "nunique"))
    freq = (
        dtm.groupby([*keys, "term"], sort=False)
        .agg(count=("count", "sum"), doc_freq=("article_id", "nunique"))
        .reset_index()
        .join(sizes, on=keys)
    )
    freq["per_10k"] = freq["count"] / freq["n_chars"] * 10_000
    order = {k: i for i, k in enumerate(sizes.index)}
    freq["_group"] = [order[k if len(keys) > 1 else k[0]] for k in zip(*(freq[c] for c in keys), strict=True)]
    freq = freq.sort_values(["_group", "count", "term"], ascending=[True, False, True], ignore_index=True)
    return freq[[*keys, "term", "count", "per_10k", "doc_freq", "n_docs", "n_chars"]]


def column_overview(issue: Issue) -> pd.DataFrame:
    """Records, articles and characters per column, in the issue's order.

    Columns: ``column, n_records, n_articles, n_chars, pages`` (``pages``: first–last
    printed page of the column's own records).
    """
    arts = article_table(issue)
    rows = []
    for column, grp in arts.groupby("column", sort=False):
        pages = [p for ps in grp["pages"] for p in ps]
        rows.append(
            {
                "column": column,
                "n_records": len(grp),
                "n_articles": int((grp["kind"] != "editor_note").sum()),
                "n_chars": int(grp["n_chars"].sum()),
                "pages": f"{min(pages)}–{max(pages)}",
            }
        )
    return pd.DataFrame(rows, columns=["column", "n_records", "n_articles", "n_chars", "pages"])
