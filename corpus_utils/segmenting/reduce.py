"""Pages → article records: titles, bylines, columns, printed pages and stitched bodies.

Each page's lines are classified (``classify``), then read in order by a reducer that carries
one explicit state across pages (``IssueState``) and one for the page at hand
(``PageReading``). Body text flows into the open record. A title block at the end of a page
opens a new article on that page; an author note, a ``（下转 N页）`` cut, an editor's note or
an excerpt closes one. A ``（上接 N页）`` block is collected apart and stitched to the article
cut on page N once all pages are read. Every line goes to a record's body, to the metadata or
to the leftovers, and every decision is written to the trace that ``segment --explain`` shows.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..text.chars import display_width
from ..text.sentences import ENDS_SENTENCE
from .classify import LineClass, LineKind, PageContext, classify_page, text_closes
from .columns import assign_columns
from .layout import (
    AUTHOR_NOTE,
    EDITOR_NOTE,
    EXCERPT_HEAD,
    EXCERPT_SOURCE,
    byline_authors,
    is_column_header,
    is_structural,
    is_title_like,
)
from .pages import DOWN_MARKER, UP_MARKER, Page, PageOffset
from .paragraphs import HEADING, block_width, ends_paragraph, line_widths, starts_indented, tidy_spacing
from .record import Fragment, Kind, Record, Segmentation
from .thresholds import DEFAULT_WIDTHS, FULL_PAGE_PLAY, FULL_PAGE_QUANTILE


@dataclass
class IssueState:
    """What the reducer carries from page to page."""

    offset: PageOffset
    source: str
    issue_widths: tuple[float, float]  # for pages with too few lines to measure their own
    records: list[Record] = field(default_factory=list)
    blocks: list[Record] = field(default_factory=list)  # （上接…） blocks waiting for their article
    metadata: list[Fragment] = field(default_factory=list)
    leftovers: list[Fragment] = field(default_factory=list)
    headers: list[tuple[int, int, str]] = field(default_factory=list)  # (page, line, column)
    warnings: list[str] = field(default_factory=list)
    open: Record | None = None  # the record body text flows into
    page_sizes: dict[int, int] = field(default_factory=dict)  # lines per page index
    full_page: int = 0  # lines on a full page of this issue
    trace: list[TraceLine] = field(default_factory=list)

    @property
    def columns(self) -> frozenset[str]:
        return frozenset(name for _, _, name in self.headers)

    @property
    def column(self) -> str | None:
        """The last column header read."""
        return self.headers[-1][2] if self.headers else None

    @property
    def header_page(self) -> int | None:
        """The page index of the last column header read."""
        return self.headers[-1][0] if self.headers else None


@dataclass
class PageReading:
    """What the reducer knows about the page it is reading."""

    page: Page
    texts: list[str]
    classes: list[LineClass]
    widths: tuple[float, float]
    blocks: list[list[int]]  # the title blocks at the page's foot (line indices), each opens an article
    first_header: int | None  # index of the page's first column header
    start_at: int | None = None  # where the first new article's text begins
    next_start: int | None = None  # where a later one begins, when nothing closes the one before
    block_open: Record | None = None  # a （上接…） block never runs past its page
    opened: list[Record] = field(default_factory=list)  # the articles opened on this page
    forced: bool = False  # an article starts at the next body line (a .fix.toml, or the PDF, says so)
    explicit: bool = False  # the page's article starts are given: the rules do not guess them
    closed_at_header: Record | None = None  # the article a new column's header opening the page closed
    start_guessed: Record | None = None  # the open article, when nothing marks where it ends on this page

    @property
    def new_here(self) -> bool:
        """Whether an article of this page's title blocks is still to be opened."""
        return self.forced or len(self.opened) < len(self.blocks)

    @property
    def started(self) -> Record | None:
        return self.opened[0] if self.opened else None


@dataclass(frozen=True)
class TraceLine:
    """One line as the segmenter read it: its class, the rule, and what was done with it."""

    page: int
    line: int
    text: str
    kind: LineKind
    rule: str
    action: str


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
        reading.start_at = _new_article_start(state, reading)
    forced = {i for i, ln in enumerate(page.lines) if (page.index, ln.number) in starts}
    reading.explicit = bool(forced)  # where articles begin is known: no guessing on this page
    i = 0
    while i < len(texts):
        if i in forced:
            state.open = reading.block_open = None
            reading.forced = True
            _trace(state, reading, i, "fix: a record starts here")
        i = _read_line(state, reading, i)
    for k, block in enumerate(blocks):
        _title_block(state, reading, block, reading.opened[k] if k < len(reading.opened) else None)


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
    owners = _stitch(state)
    metadata = [
        Fragment(f.page, f.line, f.role, f.text, owners.get(id(f.record), f.record)) if f.record is not None else f
        for f in state.metadata
    ]
    assign_columns(state.records, state.headers, state.blocks)
    return Segmentation(state.records, metadata, state.leftovers, state.warnings, state.trace)


