"""Continuations: each （上接 N页） block appended to the article cut on page N.

The reducer reads a （上接…） block apart from the article it continues, since the article's
cut (（下转 M页）) may come on any earlier page. Once every page is read, the blocks are stitched
to their articles here, by the printed pages the two markers name; a block no cut points to
stays as leftovers, and a cut no block answers is a warning; both are recorded as decisions
(``block_without_cut``, ``cut_without_block``) for the quality flags.
"""

from __future__ import annotations

from .decisions import Decision
from .record import Fragment, Record
from .reducer_state import IssueState


def stitch_continuations(state: IssueState) -> dict[int, Record | None]:
    """Append every （上接 N页） block to the article cut on page N; return id(block) → article."""
    owners: dict[int, Record | None] = {}
    for blk in state.blocks:
        here = state.offset.printed(blk.start[0])
        cut_page = blk.continued_from - state.offset.offset
        targets = [r for r in state.records if r.cut == (cut_page, here)]
        if len(targets) != 1:
            # the caller's offset may disagree with the markers: match on the printed page alone
            targets = [r for r in state.records if r.cut and r.cut[1] == here and not r.cut_taken]
        if len(targets) != 1:
            state.warnings.append(
                f"{state.source}: page {here}: no article continues here from page {blk.continued_from}; "
                "its text is kept as leftovers"
            )
            state.decisions.append(Decision("block_without_cut", None, blk.start[0], blk.start[1]))
            for (page, line), body in zip(blk.body_at, blk.body, strict=True):
                state.leftovers.append(Fragment(page, line, "leftover", body.text))
            owners[id(blk)] = None
            continue
        rec = targets[0]
        rec.cut_taken = True
        for body, (page, line) in zip(blk.body, blk.body_at, strict=True):
            rec.add(page, line, body.text, body.width, measure=body.measure)
        for page in blk.pages:
            rec.touch(page)
        rec.author_note = blk.author_note or rec.author_note
        owners[id(blk)] = rec
    for rec in state.records:
        if rec.cut and not rec.cut_taken:
            at = [line for page, line in rec.body_at if page == rec.cut[0]] or [rec.start[1]]
            state.decisions.append(Decision("cut_without_block", rec, rec.cut[0], at[-1]))
            state.warnings.append(
                f"{state.source}: {rec.title or 'an article'} says it goes on at page {rec.cut[1]}, "
                "but no （上接…） block was found there"
            )
    return owners
