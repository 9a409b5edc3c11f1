"""The reducer's line handlers: what each class of line does to the records.

``read_line`` reduces one line, or the run of lines of the construct it opens (an editor's
note, an excerpt's head or source, an author note), and returns where the next line starts.
Body text flows into the open record or the open （上接…） block, or opens the article whose
title block ends the page; a cut or a note closes the record it ends. ``read_title_block``
stores a title block with the article it opened once the page is read. The handlers are their
own room because each is one transition of the reducer, apart from the page loop that calls them.
"""

from __future__ import annotations

from ..text.chars import display_width
from ..text.genre import EXCERPT_HEAD
from .boundaries import block_end_reason, next_article_start
from .classify import text_closes
from .layout import AUTHOR_NOTE, EDITOR_NOTE, EXCERPT_SOURCE, byline_authors, is_title_like
from .pages import DOWN_MARKER, UP_MARKER
from .paragraphs import block_width, tidy_spacing
from .record import Record
from .reducer_state import (
    IssueState,
    PageReading,
    add_leftover,
    add_metadata,
    add_trace,
    new_record,
    record_label,
)


def read_line(state: IssueState, r: PageReading, i: int) -> int:
    """Reduce line i (and the lines of the construct it opens); return the next line's index."""
    cls, text, line = r.classes[i], r.texts[i], r.page.lines[i].number
    kind = cls.kind
    if kind in ("title", "byline"):
        return i + 1  # stored, and traced, with its article once the page is read
    if kind == "header":
        closed = r.closed_at_header if i == 0 else None
        add_metadata(state, r, i, "header", text, trace=closed is None)
        if closed is not None:
            add_trace(state, r, i, f"header of a new column: closes record {record_label(state, closed)}")
        state.headers.append((r.page.index, line, "".join(text.split())))
        if state.open is not None:
            state.open.headed = True
        r.block_open = None
        return i + 1
    if kind == "editor_note":
        return _editor_note(state, r, i)
    if kind == "excerpt_head":
        return _excerpt_head(state, r, i)
    if kind == "source":
        if state.open is not None and state.open.kind == "excerpt" and state.open.body:
            return _excerpt_source(state, r, i)
        _body(state, r, i, text, why="a dash line outside an excerpt with text: body")
        return i + 1
    if kind == "continued":
        m = UP_MARKER.match(text)
        if m is None:  # a user's fix named a line without the marker
            m = UP_MARKER.search(text)
        if m is None:
            _body(state, r, i, text)
            return i + 1
        add_metadata(state, r, i, "marker", m.group(0))
        r.block_open = Record("article", (r.page.index, line), continued_from=int(m.group(1)))
        state.blocks.append(r.block_open)
        _body(state, r, i, text[m.end() :], why="opens the tail of the article cut on its page")
        return i + 1
    if kind == "note":
        return _author_note(state, r, i)
    if kind == "cut":
        return _cut(state, r, i)
    _body(state, r, i, text)
    return i + 1


def read_title_block(state: IssueState, r: PageReading, block: list[int], rec: Record | None) -> None:
    titles = [i for i in block if r.classes[i].kind == "title"]
    bylines = [i for i in block if r.classes[i].kind == "byline"]
    if rec is None:
        state.warnings.append(
            f"{state.source}: page {state.offset.printed(r.page.index)}: a title with no article text"
        )
        for i in titles + bylines:
            add_leftover(state, r, i, r.texts[i], "a title block with no article text on its page")
        return
    rec.title_lines = [r.texts[i] for i in titles]
    above = min(titles) - 1 if titles else -1
    if above >= 0 and r.classes[above].kind == "body" and is_title_like(r.texts[above]):
        rec.title_doubt = r.texts[above]  # unpunctuated, right above the title: it may be the title's
    for i in titles:
        add_metadata(state, r, i, "title", r.texts[i], rec)
    for i in bylines:
        rec.authors += byline_authors(r.texts[i]) or [tidy_spacing(r.texts[i])]
        add_metadata(state, r, i, "byline", r.texts[i], rec)


# internal functions ----------------------------------------------------------


def _cut(state: IssueState, r: PageReading, i: int) -> int:
    text = r.texts[i]
    m = DOWN_MARKER.search(text)
    if m is None:
        _body(state, r, i, text)
        return i + 1
    _body(state, r, i, text[: m.start()])
    add_metadata(state, r, i, "marker", m.group(0))
    target = r.block_open or state.open
    if target is not None:
        target.cut = (r.page.index, int(m.group(1)))
    _body(state, r, i, text[m.end() :])
    if target is state.open:
        state.open = None
    r.block_open = None
    return i + 1