# internal functions ----------------------------------------------------------


def _read_line(state: IssueState, r: PageReading, i: int) -> int:
    """Reduce line i (and the lines of the construct it opens); return the next line's index."""
    cls, text, line = r.classes[i], r.texts[i], r.page.lines[i].number
    kind = cls.kind
    if kind in ("title", "byline"):
        return i + 1  # stored, and traced, with its article once the page is read
    if kind == "header":
        closed = r.closed_at_header if i == 0 else None
        _meta(state, r, i, "header", text, trace=closed is None)
        if closed is not None:
            _trace(state, r, i, f"header of a new column: closes record {_label(state, closed)}")
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
        _meta(state, r, i, "marker", m.group(0))
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


def _cut(state: IssueState, r: PageReading, i: int) -> int:
    text = r.texts[i]
    m = DOWN_MARKER.search(text)
    if m is None:
        _body(state, r, i, text)
        return i + 1
    _body(state, r, i, text[: m.start()])
    _meta(state, r, i, "marker", m.group(0))
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
        ended = _block_ends(state, r, i, text)
        if ended is None:
            r.block_open.add(r.page.index, line, text, width, measure=measure)
            _trace(state, r, i, why or "tail of a cut article (（上接…） block)")
            return
        r.block_open = None
        why = ended
    if r.forced:
        state.open = _new(state, r, "article", i)
        r.opened.append(state.open)
        r.forced = False
        why = "opens the article a .fix.toml starts here"
    elif r.new_here and r.started is None and not r.explicit:
        if state.open is None and r.first_header is not None and i < r.first_header:
            _leftover(state, r, i, text, "stray text before the column header that opens the page")
            return
        if state.open is None or r.start_at is None or i >= r.start_at:
            before = state.open
            state.open = _new(state, r, "article", i)
            r.opened.append(state.open)
            why = "opens the article whose title block ends the page"
            if r.start_guessed is not None:
                r.start_guessed.guessed_end = state.open.guessed_start = True
                why += " (a guess: no note ends the article before)"
            if len(r.blocks) > 1:
                r.next_start = _next_article_start(r, i)
    elif r.new_here and not r.explicit and (state.open is None or (r.next_start is not None and i >= r.next_start)):
        before = state.open
        state.open = _new(state, r, "article", i)
        r.opened.append(state.open)
        why = "opens the next article whose title block ends the page"
        if before is not None:  # nothing closed the one before: the paragraph chosen is a guess
            before.guessed_end = state.open.guessed_start = True
            why += " (a guess: nothing marks where the one before ends)"
        r.next_start = _next_article_start(r, i) if r.new_here else None
    elif state.open is None:
        _leftover(state, r, i, text, "no record is open here")
        return
    state.open.add(r.page.index, line, text, width, measure=measure)
    _trace(state, r, i, why or f"body of record {_label(state, state.open)}")


def _block_ends(state: IssueState, r: PageReading, i: int, text: str) -> str | None:
    """Whether a （上接…） block ends before this line, and why (None: it goes on).

    A block usually ends at an author note or a header. Without them it ends where the
    interrupted article's sentence goes on (see ``_resumes_interrupted``), or, on a page where a
    new article begins, at the block's first paragraph end: the new article's text follows it.
    The latter is a guess, and the block's record says so.
    """
    if _resumes_interrupted(state, r, text):
        return "the interrupted article's sentence goes on after the （上接…） block"
    blk = r.block_open
    foot = r.blocks[0][0] if r.blocks else len(r.texts)
    closers = [k for k in range(i, foot) if r.classes[k].kind in ("note", "cut", "header")]
    if closers and (not r.new_here or any(r.classes[k].kind == "body" for k in range(closers[0] + 1, foot))):
        return None  # a note, cut or header further down ends the block (and leaves the new article text)
    if r.new_here and not r.opened and blk is not None and blk.body:
        last = blk.body[-1]
        if ends_paragraph(last.text, text, last.width, prev_width=last.shown) and ENDS_SENTENCE.search(last.text):
            blk.guessed_end = True
            return "the （上接…） block's paragraph has ended and a new article begins on this page"
    return None


