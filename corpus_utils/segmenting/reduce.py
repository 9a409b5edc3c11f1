"""Pages → article records: titles, bylines, columns, printed pages and stitched bodies.

Each page's lines are classified (``classify``), then read in order by a reducer that carries
one explicit state across pages (``IssueState``) and one for the page at hand
(``PageReading``). Body text flows into the open record. A title block at the end of a page
opens a new article on that page; an author note, a ``（下转 N页）`` cut, an editor's note or
an excerpt closes one. A ``（上接 N页）`` block is collected apart and stitched to the article
cut on page N once all pages are read. Every line goes to a record's body, to the metadata or
to the leftovers, and every decision is written to the trace that ``segment --explain`` shows.

The page loop is here; the state and the trace are in ``reducer_state``, what each class of
line does in ``line_handlers``, where an article begins when nothing marks it in
``boundaries``, and the stitching of continuations in ``stitch``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from .boundaries import new_article_start
from .classify import LineClass, LineKind, PageContext, classify_page
from .columns import assign_columns
from .layout import is_column_header
from .line_handlers import read_line, read_title_block
from .pages import Page, PageOffset
from .paragraphs import line_widths
from .record import Fragment, Segmentation
from .reducer_state import IssueState, PageReading, add_trace
from .stitch import stitch_continuations
from .thresholds import DEFAULT_WIDTHS, FULL_PAGE_QUANTILE


def segment_articles(
    pages: list[Page],
    offset: PageOffset,
    *,
    source: str = "<issue>",
    overrides: Mapping[tuple[int, int], LineKind] | None = None,
    starts: frozenset[tuple[int, int]] = frozenset(),
) -> Segmentation:
    """Rebuild the issue's records from its pages (see the module docstring for the rules).

    ``overrides`` sets the class of lines named by (page index, line number); ``starts`` names
    lines where a new article begins whatever the rules say. Both come from a ``.fix.toml``.
    """
    measured = line_widths([ln.text for p in pages for ln in p.lines])
    widths = (measured[0] or DEFAULT_WIDTHS[0], measured[1] or DEFAULT_WIDTHS[1])
    state = IssueState(offset, source, widths)
    state.page_sizes = {p.index: len(p.lines) for p in pages}
    sizes = sorted(state.page_sizes.values())
    state.full_page = sizes[int(len(sizes) * FULL_PAGE_QUANTILE)] if sizes else 0
    for k, page in enumerate(pages):
        nxt = pages[k + 1].lines if k + 1 < len(pages) else ()
        first = next((ln.text for ln in nxt if not is_column_header(ln.text)), None)
        read_page(state, page, overrides=overrides or {}, starts=starts, next_first=first)
    return finish(state)


def read_page(
    state: IssueState,
    page: Page,
    *,
    overrides: Mapping[tuple[int, int], LineKind] | None = None,
    starts: frozenset[tuple[int, int]] = frozenset(),
    next_first: str | None = None,
) -> None:
    """Read one page into the state: classify its lines, then reduce them in order.

    ``next_first`` is the next page's first line: a heading wrapped over the page break ends there.
    """
    texts = [ln.text for ln in page.lines]
    widths = line_widths(texts, fallback=state.issue_widths)
    overrides = overrides or {}
    fixed = {i: kind for i, ln in enumerate(page.lines) if (kind := overrides.get((page.index, ln.number))) is not None}
    classes = classify_page(texts, PageContext(widths, state.columns, fixed, next_first))
    blocks = title_blocks(classes)
    titles_at = [i for block in blocks for i in block]
    # headers after the title block are running heads of the next page, not this page's opener
    headers_at = [i for i, c in enumerate(classes) if c.kind == "header" and (not titles_at or i < titles_at[0])]
    reading = PageReading(
        page=page,
        texts=texts,
        classes=classes,
        widths=widths,
        blocks=blocks,
        first_header=headers_at[0] if headers_at else None,
    )
    leading = list(itertools.takewhile(lambda c: c.kind == "header", classes))
    if leading and state.open is not None and state.open.kind == "article" and state.open.headed:
        name = "".join(texts[len(leading) - 1].split())
        if state.column is not None and name != state.column:
            # a page opening with another column's header: an article that already stood under
            # its own column's header does not run on across it
            reading.closed_at_header = state.open
            state.open = None
    if blocks:
        reading.start_at = new_article_start(state, reading)
    forced = {i for i, ln in enumerate(page.lines) if (page.index, ln.number) in starts}
    reading.explicit = bool(forced)  # where articles begin is known: no guessing on this page
    i = 0
    while i < len(texts):
        if i in forced:
            state.open = reading.block_open = None
            reading.forced = True
            add_trace(state, reading, i, "fix: a record starts here")
        i = read_line(state, reading, i)
    for k, block in enumerate(blocks):
        read_title_block(state, reading, block, reading.opened[k] if k < len(reading.opened) else None)


def title_blocks(classes: list[LineClass]) -> list[list[int]]:
    """The page's title blocks, top to bottom: runs of title lines, each closed by its byline."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, c in enumerate(classes):
        if c.kind == "title":
            current.append(i)
        elif c.kind == "byline":
            blocks.append([*current, i])
            current = []
    if current:
        blocks.append(current)
    return blocks


def finish(state: IssueState) -> Segmentation:
    """Stitch the （上接…） blocks to their articles and assign columns."""
    owners = stitch_continuations(state)
    metadata = [
        Fragment(f.page, f.line, f.role, f.text, owners.get(id(f.record), f.record)) if f.record is not None else f
        for f in state.metadata
    ]
    assign_columns(state.records, state.headers, state.blocks)
    return Segmentation(state.records, metadata, state.leftovers, state.warnings, state.trace)
