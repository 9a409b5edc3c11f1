"""Terms → the collocates of a node term: what goes with 担当作为, and how strongly.

Counts are over the analysis terms (``tokens.terms``: no punctuation, numbers or stopwords,
two characters or more), as for keyness. The node's company is either a window of ``±k`` terms
around each occurrence (within one record) or the sentences that hold it (``span="sentence"``;
a sentence ends at 。！？；… or a paragraph break). The positions in the node's company form
one sub-corpus, each position counted once however many occurrences it is near, and every
other term of the texts forms the rest; the node's own occurrences belong to neither. For a
collocate with ``a`` occurrences among the ``c`` positions of the node's company and ``b``
among the ``d`` of the rest, the 2×2 table is keyness's::

                      node's company   rest
    collocate               a             b
    other terms           c − a         d − b

``expected = (a + b) · c / (c + d)``; ``mi = log2(a / expected)`` (Church & Hanks 1990);
``t_score = (a − expected) / √a``; ``log_likelihood`` is keyness's signed G², with its ``p``.
A collocate is listed when ``a ≥ min_freq``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus, as_corpus
from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer
from .significance import chi2_sf_1df, signed_g2

COLLOCATE_COLUMNS = [
    "node",
    "collocate",
    "count",
    "collocate_total",
    "span_terms",
    "rest_terms",
    "expected",
    "mi",
    "t_score",
    "log_likelihood",
    "p",
]


def collocation_table(
    docs: Sequence[Sequence[Sequence[str]]],
    node: str,
    *,
    window: int | None = 5,
    min_freq: int = 3,
) -> pd.DataFrame:
    """Collocates of ``node`` in ``docs`` (documents → sentences → terms): within ``±window``
    terms of it in the same document, or in the same sentence with ``window=None``.
    Columns as ``COLLOCATE_COLUMNS``, strongest log-likelihood first."""
    in_span: Counter[str] = Counter()
    total: Counter[str] = Counter()
    span_size = node_count = 0
    for doc in docs:
        units = [list(doc_terms) for doc_terms in doc] if window is None else [[t for s in doc for t in s]]
        for unit in units:
            total.update(unit)
            hits = [i for i, t in enumerate(unit) if t == node]
            node_count += len(hits)
            if not hits:
                continue
            if window is None:
                positions = set(range(len(unit)))
            else:
                positions = {j for i in hits for j in range(max(0, i - window), min(len(unit), i + window + 1))}
            positions -= set(hits)
            span_size += len(positions)
            in_span.update(unit[j] for j in positions)
    corpus = sum(total.values())
    rest_size = corpus - span_size - node_count
    rows = [(c, a, total[c]) for c, a in in_span.items() if a >= min_freq and c != node]
    if not rows or span_size == 0:
        return pd.DataFrame(columns=COLLOCATE_COLUMNS)
    frame = pd.DataFrame(rows, columns=["collocate", "count", "collocate_total"])
    a = frame["count"].to_numpy(dtype=float)
    b = frame["collocate_total"].to_numpy(dtype=float) - a
    frame.insert(0, "node", node)
    frame["span_terms"] = span_size
    frame["rest_terms"] = rest_size
    frame["expected"] = (a + b) * span_size / (span_size + rest_size)
    frame["mi"] = np.log2(a / frame["expected"].to_numpy())
    frame["t_score"] = (a - frame["expected"].to_numpy()) / np.sqrt(a)
    frame["log_likelihood"] = signed_g2(a, b, span_size, rest_size)
    frame["p"] = chi2_sf_1df(np.abs(frame["log_likelihood"].to_numpy()))
    frame = frame.sort_values(["log_likelihood", "collocate"], ascending=[False, True], kind="stable")
    return frame[COLLOCATE_COLUMNS].reset_index(drop=True)


def collocates(
    x: Issue | Corpus,
    node: str,
    *,
    window: int | None = 5,
    min_freq: int = 3,
    column: str | None = None,
    tokenizer: Tokenizer | None = None,
) -> pd.DataFrame:
    """Collocates of ``node`` in the records of an issue or a corpus (or one ``column``'s): see
    the module docstring for the span, the 2×2 table and the statistics. ``node`` should be a
    term the tokenizer keeps whole (a followed phrase or a dictionary entry). The records'
    sentences are the corpus's (``corpus.sentences()``), tokenized once."""
    corpus = as_corpus(x)
    if column is not None:
        corpus = corpus.subset(column=column)
    return collocation_table(corpus.sentences(tokenizer=tokenizer), node, window=window, min_freq=min_freq)
