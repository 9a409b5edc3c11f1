"""The document-term table → TF-IDF with scikit-learn, over the project tokenizer's terms.

IDF is learnt over the issue's records (articles, excerpts, editor's notes), never over a
handful of columns: with scikit-learn's defaults, ``idf(t) = ln((1 + n) / (1 + df(t))) + 1``
for n records and ``tf-idf = count × idf``, each record's vector scaled to unit length. A
column is scored as one document made of its records' terms, transformed with the same IDF.

The counts come from ``document_terms`` (the table keyness and frequencies use too), put into
a sparse matrix over the vocabulary in sorted order, as ``TfidfVectorizer`` would, and weighted
by ``TfidfTransformer``: the same numbers as ``TfidfVectorizer`` with the project's analyzer
(tested), without tokenizing the texts three more times.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus.dtm import article_table, document_terms
from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer


def top_tfidf_terms(
    issue: Issue,
    *,
    by: str = "article",
    n: int = 10,
    tokenizer: Tokenizer | None = None,
    dtm: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The ``n`` highest TF-IDF terms of every record (``by="article"``) or column (``"column"``).

    Columns: ``article_id, column, title`` (or ``column``), ``rank, term, count, idf, tfidf``;
    no rows for an issue without records or terms.
    """
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfTransformer

    if by not in ("article", "column"):
        raise ValueError(f"by must be 'article' or 'column', not {by!r}")
    keys_of = ["article_id", "column", "title"] if by == "article" else ["column"]
    columns = [*keys_of, "rank", "term", "count", "idf", "tfidf"]
    dtm = document_terms(issue, tokenizer=tokenizer) if dtm is None else dtm
    arts = article_table(issue)
    if dtm.empty or arts.empty:
        return pd.DataFrame(columns=columns)
    vocab = np.array(sorted(dtm["term"].unique()))
    col_of = {t: j for j, t in enumerate(vocab)}
    row_of = {a: i for i, a in enumerate(arts["article_id"])}
    counts = csr_matrix(
        (dtm["count"].to_numpy(), (dtm["article_id"].map(row_of).to_numpy(), dtm["term"].map(col_of).to_numpy())),
        shape=(len(arts), len(vocab)),
    )
    transformer = TfidfTransformer().fit(counts)
    if by == "article":
        keys = arts[keys_of].to_dict("records")
        docs = counts
    else:
        order = list(dict.fromkeys(arts["column"]))
        member = np.array([[c == col for c in arts["column"]] for col in order], dtype=float)
        keys = [{"column": c} for c in order]
        docs = csr_matrix(member) @ counts
    weights = transformer.transform(docs).toarray()
    dense_counts = docs.toarray()
    rows = []
    for key, row, tally in zip(keys, weights, dense_counts, strict=True):
        best = np.argsort(-row, kind="stable")[:n]
        for rank, j in enumerate(best, start=1):
            if row[j] <= 0:
                break
            rows.append(
                key
                | {
                    "rank": rank,
                    "term": vocab[j],
                    "count": int(tally[j]),
                    "idf": float(transformer.idf_[j]),
                    "tfidf": float(row[j]),
                }
            )
    return pd.DataFrame(rows, columns=columns)
