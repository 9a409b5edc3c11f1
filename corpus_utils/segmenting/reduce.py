"""Pages → article records: titles, bylines, columns, printed pages and stitched bodies.

Each page's lines are classified (``classify``), then read in order by a reducer that is
always in one explicit mode (between records, in an article, in an excerpt, in a （上接…）
block: ``reducer_state.Mode``) and carries its state across pages (``IssueState``) and one
for the page at hand (``PageReading``). Body text flows into what is open. A title block at
the end of a page opens a new article on that page; an author note, a ``（下转 N页）`` cut, an
editor's note or an excerpt closes one. A ``（上接 N页）`` block interrupts what is open, is
collected apart and stitched to the article cut on page N once all pages are read; the record
it interrupted resumes after it. Every line goes to a record's body, to the metadata or to the
leftovers and into the trace that ``segment --explain`` shows; every choice the text does not
settle is recorded as a decision (``decisions``).

The page loop is here; the modes and the trace are in ``reducer_state``, what each class of
line does in ``line_handlers``, the transitions between modes in ``transitions``, where a
record ends when nothing marks it in ``boundaries``, and the stitching in ``stitch``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import replace

from .classify import LineClass, LineKind, PageContext, classify_page
from .columns import assign_columns
from .layout import is_column_header
from .line_handlers import read_line, read_source_tail, read_title_block
from .pages import Page, PageOffset
from .paragraphs import line_widths
from .record import Fragment, Segmentation
from .reducer_state import IssueState, Mode, PageReading, add_trace
from .stitch import stitch_continuations
from .thresholds import DEFAULT_WIDTHS, FULL_PAGE_QUANTILE
from .transitions import close_all, close_record, end_block_at_page_end


def segment_articles(
    pages: list[Page],
    offset: PageOffset,
    *,
    source: str = "<issue>",
    overrides: Mapping[tuple[int, int], LineKind] | None = None,
    starts: frozenset[tuple[int, int]] = frozenset(),
    resumes: frozenset[tuple[int, int]] = frozenset(),
) -> Segmentation:
    """Rebuild the issue's records from its pages (see the module docstring for the rules).

    ``overrides`` sets the class of lines named by (page index, line number); ``starts`` names
    lines where a new article begins whatever the rules say, ``resumes`` lines where the
    article a （上接…） block interrupted goes on. They come from a ``.fix.toml`` (or the PDF).
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
        read_page(state, page, overrides=overrides or {}, starts=starts, resumes=resumes, next_first=first)
    return finish(state)


def read_page(
    state: IssueState,
    page: Page,
    *,
    overrides: Mapping[tuple[int, int], LineKind] | None = None,
    starts: frozenset[tuple[int, int]] = frozenset(),
    resumes: frozenset[tuple[int, int]] = frozenset(),
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
    # the header that opens the page: the first, with nothing but body text (a stray fragment)
    # above it; one after a block or a note is a running head where a column begins
    opener = next((i for i, c in enumerate(classes) if c.kind != "body"), None)
    reading = PageReading(
        page=page,
        texts=texts,
        classes=classes,
        widths=widths,
        blocks=blocks,
        first_header=opener if opener is not None and classes[opener].kind == "header" else None,
        starts=frozenset(i for i, ln in enumerate(page.lines) if (page.index, ln.number) in starts),
        resumes=frozenset(i for i, ln in enumerate(page.lines) if (page.index, ln.number) in resumes),
    )
    leading = list(itertools.takewhile(lambda c: c.kind == "header", classes))
    if leading and state.mode is Mode.ARTICLE and state.open is not None and state.open.headed:
        name = "".join(texts[len(leading) - 1].split())
        if state.column is not None and name != state.column:
            # a page opening with another column's header: an article that already stood under
            # its own column's header does not run on across it
            reading.closed_at_header = close_record(state)
    i = read_source_tail(state, reading)
    while i < len(texts):
        if i in reading.starts:
            close_all(state)
            reading.force_open = True
            add_trace(state, reading, i, "fix: a record starts here")
        i = read_line(state, reading, i)
    end_block_at_page_end(state)
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
    """Stitch the （上接…） blocks to their articles and assign columns; a decision about a block
    is one about the article it continues."""
    owners = stitch_continuations(state)
    metadata = [
        Fragment(f.page, f.line, f.role, f.text, owners.get(id(f.record), f.record)) if f.record is not None else f
        for f in state.metadata
    ]
    decisions = [
        replace(d, record=owners.get(id(d.record), d.record), other=owners.get(id(d.other), d.other))
        for d in state.decisions
    ]
    assign_columns(state.records, state.headers, state.blocks)
    return Segmentation(state.records, metadata, state.leftovers, state.warnings, state.trace, decisions)
