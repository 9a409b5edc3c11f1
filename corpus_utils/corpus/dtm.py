"""Documents × features: the one count matrix every statistic starts from, grouped by any
document variable.

A ``DocumentTermMatrix`` is a scipy sparse matrix of counts, the features that name its columns
(terms in code-point order; or phrases and concepts in the order asked for) and a table of
document variables, one row per document (issue id, date, label, column, kind, authors, pages,
``n_chars``, ``n_terms``…). ``group(by)`` sums its rows by any document variable, any list of
them, or any labels aligned with the documents, so that a new grouping (by author type, by
county, by period) is one call and no new function:

    dtm.group("column")                    # the columns of an issue, or of every issue
    dtm.group(["issue_id", "column"])      # each column in each issue
    dtm.group(dtm.docvars["authors"].map(author_type))   # any labels of the user's

A grouped matrix keeps the documents it sums (``parts``, and each one's group in ``membership``),
so statistics that look inside a group (dispersion over its records, IDF over records) still can.
``n_chars`` and ``n_terms`` add up when rows are grouped; a document variable that has one value
in every group (``label`` when grouping by issue) is kept; the others are dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

ADDITIVE = ("n_chars", "n_terms")  # document variables that add up when documents are grouped
ALIASES = {"issue": "issue_id"}


@dataclass(frozen=True, eq=False)
class DocumentTermMatrix:
    """Counts of each feature in each document (see the module docstring)."""

    counts: csr_matrix
    features: np.ndarray
    docvars: pd.DataFrame
    keys: tuple[str, ...] = ()  # the document variables that name a row: a document's, or its group's
    parts: DocumentTermMatrix | None = None  # a grouped matrix: the documents it sums
    membership: np.ndarray | None = None  # for each document of ``parts``, its row here (-1: none)

    def __repr__(self) -> str:
        kind = f"grouped by {', '.join(self.keys)}" if self.grouped else "documents"
        return f"DocumentTermMatrix · {self.n_docs} {kind} × {self.n_features} features"

    @property
    def n_docs(self) -> int:
        return self.counts.shape[0]

    @property
    def n_features(self) -> int:
        return self.counts.shape[1]

    @property
    def grouped(self) -> bool:
        return self.parts is not None

    def sizes(self) -> np.ndarray:
        """Each row's size in terms (``n_terms``: the terms it had before any ``select`` or ``trim``)."""
        if "n_terms" in self.docvars.columns:
            return self.docvars["n_terms"].to_numpy(dtype=np.int64)
        return np.asarray(self.counts.sum(axis=1)).ravel().astype(np.int64)

    def totals(self) -> np.ndarray:
        """Each feature's count over all rows."""
        return np.asarray(self.counts.sum(axis=0)).ravel()

    def doc_freq(self) -> np.ndarray:
        """In how many rows each feature occurs."""
        return np.asarray((self.counts > 0).sum(axis=0)).ravel()

    def users(self):
        """How many of each row's documents use each feature (a sparse matrix like ``counts``;
        for a matrix of documents, 1 where a document uses the feature)."""
        used = (self.parts.counts if self.grouped else self.counts) > 0
        if not self.grouped:
            return used.astype(np.int64).tocsr()
        return (_membership(self.membership, self.n_docs) @ used.astype(np.int64)).tocsr()

    def feature_index(self, features: Sequence[str]) -> np.ndarray:
        """The column of each feature, -1 where the matrix does not have it."""
        where = {f: j for j, f in enumerate(self.features)}
        return np.array([where.get(f, -1) for f in features], dtype=np.int64)

    def group(self, by) -> DocumentTermMatrix:
        """The rows summed by ``by``: a document variable (``"column"``; ``"issue"`` for
        ``issue_id``), a list of them, or labels aligned with the rows (a Series, an array).
        Groups come in the order they first appear; rows with a missing label belong to none."""
        labels = _labels(self.docvars, by)
        keys = list(labels.columns)
        codes = labels.groupby(keys, sort=False, dropna=True).ngroup().fillna(-1).to_numpy(dtype=np.int64)
        n_groups = int(codes.max()) + 1 if len(codes) else 0
        summed = _membership(codes, n_groups) @ self.counts
        docvars = _group_docvars(self.docvars, labels, codes, n_groups)
        base, inner = (self, codes) if not self.grouped else (self.parts, _compose(self.membership, codes))
        return DocumentTermMatrix(summed.tocsr(), self.features, docvars, tuple(keys), parts=base, membership=inner)

    def subset(self, mask=None, **equals) -> DocumentTermMatrix:
        """The rows where ``mask`` is true and every ``docvar=value`` holds (a value may be a list
        of accepted values). A grouped matrix keeps its groups' documents."""
        keep = _row_mask(self.docvars, mask, equals)
        docvars = self.docvars[keep].reset_index(drop=True)
        counts = self.counts[np.flatnonzero(keep)]
        if not self.grouped:
            return DocumentTermMatrix(counts, self.features, docvars, self.keys)
        renumber = np.where(keep, np.cumsum(keep) - 1, -1)
        membership = np.where(self.membership >= 0, renumber[np.maximum(self.membership, 0)], -1)
        return DocumentTermMatrix(counts, self.features, docvars, self.keys, parts=self.parts, membership=membership)

    def select(self, features: Sequence[str]) -> DocumentTermMatrix:
        """The columns of ``features`` in that order; a feature the matrix lacks is a column of zeros."""
        return self._columns(self.feature_index(features), np.array(list(features), dtype=object))

    def trim(self, *, min_count: int = 1, min_docs: int = 1) -> DocumentTermMatrix:
        """The features seen at least ``min_count`` times in at least ``min_docs`` rows."""
        keep = np.flatnonzero((self.totals() >= min_count) & (self.doc_freq() >= min_docs))
        return self._columns(keep, self.features[keep])

    def rolled_up(self, extra: Sequence[str] = ()) -> DocumentTermMatrix:
        """The matrix in which each feature also counts its occurrences inside the longer
        features that hold it (乡村振兴 inside 乡村振兴战略: a token of the one is an occurrence
        of the other), ``extra`` features (a lexicon's terms the matrix lacks) added where a
        feature holds them. Features stay in code-point order; whole tokens are ``self``."""
        from scipy.sparse import csr_matrix

        known = {f: j for j, f in enumerate(self.features)}
        wanted = set(known) | set(extra)
        pairs = [
            (g, s)
            for g in self.features
            for s in {g[i:k] for i in range(len(g)) for k in range(i + 2, len(g) + 1) if k - i < len(g)}
            if s in wanted
        ]
        features = np.array(sorted(set(known) | {s for _, s in pairs}), dtype=object)
        column = {f: k for k, f in enumerate(features)}
        rows = [*range(len(known)), *(known[g] for g, _ in pairs)]
        cols = [*(column[f] for f in self.features), *(column[s] for _, s in pairs)]
        vals = [*([1] * len(known)), *(g.count(s) for g, s in pairs)]
        spread = csr_matrix((vals, (rows, cols)), shape=(len(known), len(features)), dtype=np.int64)
        parts = self.parts.rolled_up(extra) if self.grouped else None
        return DocumentTermMatrix(
            (self.counts @ spread).tocsr(), features, self.docvars, self.keys, parts=parts, membership=self.membership
        )

    def to_frame(self) -> pd.DataFrame:
        """The non-zero cells as a long table: the row's keys, ``feature``, ``count``."""
        cells = self.counts.tocoo()
        order = np.lexsort((cells.col, cells.row))
        rows, cols = cells.row[order], cells.col[order]
        frame = self.docvars[list(self.keys)].iloc[rows].reset_index(drop=True)
        frame["feature"] = self.features[cols]
        frame["count"] = cells.data[order].astype(np.int64)
        return frame

    def _columns(self, index: np.ndarray, features: np.ndarray) -> DocumentTermMatrix:
        """The matrix with the columns at ``index`` (-1: a column of zeros), named ``features``."""
        from scipy.sparse import csr_matrix

        present = index >= 0
        picked = self.counts[:, index[present]].tocoo()
        cols = np.flatnonzero(present)[picked.col]
        counts = csr_matrix((picked.data, (picked.row, cols)), shape=(self.n_docs, len(index)), dtype=np.int64)
        parts = self.parts._columns(index, features) if self.grouped else None
        return DocumentTermMatrix(counts, features, self.docvars, self.keys, parts=parts, membership=self.membership)


