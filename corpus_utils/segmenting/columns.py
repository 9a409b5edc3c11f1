"""Records → columns: which column header each article, excerpt and editor's note falls under.

The extractor puts a page's running header (``部 长 笔 谈``) wherever it likes: first on the
page, last, or between two articles' text. A header belongs to the record it stands with on
its page; the other records of a run share their run's column.
"""

from __future__ import annotations

from .record import Record


def assign_columns(records: list[Record], headers: list[tuple[int, int, str]], blocks: list[Record]) -> None:
    """A header names the column of the record it stands with; others share their run's column.

    A run is a stretch of records of one sort: excerpts apart from articles, and an
    editor's note opens a new run. A header that opens the first page of a record starts
    its column there; one found elsewhere is a running header of that page. A record
    without a header takes the next header of its run, unless that one starts a new
    column, then the previous one.
    """
    own: dict[int, tuple[str, bool]] = {}
    spans = _spans_by_page(records, blocks)
    for page, line, name in headers:
        hit = _record_at(records, spans.get(page, {}), page, line)
        if hit is not None:
            own.setdefault(hit[0], (name, hit[1]))
    runs: list[list[int]] = []
    for k, rec in enumerate(records):
        prev = records[k - 1] if k else None
        if prev is None or rec.kind == "editor_note" or (rec.kind == "excerpt") != (prev.kind == "excerpt"):
            runs.append([])
        runs[-1].append(k)
    for run in runs:
        for pos, k in enumerate(run):
            after = [own[j] for j in run[pos:] if j in own]
            before = [own[j] for j in run[:pos] if j in own]
            if after and (after[0] is own.get(k) or not after[0][1] or not before):
                records[k].column = after[0][0]
            elif before:
                records[k].column = before[-1][0]


def _record_at(
    records: list[Record], spans: dict[int, tuple[int, int]], page: int, line: int
) -> tuple[int, bool] | None:
    """The record a header at (page, line) stands with, and whether it opens that record's
    first page: the first record with text after it on that page, else the last before
    (``spans``: each record's first and last line on the page, ``_spans_by_page``)."""
    after = [k for k, (first, _) in spans.items() if first > line]
    if after:
        k = min(after, key=lambda k: spans[k][0])
        return k, records[k].start == (page, spans[k][0])
    before = [k for k, (_, last) in spans.items() if last < line]
    return (max(before, key=lambda k: spans[k][1]), False) if before else None


def _spans_by_page(records: list[Record], blocks: list[Record]) -> dict[int, dict[int, tuple[int, int]]]:
    """Page → record index → the first and last line of the record's own text on the page (its
    start line, and its body lines outside the （上接…） blocks), records in order."""
    in_blocks = {at for b in blocks for at in b.body_at}
    spans: dict[int, dict[int, tuple[int, int]]] = {}
    for k, rec in enumerate(records):
        for page, line in [*(at for at in rec.body_at if at not in in_blocks), rec.start]:
            first, last = spans.setdefault(page, {}).get(k, (line, line))
            spans[page][k] = (min(first, line), max(last, line))
    return spans
