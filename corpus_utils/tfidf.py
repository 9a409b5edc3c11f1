"""Article texts → TF-IDF with scikit-learn, the project tokenizer plugged in.

IDF is learnt over the issue's records (articles, excerpts, editor's notes), never over a
handful of columns: with scikit-learn's defaults, ``idf(t) = ln((1 + n) / (1 + df(t))) + 1``
for n records and ``tf-idf = count × idf``, each record's vector scaled to unit length. A
column is scored as one document made of its records' terms, transformed with the same IDF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .dfm import article_table, issue_tokenizer, term_analyzer
from .issue import Issue
from .tokens import Tokenizer

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer


def tfidf_model(issue: Issue, *, tokenizer: Tokenizer | None = None) -> tuple[TfidfVectorizer, pd.DataFrame]:
    """A ``TfidfVectorizer`` fitted on the issue's records, and the record table it saw."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    arts = article_table(issue)
    vectorizer = TfidfVectorizer(analyzer=term_analyzer(tokenizer or issue_tokenizer(issue)))
    vectorizer.fit(arts["text"])
    return vectorizer, arts


def top_tfidf_terms(
    issue: Issue,
    *,
    by: str = "article",
    n: int = 10,
    tokenizer: Tokenizer | None = None,
) -> pd.DataFrame:
    """The ``n`` highest TF-IDF terms of every record (``by="article"``) or column (``"column"``).

    Columns: ``article_id, column, title`` (or ``column``), ``rank, term, count, idf, tfidf``;
    no rows for an issue without records or terms.
    """
    if by not in ("article", "column"):
        raise ValueError(f"by must be 'article' or 'column', not {by!r}")
    keys_of = ["article_id", "column", "title"] if by == "article" else ["column"]
    columns = [*keys_of, "rank", "term", "count", "idf", "tfidf"]
    try:
        vectorizer, arts = tfidf_model(issue, tokenizer=tokenizer)
    except ValueError as err:  # scikit-learn: "empty vocabulary" (no records, or only stopwords)
        if "empty vocabulary" in str(err):
            return pd.DataFrame(columns=columns)
        raise
    if by == "article":
        keys = arts[["article_id", "column", "title"]].to_dict("records")
        docs = arts["text"].tolist()
    elif by == "column":
        grouped = arts.groupby("column", sort=False)["text"].agg("\n".join)
        keys = [{"column": c} for c in grouped.index]
        docs = grouped.tolist()
    weights = vectorizer.transform(docs)
    counts = vectorizer.build_analyzer()
    vocab = vectorizer.get_feature_names_out()
    rows = []
    for key, doc, row in zip(keys, docs, weights, strict=True):
        dense = row.toarray()[0]
        best = np.argsort(-dense, kind="stable")[:n]
        tally = pd.Series(counts(doc)).value_counts()
        for rank, j in enumerate(best, start=1):
            if dense[j] <= 0:
                break
            rows.append(
                key
                | {
                    "rank": rank,
                    "term": vocab[j],
                    "count": int(tally.get(vocab[j], 0)),
                    "idf": float(vectorizer.idf_[j]),
                    "tfidf": float(dense[j]),
                }
            )
    return pd.DataFrame(rows, columns=columns)