def matrix_from_counts(
    docvars: pd.DataFrame,
    counts: Sequence[Counter | dict],
    *,
    features: Sequence[str] | None = None,
    keys: Sequence[str] = (),
) -> DocumentTermMatrix:
    """A matrix from one ``{feature: count}`` per document (features: sorted, unless given)."""
    from scipy.sparse import csr_matrix

    if features is None:
        features = sorted({f for c in counts for f in c})
    features = np.array(list(features), dtype=object)
    column = {f: j for j, f in enumerate(features)}
    rows, cols, vals = [], [], []
    for i, c in enumerate(counts):
        for f, n in c.items():
            if n and f in column:
                rows.append(i)
                cols.append(column[f])
                vals.append(n)
    matrix = csr_matrix(
        (np.array(vals, dtype=np.int64), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
        shape=(len(counts), len(features)),
        dtype=np.int64,
    )
    return DocumentTermMatrix(matrix, features, docvars.reset_index(drop=True), tuple(keys))


def stacked(matrices: Sequence[DocumentTermMatrix]) -> DocumentTermMatrix:
    """Document matrices one under another, their features merged (in code-point order)."""
    from scipy.sparse import csr_matrix, vstack

    if not matrices:
        raise ValueError("no matrices to stack")
    features = np.array(sorted({f for m in matrices for f in m.features}), dtype=object)
    blocks = []
    for m in matrices:
        cols = np.searchsorted(features, m.features) if m.n_features else np.array([], dtype=np.int64)
        cells = m.counts.tocoo()
        blocks.append(
            csr_matrix((cells.data, (cells.row, cols[cells.col])), shape=(m.n_docs, len(features)), dtype=np.int64)
        )
    docvars = pd.concat([m.docvars for m in matrices], ignore_index=True)
    return DocumentTermMatrix(vstack(blocks).tocsr(), features, docvars, matrices[0].keys)


# internal functions ----------------------------------------------------------


def _labels(docvars: pd.DataFrame, by) -> pd.DataFrame:
    """The grouping's labels, one column per key, one row per document."""
    if isinstance(by, str) and ALIASES.get(by, by) not in docvars.columns:
        raise KeyError(f"no document variable {by!r} (there are: {', '.join(map(str, docvars.columns))})")
    names = [by] if isinstance(by, str) else by
    if isinstance(names, list | tuple) and all(isinstance(n, str) and ALIASES.get(n, n) in docvars for n in names):
        return docvars[[ALIASES.get(n, n) for n in names]].reset_index(drop=True)
    labels = pd.Series(by) if not isinstance(by, pd.Series) else by
    if len(labels) != len(docvars):
        raise ValueError(f"{len(labels)} labels for {len(docvars)} documents")
    return pd.DataFrame({labels.name or "group": labels.to_numpy()})


def _membership(codes: np.ndarray, n_groups: int):
    from scipy.sparse import csr_matrix

    inside = np.flatnonzero(codes >= 0)
    ones = np.ones(len(inside), dtype=np.int64)
    return csr_matrix((ones, (codes[inside], inside)), shape=(n_groups, len(codes)), dtype=np.int64)


def _compose(inner: np.ndarray, outer: np.ndarray) -> np.ndarray:
    """Each base document's group after grouping the groups again."""
    return np.where(inner >= 0, outer[np.maximum(inner, 0)], -1)


def _group_docvars(docvars: pd.DataFrame, labels: pd.DataFrame, codes: np.ndarray, n_groups: int) -> pd.DataFrame:
    keys = list(labels.columns)
    inside = codes >= 0
    out = labels[inside].drop_duplicates().reset_index(drop=True)
    member = pd.Series(codes[inside])
    out["n_docs"] = member.value_counts().reindex(range(n_groups), fill_value=0).to_numpy()
    for col in ADDITIVE:
        if col in docvars.columns and col not in keys:
            out[col] = docvars.loc[inside, col].groupby(member.to_numpy()).sum().reindex(range(n_groups)).to_numpy()
    for col in docvars.columns:
        if col in out.columns:
            continue
        try:
            values = docvars.loc[inside, col].groupby(member.to_numpy())
            if (values.nunique(dropna=False) <= 1).all():
                out[col] = values.first().reindex(range(n_groups)).to_numpy()
        except TypeError:  # list cells (authors, pages) cannot be compared
            continue
    return out


def _row_mask(docvars: pd.DataFrame, mask, equals: dict) -> np.ndarray:
    keep = np.ones(len(docvars), dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    for name, value in equals.items():
        column = docvars[ALIASES.get(name, name)]
        accepted = value if isinstance(value, list | tuple | set) else [value]
        keep &= column.isin(list(accepted)).to_numpy()
    return keep
