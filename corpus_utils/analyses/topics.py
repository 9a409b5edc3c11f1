"""A records × terms matrix → topics: NMF on TF-IDF over the project tokenizer's terms.

Every record of every issue is a document: the corpus's matrix (``Corpus.from_paths(…).dtm()``,
built by worker processes, one per issue), trimmed to the terms seen in at least ``min_df``
records (``dtm.trim(min_docs=2)``). The counts
are weighted by scikit-learn's ``TfidfTransformer`` (smoothed IDF, unit-length rows) and
factorised by ``NMF`` (``init="nndsvda"``, ``random_state=seed``), so a rerun gives the same
topics. A record's topic shares are its NMF weights scaled to sum to one; a column's or an
issue's shares are the means over its records.

Editor's notes are the magazine's furniture, not its subjects: the same few sentences
(``现予以刊发，供相互借鉴、参考交流``) over every column of every issue, which NMF otherwise
gives topics of their own (选登·本刊·借鉴). ``topic_matrix`` leaves them out (``TOPIC_KINDS``:
articles and the leaders' excerpts) before trimming.

To choose ``k``, ``topic_choice`` fits several and reports NMF's reconstruction error (lower:
closer to the data) and the UMass coherence of each topic's top terms (Mimno et al. 2011:
``Σ log((D(wᵢ, wⱼ) + 1) / D(wⱼ))`` over pairs of top terms, ``D`` the number of records holding
them; nearer zero: terms that occur together); ``chosen_k`` takes the most coherent.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..corpus.dates import LABEL_COLUMNS, dated

if TYPE_CHECKING:
    from ..corpus.corpus import Corpus
    from ..corpus.dtm import DocumentTermMatrix

RECORD_KEYS = ["issue_id", "article_id", "column"]
TOPIC_KINDS = ("article", "excerpt")  # records that are about something (editor's notes are furniture)


@dataclass
class Topics:
    """A fitted topic model: ``terms`` (topic, rank, term, weight), ``shares`` (one row per
    record: issue_id, article_id, column, then one column per topic), ``error`` and ``k``."""

    k: int
    terms: pd.DataFrame
    shares: pd.DataFrame
    error: float


def topic_corpus(paths: Sequence[str | Path], *, min_df: int = 2, jobs: int | None = None) -> DocumentTermMatrix:
    """Deprecated: ``Corpus.from_paths(paths).dtm().trim(min_docs=min_df)``, the records of the
    issues as a matrix, terms in at least ``min_df`` records."""
    from ..corpus.corpus import Corpus

    return Corpus.from_paths(paths, jobs=jobs).dtm().trim(min_docs=min_df)


def topic_matrix(corpus: Corpus, *, min_df: int = 2, kinds: Sequence[str] = TOPIC_KINDS) -> DocumentTermMatrix:
    """The records × terms matrix topics are fitted on: the records of ``kinds`` (editor's notes
    left out), the terms of at least ``min_df`` of them."""
    dtm = corpus.dtm()
    return dtm.subset(dtm.docvars["kind"].isin(list(kinds)).to_numpy()).trim(min_docs=min_df)


_FITTED: dict[tuple, tuple] = {}  # the last fits, by matrix and settings: topic_choice's are reused


def fit_topics(dtm: DocumentTermMatrix, k: int, *, seed: int = 0, top: int = 10) -> Topics:
    """NMF with ``k`` topics on the TF-IDF of a records × terms matrix (seeded: a rerun gives the
    same topics); trim it first (``dtm.trim(min_docs=2)``) to leave out terms of one record. The
    same matrix fitted with the same settings (by ``topic_choice``, say) is not fitted again."""
    key = (id(dtm), k, seed, top)
    if key in _FITTED and _FITTED[key][0] is dtm:
        return _FITTED[key][1]
    topics = _fit(dtm, k, seed=seed, top=top)
    if len(_FITTED) >= 16:
        _FITTED.pop(next(iter(_FITTED)))
    _FITTED[key] = (dtm, topics)
    return topics


def _fit(dtm: DocumentTermMatrix, k: int, *, seed: int, top: int) -> Topics:
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfTransformer

    weights = TfidfTransformer().fit_transform(dtm.counts)
    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=500)
    doc_topic = model.fit_transform(weights)
    rows = []
    for t, component in enumerate(model.components_):
        best = np.argsort(-component, kind="stable")[:top]
        rows += [
            {"topic": t, "rank": r, "term": dtm.features[j], "weight": float(component[j])}
            for r, j in enumerate(best, start=1)
        ]
    totals = doc_topic.sum(axis=1, keepdims=True)
    shares = np.divide(doc_topic, totals, out=np.zeros_like(doc_topic), where=totals > 0)
    share_frame = dtm.docvars[[k for k in RECORD_KEYS if k in dtm.docvars]].copy()
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


def topic_choice(dtm: DocumentTermMatrix, ks: Sequence[int], *, seed: int = 0, top: int = 10) -> pd.DataFrame:
    """For each ``k``: ``reconstruction_error`` and ``coherence`` (mean UMass of the topics' top
    terms), to choose the number of topics."""
    binary = (dtm.counts > 0).toarray()
    rows = []
    for k in ks:
        topics = fit_topics(dtm, k, seed=seed, top=top)
        col = {t: j for j, t in enumerate(dtm.features)}
        scores = [
            umass_coherence(binary, [col[t] for t in g.sort_values("rank")["term"]])
            for _, g in topics.terms.groupby("topic")
        ]
        rows.append({"k": k, "reconstruction_error": topics.error, "coherence": float(np.mean(scores))})
    return pd.DataFrame(rows)


def chosen_k(choice: pd.DataFrame) -> int:
    """The ``k`` of a ``topic_choice`` table whose topics are most coherent (the smaller on a tie)."""
    best = choice.sort_values(["coherence", "k"], ascending=[False, True], kind="stable")
    return int(best["k"].iloc[0])


def topic_shares(topics: Topics, by: str = "column") -> pd.DataFrame:
    """Mean topic shares of the records of each ``column`` or ``issue_id`` (rows sum to one)."""
    cols = [c for c in topics.shares.columns if c.startswith("topic_")]
    return topics.shares.groupby(by, sort=False)[cols].mean().reset_index()


def topic_trends(topics: Topics, issues: Corpus | pd.DataFrame, labels: dict[int, str] | None = None) -> pd.DataFrame:
    """Mean topic shares per issue in long form, issues in date order with their labels (from a
    corpus, or a table with ``issue_id`` and ``label`` in the order wanted, such as
    ``issue_summary``): ``issue_id, label, date, volume, number, topic, share``."""
    order = issues if isinstance(issues, pd.DataFrame) else dated(issues.issues[["issue_id"]], issues.issues)
    named = [c for c in LABEL_COLUMNS if c in order.columns]
    wide = topic_shares(topics, by="issue_id").set_index("issue_id")
    rows = [
        {
            "issue_id": issue["issue_id"],
            **{c: issue[c] for c in named},
            "topic": (labels or {}).get(t, f"主题 {t}"),
            "share": float(wide.loc[issue["issue_id"], f"topic_{t}"]),
        }
        for issue in order.to_dict("records")
        if issue["issue_id"] in wide.index
        for t in range(topics.k)
    ]
    return pd.DataFrame(rows, columns=["issue_id", *named, "topic", "share"])
