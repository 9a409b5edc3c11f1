"""Document-term counts → keyness of every column against the rest of the issue, in one table.

For a term with ``a`` occurrences among the ``c`` terms of a column and ``b`` among the
``d`` terms of the rest of the issue, the 2×2 table is::

                  column     rest
    term            a          b
    other terms   c − a      d − b

and ``G2 = 2 Σ O ln(O / E)`` over its four cells (Dunning 1993; Rayson & Garside 2000),
``E`` from the margins, no continuity correction; ``p`` from χ² with one degree of freedom.
``g2`` is signed: positive where the column uses the term more (a/c > b/d). ``p_adj`` is
Benjamini–Hochberg over the rows of one column (each column against the rest is one family
of tests). ``log_ratio = log2((a/c) / (b/d))`` (Hardie 2014), a zero count taken as 0.5.
Dispersion within the column: ``n_articles`` that use the term, and Gries' (2008)
``DP = ½ Σ |v_i − s_i|`` over the column's records, ``s_i`` a record's share of the column's
terms and ``v_i`` its share of the term's occurrences (0 = even, near 1 = one record).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..corpus.dtm import article_table, document_terms
from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer

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


def keyness(
    issue: Issue,
    *,
    min_count: int = 3,
    tokenizer: Tokenizer | None = None,
    dtm: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every column against the rest of the issue, for every term seen ``min_count`` times
    in the issue; columns as in ``KEYNESS_COLUMNS``, strongest positive keyness first."""
    dtm = document_terms(issue, tokenizer=tokenizer) if dtm is None else dtm
    sizes = dtm.groupby("article_id", sort=False)["article_terms"].first()
    arts = article_table(issue).set_index("article_id")
    columns = list(dict.fromkeys(arts["column"]))
    art_column = arts["column"]
    totals = dtm.groupby("term")["count"].sum()
    vocab = totals[totals >= min_count].index
    frames = []
    for column in columns:
        members = [a for a in sizes.index if art_column.get(a) == column]
        in_col = dtm[dtm["column"] == column]
        a = in_col.groupby("term")["count"].sum().reindex(vocab, fill_value=0)
        b = totals.reindex(vocab) - a
        c = int(sizes[members].sum())
        d = int(sizes.sum()) - c
        frame = pd.DataFrame({"column": column, "term": vocab, "count_column": a.values, "count_rest": b.values})
        frame["tokens_column"], frame["tokens_rest"] = c, d
        _add_tests(frame, a.to_numpy(dtype=float), b.to_numpy(dtype=float), c, d)
        per_article = in_col.pivot_table(index="term", columns="article_id", values="count", aggfunc="sum")
        per_article = per_article.reindex(index=vocab, columns=members, fill_value=0).fillna(0)
        frame["n_articles"] = (per_article > 0).sum(axis=1).to_numpy()
        # dispersion over one record says nothing: empty, not 0.0
        frame["dp"] = gries_dp(per_article.to_numpy(), sizes[members].to_numpy()) if len(members) > 1 else np.nan
        frames.append(frame)
    if not frames:  # no records, or no term seen min_count times
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    order = {c: i for i, c in enumerate(columns)}
    out = out.assign(_c=out["column"].map(order)).sort_values(
        ["_c", "g2", "term"], ascending=[True, False, True], kind="stable"
    )
    return out[KEYNESS_COLUMNS].reset_index(drop=True)


def signed_g2(a, b, c: int, d: int) -> np.ndarray:
    """Four-cell log-likelihood G2 of a/c against b/d, negative where a/c < b/d."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    n = c + d
    observed = [a, b, c - a, d - b]
    expected = [c * (a + b) / n, d * (a + b) / n, c * (n - a - b) / n, d * (n - a - b) / n]
    g2 = 2 * sum(_xlogx_over(o, e) for o, e in zip(observed, expected, strict=True))
    g2 = np.maximum(g2, 0.0)  # rounding can leave -1e-13 where the rates are equal
    sign = np.where(a * d >= b * c, 1.0, -1.0)
    return sign * g2


def log_ratio(a, b, c: int, d: int) -> np.ndarray:
    """Hardie's Log Ratio: log2 of the ratio of relative frequencies, zeros taken as 0.5."""
    a = np.where(np.asarray(a) == 0, 0.5, a)
    b = np.where(np.asarray(b) == 0, 0.5, b)
    return np.log2((a / c) / (b / d))


