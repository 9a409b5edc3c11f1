"""The reducer's line handlers: what each class of line does, in each mode.

``read_line`` reduces one line, or the run of lines of the construct it opens (an editor's
note, an excerpt's head or source, an author note), and returns where the next line starts.
``read_text`` is where a line's text goes: on the （上接…） block being read until it ends
(``boundaries.block_end``), on a new article where the page's title block says one begins
(``boundaries.next_article_start``), on the open record, or to the leftovers. A note or a cut
closes what it ends; ``read_title_block`` stores a title block with the article it opened once
the page is read. Each handler calls the transitions (``transitions``); none sets a mode itself.
"""

from __future__ import annotations

from ..text.chars import display_width
from ..text.genre import EXCERPT_HEAD
from .boundaries import block_end, next_article_start
from .classify import is_short_note_paragraph, text_closes
from .layout import (
    AUTHOR_NOTE,
    EDITOR_NOTE,
    EXCERPT_SOURCE,
    TITLE_OPENERS,
    byline_authors,
    is_continuation_line,
    is_letter_spaced,
    is_title_like,
    source_is_whole,
)
from .pages import DOWN_MARKER, UP_MARKER
from .paragraphs import block_width, tidy_spacing
from .record import Record
from .reducer_state import (
    IssueState,
    Mode,
    PageReading,
    Start,
    add_decision,
    add_leftover,
    add_metadata,
    add_trace,
    new_record,
    record_label,
)
from .thresholds import FULL_LINE_MARGIN
from .transitions import (
    add_text,
    close_record,
    end_block,
    leave_over,
    open_article,
    open_block,
    open_excerpt,
)

# How the trace says why a planned start was taken.
_STARTS = {
    "open_text_runs_to_paragraph_end": "the article before, left mid-sentence, ends at the paragraph end above",
    "full_page_ended_it": "the article before ended a sentence at the foot of a full page",
    "short_page_ended_it": "the article before ended a sentence at the foot of a short page",
    "ended_before_block": "the article before ended a paragraph before the （上接…） block",
    "last_paragraph_start": "the last paragraph start above the title blocks",
    "no_paragraph_end": "no paragraph end on the page: the article before is cut short",
    "nothing_runs_on": "nothing runs on into this page",
}


def read_line(state: IssueState, r: PageReading, i: int) -> int:
    """Reduce line i (and the lines of the construct it opens); return the next line's index."""
    kind, text = r.classes[i].kind, r.texts[i]
    if kind in ("title", "byline"):
        return i + 1  # stored, and traced, with its article once the page is read
    if kind == "header":
        _header(state, r, i)
        return i + 1
    if kind == "editor_note":
        return _editor_note(state, r, i)
    if kind == "excerpt_head":
        return _excerpt_head(state, r, i)
    if kind == "source":
        if state.mode is Mode.EXCERPT and state.open is not None and state.open.body:
            return _excerpt_source(state, r, i)
        read_text(state, r, i, text, "a dash line outside an excerpt with text: body")
        return i + 1
    if kind == "continued":
        _continued(state, r, i)
        return i + 1
    if kind == "note":
        return _author_note(state, r, i)
    if kind == "cut":
        _cut(state, r, i)
        return i + 1
    read_text(state, r, i, text)
    return i + 1


