"""A term matrix, grouped → keyness: each group against the rest, or a target against a
reference, with the statistics of ``significance``.

``keyness(dtm, by="column")`` tests every column against the rest of the corpus: for each term
seen ``min_count`` times, the 2×2 table of its count in the group (``a`` of the group's ``c``
terms) against the rest (``b`` of ``d``), ``g2``, ``p``, ``p_adj`` (Benjamini–Hochberg within
each group: a group against the rest is one family of tests) and ``log_ratio``; and, inside the
group, in how many of its records the term occurs (``n_articles``) and Gries' ``dp`` over them
(empty for a group of one record: dispersion over one record says nothing). Any grouping works
the same way (``by="issue_id"``, ``by=["issue_id", "column"]``, labels of the user's).

``keyness(dtm, by="issue_id", target=[…], reference=[…])`` pools the target's groups against the
reference's (default: every other group): ``p_adj`` over all terms, and ``status`` ``new`` where
the reference never has the term, ``vanished`` where the target never has it. The latest issue
against the ones before it, or one period against another, is this. Because words cluster in
articles, the table also says in how many records of each side the term occurs, which share of
the target's uses the busiest record carries (``top_share``; from ``ONE_ARTICLE`` on, the
keyword is one article's rather than the period's) and Gries' DP over the target's records.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus, as_matrix
from ..corpus.dtm import DocumentTermMatrix
from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer
from .significance import gries_dp, two_by_two

KEYNESS_COLUMNS = [
    "column",
    "term",
    "count_column",
    "count_rest",
    "tokens_column",
    "tokens_rest",
    "g2",
    "p",
    "p_adj",
    "log_ratio",
    "n_articles",
    "dp",
]
TARGET_COLUMNS = [
    "term",
    "count_target",
    "count_reference",
    "tokens_target",
    "tokens_reference",
    "g2",
    "p",
    "p_adj",
    "log_ratio",
    "status",
]
# with the records behind a target and a reference: in how many records each side uses the term,
# the largest share of the target's uses that one record carries, and Gries' DP over the target
ARTICLE_COLUMNS = ["n_articles_target", "n_articles_reference", "top_share", "dp_target"]
ONE_ARTICLE = 0.5  # a keyword whose target uses are at least this share in one record is carried by it
DP_CHUNK = 4096  # terms whose record-by-record counts are held at once for the dispersion


def keyness(
    x: Issue | Corpus | DocumentTermMatrix,
    *,
    by=None,
    target=None,
    reference=None,
    min_count: int = 3,
    tokenizer: Tokenizer | None = None,
    dtm: DocumentTermMatrix | None = None,
) -> pd.DataFrame:
    """Keyness of each group against the rest, or of ``target`` against ``reference`` (see the
    module docstring). ``by``: a document variable, a list of them or labels aligned with the
    records (default: ``column``, or the grouping of a matrix already grouped); ``target`` and
    ``reference``: group labels (one or a list). Columns: the group's key, ``term``,
    ``count_<key>``, ``count_rest``, ``tokens_<key>``, ``tokens_rest``, ``g2, p, p_adj,
    log_ratio, n_articles, dp`` (``KEYNESS_COLUMNS`` for columns), strongest first in each group;
    with a target, ``TARGET_COLUMNS``, strongest first."""
    matrix = dtm if dtm is not None else as_matrix(x, tokenizer=tokenizer)
    if matrix.grouped and by is not None:
        raise ValueError("the matrix is grouped already: by=None")
    groups = matrix if matrix.grouped else matrix.group("column" if by is None else by)
    if target is None:
        return _each_against_rest(groups, min_count)
    chosen = _chosen(groups, target)
    other = ~chosen if reference is None else _chosen(groups, reference)
    counts = groups.counts
    sizes = groups.sizes()
    table = target_keyness(
        groups.features,
        np.asarray(counts[np.flatnonzero(chosen)].sum(axis=0)).ravel(),
        np.asarray(counts[np.flatnonzero(other)].sum(axis=0)).ravel(),
        int(sizes[chosen].sum()),
        int(sizes[other].sum()),
        min_count=min_count,
    )
    return _with_articles(table, groups, chosen, other)


def target_keyness(features, a, b, c: int, d: int, *, min_count: int = 5) -> pd.DataFrame:
    """A target's term counts ``a`` (of ``c`` terms) against a reference's ``b`` (of ``d``), for
    every term seen ``min_count`` times in the two together: ``TARGET_COLUMNS``, strongest first."""
    a, b = np.asarray(a), np.asarray(b)
    keep = (a + b) >= min_count
    if not keep.any() or c == 0 or d == 0:
        return pd.DataFrame(columns=TARGET_COLUMNS)
    a, b = a[keep].astype(float), b[keep].astype(float)
    frame = pd.DataFrame({"term": np.asarray(features)[keep], "count_target": a.astype(int)})
    frame["count_reference"] = b.astype(int)
    frame["tokens_target"], frame["tokens_reference"] = c, d
    frame = frame.assign(**two_by_two(a, b, c, d))
    frame["status"] = np.where(b == 0, "new", np.where(a == 0, "vanished", ""))
    frame = frame.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    return frame[TARGET_COLUMNS].reset_index(drop=True)


def keyness_of_counts(target: dict[str, int], reference: dict[str, int], *, min_count: int = 5) -> pd.DataFrame:
    """One body of text against another, from their term counts (see ``target_keyness``)."""
    features = sorted(set(target) | set(reference))
    a = [target.get(t, 0) for t in features]
    b = [reference.get(t, 0) for t in features]
    return target_keyness(features, a, b, sum(target.values()), sum(reference.values()), min_count=min_count)


# internal functions ----------------------------------------------------------


def _each_against_rest(groups: DocumentTermMatrix, min_count: int) -> pd.DataFrame:
    keys = list(groups.keys)
    name = keys[0] if len(keys) == 1 else "group"
    count_in, tokens_in = f"count_{name}", f"tokens_{name}"
    columns = [name, "term", count_in, "count_rest", tokens_in, "tokens_rest", *KEYNESS_COLUMNS[6:]]
    totals = groups.totals()
    vocab = np.flatnonzero(totals >= min_count)
    sizes = groups.sizes()
    whole = int(sizes.sum())
    parts, membership = groups.parts, groups.membership
    part_sizes = parts.sizes()
    frames = []
    for g in range(groups.n_docs):
        a = groups.counts[g, vocab].toarray().ravel()
        b = totals[vocab] - a
        c = int(sizes[g])
        frame = pd.DataFrame({name: _key(groups.docvars, keys, g), "term": groups.features[vocab]})
        frame[count_in], frame["count_rest"] = a.astype(np.int64), b.astype(np.int64)
        frame[tokens_in], frame["tokens_rest"] = c, whole - c
        frame = frame.assign(**two_by_two(a.astype(float), b.astype(float), c, whole - c))
        members = np.flatnonzero((membership == g) & (part_sizes > 0))
        frame["n_articles"], frame["dp"] = _dispersion(parts.counts, members, vocab, part_sizes[members])
        frames.append(frame)
    if not frames or not len(vocab):
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)
    order = {k: i for i, k in enumerate(out[name].drop_duplicates())}
    out = out.assign(_g=out[name].map(order)).sort_values(
        ["_g", "g2", "term"], ascending=[True, False, True], kind="stable"
    )
    return out[columns].reset_index(drop=True)


def _dispersion(counts, members: np.ndarray, vocab: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How many of a group's records use each term, and Gries' DP over them (NaN for one record),
    the record-by-record counts held ``DP_CHUNK`` terms at a time."""
    used = np.zeros(len(vocab), dtype=np.int64)
    dp = np.full(len(vocab), np.nan)
    rows = counts[members]
    for start in range(0, len(vocab), DP_CHUNK):
        cols = vocab[start : start + DP_CHUNK]
        block = rows[:, cols].toarray().T.astype(float)
        used[start : start + len(cols)] = (block > 0).sum(axis=1)
        if len(members) > 1:
            dp[start : start + len(cols)] = gries_dp(block, sizes)
    return used, dp