def _add_tests(frame: pd.DataFrame, a: np.ndarray, b: np.ndarray, c: int, d: int) -> None:
    """``g2``, ``p``, ``p_adj`` (BH over the frame's rows) and ``log_ratio`` of each row's 2×2
    table: the one set of statistics for columns against the rest and periods against periods."""
    frame["g2"] = signed_g2(a, b, c, d)
    frame["p"] = chi2_sf_1df(np.abs(frame["g2"].to_numpy()))
    frame["p_adj"] = benjamini_hochberg(frame["p"].to_numpy())
    frame["log_ratio"] = log_ratio(a, b, c, d)


def chi2_sf_1df(x: np.ndarray) -> np.ndarray:
    """P(χ²₁ ≥ x), the p-value of G² with one degree of freedom: ``erfc(√(x/2))``, exactly
    scipy's ``chi2.sf(x, 1)`` without importing scipy (1.8 s) in every notebook kernel."""
    return np.array([math.erfc(math.sqrt(v / 2)) for v in np.asarray(x, dtype=float)])


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (step-up, monotone, capped at 1)."""
    p = np.asarray(p, dtype=float)
    n = len(p)
    if n == 0:
        return p
    order = np.argsort(p)
    ranked = p[order] * n / np.arange(1, n + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(n)
    out[order] = np.minimum(adjusted, 1.0)
    return out


def gries_dp(counts: np.ndarray, part_sizes: np.ndarray) -> np.ndarray:
    """Gries' DP for each row of a term × part count matrix; NaN where the term is absent."""
    counts = np.asarray(counts, dtype=float)
    sizes = np.asarray(part_sizes, dtype=float)
    if counts.size == 0:
        return np.full(counts.shape[0], np.nan)
    s = sizes / sizes.sum()
    totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        v = counts / totals
        dp = 0.5 * np.abs(v - s).sum(axis=1)
    return np.where(totals[:, 0] > 0, dp, np.nan)


def _xlogx_over(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(o > 0, o * np.log(o / e), 0.0)


PERIOD_COLUMNS = [
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


def keyness_of_counts(target: dict[str, int], reference: dict[str, int], *, min_count: int = 5) -> pd.DataFrame:
    """One body of text against another, from their term counts (an issue against the issues
    before it, one period against another): the 2×2 table, ``g2``, ``p``, ``p_adj``
    (Benjamini–Hochberg over all terms) and ``log_ratio`` as for columns, for every term seen
    ``min_count`` times in the two together. ``status`` is ``new`` where the reference never
    has the term, ``vanished`` where the target never has it, else empty. Strongest first."""
    c, d = sum(target.values()), sum(reference.values())
    vocab = sorted(t for t in set(target) | set(reference) if target.get(t, 0) + reference.get(t, 0) >= min_count)
    if not vocab or c == 0 or d == 0:
        return pd.DataFrame(columns=PERIOD_COLUMNS)
    a = np.array([target.get(t, 0) for t in vocab], dtype=float)
    b = np.array([reference.get(t, 0) for t in vocab], dtype=float)
    frame = pd.DataFrame({"term": vocab, "count_target": a.astype(int), "count_reference": b.astype(int)})
    frame["tokens_target"], frame["tokens_reference"] = c, d
    _add_tests(frame, a, b, c, d)
    frame["status"] = np.where(b == 0, "new", np.where(a == 0, "vanished", ""))
    frame = frame.sort_values(["g2", "term"], ascending=[False, True], kind="stable")
    return frame[PERIOD_COLUMNS].reset_index(drop=True)
