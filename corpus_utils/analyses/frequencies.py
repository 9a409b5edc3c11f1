"""A count matrix, grouped → how often each feature occurs in each group, and per 10,000
characters; and each column's size.

``feature_frequencies`` serves every kind of matrix (terms, followed phrases, concepts) and
every grouping; ``term_frequencies`` is its form for terms, with the columns the notebooks and
``term_frequencies_*.csv`` have always had.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus, as_corpus, as_matrix
from ..corpus.dtm import DocumentTermMatrix
from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer
from .rates import PER_10K, rate

FREQUENCY_COLUMNS = ["count", "per_10k", "doc_freq", "n_docs", "n_chars"]


def grouping(dtm: DocumentTermMatrix, by) -> DocumentTermMatrix:
    """``dtm`` grouped by ``by``: ``"issue"``, ``"column"``, ``"article"`` (each record, keyed as
    the corpus keys it), any document variable or list of them, labels aligned with the records,
    or None for a matrix already grouped (a matrix of records is then one group per issue)."""
    if by is None:
        return dtm if dtm.grouped else dtm.group("issue_id")
    if isinstance(by, str) and by in ("article", "document"):
        keys = [k for k in ("issue_id", "article_id") if k in dtm.keys] or ["article_id"]
        return dtm.group([*keys, "column"])
    return dtm.group(by)


def feature_frequencies(
    dtm: DocumentTermMatrix,
    *,
    zeros: bool = False,
    by_feature: bool = False,
    rolled: DocumentTermMatrix | None = None,
) -> pd.DataFrame:
    """Each feature in each group of a grouped matrix: the group's keys, ``feature, count,
    per_10k, doc_freq, n_docs, n_chars``. ``per_10k = count / n_chars × 10,000`` (0 for a group
    without characters); ``doc_freq``: the group's records that use the feature, of ``n_docs``.
    Without ``zeros``, only the features a group uses, most frequent first (ties by feature);
    with it, every feature in every group, group by group in the matrix's order (``by_feature``:
    feature by feature). With ``rolled`` (``dtm.rolled_up(…)``), a ``count_rolled`` column after
    ``count``, and the features a group uses only inside longer ones listed too (count 0)."""
    keys = list(dtm.keys)
    if rolled is not None:
        dtm = dtm.select(list(rolled.features))
    if zeros:
        rows, cols = np.divmod(np.arange(dtm.n_docs * dtm.n_features), dtm.n_features)
        if by_feature:
            cols, rows = np.divmod(np.arange(dtm.n_docs * dtm.n_features), dtm.n_docs)
    else:
        cells = (dtm.counts if rolled is None else rolled.counts).tocoo()
        whole = np.asarray(dtm.counts[cells.row, cells.col]).ravel() if cells.nnz else np.array([], dtype=np.int64)
        order = np.lexsort((cells.col, -cells.data, -whole, cells.row))
        rows, cols = cells.row[order], cells.col[order]
    values = np.asarray(dtm.counts[rows, cols]).ravel() if len(rows) else np.array([], dtype=np.int64)
    frame = dtm.docvars[keys].iloc[rows].reset_index(drop=True)
    frame["feature"] = dtm.features[cols]
    frame["count"] = values.astype(np.int64)
    columns = list(FREQUENCY_COLUMNS)
    if rolled is not None:
        frame["count_rolled"] = (np.asarray(rolled.counts[rows, cols]).ravel() if len(rows) else values).astype(
            np.int64
        )
        columns.insert(1, "count_rolled")
    frame["n_chars"] = dtm.docvars["n_chars"].to_numpy()[rows].astype(np.int64)
    frame["per_10k"] = rate(frame["count"], frame["n_chars"], PER_10K)
    users = dtm.users()
    frame["doc_freq"] = (np.asarray(users[rows, cols]).ravel() if len(rows) else np.array([])).astype(np.int64)
    n_docs = dtm.docvars["n_docs"].to_numpy() if "n_docs" in dtm.docvars else np.ones(dtm.n_docs)
    frame["n_docs"] = n_docs[rows].astype(np.int64)
    return frame[[*keys, "feature", *columns]]


def term_frequencies(
    x: Issue | Corpus | DocumentTermMatrix,
    *,
    by="issue",
    tokenizer: Tokenizer | None = None,
    dtm: DocumentTermMatrix | None = None,
) -> pd.DataFrame:
    """How often each term occurs in each group (``by``: see ``grouping``), raw and per 10,000
    characters of the group's text (so comparable across columns of any length), and in how many
    of its records. Columns: the group's keys (``issue_id``; ``column``; ``article_id, column``),
    then ``term, count, count_rolled, per_10k, doc_freq, n_docs, n_chars``; most frequent first
    in each group. ``count`` counts whole tokens (what charts draw); ``count_rolled`` adds the
    term's occurrences inside longer terms and formulations (乡村振兴 inside 乡村振兴战略), and a
    formulation of ``dictionaries/formulations.toml`` used only inside longer ones is listed with
    count 0. ``x`` may be an issue, a corpus or a matrix (``dtm=`` is the old spelling of the last)."""
    from ..text.lexicon import read_formulations

    matrix = dtm if dtm is not None else as_matrix(x, tokenizer=tokenizer)
    if by is not None and matrix.grouped:
        raise ValueError("the matrix is grouped already: by=None")
    grouped = grouping(matrix, by)
    rolled = grouped.rolled_up([f.term for f in read_formulations()])
    return feature_frequencies(grouped, rolled=rolled).rename(columns={"feature": "term"})


def column_overview(x: Issue | Corpus) -> pd.DataFrame:
    """Records, articles and characters per column, in the order the records print them.

    Columns: ``column, n_records, n_articles, n_chars, pages`` (``pages``: first–last printed
    page of the column's own records).
    """
    records = as_corpus(x).records
    rows = []
    for column, grp in records.groupby("column", sort=False):
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
