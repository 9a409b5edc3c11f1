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

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..corpus.dtm import article_table, issue_tokenizer
from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer, stopword_list, terms
from .keyness import chi2_sf_1df, signed_g2

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
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;…])|\n")


def sentence_terms(
    text: str, *, tokenizer: Tokenizer | None = None, stopwords: frozenset[str] | None = None, min_len: int = 2
) -> list[list[str]]:
    """A text's sentences, each as its analysis terms (empty sentences left out)."""
    stop = stopword_list() if stopwords is None else stopwords
    out = []
    for sentence in _SENTENCE_END.split(text):
        found = terms(sentence, tokenizer=tokenizer, stopwords=stop, min_len=min_len)
        if found:
            out.append(found)
    return out


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
    issue: Issue,
    node: str,
    *,
    window: int | None = 5,
    min_freq: int = 3,
    column: str | None = None,
    tokenizer: Tokenizer | None = None,
) -> pd.DataFrame:
    """Collocates of ``node`` in the issue's records (or one ``column``'s): see the module
    docstring for the span, the 2×2 table and the statistics. ``node`` should be a term the
    tokenizer keeps whole (a followed phrase or a dictionary entry)."""
    tok = tokenizer or issue_tokenizer(issue)
    stop = stopword_list()
    arts = article_table(issue)
    if column is not None:
        arts = arts[arts["column"] == column]
    docs = [sentence_terms(text, tokenizer=tok, stopwords=stop) for text in arts["text"]]
    return collocation_table(docs, node, window=window, min_freq=min_freq)
