"""A segmentation → the issue's tables: articles, metadata, leftovers, decisions and the trace.

The reducer works on page indices and mutable records; an ``Issue`` holds plain DataFrames
with printed page numbers and article ids. Turning one into the other is a step of its own,
apart from the ``Issue`` type that holds the result and from the reducer that makes its input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .decisions import DECISION_COLUMNS, RULES
from .pages import Page, PageOffset
from .paragraphs import BodyLine, block_width, join_paragraphs, line_widths
from .record import Fragment, Segmentation

ARTICLE_COLUMNS = ["article_id", "kind", "column", "title", "authors", "author_note", "pages", "text"]
# how each record was read: where its pages begin in its text, what the issue's .fix.toml
# confirmed or changed (what the segmenter guessed is in the decisions)
READING_COLUMNS = ["article_id", "page_starts", "confirmed", "corrections"]
FRAGMENT_COLUMNS = ["page", "line", "role", "text", "article_id"]
TRACE_COLUMNS = ["page", "line", "kind", "rule", "action", "text"]
_WHITESPACE = re.compile(r"\s+")


@dataclass
class IssueRows:
    """The issue's tables as plain rows (lists of dicts of plain Python values): with the rest of
    ``IssueData``, what the cache keeps, so a cached issue does not depend on the pandas that
    wrote it."""

    records: list[dict]
    metadata: list[dict]
    leftovers: list[dict]
    trace: list[dict]
    decisions: list[dict] = field(default_factory=list)


@dataclass
class IssueData:
    """A segmented issue as plain data: what ``Issue`` is built from, and what the cache keeps."""

    issue_id: str
    source: Path
    text: str
    pages: list[Page]
    page_offset: PageOffset
    rows: IssueRows
    warnings: list[str] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)
    repaired: int = 0


def issue_rows(seg: Segmentation, offset: PageOffset) -> IssueRows:
    """The rows of every table of a segmentation, with printed pages and article ids."""
    ids = {id(rec): k for k, rec in enumerate(seg.records, start=1)}
    ids.update({id(rec): ids[id(rec.merged_into)] for rec in seg.merged})
    records = [
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
            "confirmed": rec.confirmed,
            "corrections": "; ".join(rec.corrections),
        }
        for k, rec in enumerate(seg.records)
    ]
    trace = [
        {"page": offset.printed(t.page), "line": t.line, "kind": t.kind, "rule": t.rule, "action": t.action}
        | {"text": t.text}
        for t in seg.trace
    ]
    return IssueRows(
        records,
        _fragment_rows(seg.metadata, offset, ids),
        _fragment_rows(merged_runs(seg.leftovers), offset, ids),
        trace,
        _decision_rows(seg, offset, ids),
    )


def articles_frame(rows: list[dict]) -> pd.DataFrame:
    """The ``articles`` table (see ``Issue``): ``ARTICLE_COLUMNS`` and ``n_chars``."""
    # object columns keep None as None (a string dtype would turn a missing title into NaN)
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS, dtype=object)
    frame["article_id"] = frame["article_id"].astype(int)
    frame["n_chars"] = frame["text"].map(n_chars).astype(int)
    return frame


def reading_frame(rows: list[dict]) -> pd.DataFrame:
    """How each record was read (``Issue.reading``): ``READING_COLUMNS``."""
    frame = pd.DataFrame(rows, columns=READING_COLUMNS, dtype=object)
    return frame.astype({"article_id": int})


def decisions_frame(rows: list[dict]) -> pd.DataFrame:
    """The choices the text did not settle (``Issue.decisions``): ``DECISION_COLUMNS``."""
    frame = pd.DataFrame(rows, columns=DECISION_COLUMNS, dtype=object)
    return frame.astype({"page": int, "line": int})


def fragments_frame(rows: list[dict]) -> pd.DataFrame:
    """``page, line, role, text, article_id`` of each fragment (metadata, leftovers)."""
    frame = pd.DataFrame(rows, columns=FRAGMENT_COLUMNS, dtype=object)
    return frame.astype({"page": int, "line": int})


def trace_frame(rows: list[dict]) -> pd.DataFrame:
    """``page, line, kind, rule, action, text`` of every line read (``Issue.trace``)."""
    return pd.DataFrame(rows, columns=TRACE_COLUMNS)


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


def n_chars(text: str | None) -> int:
    """How many non-whitespace characters the text holds (0 for None): the ``n_chars`` of a record."""
    return len(_WHITESPACE.sub("", text or ""))


# internal functions ----------------------------------------------------------


def _fragment_rows(fragments: list[Fragment], offset: PageOffset, ids: dict[int, int]) -> list[dict]:
    """``ids`` maps id(record) to its article id."""
    return [
        {
            "page": offset.printed(f.page),
            "line": f.line,
            "role": f.role,
            "text": f.text,
            "article_id": None if f.record is None else ids.get(id(f.record)),
        }
        for f in fragments
    ]


def _decision_rows(seg: Segmentation, offset: PageOffset, ids: dict[int, int]) -> list[dict]:
    """The reducer's decisions and each record's unsure paragraph breaks, one row each, in the
    order of the records they concern (the issue's own last)."""
    texts = {t.line: t.text for t in seg.trace}
    decided = [(d.rule, d.record, d.other, d.page, d.line, d.rejected) for d in seg.decisions]
    for rec in seg.records:
        for page, line, ends in rec.paragraph_doubts():
            decided.append(("paragraph_broken" if ends else "paragraph_joined", rec, None, page, line, (line,)))
    rows = []
    for rule, rec, other, page, line, rejected in decided:
        rows.append(
            {
                "article_id": None if rec is None else ids.get(id(rec)),
                "other_id": None if other is None else ids.get(id(other)),
                "rule": rule,
                "flag": RULES[rule].flag,
                "level": RULES[rule].level,
                "page": offset.printed(page),
                "line": line,
                "text": texts.get(line, ""),
                "rejected": list(rejected),
                "rejected_text": texts.get(rejected[0]) if rejected else None,
            }
        )
    order = {aid: k for k, aid in enumerate(sorted({r["article_id"] for r in rows if r["article_id"] is not None}))}
    return sorted(rows, key=lambda r: (order.get(r["article_id"], len(order)), r["page"], r["line"]))
