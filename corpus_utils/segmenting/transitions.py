"""The reducer's transitions: each changes its mode and its records, and says so in the trace.

Named after what they do: ``open_article``, ``open_excerpt``, ``open_block`` and ``end_block``,
``close_record``, ``add_text`` (a line's text to whatever is open) and ``leave_over``. The line
handlers (``line_handlers``) decide which to call, asking the queries in ``boundaries`` where
the text does not say; a transition made on a guess records it as a decision.
"""

from __future__ import annotations

from ..text.chars import display_width
from .paragraphs import block_width
from .record import Record
from .reducer_state import (
    IssueState,
    Mode,
    PageReading,
    Start,
    add_decision,
    add_leftover,
    add_trace,
    new_record,
    record_label,
)


def open_article(
    state: IssueState,
    r: PageReading,
    i: int,
    why: str,
    start: Start | None = None,
    *,
    text: str | None = None,
    ended: Record | None = None,
) -> Record:
    """Begin a new article with the text of body line i (``text``, or the whole line): the next
    of the page's title blocks. Whatever was open ends before it (``ended``: the block that
    ended there instead); a guessed start is recorded, on both records, with the lines it
    rejected."""
    if ended is None and state.mode in (Mode.ARTICLE, Mode.EXCERPT):
        ended = state.open
    rec = new_record(state, r, "article", i)
    r.opened.append(rec)
    r.plan = None
    state.mode, state.open, state.block = Mode.ARTICLE, rec, None
    if start is not None and start.rejected:
        add_decision(state, r, start.rule, rec, i, other=ended, rejected=start.rejected)
        if ended is not None:
            add_decision(state, r, start.rule, ended, i, other=rec, rejected=start.rejected)
    for rule, other, at in r.doubts_at.pop(i, []):  # a doubt about the record before, which is ours too
        add_decision(state, r, rule, rec, at, other=other, rejected=(i,))
    add_text(state, r, i, r.texts[i] if text is None else text, why)
    return rec


def open_excerpt(state: IssueState, r: PageReading, i: int) -> Record:
    """Begin a leader's excerpt at its head line: what was open ends before it."""
    rec = new_record(state, r, "excerpt", i)
    state.mode, state.open, state.block = Mode.EXCERPT, rec, None
    return rec


def open_block(state: IssueState, r: PageReading, i: int, continued_from: int) -> Record:
    """Begin a （上接 N页） block at line i: the open record (if any) is interrupted, not closed."""
    if state.mode is Mode.BLOCK:
        close_record(state)
    blk = Record("article", (r.page.index, r.line(i)), continued_from=continued_from)
    state.blocks.append(blk)
    state.mode, state.block = Mode.BLOCK, blk
    r.plan = None  # where the page's new article begins is looked for again after the block
    return blk


def end_block(state: IssueState, r: PageReading, i: int, why: str = "") -> Record | None:
    """End the （上接…） block before line i: the record it interrupted is open again. Returns the block."""
    blk = close_record(state) if state.mode is Mode.BLOCK else None
    if why:
        add_trace(state, r, i, f"the （上接…） block ends: {why}")
    return blk


def end_block_at_page_end(state: IssueState) -> None:
    """A （上接…） block never runs past its page: the record it interrupted is open again."""
    if state.mode is Mode.BLOCK:
        close_record(state)


def close_record(state: IssueState) -> Record | None:
    """Close what text flows into (the block being read, else the open record); return it."""
    if state.mode is Mode.BLOCK:
        closed, state.block = state.block, None
        state.mode = Mode.BETWEEN if state.open is None else Mode.ARTICLE
        if state.open is not None and state.open.kind == "excerpt":
            state.mode = Mode.EXCERPT
        return closed
    closed, state.open = state.open, None
    state.mode = Mode.BETWEEN
    return closed


def close_all(state: IssueState) -> None:
    """Close the block being read and the record it interrupted, or whatever is open."""
    state.mode, state.open, state.block = Mode.BETWEEN, None, None


def add_text(state: IssueState, r: PageReading, i: int, text: str, why: str = "") -> None:
    """Add ``text`` (line i, or the part of it a marker left) to the block or record it flows into."""
    if not text.strip():
        return
    whole = r.texts[i]
    measure = None if text == whole else display_width(whole)  # a marker filled the rest
    target = state.block if state.mode is Mode.BLOCK else state.open
    assert target is not None, "text added with no record open"
    target.add(r.page.index, r.line(i), text, block_width(whole, r.widths), measure=measure)
    default = (
        "tail of a cut article (（上接…） block)"
        if state.mode is Mode.BLOCK
        else f"body of record {record_label(state, target)}"
    )
    add_trace(state, r, i, why or default)


def leave_over(state: IssueState, r: PageReading, i: int, text: str, why: str) -> None:
    """Keep text no record takes as a leftover."""
    if text.strip():
        add_leftover(state, r, i, text, why)