def _resumes_interrupted(state: IssueState, r: PageReading, text: str) -> bool:
    """Whether a （上接…） block has ended and this line goes on with the article it interrupted.

    Without a note or header to end the block: the interrupted article stopped mid-sentence,
    the block's paragraph has just ended, and this line is not a new paragraph's indented
    first line nor a heading, so it cannot open one.
    """
    rec, blk = state.open, r.block_open
    if rec is None or blk is None or rec.kind != "article" or not rec.body or not blk.body:
        return False
    if ENDS_SENTENCE.search(rec.body[-1].text) or HEADING.match(text):
        return False
    last = blk.body[-1]
    if not ends_paragraph(last.text, text, last.width, prev_width=last.shown):
        return False
    return not starts_indented(text, last.width)


def _new_article_start(state: IssueState, r: PageReading) -> int | None:
    """Where the article whose title block ends this page begins.

    Articles start at the top of a page unless one ends mid-page: so at the page's first
    plain line, unless the open article stopped mid-sentence on the page before; then at
    the first paragraph after its end, or at the first line if none ends before the title.
    """
    plain = [
        i
        for i, c in enumerate(r.classes)
        if c.kind not in ("title", "byline", "header")
        and not is_structural(r.texts[i])
        and not EXCERPT_SOURCE.match(r.texts[i])
    ]
    rec = state.open
    titles = [i for i, c in enumerate(r.classes) if c.kind == "title"]
    closers = [i for i, c in enumerate(r.classes) if c.kind in ("note", "cut") and titles and i < titles[0]]
    if closers:
        # a note or a cut above the title block closes what ran on from before (the open
        # article, or a （上接…） block): the new article starts after it
        after = [i for i in plain if i > closers[-1]]
        block_above = any(c.kind == "continued" for c in r.classes[: closers[-1]])
        open_article = rec is not None and rec.kind == "article" and rec.author_note is None
        if after and (block_above or open_article):
            return after[0]
    if not plain or rec is None or rec.kind != "article" or not rec.body:
        return plain[0] if plain else None
    if ENDS_SENTENCE.search(rec.body[-1].text):
        # it ended a sentence where its last page ended: it ran on here only if that page was full
        if _page_full(state, rec.body_at[-1][0]):
            r.start_guessed = rec
        return plain[0]
    r.start_guessed = rec  # it stopped mid-sentence: where it ends here is a guess
    for a, b in itertools.pairwise(plain):
        if b == a + 1 and ends_paragraph(r.texts[a], r.texts[b], block_width(r.texts[a], r.widths)):
            return b
    return plain[0]


def _page_full(state: IssueState, index: int) -> bool:
    """Whether page ``index`` holds about as many lines as the issue's fullest pages: an article
    that ends a full page may run on over it; one that ends a short page ended there."""
    return state.page_sizes[index] >= state.full_page - FULL_PAGE_PLAY


def _next_article_start(r: PageReading, after: int) -> int | None:
    """Where the next of several articles starting on this page begins, when no note closes the
    one before: at the last paragraph start above the title blocks (a guess)."""
    foot = r.blocks[0][0] if r.blocks else len(r.texts)
    if any(r.classes[i].kind in ("note", "cut") for i in range(after + 1, foot)):
        return None  # a note or a cut will close the one before; the next begins after it
    plain = [i for i in range(after + 1, foot) if r.classes[i].kind == "body"]
    starts = [
        b
        for a, b in itertools.pairwise(plain)
        if b == a + 1 and ends_paragraph(r.texts[a], r.texts[b], block_width(r.texts[a], r.widths))
    ]
    return starts[-1] if starts else None


def _title_block(state: IssueState, r: PageReading, block: list[int], rec: Record | None) -> None:
    titles = [i for i in block if r.classes[i].kind == "title"]
    bylines = [i for i in block if r.classes[i].kind == "byline"]
    if rec is None:
        state.warnings.append(
            f"{state.source}: page {state.offset.printed(r.page.index)}: a title with no article text"
        )
        for i in titles + bylines:
            _leftover(state, r, i, r.texts[i], "a title block with no article text on its page")
        return
    rec.title_lines = [r.texts[i] for i in titles]
    above = min(titles) - 1 if titles else -1
    if above >= 0 and r.classes[above].kind == "body" and is_title_like(r.texts[above]):
        rec.title_doubt = r.texts[above]  # unpunctuated, right above the title: it may be the title's
    for i in titles:
        _meta(state, r, i, "title", r.texts[i], rec)
    for i in bylines:
        rec.authors += byline_authors(r.texts[i]) or [tidy_spacing(r.texts[i])]
        _meta(state, r, i, "byline", r.texts[i], rec)


