"""A corpus → its reprints as tables: each pair of records where the later one repeats most of
an earlier one's text (whole, in part or edited), how much they share, and how much of each
issue is reprinted; the comparison over time counts a reprint once with
``corpus.without_reprints()`` (``periods.period_keyness(…, reprints="once")``).

The pairs come from ``corpus.reprints.shared_text`` (13-character runs, shares of each record's
characters, digits and letters; see that module for how they are found). "Earlier" is by the
issues' dates, then by the order of records in an issue. Each pair's ``kind``:

- ``duplicate``: both records hold ``DUPLICATE`` (80%) or more of each other: one text printed
  twice, edits allowed;
- ``reprint``: the later record is ``MIN_SHARE`` (50%) or more the earlier one's text (an
  excerpt, an edited or extended reprint): ``without_reprints`` leaves it out;
- ``quotes``: the later record holds most of the earlier one (a speech excerpt quoted whole in
  an article) but is mostly new text: listed, and counted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..corpus.corpus import Corpus, as_corpus
from ..corpus.dates import LABEL_COLUMNS, dated
from ..corpus.reprints import (
    DUPLICATE,
    MIN_SHARE,
    MIN_SHARED_CHARS,
    reading_order,
    record_pairs,
    reprinted_mask,
    solid_codes,
)
from ..segmenting.issue import Issue
from .rates import share

RECORD_FIELDS = ["issue_id", "label", "date", "article_id", "column", "title"]
PAIR_COLUMNS = [
    *RECORD_FIELDS,
    *(f"earlier_{f}" for f in RECORD_FIELDS),
    "shared_chars",
    "share",
    "share_of_earlier",
    "kind",
]
SUMMARY_COLUMNS = ["issue_id", *LABEL_COLUMNS, "n_records", "n_reprints", "solid_chars", "reprinted_chars", "share"]


def reprint_pairs(
    x: Issue | Corpus, *, min_share: float = MIN_SHARE, min_chars: int = MIN_SHARED_CHARS
) -> pd.DataFrame:
    """Every pair of records of which one holds ``min_share`` of the other's text, sharing
    ``min_chars`` characters: the later record (``issue_id, label, date, article_id, column,
    title``), the earlier one (``earlier_…``), ``shared_chars`` (of the later record, in
    characters, digits and letters), ``share`` (of the later record found in the earlier),
    ``share_of_earlier`` and ``kind`` (see the module docstring); later issues first, then the
    records in their order."""
    corpus = as_corpus(x)
    positions = _pairs(corpus, min_share=min_share, min_chars=min_chars)
    records = corpus.records.reset_index(drop=True)
    later = records.loc[positions["b"], RECORD_FIELDS].reset_index(drop=True)
    earlier = records.loc[positions["a"], RECORD_FIELDS].reset_index(drop=True).add_prefix("earlier_")
    table = pd.concat([later, earlier], axis=1)
    table["shared_chars"] = positions["shared_chars"].to_numpy(dtype=np.int64)
    table["share"] = positions["share_b"].to_numpy(dtype=float)
    table["share_of_earlier"] = positions["share_a"].to_numpy(dtype=float)
    table["kind"] = [_kind(s, e, min_share) for s, e in zip(table["share"], table["share_of_earlier"], strict=True)]
    rank = reading_order(records, corpus.issues)
    order = np.argsort(-rank[positions["b"].to_numpy(dtype=np.int64)], kind="stable")
    return table.iloc[order].reset_index(drop=True)[PAIR_COLUMNS]


def reprinted_records(x: Issue | Corpus, *, min_share: float = MIN_SHARE) -> pd.Series:
    """For each record (aligned with ``corpus.records``), the earlier record it reprints
    (``2019年第10期 #12``) where ``min_share`` or more of its text is there, else an empty
    string: a column to put beside any table of records."""
    corpus = as_corpus(x)
    positions = _pairs(corpus, min_share=min_share, min_chars=MIN_SHARED_CHARS)
    marks = [""] * len(corpus.records)
    records = corpus.records.reset_index(drop=True)
    best = positions[positions["share_b"] >= min_share].sort_values("share_b", kind="stable")
    for a, b in zip(best["a"], best["b"], strict=True):  # the largest share written last wins
        marks[b] = f"{records.at[a, 'label']} #{records.at[a, 'article_id']}"
    return pd.Series(marks, name="reprint_of", dtype=object)


def reprint_summary(x: Issue | Corpus, *, min_share: float = MIN_SHARE) -> pd.DataFrame:
    """How much of each issue reprints earlier records, issues in date order: ``issue_id, label,
    date, volume, number, n_records, n_reprints`` (records of which ``min_share`` or more is an earlier record's
    text), ``solid_chars`` (the issue's characters, digits and letters), ``reprinted_chars``
    (of those records, the characters found in the earlier record that holds most of each)
    and ``share`` (``reprinted_chars / solid_chars``)."""
    corpus = as_corpus(x)
    positions = _pairs(corpus, min_share=min_share, min_chars=MIN_SHARED_CHARS)
    records = corpus.records.reset_index(drop=True)
    reprint = reprinted_mask(positions, len(records), min_share=min_share)
    held = np.zeros(len(records), dtype=np.int64)
    kept = positions[positions["share_b"] >= min_share]
    np.maximum.at(held, kept["b"].to_numpy(dtype=np.int64), kept["shared_chars"].to_numpy(dtype=np.int64))
    frame = pd.DataFrame(
        {
            "issue_id": records["issue_id"],
            "n_records": 1,
            "n_reprints": reprint.astype(np.int64),
            "solid_chars": [len(solid_codes(t)) for t in records["text"]],
            "reprinted_chars": held,
        }
    )
    summed = frame.groupby("issue_id", sort=False).sum().reindex(corpus.issues["issue_id"], fill_value=0)
    summed = summed.reset_index()
    summed["share"] = share(summed["reprinted_chars"], summed["solid_chars"])
    return dated(summed, corpus.issues)[SUMMARY_COLUMNS]


# internal functions ----------------------------------------------------------


def _pairs(corpus: Corpus, *, min_share: float, min_chars: int) -> pd.DataFrame:
    return record_pairs(corpus.records.reset_index(drop=True), corpus.issues, min_share=min_share, min_chars=min_chars)


def _kind(later: float, earlier: float, min_share: float) -> str:
    if later >= DUPLICATE and earlier >= DUPLICATE:
        return "duplicate"
    return "reprint" if later >= min_share else "quotes"
