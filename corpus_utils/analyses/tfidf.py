"""A term matrix → TF-IDF with scikit-learn: the terms that set a record, or a group of records,
apart from the others.

IDF is learnt over the records (articles, excerpts, editor's notes), never over a handful of
groups: with scikit-learn's defaults, ``idf(t) = ln((1 + n) / (1 + df(t))) + 1`` for n records
and ``tf-idf = count × idf``, each vector scaled to unit length. A group (a column, an issue, any
grouping) is scored as one document made of its records' terms, transformed with the same IDF.
The counts are the matrix's, in its term order (code-point order, as ``TfidfVectorizer`` sorts
its vocabulary), weighted by ``TfidfTransformer``: the same numbers as ``TfidfVectorizer`` with
the project's analyzer (tested), without tokenizing the texts again.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus, as_matrix
from ..corpus.dtm import DocumentTermMatrix
from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer

SCORE_COLUMNS = ["rank", "term", "count", "idf", "tfidf"]


def top_tfidf_terms(
    x: Issue | Corpus | DocumentTermMatrix,
    *,
    by="article",
    n: int = 10,
    tokenizer: Tokenizer | None = None,
    dtm: DocumentTermMatrix | None = None,
) -> pd.DataFrame:
    """The ``n`` highest TF-IDF terms of every record (``by="article"``) or group (``by="column"``,
    any document variable or labels; or the groups of a matrix already grouped).

    Columns: the record's keys, ``column, title`` (or the group's keys), then ``rank, term,
    count, idf, tfidf``; no rows where there are no records or no terms.
    """
    from sklearn.feature_extraction.text import TfidfTransformer

    matrix = dtm if dtm is not None else as_matrix(x, tokenizer=tokenizer)
    records = matrix.parts if matrix.grouped else matrix
    if matrix.grouped:
        scored, keys = matrix, list(matrix.keys)
    elif isinstance(by, str) and by in ("article", "document"):
        scored, keys = matrix, [*matrix.keys, "column", "title"]
    else:
        scored = matrix.group(by)
        keys = list(scored.keys)
    if records.n_docs == 0 or records.n_features == 0:
        return pd.DataFrame(columns=[*keys, *SCORE_COLUMNS])
    transformer = TfidfTransformer().fit(records.counts)
    weights = transformer.transform(_floats(scored.counts)).tocsr()
    counts = scored.counts.tocsr()
    rows = []
    for g in range(scored.n_docs):
        key = {k: scored.docvars[k].iat[g] for k in keys}
        cells = weights[g]
        best = cells.indices[np.lexsort((cells.indices, -cells.data))][:n]
        for rank, j in enumerate(best, start=1):
            rows.append(
                key
                | {
                    "rank": rank,
                    "term": scored.features[j],
                    "count": int(counts[g, j]),
                    "idf": float(transformer.idf_[j]),
                    "tfidf": float(weights[g, j]),
                }
            )
    return pd.DataFrame(rows, columns=[*keys, *SCORE_COLUMNS])


def _floats(counts):
    """The counts as float64, cells in the order they are stored: scikit-learn would convert
    integer counts itself and sort each row's cells on the way, and a row's length (its l2
    norm) is summed in that order, which moves the last bit of a score."""
    from scipy.sparse import csr_matrix

    return csr_matrix((counts.data.astype(np.float64), counts.indices, counts.indptr), shape=counts.shape)
