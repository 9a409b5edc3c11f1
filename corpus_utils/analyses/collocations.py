"""Terms → the collocates of a node term: what goes with 担当作为, and how strongly.

Counts are over the analysis terms (``tokens.terms``: no punctuation, numbers or stopwords,
two characters or more), as for keyness. The node's company is either a window of ``±k`` terms
around each occurrence (within one record) or the sentences that hold it (``span="sentence"``;
a sentence ends at 。！？；… or a paragraph break). The positions in the node's company form
one sub-corpus, each position counted once however many occurrences it is near, and every
other term of the texts forms the rest; the node's own occurrences belong to neither. The node
is rolled up as in the term tables' ``count_rolled``: a token that holds it (全面从严治党 inside
全面从严治党永远在路上) is an occurrence of it. For a
collocate with ``a`` occurrences among the ``c`` positions of the node's company and ``b``
among the ``d`` of the rest, the 2×2 table is keyness's::

                      node's company   rest
    collocate               a             b
    other terms           c − a         d − b

``expected = (a + b) · c / (c + d)``; ``mi = log2(a / expected)`` (Church & Hanks 1990);
``mi3 = log2(a³ / expected)`` (Daille 1994), which weighs frequent pairs up where MI favours
rare ones; ``t_score = (a − expected) / √a``; ``log_dice = 14 + log2(2a / (f_node + f_coll))``
(Rychlý 2008), independent of the size of the reference; ``log_likelihood`` is keyness's signed
G², with its ``p`` and ``p_adj`` (Benjamini–Hochberg over the node's collocates). A collocate is
listed when ``a ≥ min_freq``.

The rest can be the other terms of the records searched (``reference="corpus"``), of the
columns the node occurs in (``"column"``: a node confined to one column is then compared with
that column, not with the whole issue, whose other columns would make the column's own topic
words look like its collocates), or of a larger corpus that holds the records (the archive,
``reference=Corpus.from_folder()``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus, as_corpus
from ..segmenting.issue import Issue
from ..text.tokens import Tokenizer
from .significance import benjamini_hochberg, chi2_sf_1df, signed_g2

COLLOCATE_COLUMNS = [
    "node",
    "collocate",
    "count",
    "collocate_total",
    "span_terms",
    "rest_terms",
    "expected",
    "mi",
    "mi3",
    "t_score",
    "log_dice",
    "log_likelihood",
    "p",
    "p_adj",
]


def collocation_table(
    docs: Sequence[Sequence[Sequence[str]]],
    node: str,
    *,
    window: int | None = 5,
    min_freq: int = 3,
    reference: Counter | None = None,
) -> pd.DataFrame:
    """Collocates of ``node`` in ``docs`` (documents → sentences → terms): within ``±window``
    terms of it in the same document, or in the same sentence with ``window=None``; the rest is
    the other terms of ``docs``, or of ``reference`` (term counts of a body of text that holds
    ``docs``). Columns as ``COLLOCATE_COLUMNS``, strongest log-likelihood first."""
    in_span: Counter[str] = Counter()
    total: Counter[str] = Counter()
    span_size = 0
    for doc in docs:
        units = [list(doc_terms) for doc_terms in doc] if window is None else [[t for s in doc for t in s]]
        for unit in units:
            total.update(unit)
            hits = [i for i, t in enumerate(unit) if node in t]
            if not hits:
                continue
            if window is None:
                positions = set(range(len(unit)))
            else:
                positions = {j for i in hits for j in range(max(0, i - window), min(len(unit), i + window + 1))}
            positions -= set(hits)
            span_size += len(positions)
            in_span.update(unit[j] for j in positions)
    whole = total if reference is None else reference
    if reference is not None and any(reference[w] < n for w, n in total.items()):
        raise ValueError("the reference does not hold the records searched: pass a corpus that contains them")
    node_total = sum(n for t, n in whole.items() if node in t)
    rest_size = sum(whole.values()) - span_size - node_total
    rows = [(c, a, whole[c]) for c, a in in_span.items() if a >= min_freq and node not in c]
    if not rows or span_size == 0:
        return pd.DataFrame(columns=COLLOCATE_COLUMNS)
    frame = pd.DataFrame(rows, columns=["collocate", "count", "collocate_total"])
    a = frame["count"].to_numpy(dtype=float)
    b = frame["collocate_total"].to_numpy(dtype=float) - a
    expected = (a + b) * span_size / (span_size + rest_size)
    frame.insert(0, "node", node)
    frame["span_terms"] = span_size
    frame["rest_terms"] = rest_size
    frame["expected"] = expected
    frame["mi"] = np.log2(a / expected)
    frame["mi3"] = np.log2(a**3 / expected)
    frame["t_score"] = (a - expected) / np.sqrt(a)
    frame["log_dice"] = 14 + np.log2(2 * a / (node_total + frame["collocate_total"].to_numpy(dtype=float)))
    frame["log_likelihood"] = signed_g2(a, b, span_size, rest_size)
    frame["p"] = chi2_sf_1df(np.abs(frame["log_likelihood"].to_numpy()))
    frame["p_adj"] = benjamini_hochberg(frame["p"].to_numpy())
    frame = frame.sort_values(["log_likelihood", "collocate"], ascending=[False, True], kind="stable")
    return frame[COLLOCATE_COLUMNS].reset_index(drop=True)


def collocates(
    x: Issue | Corpus,
    node: str,
    *,
    window: int | None = 5,
    min_freq: int = 3,
    column: str | None = None,
    reference: Literal["corpus", "column"] | Corpus = "corpus",
    tokenizer: Tokenizer | None = None,
) -> pd.DataFrame:
    """Collocates of ``node`` in the records of an issue or a corpus (or one ``column``'s): see
    the module docstring for the span, the reference, the 2×2 table and the statistics. ``node``
    should be a term the tokenizer keeps whole (a followed phrase or a dictionary entry). The
    records' sentences are the corpus's (``corpus.sentences()``), tokenized once; ``min_freq`` is
    the fewest times a collocate must be near the node."""
    corpus = as_corpus(x)
    if column is not None:
        corpus = corpus.subset(column=column)
    sentences = corpus.sentences(tokenizer=tokenizer)
    counts = None
    if isinstance(reference, Corpus):
        dtm = reference.dtm(tokenizer=tokenizer)
        counts = Counter(dict(zip(dtm.features, dtm.totals().tolist(), strict=True)))
    elif reference == "column":  # the records of the columns the node occurs in
        used = {
            c for record, c in zip(sentences, corpus.records["column"], strict=True) if any(node in s for s in record)
        }
        sentences = [record for record, c in zip(sentences, corpus.records["column"], strict=True) if c in used]
    elif reference != "corpus":
        raise ValueError(f"reference must be 'corpus', 'column' or a Corpus, not {reference!r}")
    return collocation_table(sentences, node, window=window, min_freq=min_freq, reference=counts)