def read_text(state: IssueState, r: PageReading, i: int, text: str, why: str = "") -> None:
    """Put the text of line i where it belongs (see the module docstring)."""
    if not text.strip():
        return
    if state.mode is Mode.BLOCK:
        end = block_end(state, r, i, text)
        if not end.ends:
            if end.rule is not None:  # the line could instead resume the interrupted record
                add_decision(state, r, end.rule, state.block, i, other=state.open, rejected=end.rejected)
                add_decision(state, r, end.rule, state.open, i, other=state.block, rejected=end.rejected)
            add_text(state, r, i, text, why)
            return
        blk = end_block(state, r, i)
        why = end.why
        if not end.resume and end.rule is not None and r.pending:
            open_article(
                state,
                r,
                i,
                f"opens the article whose title block ends the page ({why})",
                text=text,
                start=Start(i, end.rule, end.rejected),
                ended=blk,
            )
            return
    if r.force_open:
        r.force_open = False
        open_article(state, r, i, "opens the article a .fix.toml (or the PDF) starts here", text=text)
        return
    if r.pending and not r.explicit:
        if state.mode is Mode.BETWEEN:
            if r.first_header is not None and i < r.first_header:
                leave_over(state, r, i, text, "stray text before the column header that opens the page")
                return
            open_article(state, r, i, "opens the article whose title block ends the page", text=text)
            return
        if r.plan is None or r.plan.line is None:
            r.plan = next_article_start(state, r, i)
        plan = r.plan
        if plan.line is not None and plan.line <= i:
            guess = " (a guess)" if plan.rejected else ""
            why = f"opens the article whose title block ends the page: {_STARTS.get(plan.rule, plan.rule)}{guess}"
            open_article(state, r, i, why, plan, text=text)
            return
    if state.mode is Mode.BETWEEN:
        leave_over(state, r, i, text, "no record is open here")
        return
    add_text(state, r, i, text, why)


def read_title_block(state: IssueState, r: PageReading, block: list[int], rec: Record | None) -> None:
    """Store a title block with the article it opened; one with no article text is left over."""
    titles = [i for i in block if r.classes[i].kind == "title"]
    bylines = [i for i in block if r.classes[i].kind == "byline"]
    if rec is None:
        state.warnings.append(
            f"{state.source}: page {state.offset.printed(r.page.index)}: a title with no article text"
        )
        add_decision(state, r, "title_without_text", None, block[0])
        for i in titles + bylines:
            add_leftover(state, r, i, r.texts[i], "a title block with no article text on its page")
        return
    rec.title_lines = [r.texts[i] for i in titles]
    above = min(titles) - 1 if titles else -1
    if above >= 0 and r.classes[above].kind == "body" and is_title_like(r.texts[above]):
        # unpunctuated, right above the title: it may be the title's first line
        add_decision(state, r, "line_above_title_is_body", rec, titles[0], rejected=(above,))
    elif len(titles) > 1 and r.classes[titles[0]].rule != "fix: set by the .fix.toml":
        top, full = r.texts[titles[0]], r.widths[0] - FULL_LINE_MARGIN
        text_above = above >= 0 and r.classes[above].kind == "body" and display_width(r.texts[above]) >= full
        plain = not is_letter_spaced(top) and not top.startswith(TITLE_OPENERS)
        if text_above and plain and display_width(top) >= full:
            # as wide as a column line, under a full line: it may be the text above running on
            add_decision(state, r, "full_line_above_title_is_title", rec, titles[1], rejected=(titles[0],))
    for i in titles:
        add_metadata(state, r, i, "title", r.texts[i], rec)
    for i in bylines:
        rec.authors += byline_authors(r.texts[i]) or [tidy_spacing(r.texts[i])]
        add_metadata(state, r, i, "byline", r.texts[i], rec)


# internal functions ----------------------------------------------------------


def _header(state: IssueState, r: PageReading, i: int) -> None:
    closed = r.closed_at_header if i == 0 else None
    add_metadata(state, r, i, "header", r.texts[i], trace=closed is None)
    if closed is not None:
        add_trace(state, r, i, f"header of a new column: closes record {record_label(state, closed)}")
    state.headers.append((r.page.index, r.line(i), "".join(r.texts[i].split())))
    if state.open is not None:
        state.open.headed = True
    end_block(state, r, i)  # a header ends a （上接…） block


