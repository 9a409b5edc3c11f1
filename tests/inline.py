"""Corpora written inline for tests worked by hand: records as dicts, no segmentation between
the text a test writes and the table it checks."""

from __future__ import annotations

import pandas as pd

from corpus_utils.corpus.corpus import RECORD_COLUMNS, Corpus

DEFAULTS = {
    "kind": "article",
    "column": "组工论坛",
    "title": "",
    "authors": [],
    "author_note": None,
    "pages": [1],
}


def inline_corpus(records: list[dict], issues: list[str] | None = None) -> Corpus:
    """A corpus of ``records`` (each a dict with ``text`` and any record field; ``issue_id``
    defaults to the first of ``issues``), its issues dated 2020-01, 2020-02, … in the order given."""
    issues = issues or ["001"]
    rows = []
    for k, given in enumerate(records):
        row = DEFAULTS | {"issue_id": issues[0], "article_id": k + 1} | given
        row["n_chars"] = sum(not c.isspace() for c in row["text"])
        rows.append(row)
    labels = {issue_id: f"2020年第{n}期" for n, issue_id in enumerate(issues, start=1)}
    frame = pd.DataFrame(rows)
    frame["label"] = frame["issue_id"].map(labels)
    dates = {issue_id: f"2020-{n:02d}-01" for n, issue_id in enumerate(issues, start=1)}  # ISO days, as dates.py
    frame["date"] = frame["issue_id"].map(dates)
    table = pd.DataFrame(
        {
            "issue_id": issues,
            "date": [dates[i] for i in issues],
            "year": [2020] * len(issues),
            "month": list(range(1, len(issues) + 1)),
            "volume": [None] * len(issues),
            "number": list(range(1, len(issues) + 1)),
            "title": [None] * len(issues),
            "label": [labels[i] for i in issues],
            "date_source": ["issues.csv"] * len(issues),
        }
    )
    starts = [[(0, row["pages"][0])] for row in rows]
    return Corpus(frame[RECORD_COLUMNS], table, starts)