def _body(state: IssueState, r: PageReading, i: int, text: str, *, why: str = "") -> None:
    if not text.strip():
        return
    line = r.page.lines[i].number
    whole = r.texts[i]
    width = block_width(whole, r.widths)
    measure = None if text == whole else display_width(whole)  # a marker filled the rest
    if r.block_open is not None:
        ended = block_end_reason(state, r, i, text)
        if ended is None:
            r.block_open.add(r.page.index, line, text, width, measure=measure)
            add_trace(state, r, i, why or "tail of a cut article (（上接…） block)")
            return
        r.block_open = None
        why = ended
    if r.forced:
        state.open = new_record(state, r, "article", i)
        r.opened.append(state.open)
        r.forced = False
        why = "opens the article a .fix.toml starts here"
    elif r.new_here and r.started is None and not r.explicit:
        if state.open is None and r.first_header is not None and i < r.first_header:
            add_leftover(state, r, i, text, "stray text before the column header that opens the page")
            return
        if state.open is None or r.start_at is None or i >= r.start_at:
            before = state.open
            state.open = new_record(state, r, "article", i)
            r.opened.append(state.open)
            why = "opens the article whose title block ends the page"
            if r.start_guessed is not None:
                r.start_guessed.guessed_end = state.open.guessed_start = True
                why += " (a guess: no note ends the article before)"
            if len(r.blocks) > 1:
                r.next_start = next_article_start(r, i)
    elif r.new_here and not r.explicit and (state.open is None or (r.next_start is not None and i >= r.next_start)):
        before = state.open
        state.open = new_record(state, r, "article", i)
        r.opened.append(state.open)
        why = "opens the next article whose title block ends the page"
        if before is not None:  # nothing closed the one before: the paragraph chosen is a guess
            before.guessed_end = state.open.guessed_start = True
            why += " (a guess: nothing marks where the one before ends)"
        r.next_start = next_article_start(r, i) if r.new_here else None
    elif state.open is None:
        add_leftover(state, r, i, text, "no record is open here")
        return
    state.open.add(r.page.index, line, text, width, measure=measure)
    add_trace(state, r, i, why or f"body of record {record_label(state, state.open)}")


def _editor_note(state: IssueState, r: PageReading, i: int) -> int:
    j = i
    while j + 1 < len(r.texts) and r.classes[j + 1].kind == "editor_note" and not EDITOR_NOTE.match(r.texts[j + 1]):
        j += 1
    state.open = None
    rec = new_record(state, r, "editor_note", i)
    label = EDITOR_NOTE.match(r.texts[i])
    label_end = label.end() if label else 0
    if label:
        add_metadata(state, r, i, "label", label.group(0), rec, trace=False)
    for k in range(i, j + 1):
        text = r.texts[k][label_end:] if k == i else r.texts[k]
        rec.add(r.page.index, r.page.lines[k].number, text, block_width(r.texts[k], r.widths))
        add_trace(state, r, k, f"body of editor's note {record_label(state, rec)}")
    state.open = None
    return j + 1


def _excerpt_head(state: IssueState, r: PageReading, i: int) -> int:
    m = EXCERPT_HEAD.match(r.texts[i])
    rec = new_record(state, r, "excerpt", i)
    if m:
        rec.authors, rec.title_lines = [m.group("name")], [m.group("title").strip()]
    else:
        rec.title_lines = [r.texts[i]]
    rec.title_joined = True
    add_metadata(state, r, i, "excerpt_head", r.texts[i], rec)
    j = i + 1
    while j < len(r.texts) and r.classes[j].kind == "excerpt_head" and not EXCERPT_HEAD.match(r.texts[j]):
        rec.title_lines.append(r.texts[j])
        add_metadata(state, r, j, "excerpt_head", r.texts[j], rec)
        j += 1
    state.open = rec
    return j


def _excerpt_source(state: IssueState, r: PageReading, i: int) -> int:
    rec = state.open
    parts = [EXCERPT_SOURCE.sub("", r.texts[i])]
    add_metadata(state, r, i, "source", r.texts[i], rec)
    j = i + 1
    while j < len(r.texts) and r.classes[j].kind == "source" and not EXCERPT_SOURCE.match(r.texts[j]):
        parts.append(r.texts[j])
        add_metadata(state, r, j, "source", r.texts[j], rec)
        j += 1
    rec.author_note = tidy_spacing("".join(parts))
    state.open = None
    return j


def _author_note(state: IssueState, r: PageReading, i: int) -> int:
    j = i
    while j + 1 < len(r.texts) and r.classes[j + 1].kind == "note" and not AUTHOR_NOTE.match(r.texts[j + 1]):
        if text_closes(r.texts[j]):
            break
        j += 1
    target = r.block_open or state.open
    for k in range(i, j + 1):
        add_metadata(state, r, k, "note", r.texts[k], target)
    note = tidy_spacing("".join(r.texts[i : j + 1]))
    note = note[1:] if note[:1] in "（(" else note
    note = note[:-1] if note[-1:] in "）)" else note
    if target is not None:
        target.author_note = note
        target.touch(r.page.index)
    if target is r.block_open:
        r.block_open = None
    else:
        state.open = None
    return j + 1
