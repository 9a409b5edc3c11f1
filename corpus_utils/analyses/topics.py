"""The records of many issues → topics: NMF on TF-IDF over the project tokenizer's terms.

Every record of every issue is a document; its term counts come from worker processes (one
per issue, as in ``archive``), so the issues are never held in memory, only a sparse
record × term matrix. Terms seen in fewer than ``min_df`` records are left out. The counts
are weighted by scikit-learn's ``TfidfTransformer`` (smoothed IDF, unit-length rows) and
factorised by ``NMF`` (``init="nndsvda"``, ``random_state=seed``), so a rerun gives the same
topics. A record's topic shares are its NMF weights scaled to sum to one; a column's or an
issue's shares are the means over its records.

To choose ``k``, ``topic_choice`` fits several and reports NMF's reconstruction error (lower:
closer to the data) and the UMass coherence of each topic's top terms (Mimno et al. 2011:
``Σ log((D(wᵢ, wⱼ) + 1) / D(wⱼ))`` over pairs of top terms, ``D`` the number of records holding
them; nearer zero: terms that occur together).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

RECORD_KEYS = ["issue_id", "article_id", "column"]


@dataclass
class Corpus:
    """The records of many issues as a sparse count matrix: ``records`` (issue_id, article_id,
    column) and ``vocabulary`` name its rows and columns."""

    records: pd.DataFrame
    vocabulary: np.ndarray
    counts: object  # scipy.sparse.csr_matrix


@dataclass
class Topics:
    """A fitted topic model: ``terms`` (topic, rank, term, weight), ``shares`` (one row per
    record: issue_id, article_id, column, then one column per topic), ``error`` and ``k``."""

    k: int
    terms: pd.DataFrame
    shares: pd.DataFrame
    error: float


def record_term_counts(path: str | Path) -> list[tuple[str, int, str, dict[str, int]]]:
    """One issue's records as (issue_id, article_id, column, term counts); [] if unreadable."""
    from ..corpus.dtm import article_table, document_terms
    from ..segmenting.issue import read_issue

    issue, _ = read_issue(path)
    if issue is None:
        return []
    dtm = document_terms(issue)
    by_record = {a: dict(zip(g["term"], g["count"].astype(int), strict=True)) for a, g in dtm.groupby("article_id")}
    return [
        (issue.issue_id, int(a), c, by_record.get(a, {}))
        for a, c in article_table(issue)[["article_id", "column"]].values
    ]


def topic_corpus(paths: Sequence[str | Path], *, min_df: int = 2, jobs: int | None = None) -> Corpus:
    """The records of the issues in ``paths`` as a sparse matrix, terms in at least ``min_df``
    records (term order: sorted)."""
    from scipy.sparse import csr_matrix

    from .archive import _mapped

    parts = list(_mapped(record_term_counts, [Path(p) for p in paths], jobs or os.cpu_count() or 1))
    records = [(i, a, c) for part in parts for i, a, c, _ in part]
    counts = [n for part in parts for *_, n in part]
    df: dict[str, int] = {}
    for n in counts:
        for t in n:
            df[t] = df.get(t, 0) + 1
    vocabulary = np.array(sorted(t for t, d in df.items() if d >= min_df))
    col = {t: j for j, t in enumerate(vocabulary)}
    rows, cols, vals = [], [], []
    for i, n in enumerate(counts):
        for t, v in n.items():
            if t in col:
                rows.append(i)
                cols.append(col[t])
                vals.append(v)
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(counts), len(vocabulary)), dtype=float)
    return Corpus(pd.DataFrame(records, columns=RECORD_KEYS), vocabulary, matrix)


def fit_topics(corpus: Corpus, k: int, *, seed: int = 0, top: int = 10) -> Topics:
    """NMF with ``k`` topics on the corpus's TF-IDF (seeded: a rerun gives the same topics)."""
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfTransformer

    weights = TfidfTransformer().fit_transform(corpus.counts)
    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=500)
    doc_topic = model.fit_transform(weights)
    rows = []
    for t, component in enumerate(model.components_):
        best = np.argsort(-component, kind="stable")[:top]
        rows += [
            {"topic": t, "rank": r, "term": corpus.vocabulary[j], "weight": float(component[j])}
            for r, j in enumerate(best, start=1)
        ]
    totals = doc_topic.sum(axis=1, keepdims=True)
    shares = np.divide(doc_topic, totals, out=np.zeros_like(doc_topic), where=totals > 0)
    share_frame = corpus.records.copy()
    for t in range(k):
        share_frame[f"topic_{t}"] = shares[:, t]
    return Topics(k, pd.DataFrame(rows), share_frame, float(model.reconstruction_err_))


def topic_labels(topics: Topics, n: int = 3) -> dict[int, str]:
    """Each topic named by its ``n`` strongest terms: ``0 软弱涣散·整顿·党组织``."""
    return {t: f"{t} " + "·".join(g.nsmallest(n, "rank")["term"]) for t, g in topics.terms.groupby("topic", sort=True)}


def umass_coherence(binary: np.ndarray, top_terms: Sequence[int]) -> float:
    """UMass coherence of one topic's top terms (column indexes into a record × term 0/1 matrix)."""
    df = binary.sum(axis=0)
    score = 0.0
    for i in range(1, len(top_terms)):
        for j in range(i):
            wi, wj = top_terms[i], top_terms[j]
            together = int(np.sum(binary[:, wi] & binary[:, wj]))
            score += math.log((together + 1) / df[wj]) if df[wj] else 0.0
    return score


def topic_choice(corpus: Corpus, ks: Sequence[int], *, seed: int = 0, top: int = 10) -> pd.DataFrame:
    """For each ``k``: ``reconstruction_error`` and ``coherence`` (mean UMass of the topics' top
    terms), to choose the number of topics."""
    binary = (corpus.counts > 0).toarray()
    rows = []
    for k in ks:
        topics = fit_topics(corpus, k, seed=seed, top=top)
        col = {t: j for j, t in enumerate(corpus.vocabulary)}
        scores = [
            umass_coherence(binary, [col[t] for t in g.sort_values("rank")["term"]])
            for _, g in topics.terms.groupby("topic")
        ]
        rows.append({"k": k, "reconstruction_error": topics.error, "coherence": float(np.mean(scores))})
    return pd.DataFrame(rows)


def topic_shares(topics: Topics, by: str = "column") -> pd.DataFrame:
    """Mean topic shares of the records of each ``column`` or ``issue_id`` (rows sum to one)."""
    cols = [c for c in topics.shares.columns if c.startswith("topic_")]
    return topics.shares.groupby(by, sort=False)[cols].mean().reset_index()


def topic_trends(topics: Topics, summary: pd.DataFrame, labels: dict[int, str] | None = None) -> pd.DataFrame:
    """Mean topic shares per issue in long form, issues in the order and with the labels of
    ``summary`` (an ``archive_tables`` summary): ``issue_id, label, topic, share``."""
    wide = topic_shares(topics, by="issue_id").set_index("issue_id")
    rows = [
        {
            "issue_id": i,
            "label": label,
            "topic": (labels or {}).get(t, f"主题 {t}"),
            "share": float(wide.loc[i, f"topic_{t}"]),
        }
        for i, label in zip(summary["issue_id"], summary["label"], strict=True)
        if i in wide.index
        for t in range(topics.k)
    ]
    return pd.DataFrame(rows, columns=["issue_id", "label", "topic", "share"])