def _editor_note(state: IssueState, r: PageReading, i: int) -> int:
    j = i
    while j + 1 < len(r.texts) and r.classes[j + 1].kind == "editor_note" and not EDITOR_NOTE.match(r.texts[j + 1]):
        j += 1
    state.open = None
    rec = _new(state, r, "editor_note", i)
    label = EDITOR_NOTE.match(r.texts[i])
    label_end = label.end() if label else 0
    if label:
        _meta(state, r, i, "label", label.group(0), rec, trace=False)
    for k in range(i, j + 1):
        text = r.texts[k][label_end:] if k == i else r.texts[k]
        rec.add(r.page.index, r.page.lines[k].number, text, block_width(r.texts[k], r.widths))
        _trace(state, r, k, f"body of editor's note {_label(state, rec)}")
    state.open = None
    return j + 1


def _excerpt_head(state: IssueState, r: PageReading, i: int) -> int:
    m = EXCERPT_HEAD.match(r.texts[i])
    rec = _new(state, r, "excerpt", i)
    if m:
        rec.authors, rec.title_lines = [m.group("name")], [m.group("title").strip()]
    else:
        rec.title_lines = [r.texts[i]]
    rec.title_joined = True
    _meta(state, r, i, "excerpt_head", r.texts[i], rec)
    j = i + 1
    while j < len(r.texts) and r.classes[j].kind == "excerpt_head" and not EXCERPT_HEAD.match(r.texts[j]):
        rec.title_lines.append(r.texts[j])
        _meta(state, r, j, "excerpt_head", r.texts[j], rec)
        j += 1
    state.open = rec
    return j


def _excerpt_source(state: IssueState, r: PageReading, i: int) -> int:
    rec = state.open
    parts = [EXCERPT_SOURCE.sub("", r.texts[i])]
    _meta(state, r, i, "source", r.texts[i], rec)
    j = i + 1
    while j < len(r.texts) and r.classes[j].kind == "source" and not EXCERPT_SOURCE.match(r.texts[j]):
        parts.append(r.texts[j])
        _meta(state, r, j, "source", r.texts[j], rec)
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
        _meta(state, r, k, "note", r.texts[k], target)
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


def _new(state: IssueState, r: PageReading, kind: Kind, i: int) -> Record:
    rec = Record(kind, (r.page.index, r.page.lines[i].number))
    rec.headed = state.header_page == r.page.index
    rec.touch(r.page.index)
    state.records.append(rec)
    return rec


def _meta(
    state: IssueState, r: PageReading, i: int, role: str, text: str, rec: Record | None = None, *, trace: bool = True
) -> None:
    state.metadata.append(Fragment(r.page.index, r.page.lines[i].number, role, text, rec))
    if trace:
        _trace(state, r, i, f"{role}" + (f" of record {_label(state, rec)}" if rec is not None else ""))


def _leftover(state: IssueState, r: PageReading, i: int, text: str, why: str) -> None:
    state.leftovers.append(Fragment(r.page.index, r.page.lines[i].number, "leftover", text))
    _trace(state, r, i, f"LEFTOVER: {why}")


def _trace(state: IssueState, r: PageReading, i: int, action: str) -> None:
    cls = r.classes[i]
    state.trace.append(TraceLine(r.page.index, r.page.lines[i].number, r.texts[i], cls.kind, cls.rule, action))


def _label(state: IssueState, rec: Record | None) -> str:
    if rec is None:
        return "—"
    if rec in state.blocks:
        return f"（上接{rec.continued_from}页） block"
    return f"#{next(k for k, x in enumerate(state.records, start=1) if x is rec)}"


def _stitch(state: IssueState) -> dict[int, Record | None]:
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
            for (page, line), body in zip(blk.body_at, blk.body, strict=True):
                state.leftovers.append(Fragment(page, line, "leftover", body.text))
            owners[id(blk)] = None
            continue
        rec = targets[0]
        rec.cut_taken = True
        rec.guessed_end = rec.guessed_end or blk.guessed_end
        for body, (page, line) in zip(blk.body, blk.body_at, strict=True):
            rec.add(page, line, body.text, body.width, measure=body.measure)
        for page in blk.pages:
            rec.touch(page)
        rec.author_note = blk.author_note or rec.author_note
        owners[id(blk)] = rec
    for rec in state.records:
        if rec.cut and not rec.cut_taken:
            state.warnings.append(
                f"{state.source}: {rec.title or 'an article'} says it goes on at page {rec.cut[1]}, "
                "but no （上接…） block was found there"
            )
    return owners