def _with_articles(
    table: pd.DataFrame, groups: DocumentTermMatrix, chosen: np.ndarray, other: np.ndarray
) -> pd.DataFrame:
    """``table`` with ``ARTICLE_COLUMNS``, from the records of the target's and the reference's groups."""
    if table.empty:
        return pd.DataFrame(columns=[*TARGET_COLUMNS, *ARTICLE_COLUMNS])
    parts, membership = groups.parts, groups.membership
    vocab = parts.feature_index(table["term"].tolist())
    in_target = np.flatnonzero(np.isin(membership, np.flatnonzero(chosen)))
    in_reference = np.flatnonzero(np.isin(membership, np.flatnonzero(other)))
    sizes = parts.sizes()
    members = in_target[sizes[in_target] > 0]
    table["n_articles_target"], table["dp_target"] = _dispersion(parts.counts, members, vocab, sizes[members])
    reference_rows = parts.counts[in_reference][:, vocab]
    table["n_articles_reference"] = np.asarray((reference_rows > 0).sum(axis=0)).ravel().astype(np.int64)
    target_rows = parts.counts[in_target][:, vocab]
    busiest = np.asarray(target_rows.max(axis=0).todense()).ravel() if len(in_target) else np.zeros(len(vocab))
    totals = table["count_target"].to_numpy(dtype=float)
    table["top_share"] = np.divide(busiest, totals, out=np.zeros(len(vocab)), where=totals > 0)
    return table[[*TARGET_COLUMNS, *ARTICLE_COLUMNS]]


def _key(docvars: pd.DataFrame, keys: list[str], g: int):
    values = [docvars[k].iat[g] for k in keys]
    return values[0] if len(values) == 1 else " · ".join(map(str, values))


def _chosen(groups: DocumentTermMatrix, labels) -> np.ndarray:
    """The rows of a grouped matrix named by ``labels`` (one label, a list, or a mask)."""
    if isinstance(labels, np.ndarray | pd.Series) and np.asarray(labels).dtype == bool:
        return np.asarray(labels, dtype=bool)
    wanted = set(labels) if isinstance(labels, list | tuple | set) else {labels}
    keys = list(groups.keys)
    names = [_key(groups.docvars, keys, g) for g in range(groups.n_docs)]
    return np.array([n in wanted for n in names], dtype=bool)