def _continued(state: IssueState, r: PageReading, i: int) -> None:
    text = r.texts[i]
    m = UP_MARKER.match(text) or UP_MARKER.search(text)  # a user's fix may name a line with the marker inside
    if m is None:
        read_text(state, r, i, text)
        return
    read_text(state, r, i, text[: m.start()])
    add_metadata(state, r, i, "marker", m.group(0))
    open_block(state, r, i, int(m.group(1)))
    add_text(state, r, i, text[m.end() :], "opens the tail of the article cut on its page")


def _cut(state: IssueState, r: PageReading, i: int) -> None:
    text = r.texts[i]
    m = DOWN_MARKER.search(text)
    if m is None:
        read_text(state, r, i, text)
        return
    read_text(state, r, i, text[: m.start()])
    add_metadata(state, r, i, "marker", m.group(0))
    target = state.block if state.mode is Mode.BLOCK else state.open
    if target is not None:
        target.cut = (r.page.index, int(m.group(1)))
    if text[m.end() :].strip() and target is not None:
        add_text(state, r, i, text[m.end() :])
    close_record(state)


def _editor_note(state: IssueState, r: PageReading, i: int) -> int:
    j = i
    while j + 1 < len(r.texts) and r.classes[j + 1].kind == "editor_note" and not EDITOR_NOTE.match(r.texts[j + 1]):
        j += 1
    state.mode, state.open, state.block = Mode.BETWEEN, None, None
    rec = new_record(state, r, "editor_note", i)
    label = EDITOR_NOTE.match(r.texts[i])
    label_end = label.end() if label else 0
    if label:
        add_metadata(state, r, i, "label", label.group(0), rec, trace=False)
    for k in range(i, j + 1):
        text = r.texts[k][label_end:] if k == i else r.texts[k]
        measure = display_width(r.texts[k]) if k == i and label_end else None  # the label fills its line too
        rec.add(r.page.index, r.line(k), text, block_width(r.texts[k], r.widths), measure=measure)
        add_trace(state, r, k, f"body of editor's note {record_label(state, rec)}")
    if j > i and is_short_note_paragraph(r.texts, j, r.widths):
        add_decision(state, r, "editor_note_takes_short_line", rec, j, rejected=(j,))
        r.doubts_at.setdefault(j + 1, []).append(("editor_note_takes_short_line", rec, j))
    return j + 1


def _excerpt_head(state: IssueState, r: PageReading, i: int) -> int:
    m = EXCERPT_HEAD.match(r.texts[i])
    rec = open_excerpt(state, r, i)
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
    close_record(state)
    if j == len(r.texts) and not source_is_whole("".join(r.texts[i:j])):
        state.source_open = rec  # the source wraps over the page break
    return j


def read_source_tail(state: IssueState, r: PageReading) -> int:
    """The lines opening a page that finish an excerpt's source line the page before left
    unfinished (…调研指导“不忘初心、牢记使命”主 / 题教育时强调); how many."""
    rec, state.source_open = state.source_open, None
    k = 0
    while rec is not None and k < len(r.texts) and r.classes[k].kind == "body" and is_continuation_line(r.texts[k]):
        add_metadata(state, r, k, "source", r.texts[k], rec)
        rec.author_note = tidy_spacing((rec.author_note or "") + r.texts[k])
        rec.touch(r.page.index)
        k += 1
        if source_is_whole(rec.author_note):
            break
    return k


def _author_note(state: IssueState, r: PageReading, i: int) -> int:
    j = i
    while j + 1 < len(r.texts) and r.classes[j + 1].kind == "note" and not AUTHOR_NOTE.match(r.texts[j + 1]):
        if text_closes(r.texts[j]):
            break
        j += 1
    target = state.block if state.mode is Mode.BLOCK else state.open
    for k in range(i, j + 1):
        add_metadata(state, r, k, "note", r.texts[k], target)
    note = tidy_spacing("".join(r.texts[i : j + 1]))
    note = note[1:] if note[:1] in "（(" else note
    note = note[:-1] if note[-1:] in "）)" else note
    if target is not None:
        target.author_note = note
        target.touch(r.page.index)
    close_record(state)
    return j + 1
