"""A segmentation → the issue's tables: articles, metadata, leftovers and the trace.

The reducer works on page indices and mutable records; an ``Issue`` holds plain DataFrames
with printed page numbers and article ids. Turning one into the other is a step of its own,
apart from the ``Issue`` type that holds the result and from the reducer that makes its input.
"""

from __future__ import annotations

import re

import pandas as pd

from .pages import PageOffset
from .paragraphs import BodyLine, block_width, join_paragraphs, line_widths
from .record import Fragment, Segmentation

ARTICLE_COLUMNS = ["article_id", "kind", "column", "title", "authors", "author_note", "pages", "text"]
_WHITESPACE = re.compile(r"\s+")


def articles_frame(seg: Segmentation, offset: PageOffset) -> pd.DataFrame:
    """The ``articles`` table of the records, in reading order (see ``Issue``)."""
    rows = [
        {
            "article_id": k + 1,
            "kind": rec.kind,
            "column": rec.column,
            "title": rec.title,
            "authors": list(rec.authors),
            "author_note": rec.author_note,
            "pages": [offset.printed(p) for p in rec.pages],
            "text": rec.text(),
            "page_starts": [(pos, offset.printed(p)) for pos, p in rec.page_starts()],
            "guessed": _guessed(rec),
            "title_doubt": rec.title_doubt,
            "paragraph_doubts": rec.paragraph_doubts(),
            "confirmed": rec.confirmed,
            "corrections": "; ".join(rec.corrections),
        }
        for k, rec in enumerate(seg.records)
    ]
    # object columns keep None as None (a string dtype would turn a missing title into NaN)
    frame = pd.DataFrame(
        rows,
        columns=[
            *ARTICLE_COLUMNS,
            "page_starts",
            "guessed",
            "title_doubt",
            "paragraph_doubts",
            "confirmed",
            "corrections",
        ],
        dtype=object,
    )
    frame["article_id"] = frame["article_id"].astype(int)
    frame["n_chars"] = frame["text"].map(n_chars).astype(int)
    return frame


def fragments_frame(fragments: list[Fragment], offset: PageOffset, ids: dict[int, int]) -> pd.DataFrame:
    """``page, line, role, text, article_id`` of each fragment; ``ids`` maps id(record) to its article id."""
    rows = [
        {
            "page": offset.printed(f.page),
            "line": f.line,
            "role": f.role,
            "text": f.text,
            "article_id": None if f.record is None else ids.get(id(f.record)),
        }
        for f in fragments
    ]
    frame = pd.DataFrame(rows, columns=["page", "line", "role", "text", "article_id"], dtype=object)
    return frame.astype({"page": int, "line": int})


def merged_runs(fragments: list[Fragment]) -> list[Fragment]:
    """Join leftover lines that follow each other on one page into paragraphs."""
    runs: list[list[Fragment]] = []
    for f in fragments:
        if runs and runs[-1][-1].page == f.page and runs[-1][-1].line < f.line:
            runs[-1].append(f)
        else:
            runs.append([f])
    merged = []
    for run in runs:
        texts = [f.text for f in run]
        widths = line_widths(texts)
        lines = [BodyLine(t, block_width(t, widths)) for t in texts]
        merged.append(Fragment(run[0].page, run[0].line, "leftover", "\n".join(join_paragraphs(lines))))
    return merged


def trace_frame(seg: Segmentation, offset: PageOffset) -> pd.DataFrame:
    """``page, line, kind, rule, action, text`` of every line read (``Issue.trace``)."""
    rows = [
        {
            "page": offset.printed(t.page),
            "line": t.line,
            "kind": t.kind,
            "rule": t.rule,
            "action": t.action,
            "text": t.text,
        }
        for t in seg.trace
    ]
    return pd.DataFrame(rows, columns=["page", "line", "kind", "rule", "action", "text"])


def n_chars(text: str | None) -> int:
    """How many non-whitespace characters the text holds (0 for None): the ``n_chars`` of a record."""
    return len(_WHITESPACE.sub("", text or ""))


# internal functions ----------------------------------------------------------


def _guessed(rec) -> str:
    """Which of a record's boundaries nothing in the text marked ("" when none)."""
    return " and ".join(
        part for part, flag in (("where it begins", rec.guessed_start), ("where it ends", rec.guessed_end)) if flag
    )
